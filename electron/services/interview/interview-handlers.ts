import type { interviewCalls } from '../../../shared/contract/calls/interview-calls';
import type { HandlersFor } from '../api/handler-types';
import type { AppServices } from '../app-services';
import { getCase } from '../cases/cases-repository';
import { recordAnswer, setNote, setPosition } from './answers-repository';
import { activeBank, bankForCase, listBanks } from './bank-store';
import { fetchBlobFromHub } from '../sync/fetch-evidence';
import { addEvidence, evidenceContent, hasEvidence } from './evidence-store';
import { addException, removeException } from './exceptions-repository';
import { interviewState, scoreCase } from './interview-service';
import { bankInAppLanguage, caseBankInAppLanguage } from './bank-in-app-language';

export const interviewHandlers = (services: AppServices): HandlersFor<typeof interviewCalls> => {
  const { db } = services;
  return {
  // The interview reads the bank in the engineer's language; the CLI's bank --check wants it as stored.
  'interview:bank': ({ caseId, inAppLanguage }) => {
    getCase(db, caseId);
    const found = bankForCase(db, caseId, { pin: false });
    return inAppLanguage ? { ...found, bank: bankInAppLanguage(db, found.bank) } : found;
  },
  'interview:active-bank': ({ inAppLanguage }) => (inAppLanguage ? bankInAppLanguage(db, activeBank(db)) : activeBank(db)),
  'interview:banks': () => listBanks(db),
  'interview:answer': (input) => recordAnswer(db, input),
  'interview:answers': ({ caseId }) => interviewState(db, caseId),
  'interview:note': ({ caseId, questionId, note }) => setNote(db, caseId, questionId, note),
  'interview:position': ({ caseId, questionId, stakeholder }) => {
    setPosition(db, caseId, questionId, stakeholder);
    return { saved: true as const };
  },
  'interview:add-exception': (input) => addException(db, input),
  'interview:remove-exception': ({ caseId, findingId }) => ({ removed: removeException(db, caseId, findingId) }),
  'interview:add-evidence': (input) => addEvidence(db, services.blobs, input),
  'interview:evidence-content': async ({ caseId, sha256 }) => {
    // Another engineer's evidence comes from the hub the first time it is opened.
    if (hasEvidence(db, caseId, sha256)) await fetchBlobFromHub({ db, blobs: services.blobs, tokenStore: services.tokenStore }, sha256);
    return evidenceContent(db, services.blobs, caseId, sha256);
  },
  // Pillar and finding texts in the engineer's language; the numbers are the same in every language.
  'interview:score': ({ caseId }) => {
    getCase(db, caseId);
    return scoreCase(db, caseId, caseBankInAppLanguage(db, caseId));
  },
  'interview:findings': ({ caseId }) => scoreCase(db, caseId).findings,
  };
};
