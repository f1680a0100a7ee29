import { performance } from "node:perf_hooks";

export interface Timing {
  p50: number;
  p95: number;
  mean: number;
  runs: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    runs: sorted.length,
  };
}

/** Runs `work` `runs` times after `warmup` untimed runs; returns the timing of each run in ms. */
export async function time(
  work: (iteration: number) => Promise<unknown>,
  runs: number,
  warmup = 5,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** Runs `total` calls of `work` with `concurrency` in flight; returns calls per second. */
export async function throughput(
  work: (iteration: number) => Promise<unknown>,
  total: number,
  concurrency: number,
) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const iteration = next++;
        await work(iteration);
      }
    }),
  );
  return Math.round(total / ((performance.now() - started) / 1000));
}
