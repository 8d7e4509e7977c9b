import type { AnalysisVariables } from '../../../../../../electron/api/analysis/contract';
import type { AnalysisVariable } from '../../../../../../electron/api/analysis/service';
import { call } from '../../../../lib/api/client';
import type { AppState } from '../../../../lib/state/app.svelte';

/** The analysable variables of the open project (loaded once per tab; every analysis recomputes on the server). */
export class SurveyVariables {
  data = $state<AnalysisVariables | null>(null);
  /** 'none' when the project has no questionnaire yet. */
  status = $state<'loading' | 'ready' | 'none' | 'error'>('loading');
  constructor(private readonly app: AppState) {}

  async load(): Promise<void> {
    this.status = 'loading';
    try {
      this.data = await call('analysis.variables', {});
      this.status = 'ready';
    } catch (e) {
      const code = (e as { code?: string }).code;
      this.status = code === 'NOT_FOUND' ? 'none' : 'error';
      if (this.status === 'error') this.app.error = this.app.describe(e);
    }
  }

  get variables(): AnalysisVariable[] {
    return this.data?.variables ?? [];
  }

  find(name: string | null | undefined): AnalysisVariable | undefined {
    return this.variables.find((v) => v.name === name);
  }

  /** The variable's label in the UI language (its name when unlabelled). */
  label(name: string): string {
    const v = this.find(name);
    if (!v) return name;
    return v.label[this.app.i18n.locale] || v.name;
  }
}

/** Number formatting that shows a dash for null, undefined and non-finite values. */
export function fmt(app: AppState, x: number | null | undefined, decimals = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : app.i18n.num(x, decimals);
}

/** A p-value: three decimals, or "< 0,001" / "< 0.001". */
export function fmtP(app: AppState, p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  return p < 0.001 ? `< ${app.i18n.num(0.001, 3)}` : app.i18n.num(p, 3);
}
