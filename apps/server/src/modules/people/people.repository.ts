import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { recordRows } from "../../db/row-reader.ts";
import { companies, employments, people } from "../../db/schema/index.ts";
import type { ListPlan } from "../../lib/list-query.ts";

export type PersonRow = typeof people.$inferSelect;
export type PersonInsert = typeof people.$inferInsert;

/** Whole-row reads on the hot paths (decision 0014). */
const peopleRows = recordRows(people);

const scoped = (workspaceId: string, id: string) =>
  and(eq(people.workspaceId, workspaceId), eq(people.id, id));

export async function insertPerson(db: Executor, values: PersonInsert): Promise<PersonRow> {
  const [row] = await db.insert(people).values(values).returning();
  return row!;
}

/** Inserts several people in one statement; rows come back in the order of `values`. */
export async function insertPeople(
  db: Executor,
  values: (PersonInsert & { id: string })[],
): Promise<PersonRow[]> {
  return peopleRows.insertMany(db, values);
}

/** Opens the first employment of new people (they have none to end), in one statement. */
export async function insertFirstEmployments(
  db: Executor,
  rows: { workspaceId: string; personId: string; companyId: string; jobTitle: string | null }[],
) {
  if (!rows.length) return;
  const now = new Date();
  await db.insert(employments).values(rows.map((row) => ({ ...row, startedAt: now })));
}

export function findPersonById(
  db: Executor,
  workspaceId: string,
  id: string,
  options: { withDeleted?: boolean } = {},
) {
  return peopleRows.findById(db, workspaceId, id, options);
}

/** Updates when the version matches (or no version is given); returns undefined otherwise. */
export async function updatePerson(
  db: Executor,
  options: {
    workspaceId: string;
    id: string;
    expectedVersion?: number | undefined;
    values: Partial<PersonInsert>;
  },
) {
  const conditions = [scoped(options.workspaceId, options.id), isNull(people.deletedAt)];
  if (options.expectedVersion !== undefined) conditions.push(eq(people.version, options.expectedVersion));
  const [row] = await db
    .update(people)
    .set({ ...options.values, updatedAt: new Date(), version: sql`${people.version} + 1` })
    .where(and(...conditions))
    .returning();
  return row;
}

export async function setPersonDeleted(
  db: Executor,
  options: { workspaceId: string; id: string; deletedBy: string | null; deleted: boolean },
) {
  const [row] = await db
    .update(people)
    .set({
      deletedAt: options.deleted ? new Date() : null,
      deletedBy: options.deleted ? options.deletedBy : null,
      updatedAt: new Date(),
      version: sql`${people.version} + 1`,
    })
    .where(
      and(
        scoped(options.workspaceId, options.id),
        options.deleted ? isNull(people.deletedAt) : isNotNull(people.deletedAt),
      ),
    )
    .returning();
  return row;
}

export function listPeople(db: Executor, workspaceId: string, plan: ListPlan) {
  return peopleRows.listPage(db, workspaceId, plan);
}

/** Ends the open employment and opens one at the new company (history of employers). */
export async function moveEmployment(
  db: Executor,
  options: { workspaceId: string; personId: string; companyId: string | null; jobTitle: string | null },
) {
  const now = new Date();
  await db
    .update(employments)
    .set({ endedAt: now })
    .where(
      and(
        eq(employments.workspaceId, options.workspaceId),
        eq(employments.personId, options.personId),
        isNull(employments.endedAt),
      ),
    );
  if (options.companyId) {
    await db.insert(employments).values({
      workspaceId: options.workspaceId,
      personId: options.personId,
      companyId: options.companyId,
      jobTitle: options.jobTitle,
      startedAt: now,
    });
  }
}

export function findEmployments(db: Executor, workspaceId: string, personId: string) {
  return db
    .select({ employment: employments, companyName: companies.name })
    .from(employments)
    .leftJoin(companies, eq(companies.id, employments.companyId))
    .where(and(eq(employments.workspaceId, workspaceId), eq(employments.personId, personId)))
    .orderBy(desc(employments.startedAt), desc(employments.id));
}
