import { queryClient } from "../../lib/query-client.ts";
import type { AnyRecord, RecordObject } from "./record-config.ts";
import { deleteRecord, patchRecord, segmentOf } from "./records-api.ts";

/** Runs one request per record, a few at a time; resolves to the number that failed. */
async function runEach<T>(items: T[], task: (item: T) => Promise<unknown>): Promise<number> {
  let failed = 0;
  const queue = [...items];
  const workers = Array.from({ length: Math.min(4, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await task(item);
      } catch {
        failed += 1;
      }
    }
  });
  await Promise.all(workers);
  return failed;
}

export async function bulkDelete(object: RecordObject, records: AnyRecord[]): Promise<number> {
  const segment = segmentOf(object);
  const failed = await runEach(records, (record) => deleteRecord(segment, record.id));
  await queryClient.invalidateQueries({ queryKey: [segment, "list"] });
  await queryClient.invalidateQueries({ queryKey: ["trash"] });
  return failed;
}

export async function bulkSetOwner(object: RecordObject, records: AnyRecord[], ownerId: string | null) {
  const segment = segmentOf(object);
  return runEach(records, (record) => patchRecord(segment, record, { ownerId }));
}

export async function bulkAddTag(object: RecordObject, records: AnyRecord[], tag: string) {
  const segment = segmentOf(object);
  return runEach(
    records.filter((record) => !record.tags.includes(tag)),
    (record) => patchRecord(segment, record, { tags: [...record.tags, tag] }),
  );
}
