import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { contextSqlExecutor } from "../meta/sql-executor"
import * as attribution from "./attribution-repository"
import * as changes from "./change-repository"
import * as mirror from "./mirror-repository"
import * as nativeRules from "./native-rule-repository"
import * as overview from "./overview-repository"
import { MetaAd } from "./models/meta-ad"
import { MetaAdAccount } from "./models/meta-ad-account"
import { MetaAdAttribution } from "./models/meta-ad-attribution"
import { MetaAdChange } from "./models/meta-ad-change"
import { MetaAdNativeRule } from "./models/meta-ad-native-rule"
import { MetaAdNativeRuleRun } from "./models/meta-ad-native-rule-run"
import { MetaAdRule } from "./models/meta-ad-rule"
import { MetaAdRuleDecision } from "./models/meta-ad-rule-decision"
import { MetaAdSet } from "./models/meta-ad-set"
import { MetaAdSync } from "./models/meta-ad-sync"
import { MetaCampaign } from "./models/meta-campaign"

export type AdObjectType = "campaign" | "ad_set" | "ad"

const TABLES: Record<AdObjectType, string> = { campaign: "meta_campaign", ad_set: "meta_ad_set", ad: "meta_ad" }

/**
 * The mirror of the connection's ad account (campaigns, ad sets, ads and their performance) and the audit
 * log of every change made to them from the plugin.
 */
