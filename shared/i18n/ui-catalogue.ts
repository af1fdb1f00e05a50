import { catalogueFor } from './translator';
import { pseudoLocale, type AppLocale } from './locales';
import { pseudoOf } from './pseudo-locale';
import { uiEn, type UiCatalogue, type UiMessageId } from './ui-messages-en';
import { uiFrCA } from './ui-messages-fr-ca';
import type { MessageId } from './messages-en';
import { serviceCatalogueFor } from './service-failure';
import type { ServiceMessageId } from './service-messages';

/** Every id the app's screens may use: their own, the report ones they share (severity, level names) and the services' refusals. */
export type AppMessageId = UiMessageId | MessageId | ServiceMessageId;

/** The screens' texts in one locale, the pseudo-locale made from English like the report one. */
export const uiCatalogueFor = (locale: AppLocale): UiCatalogue => {
  if (locale === 'fr-CA') return uiFrCA;
  return locale === pseudoLocale ? pseudoOf<UiMessageId>(uiEn) : uiEn;
};

/** What the renderer's IntlProvider holds: report, screen and service messages of one locale (ids never overlap: tests say so). */
export const appCatalogueFor = (locale: AppLocale): Record<AppMessageId, string> => ({
  ...catalogueFor(locale),
  ...uiCatalogueFor(locale),
  ...serviceCatalogueFor(locale),
});
