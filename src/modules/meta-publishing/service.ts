import { randomUUID } from "node:crypto"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { boundSqlExecutor } from "../meta/sql-executor"
import { MetaPublication } from "./models/meta-publication"
import { MetaPublishingAccount } from "./models/meta-publishing-account"

/** A publication as the publisher holds it while it owns the lease. */
export type ClaimedPublication = {
  id: string
  account_id: string
  kind: string
  status: string
  caption: string | null
  media: { url: string; alt_text?: string | null }[]
  link_url: string | null
  first_comment: string | null
  first_comment_id: string | null
  container_id: string | null
  child_container_ids: string[] | null
  photo_ids: string[] | null
  publish_requested_at: Date | null
  meta_post_id: string | null
  permalink: string | null
  scheduled_at: Date | null
  attempts: number
  claim_token: string
}

/** Columns the publisher may write while it holds the lease. */
export type PublicationProgress = Partial<{
  status: "publishing" | "published" | "failed"
  container_id: string | null
  child_container_ids: string[] | null
  photo_ids: string[] | null
  publish_requested_at: Date | null
  meta_post_id: string | null
  permalink: string | null
  first_comment_id: string | null
  published_at: Date | null
  next_attempt_at: Date | null
  last_error: Record<string, unknown> | null
}>

const JSON_COLUMNS = new Set(["child_container_ids", "photo_ids", "last_error"])
const PROGRESS_COLUMNS = new Set([
  "status",
  "container_id",
  "child_container_ids",
  "photo_ids",
  "publish_requested_at",
  "meta_post_id",
  "permalink",
  "first_comment_id",
  "published_at",
  "next_attempt_at",
  "last_error",
])

const RETURNED = `"id", "account_id", "kind", "status", "caption", "media", "link_url", "first_comment", "first_comment_id",
  "container_id", "child_container_ids", "photo_ids", "publish_requested_at", "meta_post_id", "permalink",
  "scheduled_at", "attempts", "claim_token"`

/** Statuses a merchant may still edit or cancel (a publication whose publish call went out is not among them). */
export const CHANGEABLE_STATUSES = ["draft", "scheduled", "publishing", "failed", "missed"] as const

/**
 * Publications and the accounts they go to. Work is leased in PostgreSQL (one UPDATE … FOR UPDATE SKIP
 * LOCKED), so any number of Medusa processes can run the publishing job and each due publication is
 * advanced by one of them at a time.
 */
