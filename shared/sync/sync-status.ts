import { z } from 'zod';
import { hubRoleSchema } from './protocol';
import { failureTextSchema } from '../contract/result';
import { englishOf, serviceText, type ServiceText } from '../i18n/service-failure';
import { defaultMaxClockSkewMs, skewParts } from './hlc';

/** What the Settings panel and `groundwork sync` show about this device's link to its hub. */
export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  hubUrl: z.string().nullable(),
  partnerName: z.string().nullable(),
  role: hubRoleSchema.nullable(),
  deviceName: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** Local changes not yet acknowledged by the hub. */
  pendingCount: z.number().int().nonnegative(),
  /** Changes the hub received but refused (e.g. an edit to another engineer's case). */
  refusedCount: z.number().int().nonnegative(),
  /** The last failure, in plain words; null after a successful sync. */
  lastError: z.string().nullable(),
  /** Set when the hub token is not protected by the OS keychain. */
  tokenWarning: z.string().nullable(),
  /** The hub's clock minus this laptop's at the last answer (from its Date header, 1 s resolution); null before one. */
  hubClockOffsetMs: z.number().int().nullable(),
  /** That offset in words ("in step with the hub", "2 minutes behind the hub"); null before any answer. */
  clockOffset: z.string().nullable(),
  /** Set when this laptop's clock differs from the hub's by more than the allowed skew. */
  clockWarning: z.string().nullable(),
  /** Set when the hub address is plain http and not this machine. */
  hubUrlWarning: z.string().nullable(),
  /** Each attachment missing from this laptop that holds a change back: which file, where it was expected. The other changes are sent. */
  missingAttachments: z.array(z.string()),
  /** The app's background sync: on (with its next try), paused by the user, or off where none runs (the CLI) and before enrolling. */
  backgroundSync: z.enum(['on', 'paused', 'off']),
  /** When background sync tries next; null unless it is on and waiting (not while a sync runs). */
  nextAttemptAt: z.string().nullable(),
  /**
   * The sentences above by catalogue id, for a screen in another language: each null where its
   * field is, or where the words came from elsewhere (an earlier version, a hub's own text).
   */
  said: z.object({
    lastError: failureTextSchema.nullable(),
    clockOffset: failureTextSchema.nullable(),
    clockWarning: failureTextSchema.nullable(),
    hubUrlWarning: failureTextSchema.nullable(),
  }),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/**
 * The measured offset in words. The hub's Date header counts whole seconds and the round trip
 * blurs it further, so anything within 2 s reads as in step.
 */
export const clockOffsetText = (offsetMs: number | null): ServiceText | null => {
  if (offsetMs === null) return null;
  const ms = Math.abs(offsetMs);
  if (ms <= 2_000) return serviceText('status.clockInStep');
  const [amount, unit]: [number, string] =
    ms < 90_000
      ? [Math.round(ms / 1000), 'seconds']
      : ms < 90 * 60_000
        ? [Math.round(ms / 60_000), 'minutes']
        : ms < 48 * 3_600_000
          ? [Math.round(ms / 3_600_000), 'hours']
          : [Math.round(ms / 86_400_000), 'days'];
  // Offset = hub − laptop: positive means the laptop is behind.
  return serviceText('status.clockOffset', { amount, unit, direction: offsetMs > 0 ? 'behind' : 'ahead' });
};

export const describeClockOffset = (offsetMs: number | null): string | null => englishOf(clockOffsetText(offsetMs));

/** Said when the hub's `Date` differs from this laptop's clock by more than the skew bound. */
export const clockWarningText = (offsetMs: number | null, maxSkewMs: number = defaultMaxClockSkewMs): ServiceText | null => {
  if (offsetMs === null || Math.abs(offsetMs) <= maxSkewMs) return null;
  const { amount, unit } = skewParts(offsetMs);
  // The hub refuses changes stamped in its future (the laptop ahead); behind, edits may lose to older ones.
  return serviceText('status.clockWarning', { amount, unit, direction: offsetMs < 0 ? 'ahead' : 'behind' });
};


export const backgroundSyncInputSchema = z.object({ paused: z.boolean() }).strict();

export const syncReportSchema = z.object({
  pushed: z.number().int().nonnegative(),
  pulled: z.number().int().nonnegative(),
  blobsUploaded: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  status: syncStatusSchema,
});
export type SyncReport = z.infer<typeof syncReportSchema>;

export const hubUrlSchema = z
  .string()
  .trim()
  .min(1, 'The hub address is required')
  // No user:password@ (tokens, not passwords, authenticate) and nothing but http(s).
  .regex(/^https?:\/\/[A-Za-z0-9.\-[\]:]+(\/[^\s?#]*)?$/, 'The hub address must look like https://hub.example.com')
  .transform((text) => text.replace(/\/+$/, ''));

const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * Plain http anywhere but this machine lets anyone on the network read the token and the cases.
 * (A regex, not URL: shared/ runs without DOM or Node globals.)
 */
export const hubUrlWarningText = (hubUrl: string | null): ServiceText | null => {
  const match = /^http:\/\/(\[[^\]]*\]|[^/:[\]]*)/i.exec(hubUrl?.trim() ?? '');
  if (!match || isLoopbackHost((match[1] as string).toLowerCase())) return null;
  return serviceText('status.hubUrlPlain', { hubUrl: hubUrl ?? '', secure: 'https://' });
};

export const enrollInputSchema = z.object({
  hubUrl: hubUrlSchema,
  code: z.string().trim().min(1, 'The enrollment code is required').max(40),
  deviceName: z.string().trim().max(200).default(''),
});
export type EnrollInput = z.input<typeof enrollInputSchema>;

/** One case from the hub as the account manager's History list shows it. */
export const partnerCaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  customerName: z.string(),
  siteName: z.string(),
  engineer: z.string(),
  /** The enrolled device (laptop) the case came from. */
  deviceName: z.string(),
  status: z.string(),
  /** The readiness level, once the case has been scored; null before. */
  level: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The case was made on this device; others' cases are read-only here. */
  mine: z.boolean(),
});
export type PartnerCase = z.infer<typeof partnerCaseSchema>;

export const partnerCasesQuerySchema = z.object({ search: z.string().max(500).default('') }).strict();
