import {
  DEFAULT_WORKSPACE_SETTINGS,
  type Role,
  type TMe,
  type TMember,
  type TMeUpdateRequest,
  type TSetupRequest,
  type TWorkspaceSettings,
} from "@kontor/contracts";
import type { ActorCache } from "../../auth/actor-cache.ts";
import type { Auth } from "../../auth/better-auth.ts";
import type { Database, Transaction } from "../../db/client.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedInUser } from "../../http/request-context.ts";
import type { Changes } from "../../lib/changes.ts";
import type { Actor } from "../../lib/policy.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { findUserById, updateUserLanguage } from "./users.repository.ts";
import { authorizeWorkspace } from "./workspaces.policy.ts";
import { presentMember, presentWorkspace } from "./workspaces.presenter.ts";
import * as repo from "./workspaces.repository.ts";

export interface CreateUserInput {
  email: string;
  password: string;
  name: string;
  role: Role;
  workspaceName: string;
}

/** A setup claim older than this is taken to be from a crashed process. */
const SETUP_CLAIM_TIMEOUT_MS = 60_000;

export function createWorkspacesService({
  db,
  auth,
  actors,
}: {
  db: Database;
  auth: Auth;
  actors: ActorCache;
}) {
  /** Creates a user with a password through better-auth (hashing and account linking are its job). */
  async function createAuthUser(email: string, password: string, name: string) {
    if (password.length < 10) {
      throw new AppError("validation_failed", "The password is too short.", [
        {
          path: "password",
          message: "Use at least 10 characters",
          code: "password_too_short",
          params: { minimum: 10 },
        },
      ]);
    }
    const context = await auth.$context;
    const created = await context.internalAdapter.createUser(
      { email: email.toLowerCase(), name, emailVerified: false },
      { method: "admin" },
    );
    try {
      await context.internalAdapter.linkAccount({
        userId: created.id,
        providerId: "credential",
        accountId: created.id,
        password: await context.password.hash(password),
      });
    } catch (error) {
      await context.internalAdapter.deleteUser(created.id);
      throw error;
    }
    return created;
  }

  /**
   * Runs a role change or removal under a per-workspace lock, re-reading the actor's own role
   * and the target's membership, so two admins demoting each other cannot leave none.
   */
  async function changeMembership(
    actor: Actor,
    userId: string,
    change: (tx: Transaction, current: { role: string }) => Promise<void>,
  ) {
    await db.transaction(async (tx) => {
      await repo.lockMemberships(tx, actor.workspaceId);
      const own = await repo.findMembership(tx, actor.workspaceId, actor.userId);
      authorizeWorkspace({ ...actor, role: (own?.role ?? "readonly") as Role }, "manage_members");
      const current = await repo.findMembership(tx, actor.workspaceId, userId);
      if (!current) throw new AppError("member_not_found", "No such member in this workspace.");
      await change(tx, current);
    });
    // Requests of this process see the change at once; other processes within ACTOR_TTL_MS.
    actors.forgetUser(userId);
  }

  /** Membership changes are audited under record type `member`, keyed by the user's id. */
  function auditMember(
    executor: Database | Transaction,
    actor: Actor,
    userId: string,
    action: "create" | "update" | "delete",
    changes: Changes,
  ) {
    return recordChange(executor, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      recordType: "member",
      recordId: userId,
      action,
      changes,
    });
  }

  async function assertAnotherAdmin(tx: Transaction, workspaceId: string) {
    if ((await repo.countAdmins(tx, workspaceId)) <= 1) {
      throw new AppError("conflict", "A workspace keeps at least one admin.");
    }
  }

  async function findOrCreateWorkspace(name: string) {
    return (await repo.findWorkspaceByName(db, name)) ?? (await repo.insertWorkspace(db, name));
  }

  return {
    async needsSetup(): Promise<boolean> {
      return (await repo.countUsers(db)) === 0;
    },

    /** The first-run flow: only while no user exists. */
    async setup(input: TSetupRequest) {
      const alreadySetUp = () => new AppError("already_set_up", "Kontor already has users; sign in.");
      if ((await repo.countUsers(db)) > 0) throw alreadySetUp();
      // Two setups at once would both see no users; only the one holding the claim goes on.
      if (!(await repo.claimSetup(db, new Date(Date.now() - SETUP_CLAIM_TIMEOUT_MS)))) throw alreadySetUp();
      try {
        if ((await repo.countUsers(db)) > 0) throw alreadySetUp();
        const created = await createAuthUser(input.email, input.password, input.name);
        const workspace = await findOrCreateWorkspace(input.workspaceName);
        await repo.upsertMembership(db, workspace.id, created.id, "admin");
        return { userId: created.id, workspaceId: workspace.id };
      } catch (error) {
        await repo.releaseSetupClaim(db);
        throw error;
      }
    },

    /** `kontor users create`: creates the workspace when missing, and the user when missing. */
    async createUser(input: CreateUserInput) {
      const workspace = await findOrCreateWorkspace(input.workspaceName);
      const existing = await repo.findUserByEmail(db, input.email);
      if (existing && (await repo.findMembership(db, workspace.id, existing.id))) {
        throw new AppError("conflict", `${input.email} is already a member of ${workspace.name}.`);
      }
      const target = existing ?? (await createAuthUser(input.email, input.password, input.name));
      await repo.upsertMembership(db, workspace.id, target.id, input.role);
      return {
        userId: target.id,
        workspaceId: workspace.id,
        workspaceName: workspace.name,
        created: !existing,
      };
    },

    async me(signedIn: SignedInUser): Promise<TMe> {
      const [rows, account] = await Promise.all([
        repo.findMembershipsOfUser(db, signedIn.id),
        findUserById(db, signedIn.id),
      ]);
      const language = account?.language;
      return {
        user: {
          id: signedIn.id,
          email: signedIn.email,
          name: signedIn.name,
          language: language === "de" || language === "en" ? language : null,
        },
        workspaces: rows.map((row) => presentWorkspace(row.workspace, row.membership.role)),
      };
    },

    /** The signed-in user's own settings: the language texts to them are written in. */
    async updateMe(signedIn: SignedInUser, input: TMeUpdateRequest): Promise<TMe> {
      await updateUserLanguage(db, signedIn.id, input.language);
      return this.me(signedIn);
    },

    async createWorkspace(signedIn: SignedInUser, name: string) {
      if (await repo.findWorkspaceByName(db, name))
        throw new AppError("conflict", `A workspace named ${name} exists.`);
      const workspace = await db.transaction(async (tx) => {
        const created = await repo.insertWorkspace(tx, name);
        await repo.upsertMembership(tx, created.id, signedIn.id, "admin");
        return created;
      });
      return presentWorkspace(workspace, "admin");
    },

    async getSettings(actor: Actor): Promise<TWorkspaceSettings> {
      authorizeWorkspace(actor, "read_settings");
      const workspace = await repo.findWorkspaceById(db, actor.workspaceId);
      return { ...DEFAULT_WORKSPACE_SETTINGS, ...workspace?.settings };
    },

    async updateSettings(actor: Actor, patch: Partial<TWorkspaceSettings>): Promise<TWorkspaceSettings> {
      authorizeWorkspace(actor, "update_settings");
      const workspace = await repo.findWorkspaceById(db, actor.workspaceId);
      if (!workspace) throw new AppError("workspace_not_found");
      const before: TWorkspaceSettings = { ...DEFAULT_WORKSPACE_SETTINGS, ...workspace.settings };
      const settings = { ...before, ...patch };
      return db.transaction(async (tx) => {
        const updated = await repo.updateWorkspaceSettings(tx, actor.workspaceId, settings);
        const changes = Object.fromEntries(
          (Object.keys(patch) as (keyof TWorkspaceSettings)[])
            .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(settings[key]))
            .map((key) => [key, { old: before[key] ?? null, new: settings[key] ?? null }]),
        );
        if (Object.keys(changes).length) {
          await recordChange(tx, {
            workspaceId: actor.workspaceId,
            actorId: actor.userId,
            recordType: "workspace",
            recordId: actor.workspaceId,
            action: "update",
            changes,
          });
        }
        return updated.settings;
      });
    },

    async listMembers(actor: Actor): Promise<TMember[]> {
      authorizeWorkspace(actor, "read_members");
      return (await repo.findMembersOfWorkspace(db, actor.workspaceId)).map(presentMember);
    },

    async addMember(actor: Actor, input: { email: string; name: string; password: string; role: Role }) {
      authorizeWorkspace(actor, "manage_members");
      const workspace = await repo.findWorkspaceById(db, actor.workspaceId);
      if (!workspace) throw new AppError("workspace_not_found");
      const result = await this.createUser({ ...input, workspaceName: workspace.name });
      await auditMember(db, actor, result.userId, "create", { role: { old: null, new: input.role } });
      const members = await repo.findMembersOfWorkspace(db, actor.workspaceId);
      return presentMember(members.find((row) => row.user.id === result.userId)!);
    },

    async updateMember(actor: Actor, userId: string, role: Role) {
      authorizeWorkspace(actor, "manage_members");
      await changeMembership(actor, userId, async (tx, current) => {
        if (current.role === "admin" && role !== "admin") await assertAnotherAdmin(tx, actor.workspaceId);
        await repo.upsertMembership(tx, actor.workspaceId, userId, role);
        if (current.role !== role)
          await auditMember(tx, actor, userId, "update", { role: { old: current.role, new: role } });
      });
      const members = await repo.findMembersOfWorkspace(db, actor.workspaceId);
      return presentMember(members.find((row) => row.user.id === userId)!);
    },

    async removeMember(actor: Actor, userId: string) {
      authorizeWorkspace(actor, "manage_members");
      await changeMembership(actor, userId, async (tx, current) => {
        if (current.role === "admin") await assertAnotherAdmin(tx, actor.workspaceId);
        await repo.deleteMembership(tx, actor.workspaceId, userId);
        await auditMember(tx, actor, userId, "delete", { role: { old: current.role, new: null } });
      });
    },

    /** Resolves which workspace a signed-in request acts in, and with which role. */
    async resolveMembership(userId: string, requestedWorkspaceId: string | undefined) {
      if (requestedWorkspaceId) {
        const membership = await repo.findMembership(db, requestedWorkspaceId, userId);
        return membership ? { workspaceId: membership.workspaceId, role: membership.role as Role } : null;
      }
      const [first] = await repo.findMembershipsOfUser(db, userId);
      return first
        ? { workspaceId: first.membership.workspaceId, role: first.membership.role as Role }
        : null;
    },

    findWorkspaceById: (id: string) => repo.findWorkspaceById(db, id),
    findWorkspaceByName: (name: string) => repo.findWorkspaceByName(db, name),
    findUserByEmail: (email: string) => repo.findUserByEmail(db, email),
    findMembership: (workspaceId: string, userId: string) => repo.findMembership(db, workspaceId, userId),
  };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
