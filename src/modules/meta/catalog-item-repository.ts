import { entityIds } from "../../lib/catalog/entity-ids"
import type { SqlExecutor } from "./sql-executor"


export type CatalogItemRow = {
  id: string
  variant_id: string
  product_id: string | null
  retailer_id: string | null
  catalog_id: string | null
  status: string
  dirty: boolean
  dirty_at: Date | null
  attempts: number
  content_hash: string | null
  excluded: boolean
  claimed_at: Date | null
  errors: unknown
}

export type CatalogItemOutcome = {
  id: string
  status: string
  content_hash: string | null
  retailer_id: string | null
  errors: unknown
  /** Synced now (sets last_synced_at). */
  synced: boolean
  /** Failed calls: try again after this many ms (keeps the item dirty). */
  retry_in_ms?: number
  /** A DELETE that landed for a variant that no longer exists: the row goes. */
  remove_row?: boolean
}

export type CatalogBatchItemRow = {
  id: string
  variant_id: string
  retailer_id: string | null
  sent_method: string | null
  sent_hash: string | null
  sent_retailer_id: string | null
  attempts: number
  status: string
  errors: unknown
}

export type CatalogDirtySummary = { count: number; oldest: Date | null; newest: Date | null }

const ITEM = `"meta_catalog_item"`
const BATCH = `"meta_catalog_batch"`
const LIVE = `"deleted_at" IS NULL`
/** An item's claim and what was sent under it, let go once its outcome is known (or its call failed). */
const RELEASE_CLAIM = `"batch_id" = NULL, "claimed_at" = NULL, "sent_method" = NULL, "sent_hash" = NULL, "sent_retailer_id" = NULL`
/** Changed again after it was claimed: the newer content still has to go out. */
const CHANGED_SINCE_CLAIM = `coalesce(i."claimed_at" IS NOT NULL AND i."dirty_at" > i."claimed_at", false)`

/**
 * Bulk statements over catalog items. A full sync touches every variant, so these are single set-based
 * statements (JSON-array parameters, no per-row round trips) instead of the generated per-entity CRUD.
 */
export class CatalogItemRepository {
  constructor(private readonly db: SqlExecutor) {}

  /**
   * Upserts rows for variants and marks them dirty now: what every subscriber and job does. With
   * `unlessMarkedSince` (a timestamptz text of the database's clock), an item marked at or after it is
   * left as it is: the full sync marks every known item first and then pages through the variants, and
   * marking one again that a worker had claimed meanwhile would hold it back from its batch (changed
   * after its claim) and send it alone later — no content changed, only the sweep passed it twice.
   */
  async markDirty(variants: { variant_id: string; product_id?: string | null }[], options: { unlessMarkedSince?: string } = {}): Promise<number> {
    if (!variants.length) return 0
    const unique = [...new Map(variants.map((v) => [v.variant_id, v])).values()]
    const ids = entityIds("metaci", unique.length)
    const rows = unique.map((v, i) => ({ id: ids[i], variant_id: v.variant_id, product_id: v.product_id ?? null }))
    await this.db.execute(
      `INSERT INTO ${ITEM} ("id", "variant_id", "product_id", "status", "dirty", "dirty_at", "attempts", "excluded", "created_at", "updated_at")
       SELECT v.id, v.variant_id, v.product_id, 'pending', true, clock_timestamp(), 0, false, now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS v(id text, variant_id text, product_id text)
       ON CONFLICT ("variant_id") WHERE ${LIVE}
       DO UPDATE SET "dirty" = true, "dirty_at" = clock_timestamp(), "updated_at" = now(),
         "product_id" = COALESCE(EXCLUDED."product_id", ${ITEM}."product_id")
       ${options.unlessMarkedSince ? `WHERE ${ITEM}."dirty_at" IS NULL OR ${ITEM}."dirty_at" < ?::timestamptz` : ""}`,
      options.unlessMarkedSince ? [JSON.stringify(rows), options.unlessMarkedSince] : [JSON.stringify(rows)]
    )
    return unique.length
  }

