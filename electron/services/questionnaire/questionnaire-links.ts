import type { Database } from 'better-sqlite3';
import { ApiFailure } from '../../../shared/contract/result';
import { serviceFailure } from '../../../shared/i18n/service-failure';
import { linkPathOf } from '../../../shared/questionnaire/hub-link-protocol';
import type { ImportAnswersResult, QuestionnaireLink } from '../../../shared/questionnaire/questionnaire-schemas';
import { publishLinksSchema } from '../../../shared/questionnaire/questionnaire-schemas';
import type { z } from 'zod';
import type { Log } from '../log/logger';
import { HubClient, HubHttpError, isRetryableHubError } from '../sync/hub-client';
import { withRetry, type RetryPolicy } from '../sync/retry';
import { syncFailure } from '../sync/sync-errors';
import { readSyncState } from '../sync/sync-state';
import type { TokenStore } from '../sync/token-store';
import { importHubLinkAnswers } from './import-answers';
import { formSpecFor } from './questionnaire-form';
import { getQuestionnaire } from './questionnaire-repository';
import { linkRow, toLink, type LinkRow } from './questionnaire-link-rows';

/**
 * Hub links of a questionnaire, on the laptop's side: publish one stakeholder's form to the partner
 * hub and keep the link it answers with, withdraw it, and on each sync collect what customers sent
 * and import it as customer-provided answers (never over the engineer's own answers unasked).
 */

export interface LinkDeps {
  readonly db: Database;
  readonly tokenStore: TokenStore;
  readonly timeoutMs?: number;
}

const hubClientFor = async (deps: LinkDeps): Promise<{ client: HubClient; hubUrl: string }> => {
  const state = readSyncState(deps.db);
  if (!state) throw serviceFailure('conflict', 'error.questionnaire.hubNotEnrolled');
  const token = await deps.tokenStore.read();
  if (!token) throw serviceFailure('unauthorized', 'error.questionnaire.hubTokenMissing');
  return { client: new HubClient(state.hub_url, token, { timeoutMs: deps.timeoutMs }), hubUrl: state.hub_url.replace(/\/+$/, '') };
};

const hubFailure = (error: unknown): ApiFailure => {
  if (error instanceof ApiFailure) return error;
  if (error instanceof HubHttpError && error.status === 401) return syncFailure('unauthorized', error);
  if (error instanceof HubHttpError && error.status >= 400 && error.status < 500) return serviceFailure('validation', 'error.questionnaire.hubRefusedLink', { reason: error.message });
  return syncFailure('internal', error);
};

