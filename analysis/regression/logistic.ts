/**
 * Binary logistic regression by iteratively reweighted least squares, reproducing R's
 * glm(family = binomial) (glm.fit): start mu = (y + 0.5) / 2, logit link with R's clamping
 * of |eta| > 30, each step a weighted least-squares fit by pivoted QR (tol 1e-11 as
 * glm.fit's min(1e-7, epsilon / 1000)), convergence when |dev - dev_old| / (|dev| + 0.1)
 * < 1e-8, at most 25 iterations; standard errors from the QR of the last iteration, as
 * summary.glm. Factors are dummy coded by the shared model builder (./modelFrame).
 *
 * Reported (SPSS "Variables in the Equation" and "Model Summary" plus R's glm summary):
 * B, SE, Wald z (and Wald chi-square z²), two-sided normal p, odds ratio exp(B) with the
 * Wald interval exp(B ± z_{0.975} SE); -2LL (deviance), null deviance, likelihood-ratio
 * chi-square on rank - 1 df; logLik, AIC and BIC as R (df = rank); McFadden
 * (1 - D/D0), Cox & Snell (1 - exp((D - D0)/n)) and Nagelkerke (Cox-Snell / (1 - exp(-D0/n)))
 * R²; a classification table (event predicted when the fitted probability is at least the
 * cut-off, default 0.5, as IBM's technote "Classification table in logistic regression"
 * describes SPSS); Hosmer-Lemeshow with g = 10 groups exactly as
 * ResourceSelection::hoslem.test (groups cut at the type-7 quantiles of the fitted values,
 * duplicate breaks removed, include.lowest; statistic summed over both outcome columns;
 * df = g - 2). Hosmer & Lemeshow (2000) Applied Logistic Regression, 2nd ed.
 *
 * Separation (Albert & Anderson 1984): after R's stopping rule is met, ten further IRLS
 * steps are taken; when the MLE exists they change nothing, under separation the linear
 * predictor of the separated cases keeps growing by about one per step. Cases whose |eta|
 * grows by more than 2 are flagged; the separation is complete when every case is
 * flagged, quasi-complete otherwise. The coefficients that keep moving are named, and their
 * rows carry null statistics (their MLE is infinite) instead of the meaningless finite
 * values at which R stops. R's own warnings ("algorithm did not converge", "fitted
 * probabilities numerically 0 or 1 occurred") are reported too.
 */
import { chiSquareUpper } from '../distributions/chisquare-upper';
import normalcdf from '@stdlib/stats-base-dists-normal-cdf';
import normalquantile from '@stdlib/stats-base-dists-normal-quantile';
import { qrLeastSquares } from '../linalg/qr';
import { buildModelFrame, type ModelSpec, type ModelTerm } from './modelFrame';

export interface LogisticRegressionSpec extends Omit<ModelSpec, 'weights'> {
  /** Outcome value counted as the event (1). Default: the outcome must be coded 0/1 and 1 is the event. */
  event?: string | number;
  /** Classification cut-off (default 0.5). */
  cutoff?: number;
  /** Confidence level of the odds-ratio intervals (default 0.95). */
  confidence?: number;
  /** glm.control: maximum IRLS iterations (default 25) and convergence epsilon (default 1e-8). */
  maxIterations?: number;
  epsilon?: number;
  /** Hosmer-Lemeshow groups (default 10). */
  hosmerLemeshowGroups?: number;
}

export interface LogisticCoefficientRow {
  term: string;
  /** null when aliased or diverging under separation. */
  estimate: number | null;
  se: number | null;
  /** Wald z = B / SE. */
  statistic: number | null;
  /** Wald chi-square (B / SE)² on 1 df, as SPSS. */
  wald: number | null;
  p: number | null;
  oddsRatio: number | null;
  orLow: number | null;
  orHigh: number | null;
}

export type LogisticWarningCode = 'complete-separation' | 'quasi-complete-separation' | 'not-converged' | 'fitted-probabilities-0-or-1';

export interface LogisticWarning {
  code: LogisticWarningCode;
  message: string;
}

export interface HosmerLemeshowGroup {
  n: number;
  observedEvents: number;
  expectedEvents: number;
  observedNonEvents: number;
  expectedNonEvents: number;
}

