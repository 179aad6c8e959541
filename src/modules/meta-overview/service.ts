import { hostname } from "node:os"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { GraphUsageSnapshot } from "../../lib/graph/usage-headers"
import type { AlertCause, AlertKind } from "../../lib/overview/alerts"
import { contextSqlExecutor } from "../meta/sql-executor"
import { MetaAdSpendDay } from "./models/meta-ad-spend-day"
import { MetaAlert } from "./models/meta-alert"
import { MetaAlertSettings } from "./models/meta-alert-settings"
import { MetaApiUsage } from "./models/meta-api-usage"

const newId = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`

export type StoredAlert = {
  id: string
  kind: AlertKind
  cause_key: string
  status: "active" | "resolved"
  title: string
  description: string
  link: string
  numbers: Record<string, unknown> | null
  fired_at: Date | string
  resolved_at: Date | string | null
  notification_id: string | null
}

export type SpendDayRow = { day: string; spend: string; purchase_value: string; purchases: number }

const ALERT_COLUMNS = `"id", "kind", "cause_key", "status", "title", "description", "link", "numbers", "fired_at", "resolved_at", "notification_id"`

/**
 * What the Meta overview keeps of its own: the alerts it sent (one per cause), the alert settings, Meta's
 * daily spend of the ad account for the ROI report, and each process's last API usage reading.
 */
class MetaOverviewModuleService extends MedusaService({ MetaAlert, MetaAlertSettings, MetaAdSpendDay, MetaApiUsage }) {
  /** The stored alert settings (an empty object until an admin saves some; the defaults fill the rest). */
  @InjectManager()
  async readAlertSettings(@MedusaContext() sharedContext: Context = {}): Promise<{ settings: unknown; evaluated_at: Date | null }> {
    const sql = contextSqlExecutor(sharedContext)
    await this.ensureSettingsRow(sql)
    const [row] = await sql.execute<{ settings: unknown; evaluated_at: Date | null }[]>(
      `SELECT "settings", "evaluated_at" FROM "meta_alert_settings" WHERE "scope" = 'store' AND "deleted_at" IS NULL`
    )
    return row
  }

  @InjectManager()
  async saveAlertSettings(settings: Record<string, unknown>, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const sql = contextSqlExecutor(sharedContext)
    await this.ensureSettingsRow(sql)
    await sql.execute(`UPDATE "meta_alert_settings" SET "settings" = ?::jsonb, "updated_at" = now() WHERE "scope" = 'store' AND "deleted_at" IS NULL`, [
      JSON.stringify(settings),
    ])
  }

  /**
   * Claims this round of the alert check: true for exactly one caller per `intervalMs` (the row lock makes a
   * second process wait, then see the new time and get false).
   */
  @InjectManager()
  async claimAlertCheck(intervalMs: number, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const sql = contextSqlExecutor(sharedContext)
    await this.ensureSettingsRow(sql)
    const rows = await sql.execute<{ id: string }[]>(
      `UPDATE "meta_alert_settings" SET "evaluated_at" = now(), "updated_at" = now()
        WHERE "scope" = 'store' AND "deleted_at" IS NULL
          AND ("evaluated_at" IS NULL OR "evaluated_at" <= now() - (? * interval '1 millisecond'))
      RETURNING "id"`,
      [intervalMs]
    )
    return rows.length === 1
  }

  /**
   * Records the causes that hold now: a cause without an active alert gets one (returned, to be sent), an
   * active alert whose cause is gone — or whose kind is now off — is resolved. Two statements whatever the
   * number of causes.
   */
  @InjectManager()
  async recordAlertCauses(
    causes: AlertCause[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ fired: StoredAlert[]; resolved: string[] }> {
    const sql = contextSqlExecutor(sharedContext)
    const fired = causes.length
      ? await sql.execute<StoredAlert[]>(
          `INSERT INTO "meta_alert" ("id", "kind", "cause_key", "status", "title", "description", "link", "numbers", "fired_at", "created_at", "updated_at")
           SELECT ${newId("metaalert")}, r."kind", r."cause_key", 'active', r."title", r."description", r."link", r."numbers", now(), now(), now()
             FROM jsonb_to_recordset(?::jsonb) AS r("kind" text, "cause_key" text, "title" text, "description" text, "link" text, "numbers" jsonb)
           ON CONFLICT ("cause_key") WHERE deleted_at IS NULL AND status = 'active' DO NOTHING
           RETURNING ${ALERT_COLUMNS}`,
          [JSON.stringify(causes)]
        )
      : []
    const resolved = await sql.execute<{ id: string }[]>(
      `UPDATE "meta_alert" SET "status" = 'resolved', "resolved_at" = now(), "updated_at" = now()
        WHERE "status" = 'active' AND "deleted_at" IS NULL AND NOT ("cause_key" = ANY(?::text[]))
      RETURNING "id"`,
      [causes.map((c) => c.cause_key)]
    )
    return { fired, resolved: resolved.map((r) => r.id) }
  }

  /** Active alerts no notification went out for yet (just fired, or a send that failed last round). */
  @InjectManager()
  async listUnsentAlerts(@MedusaContext() sharedContext: Context = {}): Promise<StoredAlert[]> {
    return contextSqlExecutor(sharedContext).execute<StoredAlert[]>(
      `SELECT ${ALERT_COLUMNS} FROM "meta_alert" WHERE "status" = 'active' AND "deleted_at" IS NULL AND "notification_id" IS NULL ORDER BY "fired_at", "id"`
    )
  }

  @InjectManager()
  async markAlertSent(id: string, notificationId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await contextSqlExecutor(sharedContext).execute(
      `UPDATE "meta_alert" SET "notification_id" = ?, "updated_at" = now() WHERE "id" = ? AND "notification_id" IS NULL`,
      [notificationId, id]
    )
  }

  /** The alerts whose cause holds, newest first. */
  @InjectManager()
  async listActiveAlerts(limit: number, @MedusaContext() sharedContext: Context = {}): Promise<StoredAlert[]> {
    return contextSqlExecutor(sharedContext).execute<StoredAlert[]>(
      `SELECT ${ALERT_COLUMNS} FROM "meta_alert" WHERE "status" = 'active' AND "deleted_at" IS NULL ORDER BY "fired_at" DESC, "id" LIMIT ?`,
      [limit]
    )
  }

  /** Meta's figures for these days of the account, replacing what an earlier read stored (one statement). */
  @InjectManager()
  async saveSpendDays(
    input: { adAccountId: string; currency: string; days: SpendDayRow[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!input.days.length) return
    await contextSqlExecutor(sharedContext).execute(
      `INSERT INTO "meta_ad_spend_day" ("id", "ad_account_id", "day", "currency", "spend", "purchase_value", "purchases", "synced_at", "created_at", "updated_at")
       SELECT ${newId("metaspend")}, ?, r."day", ?, r."spend", r."purchase_value", r."purchases", now(), now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS r("day" text, "spend" text, "purchase_value" text, "purchases" integer)
       ON CONFLICT ("ad_account_id", "day") WHERE deleted_at IS NULL DO UPDATE SET
         "currency" = EXCLUDED."currency", "spend" = EXCLUDED."spend", "purchase_value" = EXCLUDED."purchase_value",
         "purchases" = EXCLUDED."purchases", "synced_at" = now(), "updated_at" = now()`,
      [input.adAccountId, input.currency, JSON.stringify(input.days)]
    )
  }

  /** The account's stored days from `fromDay` to `toDay` (both included), oldest first. */
  @InjectManager()
  async listSpendDays(
    input: { adAccountId: string; fromDay: string; toDay: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<(SpendDayRow & { currency: string })[]> {
    return contextSqlExecutor(sharedContext).execute(
      `SELECT "day", "currency", "spend", "purchase_value", "purchases" FROM "meta_ad_spend_day"
        WHERE "ad_account_id" = ? AND "deleted_at" IS NULL AND "day" >= ? AND "day" <= ? ORDER BY "day"`,
      [input.adAccountId, input.fromDay, input.toDay]
    )
  }

  /** The newest day stored for the account, or null (the first read then goes further back). */
  @InjectManager()
  async latestSpendDay(adAccountId: string, @MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const [row] = await contextSqlExecutor(sharedContext).execute<{ day: string | null }[]>(
      `SELECT max("day") AS "day" FROM "meta_ad_spend_day" WHERE "ad_account_id" = ? AND "deleted_at" IS NULL`,
      [adAccountId]
    )
    return row?.day ?? null
  }

  /** A process's last usage reading (replaces its previous one), keyed by host and process id (this one's by default). */
  @InjectManager()
  async recordApiUsage(
    snapshot: GraphUsageSnapshot,
    processKey: string = `${hostname()}:${process.pid}`,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await contextSqlExecutor(sharedContext).execute(
      `INSERT INTO "meta_api_usage" ("id", "process_key", "snapshot", "recorded_at", "created_at", "updated_at")
       VALUES (${newId("metausage")}, ?, ?::jsonb, now(), now(), now())
       ON CONFLICT ("process_key") WHERE deleted_at IS NULL DO UPDATE SET "snapshot" = EXCLUDED."snapshot", "recorded_at" = now(), "updated_at" = now()`,
      [processKey, JSON.stringify(snapshot)]
    )
  }

  /** The usage readings processes recorded within `withinMs` (older ones belong to processes long gone). */
  @InjectManager()
  async listRecentApiUsage(withinMs: number, @MedusaContext() sharedContext: Context = {}): Promise<GraphUsageSnapshot[]> {
    const rows = await contextSqlExecutor(sharedContext).execute<{ snapshot: GraphUsageSnapshot }[]>(
      `SELECT "snapshot" FROM "meta_api_usage" WHERE "deleted_at" IS NULL AND "recorded_at" >= now() - (? * interval '1 millisecond')`,
      [withinMs]
    )
    return rows.map((r) => r.snapshot)
  }

  private async ensureSettingsRow(sql: ReturnType<typeof contextSqlExecutor>): Promise<void> {
    await sql.execute(
      `INSERT INTO "meta_alert_settings" ("id", "scope", "settings", "created_at", "updated_at")
       VALUES (${newId("metaalertset")}, 'store', '{}'::jsonb, now(), now())
       ON CONFLICT ("scope") WHERE deleted_at IS NULL DO NOTHING`
    )
  }
}

export default MetaOverviewModuleService
