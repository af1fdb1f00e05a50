import { z } from 'zod';

/** The languages reports and the app are written in; the default is the first. */
export const reportLocales = ['en', 'fr-CA'] as const;
export const reportLocaleSchema = z.enum(reportLocales);
export type ReportLocale = z.infer<typeof reportLocaleSchema>;

/**
 * The app can also run in the pseudo-locale (accented, 30 % longer English) to catch hard-coded
 * strings and layouts that break with longer text. No report is ever written in it.
 */
export const pseudoLocale = 'en-XA';
export const appLocales = [...reportLocales, pseudoLocale] as const;
export const appLocaleSchema = z.enum(appLocales);
export type AppLocale = z.infer<typeof appLocaleSchema>;

export const defaultLocale: ReportLocale = 'en';

/** Each language named in itself, for pickers. */
export const localeNames: Record<AppLocale, string> = { en: 'English', 'fr-CA': 'Français (Canada)', 'en-XA': 'Ƥšéûðö-ĺöçåĺé' };

/** The locale Intl formats numbers and dates with (the pseudo-locale formats as English). */
export const intlLocaleOf = (locale: AppLocale): string => (locale === pseudoLocale ? 'en' : locale);

/** The BCP 47 tag a document declares (<html lang>, Word's w:lang). */
export const documentLanguageTag = (locale: ReportLocale): string => (locale === 'en' ? 'en-GB' : locale);
