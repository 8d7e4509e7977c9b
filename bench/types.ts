/** One benchmark's result: the same work done by Kajian and by a reference tool, in the same run. */
export interface BenchResult {
  work: string;
  kajianMs: number;
  referenceTool: string;
  referenceMs: number | null;
  /** The goal as stated in the issue, e.g. "<= 1.5x sqlite3". */
  goal?: string;
  notes?: string;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** The median of `repeat` timed runs of fn (after one warm-up), in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, repeat = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
