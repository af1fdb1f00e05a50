import type { z } from 'zod';
import type { CallSpec } from '../../../shared/contract/define-call';

/** The handlers for one feature's calls: parsed input in, the promised output (or a promise) out. */
export type HandlersFor<Calls extends Record<string, CallSpec>> = {
  [C in keyof Calls]: (input: z.output<Calls[C]['input']>) => z.output<Calls[C]['output']> | Promise<z.output<Calls[C]['output']>>;
};
