import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { recordRows } from "../../db/row-reader.ts";
import { companies, people } from "../../db/schema/index.ts";
import type { ListPlan } from "../../lib/list-query.ts";

export type CompanyRow = typeof companies.$inferSelect;
export type CompanyInsert = typeof companies.$inferInsert;

/** Whole-row reads on the hot paths (decision 0014). */
const companiesRows = recordRows(companies);

const scoped = (workspaceId: string, id: string) =>
  and(eq(companies.workspaceId, workspaceId), eq(companies.id, id));

/** Inserts several companies in one statement; rows come back in the order of `values`. */
export async function insertCompanies(
  db: Executor,
  values: (CompanyInsert & { id: string })[],
): Promise<CompanyRow[]> {
  return companiesRows.insertMany(db, values);
}

export function findCompanyById(
  db: Executor,
  workspaceId: string,
  id: string,
  options: { withDeleted?: boolean } = {},
) {
  return companiesRows.findById(db, workspaceId, id, options);
}

export async function updateCompany(
  db: Executor,
  options: { workspaceId: string; id: string; expectedVersion: number; values: Partial<CompanyInsert> },
) {
  const [row] = await db
    .update(companies)
    .set({ ...options.values, updatedAt: new Date(), version: sql`${companies.version} + 1` })
    .where(
      and(
        scoped(options.workspaceId, options.id),
        isNull(companies.deletedAt),
        eq(companies.version, options.expectedVersion),
      ),
    )
    .returning();
  return row;
}

export async function setCompanyDeleted(
  db: Executor,
  options: { workspaceId: string; id: string; deletedBy: string | null; deleted: boolean },
) {
  const [row] = await db
    .update(companies)
    .set({
      deletedAt: options.deleted ? new Date() : null,
      deletedBy: options.deleted ? options.deletedBy : null,
      updatedAt: new Date(),
      version: sql`${companies.version} + 1`,
    })
    .where(
      and(
        scoped(options.workspaceId, options.id),
        options.deleted ? isNull(companies.deletedAt) : isNotNull(companies.deletedAt),
      ),
    )
    .returning();
  return row;
}

export function listCompanies(db: Executor, workspaceId: string, plan: ListPlan) {
  return companiesRows.listPage(db, workspaceId, plan);
}

export async function countPeopleOfCompany(db: Executor, workspaceId: string, companyId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(people)
    .where(
      and(eq(people.workspaceId, workspaceId), eq(people.companyId, companyId), isNull(people.deletedAt)),
    );
  return row?.value ?? 0;
}
