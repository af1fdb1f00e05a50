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
  /**
   * The same sentence as an id of the service catalogue (shared/i18n/service-messages) and its
   * values, so a screen can say it in the app's language; `message` stays English for the CLI and logs.
   */
  messageId: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A sentence as a catalogue id with its values (see `serviceFailure` in shared/i18n), for a status or a failure. */
export const failureTextSchema = z.object({ messageId: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) });
export interface FailureText {
  readonly messageId: string;
  readonly values: Record<string, string | number>;
}

/** Thrown by services for a failure the caller should see as-is (never a stack trace). */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiError['issues'];
  readonly text: FailureText | undefined;
  constructor(code: ApiErrorCode, message: string, issues?: ApiError['issues'], text?: FailureText) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.issues = issues;
    this.text = text;
  }

  /** The envelope's error, with the catalogue id when there is one. */
  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.text ? { messageId: this.text.messageId, values: this.text.values } : {}),
    };
  }

  static fromApiError(error: ApiError): ApiFailure {
    const text = error.messageId ? { messageId: error.messageId, values: error.values ?? {} } : undefined;
    return new ApiFailure(error.code, error.message, error.issues, text);
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
