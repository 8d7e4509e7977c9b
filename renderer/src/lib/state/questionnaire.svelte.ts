import {
  blankQuestion,
  DIMENSIONS,
  emptyText,
  isSelectType,
  validateQuestionnaire,
  type ChoiceList,
  type Problem,
  type Question,
  type Questionnaire,
  type QuestionType,
} from '../../../../analysis/form/types';
import type { Output } from '../../../../electron/api/contract';
import { ApiCallError, call } from '../api/client';
import type { AppState } from './app.svelte';

export type LostQuestion = Output<'form.validate'>['lost'][number];
export type ImportReport = Output<'form.importXlsForm'>;
export { DIMENSIONS, isSelectType };
export type { ChoiceList, Problem, Question, Questionnaire, QuestionType };

/** The standard agreement scale of the Likert quick-add (values 1..5). */
export const LIKERT_LIST = 'likert5';
const LIKERT_LABELS = {
  id: ['Sangat tidak setuju', 'Tidak setuju', 'Netral', 'Setuju', 'Sangat setuju'],
  en: ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'],
};


function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function slug(title: string): string {
  const s = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(s) ? s.slice(0, 60) : `kuesioner${s ? '_' + s.slice(0, 50) : ''}`;
}

/**
 * The questionnaire being designed: a draft edited in place, compared with what was last saved
 * (so unsaved edits survive visits to other areas and are flagged), checked on every change with
 * validateQuestionnaire (pure, so no round trip), saved with questionnaire.save.
 */
export class DesignerState {
  draft = $state<Questionnaire>(this.blank(''));
  savedJson = $state('');
  /** Whether a questionnaire exists in the project (saved at least once). */
  exists = $state(false);
  loaded = $state(false);
  selected = $state(0);
  busy = $state(false);
  /** A status line: 'saved' (shown in the current language), or an error already translated. */
  message = $state<{ saved: true } | { error: string } | null>(null);
  /** The last deleted question, for undo. */
  lastDeleted = $state<{ question: Question; index: number } | null>(null);
  /** Questions with answers a save would delete (asked before saving). */
  pendingLoss = $state<LostQuestion[] | null>(null);
  private projectPath: string | null = null;

  readonly dirty = $derived(JSON.stringify(this.draft) !== this.savedJson);
  readonly problems: Problem[] = $derived(validateQuestionnaire(this.draft));

  constructor(private readonly app: AppState) {
    if (typeof window !== 'undefined') {
      window.addEventListener('beforeunload', (e) => {
        if (this.loaded && this.dirty && this.app.project?.path === this.projectPath) e.preventDefault();
      });
    }
  }

  private blank(title: string): Questionnaire {
    return { title: title || 'Kuesioner', formId: slug(title || 'kuesioner'), version: '1', defaultLanguage: 'id', questions: [], choiceLists: [] };
  }

  /** Loads the saved questionnaire (again only when the project changed or `force`). */
  async load(force = false): Promise<void> {
    const path = this.app.project?.path ?? null;
    if (!force && this.loaded && path === this.projectPath) return;
    const r = await call('questionnaire.get', {});
    this.projectPath = path;
    this.adopt(r.questionnaire);
    this.message = null;
    this.lastDeleted = null;
    this.loaded = true;
  }

  private adopt(q: Questionnaire | null): void {
    this.exists = q !== null;
    const draft = q ?? this.blank(this.app.project?.info.title ?? '');
    this.draft = clone(draft);
    this.savedJson = q ? JSON.stringify(draft) : JSON.stringify(this.draft);
    this.selected = Math.min(this.selected, Math.max(0, draft.questions.length - 1));
  }

  get current(): Question | null {
    return this.draft.questions[this.selected] ?? null;
  }

  problemsOf(index: number): Problem[] {
    return this.problems.filter((p) => p.questionIndex === index);
  }

