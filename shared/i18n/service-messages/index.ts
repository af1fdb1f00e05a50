import { commonServiceEn, commonServiceFrCA } from './common-messages';
import { questionnaireServiceEn, questionnaireServiceFrCA } from './questionnaire-messages';
import { reportsServiceEn, reportsServiceFrCA } from './reports-messages';
import { statusServiceEn, statusServiceFrCA } from './status-messages';
import { syncAndWorkServiceEn, syncAndWorkServiceFrCA } from './sync-and-work-messages';

/**
 * Every sentence a service says to a user when it refuses a call, in English and French (one file
 * per area, so each stays readable). The English text also goes into the envelope's `message` for
 * the CLI and logs; screens translate by `messageId` (renderer/components/query-state.tsx).
 */
export const serviceEn = { ...commonServiceEn, ...reportsServiceEn, ...questionnaireServiceEn, ...syncAndWorkServiceEn, ...statusServiceEn } as const;
export type ServiceMessageId = keyof typeof serviceEn;
export type ServiceCatalogue = Record<ServiceMessageId, string>;

export const serviceFrCA: ServiceCatalogue = { ...commonServiceFrCA, ...reportsServiceFrCA, ...questionnaireServiceFrCA, ...syncAndWorkServiceFrCA, ...statusServiceFrCA };

/** The areas one by one, for the test that no id is defined twice. */
export const serviceAreas: readonly { readonly en: Record<string, string>; readonly frCA: Record<string, string> }[] = [
  { en: commonServiceEn, frCA: commonServiceFrCA },
  { en: reportsServiceEn, frCA: reportsServiceFrCA },
  { en: questionnaireServiceEn, frCA: questionnaireServiceFrCA },
  { en: syncAndWorkServiceEn, frCA: syncAndWorkServiceFrCA },
  { en: statusServiceEn, frCA: statusServiceFrCA },
];

export const isServiceMessageId = (id: string): id is ServiceMessageId => Object.hasOwn(serviceEn, id);
