import type { Bilingual } from './types';

export type SeriesWarningCode = 'small-sample' | 'durbin-watson-undefined' | 'long-horizon';

/** A caution to show beside trend results, in Indonesian and English. */
export interface SeriesWarning {
  code: SeriesWarningCode;
  /** Observations in the series. */
  n: number;
  /** Residual degrees of freedom of a straight-line trend, n - 2. */
  dfResidual: number;
  messages: Bilingual;
}

/**
 * Cautions for a straight-line (or log-linear) trend fitted to n annual observations and
 * projected `horizon` years past the last one (0 or omitted: no projection):
 * - 'small-sample' when n - 2 < 10: t-based tests and intervals rest on few residual degrees
 *   of freedom and on normal errors that so few points cannot check (the 0.975 t quantile is
 *   3.18 with 3 df against 1.96 for the normal);
 * - 'durbin-watson-undefined' when n < 6: the Durbin-Watson bounds are tabulated from n = 6
 *   (Savin & White 1977), so residual autocorrelation, common in annual series, cannot be tested;
 * - 'long-horizon' when the horizon exceeds the observed span (n - 1 years for consecutive
 *   years): the projection reaches farther beyond the data than the data extend.
 * Returns an empty array when none applies.
 *
 * References: Savin, N.E. & White, K.J. (1977) The Durbin-Watson test for serial correlation
 * with extreme sample sizes or many regressors. Econometrica 45(8), 1989-1996.
 */
export function seriesWarnings(n: number, horizon = 0, span = n - 1): SeriesWarning[] {
  const df = n - 2;
  const out: SeriesWarning[] = [];
  if (df < 10) {
    out.push({
      code: 'small-sample',
      n,
      dfResidual: df,
      messages: {
        id: `Hanya ${n} pengamatan: tren garis lurus menyisakan ${df} derajat bebas residual. Uji t dan interval prediksi bertumpu pada informasi yang sangat sedikit dan pada asumsi galat normal yang tidak dapat diperiksa dengan data sesedikit ini; tafsirkan dengan hati-hati.`,
        en: `Only ${n} observations: a straight-line trend leaves ${df} residual degrees of freedom. Its t tests and prediction intervals rest on very little information and on normal errors that so few points cannot check; interpret with caution.`,
      },
    });
  }
  if (n < 6) {
    out.push({
      code: 'durbin-watson-undefined',
      n,
      dfResidual: df,
      messages: {
        id: `Batas uji Durbin-Watson hanya tersedia untuk n ≥ 6 (Savin & White 1977); dengan n = ${n} autokorelasi residual tidak dapat diuji, padahal deret tahunan sering berautokorelasi dan interval prediksi mengandaikan galat yang saling bebas.`,
        en: `Durbin-Watson bounds exist only for n ≥ 6 (Savin & White 1977); with n = ${n} residual autocorrelation cannot be tested, although annual series are often autocorrelated and the prediction intervals assume independent errors.`,
      },
    });
  }
  if (horizon > span) {
    out.push({
      code: 'long-horizon',
      n,
      dfResidual: df,
      messages: {
        id: `Proyeksi ${horizon} tahun ke depan melampaui rentang data yang diamati (${span} tahun): nilai proyeksi adalah ekstrapolasi, bukan prakiraan yang teruji.`,
        en: `A projection ${horizon} years ahead reaches beyond the observed span of ${span} years: the projected values are extrapolation, not a tested forecast.`,
      },
    });
  }
  return out;
}
