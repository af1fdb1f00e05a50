/** Formatting shared by every renderer, so HTML, PDF, Word and CSV show the same figures. */

const minorDigits = (currency: string): number => (['JPY', 'KRW', 'ISK', 'CLP', 'VND'].includes(currency) ? 0 : 2);

/** 123456 EUR → "1,234.56"; grouping is fixed so tests and exports do not depend on a locale. */
export const formatAmount = (minor: number, currency: string): string => {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = Math.abs(Math.round(minor));
  const whole = digits === 0 ? abs : Math.floor(abs / 100);
  const fraction = digits === 0 ? '' : `.${String(abs % 100).padStart(2, '0')}`;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction}`;
};

export const formatMoney = (minor: number, currency: string): string => `${currency} ${formatAmount(minor, currency)}`;

/** The plain decimal for machines (CSV): 123456 → "1234.56". */
export const decimalAmount = (minor: number, currency: string): string => {
  const digits = minorDigits(currency);
  if (digits === 0) return String(Math.round(minor));
  const negative = minor < 0;
  const abs = Math.abs(Math.round(minor));
  return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-22" → "22 November 2026". */
export const formatDate = (isoDate: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
};

export const addDays = (isoDate: string, days: number): string => {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const formatPercent = (fraction: number): string => `${Math.round(fraction * 100)} %`;

export const formatNumber = (value: number | null, unit = ''): string => {
  if (value === null || !Number.isFinite(value)) return '—';
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  return unit ? `${rounded} ${unit}` : String(rounded);
};

/** A whole number of points: "1 point", "12 points". */
export const pointsText = (n: number): string => `${Math.round(n)} point${Math.round(n) === 1 ? '' : 's'}`;
