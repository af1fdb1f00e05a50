import type { Database } from 'better-sqlite3';
import type { Channel, ParsedInput } from '../../../shared/contract/api-contract';
import { completedCaseFailure, foreignCaseFailure, hubDeviceIdOf, isForeignCase } from '../db/case-write-guard';
import type { Handlers } from './handlers';

/**
 * `work`: changes the engineer's findings on a case: refused on another laptop's case and on a
 * completed one. `owner`: filing and lifecycle (archive, complete, reopen, customer logo): only the
 * owner's laptop, complete or not.
 */
type Mode = 'work' | 'owner';
/** `caseId` may look the case up (a link or a questionnaire names it); undefined lets the handler say "no such …". */
type Rule<C extends Channel> = { readonly mode: Mode; readonly caseId: (input: ParsedInput<C>, db: Database) => string | undefined };

const caseOfQuestionnaire = (db: Database, questionnaireId: string): string | undefined =>
  db.prepare('SELECT case_id FROM questionnaires WHERE id = ?').pluck().get(questionnaireId) as string | undefined;
const caseOfLink = (db: Database, linkId: string): string | undefined =>
  db.prepare('SELECT q.case_id FROM questionnaire_links l JOIN questionnaires q ON q.id = l.questionnaire_id WHERE l.id = ?').pluck().get(linkId) as
    | string
    | undefined;

export const caseWriteChannels: { readonly [C in Channel]?: Rule<C> } = {
  'cases:update': { mode: 'work', caseId: (i) => i.id },
  'cases:archive': { mode: 'owner', caseId: (i) => i.id },
  'cases:complete': { mode: 'owner', caseId: (i) => i.id },
  'cases:reopen': { mode: 'owner', caseId: (i) => i.id },
  'interview:answer': { mode: 'work', caseId: (i) => i.caseId },
  'interview:note': { mode: 'work', caseId: (i) => i.caseId },
  'interview:add-exception': { mode: 'work', caseId: (i) => i.caseId },
  'interview:remove-exception': { mode: 'work', caseId: (i) => i.caseId },
  'interview:add-evidence': { mode: 'work', caseId: (i) => i.caseId },
  'probes:start': { mode: 'work', caseId: (i) => i.caseId },
  'probes:import': { mode: 'work', caseId: (i) => i.caseId },
  'branding:assignToCase': { mode: 'owner', caseId: (i) => i.caseId },
  'branding:setCustomerLogo': { mode: 'owner', caseId: (i) => i.caseId },
  'branding:clearCustomerLogo': { mode: 'owner', caseId: (i) => i.caseId },
  'questionnaires:create': { mode: 'work', caseId: (i) => i.caseId },
  'questionnaires:import': { mode: 'work', caseId: (i) => i.caseId },
  'questionnaires:importDocx': { mode: 'work', caseId: (i) => i.caseId },
  // Sending the customer a form and taking its answers in are work on the case like an import.
  'questionnaires:publishLinks': { mode: 'work', caseId: (i, db) => caseOfQuestionnaire(db, i.questionnaireId) },
  'questionnaires:applyLinkAnswers': { mode: 'work', caseId: (i, db) => caseOfLink(db, i.linkId) },
  // Withdrawing a link takes nothing into the case, but only the owner's laptop may speak for it.
  'questionnaires:revokeLink': { mode: 'owner', caseId: (i, db) => caseOfLink(db, i.linkId) },
};

/**
 * Every other channel, and why it is not guarded: reads, and writes that are not the engineer's
 * work on one case. A test checks that each channel of the contract is in exactly one of the two.
 */
export const notCaseWorkChannels: readonly Channel[] = [
  'app:info',
  // The installation's key, not a case.
  'app:set-passphrase',
  // The engineer's language on this installation, not a case (a case's report language is reports:saveProposalSettings).
  'app:language', 'app:set-language',
  // Support information about the installation, no case.
  'app:diagnostics', 'app:open-log-folder',
  'branding:list', 'branding:save', 'branding:delete', 'branding:setLogo', 'branding:clearLogo', 'branding:forCase',
  'cases:list', 'cases:get', 'cases:create', 'cases:events', 'cases:reassess', 'cases:carried',
  'comments:list', 'comments:add',
  'history:search', 'history:timeline', 'history:compare', 'history:portfolio', 'history:portfolio-levels', 'history:portfolio-csv',
  'interview:bank', 'interview:active-bank', 'interview:banks', 'interview:answers', 'interview:evidence-content', 'interview:score', 'interview:findings',
  // Where the engineer is in the interview: a reading position, not a change to the case.
  'interview:position',
  'probes:catalog', 'probes:progress', 'probes:list-runs', 'probes:get-run',
  // Stopping a running probe never adds to a case.
  'probes:cancel',
  'questionnaires:questions', 'questionnaires:list', 'questionnaires:form', 'questionnaires:formDocx',
  'proposals:list', 'proposals:create', 'proposals:update', 'proposals:update-line', 'proposals:remove-line',
  // Exports are what a completed case is for; the sizing and terms are the account manager's.
  'reports:source', 'reports:export', 'reports:reproduce', 'reports:listExports', 'reports:getProposalSettings', 'reports:saveProposalSettings',
  // The partner's price book is shared reference data, not one case.
  'priceBook:list', 'priceBook:save', 'priceBook:delete', 'priceBook:bankSkus',
  'sync:enroll', 'sync:status', 'sync:now', 'sync:partner-cases',
  // Pausing background sync is this laptop's setting, not a change to a case.
  'sync:background',
  // Conflicts are listed for anyone; a pick is checked by the table's write rights (proposals are the
  // account manager's, price book and branding the admin's), not by the case's owner or status.
  'sync:conflicts', 'sync:resolve-conflict',
];

/** Refuses a write channel's call before its handler runs, with the message the user sees. */
export const assertCaseWritable = (db: Database, caseId: string, mode: Mode): void => {
  const state = db.prepare('SELECT status, owner_device, owner_name, engineer FROM cases WHERE id = ? AND deleted = 0').get(caseId) as
    | { status: string; owner_device: string | null; owner_name: string; engineer: string }
    | undefined;
  if (!state) return; // the handler answers "no such case" in its own words
  if (isForeignCase(state.owner_device, hubDeviceIdOf(db))) throw foreignCaseFailure(state);
  if (mode === 'work' && state.status === 'complete') throw completedCaseFailure();
};

/** The handlers with every case write channel checked first (the synced-write guard stays behind it). */
export const guardCaseWrites = (db: Database, handlers: Handlers): Handlers => {
  const guarded: Record<string, (input: unknown) => unknown> = { ...(handlers as unknown as Record<string, (input: unknown) => unknown>) };
  for (const [channel, rule] of Object.entries(caseWriteChannels) as [Channel, Rule<Channel>][]) {
    const handler = guarded[channel] as (input: unknown) => unknown;
    guarded[channel] = (input) => {
      const caseId = rule.caseId(input as never, db);
      if (caseId !== undefined) assertCaseWritable(db, caseId, rule.mode);
      return handler(input);
    };
  }
  return guarded as unknown as Handlers;
};