  private freeName(base: string): string {
    const names = new Set(this.draft.questions.map((q) => q.name));
    for (let i = this.draft.questions.length + 1; ; i++) {
      const n = `${base}${i}`;
      if (!names.has(n)) return n;
    }
  }

  private freeListName(base: string): string {
    const names = new Set(this.draft.choiceLists.map((l) => l.name));
    if (!names.has(base)) return base;
    for (let i = 2; ; i++) if (!names.has(`${base}_${i}`)) return `${base}_${i}`;
  }

  /** The Likert 1..5 list (created with the agreement labels when there is none). */
  ensureLikertList(): string {
    const existing = this.draft.choiceLists.find((l) => {
      const v = l.choices.map((c) => c.value);
      return v.length === 5 && ['1', '2', '3', '4', '5'].every((x) => v.includes(x));
    });
    if (existing) return existing.name;
    const name = this.freeListName(LIKERT_LIST);
    this.draft.choiceLists.push({
      name,
      choices: [0, 1, 2, 3, 4].map((i) => ({ value: String(i + 1), label: { id: LIKERT_LABELS.id[i]!, en: LIKERT_LABELS.en[i]! } })),
    });
    return name;
  }

  /** Adds a question after the selected one and selects it. Select types get a list (Likert: the 1..5 list). */
  addQuestion(type: QuestionType): void {
    const name = this.freeName(type === 'likert' ? 'likert' : type === 'note' ? 'catatan' : type === 'calculate' ? 'hitung' : 'q');
    const q = blankQuestion(name, type);
    if (type === 'likert') q.listName = this.ensureLikertList();
    else if (isSelectType(type)) {
      const list = this.freeListName(name);
      this.draft.choiceLists.push({ name: list, choices: [] });
      q.listName = list;
    }
    const at = this.draft.questions.length === 0 ? 0 : this.selected + 1;
    this.draft.questions.splice(at, 0, q);
    this.selected = at;
  }

  /** Changes a question's type, keeping what still applies (a list for select types, none otherwise). */
  setType(index: number, type: QuestionType): void {
    const q = this.draft.questions[index];
    if (!q) return;
    q.type = type;
    if (type === 'likert') q.listName = this.ensureLikertList();
    else if (isSelectType(type)) {
      if (q.listName === null) {
        const list = this.freeListName(q.name);
        this.draft.choiceLists.push({ name: list, choices: [] });
        q.listName = list;
      }
    } else q.listName = null;
    if (type !== 'likert') {
      q.dimension = null;
      q.reverse = false;
    }
  }

  move(index: number, delta: -1 | 1): boolean {
    const to = index + delta;
    const qs = this.draft.questions;
    if (to < 0 || to >= qs.length) return false;
    const [q] = qs.splice(index, 1);
    qs.splice(to, 0, q!);
    if (this.selected === index) this.selected = to;
    return true;
  }

  remove(index: number): void {
    const [q] = this.draft.questions.splice(index, 1);
    if (!q) return;
    this.lastDeleted = { question: q, index };
    this.selected = Math.max(0, Math.min(index, this.draft.questions.length - 1));
  }

  undoRemove(): void {
    const d = this.lastDeleted;
    if (!d) return;
    this.draft.questions.splice(Math.min(d.index, this.draft.questions.length), 0, d.question);
    this.selected = d.index;
    this.lastDeleted = null;
  }

  /** Renames a question and the ${name} references to it in every expression (unless another question has the old or the new name). */
  rename(index: number, name: string): void {
    const q = this.draft.questions[index];
    if (!q) return;
    const old = q.name;
    q.name = name;
    if (!old || old === name || this.draft.questions.some((x, i) => i !== index && (x.name === old || x.name === name))) return;
    const ref = '${' + old + '}';
    for (const x of this.draft.questions) {
      for (const f of ['relevant', 'constraint', 'calculation'] as const) if (x[f].includes(ref)) x[f] = x[f].split(ref).join('${' + name + '}');
    }
  }

