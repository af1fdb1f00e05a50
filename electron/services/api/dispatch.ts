import { apiContract, isChannel, type Channel } from '../../../shared/contract/api-contract';
import { ApiFailure, validationFailure, type ApiResult } from '../../../shared/contract/result';
import type { Handlers } from './handlers';

export type Dispatch = (channel: unknown, input: unknown) => Promise<ApiResult<unknown>>;

const toFailureResult = (error: unknown, log: (e: unknown) => void): ApiResult<never> => {
  if (error instanceof ApiFailure) {
    return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
  }
  // Unexpected: keep the details in the log, give the caller a plain sentence.
  log(error);
  return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Groundwork; the details are in the log.' } };
};

/**
 * Validates the channel and payload against the contract, runs the handler, and checks the
 * output too, so no transport can ever return what the contract does not promise.
 */
export const createDispatch = (handlers: Handlers, log: (error: unknown) => void = console.error): Dispatch =>
  async (channel, input) => {
    try {
      if (!isChannel(channel)) throw new ApiFailure('unknown_call', `Unknown call: ${String(channel).slice(0, 100)}`);
      const spec = apiContract[channel];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) throw validationFailure(parsed.error, `input for ${channel}`);
      const handler = handlers[channel] as (i: unknown) => unknown;
      const output = await handler(parsed.data);
      const checked = spec.output.safeParse(output);
      if (!checked.success) throw new Error(`Output of ${channel} broke the contract: ${checked.error.message}`);
      return { ok: true, value: checked.data };
    } catch (error) {
      return toFailureResult(error, log);
    }
  };

export type { Channel };
