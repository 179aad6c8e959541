import { randomUUID } from "node:crypto"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { contextSqlExecutor, type SqlExecutor } from "../meta/sql-executor"
import * as insights from "./insights-repository"
import * as publications from "./publications-repository"
import * as overview from "./overview-repository"
import { MetaAccountInsight } from "./models/meta-account-insight"
import { MetaAccountPost } from "./models/meta-account-post"
import { MetaPublication } from "./models/meta-publication"
import { MetaPublicationAttribution } from "./models/meta-publication-attribution"
import { MetaPublicationInsight } from "./models/meta-publication-insight"
import { MetaPublishingAccount } from "./models/meta-publishing-account"

/** A publication as the publisher holds it while it owns the lease. */
export type ClaimedPublication = {
  id: string
  account_id: string
  kind: string
  status: string
  caption: string | null
  /** `product_tags` is set by the publisher once tags are resolved to Meta catalog ids (never stored so). */
  media: { url: string; alt_text?: string | null; type?: string | null; product_tags?: { product_id: string; x?: number; y?: number }[] }[]
  product_ids: string[] | null
  product_tags: unknown[] | null
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
  publish_warnings: Record<string, unknown>[] | null
}>

const JSON_COLUMNS = new Set(["child_container_ids", "photo_ids", "last_error", "publish_warnings"])
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
  "publish_warnings",
])

const RETURNED = `"id", "account_id", "kind", "status", "caption", "media", "product_ids", "product_tags", "link_url", "first_comment", "first_comment_id",
  "container_id", "child_container_ids", "photo_ids", "publish_requested_at", "meta_post_id", "permalink",
  "scheduled_at", "attempts", "claim_token"`

/** Statuses a merchant may still edit or cancel (a publication whose publish call went out is not among them). */
export const CHANGEABLE_STATUSES = ["draft", "scheduled", "publishing", "failed", "missed"] as const

/**
 * Publications and the accounts they go to. Work is leased in PostgreSQL (one UPDATE … FOR UPDATE SKIP
 * LOCKED), so any number of Medusa processes can run the publishing job and each due publication is
 * advanced by one of them at a time.
 */
