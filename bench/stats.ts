/** Median and 95th percentile of a sample, in the sample's unit. */
export function summarize(samples: readonly number[]): { median: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

/** Time `fn` `n` times (after `warmup` untimed runs); milliseconds per run. */
export async function timeRuns(fn: () => unknown, n: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Format milliseconds with sensible precision. */
export const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) + ' ms';

/**
 * Like `timeRuns`, with the process's CPU time per run beside the wall time: on a shared machine
 * the CPU time shows what a run costs when it has a core to itself.
 */
export async function timeRunsWithCpu(fn: () => unknown, n: number, warmup = 3): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const usage = process.cpuUsage();
    const start = performance.now();
    await fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}
