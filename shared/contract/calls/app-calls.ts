import { z } from 'zod';
import { defineCall } from '../define-call';
import { appInfoSchema } from '../../domain/app-info';

export const appCalls = {
  'app:info': defineCall({
    method: 'getAppInfo',
    summary: 'Version, data directory and schema version of this installation',
    input: z.object({}).strict(),
    output: appInfoSchema,
  }),
} as const;
