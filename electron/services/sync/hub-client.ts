import type { z } from 'zod';
import { httpErrorBodySchema } from '../../../shared/contract/http-error';
import {
  blobPutResponseSchema,
  enrollResponseSchema,
  legacyHubErrorSchema,
  pullResponseSchema,
  pushResponseSchema,
  type EnrollRequest,
  type EnrollResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../shared/sync/protocol';
import {
  collectResponseSchema,
  publishLinkResponseSchema,
  revokeLinkResponseSchema,
  submittedAnswersSchema,
  type PublishLinkRequest,
  type PublishLinkResponse,
  type SubmittedAnswersResponse,
} from '../../../shared/questionnaire/hub-link-protocol';

/** The hub answered with an error status. */
export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HubHttpError';
  }
}

/** The hub could not be reached, or the connection broke before an answer. */
export class HubUnreachableError extends Error {
  constructor(
    readonly hubUrl: string,
    readonly detail: string,
  ) {
    super(`The partner hub at ${hubUrl} could not be reached (${detail}).`);
    this.name = 'HubUnreachableError';
  }
}

/** Worth another try: the network, a timeout, an overloaded or restarting hub. */
export const isRetryableHubError = (error: unknown): boolean =>
  error instanceof HubUnreachableError ||
  (error instanceof HubHttpError && (error.status >= 500 || error.status === 408 || error.status === 429));

export interface HubClientOptions {
  readonly timeoutMs?: number;
}

/** The device's side of the /v1/ protocol; every answer is checked against the shared schemas. */
const jsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    // handled: not our hub's JSON (a proxy's error page, say); the error then names the HTTP status alone.
    return undefined;
  }
};

export class HubClient {
  private readonly timeoutMs: number;
  /**
   * The hub's clock minus ours, from the `Date` header of the last answer (1 s resolution, taken
   * against the middle of the round trip); null before any answer. Tells a laptop its clock is off.
   */
  hubClockOffsetMs: number | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly token: string | null,
    options: HubClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  private async request(method: string, path: string, body?: { json: unknown } | { bytes: Buffer }): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['content-type'] = 'application/octet-stream';
      payload = new Uint8Array(body.bytes.buffer as ArrayBuffer, body.bytes.byteOffset, body.bytes.byteLength);
    }
    let response: Response;
    const sentAt = Date.now();
    try {
      response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(this.timeoutMs) });
      const hubDate = Date.parse(response.headers.get('date') ?? '');
      if (Number.isFinite(hubDate)) this.hubClockOffsetMs = hubDate - Math.round((sentAt + Date.now()) / 2);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const detail = (error as Error).name === 'TimeoutError' ? 'no answer in time' : (cause?.code ?? cause?.message ?? (error as Error).message);
      throw new HubUnreachableError(this.baseUrl, detail);
    }
    if (response.ok) return response;
    let text = '';
    try {
      text = await response.text();
    } catch {
      throw new HubUnreachableError(this.baseUrl, 'the connection broke during the answer');
    }
    const json = jsonOrUndefined(text);
    const answer = httpErrorBodySchema.safeParse(json);
    const legacy = legacyHubErrorSchema.safeParse(json);
    const parsed = answer.success ? answer.data.error : legacy.success ? { code: legacy.data.error, message: legacy.data.message } : null;
    throw new HubHttpError(response.status, parsed?.code ?? 'http_error', parsed?.message ?? `HTTP ${response.status}`);
  }

  private async json<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
    let value: unknown;
    try {
      value = await response.json();
    } catch {
      throw new HubUnreachableError(this.baseUrl, 'the connection broke during the answer');
    }
    const checked = schema.safeParse(value);
    if (!checked.success) throw new HubHttpError(502, 'bad_answer', 'The hub sent an answer this version of Groundwork does not understand.');
    return checked.data;
  }

  async enroll(request: EnrollRequest): Promise<EnrollResponse> {
    return this.json(await this.request('POST', '/v1/enroll', { json: request }), enrollResponseSchema);
  }

  async push(request: PushRequest): Promise<PushResponse> {
    return this.json(await this.request('POST', '/v1/push', { json: request }), pushResponseSchema);
  }

  async pull(cursor: number, limit: number): Promise<PullResponse> {
    return this.json(await this.request('GET', `/v1/pull?cursor=${cursor}&limit=${limit}`), pullResponseSchema);
  }

  async hasBlob(sha256: string): Promise<boolean> {
    try {
      await this.request('HEAD', `/v1/blobs/${sha256}`);
      return true;
    } catch (error) {
      if (error instanceof HubHttpError && error.status === 404) return false;
      throw error;
    }
  }

  /** The bytes of a blob, or null when the hub does not have it. */
  async getBlob(sha256: string): Promise<Buffer | null> {
    let response: Response;
    try {
      response = await this.request('GET', `/v1/blobs/${sha256}`);
    } catch (error) {
      if (error instanceof HubHttpError && error.status === 404) return null;
      throw error;
    }
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch {
      throw new HubUnreachableError(this.baseUrl, 'the connection broke during the answer');
    }
  }

  async publishQuestionnaireLink(request: PublishLinkRequest): Promise<PublishLinkResponse> {
    return this.json(await this.request('POST', '/v1/questionnaire-links', { json: request }), publishLinkResponseSchema);
  }

  async revokeQuestionnaireLink(id: string): Promise<void> {
    await this.json(await this.request('POST', `/v1/questionnaire-links/${encodeURIComponent(id)}/revoke`, { json: {} }), revokeLinkResponseSchema);
  }

  async submittedQuestionnaireAnswers(): Promise<SubmittedAnswersResponse> {
    return this.json(await this.request('GET', '/v1/questionnaire-answers'), submittedAnswersSchema);
  }

  async collectedQuestionnaireAnswers(ids: readonly string[]): Promise<number> {
    return (await this.json(await this.request('POST', '/v1/questionnaire-answers/collected', { json: { ids } }), collectResponseSchema)).collected;
  }

  async putBlob(sha256: string, bytes: Buffer): Promise<void> {
    await this.json(await this.request('PUT', `/v1/blobs/${sha256}`, { bytes }), blobPutResponseSchema);
  }
}
