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

/** What a transport does: send one call on a channel, get the envelope back. */
export type Transport = (channel: Channel, input: unknown) => Promise<ApiResult<unknown>>;

/** The typed client: one task-named async function per call, throwing ApiFailure on error. */
export type ApiClient = {
  [M in MethodName]: (input: CallInput<ChannelOfMethod<M>>) => Promise<CallOutput<ChannelOfMethod<M>>>;
};

/** The shape the preload bridge exposes: the same task names, returning the raw envelope. */
export type BridgeApi = {
  [M in MethodName]: (input: CallInput<ChannelOfMethod<M>>) => Promise<ApiResult<CallOutput<ChannelOfMethod<M>>>>;
};

export const unwrap = <T>(result: ApiResult<T>): T => {
  if (result.ok) return result.value;
  throw new ApiFailure(result.error.code, result.error.message, result.error.issues);
};

export const createApiClient = (transport: Transport): ApiClient =>
  Object.fromEntries(
    channels.map((channel) => [
      apiContract[channel].method,
      async (input: unknown) => unwrap(await transport(channel, input ?? {})),
    ]),
  ) as ApiClient;
