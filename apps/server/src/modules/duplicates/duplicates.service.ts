import type { TDuplicatePair } from "@kontor/contracts";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { companies, people } from "../../db/schema/index.ts";
import { toE164 } from "../../lib/phone.ts";
import { type Actor, authorizeRecord } from "../../lib/policy.ts";
import { companySearchText, personSearchText } from "../../lib/search-text.ts";
import { displayNameOf } from "../people/people.presenter.ts";
import { loadWriteContext } from "../records/record-support.ts";
import * as repo from "./duplicates.repository.ts";

/** Trigram similarity two names need to count as the same (pg_trgm.similarity_threshold). */
export const NAME_SIMILARITY = 0.6;

async function withThreshold<T>(db: Database, work: (tx: Executor) => Promise<T>) {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY)}, true)`,
    );
    return work(tx);
  });
}

async function summaries(db: Executor, workspaceId: string, object: "person" | "company", ids: string[]) {
  const result = new Map<string, { id: string; title: string; subtitle: string | null }>();
  if (!ids.length) return result;
  if (object === "person") {
    const rows = await db
      .select()
      .from(people)
      .where(and(eq(people.workspaceId, workspaceId), inArray(people.id, ids)));
    for (const row of rows)
      result.set(row.id, { id: row.id, title: displayNameOf(row), subtitle: row.email ?? row.phone });
  } else {
    const rows = await db
      .select()
      .from(companies)
      .where(and(eq(companies.workspaceId, workspaceId), inArray(companies.id, ids)));
    for (const row of rows)
      result.set(row.id, { id: row.id, title: row.name, subtitle: row.domain ?? row.address?.city ?? null });
  }
  return result;
}

/** Finds likely duplicates, for the review screen and as a warning before a create. */
export function createDuplicatesService({ db }: { db: Database }) {
  return {
    async findPairs(actor: Actor, object: "person" | "company", limit: number): Promise<TDuplicatePair[]> {
      authorizeRecord(actor, "read");
      return withThreshold(db, async (tx) => {
        const pairs =
          object === "person"
            ? await repo.findPersonPairs(tx, actor.workspaceId, limit)
            : await repo.findCompanyPairs(tx, actor.workspaceId, limit);
        const names = await summaries(tx, actor.workspaceId, object, [
          ...new Set(pairs.flatMap((pair) => [pair.a_id, pair.b_id])),
        ]);
        return pairs.map((pair) => ({
          object,
          a: names.get(pair.a_id)!,
          b: names.get(pair.b_id)!,
          reasons: pair.reasons as TDuplicatePair["reasons"],
        }));
      });
    },

    /** Existing records a new record with these values would duplicate. */
    async check(
      actor: Actor,
      input: {
        object: "person" | "company";
        email?: string | undefined;
        phone?: string | undefined;
        firstName?: string | undefined;
        lastName?: string | undefined;
        name?: string | undefined;
        domain?: string | undefined;
        companyId?: string | undefined;
      },
    ) {
      authorizeRecord(actor, "read");
      const { defaultRegion } = await loadWriteContext(db, actor.workspaceId, input.object);
      const phone = input.phone ? toE164(input.phone, defaultRegion) : null;
      return withThreshold(db, async (tx) => {
        if (input.object === "person") {
          const searchText =
            input.firstName || input.lastName
              ? personSearchText({ firstName: input.firstName, lastName: input.lastName })
              : null;
          const rows = await repo.findPersonCandidates(tx, {
            workspaceId: actor.workspaceId,
            email: input.email?.trim().toLowerCase() || null,
            phone,
            searchText,
            companyId: input.companyId ?? null,
            limit: 10,
          });
          return [
            ...(
              await summaries(
                tx,
                actor.workspaceId,
                "person",
                rows.map((row) => row.id),
              )
            ).values(),
          ];
        }
        const rows = await repo.findCompanyCandidates(tx, {
          workspaceId: actor.workspaceId,
          domain: input.domain?.trim().toLowerCase() || null,
          phone,
          searchText: input.name ? companySearchText({ name: input.name }) : null,
          limit: 10,
        });
        return [
          ...(
            await summaries(
              tx,
              actor.workspaceId,
              "company",
              rows.map((row) => row.id),
            )
          ).values(),
        ];
      });
    },
  };
}

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
