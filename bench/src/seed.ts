// Realistic German and international CRM data, loaded with COPY:
//   npm run bench:seed -- --people 1000000 --companies 200000 --activities 5000000 --deals 200000
import { performance } from "node:perf_hooks";
import { de, de_AT, de_CH, en, Faker, fr, it as italian, tr } from "@faker-js/faker";
import { uuidv7 } from "uuidv7";
import { copyTextRow } from "../../apps/server/src/db/client.ts";
import { companySearchText, personSearchText } from "../../apps/server/src/lib/search-text.ts";
import { ensureBenchWorkspace, flags, numberFlag, openBenchContext } from "./context.ts";

const CHUNK = 20_000;
const INDUSTRIES = [
  "Maschinenbau",
  "Handel",
  "Software",
  "Handwerk",
  "Logistik",
  "Gesundheitswesen",
  "Bau",
  "Gastronomie",
  "Beratung",
  "Energie",
  "Automobilzulieferer",
  "Lebensmittel",
];
const TAGS = ["vip", "newsletter", "messe-2026", "key-account", "partner", "inaktiv", "b2b", "b2c"];
const TITLES = [
  "Geschäftsführer",
  "Einkauf",
  "Vertriebsleiterin",
  "Buchhaltung",
  "IT-Leiter",
  "Assistenz",
  "Marketing",
  "Projektleiterin",
  "Inhaber",
];

const locales = [
  { weight: 70, faker: new Faker({ locale: [de, en] }), country: "DE" },
  { weight: 10, faker: new Faker({ locale: [de_AT, de, en] }), country: "AT" },
  { weight: 8, faker: new Faker({ locale: [de_CH, de, en] }), country: "CH" },
  { weight: 4, faker: new Faker({ locale: [tr, en] }), country: "DE" },
  { weight: 3, faker: new Faker({ locale: [italian, en] }), country: "DE" },
  { weight: 3, faker: new Faker({ locale: [fr, en] }), country: "DE" },
  { weight: 2, faker: new Faker({ locale: [en] }), country: "DE" },
];
for (const [index, locale] of locales.entries()) locale.faker.seed(20_261_124 + index);
const base = locales[0]!.faker;

function pickLocale() {
  let roll = base.number.int({ min: 1, max: 100 });
  for (const locale of locales) {
    roll -= locale.weight;
    if (roll <= 0) return locale;
  }
  return locales[0]!;
}

function germanMobile() {
  return `+4915${base.number.int({ min: 1, max: 9 })}${base.string.numeric(8)}`;
}

function createdAtFor(index: number, total: number) {
  // Spread over three years, in insertion order (ids are UUIDv7 of this moment).
  const start = Date.now() - 3 * 365 * 86_400_000;
  return new Date(start + Math.floor(((index + Math.random()) / total) * 3 * 365 * 86_400_000));
}

function address(country: string, faker: Faker) {
  const postalCode = country === "DE" ? faker.location.zipCode("#####") : faker.location.zipCode("####");
  return { street: faker.location.streetAddress(), postalCode, city: faker.location.city(), country };
}

async function copyChunks(
  database: Awaited<ReturnType<typeof openBenchContext>>["database"],
  table: string,
  columns: string[],
  total: number,
  row: (index: number) => unknown[],
  /** Runs after each chunk is stored (e.g. to store rows that depend on the chunk's rows). */
  afterChunk?: () => Promise<void>,
) {
  const started = performance.now();
  for (let offset = 0; offset < total; offset += CHUNK) {
    let data = "";
    for (let index = offset; index < Math.min(total, offset + CHUNK); index++)
      data += copyTextRow(row(index));
    await database.copyFrom(table, columns, data);
    await afterChunk?.();
    const done = Math.min(total, offset + CHUNK);
    const rate = Math.round(done / ((performance.now() - started) / 1000));
    process.stdout.write(
      `\r  ${table}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} (${rate.toLocaleString("en")} rows/s)`,
    );
  }
  if (total) process.stdout.write("\n");
}

