import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { isTimeZone } from "../../../lib/ads/account-time"
import { fromMetaBudget } from "../../../lib/ads/currency-offset"
import { evaluateAlerts, resolveAlertSettings, type AlertSettings, type AlertSignals } from "../../../lib/overview/alerts"
import { localDay } from "../../../lib/overview/report-time"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"
import { META_OVERVIEW_MODULE } from "../../../modules/meta-overview"
import type MetaOverviewModuleService from "../../../modules/meta-overview/service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"

export type EvaluatedAlerts = { claimed: boolean; fired: number; resolved: number; settings: AlertSettings | null }

/** One evaluation per this interval across processes; the job runs every 10 minutes on every worker. */
export const ALERT_CHECK_INTERVAL_MS = 5 * 60 * 1000
const DAY_MS = 86_400_000
/** Failures older than this were there before the alert was turned on; they are on the overview, not re-announced. */
const FAILED_PUBLICATION_WINDOW_MS = 7 * DAY_MS

/** What the store reads for one evaluation: one statement per source, features that are off left out. */
async function readSignals(container: MedusaContainer, now: Date): Promise<AlertSignals> {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const overview = container.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE)
  const connection = await meta.retrieveLiveConnection()
  const flags = meta.featureFlags(connection)
  const since24h = new Date(now.getTime() - DAY_MS)
  const [failed, catalog, capi, ruleActions, accounts] = await Promise.all([
    flags.publishing.enabled ? publishing.listFailedPublications({ limit: 20, since: new Date(now.getTime() - FAILED_PUBLICATION_WINDOW_MS) }) : [],
    flags.catalog.enabled ? meta.countCatalogItemsByStatus() : null,
    flags.capi.enabled ? meta.capiCounts({ periodStart: since24h, periodEnd: now, failingSince: since24h }) : null,
    flags.ads.enabled ? ads.listRuleActions(since24h) : [],
    flags.ads.enabled && connection?.ad_account_id ? ads.listMetaAdAccounts({ meta_id: connection.ad_account_id }) : [],
  ])
  let spend: AlertSignals["spend"] = null
  const account = accounts[0]
  if (account) {
    const timeZone = isTimeZone(account.timezone_name) ? account.timezone_name : "UTC"
    const day = localDay(now, timeZone)
    const [today] = await overview.listSpendDays({ adAccountId: account.meta_id, fromDay: day, toDay: day })
    if (today) {
      spend = {
        account_id: account.meta_id,
        currency: account.currency,
        time_zone: timeZone,
        day,
        spend_today: today.spend,
        account_ceiling: account.daily_budget_ceiling ? fromMetaBudget(account.daily_budget_ceiling, account.currency) : null,
      }
    }
  }
  return {
    connection: connection
      ? {
          id: connection.id,
          status: connection.status,
          token_expires_at: connection.token_expires_at ? new Date(connection.token_expires_at) : null,
          data_access_expires_at: connection.data_access_expires_at ? new Date(connection.data_access_expires_at) : null,
          last_error: connection.last_error ?? null,
        }
      : null,
    failedPublications: failed.map((p) => ({
      id: p.id,
      caption: p.caption,
      reason: p.last_error?.message ?? null,
      attempts: p.attempts,
      failed_at: new Date(p.failed_at),
    })),
    catalog: { errors: catalog?.error ?? 0 },
    capi: { failing: capi?.failing_recently ?? 0, last_error: capi?.last_error ?? null },
    ruleActions: ruleActions.map((r) => ({ ...r, evaluated_at: new Date(r.evaluated_at) })),
    spend,
  }
}

/**
 * Claims this round (once across processes), reads the signals, and records which causes hold: new causes
 * get an alert (sent by the next step), causes gone — or whose kind was turned off — are resolved. Nothing to
 * compensate: an alert recorded and not sent is sent by the next round.
 */
export type EvaluateMetaAlertsInput = {
  /** One round per this many ms across processes; ALERT_CHECK_INTERVAL_MS unless the job's development hook shortens it. */
  claim_interval_ms?: number
}

export const evaluateMetaAlertsStep = createStep("evaluate-meta-alerts", async (input: EvaluateMetaAlertsInput, { container }) => {
  const overview = container.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE)
  if (!(await overview.claimAlertCheck(input?.claim_interval_ms ?? ALERT_CHECK_INTERVAL_MS))) {
    return new StepResponse<EvaluatedAlerts>({ claimed: false, fired: 0, resolved: 0, settings: null })
  }
  const now = new Date()
  const settings = resolveAlertSettings((await overview.readAlertSettings()).settings)
  const causes = evaluateAlerts(await readSignals(container, now), settings, now.getTime())
  const { fired, resolved } = await overview.recordAlertCauses(causes)
  return new StepResponse<EvaluatedAlerts>({ claimed: true, fired: fired.length, resolved: resolved.length, settings })
})