export interface LogisticRegressionResult {
  n: number;
  nExcluded: number;
  outcome: { variable: string; event: string; nonEvent: string; nEvents: number; nNonEvents: number };
  terms: ModelTerm[];
  aliased: string[];
  coefficients: LogisticCoefficientRow[];
  /** Estimates and SEs where IRLS stopped (as R reports them, even under separation), in column order. */
  rawEstimates: number[];
  rawStandardErrors: number[];
  converged: boolean;
  iterations: number;
  /** -2 log-likelihood of the model (the deviance for 0/1 data). */
  deviance: number;
  nullDeviance: number;
  lrChiSquare: number;
  lrDf: number;
  lrP: number;
  logLik: number;
  aic: number;
  bic: number;
  mcFaddenR2: number;
  coxSnellR2: number;
  nagelkerkeR2: number;
  classification: {
    cutoff: number;
    /** counts[observed][predicted], 0 = non-event, 1 = event. */
    counts: [[number, number], [number, number]];
    percentCorrectNonEvent: number;
    percentCorrectEvent: number;
    accuracy: number;
  };
  hosmerLemeshow: { statistic: number; df: number; p: number; groups: HosmerLemeshowGroup[] };
  separation: { kind: 'none' | 'quasi-complete' | 'complete'; terms: string[]; cases: number[] };
  warnings: LogisticWarning[];
  design: { columnNames: string[]; X: number[][]; rowIndex: number[] };
  y: number[];
  fitted: number[];
  linearPredictor: number[];
}

const DBL_EPSILON = 2.220446049250313e-16;
const THRESH = 30;

/** R's logit linkinv (C_logit_linkinv) with its clamping. */
function linkinv(eta: number): number {
  const t = eta < -THRESH ? DBL_EPSILON : eta > THRESH ? 1 / DBL_EPSILON : Math.exp(eta);
  return t / (1 + t);
}

/** R's logit mu.eta (C_logit_mu_eta). */
function muEta(eta: number): number {
  const e = Math.exp(eta);
  const opexp = 1 + e;
  return eta > THRESH || eta < -THRESH ? DBL_EPSILON : e / (opexp * opexp);
}

function yLogY(y: number, mu: number): number {
  return y !== 0 ? y * Math.log(y / mu) : 0;
}

/** Binomial deviance for 0/1 data (R's binomial()$dev.resids summed). */
function deviance(y: readonly number[], mu: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += 2 * (yLogY(y[i], mu[i]) + yLogY(1 - y[i], 1 - mu[i]));
  return s;
}

interface IrlsState {
  coef: number[];
  eta: number[];
  mu: number[];
  dev: number;
  cov: number[][];
  rank: number;
  kept: number[];
}

/** One IRLS step from (eta, mu): weighted LS of the working response, as glm.fit's loop body. */
function irlsStep(X: readonly (readonly number[])[], y: readonly number[], eta: readonly number[], mu: readonly number[], p: number): IrlsState {
  const n = y.length;
  const Xw = new Float64Array(n * p);
  const zw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const me = muEta(eta[i]);
    const z = eta[i] + (y[i] - mu[i]) / me;
    const w = Math.sqrt((me * me) / (mu[i] * (1 - mu[i])));
    zw[i] = z * w;
    for (let j = 0; j < p; j++) Xw[j * n + i] = X[i][j] * w;
  }
  // double-double for small problems only (IRLS repeats the QR ~10-35 times); larger ones
  // switch to it when ill-conditioned (see ../linalg/qr)
  const qr = qrLeastSquares(Xw, n, p, zw, { tol: 1e-11, ddWorkLimit: 2e5 });
  const coef = new Array<number>(p).fill(NaN);
  const kept = qr.pivot.slice(0, qr.rank);
  kept.forEach((j, k) => (coef[j] = qr.coef[k]));
  const newEta = X.map((row) => kept.reduce((s, j) => s + row[j] * coef[j], 0));
  const newMu = newEta.map(linkinv);
  const cov: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(NaN));
  kept.forEach((a, ia) => kept.forEach((b, ib) => (cov[a][b] = qr.covUnscaled[ia][ib])));
  return { coef, eta: newEta, mu: newMu, dev: deviance(y, newMu), cov, rank: qr.rank, kept };
}

/** R's quantile(x, probs, type = 7) on sorted data, with its exact interpolation formula. */
function quantile7(sorted: readonly number[], prob: number): number {
  const n = sorted.length;
  const index = 1 + Math.max(n - 1, 0) * prob;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1];
  const xhi = sorted[hi - 1];
  if (index > lo && xhi !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xhi;
  }
  return qs;
}

/**
 * Hosmer-Lemeshow goodness of fit exactly as ResourceSelection::hoslem.test(y, yhat, g):
 * groups cut at the unique type-7 quantiles of yhat (right-closed, lowest included),
 * chi-square over both columns of the observed/expected table, df = g - 2.
 */
