import { z } from 'zod';

/** Error codes a caller can act on; the message is for people. */
export const apiErrorCodes = [
  'validation',
  'not_found',
  'conflict',
  'forbidden',
  'unauthorized',
  'unknown_call',
  'payload_too_large',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  code: z.enum(apiErrorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services for a failure the caller should see as-is (never a stack trace). */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiError['issues'];
  constructor(code: ApiErrorCode, message: string, issues?: ApiError['issues']) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.issues = issues;
  }
}

export const formatIssuePath = (path: readonly PropertyKey[]): string =>
  path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : String(segment))).join('.').replace(/\.\[/g, '[');

/** Turns a zod error into the envelope's issue list, with a one-line summary message. */
export const validationFailure = (error: z.ZodError, what: string): ApiFailure => {
  const issues = error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
  const first = issues[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid';
  return new ApiFailure('validation', `Invalid ${what}: ${summary}`, issues);
};
