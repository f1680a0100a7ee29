// Scratch: time list + create over HTTP in-process; run with --cpu-prof to profile.
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { ensureBenchWorkspace, openBenchContext } from "../src/context.ts";
import { summarise } from "../src/measure.ts";

const mode = process.argv[2] ?? "list";
const n = Number(process.argv[3] ?? 2000);
const context = await openBenchContext();
const { services, app, database } = context;
const { workspaceId } = await ensureBenchWorkspace(services);
const userId = (await services.workspaces.findUserByEmail("bench@kontor.local"))!.id;
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const key = (await services.apiKeys.create({ userId, workspaceId, name: "prof" })).key;
const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
const city = (await database.raw.query<{ city: string }>("SELECT address->>'city' AS city FROM people WHERE workspace_id=$1 LIMIT 1", [workspaceId])).rows[0]!.city;
const listUrl = `${base}/api/v1/people?filter[city][eq]=${encodeURIComponent(city)}&sort=-createdAt&limit=50`;
const listSql = `SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS sort_value FROM people
      WHERE workspace_id = $1 AND deleted_at IS NULL AND (address->>'city') = $2 ORDER BY created_at DESC, id DESC LIMIT 51`;
async function once(i: number) {
  if (mode === "list") {
    const r = await fetch(listUrl, { headers });
    await r.json();
  } else if (mode === "raw") {
    await database.raw.query(listSql, [workspaceId, city]);
  } else if (mode === "health") {
    const r = await fetch(`${base}/api/health`);
    await r.json();
  } else {
    const r = await fetch(`${base}/api/v1/people`, { method: "POST", headers, body: JSON.stringify({ firstName: "P", lastName: `N ${i}`, email: `p.${Date.now()}.${i}@example.de`, phone: "0171 1234567", tags: ["bench"] }) });
    if (r.status !== 201) throw new Error(await r.text());
    await r.json();
  }
}
for (let i = 0; i < 50; i++) await once(i);
if (mode === "create16") {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 16 }, async () => { while (next < n) await once(next++); }));
  console.log(mode, Math.round(n / ((performance.now() - t0) / 1000)), "/s");
} else {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) { const t = performance.now(); await once(i); samples.push(performance.now() - t); }
  console.log(mode, summarise(samples));
}
await context.close();