export function hosmerLemeshow(y: readonly number[], yhat: readonly number[], g = 10): { statistic: number; df: number; p: number; groups: HosmerLemeshowGroup[] } {
  const sorted = [...yhat].sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let k = 0; k <= g; k++) {
    const q = quantile7(sorted, k * (1 / g));
    if (!breaks.includes(q)) breaks.push(q);
  }
  const groups: HosmerLemeshowGroup[] = breaks.slice(1).map(() => ({ n: 0, observedEvents: 0, expectedEvents: 0, observedNonEvents: 0, expectedNonEvents: 0 }));
  for (let i = 0; i < y.length; i++) {
    const v = yhat[i];
    // interval (b[k], b[k+1]], the first one closed on the left
    let k = 0;
    while (k < groups.length - 1 && v > breaks[k + 1]) k++;
    const grp = groups[k];
    grp.n++;
    grp.observedEvents += y[i];
    grp.observedNonEvents += 1 - y[i];
    grp.expectedEvents += v;
    grp.expectedNonEvents += 1 - v;
  }
  let statistic = 0;
  for (const grp of groups) {
    statistic += (grp.observedNonEvents - grp.expectedNonEvents) ** 2 / grp.expectedNonEvents;
    statistic += (grp.observedEvents - grp.expectedEvents) ** 2 / grp.expectedEvents;
  }
  const df = g - 2;
  return { statistic, df, p: chiSquareUpper(statistic, df), groups };
}

function codeOutcome(raw: readonly (number | string)[], name: string, event: string | number | undefined): { y: number[]; event: string; nonEvent: string } {
  const levels = [...new Set(raw.map((v) => String(v).trim()))];
  if (event === undefined) {
    const ok = raw.every((v) => Number(v) === 0 || Number(v) === 1);
    if (!ok) throw new Error(`Outcome "${name}" is not coded 0/1 (values: ${levels.slice(0, 5).join(', ')}); say which value is the event`);
    return { y: raw.map((v) => Number(v)), event: '1', nonEvent: '0' };
  }
  const ev = String(event).trim();
  if (levels.length > 2) throw new Error(`Outcome "${name}" has ${levels.length} values (${levels.slice(0, 5).join(', ')}); binary logistic regression needs two`);
  if (!levels.includes(ev)) throw new Error(`Event value "${ev}" does not occur in outcome "${name}"`);
  const other = levels.find((l) => l !== ev) ?? '';
  return { y: raw.map((v) => (String(v).trim() === ev ? 1 : 0)), event: ev, nonEvent: other };
}

