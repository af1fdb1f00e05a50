import { z } from 'zod';
import { hlcPattern } from './hlc';
import { mutationSchema, syncableTables } from './mutation';
import { fieldConflictSchema } from './conflicts';

/**
 * The wire protocol between a device and its partner hub (all under /v1/). Every request but
 * enroll carries `Authorization: Bearer <token>`; the hub keeps only the token's sha256.
 */

export const hubRoles = ['engineer', 'account-manager', 'admin'] as const;
export const hubRoleSchema = z.enum(hubRoles);
export type HubRole = z.infer<typeof hubRoleSchema>;

export const hubRoleLabels: Record<HubRole, string> = {
  engineer: 'Engineer',
  'account-manager': 'Account manager',
  admin: 'Partner admin',
};

/** Roles that see every case of their partner, not only their own device's. */
export const seesAllPartnerCases = (role: HubRole): boolean => role !== 'engineer';

/**
 * Shared reference data every device pulls and anyone may edit, resolved last-writer-wins per
 * field: branding, question bank versions, the price book. Other tables are case data, owned
 * by the device that created the row.
 */
export const referenceTables = ['branding_profiles', 'question_bank_versions', 'price_book_items'] as const;
export const isReferenceTable = (table: string): boolean => (referenceTables as readonly string[]).includes(table);

/** Names and ids that end up in SQL text columns: no control characters (PostgreSQL refuses NUL). */
const plainText = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((text) => ![...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'must not contain control characters');

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');

/** Fields whose name ends in `_sha256` name a blob that must reach the hub before the mutation. */
export const blobFieldSuffix = '_sha256';
/** Evidence names its file by a plain `sha256` field: those bytes travel too. */
const tablesWithBlobHash = new Set(['evidence_attachments']);
/** Hashes that name no file: a questionnaire return's identity is the sha256 of the answers it brought. */
const hashesNotBlobs: Readonly<Record<string, string>> = { questionnaire_returns: 'file_sha256' };
export const blobRefsOf = (fields: Record<string, unknown>, table?: string): string[] =>
  Object.entries(fields)
    .filter(
      ([name, value]) =>
        (name.endsWith(blobFieldSuffix) || (name === 'sha256' && table !== undefined && tablesWithBlobHash.has(table))) &&
        !(table !== undefined && hashesNotBlobs[table] === name) &&
        typeof value === 'string' &&
        /^[0-9a-f]{64}$/.test(value),
    )
    .map(([, value]) => value as string);

// Enroll -------------------------------------------------------------------------------------

export const enrollCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^GW(-[0-9A-Z]{4}){4}$/, 'must look like GW-XXXX-XXXX-XXXX-XXXX');

export const enrollRequestSchema = z.object({
  code: enrollCodeSchema,
  deviceName: plainText(1, 200).trim().min(1),
  /** The device's own (local) id, recorded so the hub can tell the origin of each row. */
  localDeviceId: plainText(1, 100),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.uuid(),
  token: z.string().min(32),
  partner: z.object({ id: z.uuid(), name: z.string() }),
  role: hubRoleSchema,
  tokenExpiresAt: z.string(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

// Push ---------------------------------------------------------------------------------------

export const maxPushBatch = 1_000;

/** One outbox entry on the wire: `seq` is the device's increasing id for it. */
export const pushedMutationSchema = mutationSchema.extend({
  seq: z.number().int().positive(),
  fields: z.record(z.string().max(100), z.unknown()),
  hlc: z.string().regex(hlcPattern, 'must be an HLC timestamp'),
  mutationId: plainText(1, 100),
  originDevice: plainText(1, 100),
});
export type PushedMutation = z.infer<typeof pushedMutationSchema>;

export const pushRequestSchema = z
  .object({ mutations: z.array(pushedMutationSchema).min(1).max(maxPushBatch) })
  .refine((body) => body.mutations.every((m, i) => i === 0 || m.seq > (body.mutations[i - 1] as PushedMutation).seq), {
    message: 'mutation seq must increase within a batch',
    path: ['mutations'],
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** Every mutation with seq up to this one is applied (now or before): the device may mark them sent. */
  acknowledgedThrough: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  /** Processed but refused (e.g. an engineer editing another device's case): never silently dropped. */
  refused: z.array(z.object({ seq: z.number().int(), reason: z.string() })),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// Blobs --------------------------------------------------------------------------------------

export const maxBlobBytes = 64 * 1024 * 1024;
export const blobPutResponseSchema = z.object({ sha256: sha256HexSchema, size: z.number().int(), created: z.boolean() });

// Pull ---------------------------------------------------------------------------------------

export const pullScopes = ['own', 'partner'] as const;
export const pullQuerySchema = z.object({
  cursor: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1_000).default(500),
  /** Omitted: what the role may see. `partner` asks for every case and is refused to engineers. */
  scope: z.enum(pullScopes).optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

export const remoteRowSchema = z.object({
  table: z.string(),
  rowId: z.string(),
  /** The row as the hub holds it now: every field, each the last writer's. */
  fields: z.record(z.string(), z.unknown()),
  hlc: z.string(),
  deleted: z.boolean(),
  ownerDevice: z.string(),
  ownerDeviceName: z.string(),
  originDevice: z.string(),
  changeSeq: z.number().int(),
  /** Fields two devices changed without seeing each other's value, each with every competing value. */
  conflicts: z.array(fieldConflictSchema).optional(),
});
export type RemoteRow = z.infer<typeof remoteRowSchema>;

export const pullResponseSchema = z.object({
  rows: z.array(remoteRowSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// Errors -------------------------------------------------------------------------------------

/** What hubs before the shared error body (shared/contract/http-error) answered; a device still reads it. */
export const legacyHubErrorSchema = z.object({ error: z.string(), message: z.string() });

export { syncableTables };