  addList(): string {
    const name = this.freeListName('pilihan');
    this.draft.choiceLists.push({ name, choices: [] });
    return name;
  }

  /** Renames a list and the questions that use it. */
  renameList(index: number, name: string): void {
    const l = this.draft.choiceLists[index];
    if (!l) return;
    for (const q of this.draft.questions) if (q.listName === l.name) q.listName = name;
    l.name = name;
  }

  removeList(index: number): void {
    const [l] = this.draft.choiceLists.splice(index, 1);
    if (!l) return;
    for (const q of this.draft.questions) if (q.listName === l.name) q.listName = '';
  }

  addChoice(list: ChoiceList): void {
    const values = new Set(list.choices.map((c) => c.value));
    let n = list.choices.length + 1;
    while (values.has(String(n))) n++;
    list.choices.push({ value: String(n), label: emptyText() });
  }

  moveChoice(list: ChoiceList, index: number, delta: -1 | 1): void {
    const to = index + delta;
    if (to < 0 || to >= list.choices.length) return;
    const [c] = list.choices.splice(index, 1);
    list.choices.splice(to, 0, c!);
  }

  discard(): void {
    this.draft = JSON.parse(this.savedJson) as Questionnaire;
    this.selected = Math.min(this.selected, Math.max(0, this.draft.questions.length - 1));
    this.lastDeleted = null;
    this.pendingLoss = null;
  }

  /**
   * Saves the draft. When questions holding answers would be deleted, asks first (pendingLoss)
   * unless `confirmed`. Returns true once saved.
   */
  async save(confirmed = false): Promise<boolean> {
    this.busy = true;
    this.message = null;
    try {
      const questionnaire = clone(this.draft);
      if (!confirmed) {
        const check = await call('form.validate', { questionnaire });
        if (check.lost.length > 0) {
          this.pendingLoss = check.lost;
          return false;
        }
      }
      const r = await call('questionnaire.save', { questionnaire });
      this.pendingLoss = null;
      this.exists = true;
      this.savedJson = JSON.stringify(r.questionnaire);
      this.draft = clone(r.questionnaire);
      this.lastDeleted = null;
      this.message = { saved: true };
      await this.app.refresh();
      return true;
    } catch (e) {
      this.message = { error: this.app.describe(e) };
      return false;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Imports an XLSForm (all or nothing). Returns the report, the refusal for answered questions
   * (`lost`), or the problems (one line each, naming sheet, row and column).
   */
  async importXlsForm(path: string, replace: boolean): Promise<{ report: ImportReport } | { lost: string } | { errors: string[] }> {
    this.busy = true;
    this.message = null;
    try {
      const report = await call('form.importXlsForm', { path, replace });
      this.adopt(report.questionnaire);
      this.selected = 0;
      this.lastDeleted = null;
      await this.app.refresh();
      return { report };
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'BAD_INPUT' && e.field === 'replace') return { lost: e.message };
      if (e instanceof ApiCallError && e.code === 'BAD_INPUT') {
        const lines = e.message.split('\n');
        return { errors: lines.length > 1 ? lines.slice(1) : lines };
      }
      return { errors: [this.app.describe(e)] };
    } finally {
      this.busy = false;
    }
  }

  async exportXlsForm(path: string): Promise<Output<'form.exportXlsForm'> | string> {
    this.busy = true;
    try {
      return await call('form.exportXlsForm', { path });
    } catch (e) {
      return this.app.describe(e);
    } finally {
      this.busy = false;
    }
  }
}

const designers = new WeakMap<AppState, DesignerState>();

/** The designer of this app (one per window, kept while the user visits other areas). */
export function useDesigner(app: AppState): DesignerState {
  let d = designers.get(app);
  if (!d) {
    d = new DesignerState(app);
    designers.set(app, d);
  }
  return d;
}
