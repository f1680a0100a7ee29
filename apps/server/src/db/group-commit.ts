import type { Database, Executor } from "./client.ts";

/** The result of one queued item: its value, or the error its request gets. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface GroupCommitOptions<I, P, O> {
  db: Database;
  /**
   * Checks and normalises the items of a batch before anything is written (validation, lookups);
   * gets the whole batch so lookups can be shared. A failed item fails only its own request.
   */
  prepare(items: I[]): Promise<Outcome<P>[]>;
  /**
   * Writes prepared items inside `tx`; returns one output per item, in the same order. With
   * `atomicWrite`, `tx` is the database itself and the write must be one statement.
   */
  write(tx: Executor, items: P[]): Promise<O[]>;
  /**
   * The write is a single statement, atomic by itself: it runs without BEGIN and COMMIT around
   * it, one round trip instead of three or more per batch.
   */
  atomicWrite?: boolean;
  /** Most items in one transaction (keeps statements well under PostgreSQL's parameter limit). */
  maxBatch?: number;
}

interface Pending<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/**
 * Natural group commit (decision 0013): while one batch is being written, further items queue;
 * the next flush writes all of them in one transaction. There is no timer — an item that finds
 * nothing in flight is written after one turn of the event loop, with whatever else arrived in
 * that turn. When a batch's transaction fails, each of its
 * items is written again in a transaction of its own, so one bad item never fails another.
 */
export function createGroupCommit<I, P, O>(options: GroupCommitOptions<I, P, O>) {
  const maxBatch = options.maxBatch ?? 100;
  const queue: Pending<I, O>[] = [];
  let flushing = false;

  const writeBatch = (items: P[]) =>
    options.atomicWrite
      ? options.write(options.db, items)
      : options.db.transaction((tx) => options.write(tx, items));

  async function writeAlone(pending: Pending<I, O>, prepared: P) {
    try {
      const [output] = await writeBatch([prepared]);
      pending.resolve(output!);
    } catch (error) {
      pending.reject(error);
    }
  }

  async function flushBatch(batch: Pending<I, O>[]) {
    let outcomes: Outcome<P>[];
    try {
      outcomes = await options.prepare(batch.map((pending) => pending.item));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    const ready: { pending: Pending<I, O>; prepared: P }[] = [];
    outcomes.forEach((outcome, index) => {
      const pending = batch[index]!;
      if (outcome.ok) ready.push({ pending, prepared: outcome.value });
      else pending.reject(outcome.error);
    });
    if (ready.length === 0) return;
    if (ready.length === 1) return writeAlone(ready[0]!.pending, ready[0]!.prepared);
    let outputs: O[];
    try {
      outputs = await writeBatch(ready.map((entry) => entry.prepared));
    } catch {
      // Someone's row is bad (or the batch hit a conflict): give every item its own transaction.
      await Promise.all(ready.map((entry) => writeAlone(entry.pending, entry.prepared)));
      return;
    }
    for (const [index, entry] of ready.entries()) entry.pending.resolve(outputs[index]!);
  }

  async function flush() {
    flushing = true;
    try {
      // One turn of the event loop first: requests whose bytes arrived in the same poll phase
      // queue behind this one. Without it, an engine that answers without real I/O (PGlite runs
      // in-process) completes each request before the next is even parsed: batches of one.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (queue.length) await flushBatch(queue.splice(0, maxBatch));
    } finally {
      flushing = false;
    }
  }

  return {
    /** Queues an item; resolves with its output once its transaction has committed. */
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
}

/** `load` memoised per key for the life of one batch (e.g. a workspace's settings). */
export function oncePerKey<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const loaded = new Map<string, Promise<T>>();
  return (key) => {
    let value = loaded.get(key);
    if (!value) {
      value = load(key);
      loaded.set(key, value);
    }
    return value;
  };
}

/** Runs `work` for every item, keeping each one's result or error apart. */
export async function settleEach<I, T>(items: I[], work: (item: I) => Promise<T>): Promise<Outcome<T>[]> {
  return Promise.all(
    items.map(async (item) => {
      try {
        return { ok: true as const, value: await work(item) };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );
}