  /** Marks every known item of these products dirty (variants Medusa no longer lists included). */
  async markProductsDirty(productIds: string[]): Promise<void> {
    if (!productIds.length) return
    await this.db.execute(
      `UPDATE ${ITEM} SET "dirty" = true, "dirty_at" = clock_timestamp(), "updated_at" = now()
        WHERE ${LIVE} AND "product_id" IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(productIds)]
    )
  }

  /** Marks every known item dirty; returns the database time the marking started (timestamptz text). */
  async markAllDirty(): Promise<string> {
    const [{ at }] = await this.db.execute<{ at: string }[]>(`SELECT clock_timestamp()::text AS at`)
    await this.db.execute(`UPDATE ${ITEM} SET "dirty" = true, "dirty_at" = clock_timestamp(), "updated_at" = now() WHERE ${LIVE}`)
    return at
  }

  async setExcluded(productId: string, variantIds: string[], excluded: boolean): Promise<void> {
    await this.markDirty(variantIds.map((variant_id) => ({ variant_id, product_id: productId })))
    await this.db.execute(
      `UPDATE ${ITEM} SET "excluded" = ?, "updated_at" = now() WHERE ${LIVE} AND "variant_id" IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [excluded, JSON.stringify(variantIds)]
    )
  }

  /** Dirty items that may be sent now (not in flight, not waiting for a retry). */
  async dirtySummary(): Promise<CatalogDirtySummary> {
    const [row] = await this.db.execute<{ count: string; oldest: Date | null; newest: Date | null }[]>(
      `SELECT count(*)::text AS count, min("dirty_at") AS oldest, max("dirty_at") AS newest FROM ${ITEM}
        WHERE ${LIVE} AND "dirty" = true AND "batch_id" IS NULL AND ("next_attempt_at" IS NULL OR "next_attempt_at" <= now())`
    )
    return { count: Number(row?.count ?? 0), oldest: row?.oldest ?? null, newest: row?.newest ?? null }
  }

  /**
   * Takes up to `limit` due dirty items for one flush, oldest change first. SKIP LOCKED lets two workers
   * run without taking the same item; the claim (batch_id) keeps others off it until the outcome.
   */
  async claimDue(claimId: string, limit: number): Promise<CatalogItemRow[]> {
    return this.db.execute<CatalogItemRow[]>(
      `UPDATE ${ITEM} SET "batch_id" = ?, "claimed_at" = clock_timestamp(), "updated_at" = now()
        WHERE "id" IN (
          SELECT "id" FROM ${ITEM}
           WHERE ${LIVE} AND "dirty" = true AND "batch_id" IS NULL AND ("next_attempt_at" IS NULL OR "next_attempt_at" <= now())
           ORDER BY "dirty_at" ASC NULLS FIRST
           LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING "id", "variant_id", "product_id", "retailer_id", "catalog_id", "status", "dirty", "dirty_at",
                  "attempts", "content_hash", "excluded", "claimed_at", "errors"`,
      [claimId, limit]
    )
  }

  /**
   * The items a batch carried, with what was sent for each (plain rows: a batch holds up to 5,000). An
   * item keeps the batch's id from its claim until the outcome is recorded, so the id alone finds them.
   */
  async itemsOfBatch(batchId: string): Promise<CatalogBatchItemRow[]> {
    return this.db.execute<CatalogBatchItemRow[]>(
      `SELECT "id", "variant_id", "retailer_id", "sent_method", "sent_hash", "sent_retailer_id", "attempts", "status", "errors" FROM ${ITEM}
        WHERE ${LIVE} AND "batch_id" = ?`,
      [batchId]
    )
  }

  /**
   * Items about to be sent: what goes out, so the outcome can be recorded against it. A DELETE carries
   * the reasons when the item is removed because it needs attention (none when it is no longer eligible):
   * they become its errors now, and its status once the delete lands.
   */
  async markSent(
    batchId: string,
    sent: { id: string; method: string; hash: string | null; retailer_id: string; errors?: unknown }[],
    catalogId: string
  ): Promise<void> {
    if (!sent.length) return
    await this.db.execute(
      `UPDATE ${ITEM} AS i SET "batch_id" = ?, "sent_method" = v.method, "sent_hash" = v.hash, "sent_retailer_id" = v.retailer_id,
              "catalog_id" = ?, "status" = CASE WHEN v.method = 'DELETE' THEN 'deleting' ELSE i."status" END,
              "errors" = CASE WHEN v.method = 'DELETE' THEN v.errors ELSE i."errors" END, "updated_at" = now()
         FROM jsonb_to_recordset(?::jsonb) AS v(id text, method text, hash text, retailer_id text, errors jsonb)
        WHERE i."id" = v.id`,
      [batchId, catalogId, JSON.stringify(sent.map((s) => ({ ...s, errors: s.errors ?? null })))]
    )
  }

