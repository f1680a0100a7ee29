// Compares two benchmark result files, e.g. PGlite against PostgreSQL at the same size:
//   npm run bench:compare -- results/pglite-100000-….json results/postgres-100000-….json
import { readFileSync } from "node:fs";

interface Result {
  engine: string;
  people: number;
  rows: { operation: string; api: { p50: number; p95: number } | null; apiPerSecond?: number }[];
}

const [first, second] = process.argv.slice(2);
if (!first || !second) {
  console.error("Usage: npm run bench:compare -- <a.json> <b.json>");
  process.exit(1);
}
const a = JSON.parse(readFileSync(first, "utf8")) as Result;
const b = JSON.parse(readFileSync(second, "utf8")) as Result;
console.log(
  `${"operation".padEnd(40)} ${`${a.engine} p95`.padStart(14)} ${`${b.engine} p95`.padStart(14)}  ratio (${a.engine}/${b.engine})`,
);
for (const row of a.rows) {
  const other = b.rows.find(
    (candidate) => candidate.operation.replace(/\(".*"\)/, "") === row.operation.replace(/\(".*"\)/, ""),
  );
  if (!other) continue;
  if (row.apiPerSecond !== undefined && other.apiPerSecond !== undefined) {
    console.log(
      `${row.operation.padEnd(40)} ${`${row.apiPerSecond}/s`.padStart(14)} ${`${other.apiPerSecond}/s`.padStart(14)}  ${(other.apiPerSecond / row.apiPerSecond).toFixed(2)}`,
    );
  } else if (row.api && other.api) {
    console.log(
      `${row.operation.padEnd(40)} ${`${row.api.p95} ms`.padStart(14)} ${`${other.api.p95} ms`.padStart(14)}  ${(row.api.p95 / other.api.p95).toFixed(2)}`,
    );
  }
}
