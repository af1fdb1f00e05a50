import { createIntl, createIntlCache } from 'react-intl';
import { ApiFailure, type ApiError, type ApiErrorCode, type FailureText } from '../contract/result';
import { pseudoLocale, type AppLocale } from './locales';
import { pseudoOf } from './pseudo-locale';
import { serviceEn, serviceFrCA, type ServiceCatalogue, type ServiceMessageId } from './service-messages';

export type ServiceValues = Record<string, string | number>;

// English is formatted where the failure is made, so the CLI, the logs and any client that does
// not translate read a whole sentence; the id and values travel with it for the screens.
const english = createIntl(
  {
    locale: 'en',
    messages: serviceEn,
    // The catalogue test formats every message with its arguments; a failure here is a programming error.
    onError: (error) => {
      throw error;
    },
  },
  createIntlCache(),
);

export const serviceEnglish = (id: ServiceMessageId, values: ServiceValues = {}): string => english.formatMessage({ id }, values);

/** A status sentence by catalogue id, with its values (a clock offset, a warning). */
export interface ServiceText extends FailureText {
  readonly messageId: ServiceMessageId;
}

export const serviceText = (messageId: ServiceMessageId, values: ServiceValues = {}): ServiceText => ({ messageId, values });

/** A status sentence in English (the CLI's and the envelope's words). */
export const englishOf = (text: ServiceText | null): string | null => (text ? serviceEnglish(text.messageId, text.values) : null);

/** A refusal a user sees: its code, its sentence by catalogue id, and the zod issues if any. */
export const serviceFailure = (code: ApiErrorCode, id: ServiceMessageId, values: ServiceValues = {}, issues?: ApiError['issues']): ApiFailure =>
  new ApiFailure(code, serviceEnglish(id, values), issues, { messageId: id, values });

/** The service sentences in one app locale (the pseudo-locale made from English, like the screens'). */
export const serviceCatalogueFor = (locale: AppLocale): ServiceCatalogue => {
  if (locale === 'fr-CA') return serviceFrCA;
  return locale === pseudoLocale ? pseudoOf<ServiceMessageId>(serviceEn) : serviceEn;
};
