import { describe, expect, it } from "vitest";
import type { Database, Transaction } from "./client.ts";
import { createGroupCommit, settleEach } from "./group-commit.ts";

/** A stand-in database whose transactions only count themselves. */
function fakeDatabase() {
  const transactions: string[][] = [];
  const db = {
    async transaction<T>(work: (tx: Transaction) => Promise<T>) {
      return work({} as Transaction);
    },
  } as unknown as Database;
  return { db, transactions };
}

function committer(options: { failPrepare?: string; failWrite?: string } = {}) {
  const { db, transactions } = fakeDatabase();
  const prepared: string[][] = [];
  const group = createGroupCommit<string, string, string>({
    db,
    async prepare(items) {
      prepared.push(items);
      return settleEach(items, async (item) => {
        if (item === options.failPrepare) throw new Error(`invalid ${item}`);
        return item.toUpperCase();
      });
    },
    async write(_tx, items) {
      transactions.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.failWrite && items.includes(options.failWrite.toUpperCase())) {
        throw new Error(`cannot store ${options.failWrite}`);
      }
      return items.map((item) => `${item}!`);
    },
    maxBatch: 3,
  });
  return { group, prepared, transactions };
}

describe("group commit", () => {
  it("writes an item at once when nothing is in flight, without waiting for company", async () => {
    const { group, transactions } = committer();
    expect(await group.submit("a")).toBe("A!");
    expect(transactions).toEqual([["A"]]);
  });

  it("writes items submitted in the same turn of the event loop together, in order", async () => {
    const { group, transactions } = committer();
    const results = await Promise.all(["a", "b", "c", "d", "e", "f"].map((item) => group.submit(item)));
    expect(results).toEqual(["A!", "B!", "C!", "D!", "E!", "F!"]);
    // At most maxBatch (3) per transaction.
    expect(transactions).toEqual([
      ["A", "B", "C"],
      ["D", "E", "F"],
    ]);
  });

  it("queues items that arrive while a batch is being written and writes them in the next one", async () => {
    const { group, transactions } = committer();
    const first = group.submit("a");
    await new Promise((resolve) => setTimeout(resolve, 1)); // "a" is now being written
    const results = await Promise.all([first, group.submit("b"), group.submit("c")]);
    expect(results).toEqual(["A!", "B!", "C!"]);
    expect(transactions).toEqual([["A"], ["B", "C"]]);
  });

  it("fails only the item whose preparation fails", async () => {
    const { group, transactions } = committer({ failPrepare: "c" });
    const results = await Promise.allSettled(["a", "b", "c", "d"].map((item) => group.submit(item)));
    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(transactions).toEqual([["A", "B"], ["D"]]);
  });

  it("writes each item of a failed batch on its own, so one bad item fails only its own request", async () => {
    const { group, transactions } = committer({ failWrite: "c" });
    const results = await Promise.allSettled(["a", "b", "c", "d"].map((item) => group.submit(item)));
    expect(results.map((result) => (result.status === "fulfilled" ? result.value : "error"))).toEqual([
      "A!",
      "B!",
      "error",
      "D!",
    ]);
    expect((results[2] as PromiseRejectedResult).reason.message).toBe("cannot store c");
    expect(transactions).toEqual([["A", "B", "C"], ["A"], ["B"], ["C"], ["D"]]);
  });

  it("keeps going after a failed batch", async () => {
    const { group } = committer({ failWrite: "b" });
    await Promise.allSettled(["a", "b", "c"].map((item) => group.submit(item)));
    expect(await group.submit("z")).toBe("Z!");
  });

  it("runs an atomic write on the database itself, without a transaction around it", async () => {
    let opened = 0;
    const db = {
      async transaction() {
        opened++;
        throw new Error("no transaction expected");
      },
    } as unknown as Database;
    const seen: unknown[] = [];
    const group = createGroupCommit<string, string, string>({
      db,
      atomicWrite: true,
      prepare: (items) => settleEach(items, async (item) => item.toUpperCase()),
      async write(tx, items) {
        seen.push(tx);
        if (items.includes("B")) throw new Error("refused");
        return items.map((item) => `${item}!`);
      },
    });
    const results = await Promise.allSettled(["a", "b", "c"].map((item) => group.submit(item)));
    expect(results.map((result) => (result.status === "fulfilled" ? result.value : "error"))).toEqual([
      "A!",
      "error",
      "C!",
    ]);
    expect(opened).toBe(0);
    expect(seen.every((tx) => tx === db)).toBe(true);
  });
});
