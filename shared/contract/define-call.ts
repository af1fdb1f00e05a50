import type { z } from 'zod';

/**
 * One call of the API: the task-named method the preload bridge exposes, its input schema and
 * its output schema. The channel name (`domain:action`) is the key it is filed under in the contract.
 */
export interface CallSpec<M extends string = string, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly method: M;
  readonly summary: string;
  readonly input: I;
  readonly output: O;
}

export const defineCall = <const M extends string, I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<M, I, O>) => spec;