  /**
   * Records outcomes and releases the claim. An item changed again after it was claimed stays dirty, so
   * the newer content goes out in the next flush; a failed call keeps it dirty and sets when to retry.
   */
  async recordOutcomes(outcomes: CatalogItemOutcome[]): Promise<void> {
    if (!outcomes.length) return
    const removed = outcomes.filter((o) => o.remove_row).map((o) => o.id)
    const kept = outcomes.filter((o) => !o.remove_row)
    if (removed.length) {
      await this.db.execute(
        `DELETE FROM ${ITEM} WHERE "id" IN (SELECT jsonb_array_elements_text(?::jsonb)) AND ("dirty_at" IS NULL OR "claimed_at" IS NULL OR "dirty_at" <= "claimed_at")`,
        [JSON.stringify(removed)]
      )
      await this.release(removed)
    }
    if (!kept.length) return
    await this.db.execute(
      `UPDATE ${ITEM} AS i SET
          "status" = v.status,
          "content_hash" = v.content_hash,
          "retailer_id" = v.retailer_id,
          "errors" = v.errors,
          "last_synced_at" = CASE WHEN v.synced THEN now() ELSE i."last_synced_at" END,
          "dirty" = CASE WHEN v.retry_in_ms IS NOT NULL THEN true ELSE ${CHANGED_SINCE_CLAIM} END,
          "next_attempt_at" = CASE WHEN v.retry_in_ms IS NOT NULL THEN now() + (v.retry_in_ms || ' milliseconds')::interval ELSE NULL END,
          "attempts" = CASE WHEN v.retry_in_ms IS NOT NULL THEN i."attempts" + 1 ELSE 0 END,
          ${RELEASE_CLAIM}, "updated_at" = now()
         FROM jsonb_to_recordset(?::jsonb) AS v(id text, status text, content_hash text, retailer_id text, errors jsonb, synced boolean, retry_in_ms bigint)
        WHERE i."id" = v.id`,
      [JSON.stringify(kept.map((o) => ({ ...o, errors: o.errors ?? null, retry_in_ms: o.retry_in_ms ?? null })))]
    )
  }

  /**
   * A batch whose call did not go through (throttled, 5xx, auth), or whose pass was cut off: its items
   * (those still carrying the batch's id) stay dirty and wait `retryInMs` (null = no wait, e.g. paused by
   * a broken connection until it is fixed); nothing else changes. The batch row, if written, is failed.
   */
  async releaseBatchForRetry(batchId: string, retryInMs: number | null, countAttempt: boolean, error?: string): Promise<void> {
    await this.db.execute(
      `UPDATE ${ITEM} SET ${RELEASE_CLAIM},
              "status" = CASE WHEN "status" = 'deleting' THEN 'pending' ELSE "status" END,
              "dirty" = true,
              "next_attempt_at" = CASE WHEN ?::bigint IS NULL THEN NULL ELSE now() + (?::bigint || ' milliseconds')::interval END,
              "attempts" = "attempts" + ?, "updated_at" = now()
        WHERE ${LIVE} AND "batch_id" = ?`,
      [retryInMs, retryInMs, countAttempt ? 1 : 0, batchId]
    )
    if (error !== undefined) {
      await this.db.execute(`UPDATE ${BATCH} SET "status" = 'failed', "error" = ?, "updated_at" = now() WHERE "id" = ?`, [error, batchId])
    }
  }

  /**
   * Takes the next status check of a submitted batch: moves its `next_poll_at` past now only if it is due,
   * so of two catalog ticks running at once (on two workers) one polls it and the other leaves it. A
   * worker that dies mid-poll leaves it due again after `leaseMs`.
   */
  async claimBatchPoll(batchId: string, leaseMs: number): Promise<boolean> {
    const rows = await this.db.execute<{ id: string }[]>(
      `UPDATE ${BATCH} SET "next_poll_at" = now() + (?::bigint || ' milliseconds')::interval, "updated_at" = now()
        WHERE "id" = ? AND ${LIVE} AND "status" = 'submitted' AND ("next_poll_at" IS NULL OR "next_poll_at" <= now())
        RETURNING "id"`,
      [leaseMs, batchId]
    )
    return rows.length === 1
  }