/** One link per chosen stakeholder, each with its own one-time token and the same expiry. */
export const publishQuestionnaireLinks = async (deps: LinkDeps, raw: z.input<typeof publishLinksSchema>): Promise<QuestionnaireLink[]> => {
  const input = publishLinksSchema.parse(raw);
  const questionnaire = getQuestionnaire(deps.db, input.questionnaireId);
  const stakeholders = input.stakeholders ? [...new Set(input.stakeholders)] : [...questionnaire.stakeholders];
  // Every form is built (and so checked) before the first link exists: one bad stakeholder publishes none.
  const forms = stakeholders.map((s) => formSpecFor(deps.db, questionnaire.id, s));
  const { client, hubUrl } = await hubClientFor(deps);
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString();
  const insert = deps.db.prepare(
    'INSERT INTO questionnaire_links (id, questionnaire_id, stakeholder, url, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const ids: string[] = [];
  for (const form of forms) {
    let published;
    try {
      published = await client.publishQuestionnaireLink({ form, expiresAt });
    } catch (error) {
      throw hubFailure(error);
    }
    insert.run(published.id, questionnaire.id, form.stakeholder, `${hubUrl}${linkPathOf(published.token)}`, new Date().toISOString(), published.expiresAt);
    ids.push(published.id);
  }
  const now = Date.now();
  return ids.map((id) => toLink(linkRow(deps.db, id), now));
};

/** Withdraws a link: the customer's page then says so, and nothing more can be sent with it. */
export const revokeQuestionnaireLink = async (deps: LinkDeps, linkId: string): Promise<QuestionnaireLink> => {
  const row = linkRow(deps.db, linkId);
  if (row.collected_at) throw serviceFailure('conflict', 'error.questionnaire.linkAlreadyAnswered');
  if (!row.revoked_at) {
    const { client } = await hubClientFor(deps);
    try {
      await client.revokeQuestionnaireLink(linkId);
    } catch (error) {
      // Already withdrawn (from this laptop earlier, its answer lost): the hub's state is what we want.
      if (!(error instanceof HubHttpError && error.status === 404)) throw hubFailure(error);
    }
    deps.db.prepare('UPDATE questionnaire_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), linkId);
  }
  return toLink(linkRow(deps.db, linkId), Date.now());
};

/** Applies a collected link's answers again, over the engineer's answers when asked to. */
export const applyLinkAnswers = (db: Database, linkId: string, overwrite: boolean): ImportAnswersResult =>
  db.transaction(() => {
    const row = linkRow(db, linkId);
    if (!row.answers_payload) throw serviceFailure('conflict', 'error.questionnaire.linkNoAnswers');
    const result = importHubLinkAnswers(db, { questionnaireId: row.questionnaire_id, stakeholder: row.stakeholder }, row.answers_payload, overwrite);
    db.prepare('UPDATE questionnaire_links SET kept_question_ids = ?, import_error = NULL WHERE id = ?').run(JSON.stringify(result.keptEngineerAnswers), linkId);
    return result;
  })();

/** True when some link of this laptop may still bring answers (the sync asks the hub only then). */
export const hasUncollectedLinks = (db: Database): boolean =>
  db.prepare('SELECT 1 FROM questionnaire_links WHERE collected_at IS NULL AND revoked_at IS NULL LIMIT 1').get() !== undefined ||
  // A withdrawn or expired link may have been answered just before: asked for a while longer.
  db.prepare("SELECT 1 FROM questionnaire_links WHERE collected_at IS NULL AND expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-7 days') LIMIT 1").get() !== undefined;

/**
 * Part of a sync: fetch the answers customers sent to this laptop's links, import each as
 * customer-provided answers, then tell the hub they arrived (it then forgets them). A refused import
 * keeps the answers here with the reason, shown on the questionnaire tab; it never fails the sync.
 */
export const collectLinkAnswers = async (deps: { db: Database; client: HubClient; retry: RetryPolicy; log: Log }): Promise<number> => {
  const { db, client, retry, log } = deps;
  if (!hasUncollectedLinks(db)) return 0;
  const { answers } = await withRetry(() => client.submittedQuestionnaireAnswers(), isRetryableHubError, retry);
  const collected: string[] = [];
  const record = db.prepare(
    'UPDATE questionnaire_links SET submitted_at = ?, collected_at = ?, answers_payload = ?, kept_question_ids = ?, import_error = ? WHERE id = ?',
  );
  for (const item of answers) {
    const row = db.prepare('SELECT * FROM questionnaire_links WHERE id = ?').get(item.id) as LinkRow | undefined;
    if (!row) {
      // Not published from this database (restored from an older backup?): left on the hub, not lost.
      log.warn({ linkId: item.id }, 'hub sent answers for a questionnaire link this laptop does not know; left on the hub');
      continue;
    }
    const now = new Date().toISOString();
    db.transaction(() => {
      try {
        const result = importHubLinkAnswers(db, { questionnaireId: row.questionnaire_id, stakeholder: row.stakeholder }, item.payload, false);
        record.run(item.submittedAt, now, item.payload, JSON.stringify(result.keptEngineerAnswers), null, item.id);
        log.info({ linkId: item.id, imported: result.imported.length, kept: result.keptEngineerAnswers.length }, 'questionnaire answers collected from the hub');
      } catch (error) {
        if (!(error instanceof ApiFailure)) throw error;
        // Kept with the reason (shown on the questionnaire tab); the rest of the sync goes on.
        record.run(item.submittedAt, now, item.payload, '[]', error.message, item.id);
        log.warn({ linkId: item.id, reason: error.message }, 'questionnaire answers from the hub could not be imported');
      }
    })();
    collected.push(item.id);
  }
  for (let i = 0; i < collected.length; i += 200) {
    const batch = collected.slice(i, i + 200);
    await withRetry(() => client.collectedQuestionnaireAnswers(batch), isRetryableHubError, retry);
  }
  return collected.length;
};
