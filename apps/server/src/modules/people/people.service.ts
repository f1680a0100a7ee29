import type { TPerson, TPersonCreateRequest, TPersonUpdateRequest } from "@kontor/contracts";
import { sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Database, Executor } from "../../db/client.ts";
import { createGroupCommit, oncePerKey, settleEach } from "../../db/group-commit.ts";
import { people } from "../../db/schema/index.ts";
import { AppError } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import { type ListRequest, pageOf, planList } from "../../lib/list-query.ts";
import type { Actor } from "../../lib/policy.ts";
import { personSearchText } from "../../lib/search-text.ts";
import { recordChange } from "../audit/audit.repository.ts";
import { validateCustomFieldValues } from "../custom-fields/custom-field-values.ts";
import {
  assertCompanyExists,
  assertOwnerIsMember,
  assertVersion,
  commonFieldResolver,
  FieldErrors,
  listDefinitions,
  loadWriteContext,
  normalisePhone,
  normalisePhones,
  uniqueTags,
  updateNeedsContext,
  type WriteContext,
} from "../records/record-support.ts";
import { textMatches } from "../search/search-conditions.ts";
import { PERSON_FIELDS } from "./people.fields.ts";
import { authorizePerson } from "./people.policy.ts";
import { presentEmployment, presentPerson } from "./people.presenter.ts";
import * as repo from "./people.repository.ts";

type PersonInput = TPersonCreateRequest | TPersonUpdateRequest;

/** What an update that touches neither phones nor custom fields gets instead of a context. */
const NO_CONTEXT: WriteContext = { defaultRegion: "unused", definitions: [], relationshipTypes: [] };

async function normaliseInput(
  db: Executor,
  actor: Actor,
  input: PersonInput,
  context: WriteContext,
  existing?: repo.PersonRow,
): Promise<Partial<repo.PersonInsert>> {
  const errors = new FieldErrors();
  const values: Partial<repo.PersonInsert> = {};
  const assign = <K extends keyof repo.PersonInsert>(key: K, value: repo.PersonInsert[K] | undefined) => {
    if (value !== undefined) values[key] = value;
  };
  assign("firstName", input.firstName === undefined ? undefined : input.firstName?.trim() || null);
  assign("lastName", input.lastName === undefined ? undefined : input.lastName?.trim() || null);
  assign("email", input.email === undefined ? undefined : (input.email?.toLowerCase() ?? null));
  assign(
    "additionalEmails",
    input.additionalEmails?.map((email) => email.toLowerCase()),
  );
  assign("phone", normalisePhone(input.phone, context.defaultRegion, "phone", errors));
  assign(
    "additionalPhones",
    normalisePhones(input.additionalPhones, context.defaultRegion, "additionalPhones", errors),
  );
  assign("jobTitle", input.jobTitle === undefined ? undefined : input.jobTitle?.trim() || null);
  assign("companyId", input.companyId);
  assign("address", input.address);
  assign("birthday", input.birthday);
  assign("tags", uniqueTags(input.tags));
  assign("ownerId", input.ownerId);
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
  const merged = { ...existing, ...values };
  if (!merged.firstName && !merged.lastName && !merged.email) {
    errors.add("lastName", "A person needs a first name, a last name or an email", "name_or_email_required");
  }
  values.searchText = personSearchText(merged);
  await assertOwnerIsMember(db, actor.workspaceId, input.ownerId, errors);
  if (input.companyId && input.companyId !== existing?.companyId) {
    await assertCompanyExists(db, actor.workspaceId, input.companyId, errors);
  }
  errors.throwIfAny();
  return values;
}

interface PreparedCreate {
  actor: Actor;
  values: repo.PersonInsert & { id: string };
}

/**
 * What the database stores for a column a create leaves out. Creates set every one of these, so
 * the audit entry — computed before the write, from the values — shows exactly the stored row,
 * and a batch's rows all set the same keys (one INSERT).
 */
const NEW_PERSON: Omit<repo.PersonInsert, "workspaceId"> = {
  firstName: null,
  lastName: null,
  email: null,
  additionalEmails: [],
  phone: null,
  additionalPhones: [],
  jobTitle: null,
  companyId: null,
  address: null,
  birthday: null,
  tags: [],
  ownerId: null,
  customFields: {},
  searchText: "",
};

/** A new person as presented, for the audit entry of its creation (timestamps are not audited). */
function presentNew(values: repo.PersonInsert & { id: string }): TPerson {
  const epoch = new Date(0);
  return presentPerson({
    ...values,
    createdAt: epoch,
    updatedAt: epoch,
    version: 1,
    deletedAt: null,
    deletedBy: null,
  } as repo.PersonRow);
}

/**
 * Creates go through a group commit (decision 0013): concurrent creates are written by one
 * statement — the people, their first employments, their audit entries and events — atomic by
 * itself, so a batch costs one round trip.
 */
