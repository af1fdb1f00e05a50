import { z } from 'zod';
import { apiErrorSchema, type ApiError, type ApiErrorCode } from './result';

/**
 * The one error body Groundwork's HTTP servers send (the loopback bridge and the hub): the
 * contract's failure envelope, `{ ok: false, error: { code, message, issues? } }`. The bridge's
 * codes are the contract's; the hub adds its own for what happens before a call's logic runs
 * (store unavailable, clock skew, a used link), in the same shape.
 */
export const httpErrorBodySchema = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
    message: z.string(),
    issues: apiErrorSchema.shape.issues,
  }),
});
export type HttpErrorBody = z.infer<typeof httpErrorBodySchema>;

export const errorBody = (code: string, message: string, issues?: ApiError['issues']): HttpErrorBody => ({
  ok: false,
  error: { code, message, ...(issues ? { issues } : {}) },
});

/** The HTTP status that goes with each contract error code. */
export const httpStatusOf: Readonly<Record<ApiErrorCode, number>> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  unknown_call: 404,
  payload_too_large: 413,
  internal: 500,
};

export interface Refusal {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly message: string;
}

/**
 * A request the server framework refused before any route ran (Fastify's 4xx: body too large,
 * unreadable JSON, a content type it has no parser for), said the same way by both servers.
 * `limit` names the body limit in the message; null means not a refusal (an internal error).
 */
export const frameworkRefusal = (status: number | undefined, limit?: number): Refusal | null => {
  if (status === 413) return { status, code: 'payload_too_large', message: `The request body is larger than ${limit ? `the ${limit} bytes` : 'what'} this server accepts.` };
  if (status === 415) return { status, code: 'validation', message: 'Unsupported content type: send application/json.' };
  if (status === 404) return { status, code: 'not_found', message: 'No such endpoint.' };
  if (status !== undefined && status >= 400 && status < 500) return { status: 400, code: 'validation', message: 'The request body is not valid JSON, or could not be read.' };
  return null;
};
