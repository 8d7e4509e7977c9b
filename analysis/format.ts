/** Locale-aware number formatting shared by the UI, CLI text output and reports. */
export type Locale = 'id' | 'en';

const tags: Record<Locale, string> = { id: 'id-ID', en: 'en-US' };

// Intl formatters are costly to build and cheap to reuse: one per locale and number of decimals.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${locale}:${minDecimals}:${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tags[locale], { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
    formatters.set(key, f);
  }
  return f;
}

/** Formats a number with a fixed count of decimals in the given locale: 2,8 (id) or 2.8 (en). NaN/Infinity give an en dash. */
export function formatNumber(value: number, locale: Locale, decimals = 2): string {
  if (!Number.isFinite(value)) return '–';
  return formatter(locale, decimals, decimals).format(value);
}

/** Formats a whole count with grouping: 100.000 (id) or 100,000 (en). */
export function formatCount(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '–';
  return formatter(locale, 0, 0).format(value);
}

/** Formats a date (ISO yyyy-mm-dd or Date) in the locale's long form. */
export function formatDate(value: string | Date, locale: Locale): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(tags[locale], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}
