import type { Output } from '../../../../electron/api/contract';
import type { ApiErrorBody } from '../../../../electron/api/envelope';
import { ApiCallError, call } from '../api/client';
import type { AppState } from './app.svelte';

export type TransferPreview = Output<'transfer.preview'>;
export type JobStatus = Output<'transfer.progress'>;
export type ImportOutcome = NonNullable<JobStatus['outcome']>;
export type ExportResult = Output<'transfer.export'>;

/** The Import/Export tab: preview and mapping, an import job with progress and cancel, export. */
export class TransferState {
  path = $state('');
  preview = $state<TransferPreview | null>(null);
  /** Target of each column by position ('' = skip). */
  targets = $state<string[]>([]);
  job = $state<JobStatus | null>(null);
  outcome = $state<ImportOutcome | null>(null);
  cancelled = $state(false);
  exportPath = $state('');
  labels = $state(false);
  includePersonal = $state(false);
  exported = $state<ExportResult | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly app: AppState) {}

  get running(): boolean {
    return this.job?.state === 'running';
  }

  async read(): Promise<void> {
    this.outcome = null;
    this.cancelled = false;
    await this.app.run(async () => {
      const p = await call('transfer.preview', { path: this.path.trim() });
      this.preview = p;
      this.targets = p.mapping.map((m) => m.target ?? '');
    });
  }

  async start(): Promise<void> {
    const p = this.preview;
    if (!p) return;
    this.outcome = null;
    this.cancelled = false;
    const mapping = p.mapping.map((m, i) => ({ index: m.index, column: m.column, target: this.targets[i] || null }));
    await this.app.run(async () => {
      const { jobId } = await call('transfer.importStart', { path: p.path, mapping });
      this.job = { jobId, state: 'running', phase: 'read', done: 0, total: p.totalRows, outcome: null, notes: [], error: null };
      this.poll();
    });
  }

  private poll(): void {
    const job = this.job;
    if (!job) return;
    this.timer = setTimeout(() => {
      void (async () => {
        let s: JobStatus;
        try {
          s = await call('transfer.progress', { jobId: job.jobId });
        } catch (e) {
          this.app.error = this.app.describe(e);
          this.job = null;
          return;
        }
        if (this.job?.jobId !== job.jobId || this.job.state === 'cancelled') return;
        this.job = s;
        if (s.state === 'running') return this.poll();
        if (s.state === 'failed' && s.error) {
          const code = s.error.code as ApiErrorBody['code'];
          this.app.error = this.app.describe(new ApiCallError({ code, message: s.error.message }));
        }
        if (s.state === 'done') {
          this.outcome = s.outcome;
          if (s.outcome?.ok) await this.app.refresh();
        }
      })();
    }, 150);
  }

  async cancel(): Promise<void> {
    const job = this.job;
    if (!job || job.state !== 'running') return;
    await this.app.run(async () => {
      const r = await call('transfer.cancel', { jobId: job.jobId });
      if (r.cancelled) {
        if (this.timer) clearTimeout(this.timer);
        this.job = { ...job, state: 'cancelled' };
        this.cancelled = true;
      }
    });
  }

  async export(): Promise<void> {
    this.exported = null;
    await this.app.run(async () => {
      this.exported = await call('transfer.export', { path: this.exportPath.trim(), labels: this.labels, includePersonal: this.includePersonal });
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
