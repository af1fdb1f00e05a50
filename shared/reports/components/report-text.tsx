/** @jsxRuntime automatic @jsxImportSource react */
import { createContext, useContext, type ReactNode } from 'react';
import { RawIntlProvider } from 'react-intl';
import { defaultLocale } from '../../i18n/locales';
import { createTranslator, type Translator } from '../../i18n/translator';

const ReportTextContext = createContext<Translator | null>(null);

/**
 * The report's language for every component below it: our translator (messages and Intl formats)
 * and react-intl's own provider with the same intl, so <FormattedMessage> works there too.
 */
export const ReportTextProvider = ({ translator, children }: { translator: Translator; children: ReactNode }) => (
  <RawIntlProvider value={translator.intl}>
    <ReportTextContext.Provider value={translator}>{children}</ReportTextContext.Provider>
  </RawIntlProvider>
);

/** The translator of the report being rendered; a part rendered on its own (a test, a preview) writes English. */
export const useReportText = (): Translator => useContext(ReportTextContext) ?? createTranslator(defaultLocale);
