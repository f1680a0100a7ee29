// Benchmarks Kontor's API against the raw SQL doing the same work, in the same run:
//   npm run bench [-- --runs 200 --creates 4000 --only list,create]
// Uses DATABASE_URL (PostgreSQL) or the embedded database in KONTOR_DATA_DIR, seeded with
// `npm run bench:seed`. Kontor runs in this process and is called over real HTTP on loopback.
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { foldForSearch, queryWords } from "../../apps/server/src/lib/search-text.ts";
import { runSearch } from "../../apps/server/src/modules/search/search.service.ts";
import { ensureBenchWorkspace, flags, numberFlag, openBenchContext } from "./context.ts";
import { createHttpClient } from "./http-client.ts";
import { startLoadGenerator } from "./load.ts";
import { type Timing, throughput, time } from "./measure.ts";

interface Row {
  operation: string;
  api: Timing | null;
  raw: Timing | null;
  /** API / raw, at p50 and at p95 (same run). */
  ratio?: { p50: number; p95: number };
  apiPerSecond?: number;
  rawPerSecond?: number;
  /** raw per second / API per second. */
  throughputRatio?: number;
  explain?: string[];
  seqScanOnLargeTable?: boolean;
  note?: string;
}

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../results");

async function main() {
  const values = flags({ runs: { type: "string" }, creates: { type: "string" }, only: { type: "string" } });
  const operations = ["list", "deep", "search", "record", "segment", "create", "update"];
  const only = typeof values.only === "string" ? values.only.split(",") : operations;
  for (const name of only)
    if (!operations.includes(name))
      throw new Error(`--only: unknown operation ${name} (${operations.join(", ")})`);
  const selected = (name: string) => only.includes(name);
  const runs = numberFlag(values, "runs", 100);
  const creates = numberFlag(values, "creates", 2000);
  const loadAtStart = os.loadavg().map((value) => Math.round(value * 100) / 100);
  console.log(`load average ${loadAtStart.join(" ")}`);
  const context = await openBenchContext();
  const { database, services, app } = context;
  const raw = database.raw;
  try {
    const { workspaceId, userId } = await ensureBenchWorkspace(services);
    const [{ count: peopleCount }] = (
      await raw.query<{ count: string }>(
        "SELECT count(*)::text AS count FROM people WHERE workspace_id = $1",
        [workspaceId],
      )
    ).rows as [{ count: string }];
    if (Number(peopleCount) === 0) throw new Error("No data: run `npm run bench:seed` first.");
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const key = (await services.apiKeys.create({ userId, workspaceId, name: "bench" })).key;
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    // Setup calls (a cursor walk, a segment to count) go through a client in this thread; every
    // timed API call goes through the load generator's own thread (load-worker.ts).
    const client = createHttpClient(base, headers);
    const get = (url: string) => client.get(url);
    const load = startLoadGenerator(base, headers);
    const explain = async (text: string, params: unknown[]) => {
      const plan = await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, params);
      return plan.rows.map((row) => row["QUERY PLAN"]);
    };
    const seqScan = (plan: string[]) =>
      plan.some((line) => /Seq Scan on (people|companies|activities|record_links)\b/.test(line));
    const rows: Row[] = [];
    const record = (row: Row) => {
      if (row.api && row.raw) {
        const of = (q: "p50" | "p95") => Math.round((row.api![q] / Math.max(row.raw![q], 0.01)) * 100) / 100;
        row.ratio = { p50: of("p50"), p95: of("p95") };
      }
      rows.push(row);
      console.log(
        `${row.operation.padEnd(40)} api p50 ${row.api?.p50 ?? "-"} p95 ${row.api?.p95 ?? "-"} | raw p50 ${row.raw?.p50 ?? "-"} p95 ${row.raw?.p95 ?? "-"} | ratio p50 ${row.ratio?.p50 ?? "-"} p95 ${row.ratio?.p95 ?? "-"}`,
      );
    };

    // A city with plenty of people, picked from the data.
    const city = (
      await raw.query<{ city: string }>(
        "SELECT address->>'city' AS city FROM people WHERE workspace_id = $1 AND address->>'city' IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
        [workspaceId],
      )
    ).rows[0]!.city;

    if (selected("list")) {
      // 1. List page with a filter and a sort.
      const listSql = `SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS sort_value FROM people
        WHERE workspace_id = $1 AND deleted_at IS NULL AND (address->>'city') = $2 ORDER BY created_at DESC, id DESC LIMIT 51`;
      const listUrl = `/api/v1/people?filter[city][eq]=${encodeURIComponent(city)}&sort=-createdAt&limit=50`;
      record({
        operation: "list page (filter city, sort -createdAt)",
        api: await load.timeGet(listUrl, runs),
        raw: await time(() => raw.query(listSql, [workspaceId, city]), runs),
        explain: await explain(listSql, [workspaceId, city]),
      });
    }

    if (selected("deep")) {
      // 2. Deep keyset page: the 20th page of all people by last name.
      let cursor: string | null = null;
      for (let page = 0; page < 19; page++)
        cursor = (await get(`/api/v1/people?sort=lastName&limit=50${cursor ? `&cursor=${cursor}` : ""}`))
          .nextCursor;
      const [cursorValue, cursorId] = JSON.parse(Buffer.from(cursor!, "base64url").toString()) as [
        string,
        string,
      ];
      const deepSql = `SELECT *, (last_name)::text AS sort_value FROM people WHERE workspace_id = $1 AND deleted_at IS NULL
        AND (last_name > $2 OR (last_name = $2 AND id > $3::uuid) OR last_name IS NULL) ORDER BY last_name ASC NULLS LAST, id ASC LIMIT 51`;
      record({
        operation: "deep keyset page (20th, sort lastName)",
        api: await load.timeGet(`/api/v1/people?sort=lastName&limit=50&cursor=${cursor}`, runs),
        raw: await time(() => raw.query(deepSql, [workspaceId, cursorValue, cursorId]), runs),
        explain: await explain(deepSql, [workspaceId, cursorValue, cursorId]),
      });
    }

    if (selected("search")) {
      // 3. Global search: exact, prefix, typo. Raw = the same search SQL on the database connection.
      const sample = (
        await raw.query<{ last_name: string }>(
          "SELECT last_name FROM people WHERE workspace_id = $1 AND length(last_name) >= 7 ORDER BY created_at, id LIMIT 1 OFFSET 1000",
          [workspaceId],
        )
      ).rows[0]!.last_name;
      const typo = `${sample.slice(0, 3)}${sample.slice(4)}`;
      for (const [label, q] of [
        ["exact", sample],
        ["prefix", sample.slice(0, 4)],
        ["typo", typo],
      ] as const) {
        const params = {
          workspaceId,
          folded: foldForSearch(q),
          words: queryWords(q),
          email: null,
          phone: null,
          limit: 10,
        };
        record({
          operation: `search ${label} ("${q}")`,
          note: "raw: the same search statements (prefix pass, then the typo pass when needed) on the database connection",
          api: await load.timeGet(`/api/v1/search?q=${encodeURIComponent(q)}&limit=10`, runs),
          raw: await time(
            () => database.db.transaction((tx) => runSearch(tx, params, ["person", "company"])),
            runs,
          ),
        });
      }
    }

    if (selected("record")) {
      // 4. 360° record: person + company + last 50 timeline items (deals do not exist yet).
      const person = (
        await raw.query<{ id: string; company_id: string }>(
          `SELECT p.id, p.company_id FROM people p JOIN record_links l ON l.record_id = p.id AND l.record_type = 'person'
          WHERE p.workspace_id = $1 AND p.company_id IS NOT NULL GROUP BY p.id ORDER BY count(*) DESC LIMIT 1`,
          [workspaceId],
        )
      ).rows[0]!;
      const timelineSql = `SELECT a.* FROM activities a JOIN record_links l ON l.source_type = 'activity' AND l.source_id = a.id AND a.deleted_at IS NULL
        WHERE l.workspace_id = $1 AND l.record_type = 'person' AND l.record_id = $2 ORDER BY a.occurred_at DESC, a.id DESC LIMIT 50`;
      record({
        operation: "360° record (person+company+timeline)",
        api: await load.timeGet(
          [
            `/api/v1/people/${person.id}`,
            `/api/v1/companies/${person.company_id}`,
            `/api/v1/people/${person.id}/timeline?limit=50`,
          ],
          runs,
        ),
        raw: await time(
          () =>
            Promise.all([
              raw.query("SELECT * FROM people WHERE workspace_id = $1 AND id = $2", [workspaceId, person.id]),
              raw.query("SELECT * FROM companies WHERE workspace_id = $1 AND id = $2", [
                workspaceId,
                person.company_id,
              ]),
              raw.query(timelineSql, [workspaceId, person.id]),
            ]),
          runs,
        ),
        explain: await explain(timelineSql, [workspaceId, person.id]),
        note: "raw: the timeline's activity query only; the API merges activities, tasks, appointments, comments and audit events",
      });
    }

    if (selected("segment")) {
      // 5. Segment: people at Maschinenbau companies with a postal code starting with 8.
      const definition = {
        match: "all",
        conditions: [
          { field: "company.industry", op: "eq", value: "Maschinenbau" },
          { field: "postalCode", op: "startsWith", value: "8" },
        ],
      };
      const segment = JSON.parse(
        (
          await client.send("POST", "/api/v1/segments", {
            object: "person",
            name: `bench ${Date.now()}`,
            kind: "dynamic",
            definition,
          })
        ).text,
      ) as { id: string };
      const segmentSql = `SELECT count(*) FROM people p LEFT JOIN companies c ON c.id = p.company_id AND c.workspace_id = p.workspace_id AND c.deleted_at IS NULL
        WHERE p.workspace_id = $1 AND p.deleted_at IS NULL AND c.industry = 'Maschinenbau' AND p.postal_code LIKE '8%'`;
      record({
        operation: "segment count",
        api: await load.timeGet(`/api/v1/segments/${segment.id}/count`, Math.max(10, Math.floor(runs / 4))),
        raw: await time(() => raw.query(segmentSql, [workspaceId]), Math.max(10, Math.floor(runs / 4))),
        explain: await explain(segmentSql, [workspaceId]),
      });
      record({
        operation: "segment first page",
        api: await load.timeGet(
          `/api/v1/segments/${segment.id}/members?limit=50`,
          Math.max(10, Math.floor(runs / 4)),
        ),
        raw: null,
      });
      // Like the people it creates, the benchmark's segment does not outlive the run.
      const removed = await client.send("DELETE", `/api/v1/segments/${segment.id}`);
      if (removed.status !== 204) throw new Error(`segment delete: ${removed.status} ${removed.text}`);
    }

    if (selected("create")) {
      // 6. Create person over HTTP, concurrency 16, against raw INSERTs at the same concurrency.
      const createsStarted = new Date();
      const apiCreates = await load.createThroughput(creates, 16);
      // Raw: the same rows a create writes — the person, its audit entry and its domain event — in
      // one statement per create (the least SQL that does the work), at the same concurrency.
      const rawCreates = await throughput(
        (i) =>
          raw.query(
            `WITH person AS (
               INSERT INTO people (id, workspace_id, created_by, first_name, last_name, email, phone, tags, search_text)
               VALUES (gen_random_uuid(), $1, $2, 'Bench', $3, $4, '+491711234567', '["bench"]', $5)
               RETURNING id, workspace_id, created_by),
             audit AS (
               INSERT INTO audit_log (id, workspace_id, record_type, record_id, action, actor_id, changes)
               SELECT gen_random_uuid(), workspace_id, 'person', id, 'create', created_by, $6::jsonb FROM person)
             INSERT INTO domain_events (id, workspace_id, type, record_type, record_id, actor_id, payload)
             SELECT gen_random_uuid(), workspace_id, 'person.created', 'person', id, created_by,
                    jsonb_build_object('changes', $6::jsonb) FROM person`,
            [
              workspaceId,
              userId,
              `Raw ${i}`,
              `raw.${Date.now()}.${i}@example.de`,
              `bench raw ${i}`,
              JSON.stringify({
                firstName: { old: null, new: "Bench" },
                lastName: { old: null, new: `Raw ${i}` },
                email: { old: null, new: `raw.${i}@example.de` },
                phone: { old: null, new: "+491711234567" },
                additionalEmails: { old: null, new: [] },
                additionalPhones: { old: null, new: [] },
                tags: { old: null, new: ["bench"] },
                customFields: { old: null, new: {} },
              }),
            ],
          ),
        creates,
        16,
      );
      rows.push({
        operation: "create person (concurrency 16)",
        api: null,
        raw: null,
        apiPerSecond: apiCreates,
        rawPerSecond: rawCreates,
        throughputRatio: Math.round((rawCreates / apiCreates) * 100) / 100,
        note: "raw: person + audit entry + domain event in one INSERT … WITH statement per create",
      });
      console.log(
        `${"create person (concurrency 16)".padEnd(40)} api ${apiCreates}/s | raw person+audit+event ${rawCreates}/s | raw/api ${(rawCreates / apiCreates).toFixed(2)}`,
      );
      // The created people go again, so every run measures the seeded data: people without an
      // address piling up as the newest rows, run after run, skewed the lists and segment pages.
      await raw.query(
        "DELETE FROM people WHERE workspace_id = $1 AND first_name = 'Bench' AND created_at >= $2",
        [workspaceId, createsStarted],
      );
    }

    if (selected("update")) {
      // 7. Update person with If-Match.
      const target = (await get(`/api/v1/people?limit=1&sort=-createdAt`)).data[0];
      record({
        operation: "update person (PATCH If-Match)",
        api: await load.timeUpdates(target.id, target.version as number, runs),
        // Raw: the row, its audit entry and its event in one statement, like the API's transaction.
        raw: await time(
          (i) =>
            raw.query(
              `WITH person AS (
                 UPDATE people SET job_title = $3, version = version + 1, updated_at = now()
                 WHERE workspace_id = $1 AND id = $2 RETURNING id, workspace_id),
               audit AS (
                 INSERT INTO audit_log (id, workspace_id, record_type, record_id, action, actor_id, changes)
                 SELECT gen_random_uuid(), workspace_id, 'person', id, 'update', $4, $5::jsonb FROM person)
               INSERT INTO domain_events (id, workspace_id, type, record_type, record_id, actor_id, payload)
               SELECT gen_random_uuid(), workspace_id, 'person.updated', 'person', id, $4,
                      jsonb_build_object('changes', $5::jsonb) FROM person`,
              [
                workspaceId,
                target.id,
                `Raw ${i}`,
                userId,
                JSON.stringify({ jobTitle: { old: `Raw ${i - 1}`, new: `Raw ${i}` } }),
              ],
            ),
          runs,
        ),
        note: "raw: the UPDATE, its audit entry and its domain event in one statement",
      });
    }

    for (const row of rows) if (row.explain) row.seqScanOnLargeTable = seqScan(row.explain);
    const result = {
      engine: context.engine,
      people: Number(peopleCount),
      node: process.version,
      loadAverage: {
        atStart: loadAtStart,
        atEnd: os.loadavg().map((value) => Math.round(value * 100) / 100),
      },
      runs,
      creates,
      at: new Date().toISOString(),
      rows,
    };
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(
      resultsDir,
      `${context.engine}-${peopleCount}-${result.at.replace(/[:.]/g, "-")}.json`,
    );
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nload average ${result.loadAverage.atEnd.join(" ")}`);
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
    for (const row of rows.filter((item) => item.seqScanOnLargeTable))
      console.log(`Sequential scan in: ${row.operation}`);
    client.close();
    await load.close();
  } finally {
    await context.close();
  }
}

await main();
