import type { Output } from '../../../../electron/api/contract';
import { evaluateForm } from '../../../../analysis/entry/evaluate-form';
import { call } from '../api/client';
import type { AppState } from './app.svelte';

type EntryView = Output<'entry.open'>;
type Questionnaire = NonNullable<Output<'questionnaire.get'>['questionnaire']>;

/** The data-entry screen's state: the questionnaire, the open response, per-field messages. */
export class EntryState {
  questionnaire = $state<Questionnaire | null>(null);
  loaded = $state(false);
  view = $state<EntryView | null>(null);
  /** Parse errors of values that could not be saved, by question name (the typed text stays in the field). */
  fieldErrors = $state<Record<string, string>>({});
  actor = $state('');
  reason = $state('');
  message = $state<string | null>(null);
  discrepancies = $state<Output<'entry.compare'>>([]);
  audit = $state<Output<'entry.audit'>>([]);
  agreement = $state<Output<'entry.agreement'>>([]);
  /** Header values carried over to the next response (same enumerator, place and day). */
  defaults = $state<{ enumerator: string; location: string; interviewDate: string | null }>({ enumerator: '', location: '', interviewDate: null });

  constructor(private readonly app: AppState) {}

  get lang(): 'id' | 'en' {
    return this.app.i18n.locale;
  }

  async load(): Promise<void> {
    await this.app.run(async () => {
      this.questionnaire = (await call('questionnaire.get', {})).questionnaire;
      this.agreement = await call('entry.agreement', {});
    });
    this.loaded = true;
  }

  private async refreshSide(): Promise<void> {
    const v = this.view;
    if (!v) return;
    this.audit = v.header.status === 'complete' ? await call('entry.audit', { id: v.header.id }) : [];
    this.discrepancies = v.header.entryPass === 2 ? await call('entry.compare', { id: v.header.id }) : [];
  }

  async start(init: { respondentCode: string; enumerator: string; location: string; interviewDate: string | null; verifies?: string }): Promise<boolean> {
    this.actor ||= init.enumerator;
    return this.app.run(async () => {
      this.view = await call('entry.new', { ...init, language: this.lang });
      this.fieldErrors = {};
      this.message = null;
      await this.refreshSide();
    });
  }

  async open(id: string): Promise<boolean> {
    return this.app.run(async () => {
      this.view = await call('entry.open', { id, language: this.lang });
      this.fieldErrors = {};
      this.message = null;
      await this.refreshSide();
    });
  }

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Shows a picked choice at once: the answer and the form's relevance are re-evaluated locally
   * with the same pure function the server uses, so the next field exists before the save returns.
   */
  private applyLocally(name: string, value: string | number | null): void {
    const v = this.view;
    const q = this.questionnaire;
    if (!v || !q) return;
    const answers = { ...v.answers, [name]: value };
    this.view = { ...v, answers, state: evaluateForm(q, answers, { language: this.lang }) };
  }

  /**
   * Saves one field as it is left; returns false when the value could not be saved. Saves run
   * one after another in the order they were made. With `optimistic`, the value is shown before
   * the save returns (used for picked choices, which are always valid codes).
   */
  answer(name: string, raw: string | number | null, optimistic = false): Promise<boolean> {
    if (optimistic) this.applyLocally(name, raw);
    const run = this.queue.then(() => this.save(name, raw));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async save(name: string, raw: string | number | null): Promise<boolean> {
    const v = this.view;
    if (!v) return false;
    let ok = false;
    await this.app.run(async () => {
      const r = await call('entry.answer', {
        id: v.header.id,
        name,
        raw,
        actor: this.actor || v.header.enumerator || 'kajian',
        ...(this.reason.trim() ? { reason: this.reason.trim() } : {}),
        language: this.lang,
      });
      this.view = r.view;
      const next = { ...this.fieldErrors };
      if (r.error) next[name] = r.error;
      else delete next[name];
      this.fieldErrors = next;
      ok = r.error === null;
      await this.refreshSide();
    });
    return ok;
  }

  async setHeader(patch: { respondentCode?: string; enumerator?: string; location?: string; interviewDate?: string | null }): Promise<void> {
    const v = this.view;
    if (!v) return;
    await this.app.run(async () => {
      this.view = await call('entry.header', { id: v.header.id, patch, actor: this.actor || v.header.enumerator || 'kajian', language: this.lang });
    });
  }

  async complete(): Promise<boolean> {
    const v = this.view;
    if (!v) return false;
    let done = false;
    await this.app.run(async () => {
      const r = await call('entry.complete', { id: v.header.id, actor: this.actor || v.header.enumerator || 'kajian', language: this.lang });
      this.view = r.view;
      done = r.completed;
      this.message = r.completed ? this.app.i18n.m.entry.completed : this.app.i18n.m.entry.errorsLeft(r.view.state.errorCount);
      this.agreement = await call('entry.agreement', {});
      await this.refreshSide();
    });
    return done;
  }

  async resolve(name: string, raw: string | number | null): Promise<void> {
    const v = this.view;
    if (!v) return;
    await this.app.run(async () => {
      this.discrepancies = await call('entry.resolve', { id: v.header.id, name, raw, actor: this.actor || 'kajian', language: this.lang });
      this.view = await call('entry.open', { id: v.header.id, language: this.lang });
      this.agreement = await call('entry.agreement', {});
    });
  }

  close(): void {
    this.view = null;
    this.fieldErrors = {};
    this.message = null;
    this.discrepancies = [];
    this.audit = [];
  }
}
