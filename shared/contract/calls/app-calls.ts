import { z } from 'zod';
import { defineCall } from '../define-call';
import { appInfoSchema, appLanguageSchema, diagnosticsSchema, logFolderSchema, passphraseChangeSchema } from '../../domain/app-info';

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
  'app:language': defineCall({
    method: 'getAppLanguage',
    summary: "The app's language on this installation (the engineer's; each case's report language is separate)",
    input: z.object({}).strict(),
    output: appLanguageSchema,
  }),
  'app:set-language': defineCall({
    method: 'setAppLanguage',
    summary: "Change the app's language; exports and each case's report language are not touched",
    input: appLanguageSchema,
    output: appLanguageSchema,
  }),
  'app:diagnostics': defineCall({
    method: 'getDiagnostics',
    summary: 'Version, platform, database schema and the last warnings and errors from the log, as text to copy (no customer data)',
    input: z.object({}).strict(),
    output: diagnosticsSchema,
  }),
  'app:open-log-folder': defineCall({
    method: 'openLogFolder',
    summary: "Open the log folder in the file manager (desktop app); elsewhere, its path to show",
    input: z.object({}).strict(),
    output: logFolderSchema,
  }),
} as const;
