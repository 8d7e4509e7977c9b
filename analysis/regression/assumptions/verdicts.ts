/**
 * The verdict sentences of the classic assumption tests, in Bahasa Indonesia and English: one
 * wording for every path that runs the tests (classicAssumptions and the large-n report).
 */
import { formatNumber } from '../../format';
import type { DurbinWatsonDecision } from './durbinWatsonBounds';
import type { Verdict } from './classicAssumptions';

/** A number with 3 decimals in the UI language (0,214 / 0.214). */
export const fmt3 = (v: number, locale: 'id' | 'en'): string => formatNumber(v, locale, 3);

/** "p = 0,214 > 0,05" / "p < 0,001" style comparison of p with alpha. */
export function pText(p: number, alpha: number, locale: 'id' | 'en'): string {
  const a = formatNumber(alpha, locale, alpha * 100 === Math.round(alpha * 100) ? 2 : 3);
  if (p < 0.001) return `p < ${fmt3(0.001, locale)}`;
  const relation = p < alpha ? '<' : p > alpha ? '>' : '=';
  return `p = ${fmt3(p, locale)} ${relation} ${a}`;
}

export function unavailable(what: { id: string; en: string }, reason: string): Verdict {
  return { id: `${what.id} tidak dapat dihitung: ${reason}`, en: `${what.en} could not be computed: ${reason}`, ok: null };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function normalityVerdict(p: number, alpha: number, label: { id: string; en: string }): Verdict {
  const ok = p >= alpha;
  return {
    id: `${ok ? 'Residual berdistribusi normal' : 'Residual tidak berdistribusi normal'} (${label.id}${pText(p, alpha, 'id')})`,
    en: `${ok ? 'Residuals are normally distributed' : 'Residuals are not normally distributed'} (${label.en}${pText(p, alpha, 'en')})`,
    ok,
  };
}

export function heteroVerdict(p: number, alpha: number, label: string): Verdict {
  const ok = p >= alpha;
  return {
    id: `${ok ? 'Tidak terjadi heteroskedastisitas' : 'Terjadi heteroskedastisitas'} (${label}${pText(p, alpha, 'id')})`,
    en: `${ok ? 'No heteroskedasticity' : 'Heteroskedasticity present'} (${label}${pText(p, alpha, 'en')})`,
    ok,
  };
}

export function dwVerdict(d: number, dL: number, dU: number, decision: DurbinWatsonDecision): Verdict {
  const t = (locale: 'id' | 'en') => {
    const [D, L, U, L4, U4] = [d, dL, dU, 4 - dL, 4 - dU].map((v) => fmt3(v, locale));
    switch (decision) {
      case 'positive':
        return `d = ${D} < dL = ${L}`;
      case 'inconclusive-positive':
        return `dL = ${L} ≤ d = ${D} ≤ dU = ${U}`;
      case 'none':
        return `dU = ${U} < d = ${D} < 4 − dU = ${U4}`;
      case 'inconclusive-negative':
        return `4 − dU = ${U4} ≤ d = ${D} ≤ 4 − dL = ${L4}`;
      case 'negative':
        return `d = ${D} > 4 − dL = ${L4}`;
    }
  };
  const words: Record<DurbinWatsonDecision, [string, string, boolean | null]> = {
    positive: ['Autokorelasi positif', 'Positive autocorrelation', false],
    'inconclusive-positive': ['Tidak dapat disimpulkan', 'Inconclusive', null],
    none: ['Tidak ada autokorelasi', 'No autocorrelation', true],
    'inconclusive-negative': ['Tidak dapat disimpulkan', 'Inconclusive', null],
    negative: ['Autokorelasi negatif', 'Negative autocorrelation', false],
  };
  const [id, en, ok] = words[decision];
  return { id: `${id} (${t('id')})`, en: `${en} (${t('en')})`, ok };
}

/**
 * The Glejser verdict, decided by the smallest predictor p (SPSS practice); `interceptName` is
 * left out of the predictors.
 */
export function glejserVerdict(coefficients: readonly { name: string; p: number }[], interceptName: string, alpha: number): Verdict {
  const predictors = coefficients.filter((c) => c.name !== interceptName && Number.isFinite(c.p));
  if (predictors.length === 0) return unavailable({ id: 'Uji Glejser', en: 'The Glejser test' }, 'no predictors');
  const worst = predictors.reduce((a, b) => (b.p < a.p ? b : a));
  const ok = worst.p >= alpha;
  const detail = (l: 'id' | 'en') =>
    ok
      ? `Glejser: ${l === 'id' ? 'p terkecil' : 'smallest p'} ${pText(worst.p, alpha, l).replace(/^p /, '')}, ${worst.name}`
      : `Glejser: ${worst.name}, ${pText(worst.p, alpha, l)}`;
  return {
    id: `${ok ? 'Tidak terjadi heteroskedastisitas' : 'Terjadi heteroskedastisitas'} (${detail('id')})`,
    en: `${ok ? 'No heteroskedasticity' : 'Heteroskedasticity present'} (${detail('en')})`,
    ok,
  };
}