/** Fit a binary logistic regression from records (see the module comment). */
export function logisticRegression(spec: LogisticRegressionSpec): LogisticRegressionResult {
  const frame = buildModelFrame({ ...spec, weights: undefined });
  if (frame.nUsed === 0) throw new Error('No complete cases: every row has a missing value in the model variables');
  const { y, event, nonEvent } = codeOutcome(frame.yRaw, spec.y, spec.event);
  const nEv = y.reduce((s, v) => s + v, 0);
  if (nEv === 0 || nEv === y.length) {
    throw new Error(`Outcome "${spec.y}" has only ${nEv === 0 ? 'non-events' : 'events'} among the ${y.length} cases used; logistic regression needs both`);
  }
  const X = frame.X;
  const n = y.length;
  const names = frame.columnNames;
  const p = names.length;
  const maxit = spec.maxIterations ?? 25;
  const epsilon = spec.epsilon ?? 1e-8;

  // glm.fit initialisation (binomial()$initialize with unit weights)
  let eta = y.map((v) => {
    const m = (v + 0.5) / 2;
    return Math.log(m / (1 - m));
  });
  let mu = eta.map(linkinv);
  let devold = deviance(y, mu);
  let state: IrlsState | null = null;
  let converged = false;
  let iterations = 0;
  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    state = irlsStep(X, y, eta, mu, p);
    eta = state.eta;
    mu = state.mu;
    if (Math.abs(state.dev - devold) / (Math.abs(state.dev) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devold = state.dev;
  }
  if (!state) throw new Error('logisticRegression: no iteration was run');
  const fit = state;
  const aliasedSet = new Set(names.filter((_, j) => !fit.kept.includes(j)));

  const warnings: LogisticWarning[] = [];
  if (!converged) warnings.push({ code: 'not-converged', message: `IRLS did not converge in ${maxit} iterations` });
  const eps10 = 10 * DBL_EPSILON;
  if (mu.some((m) => m > 1 - eps10 || m < eps10)) {
    warnings.push({ code: 'fitted-probabilities-0-or-1', message: 'Fitted probabilities numerically 0 or 1 occurred' });
  }

  // separation probe: ten further IRLS steps
  let probe = fit;
  for (let k = 0; k < 10; k++) probe = irlsStep(X, y, probe.eta, probe.mu, p);
  const cases: number[] = [];
  for (let i = 0; i < n; i++) if (Math.abs(probe.eta[i]) - Math.abs(fit.eta[i]) > 2) cases.push(i);
  const divergingCols: number[] = [];
  if (cases.length > 0) {
    fit.kept.forEach((j) => {
      const change = Math.abs(probe.coef[j] - fit.coef[j]);
      if (change > 1e-3 * (1 + Math.abs(fit.coef[j]))) divergingCols.push(j);
    });
  }
  const separationKind: 'none' | 'quasi-complete' | 'complete' = cases.length === 0 ? 'none' : cases.length === n ? 'complete' : 'quasi-complete';
  if (separationKind !== 'none') {
    warnings.push({
      code: separationKind === 'complete' ? 'complete-separation' : 'quasi-complete-separation',
      message: `${separationKind === 'complete' ? 'Complete' : 'Quasi-complete'} separation: ${cases.length} of ${n} cases are predicted perfectly and the estimates of ${divergingCols.map((j) => names[j]).join(', ')} diverge (their maximum-likelihood estimates do not exist)`,
    });
  }
  const diverging = new Set(divergingCols);

  const rawStandardErrors = fit.coef.map((_, j) => Math.sqrt(fit.cov[j][j]));
  const zq = normalquantile(1 - (1 - (spec.confidence ?? 0.95)) / 2, 0, 1);
  const coefficients: LogisticCoefficientRow[] = names.map((term, j) => {
    if (aliasedSet.has(term) || diverging.has(j)) {
      return { term, estimate: null, se: null, statistic: null, wald: null, p: null, oddsRatio: null, orLow: null, orHigh: null };
    }
    const b = fit.coef[j];
    const se = rawStandardErrors[j];
    const z = b / se;
    return {
      term,
      estimate: b,
      se,
      statistic: z,
      wald: z * z,
      p: 2 * normalcdf(-Math.abs(z), 0, 1),
      oddsRatio: Math.exp(b),
      orLow: Math.exp(b - zq * se),
      orHigh: Math.exp(b + zq * se),
    };
  });

  const dev = fit.dev;
  const ybar = y.reduce((s, v) => s + v, 0) / n;
  const nullMu = frame.hasIntercept ? ybar : 0.5;
  const nullDeviance = deviance(y, y.map(() => nullMu));
  const rank = fit.rank;
  const lrDf = rank - (frame.hasIntercept ? 1 : 0);
  const lrChiSquare = nullDeviance - dev;
  const lrP = lrDf > 0 ? chiSquareUpper(lrChiSquare, lrDf) : NaN;
  // binomial()$aic for 0/1 data: -2 sum log dbinom(y, 1, mu)
  let ll = 0;
  for (let i = 0; i < n; i++) ll += y[i] === 1 ? Math.log(mu[i]) : Math.log(1 - mu[i]);
  const aic = -2 * ll + 2 * rank;
  const logLik = rank - aic / 2;
  const bic = -2 * logLik + Math.log(n) * rank;
  const coxSnellR2 = 1 - Math.exp((dev - nullDeviance) / n);

  const cutoff = spec.cutoff ?? 0.5;
  const counts: [[number, number], [number, number]] = [
    [0, 0],
    [0, 0],
  ];
  for (let i = 0; i < n; i++) counts[y[i]][mu[i] >= cutoff ? 1 : 0]++;
  const nEvents = counts[1][0] + counts[1][1];
  const nNonEvents = counts[0][0] + counts[0][1];

  return {
    n,
    nExcluded: frame.nExcluded,
    outcome: { variable: spec.y, event, nonEvent, nEvents, nNonEvents },
    terms: frame.terms,
    aliased: [...aliasedSet],
    coefficients,
    rawEstimates: fit.coef,
    rawStandardErrors,
    converged,
    iterations,
    deviance: dev,
    nullDeviance,
    lrChiSquare,
    lrDf,
    lrP,
    logLik,
    aic,
    bic,
    mcFaddenR2: 1 - dev / nullDeviance,
    coxSnellR2,
    nagelkerkeR2: coxSnellR2 / (1 - Math.exp(-nullDeviance / n)),
    classification: {
      cutoff,
      counts,
      percentCorrectNonEvent: (100 * counts[0][0]) / nNonEvents,
      percentCorrectEvent: (100 * counts[1][1]) / nEvents,
      accuracy: (counts[0][0] + counts[1][1]) / n,
    },
    hosmerLemeshow: hosmerLemeshow(y, mu, spec.hosmerLemeshowGroups ?? 10),
    separation: { kind: separationKind, terms: divergingCols.map((j) => names[j]), cases: cases.map((i) => frame.rowIndex[i]) },
    warnings,
    design: { columnNames: names, X, rowIndex: frame.rowIndex },
    y,
    fitted: mu,
    linearPredictor: eta,
  };
}