class MetaPublishingModuleService extends MedusaService({ MetaPublishingAccount, MetaPublication }) {
  /**
   * Leases due publications: scheduled ones whose time has come, and ones mid-way whose next attempt is
   * due — never one another process holds (its lease runs until `claimed_until`).
   */
  @InjectManager()
  async claimDuePublications(
    input: { limit: number; leaseMs: number; publicationId?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedPublication[]> {
    const token = randomUUID()
    const byId = input.publicationId !== undefined
    return boundSqlExecutor(sharedContext.manager).execute<ClaimedPublication[]>(
      `UPDATE "meta_publication" p
          SET "status" = 'publishing', "claim_token" = ?, "claimed_until" = now() + (? * interval '1 millisecond'),
              "claimed_revision" = p."revision", "attempts" = p."attempts" + 1, "next_attempt_at" = NULL, "updated_at" = now()
        WHERE p."id" IN (
          SELECT q."id" FROM "meta_publication" q
            JOIN "meta_publishing_account" a ON a."id" = q."account_id" AND a."deleted_at" IS NULL AND a."enabled"
           WHERE q."deleted_at" IS NULL
             AND (q."claimed_until" IS NULL OR q."claimed_until" < now())
             AND (${byId ? `q."id" = ? AND q."status" IN ('scheduled', 'publishing', 'draft', 'failed', 'missed')` : `
                  (q."status" = 'scheduled' AND q."scheduled_at" <= now())
                  OR (q."status" = 'publishing' AND (q."next_attempt_at" IS NULL OR q."next_attempt_at" <= now()))`})
           ORDER BY q."scheduled_at" NULLS FIRST, q."id"
           LIMIT ?
           FOR UPDATE OF q SKIP LOCKED)
      RETURNING ${RETURNED}`,
      byId ? [token, input.leaseMs, input.publicationId, 1] : [token, input.leaseMs, input.limit]
    )
  }

  /**
   * Writes the publisher's progress while it still holds the lease and the merchant has not edited or
   * cancelled the publication since the claim. Returns false when it no longer may (the caller stops).
   */
  @InjectManager()
  async saveProgress(
    id: string,
    claimToken: string,
    progress: PublicationProgress & { release?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const sets: string[] = []
    const params: unknown[] = []
    for (const [column, value] of Object.entries(progress)) {
      if (!PROGRESS_COLUMNS.has(column) || value === undefined) continue
      sets.push(`"${column}" = ?${JSON_COLUMNS.has(column) ? "::jsonb" : ""}`)
      params.push(JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value)
    }
    if (progress.release) sets.push(`"claim_token" = NULL`, `"claimed_until" = NULL`)
    sets.push(`"updated_at" = now()`)
    const rows = await boundSqlExecutor(sharedContext.manager).execute<{ id: string }[]>(
      `UPDATE "meta_publication" SET ${sets.join(", ")}
        WHERE "id" = ? AND "claim_token" = ? AND "status" = 'publishing' AND "revision" = "claimed_revision"
          AND "deleted_at" IS NULL
      RETURNING "id"`,
      [...params, id, claimToken]
    )
    return rows.length === 1
  }

  /** Extends a lease the publisher still holds (a video container can take minutes). */
  @InjectManager()
  async extendLease(id: string, claimToken: string, leaseMs: number, @MedusaContext() sharedContext: Context = {}) {
    const rows = await boundSqlExecutor(sharedContext.manager).execute<{ id: string }[]>(
      `UPDATE "meta_publication" SET "claimed_until" = now() + (? * interval '1 millisecond')
        WHERE "id" = ? AND "claim_token" = ? RETURNING "id"`,
      [leaseMs, id, claimToken]
    )
    return rows.length === 1
  }

  /**
   * A merchant's edit, cancel or reschedule: applied only while no publish call has gone out, and it
   * bumps the revision (so a worker holding the lease stops) and drops containers made from the old
   * content. Returns the row's status afterwards, or null when the publication can no longer change.
   */
  @InjectManager()
  async changePublication(
    id: string,
    change: {
      status?: "draft" | "scheduled" | "publishing" | "cancelled"
      scheduled_at?: Date | null
      caption?: string | null
      media?: unknown
      product_ids?: string[]
      link_url?: string | null
      first_comment?: string | null
      kind?: string
      contentChanged: boolean
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: string } | null> {
    const sets: string[] = [`"revision" = "revision" + 1`, `"updated_at" = now()`, `"claim_token" = NULL`, `"claimed_until" = NULL`]
    const params: unknown[] = []
    const set = (column: string, value: unknown, cast = "") => {
      sets.push(`"${column}" = ?${cast}`)
      params.push(value)
    }
    if (change.status !== undefined) set("status", change.status)
    if (change.scheduled_at !== undefined) set("scheduled_at", change.scheduled_at)
    if (change.caption !== undefined) set("caption", change.caption)
    if (change.media !== undefined) set("media", JSON.stringify(change.media), "::jsonb")
    if (change.product_ids !== undefined) set("product_ids", change.product_ids, "::text[]")
    if (change.link_url !== undefined) set("link_url", change.link_url)
    if (change.first_comment !== undefined) set("first_comment", change.first_comment)
    if (change.kind !== undefined) set("kind", change.kind)
    if (change.status === "scheduled" || change.status === "draft" || change.status === "publishing") {
      sets.push(`"attempts" = 0`, `"next_attempt_at" = NULL`, `"last_error" = NULL`)
    }
    if (change.contentChanged) {
      sets.push(`"container_id" = NULL`, `"child_container_ids" = NULL`, `"photo_ids" = NULL`)
    }
    const [row] = await boundSqlExecutor(sharedContext.manager).execute<{ id: string; status: string }[]>(
      `UPDATE "meta_publication" SET ${sets.join(", ")}
        WHERE "id" = ? AND "deleted_at" IS NULL AND "publish_requested_at" IS NULL
          AND "status" IN (${CHANGEABLE_STATUSES.map(() => "?").join(", ")})
      RETURNING "id", "status"`,
      [...params, id, ...CHANGEABLE_STATUSES]
    )
    return row ?? null
  }

  /**
   * Scheduled publications whose time passed longer ago than the grace window without a first attempt
   * (the store was down): marked missed, for the merchant to reschedule or publish now.
   */
  @InjectManager()
  async markMissedPublications(graceMs: number, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const rows = await boundSqlExecutor(sharedContext.manager).execute<{ id: string }[]>(
      `UPDATE "meta_publication"
          SET "status" = 'missed', "revision" = "revision" + 1, "updated_at" = now(),
              "last_error" = jsonb_build_object('message', 'The store was not running at the scheduled time.',
                'hint', 'Publish it now or pick a new time.', 'code', NULL, 'subcode', NULL)
        WHERE "status" = 'scheduled' AND "deleted_at" IS NULL AND "attempts" = 0 AND "publish_requested_at" IS NULL
          AND "scheduled_at" < now() - (? * interval '1 millisecond')
      RETURNING "id"`,
      [graceMs]
    )
    return rows.map((r) => r.id)
  }
}

export default MetaPublishingModuleService