  /** The row of one items_batch call, written before it is sent (its items carry its id from their claim). */
  async openBatch(batch: { id: string; catalogId: string; requestCount: number; itemIds: string[] }): Promise<void> {
    await this.db.execute(
      `INSERT INTO ${BATCH} ("id", "catalog_id", "status", "request_count", "item_ids", "attempts", "errors_total", "created_at", "updated_at")
       VALUES (?, ?, 'sending', ?, ?::jsonb, 0, 0, now(), now())`,
      [batch.id, batch.catalogId, batch.requestCount, JSON.stringify(batch.itemIds)]
    )
  }

  /**
   * A finished batch: every UPDATE Meta did not name in an error is synced, in one statement (a batch
   * carries up to 5,000). Returns how many; the batch's other items (DELETEs, rejected UPDATEs) keep
   * its id for recordOutcomes. An item changed again since its claim stays dirty; one whose
   * retailer id is unknown cannot have been named in an error, so it is synced too.
   */
  async recordBatchSynced(batchId: string, rejectedRetailerIds: string[]): Promise<number> {
    const rows = await this.db.execute<{ id: string }[]>(
      `UPDATE ${ITEM} AS i SET
          "status" = 'synced', "content_hash" = i."sent_hash", "retailer_id" = coalesce(i."sent_retailer_id", i."retailer_id"),
          "errors" = NULL, "last_synced_at" = now(),
          "dirty" = ${CHANGED_SINCE_CLAIM}, "next_attempt_at" = NULL, "attempts" = 0,
          ${RELEASE_CLAIM}, "updated_at" = now()
        WHERE i.${LIVE} AND i."batch_id" = ? AND i."sent_method" = 'UPDATE'
          AND coalesce(coalesce(i."sent_retailer_id", i."retailer_id") <> ALL(?::text[]), true)
        RETURNING i."id"`,
      [batchId, rejectedRetailerIds]
    )
    return rows.length
  }