class MetaAdsModuleService extends MedusaService({
  MetaAdAccount,
  MetaCampaign,
  MetaAdSet,
  MetaAd,
  MetaAdChange,
  MetaAdRule,
  MetaAdRuleDecision,
  MetaAdAttribution,
  MetaAdNativeRule,
  MetaAdNativeRuleRun,
  MetaAdSync,
}) {
  @InjectManager()
  async saveAdAccount(row: mirror.AccountRow, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    return mirror.upsertAccount(contextSqlExecutor(sharedContext), row)
  }

  /** Writes a whole mirror pass in three statements (and drops what Meta no longer lists). */
  @InjectManager()
  async saveMirror(
    input: { accountId: string; campaigns: mirror.CampaignRow[]; adSets: mirror.AdSetRow[]; ads: mirror.AdRow[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await mirror.saveMirror(contextSqlExecutor(sharedContext), input)
  }

  /** One level's performance for some ranges, for every mirrored object of the account at that level. */
  @InjectManager()
  async saveInsights(
    input: { accountId: string; level: mirror.InsightsLevel; ranges: string[]; rows: { meta_id: string; insights: Record<string, unknown> }[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await mirror.saveInsights(contextSqlExecutor(sharedContext), input)
  }

  /** The account's campaigns, ad sets and ads as rules read them: plain rows, fast for 10,000 ads. */
  @InjectManager()
  async readRuleMirror(accountId: string, @MedusaContext() sharedContext: Context = {}): Promise<mirror.RuleMirror> {
    return mirror.readRuleMirror(contextSqlExecutor(sharedContext), accountId)
  }

  /** Where the ad account's mirror stands after a run (complete, part-done, waiting for Meta's limits). */
  @InjectManager()
  async saveSyncState(row: mirror.SyncStateRow, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await mirror.saveSyncState(contextSqlExecutor(sharedContext), row)
  }

  /** beginChange for a whole Graph batch of changes, in one statement (each keeps its idempotency key). */
  @InjectManager()
  async beginChanges(rows: changes.NewChangeRow[], @MedusaContext() sharedContext: Context = {}): Promise<changes.BegunChange[]> {
    return changes.beginChanges(contextSqlExecutor(sharedContext), rows)
  }

  /** finishChange for a whole Graph batch: applied or failed per item, applied values into the mirror. */
  @InjectManager()
  async finishChanges(rows: changes.FinishedChange[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await changes.finishChanges(contextSqlExecutor(sharedContext), rows)
  }

  /** Pending changes of these actors the mirror shows Meta took (its answer was lost): marked applied. */
  @InjectManager()
  async confirmPendingChanges(actors: string[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return changes.confirmPendingChanges(contextSqlExecutor(sharedContext), actors)
  }

  /**
   * Records a change before it is sent. With an idempotency key, a second call for the same key returns
   * the first change (`created: false`) instead of making another.
   */
  @InjectManager()
  async beginChange(
    // The batch writes' row (change-repository), one at a time and with an optional key.
    input: Omit<changes.NewChangeRow, "idempotency_key"> & { idempotency_key?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; status: string; created: boolean }> {
    const sql = contextSqlExecutor(sharedContext)
    const [row] = await sql.execute<{ id: string; status: string }[]>(
      `INSERT INTO "meta_ad_change" ("id", "object_type", "object_meta_id", "actor", "action", "before", "after", "request", "status",
         "idempotency_key", "created_at", "updated_at")
       VALUES ('metaadchg_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, 'pending', ?, now(), now())
       ON CONFLICT ("idempotency_key") WHERE "deleted_at" IS NULL AND "idempotency_key" IS NOT NULL DO NOTHING
       RETURNING "id", "status"`,
      [
        input.object_type,
        input.object_meta_id,
        input.actor,
        input.action,
        input.before === null ? null : JSON.stringify(input.before),
        input.after === null ? null : JSON.stringify(input.after),
        JSON.stringify(input.request),
        input.idempotency_key ?? null,
      ]
    )
    if (row) return { ...row, created: true }
    const [existing] = await sql.execute<{ id: string; status: string }[]>(
      `SELECT "id", "status" FROM "meta_ad_change" WHERE "idempotency_key" = ? AND "deleted_at" IS NULL`,
      [input.idempotency_key]
    )
    return { ...existing, created: false }
  }

  /** Marks a change applied (and writes its values into the mirror at once) or failed with Meta's reason. */
  @InjectManager()
  async finishChange(
    input: { id: string; object_type: AdObjectType; object_meta_id: string; applied: boolean; error?: string | null; values?: Record<string, string | null> },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const sql = contextSqlExecutor(sharedContext)
    await sql.execute(
      `UPDATE "meta_ad_change" SET "status" = ?, "error" = ?, "applied_at" = CASE WHEN ? THEN now() ELSE NULL END, "updated_at" = now() WHERE "id" = ?`,
      [input.applied ? "applied" : "failed", input.error ?? null, input.applied, input.id]
    )
    if (!input.applied || !input.values) return
    // An ad has no budget of its own; a rule's "after" still says daily_budget: null for it.
    const allowed = input.object_type === "ad" ? ["status", "effective_status"] : ["status", "daily_budget", "lifetime_budget", "effective_status"]
    const entries = Object.entries(input.values).filter(([k]) => allowed.includes(k))
    if (!entries.length) return
    await sql.execute(
      `UPDATE "${TABLES[input.object_type]}" SET ${entries.map(([k]) => `"${k}" = ?`).join(", ")}, "updated_at" = now()
        WHERE "meta_id" = ? AND "deleted_at" IS NULL`,
      [...entries.map(([, v]) => v), input.object_meta_id]
    )
  }

  /** What a change produced at Meta (e.g. the copy's id), kept with it in the log. */
  @InjectManager()
  async recordChangeResult(id: string, result: Record<string, unknown>, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await contextSqlExecutor(sharedContext).execute(
      `UPDATE "meta_ad_change" SET "after" = COALESCE(NULLIF("after", 'null'::jsonb), '{}'::jsonb) || ?::jsonb, "updated_at" = now() WHERE "id" = ?`,
      [JSON.stringify(result), id]
    )
  }

  /**
   * Claims the enabled rules due for evaluation (not evaluated for `intervalMs`), or one named rule: the
   * claim stamps `last_evaluated_at`, so two evaluators running at once evaluate each rule once.
   */
  @InjectManager()
  async claimDueRules(input: { intervalMs: number; ruleId?: string }, @MedusaContext() sharedContext: Context = {}) {
    return contextSqlExecutor(sharedContext).execute<{ id: string; name: string; definition: Record<string, unknown> }[]>(
      `UPDATE "meta_ad_rule" r SET "last_evaluated_at" = now(), "updated_at" = now()
        WHERE r."id" IN (
          SELECT q."id" FROM "meta_ad_rule" q
           WHERE q."deleted_at" IS NULL AND q."enabled" ${input.ruleId ? `AND q."id" = ?` : ""}
             AND (q."last_evaluated_at" IS NULL OR q."last_evaluated_at" <= now() - (? * interval '1 millisecond'))
           FOR UPDATE OF q SKIP LOCKED)
      RETURNING r."id", r."name", r."definition"`,
      input.ruleId ? [input.ruleId, input.intervalMs] : [input.intervalMs]
    )
  }

  /** Writes one evaluation's decisions in one statement. */
  @InjectManager()
  async saveRuleDecisions(rows: Record<string, unknown>[], @MedusaContext() sharedContext: Context = {}) {
    if (!rows.length) return
    await contextSqlExecutor(sharedContext).execute(
      `INSERT INTO "meta_ad_rule_decision" ("id", "rule_id", "evaluation_id", "object_type", "object_meta_id", "acted", "action", "skip_code",
         "skipped_reason", "note", "lookback", "numbers", "before", "after", "dry_run", "change_id", "evaluated_at", "created_at", "updated_at")
       SELECT 'metaaddec_' || replace(gen_random_uuid()::text, '-', ''), r."rule_id", r."evaluation_id", r."object_type", r."object_meta_id",
              r."acted", r."action", r."skip_code", r."skipped_reason", r."note", r."lookback", r."numbers", r."before", r."after", r."dry_run",
              r."change_id", r."evaluated_at", now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS r("rule_id" text, "evaluation_id" text, "object_type" text, "object_meta_id" text, "acted" boolean,
              "action" text, "skip_code" text, "skipped_reason" text, "note" text, "lookback" text, "numbers" jsonb, "before" jsonb,
              "after" jsonb, "dry_run" boolean, "change_id" text, "evaluated_at" timestamptz)
       ON CONFLICT ("evaluation_id", "object_meta_id") WHERE "deleted_at" IS NULL DO NOTHING`,
      [JSON.stringify(rows)]
    )
  }

  /**
   * Retention of the decision log: a decision that changed nothing (skipped, or a dry run) is kept for
   * SKIPPED_DECISION_RETENTION_DAYS, then deleted, at most `limit` per call (an evaluation of 20 rules over
   * 10,000 ads logs 200,000 rows, every 30 minutes). Decisions that acted are the audit log and stay.
   */
  @InjectManager()
  async pruneSkippedRuleDecisions(olderThan: Date, limit = 50_000, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const rows = await contextSqlExecutor(sharedContext).execute<{ id: string }[]>(
      `DELETE FROM "meta_ad_rule_decision" WHERE "id" IN (
         SELECT "id" FROM "meta_ad_rule_decision" WHERE "evaluated_at" < ? AND NOT "acted" LIMIT ?)
       RETURNING "id"`,
      [olderThan, limit]
    )
    return rows.length
  }

  /** The acted decisions of a rule since `since` (cooldowns, daily maximums and resumes look at them). */
  @InjectManager()
  async ruleHistory(ruleId: string, since: Date, @MedusaContext() sharedContext: Context = {}) {
    return contextSqlExecutor(sharedContext).execute<{ object_meta_id: string; action: string; evaluated_at: Date | string }[]>(
      `SELECT "object_meta_id", "action", "evaluated_at" FROM "meta_ad_rule_decision"
        WHERE "rule_id" = ? AND "acted" AND "deleted_at" IS NULL AND "evaluated_at" >= ? ORDER BY "evaluated_at"`,
      [ruleId, since]
    )
  }

  /**
   * A created object's Meta id, written the moment Meta returns it (the change row then names the
   * object); `applied` marks the change done, otherwise it stays pending (a creation still under way).
   */
  @InjectManager()
  async recordCreatedObject(
    input: { id: string; object_meta_id: string; applied: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await contextSqlExecutor(sharedContext).execute(
      `UPDATE "meta_ad_change" SET "object_meta_id" = ?, "after" = COALESCE("after", '{}'::jsonb) || ?::jsonb, "error" = NULL,
         "status" = CASE WHEN ? THEN 'applied' ELSE 'pending' END, "applied_at" = CASE WHEN ? THEN now() ELSE NULL END, "updated_at" = now()
       WHERE "id" = ?`,
      [input.object_meta_id, JSON.stringify({ id: input.object_meta_id }), input.applied, input.applied, input.id]
    )
  }

  /**
   * The safety net's rules after a change at Meta, in one transaction: rules created there are recorded, changed
   * ones get their new spec, threshold and status, removed ones are soft-deleted (their runs stay).
   */
  @InjectTransactionManager()
  async saveSafetyNetRules(
    input: {
      create: { ad_account_meta_id: string; kind: "spend_cap" | "frequency_cap"; meta_rule_id: string; spec: Record<string, unknown>; threshold: string; status: "ENABLED" | "DISABLED" }[]
      update: { id: string; spec: Record<string, unknown>; threshold: string; status: "ENABLED" | "DISABLED" }[]
      remove: string[]
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ created: string[] }> {
    const created = input.create.length ? await this.createMetaAdNativeRules(input.create, sharedContext) : []
    if (input.update.length) await this.updateMetaAdNativeRules(input.update, sharedContext)
    if (input.remove.length) await this.softDeleteMetaAdNativeRules(input.remove, {}, sharedContext)
    return { created: created.map((rule) => rule.id) }
  }

  /** Mirrored history of the safety net's rules, each (rule, time) once; returns how many runs were new. */
  @InjectManager()
  async saveNativeRuleRuns(rows: nativeRules.NativeRuleRunRow[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return nativeRules.insertRuns(contextSqlExecutor(sharedContext), rows)
  }

  @InjectManager()
  async newestNativeRuleRunAt(metaRuleId: string, @MedusaContext() sharedContext: Context = {}): Promise<Date | null> {
    return nativeRules.newestRunAt(contextSqlExecutor(sharedContext), metaRuleId)
  }

  /** The ad account's safety-net runs, newest first. */
  @InjectManager()
  async recentNativeRuleRuns(adAccountMetaId: string, limit: number, @MedusaContext() sharedContext: Context = {}) {
    return nativeRules.recentRuns(contextSqlExecutor(sharedContext), adAccountMetaId, limit)
  }

  /** Overview: the account's mirrored campaigns with their ranged performance (one statement). */
  @InjectManager()
  async listAccountCampaigns(adAccountMetaId: string, @MedusaContext() sharedContext: Context = {}) {
    return overview.accountCampaigns(contextSqlExecutor(sharedContext), adAccountMetaId)
  }

  /** Overview: rule decisions made in a period, and how many acted. */
  @InjectManager()
  async countRuleDecisions(input: { from: Date; to: Date }, @MedusaContext() sharedContext: Context = {}) {
    return overview.decisionCounts(contextSqlExecutor(sharedContext), input)
  }

  /** Alerts: evaluations since `since` in which a rule changed something. */
  @InjectManager()
  async listRuleActions(since: Date, @MedusaContext() sharedContext: Context = {}) {
    return overview.ruleActions(contextSqlExecutor(sharedContext), since)
  }

  /** Overview: products shown by the account's delivering ads, with how many ads show each. */
  @InjectManager()
  async listAdvertisedProducts(adAccountMetaId: string, @MedusaContext() sharedContext: Context = {}) {
    return overview.advertisedProducts(contextSqlExecutor(sharedContext), adAccountMetaId)
  }

  /** ROI report: orders attributed to ads per local day and currency. */
  @InjectManager()
  async adAttributionsByDay(input: { start: Date; end: Date; timeZone: string }, @MedusaContext() sharedContext: Context = {}) {
    return overview.adAttributionsByDay(contextSqlExecutor(sharedContext), input)
  }

  /** The Medusa products a mirrored ad shows (a boosted publication's, a catalog product set's). */
  @InjectManager()
  async setAdProductIds(adMetaId: string, productIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await contextSqlExecutor(sharedContext).execute(
      `UPDATE "meta_ad" SET "product_ids" = ?::text[], "updated_at" = now() WHERE "meta_id" = ? AND "deleted_at" IS NULL`,
      [productIds, adMetaId]
    )
  }

  /**
   * Credits an order to the Meta ad its shopper came from, once: the ad set and campaign come from the mirror
   * when it knows the landing's ids, else from the landing. `created: false` when the order already had an
   * attribution (a second order.placed), and nothing is written.
   */
  @InjectManager()
  async recordAdAttribution(
    row: attribution.AdAttributionWrite,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ created: boolean } & attribution.AdHierarchy> {
    const sql = contextSqlExecutor(sharedContext)
    const claimed = [row.ad_meta_id, row.ad_set_meta_id, row.campaign_meta_id].filter((id): id is string => !!id)
    const mirrored = await attribution.mirroredHierarchy(sql, claimed)
    // The mirror's levels win; a claimed id the mirror does not place elsewhere fills what it left open.
    const placed = new Set([mirrored?.ad_meta_id, mirrored?.ad_set_meta_id, mirrored?.campaign_meta_id].filter(Boolean))
    const fill = (known: string | null | undefined, claim: string | null) => known ?? (claim && !placed.has(claim) ? claim : null)
    const resolved: attribution.AdHierarchy = {
      ad_meta_id: fill(mirrored?.ad_meta_id, row.ad_meta_id),
      ad_set_meta_id: fill(mirrored?.ad_set_meta_id, row.ad_set_meta_id),
      campaign_meta_id: fill(mirrored?.campaign_meta_id, row.campaign_meta_id),
    }
    const created = await attribution.insertAttribution(sql, { ...row, ...resolved })
    return { created, ...resolved }
  }

  /** Attributed orders and revenue per ad, ad set, campaign and the account, per lookback and currency, in one query. */
  @InjectManager()
  async storeRevenue(
    input: { timeZone: string; ranges: { lookback: string; since: string; until: string }[]; metaIds?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<attribution.StoreRevenueRow[]> {
    return attribution.storeRevenue(contextSqlExecutor(sharedContext), input)
  }
}

export default MetaAdsModuleService
