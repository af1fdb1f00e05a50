import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api';
import { createFormatter, type Formatter } from '../../shared/i18n/formatter';
import { defaultLocale, intlLocaleOf, type AppLocale } from '../../shared/i18n/locales';
import { appCatalogueFor, type AppMessageId } from '../../shared/i18n/ui-catalogue';

const languageKey = ['app', 'language'] as const;

/** The app locale itself: Intl's locale is 'en' for the pseudo-locale too. */
const LocaleContext = createContext<AppLocale>(defaultLocale);

export const useAppLanguage = () => useQuery({ queryKey: languageKey, queryFn: () => api.getAppLanguage({}) });

/** Changing the language re-renders every screen in it at once: the provider reads the same query. */
export const useSetAppLanguage = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (language: AppLocale) => api.setAppLanguage({ language }),
    onSuccess: (saved) => client.setQueryData(languageKey, saved),
  });
};

/**
 * The app in the engineer's language, with the same ICU catalogues as the reports. Until the
 * setting is read the screens wait (a local call); if it cannot be read they show English.
 */
export const AppIntlProvider = ({ children }: { children: ReactNode }) => {
  const language = useAppLanguage();
  const locale: AppLocale = language.data?.language ?? defaultLocale;
  const messages = useMemo(() => appCatalogueFor(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : locale;
  }, [locale]);
  if (language.isPending) return null;
  return (
    <LocaleContext.Provider value={locale}>
      <IntlProvider locale={intlLocaleOf(locale)} messages={messages} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
};

export type Values = Record<string, string | number>;
export type RichValues = Record<string, ReactNode>;

export interface AppText {
  readonly locale: AppLocale;
  /** A message as text (labels, placeholders, aria-label). */
  readonly t: (id: AppMessageId, values?: Values) => string;
  /** A message with elements inside (a customer's name in its own direction, a <strong>). */
  readonly rich: (id: AppMessageId, values: RichValues) => ReactNode;
  readonly fmt: Formatter;
  /** A timestamp as date, or date and time, in the app's language. */
  readonly dateTime: (iso: string, withTime?: boolean) => string;
  readonly percent: (fraction: number) => string;
  readonly number: (n: number, digits?: number) => string;
  /** A measured or computed value with up to two decimals (7.4 → « 7,4 »). */
  readonly decimal: (n: number) => string;
}

export const useText = (): AppText => {
  const intl = useIntl();
  const locale = useContext(LocaleContext);
  return useMemo(() => {
    return {
      locale,
      t: (id, values) => intl.formatMessage({ id }, values),
      rich: (id, values) => intl.formatMessage({ id }, values),
      fmt: createFormatter(locale),
      dateTime: (iso, withTime = false) => {
        const d = new Date(iso);
        if (Number.isNaN(d.getTime())) return '—';
        return withTime ? intl.formatDate(d, { dateStyle: 'medium', timeStyle: 'short' }) : intl.formatDate(d, { dateStyle: 'medium' });
      },
      percent: (fraction) => intl.formatNumber(fraction, { style: 'percent', maximumFractionDigits: 0 }),
      number: (n, digits = 0) => intl.formatNumber(n, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      decimal: (n) => intl.formatNumber(n, { maximumFractionDigits: 2 }),
    };
  }, [intl, locale]);
};
