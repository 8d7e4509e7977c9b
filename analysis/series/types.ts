/** Shared shapes of the administrative-series functions (growth, trends, projections). */

/** One observation of an annual series: a calendar year (integer) and its value. */
export interface YearValue {
  year: number;
  value: number;
}

/** A projected value with its prediction interval (bounds at the requested level, 95% by default). */
export interface YearValueInterval extends YearValue {
  piLow: number;
  piHigh: number;
}

/** Text in both interface languages of Kajian: Bahasa Indonesia (default) and English. */
export interface Bilingual {
  id: string;
  en: string;
}
