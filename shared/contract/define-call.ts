import type { z } from 'zod';

/**
 * One call of the API: the channel name (`domain:action`), the task-named method the preload
 * bridge exposes, its input schema and its output schema. Every transport derives from these.
 */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly method: string;
  readonly summary: string;
  readonly input: I;
  readonly output: O;
}

export const defineCall = <I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>) => spec;
