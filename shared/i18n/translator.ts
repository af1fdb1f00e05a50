import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { createFormatter, type Formatter } from './formatter';
import { intlLocaleOf, pseudoLocale, type AppLocale } from './locales';
import { en, type Catalogue, type MessageId } from './messages-en';
import { frCA } from './messages-fr-ca';
import { pseudoCatalogue } from './pseudo-locale';

export type MessageValues = Record<string, string | number>;

/**
 * One locale's texts and formats, for everything that writes words: the report components (through
 * the IntlProvider they are rendered in), the Word generator and the renderer. Built on react-intl's
 * createIntl so the same ICU messages format the same way in React and outside it.
 */
export interface Translator {
  readonly locale: AppLocale;
  readonly intl: IntlShape;
  readonly fmt: Formatter;
  readonly t: (id: MessageId, values?: MessageValues) => string;
  /** A known tax's name in this language (GST → TPS in French), else the name as entered. */
  readonly taxName: (name: string) => string;
}

export const catalogueFor = (locale: AppLocale): Catalogue => (locale === 'fr-CA' ? frCA : locale === pseudoLocale ? pseudoCatalogue() : en);

/** Canada's taxes have a legal name in each official language (GST is TPS in French, QST is TVQ). */
const knownTaxes: Record<string, MessageId> = { GST: 'tax.GST', QST: 'tax.QST', HST: 'tax.HST', PST: 'tax.PST', Tax: 'tax.Tax' };

/** An intl for a locale: the messages under their ids, with Intl formats of that locale. */
export const createAppIntl = (locale: AppLocale, messages: Catalogue = catalogueFor(locale)): IntlShape =>
  createIntl(
    {
      locale: intlLocaleOf(locale),
      messages,
      defaultLocale: 'en',
      // The catalogue test proves every message parses and has its arguments; a failure here is a
      // programming error, and the export's error path reports it rather than printing a broken text.
      onError: (error) => {
        throw error;
      },
    },
    createIntlCache(),
  );

export const translatorFromIntl = (locale: AppLocale, intl: IntlShape): Translator => {
  const t = (id: MessageId, values?: MessageValues): string => intl.formatMessage({ id }, values);
  return {
    locale,
    intl,
    fmt: createFormatter(locale),
    t,
    taxName: (name) => {
      const id = Object.hasOwn(knownTaxes, name.trim()) ? knownTaxes[name.trim()] : undefined;
      return id ? t(id) : name;
    },
  };
};

export const createTranslator = (locale: AppLocale): Translator => translatorFromIntl(locale, createAppIntl(locale));

/** The "has…" flag a message selects on for an optional value (a user text is never a select key itself). */
export const has = (value: string | number | null | undefined): 'yes' | 'no' => (value === null || value === undefined || value === '' ? 'no' : 'yes');

/**
 * "Page {page} of {total}" as literal parts and the two places the page fields go, so Word and
 * Chromium fill in their own numbers while the wording and its order stay the translator's.
 */
export const pageOfParts = ({ t }: Translator): Array<string | 'page' | 'total'> =>
  t('report.pageOf', { page: '\ue000', total: '\ue001' })
    .split(/([\ue000\ue001])/)
    .filter((part) => part !== '')
    .map((part) => (part === '\ue000' ? 'page' : part === '\ue001' ? 'total' : part));
