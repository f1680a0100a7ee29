import type { TCompany } from "@kontor/contracts";
import { useQuery } from "@tanstack/react-query";
import { listRecords } from "./records-api.ts";

type Pending = { resolve: (name: string | null) => void; reject: (error: unknown) => void };
const waiting = new Map<string, Pending[]>();
let timer: ReturnType<typeof setTimeout> | null = null;

/** Collects company ids asked for in the same tick and loads their names with one `filter[id][in]` call. */
function loadCompanyName(id: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    waiting.set(id, [...(waiting.get(id) ?? []), { resolve, reject }]);
    if (timer === null) timer = setTimeout(flush, 15);
  });
}

async function flush() {
  timer = null;
  const batch = new Map(waiting);
  waiting.clear();
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += 100) {
    const chunk = ids.slice(start, start + 100);
    try {
      const page = await listRecords<TCompany>("companies", {
        filters: [{ field: "id", op: "in", value: chunk.join(",") }],
        limit: chunk.length,
      });
      const names = new Map(page.data.map((company) => [company.id, company.name]));
      for (const id of chunk)
        for (const pending of batch.get(id) ?? []) pending.resolve(names.get(id) ?? null);
    } catch (error) {
      for (const id of chunk) for (const pending of batch.get(id) ?? []) pending.reject(error);
    }
  }
}

export function useCompanyName(id: string | null | undefined): string | null {
  const { data } = useQuery({
    queryKey: ["company-name", id],
    queryFn: () => loadCompanyName(id!),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
  return data ?? null;
}
