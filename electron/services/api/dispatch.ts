import { apiContract, isChannel, type Channel } from '../../../shared/contract/api-contract';
import { ApiFailure, validationFailure, type ApiResult } from '../../../shared/contract/result';
import { isOperationId } from '../../../shared/contract/operation-id';
import { createDeviceLogging, newOperationId, type Logging } from '../log/logger';
import type { Handlers } from './handlers';
import { serviceFailure } from '../../../shared/i18n/service-failure';

/** One call: channel, payload, and the operation id the caller made for it (a fresh one if absent). */
export type Dispatch = (channel: unknown, input: unknown, op?: unknown) => Promise<ApiResult<unknown>>;

const toFailureResult = (error: unknown, logging: Logging, channel: string, op: string): ApiResult<never> => {
  if (error instanceof ApiFailure) {
    logging.log.debug({ channel, code: error.code }, 'call refused');
    return { ok: false, error: error.toApiError() };
  }
  // Unexpected: keep the details in the log, give the caller a plain sentence and the reference to quote.
  logging.log.error({ err: error, channel }, 'call failed');
  return { ok: false, error: serviceFailure('internal', 'error.internal', { reference: op.slice(0, 8) }).toApiError() };
};

/** Without the services' log (a bare test dispatcher), warnings and errors still reach stderr. */
const stderrLogging = (): Logging => createDeviceLogging({ level: 'warn', echo: process.stderr });

/**
 * Validates the channel and payload against the contract, runs the handler, and checks the
 * output too, so no transport can ever return what the contract does not promise. Each call
 * runs under its operation id, so every line the service logs for it carries that id.
 */
export const createDispatch = (handlers: Handlers, logging: Logging = stderrLogging()): Dispatch =>
  async (channel, input, givenOp) => {
    const op = isOperationId(givenOp) ? givenOp : newOperationId();
    const name = String(channel).slice(0, 100);
    return logging.withOperation(op, async () => {
      const started = performance.now();
      try {
        if (!isChannel(channel)) throw serviceFailure('unknown_call', 'error.unknownCall', { name });
        const spec = apiContract[channel];
        const parsed = spec.input.safeParse(input ?? {});
        if (!parsed.success) throw validationFailure(parsed.error, `input for ${channel}`);
        const handler = handlers[channel] as (i: unknown) => unknown;
        const output = await handler(parsed.data);
        const checked = spec.output.safeParse(output);
        if (!checked.success) throw new Error(`Output of ${channel} broke the contract: ${checked.error.message}`);
        logging.log.debug({ channel, ms: Math.round(performance.now() - started) }, 'call done');
        return { ok: true, value: checked.data };
      } catch (error) {
        return toFailureResult(error, logging, name, op);
      }
    });
  };

export type { Channel };
