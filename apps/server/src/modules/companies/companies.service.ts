import type { TCompany, TCompanyCreateRequest, TCompanyUpdateRequest } from "@kontor/contracts";
import { sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Database, Executor } from "../../db/client.ts";
import { createGroupCommit, oncePerKey, settleEach } from "../../db/group-commit.ts";
import { companies } from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import { type ListRequest, pageOf, planList } from "../../lib/list-query.ts";
import type { Actor } from "../../lib/policy.ts";
import { companySearchText } from "../../lib/search-text.ts";
import { recordChange, recordChanges } from "../audit/audit.repository.ts";
import { validateCustomFieldValues } from "../custom-fields/custom-field-values.ts";
import {
  assertOwnerIsMember,
  assertVersion,
  commonFieldResolver,
  FieldErrors,
  listDefinitions,
  loadWriteContext,
  normalisePhone,
  uniqueTags,
  updateNeedsContext,
  type WriteContext,
} from "../records/record-support.ts";
import { textMatches } from "../search/search-conditions.ts";
import { COMPANY_FIELDS } from "./companies.fields.ts";
import { authorizeCompany } from "./companies.policy.ts";
import { presentCompany } from "./companies.presenter.ts";
import * as repo from "./companies.repository.ts";

type CompanyInput = TCompanyCreateRequest | TCompanyUpdateRequest;

async function normaliseInput(
  db: Executor,
  actor: Actor,
  input: CompanyInput,
  context: WriteContext,
  existing?: repo.CompanyRow,
): Promise<Partial<repo.CompanyInsert>> {
  const errors = new FieldErrors();
  const values: Partial<repo.CompanyInsert> = {};
  const assign = <K extends keyof repo.CompanyInsert>(key: K, value: repo.CompanyInsert[K] | undefined) => {
    if (value !== undefined) values[key] = value;
  };
  assign("name", input.name?.trim());
  assign("domain", input.domain);
  assign("industry", input.industry === undefined ? undefined : input.industry?.trim() || null);
  assign("employeeCount", input.employeeCount);
  if (input.annualRevenue !== undefined) {
    values.annualRevenueAmount = input.annualRevenue?.amount ?? null;
    values.annualRevenueCurrency = input.annualRevenue?.currency ?? null;
  }
  assign("address", input.address);
  assign("phone", normalisePhone(input.phone, context.defaultRegion, "phone", errors));
  assign("website", input.website);
  assign("tags", uniqueTags(input.tags));
  assign("ownerId", input.ownerId);
  if (input.relationshipTypes !== undefined) {
    const unique = [...new Set(input.relationshipTypes)];
    unique.forEach((type, index) => {
      if (!context.relationshipTypes.includes(type)) {
        errors.add(
          `relationshipTypes.${index}`,
          `Unknown relationship type "${type}"; configure it in the workspace settings`,
          "invalid_value",
        );
      }
    });
    values.relationshipTypes = unique;
  }
  if (input.customFields !== undefined || !existing) {
    const checked = validateCustomFieldValues({
      definitions: context.definitions,
      values: input.customFields ?? {},
      existing: existing?.customFields,
      defaultRegion: context.defaultRegion,
    });
    for (const error of checked.errors) errors.push(error);
    values.customFields = checked.values;
  }
  values.searchText = companySearchText({ ...existing, ...values });
  await assertOwnerIsMember(db, actor.workspaceId, input.ownerId, errors);
  errors.throwIfAny();
  return values;
}

/** What an update that touches no phone, custom field or relationship type gets instead. */
const NO_CONTEXT: WriteContext = { defaultRegion: "unused", definitions: [], relationshipTypes: [] };

const loadContext = (db: Database, workspaceId: string) => loadWriteContext(db, workspaceId, "company");

/** Creates share transactions like people's (decision 0013). */
function createCompaniesGroupCommit(db: Database) {
  return createGroupCommit<
    { actor: Actor; input: TCompanyCreateRequest },
    { actor: Actor; values: repo.CompanyInsert & { id: string } },
    TCompany
  >({
    db,
    async prepare(items) {
      const contextOf = oncePerKey((workspaceId) => loadContext(db, workspaceId));
      return settleEach(items, async ({ actor, input }) => {
        const values = await normaliseInput(db, actor, input, await contextOf(actor.workspaceId));
        return {
          actor,
          values: {
            ...values,
            id: uuidv7(),
            name: values.name!,
            workspaceId: actor.workspaceId,
            createdBy: actor.userId,
          },
        };
      });
    },
    async write(tx, items) {
      const rows = await repo.insertCompanies(
        tx,
        items.map((item) => item.values),
      );
      const created = rows.map(presentCompany);
      await recordChanges(
        tx,
        created.map((company, index) => ({
          workspaceId: rows[index]!.workspaceId,
          actorId: items[index]!.actor.userId,
          recordType: "company",
          recordId: company.id,
          action: "create" as const,
          changes: diffRecords(null, company),
        })),
      );
      return created;
    },
  });
}

