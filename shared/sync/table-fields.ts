import { z } from 'zod';
import type { SyncableTable } from './mutation';

/**
 * What a device may push per synced table: the user columns of the device's own tables, each with
 * its type and the checks its SQL column has. A mutation carries only the fields it changed, so
 * every field is optional, and a field not listed is refused (`strict`). The hub checks every
 * pushed mutation against these before applying anything; test/unit/sync/table-fields.test.ts
 * keeps them equal to the device's columns, so a migration that adds a synced column fails the
 * test until the field is listed here.
 */

const maxText = 200_000;
const text = (max = maxText) => z.string().max(max);
const nullableText = (max = maxText) => text(max).nullable();
const flag = z.union([z.literal(0), z.literal(1)]);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const jsonText = z
  .string()
  .max(5_000_000)
  .refine((value) => {
    try {
      JSON.parse(value);
      return true;
    } catch {
      // handled: the refinement's message tells the device which field is not JSON.
      return false;
    }
  }, 'must be JSON text');
const currency = z.string().length(3);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');
const logoMime = z.enum(['', 'image/png', 'image/svg+xml']);
/** Base64 of a logo of at most 1 MiB (1,398,112 characters, as the column's CHECK). */
const logoBase64 = z.string().max(1_398_112);

const fields = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, deleted: flag }).partial().strict();

export const tableFieldSchemas = {
  branding_profiles: fields({
    name: text(500),
    partner_name: text(500),
    primary_color: text(50),
    accent_color: text(50),
    contact: text(2_000),
    footer: text(5_000),
    disclaimer: text(20_000),
    logo_mime: logoMime,
    logo_base64: logoBase64,
    font: text(200),
    is_default: flag,
    proposal_terms_json: jsonText,
  }),
  customers: fields({ name: text(500), logo_mime: logoMime, logo_base64: logoBase64 }),
  sites: fields({ customer_id: text(100), name: text(500), address: text(2_000) }),
  contacts: fields({ case_id: text(100), position: count, name: text(500), role: text(500), email: text(500), phone: text(200) }),
  cases: fields({
    customer_id: text(100),
    site_id: nullableText(100),
    branding_profile_id: nullableText(100),
    title: text(1_000),
    engineer: text(500),
    status: z.enum(['draft', 'in_progress', 'complete']),
    archived: flag,
    previous_case_id: nullableText(100),
    completed_at: nullableText(100),
    completed_by: text(500),
  }),
  price_book_items: fields({
    sku: z.string().min(1).max(100),
    description: text(5_000),
    unit: text(100),
    unit_price_minor: count,
    currency,
    recurring: flag,
    quantity_rule: z.enum(['per_user', 'per_device', 'per_site', 'fixed']),
  }),
  probe_runs: fields({
    case_id: text(100),
    status: z.enum(['running', 'complete', 'cancelled', 'interrupted']),
    source: z.enum(['app', 'collector']),
    host: text(1_000),
    tool_version: text(200),
    probe_ids: jsonText,
    targets: jsonText,
    sweep_authorisation: jsonText.nullable(),
    bundle_sha256: sha256.nullable(),
    started_at: text(100),
    finished_at: nullableText(100),
  }),
  probe_results: fields({
    run_id: text(100),
    probe_id: text(200),
    title: text(1_000),
    status: z.enum(['ok', 'failed', 'timeout', 'cancelled', 'unsupported']),
    message: text(),
    started_at: text(100),
    duration_ms: z.number().nonnegative(),
    metrics: jsonText,
    samples: jsonText,
    details: jsonText,
    measurements: jsonText.nullable(),
  }),
  interviews: fields({ case_id: text(100), bank_id: text(200), bank_version: text(100) }),
  answers: fields({
    case_id: text(100),
    question_id: z.string().min(1).max(80),
    value: jsonText.nullable(),
    note: text(),
    measured: flag,
    carried_from_case: nullableText(100),
    customer_source: jsonText.nullable(),
    provenance: jsonText.nullable(),
    override_reason: text(2_000),
  }),
  finding_exceptions: fields({
    case_id: text(100),
    finding_id: z.string().min(1).max(80),
    compensating_control: z.string().min(1).max(20_000),
    reason: z.string().min(1).max(20_000),
    recorded_by: text(500),
  }),
  evidence_attachments: fields({
    case_id: text(100),
    question_id: nullableText(80),
    sha256,
    file_name: z.string().min(1).max(255),
    media_type: text(200),
    size_bytes: count,
    caption: text(5_000),
  }),
  case_events: fields({
    case_id: text(100),
    kind: z.enum(['started', 'completed', 'reopened', 'reassigned', 'reassessed']),
    actor: text(500),
    detail: text(5_000),
    at: text(100),
  }),
  proposals: fields({
    case_id: text(100),
    title: text(1_000),
    status: z.enum(['draft', 'sent', 'accepted', 'declined']),
    currency,
    discount_basis_points: z.number().int().min(0).max(10_000),
    terms: text(20_000),
    author: text(500),
    status_changed_at: nullableText(100),
  }),
  proposal_lines: fields({
    proposal_id: text(100),
    position: count,
    sku: text(100),
    description: text(5_000),
    unit: text(100),
    quantity: count,
    unit_price_minor: count,
    recurring: flag,
    reasons: jsonText,
  }),
  case_comments: fields({ case_id: text(100), finding_id: nullableText(80), author: text(500), body: z.string().min(1).max(5_000) }),
  questionnaires: fields({
    case_id: text(100),
    stakeholders: jsonText,
    question_ids: jsonText,
    cover_message: text(5_000),
    bank_id: text(80),
    bank_version: text(40),
    // The key its answers files are signed with: the new owner of a handed-over case checks them too.
    signing_key: z.string().regex(/^[0-9a-f]{64}$/, 'must be 32 bytes of hex'),
  }),
  questionnaire_returns: fields({
    file_sha256: sha256,
    questionnaire_id: text(100),
    case_id: nullableText(100),
    stakeholder: text(40),
    respondent: text(500),
    submitted_at: text(100),
    imported_at: text(100),
    answer_count: count,
  }),
  // What was handed over and when; the inputs it was rendered from stay on the laptop that exported.
  report_exports: fields({
    case_id: text(100),
    kind: z.enum(['executive', 'technical', 'proposal', 'reassessment']),
    format: z.enum(['pdf', 'docx', 'html', 'csv']),
    template_version: text(100),
    sha256,
    bytes: count,
    file_name: text(1_000),
    branding_profile_id: nullableText(100),
    adjustments_json: jsonText,
    language: z.enum(['en', 'fr-CA']),
    exported_on: text(200),
  }),
} as const satisfies Record<SyncableTable, z.ZodType>;

/** Why a pushed row's fields are refused, naming the field; null when they fit the table. */
export const fieldProblemOf = (table: SyncableTable, values: Record<string, unknown>): { field: string; problem: string } | null => {
  const checked = tableFieldSchemas[table].safeParse(values);
  if (checked.success) return null;
  const issue = checked.error.issues[0];
  if (!issue) return { field: '(unknown)', problem: 'is not valid' };
  if (issue.code === 'unrecognized_keys') return { field: issue.keys[0] ?? '(unknown)', problem: `is not a field of ${table}` };
  return { field: String(issue.path[0] ?? '(unknown)'), problem: issue.message };
};
