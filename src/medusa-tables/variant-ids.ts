import type { SqlExecutor } from "../modules/meta/sql-executor"

// Reads of Medusa's product_variant table for the full sync. See index.ts.

export type VariantIdRow = { variant_id: string; product_id: string }

/**
 * One keyset page of the store's live variants, by id: plain rows (no ORM entities for 100k variants)
 * and no OFFSET that rescans earlier pages. The next page starts after the last id of this one.
 */
export function listVariantIdsAfter(db: SqlExecutor, afterId: string, limit: number): Promise<VariantIdRow[]> {
  return db.execute<VariantIdRow[]>(
    `SELECT "id" AS variant_id, "product_id" FROM "product_variant" WHERE "deleted_at" IS NULL AND "id" > ? ORDER BY "id" LIMIT ?`,
    [afterId, limit]
  )
}
