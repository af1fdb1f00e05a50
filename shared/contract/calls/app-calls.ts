import { z } from 'zod';
import { defineCall } from '../define-call';
import { appInfoSchema, passphraseChangeSchema } from '../../domain/app-info';

export const appCalls = {
  'app:info': defineCall({
    method: 'getAppInfo',
    summary: 'Version, data directory and schema version of this installation',
    input: z.object({}).strict(),
    output: appInfoSchema,
  }),
  'app:set-passphrase': defineCall({
    method: 'setPassphrase',
    summary: "Protect the case history's key with a passphrase, or change it (the current one is asked for)",
    input: passphraseChangeSchema,
    output: appInfoSchema.shape.keyProtection,
  }),
} as const;
