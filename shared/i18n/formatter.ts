import { intlLocaleOf, type AppLocale } from './locales';

/**
 * Numbers, money, percentages, dates and units for one locale, through Intl. English keeps the
 * look its reports always had ("CAD 1,500.00", "42 %", "22 November 2026"); French (Canada) is
 * written the Québec way ("1 500,00 $", "42 %", "22 novembre 2026"), with no-break spaces so an
 * amount never wraps away from its sign.
 */
export interface Formatter {
  readonly locale: AppLocale;
  /** Minor units (cents) to money: en "CAD 1,500.00", fr-CA "1 500,00 $". */
  money(minor: number, currency: string): string;
  /** Minor units to the amount alone, grouped for the locale: en "1,500.00", fr-CA "1 500,00". */
  amount(minor: number, currency: string): string;
  /** A fraction (0.42) as a whole percentage. */
  percent(fraction: number): string;
  /** A rate in percent with up to three decimals (9.975 → "9,975 %"). */
  ratePercent(percent: number): string;
  /** A plain number, rounded to 2 decimals below 100 and to a whole number above; "—" when unknown. */
  number(value: number | null, unit?: string): string;
  /** "2026-11-22" → "22 November 2026" / "22 novembre 2026". */
  date(isoDate: string): string;
  /** "2026-11-22" → "Nov 2026" / "nov. 2026". */
  monthYear(isoDate: string): string;
}

const zeroDecimalCurrencies = new Set(['JPY', 'KRW', 'ISK', 'CLP', 'VND']);
export const minorDigits = (currency: string): number => (zeroDecimalCurrencies.has(currency) ? 0 : 2);

/** Narrow no-break spaces (U+202F) become ordinary no-break spaces: older PDF readers and Word fonts lack the narrow one. */
const nbsp = (s: string): string => s.replace(/\u202f/g, '\u00a0');

/** An ISO currency code Intl accepts; anything else is printed as given, after the number. */
const knownCurrency = (currency: string): boolean => /^[A-Z]{3}$/.test(currency);

export const createFormatter = (locale: AppLocale): Formatter => {
  const tag = intlLocaleOf(locale);
  const english = tag === 'en';
  const grouped = new Map<number, Intl.NumberFormat>();
  const groupedWith = (digits: number): Intl.NumberFormat => {
    let f = grouped.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      grouped.set(digits, f);
    }
    return f;
  };
  const upTo2 = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const upTo3 = new Intl.NumberFormat(tag, { maximumFractionDigits: 3 });
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  // English measurements always printed ungrouped ("1500 ms"); French groups with a no-break space.
  const plainWhole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0, useGrouping: !english });
  const longDate = new Intl.DateTimeFormat(english ? 'en-GB' : tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(english ? 'en-GB' : tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const currencies = new Map<string, Intl.NumberFormat>();
  const currencyFormat = (currency: string): Intl.NumberFormat => {
    let f = currencies.get(currency);
    if (!f) {
      const digits = minorDigits(currency);
      f = new Intl.NumberFormat(tag, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: digits, maximumFractionDigits: digits });
      currencies.set(currency, f);
    }
    return f;
  };
  const major = (minor: number, currency: string): number => Math.round(minor) / 10 ** minorDigits(currency);
  const amount = (minor: number, currency: string): string => nbsp(groupedWith(minorDigits(currency)).format(major(minor, currency)));
  return {
    locale,
    amount,
    money: (minor, currency) => {
      // English reports print the ISO code first, as partners' English reports always did (a "$" alone is ambiguous between CAD and USD).
      if (english || !knownCurrency(currency)) return english ? `${currency} ${amount(minor, currency)}` : `${amount(minor, currency)}\u00a0${currency}`;
      return nbsp(currencyFormat(currency).format(major(minor, currency)));
    },
    percent: (fraction) => `${whole.format(Math.round(fraction * 100))}${english ? ' ' : '\u00a0'}%`,
    ratePercent: (percent) => `${upTo3.format(Number(percent.toFixed(3)))}${english ? ' ' : '\u00a0'}%`,
    number: (value, unit = '') => {
      if (value === null || !Number.isFinite(value)) return '—';
      const text = Math.abs(value) >= 100 ? plainWhole.format(Math.round(value)) : upTo2.format(Math.round(value * 100) / 100);
      return nbsp(unit ? `${text}${english ? ' ' : '\u00a0'}${unit}` : text);
    },
    date: (isoDate) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
      if (!m) return isoDate;
      return longDate.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    },
    monthYear: (isoDate) => {
      const m = /^(\d{4})-(\d{2})/.exec(isoDate);
      return m ? monthYear.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : isoDate;
    },
  };
};
