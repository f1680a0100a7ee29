import type { Database, Transaction } from "./client.ts";

/** Runs `work` in one transaction: everything it writes commits together or not at all. */
export function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(work);
}
