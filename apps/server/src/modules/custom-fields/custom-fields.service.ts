import type {
  CustomFieldObject,
  TCustomField,
  TCustomFieldCreateRequest,
  TCustomFieldUpdateRequest,
} from "@kontor/contracts";
import type { Database } from "../../db/client.ts";
import { AppError, forbidden } from "../../errors/app-error.ts";
import { diffRecords } from "../../lib/changes.ts";
import { type Actor, rolePolicy } from "../../lib/policy.ts";
import { recordChange } from "../audit/audit.repository.ts";
import * as repo from "./custom-fields.repository.ts";

export function presentCustomField(row: repo.CustomFieldRow): TCustomField {
  return {
    id: row.id,
    object: row.object as CustomFieldObject,
    key: row.key,
    label: row.label,
    type: row.type as TCustomField["type"],
    required: row.required === 1,
    options: row.options,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

function authorizeConfigure(actor: Actor) {
  if (!rolePolicy.canConfigure(actor)) throw forbidden("Only admins and managers define custom fields.");
}

/** Custom field definitions per object; values live in the records' customFields column. */
export function createCustomFieldsService({ db }: { db: Database }) {
  return {
    async list(_actor: Actor, object?: CustomFieldObject) {
      return (await repo.findCustomFields(db, _actor.workspaceId, object)).map(presentCustomField);
    },

    async create(actor: Actor, input: TCustomFieldCreateRequest) {
      authorizeConfigure(actor);
      return db.transaction(async (tx) => {
        await repo.lockCustomFieldKey(tx, actor.workspaceId, input.object, input.key);
        const existing = await repo.findCustomFields(tx, actor.workspaceId, input.object);
        if (existing.some((field) => field.key === input.key)) {
          throw new AppError("duplicate_key", `A ${input.object} field with key "${input.key}" exists.`, [
            { path: "key", message: "This key is taken", code: "key_taken" },
          ]);
        }
        const row = await repo.insertCustomField(tx, {
          workspaceId: actor.workspaceId,
          createdBy: actor.userId,
          object: input.object,
          key: input.key,
          label: input.label,
          type: input.type,
          required: input.required ? 1 : 0,
          options: input.options ?? [],
          description: input.description ?? null,
        });
        const field = presentCustomField(row);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "custom_field",
          recordId: row.id,
          action: "create",
          changes: diffRecords(null, field),
        });
        return field;
      });
    },

    async update(actor: Actor, id: string, input: TCustomFieldUpdateRequest) {
      authorizeConfigure(actor);
      const existing = await repo.findCustomFieldById(db, actor.workspaceId, id);
      if (!existing) throw new AppError("custom_field_not_found", "No such custom field.");
      if (input.options && ["select", "multiselect"].includes(existing.type) && input.options.length === 0) {
        throw new AppError("validation_failed", "A select field needs at least one option.", [
          { path: "options", message: "At least one option", code: "options_required" },
        ]);
      }
      return db.transaction(async (tx) => {
        const row = await repo.updateCustomField(tx, actor.workspaceId, id, {
          label: input.label,
          required: input.required === undefined ? undefined : input.required ? 1 : 0,
          options: input.options,
          description: input.description,
          updatedAt: new Date(),
          version: existing.version + 1,
        });
        const field = presentCustomField(row!);
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "custom_field",
          recordId: id,
          action: "update",
          changes: diffRecords(presentCustomField(existing), field),
        });
        return field;
      });
    },

    /** Removes the definition; stored values stay in the records and reappear if the key is defined again. */
    async remove(actor: Actor, id: string) {
      authorizeConfigure(actor);
      await db.transaction(async (tx) => {
        const existing = await repo.findCustomFieldById(tx, actor.workspaceId, id);
        if (!existing || !(await repo.deleteCustomField(tx, actor.workspaceId, id))) {
          throw new AppError("custom_field_not_found", "No such custom field.");
        }
        await recordChange(tx, {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          recordType: "custom_field",
          recordId: id,
          action: "delete",
          changes: diffRecords(presentCustomField(existing), null),
        });
      });
    },
  };
}

export type CustomFieldsService = ReturnType<typeof createCustomFieldsService>;