export function createCompaniesService({ db }: { db: Database }) {
  const creates = createCompaniesGroupCommit(db);

  async function record(
    tx: Executor,
    actor: Actor,
    id: string,
    action: "create" | "update" | "delete" | "restore",
    changes: Record<string, { old: unknown; new: unknown }>,
  ) {
    await recordChange(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      recordType: "company",
      recordId: id,
      action,
      changes,
    });
  }

  return {
    async list(actor: Actor, request: ListRequest & { q?: string | undefined }) {
      authorizeCompany(actor, "read");
      const definitions = await listDefinitions(db, actor.workspaceId, "company", request);
      const plan = planList({
        request,
        idExpr: sql`${companies.id}`,
        defaultSort: "-createdAt",
        resolveField: commonFieldResolver(companies, definitions, COMPANY_FIELDS),
        extraConditions: request.q ? [textMatches(sql`${companies.searchText}`, request.q)] : [],
      });
      const page = pageOf(await repo.listCompanies(db, actor.workspaceId, plan), plan);
      return { data: page.rows.map(presentCompany), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: string): Promise<TCompany> {
      authorizeCompany(actor, "read");
      const row = await repo.findCompanyById(db, actor.workspaceId, id);
      if (!row) throw new AppError("company_not_found", "No such company.");
      return presentCompany(row);
    },

    async create(actor: Actor, input: TCompanyCreateRequest): Promise<TCompany> {
      authorizeCompany(actor, "create");
      return creates.submit({ actor, input });
    },

    async update(
      actor: Actor,
      id: string,
      input: TCompanyUpdateRequest,
      expectedVersion?: number,
    ): Promise<TCompany> {
      authorizeCompany(actor, "update");
      const context = updateNeedsContext(input, ["relationshipTypes"])
        ? await loadContext(db, actor.workspaceId)
        : NO_CONTEXT;
      return db.transaction(async (tx) => {
        const existing = await repo.findCompanyById(tx, actor.workspaceId, id);
        assertVersion(existing, expectedVersion, "company_not_found");
        const values = await normaliseInput(tx, actor, input, context, existing);
        // A PATCH that changes nothing writes nothing: no new version to trip others' If-Match.
        const unchanged = presentCompany(existing!);
        if (
          Object.keys(diffRecords(unchanged, presentCompany({ ...existing!, ...values } as repo.CompanyRow)))
            .length === 0
        )
          return unchanged;
        const row = await repo.updateCompany(tx, {
          workspaceId: actor.workspaceId,
          id,
          expectedVersion: existing!.version,
          values,
        });
        if (!row)
          throw new AppError("version_conflict", "The record changed meanwhile; reload and try again.");
        const company = presentCompany(row);
        await record(tx, actor, id, "update", diffRecords(presentCompany(existing!), company));
        return company;
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorizeCompany(actor, "delete");
      await db.transaction(async (tx) => {
        const row = await repo.setCompanyDeleted(tx, {
          workspaceId: actor.workspaceId,
          id,
          deletedBy: actor.userId,
          deleted: true,
        });
        if (!row) throw new AppError("company_not_found", "No such company.");
        await record(tx, actor, id, "delete", {
          deletedAt: { old: null, new: row.deletedAt?.toISOString() },
        });
      });
    },

    async restore(actor: Actor, id: string): Promise<TCompany> {
      authorizeCompany(actor, "update");
      return db.transaction(async (tx) => {
        const before = await repo.findCompanyById(tx, actor.workspaceId, id, { withDeleted: true });
        if (before && !before.deletedAt) {
          throw new AppError("not_in_trash", "The company is not in the trash.");
        }
        const row = await repo.setCompanyDeleted(tx, {
          workspaceId: actor.workspaceId,
          id,
          deletedBy: null,
          deleted: false,
        });
        if (!row) throw new AppError("company_not_found", "No such company in the trash.");
        await record(tx, actor, id, "restore", {
          deletedAt: { old: before?.deletedAt?.toISOString() ?? null, new: null },
        });
        return presentCompany(row);
      });
    },
  };
}

export type CompaniesService = ReturnType<typeof createCompaniesService>;
