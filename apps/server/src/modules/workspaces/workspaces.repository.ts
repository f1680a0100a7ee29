import { DEFAULT_WORKSPACE_SETTINGS, type TWorkspaceSettings } from "@kontor/contracts";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { instanceSettings, memberships, user, workspaces } from "../../db/schema/index.ts";

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ value: count() }).from(user);
  return row?.value ?? 0;
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return row;
}

export async function findWorkspaceByName(db: Executor, name: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.name, name));
  return row;
}

export async function findWorkspaceById(db: Executor, id: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  return row;
}

export async function insertWorkspace(
  db: Executor,
  name: string,
  settings: TWorkspaceSettings = DEFAULT_WORKSPACE_SETTINGS,
) {
  const [row] = await db.insert(workspaces).values({ name, settings }).returning();
  return row!;
}

export async function updateWorkspaceSettings(db: Executor, id: string, settings: TWorkspaceSettings) {
  const [row] = await db
    .update(workspaces)
    .set({ settings, updatedAt: new Date() })
    .where(eq(workspaces.id, id))
    .returning();
  return row!;
}

export async function findMembership(db: Executor, workspaceId: string, userId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row;
}

/** The user's memberships with their workspaces, oldest first (the first is the default). */
export function findMembershipsOfUser(db: Executor, userId: string) {
  return db
    .select({ membership: memberships, workspace: workspaces })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(workspaces.name));
}

export function findMembersOfWorkspace(db: Executor, workspaceId: string) {
  return db
    .select({ membership: memberships, user })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(user.name));
}

export async function upsertMembership(db: Executor, workspaceId: string, userId: string, role: string) {
  await db
    .insert(memberships)
    .values({ workspaceId, userId, role })
    .onConflictDoUpdate({ target: [memberships.workspaceId, memberships.userId], set: { role } });
}

export async function deleteMembership(db: Executor, workspaceId: string, userId: string) {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

export async function countAdmins(db: Executor, workspaceId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "admin")));
  return row?.value ?? 0;
}

/** Serialises role changes and removals in one workspace for the rest of the caller's transaction. */
export async function lockMemberships(tx: Executor, workspaceId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`memberships:${workspaceId}`}))`);
}

const SETUP_CLAIM = "setup_claim";

/**
 * Claims the first-run setup for this caller; false while another setup holds a claim newer
 * than `staleBefore`. The claim row makes concurrent setups (also across processes) exclusive.
 */
export async function claimSetup(db: Executor, staleBefore: Date): Promise<boolean> {
  const now = new Date().toISOString();
  const rows = await db
    .insert(instanceSettings)
    .values({ key: SETUP_CLAIM, value: now })
    .onConflictDoUpdate({
      target: instanceSettings.key,
      set: { value: now },
      where: sql`${instanceSettings.value} < ${staleBefore.toISOString()}`,
    })
    .returning({ key: instanceSettings.key });
  return rows.length > 0;
}

export async function releaseSetupClaim(db: Executor) {
  await db.delete(instanceSettings).where(eq(instanceSettings.key, SETUP_CLAIM));
}