class MetaPublishingModuleService extends MedusaService({
  MetaPublishingAccount,
  MetaPublication,
  MetaPublicationInsight,
  MetaAccountInsight,
  MetaAccountPost,
  MetaPublicationAttribution,
}) {
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
    return contextSqlExecutor(sharedContext).execute<ClaimedPublication[]>(
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
   * Leases scheduled Instagram publications due within `aheadMs` whose container is not made yet, so it
   * can be made before the due time (a container stays valid for 24 hours; media_publish still waits for
   * the time, through claimDuePublications). Each revision is prepared once: the claim records it in
   * `prepared_revision`, so a failed preparation is left to the publisher at the due time instead of being
   * tried on every run, and an edit (a new revision) makes the publication eligible again. The status stays
   * `scheduled`: the merchant can still edit or cancel it, which ends this lease.
   */
  @InjectManager()
  async claimUpcomingPublications(
    input: { limit: number; leaseMs: number; aheadMs: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedPublication[]> {
    return contextSqlExecutor(sharedContext).execute<ClaimedPublication[]>(
      `UPDATE "meta_publication" p
          SET "claim_token" = ?, "claimed_until" = now() + (? * interval '1 millisecond'),
              "claimed_revision" = p."revision", "prepared_revision" = p."revision"
        WHERE p."id" IN (
          SELECT q."id" FROM "meta_publication" q
            JOIN "meta_publishing_account" a ON a."id" = q."account_id" AND a."deleted_at" IS NULL AND a."enabled"
                 AND a."platform" = 'instagram'
           WHERE q."deleted_at" IS NULL AND q."status" = 'scheduled'
             AND q."scheduled_at" > now() AND q."scheduled_at" <= now() + (? * interval '1 millisecond')
             AND q."container_id" IS NULL AND q."publish_requested_at" IS NULL
             AND q."prepared_revision" IS DISTINCT FROM q."revision"
             AND (q."claimed_until" IS NULL OR q."claimed_until" < now())
           ORDER BY q."scheduled_at", q."id"
           LIMIT ?
           FOR UPDATE OF q SKIP LOCKED)
      RETURNING ${RETURNED}`,
      [randomUUID(), input.leaseMs, input.aheadMs, input.limit]
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
    return this.writeUnderLease(contextSqlExecutor(sharedContext), "publishing", id, claimToken, progress)
  }

  /**
   * Writes a container made ahead of the due time, under the lease of claimUpcomingPublications: only
   * while the publication is still scheduled at the revision it was claimed at (an edit or a cancel since
   * then refuses the write, and the container made from the old content is never used).
   */
  @InjectManager()
  async savePreparation(
    id: string,
    claimToken: string,
    progress: Pick<PublicationProgress, "container_id" | "child_container_ids" | "publish_warnings"> & { release?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const { container_id, child_container_ids, publish_warnings, release } = progress
    return this.writeUnderLease(contextSqlExecutor(sharedContext), "scheduled", id, claimToken, {
      container_id,
      child_container_ids,
      publish_warnings,
      release,
    })
  }

  private async writeUnderLease(
    sql: SqlExecutor,
    status: "publishing" | "scheduled",
    id: string,
    claimToken: string,
    progress: PublicationProgress & { release?: boolean }
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
    const rows = await sql.execute<{ id: string }[]>(
      `UPDATE "meta_publication" SET ${sets.join(", ")}
        WHERE "id" = ? AND "claim_token" = ? AND "status" = ? AND "revision" = "claimed_revision"
          AND "deleted_at" IS NULL
      RETURNING "id"`,
      [...params, id, claimToken, status]
    )
    return rows.length === 1
  }

  /** The publishing quota Meta reported per account (content_publishing_limit), for the admin: one statement per round. */
  @InjectManager()
  async recordQuotaReadings(
    readings: { id: string; usage: number; total: number; duration: number; checked_at: Date }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!readings.length) return
    await contextSqlExecutor(sharedContext).execute(
      `UPDATE "meta_publishing_account" a
          SET "quota_usage" = r."usage", "quota_total" = r."total", "quota_duration" = r."duration",
              "quota_checked_at" = r."checked_at", "updated_at" = now()
         FROM jsonb_to_recordset(?::jsonb) AS r("id" text, "usage" integer, "total" integer, "duration" integer, "checked_at" timestamptz)
        WHERE a."id" = r."id"`,
      [JSON.stringify(readings)]
    )
  }

  /** Extends a lease the publisher still holds (a video container can take minutes). */
  @InjectManager()
  async extendLease(id: string, claimToken: string, leaseMs: number, @MedusaContext() sharedContext: Context = {}) {
    const rows = await contextSqlExecutor(sharedContext).execute<{ id: string }[]>(
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
      product_tags?: unknown[] | null
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
    if (change.product_tags !== undefined) set("product_tags", change.product_tags === null ? null : JSON.stringify(change.product_tags), "::jsonb")
    if (change.link_url !== undefined) set("link_url", change.link_url)
    if (change.first_comment !== undefined) set("first_comment", change.first_comment)
    if (change.kind !== undefined) set("kind", change.kind)
    if (change.status === "scheduled" || change.status === "draft" || change.status === "publishing") {
      sets.push(`"attempts" = 0`, `"next_attempt_at" = NULL`, `"last_error" = NULL`)
    }
    if (change.contentChanged) {
      sets.push(`"container_id" = NULL`, `"child_container_ids" = NULL`, `"photo_ids" = NULL`, `"publish_warnings" = NULL`)
    }
    const [row] = await contextSqlExecutor(sharedContext).execute<{ id: string; status: string }[]>(
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
    const rows = await contextSqlExecutor(sharedContext).execute<{ id: string }[]>(
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

  /** The calendar's and the list's page of publications and the total, read in one statement (see listPublications). */
  @InjectManager()
  async listPublicationRows(filters: publications.PublicationListFilters, @MedusaContext() sharedContext: Context = {}) {
    return publications.listPublications(contextSqlExecutor(sharedContext), filters)
  }

  /** Claims publications whose figures are due (see claimInsightTargets): each is read by one process. */
  @InjectManager()
  async claimInsightTargets(
    input: { since: Date; limit: number; staleMs: number; accountId?: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return insights.claimInsightTargets(contextSqlExecutor(sharedContext), input)
  }

  /** Claims the accounts whose daily figures are due. */
  @InjectManager()
  async claimAccountRefresh(input: { staleMs: number; accountId?: string }, @MedusaContext() sharedContext: Context = {}) {
    return insights.claimAccountRefresh(contextSqlExecutor(sharedContext), input)
  }

  /** Writes what one refresh read for many publications, in two statements. */
  @InjectManager()
  async savePublicationInsights(rows: insights.PublicationInsightWrite[], @MedusaContext() sharedContext: Context = {}) {
    await insights.savePublicationInsights(contextSqlExecutor(sharedContext), rows)
  }

  @InjectManager()
  async saveAccountInsights(
    input: { accountId: string; days: insights.AccountInsightWrite[]; unavailableReason: string | null; followersCount: number | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    await insights.saveAccountInsights(contextSqlExecutor(sharedContext), input)
  }

  @InjectManager()
  async saveAccountPosts(accountId: string, posts: insights.AccountPostWrite[], @MedusaContext() sharedContext: Context = {}) {
    await insights.saveAccountPosts(contextSqlExecutor(sharedContext), accountId, posts)
  }

  @InjectManager()
  async newestAccountPost(accountId: string, @MedusaContext() sharedContext: Context = {}) {
    return insights.newestAccountPost(contextSqlExecutor(sharedContext), accountId)
  }

  /** An order that came through a publication's link; true when this call attributed it (once per order). */
  @InjectManager()
  async attributeOrder(row: insights.AttributionWrite, @MedusaContext() sharedContext: Context = {}) {
    return insights.attributeOrder(contextSqlExecutor(sharedContext), row)
  }

  @InjectManager()
  async attributionTotals(
    input: { publicationIds?: string[]; accountId?: string; from?: Date; to?: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return insights.attributionTotals(contextSqlExecutor(sharedContext), input)
  }

  /** Overview: publications scheduled and published today and this week, failed, and in all (one statement). */
  @InjectManager()
  async publicationCounts(input: { today: overview.PeriodBounds; week: overview.PeriodBounds }, @MedusaContext() sharedContext: Context = {}) {
    return overview.publicationCounts(contextSqlExecutor(sharedContext), input)
  }

  /** Overview and alerts: the newest failed publications with Meta's reason. */
  @InjectManager()
  async listFailedPublications(input: { limit: number; since?: Date }, @MedusaContext() sharedContext: Context = {}) {
    return overview.failedPublications(contextSqlExecutor(sharedContext), input)
  }

  /** ROI report: orders attributed to publications per local day and currency. */
  @InjectManager()
  async attributionsByDay(input: { start: Date; end: Date; timeZone: string }, @MedusaContext() sharedContext: Context = {}) {
    return overview.attributionsByDay(contextSqlExecutor(sharedContext), input)
  }

  @InjectManager()
  async retrievePublicationInsights(id: string, @MedusaContext() sharedContext: Context = {}) {
    const sql = contextSqlExecutor(sharedContext)
    const row = await insights.publicationInsightRow(sql, id)
    if (!row) return null
    return { row, history: await insights.publicationInsightHistory(sql, id) }
  }

  @InjectManager()
  async retrieveAccountInsights(
    input: { accountId: string; from: Date; to: Date; fromDay: string; toDay: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = contextSqlExecutor(sharedContext)
    const [days, publications] = await Promise.all([
      insights.accountInsightDays(sql, input),
      insights.publishedInRange(sql, input),
    ])
    return { days, publications }
  }

  /** The last 30 days of `online_followers` and every post's time and engagement, for the best-time ranking. */
  @InjectManager()
  async bestTimeInputs(input: { accountId: string; sinceDay: string }, @MedusaContext() sharedContext: Context = {}) {
    const sql = contextSqlExecutor(sharedContext)
    const [days, posts] = await Promise.all([
      insights.accountInsightDays(sql, { accountId: input.accountId, fromDay: input.sinceDay, toDay: "9999-12-31" }),
      insights.postHistory(sql, input.accountId),
    ])
    return { days, posts }
  }
}

export default MetaPublishingModuleService
