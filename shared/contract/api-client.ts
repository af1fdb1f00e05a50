import type { ApiResult } from './result';
import { ApiFailure } from './result';
import {
  apiContract,
  channels,
  type CallInput,
  type CallOutput,
  type Channel,
  type ChannelOfMethod,
  type MethodName,
} from './api-contract';

/** What a transport does: send one call on a channel (with its operation id), get the envelope back. */
export type Transport = (channel: Channel, input: unknown, op: string) => Promise<ApiResult<unknown>>;

/** The typed client: one task-named async function per call, throwing ApiFailure on error. */
export type ApiClient = {
  [M in MethodName]: (input: CallInput<ChannelOfMethod<M>>) => Promise<CallOutput<ChannelOfMethod<M>>>;
};

/** The shape the preload bridge exposes: the same task names (plus the operation id), returning the raw envelope. */
export type BridgeApi = {
  [M in MethodName]: (input: CallInput<ChannelOfMethod<M>>, op?: string) => Promise<ApiResult<CallOutput<ChannelOfMethod<M>>>>;
};

export const unwrap = <T>(result: ApiResult<T>): T => {
  if (result.ok) return result.value;
  throw ApiFailure.fromApiError(result.error);
};

/**
 * One client per transport; every call gets a fresh operation id (from `newOp`, e.g.
 * `() => crypto.randomUUID()`), which the services put on each log line of that call.
 */
export const createApiClient = (transport: Transport, newOp: () => string = fallbackOperationId): ApiClient =>
  Object.fromEntries(
    channels.map((channel) => [
      apiContract[channel].method,
      async (input: unknown) => unwrap(await transport(channel, input ?? {}, newOp())),
    ]),
  ) as ApiClient;

/** Unique enough to find one call's lines in one device's log; not a secret. */
const fallbackOperationId = (): string =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}`;
