import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Executor } from "../../db/client.ts";
import { recordRows } from "../../db/row-reader.ts";
import { companies, employments, people } from "../../db/schema/index.ts";
import type { ListPlan } from "../../lib/list-query.ts";
import { changesCtes, type RecordChange } from "../audit/audit.repository.ts";

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
/**
 * New people, the first employments of those with a company, and the audit entries and events of
 * their creation — in one statement, atomic by itself (decision 0013): the group commit writes a
 * batch of creates in one round trip. Every row must set the same keys. Rows come back in the
 * order of `values`.
 */
export async function insertPeopleWithChanges(
  db: Executor,
  values: (PersonInsert & { id: string })[],
  changes: RecordChange[],
): Promise<PersonRow[]> {
  const firstEmployments = JSON.stringify(
    values.filter((value) => value.companyId).map((value) => ({ id: uuidv7(), person_id: value.id })),
  );
  const rows = await peopleRows.query(
    db,
    sql`WITH inserted AS (${peopleRows.insertStatement(values)}),
      first_employment AS (
        INSERT INTO ${employments} (id, workspace_id, person_id, company_id, job_title)
        SELECT e.id, i.workspace_id, i.id, i.company_id, i.job_title
          FROM jsonb_to_recordset(${firstEmployments}::jsonb) AS e(id uuid, person_id uuid)
          JOIN inserted i ON i.id = e.person_id
      ),
      ${changesCtes(changes)}
    SELECT * FROM inserted`,
  );
  return peopleRows.placeInOrder(
    values,
    rows.map(({ row }) => row),
  );
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
