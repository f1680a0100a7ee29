import { Worker } from "node:worker_threads";
import type { LoadJob, LoadResult } from "./load-worker.ts";
import type { Timing } from "./measure.ts";

/** Starts the load generator's worker thread (load-worker.ts) against the API at `base`. */
export function startLoadGenerator(base: string, headers: Record<string, string>) {
  const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { base, headers } });
  const pending = new Map<
    number,
    { resolve: (result: LoadResult) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;
  worker.on("message", (message: { id: number; result?: LoadResult; error?: string }) => {
    const entry = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) entry?.reject(new Error(message.error));
    else entry?.resolve(message.result!);
  });
  worker.on("error", (error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  });
  function run(job: LoadJob): Promise<LoadResult> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }
  return {
    /** Times `runs` GETs (all `paths` at once per run), measured in the worker. */
    timeGet: (paths: string | string[], runs: number) =>
      run({ kind: "get", paths: Array.isArray(paths) ? paths : [paths], runs }) as Promise<Timing>,
    createThroughput: (total: number, concurrency: number) =>
      run({ kind: "create", total, concurrency }) as Promise<number>,
    timeUpdates: (id: string, version: number, runs: number) =>
      run({ kind: "update", id, version, runs }) as Promise<Timing>,
    async close() {
      worker.postMessage("close");
      await new Promise((resolve) => worker.once("exit", resolve));
    },
  };
}
