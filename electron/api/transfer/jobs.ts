import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ColumnMapping, ImportOutcome, ImportProgress } from '../../../db/queries/import-responses';
import { workerEntry } from './worker-entry';

/**
 * Import jobs: each runs in a worker thread (see worker.ts) so the main process (and the window)
 * stays responsive; callers poll its progress and may cancel it, which terminates the worker
 * before its transaction commits, so nothing is written.
 */

export interface WorkerInput {
  projectPath: string;
  filePath: string;
  mapping: ColumnMapping[] | null;
  /** One Int32: 0 running, 1 cancelled, 2 committing (set with compare-and-swap by both sides). */
  flag: SharedArrayBuffer;
}

export type WorkerMessage =
  | ({ type: 'progress' } & (ImportProgress | { phase: 'read'; done: number; total: number }))
  | { type: 'done'; outcome: ImportOutcome; notes: { en: string; id: string }[] }
  | { type: 'failed'; code: string; message: string; field?: string | undefined };

export interface JobStatus {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
  outcome: ImportOutcome | null;
  notes: { en: string; id: string }[];
  error: { code: string; message: string; field?: string | undefined } | null;
}

interface Job {
  status: JobStatus;
  worker: Worker;
  flag: Int32Array;
  finished: Promise<JobStatus>;
}

const jobs = new Map<string, Job>();
const KEEP_FINISHED = 20;

/** Starts an import in a worker; returns its id at once. `onFinished` runs once it ends (any state). */
export function startImport(input: Omit<WorkerInput, 'flag'>, onFinished?: (s: JobStatus) => void): string {
  const entry = workerEntry('worker.ts', 'transfer-worker.cjs');
  const jobId = randomUUID();
  const status: JobStatus = { jobId, state: 'running', phase: 'read', done: 0, total: 0, outcome: null, notes: [], error: null };
  const flag = new SharedArrayBuffer(4);
  const worker = new Worker(entry.file, { workerData: { ...input, flag } satisfies WorkerInput, eval: entry.eval });
  const finished = new Promise<JobStatus>((resolve) => {
    const end = () => {
      onFinished?.(status);
      resolve(status);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (status.state !== 'running') return;
      if (m.type === 'progress') Object.assign(status, { phase: m.phase, done: m.done, total: m.total });
      else if (m.type === 'done') Object.assign(status, { state: 'done', outcome: m.outcome, notes: m.notes });
      else Object.assign(status, { state: 'failed', error: { code: m.code, message: m.message, field: m.field } });
    });
    worker.on('error', (e) => {
      if (status.state === 'running') Object.assign(status, { state: 'failed', error: { code: 'INTERNAL', message: e.message } });
    });
    worker.on('exit', () => {
      if (status.state === 'running') Object.assign(status, { state: 'failed', error: { code: 'INTERNAL', message: 'the import stopped unexpectedly' } });
      end();
    });
  });
  jobs.set(jobId, { status, worker, flag: new Int32Array(flag), finished });
  // Forget the oldest finished jobs.
  const done = [...jobs.values()].filter((j) => j.status.state !== 'running');
  for (const j of done.slice(0, Math.max(0, done.length - KEEP_FINISHED))) jobs.delete(j.status.jobId);
  return jobId;
}

export function jobStatus(jobId: string): JobStatus | null {
  const j = jobs.get(jobId);
  return j ? { ...j.status } : null;
}

/** Waits for a job to end. */
export function jobFinished(jobId: string): Promise<JobStatus> | null {
  return jobs.get(jobId)?.finished ?? null;
}

/** Stops a running import; nothing is written (its transaction never commits). False when it had already ended. */
export async function cancelImport(jobId: string): Promise<boolean> {
  const j = jobs.get(jobId);
  if (!j || j.status.state !== 'running') return false;
  // Too late once the worker has begun to commit: the import then completes.
  if (Atomics.compareExchange(j.flag, 0, 0, 1) !== 0) return false;
  j.status.state = 'cancelled';
  await j.worker.terminate();
  return true;
}