async function main() {
  const values = flags({
    people: { type: "string" },
    companies: { type: "string" },
    activities: { type: "string" },
    deals: { type: "string" },
  });
  const counts = {
    people: numberFlag(values, "people", 10_000),
    companies: numberFlag(values, "companies", 2_000),
    activities: numberFlag(values, "activities", 20_000),
    deals: numberFlag(values, "deals", 0),
  };
  const context = await openBenchContext();
  const started = performance.now();
  try {
    const { workspaceId, userId } = await ensureBenchWorkspace(context.services);
    console.log(`Seeding ${context.engine} workspace Bench: ${JSON.stringify(counts)}`);

    const companyIds: string[] = [];
    await copyChunks(
      context.database,
      "companies",
      [
        "id",
        "workspace_id",
        "created_at",
        "updated_at",
        "created_by",
        "name",
        "domain",
        "industry",
        "employee_count",
        "annual_revenue_amount",
        "annual_revenue_currency",
        "address",
        "phone",
        "website",
        "tags",
        "relationship_types",
        "search_text",
      ],
      counts.companies,
      (index) => {
        const { faker, country } = pickLocale();
        const name = faker.company.name();
        const slug =
          name
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-|-$/g, "")
            .slice(0, 40) || "firma";
        const domain = `${slug}-${index}.${country === "AT" ? "at" : country === "CH" ? "ch" : "de"}`;
        const id = uuidv7();
        companyIds.push(id);
        const createdAt = createdAtFor(index, counts.companies);
        const revenue = base.number.int({ min: 50_000, max: 250_000_000 });
        return [
          id,
          workspaceId,
          createdAt,
          createdAt,
          userId,
          name,
          domain,
          base.helpers.arrayElement(INDUSTRIES),
          base.number.int({ min: 1, max: 5000 }),
          `${revenue}.00`,
          country === "CH" ? "CHF" : "EUR",
          address(country, faker),
          `+49${base.string.numeric(10)}`,
          `https://www.${domain}`,
          base.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
          [base.helpers.arrayElement(["customer", "customer", "prospect", "supplier", "partner"])],
          companySearchText({ name, domain }),
        ];
      },
    );

    const personIds: string[] = [];
    const employments: unknown[][] = [];
    await copyChunks(
      context.database,
      "people",
      [
        "id",
        "workspace_id",
        "created_at",
        "updated_at",
        "created_by",
        "first_name",
        "last_name",
        "email",
        "phone",
        "job_title",
        "company_id",
        "address",
        "tags",
        "search_text",
      ],
      counts.people,
      (index) => {
        const { faker, country } = pickLocale();
        const firstName = faker.person.firstName();
        const lastName = faker.person.lastName();
        const id = uuidv7();
        personIds.push(id);
        const createdAt = createdAtFor(index, counts.people);
        const companyId =
          companyIds.length && base.number.int({ min: 1, max: 10 }) <= 8
            ? base.helpers.arrayElement(companyIds)
            : null;
        const email = `${faker.internet.username({ firstName, lastName }).toLowerCase()}.${index}@${base.helpers.arrayElement(["gmail.com", "web.de", "gmx.de", "t-online.de", "firma.de", "outlook.com"])}`;
        const jobTitle = companyId ? base.helpers.arrayElement(TITLES) : null;
        if (companyId) employments.push([uuidv7(), workspaceId, id, companyId, jobTitle, createdAt]);
        return [
          id,
          workspaceId,
          createdAt,
          createdAt,
          userId,
          firstName,
          lastName,
          email,
          germanMobile(),
          jobTitle,
          companyId,
          address(country, faker),
          base.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
          personSearchText({ firstName, lastName, email }),
        ];
      },
    );
    await copyChunks(
      context.database,
      "employments",
      ["id", "workspace_id", "person_id", "company_id", "job_title", "started_at"],
      employments.length,
      (index) => employments[index]!,
    );

    if (!personIds.length && counts.activities) {
      // `--people 0`: add activities to the people an earlier run seeded.
      const existing = await context.database.raw.query<{ id: string }>(
        "SELECT id FROM people WHERE workspace_id = $1",
        [workspaceId],
      );
      for (const { id } of existing.rows) personIds.push(id);
    }

    const hasActivities = (
      await context.database.raw.query<{ oid: string | null }>(
        "SELECT to_regclass('public.activities')::text AS oid",
      )
    ).rows[0]?.oid;
    if (counts.activities && hasActivities && personIds.length) {
      // Each chunk's record links are stored right after the chunk: holding 5M of them until the
      // end ran out of heap.
      let links: unknown[][] = [];
      await copyChunks(
        context.database,
        "activities",
        [
          "id",
          "workspace_id",
          "created_at",
          "updated_at",
          "created_by",
          "type",
          "subject",
          "body_html",
          "occurred_at",
          "author_id",
          "direction",
          "duration_minutes",
          "outcome",
        ],
        counts.activities,
        (index) => {
          const id = uuidv7();
          const type = base.helpers.arrayElement(["note", "call", "call", "meeting", "email", "letter"]);
          const occurredAt = createdAtFor(index, counts.activities);
          links.push([
            uuidv7(),
            workspaceId,
            "activity",
            id,
            "person",
            base.helpers.arrayElement(personIds),
            occurredAt,
          ]);
          return [
            id,
            workspaceId,
            occurredAt,
            occurredAt,
            userId,
            type,
            base.lorem.sentence({ min: 3, max: 8 }),
            `<p>${base.lorem.paragraph()}</p>`,
            occurredAt,
            userId,
            type === "call" ? base.helpers.arrayElement(["inbound", "outbound"]) : null,
            type === "call" ? base.number.int({ min: 1, max: 60 }) : null,
            null,
          ];
        },
        async () => {
          await context.database.copyFrom(
            "record_links",
            ["id", "workspace_id", "source_type", "source_id", "record_type", "record_id", "created_at"],
            links.map(copyTextRow).join(""),
          );
          links = [];
        },
      );
    } else if (counts.activities) {
      console.log("  activities: skipped (no activities table in this database)");
    }
    if (counts.deals) console.log("  deals: skipped (the deals module does not exist yet)");

    // VACUUM as well: after a bulk load the visibility map is empty, so index-only scans (the
    // segment count) would visit the heap until autovacuum comes by.
    console.log("  VACUUM ANALYZE");
    await context.database.raw.exec("VACUUM ANALYZE");
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await context.close();
  }
}

await main();