  private async release(ids: string[]): Promise<void> {
    await this.db.execute(
      `UPDATE ${ITEM} SET "batch_id" = NULL, "claimed_at" = NULL, "updated_at" = now() WHERE "id" IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(ids)]
    )
  }

  /**
   * Claims left by a worker that died mid-flush (no batch was submitted for them): back to the queue,
   * and the batch rows they leave behind failed.
   */
  async releaseStaleClaims(olderThanMs: number): Promise<number> {
    const rows = await this.db.execute<{ id: string }[]>(
      `UPDATE ${ITEM} AS i SET "batch_id" = NULL, "claimed_at" = NULL, "dirty" = true, "updated_at" = now()
        WHERE i.${LIVE} AND i."batch_id" IS NOT NULL AND i."claimed_at" < now() - (?::bigint || ' milliseconds')::interval
          AND NOT EXISTS (SELECT 1 FROM "meta_catalog_batch" b WHERE b."id" = i."batch_id" AND b."status" = 'submitted' AND b."deleted_at" IS NULL)
        RETURNING i."id"`,
      [olderThanMs]
    )
    // A batch still "sending" that no item carries any more was left by a worker that died before Meta
    // answered (its items were just released, or went earlier): failed, so a full sync can finish.
    await this.db.execute(
      `UPDATE ${BATCH} AS b SET "status" = 'failed', "error" = 'The worker sending it stopped before Meta answered; its items were sent again', "updated_at" = now()
        WHERE b.${LIVE} AND b."status" = 'sending'
          AND NOT EXISTS (SELECT 1 FROM ${ITEM} i WHERE i."batch_id" = b."id" AND i.${LIVE})`
    )
    return rows.length
  }

  /**
   * Items last sent to another catalog count as not in Meta any more (their content hash goes), so the
   * next flush sends them to the catalog now selected instead of skipping them as unchanged.
   */
  async forgetOtherCatalogs(catalogId: string): Promise<void> {
    await this.db.execute(
      `UPDATE ${ITEM} SET "content_hash" = NULL, "updated_at" = now()
        WHERE ${LIVE} AND "catalog_id" IS NOT NULL AND "catalog_id" <> ? AND "content_hash" IS NOT NULL`,
      [catalogId]
    )
  }

  /** Live items per status, plus the dirty and excluded flags and how many dirty items are with Meta now (claimed or sent). */
  async countByStatus(): Promise<Record<string, number> & { dirty: number; excluded: number; in_flight: number }> {
    // One pass over the (status, dirty, excluded, batch_id) index alone, whatever the catalog's size.
    const rows = await this.db.execute<{ status: string; count: string; dirty: string; excluded: string; in_flight: string }[]>(
      `SELECT "status", count(*)::text AS count, count(*) FILTER (WHERE "dirty")::text AS dirty,
              count(*) FILTER (WHERE "excluded")::text AS excluded, count(*) FILTER (WHERE "dirty" AND "batch_id" IS NOT NULL)::text AS in_flight
         FROM ${ITEM} WHERE ${LIVE} GROUP BY "status"`
    )
    const counts: Record<string, number> = {}
    let dirty = 0
    let excluded = 0
    let inFlight = 0
    for (const row of rows) {
      counts[row.status] = Number(row.count)
      dirty += Number(row.dirty)
      excluded += Number(row.excluded)
      inFlight += Number(row.in_flight)
    }
    return { ...counts, dirty, excluded, in_flight: inFlight }
  }

  /** Which of these retailer ids the store knows (for reconcile: the rest are orphans). */
  async knownRetailerIds(retailerIds: string[]): Promise<Set<string>> {
    if (!retailerIds.length) return new Set()
    // In-flight items count as known: Meta may list them before their batch status is read.
    const rows = await this.db.execute<{ retailer_id: string }[]>(
      `SELECT "retailer_id" FROM ${ITEM} WHERE ${LIVE} AND "retailer_id" IN (SELECT jsonb_array_elements_text(?::jsonb))
       UNION SELECT "sent_retailer_id" FROM ${ITEM} WHERE ${LIVE} AND "sent_retailer_id" IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(retailerIds), JSON.stringify(retailerIds)]
    )
    return new Set(rows.map((r) => r.retailer_id))
  }

  /** Orphans become items of their own (variant "orphan:<id>"), so their DELETE is durable and retried. */
  async enqueueOrphanDeletes(retailerIds: string[], catalogId: string): Promise<void> {
    if (!retailerIds.length) return
    const ids = entityIds("metaci", retailerIds.length)
    const rows = retailerIds.map((rid, i) => ({ id: ids[i], variant_id: `orphan:${rid}`, retailer_id: rid }))
    await this.db.execute(
      `INSERT INTO ${ITEM} ("id", "variant_id", "retailer_id", "catalog_id", "content_hash", "status", "dirty", "dirty_at", "attempts", "excluded", "created_at", "updated_at")
       SELECT v.id, v.variant_id, v.retailer_id, ?, 'orphan', 'deleting', true, clock_timestamp(), 0, false, now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS v(id text, variant_id text, retailer_id text)
       ON CONFLICT ("variant_id") WHERE ${LIVE} DO UPDATE SET "dirty" = true, "dirty_at" = clock_timestamp()`,
      [catalogId, JSON.stringify(rows)]
    )
  }

  /** Reconcile: these retailer ids were seen in Meta's catalog during the run that started at `at`. */
  async markSeen(retailerIds: string[], at: Date): Promise<void> {
    if (!retailerIds.length) return
    await this.db.execute(
      `UPDATE ${ITEM} SET "seen_in_meta_at" = ? WHERE ${LIVE} AND "retailer_id" IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [at, JSON.stringify(retailerIds)]
    )
  }

  /** Reconcile: items we believe Meta has but it did not list lose their hash and are sent again. */
  async resendUnseen(since: Date): Promise<number> {
    const rows = await this.db.execute<{ id: string }[]>(
      `UPDATE ${ITEM} SET "content_hash" = NULL, "dirty" = true, "dirty_at" = clock_timestamp(), "updated_at" = now()
        WHERE ${LIVE} AND "status" = 'synced' AND "batch_id" IS NULL AND ("seen_in_meta_at" IS NULL OR "seen_in_meta_at" < ?)
        RETURNING "id"`,
      [since]
    )
    return rows.length
  }
}