function createPeopleGroupCommit(db: Database) {
  return createGroupCommit<{ actor: Actor; input: TPersonCreateRequest }, PreparedCreate, TPerson>({
    db,
    atomicWrite: true,
    async prepare(items) {
      // The batch's write contexts are read after every one of its requests arrived.
      const contextOf = oncePerKey((workspaceId) => loadWriteContext(db, workspaceId, "person"));
      return settleEach(items, async ({ actor, input }) => {
        const values = await normaliseInput(db, actor, input, await contextOf(actor.workspaceId));
        return {
          actor,
          values: {
            ...NEW_PERSON,
            ...values,
            id: uuidv7(),
            workspaceId: actor.workspaceId,
            createdBy: actor.userId,
          },
        };
      });
    },
    async write(db, items) {
      const values = items.map((item) => item.values);
      const rows = await repo.insertPeopleWithChanges(
        db,
        values,
        items.map(({ actor, values }) => ({
          workspaceId: values.workspaceId,
          actorId: actor.userId,
          recordType: "person",
          recordId: values.id,
          action: "create" as const,
          changes: diffRecords(null, presentNew(values)),
        })),
      );
      return rows.map(presentPerson);
    },
  });
}

export function createPeopleService({ db }: { db: Database }) {
  const creates = createPeopleGroupCommit(db);

  async function getRow(actor: Actor, id: string) {
    const row = await repo.findPersonById(db, actor.workspaceId, id);
    if (!row) throw new AppError("person_not_found", "No such person.");
    return row;
  }

  return {
    async list(actor: Actor, request: ListRequest & { q?: string | undefined }) {
      authorizePerson(actor, "read");
      const definitions = await listDefinitions(db, actor.workspaceId, "person", request);
      const plan = planList({
        request,
        idExpr: sql`${people.id}`,
        defaultSort: "-createdAt",
        resolveField: commonFieldResolver(people, definitions, PERSON_FIELDS),
        extraConditions: request.q ? [textMatches(sql`${people.searchText}`, request.q)] : [],
      });
      const page = pageOf(await repo.listPeople(db, actor.workspaceId, plan), plan);
      return { data: page.rows.map(presentPerson), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: string): Promise<TPerson> {
      authorizePerson(actor, "read");
      return presentPerson(await getRow(actor, id));
    },

    async create(actor: Actor, input: TPersonCreateRequest): Promise<TPerson> {
      authorizePerson(actor, "create");
      return creates.submit({ actor, input });
    },

    async update(
      actor: Actor,
      id: string,
      input: TPersonUpdateRequest,
      expectedVersion?: number,
    ): Promise<TPerson> {
      authorizePerson(actor, "update");
      const context = updateNeedsContext(input)
        ? await loadWriteContext(db, actor.workspaceId, "person")
        : NO_CONTEXT;
      return db.transaction(async (tx) => {
        const existing = await repo.findPersonById(tx, actor.workspaceId, id);
        assertVersion(existing, expectedVersion, "person_not_found");
        const values = await normaliseInput(tx, actor, input, context, existing);
        // A PATCH that changes nothing writes nothing: no new version to trip others' If-Match.
        const unchanged = presentPerson(existing!);
        if (
          Object.keys(diffRecords(unchanged, presentPerson({ ...existing!, ...values } as repo.PersonRow)))
            .length === 0
        )
          return unchanged;
        const row = await repo.updatePerson(tx, {
          workspaceId: actor.workspaceId,
          id,
          expectedVersion: existing!.version,
          values,
        });
        if (!row)
          throw new AppError("version_conflict", "The record changed meanwhile; reload and try again.");
        if (row.companyId !== existing!.companyId) {
          await repo.moveEmployment(tx, {
            workspaceId: actor.workspaceId,
            personId: id,
            companyId: row.companyId,
            jobTitle: row.jobTitle,
          });
        }
        const person = presentPerson(row);
        const changes = diffRecords(presentPerson(existing!), person);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "person",
          recordId: id,
          action: "update",
          changes,
        });
        return person;
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorizePerson(actor, "delete");
      await db.transaction(async (tx) => {
        const row = await repo.setPersonDeleted(tx, {
          workspaceId: actor.workspaceId,
          id,
          deletedBy: actor.userId,
          deleted: true,
        });
        if (!row) throw new AppError("person_not_found", "No such person.");
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "person",
          recordId: id,
          action: "delete",
          changes: { deletedAt: { old: null, new: row.deletedAt?.toISOString() } },
        });
      });
    },

    async restore(actor: Actor, id: string): Promise<TPerson> {
      authorizePerson(actor, "update");
      return db.transaction(async (tx) => {
        const before = await repo.findPersonById(tx, actor.workspaceId, id, { withDeleted: true });
        if (before && !before.deletedAt) {
          throw new AppError("not_in_trash", "The person is not in the trash.");
        }
        const row = await repo.setPersonDeleted(tx, {
          workspaceId: actor.workspaceId,
          id,
          deletedBy: null,
          deleted: false,
        });
        if (!row) throw new AppError("person_not_found", "No such person in the trash.");
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "person",
          recordId: id,
          action: "restore",
          changes: { deletedAt: { old: before?.deletedAt?.toISOString() ?? null, new: null } },
        });
        return presentPerson(row);
      });
    },

    async employments(actor: Actor, id: string) {
      authorizePerson(actor, "read");
      await getRow(actor, id);
      return (await repo.findEmployments(db, actor.workspaceId, id)).map(presentEmployment);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
