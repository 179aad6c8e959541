import { generateEntityId } from "@medusajs/framework/utils"
import type { SqlExecutor } from "./sql-executor"

export type ProductSetSourceRef = { source_type: "collection" | "category"; source_id: string }

const SET = `"meta_catalog_product_set"`
const LIVE = `"deleted_at" IS NULL`

/** Set-based statements over mirrored product sets: events mark them dirty in one statement each. */
export class CatalogProductSetRepository {
  constructor(private readonly db: SqlExecutor) {}

  /** Upserts rows for these collections/categories and marks them dirty (the worker recomputes them). */
  async markDirty(sources: ProductSetSourceRef[]): Promise<number> {
    const unique = [...new Map(sources.map((s) => [`${s.source_type}:${s.source_id}`, s])).values()]
    if (!unique.length) return 0
    const rows = unique.map((s) => ({ id: generateEntityId(undefined, "metaps"), ...s }))
    await this.db.execute(
      `INSERT INTO ${SET} ("id", "source_type", "source_id", "status", "dirty", "item_count", "created_at", "updated_at")
       SELECT v.id, v.source_type, v.source_id, 'pending', true, 0, now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS v(id text, source_type text, source_id text)
       ON CONFLICT ("source_type", "source_id") WHERE ${LIVE}
       DO UPDATE SET "dirty" = true, "updated_at" = now()`,
      [JSON.stringify(rows)]
    )
    return unique.length
  }

  /** Sets that held any of these retailer ids when last sent: a product that left them must leave the set too. */
  async markHoldingDirty(retailerIds: string[]): Promise<void> {
    if (!retailerIds.length) return
    await this.db.execute(
      `UPDATE ${SET} SET "dirty" = true, "updated_at" = now()
        WHERE ${LIVE} AND "retailer_ids" IS NOT NULL AND jsonb_exists_any("retailer_ids", ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))`,
      [JSON.stringify(retailerIds)]
    )
  }
}
