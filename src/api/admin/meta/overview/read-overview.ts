import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deriveAdMetrics, type InsightsRow } from "../../../../lib/ads/ad-metrics"
import { summarizeMatchQualityGroups } from "../../../../lib/capi"
import { connectionStatus, presentUsage } from "../../../../lib/connection"
import { FEATURE_NAMES } from "../../../../lib/connection/features"
import { FEATURE_PERMISSIONS, missingPermissionsByFeature } from "../../../../lib/oauth/permissions"
import { accessOutlook, mergeUsageSnapshots } from "../../../../lib/overview/connection-outlook"
import { formatAmount, roas, sumAmounts } from "../../../../lib/overview/amounts"
import { monthStart } from "../../../../lib/overview/report-time"
import { isOutOfStock, suggest, type StockProduct } from "../../../../lib/overview/suggestions"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import { META_OVERVIEW_MODULE } from "../../../../modules/meta-overview"
import type MetaOverviewModuleService from "../../../../modules/meta-overview/service"
import { META_PUBLISHING_MODULE } from "../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../modules/meta-publishing/service"
import type { MetaConnectionStatus } from "../../../../types/http/connection"
import type { MetaAlert, MetaOverview, MetaOverviewAds, MetaOverviewConnection } from "../../../../types/http/overview"
import { loadStoreRevenue } from "../campaigns/present-ads"
import { currentPeriods, resolveReportContext, type AdAccountRow } from "./report-context"

/** Usage readings older than this belong to processes that stopped (or made no Meta call since). */
const USAGE_WINDOW_MS = 60 * 60 * 1000
const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null)
const asDate = (v: Date | string | null | undefined) => (v ? new Date(v) : null)

async function readAds(
  scope: MedusaContainer,
  ctx: Awaited<ReturnType<typeof resolveReportContext>>,
  enabled: boolean,
  week: { start: Date; end: Date },
  todayDay: string
): Promise<{ ads: MetaOverviewAds; activeCampaigns: { meta_id: string; name: string; spend_7d: string; roas_7d: string | null }[]; advertised: { product_id: string; ads: number }[] }> {
  const links = { campaigns: "/meta/campaigns", active: "/meta/campaigns?status=ACTIVE&range=last_30d", rules: "/meta/rules", report: "/meta" }
  const account = ctx.account as AdAccountRow | null
  const decisions = await ctx.ads.countRuleDecisions({ from: week.start, to: week.end })
  const currency = ctx.currency
  if (!account) {
    return {
      ads: {
        enabled,
        account: null,
        selected_account_id: (ctx.connection?.ad_account_id as string | null | undefined) ?? null,
        campaigns: 0,
        active_campaigns: 0,
        spend_this_month: formatAmount("0", currency),
        spend_synced_at: null,
        spend_last_30d: formatAmount("0", currency),
        meta_purchase_value_last_30d: formatAmount("0", currency),
        meta_roas_last_30d: null,
        store_orders_last_30d: 0,
        store_revenue_last_30d: formatAmount("0", currency),
        store_roas_last_30d: null,
        rule_decisions_this_week: decisions.decisions,
        rule_actions_this_week: decisions.acted,
        links,
      },
      activeCampaigns: [],
      advertised: [],
    }
  }
  const overview = scope.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE)
  const [campaigns, monthDays, store, advertised, [lastSpendRead]] = await Promise.all([
    ctx.ads.listAccountCampaigns(account.meta_id),
    overview.listSpendDays({ adAccountId: account.meta_id, fromDay: monthStart(todayDay), toDay: todayDay }),
    // Account totals only (no ad, ad-set or campaign rows): the overview shows the account's figures.
    loadStoreRevenue(ctx.ads, account, []),
    ctx.ads.listAdvertisedProducts(account.meta_id),
    overview.listMetaAdSpendDays({ ad_account_id: account.meta_id }, { order: { synced_at: "DESC" }, take: 1, select: ["synced_at"] }),
  ])
  const metrics = campaigns.map((c) => {
    const insights = (c.insights ?? {}) as Record<string, InsightsRow | undefined>
    return { campaign: c, last_7d: deriveAdMetrics(insights.last_7d ?? {}), last_30d: deriveAdMetrics(insights.last_30d ?? {}) }
  })
  const spend30 = sumAmounts(metrics.map((m) => m.last_30d.spend), currency)
  const purchase30 = sumAmounts(metrics.map((m) => m.last_30d.purchase_value), currency)
  const storeTotals = store.totals.last_30d
  const storeRevenue = formatAmount(storeTotals?.revenue ?? "0", currency)
  const spendIsZero = /^0(\.0+)?$/.test(spend30)
  return {
    ads: {
      enabled,
      account: { meta_id: account.meta_id, name: account.name, currency: account.currency, timezone_name: account.timezone_name },
      selected_account_id: account.meta_id,
      campaigns: campaigns.length,
      active_campaigns: campaigns.filter((c) => c.status === "ACTIVE").length,
      spend_this_month: sumAmounts(monthDays.map((d) => d.spend), currency),
      spend_synced_at: lastSpendRead ? new Date(lastSpendRead.synced_at).toISOString() : null,
      spend_last_30d: spend30,
      meta_purchase_value_last_30d: purchase30,
      meta_roas_last_30d: spendIsZero ? null : roas(purchase30, spend30),
      store_orders_last_30d: storeTotals?.orders ?? 0,
      store_revenue_last_30d: storeRevenue,
      store_roas_last_30d: spendIsZero ? null : roas(storeRevenue, spend30),
      rule_decisions_this_week: decisions.decisions,
      rule_actions_this_week: decisions.acted,
      links,
    },
    activeCampaigns: metrics
      .filter((m) => m.campaign.effective_status === "ACTIVE")
      .map((m) => ({ meta_id: m.campaign.meta_id, name: m.campaign.name, spend_7d: m.last_7d.spend, roas_7d: m.last_7d.roas })),
    advertised,
  }
}

/** Of the advertised products, the ones no variant of which can be sold now (one Query read for all of them). */
async function outOfStock(scope: MedusaContainer, advertised: { product_id: string; ads: number }[]) {
  if (!advertised.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "title",
      "variants.manage_inventory",
      "variants.allow_backorder",
      "variants.inventory_items.required_quantity",
      "variants.inventory_items.inventory.location_levels.stocked_quantity",
      "variants.inventory_items.inventory.location_levels.reserved_quantity",
    ],
    filters: { id: advertised.map((a) => a.product_id) },
  })
  const adsOf = new Map(advertised.map((a) => [a.product_id, a.ads]))
  return (data as StockProduct[])
    .filter(isOutOfStock)
    .map((p) => ({ product_id: p.id, title: p.title ?? p.id, ads: adsOf.get(p.id) ?? 0 }))
    .sort((a, b) => b.ads - a.ads)
}

/**
 * The overview: every figure read from where its own screen reads it (the same module methods and filters),
 * so a number here equals the number behind its link. Each read is one statement; they run side by side.
 */
export async function readOverview(scope: MedusaContainer, now: Date = new Date()): Promise<MetaOverview> {
  const meta = scope.resolve<MetaModuleService>(META_MODULE)
  const publishing = scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const overview = scope.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE)
  // What needs neither the connection nor the account's time zone starts at once, beside their read.
  const independent = Promise.all([
    meta.countCatalogItemsByStatus(),
    publishing.listFailedPublications({ limit: 5 }),
    overview.listActiveAlerts(20),
    // This process's readings join the others' before they are read (a server process runs no jobs).
    overview.recordApiUsage(meta.getGraphClient().usage()).then(() => overview.listRecentApiUsage(USAGE_WINDOW_MS)),
  ])
  // Awaited below; this keeps a failure there from surfacing as unhandled when the context read fails first.
  independent.catch(() => undefined)
  const ctx = await resolveReportContext(scope)
  const { connection, timeZone } = ctx
  const flags = meta.featureFlags(connection)
  const { todayDay, today, week } = currentPeriods(now, timeZone)

  const [[catalogCounts, failures, alerts, usage], capi, webhooks, publications, adsPart] = await Promise.all([
    independent,
    meta.capiCounts({ periodStart: week.start, periodEnd: week.end, failingSince: new Date(now.getTime() - 86_400_000) }),
    meta.webhookCounts({ periodStart: week.start, periodEnd: week.end }),
    publishing.publicationCounts({ today: { from: today.start, to: new Date(today.end.getTime() - 1) }, week: { from: week.start, to: new Date(week.end.getTime() - 1) } }),
    readAds(scope, ctx, flags.ads.enabled, week, todayDay),
  ])
  const outOfStockAdvertised = flags.ads.enabled ? await outOfStock(scope, adsPart.advertised) : []

  let connectionView: MetaOverviewConnection | null = null
  if (connection) {
    const status = connectionStatus(connection.status as MetaConnectionStatus, connection.token_expires_at, now.getTime())
    const granted = (connection.granted_scopes as string[] | null) ?? []
    const missing = missingPermissionsByFeature(granted, [...FEATURE_NAMES])
    const grantedSet = new Set(granted.map((p) => p.toLowerCase()))
    connectionView = {
      status,
      method: connection.method as "oauth" | "system_user",
      meta_user_name: connection.meta_user_name ?? null,
      token_expires_at: iso(connection.token_expires_at),
      data_access_expires_at: iso(connection.data_access_expires_at),
      outlook: accessOutlook(
        {
          status,
          method: connection.method as "oauth" | "system_user",
          token_expires_at: asDate(connection.token_expires_at),
          data_access_expires_at: asDate(connection.data_access_expires_at),
          last_error: connection.last_error ?? null,
        },
        now.getTime()
      ),
      features: FEATURE_NAMES.map((feature) => ({
        feature,
        enabled: flags[feature].enabled,
        needed: [...FEATURE_PERMISSIONS[feature]],
        granted: FEATURE_PERMISSIONS[feature].filter((p) => grantedSet.has(p)),
        missing: missing[feature],
      })),
      api_usage: presentUsage(mergeUsageSnapshots(usage)),
      usage_processes: usage.length,
      link: "/settings/meta",
    }
  }

  const result: MetaOverview = {
    generated_at: now.toISOString(),
    time_zone: timeZone,
    today: { from: today.from, to: today.to, from_day: today.from_day, to_day: today.to_day },
    week: { from: week.from, to: week.to, from_day: week.from_day, to_day: week.to_day },
    connection: connectionView,
    publishing: {
      enabled: flags.publishing.enabled,
      ...publications,
      recent_failures: failures.map((f) => ({
        id: f.id,
        kind: f.kind,
        caption: f.caption,
        reason: f.last_error?.message ?? null,
        hint: f.last_error?.hint ?? null,
        failed_at: new Date(f.failed_at).toISOString(),
        link: "/meta/publishing?view=list&status=failed",
      })),
      links: {
        scheduled: "/meta/publishing?view=list&status=scheduled",
        published: "/meta/publishing?view=list&status=published",
        failed: "/meta/publishing?view=list&status=failed",
        compose: "/meta/publishing",
      },
    },
    catalog: {
      enabled: flags.catalog.enabled,
      catalog_id: connection?.catalog_id ?? null,
      synced: catalogCounts.synced ?? 0,
      pending: (catalogCounts.pending ?? 0) + (catalogCounts.deleting ?? 0),
      needs_attention: catalogCounts.needs_attention ?? 0,
      errors: catalogCounts.error ?? 0,
      excluded: catalogCounts.excluded,
      links: { synced: "/meta/catalog?status=synced", needs_attention: "/meta/catalog?status=needs_attention", errors: "/meta/catalog?status=error", catalog: "/meta/catalog" },
    },
    capi: {
      enabled: flags.capi.enabled,
      pixel_id: connection?.pixel_id ?? null,
      sent: capi.sent,
      failed: capi.failed,
      pending: capi.pending,
      expired: capi.expired,
      sent_this_week: capi.sent_in_period,
      failed_this_week: capi.failed_in_period,
      match_quality: summarizeMatchQualityGroups(capi.sent_user_data_keys),
      link: "/meta/events",
    },
    webhooks: {
      enabled: flags.webhooks.enabled,
      failed: webhooks.failed,
      received_this_week: webhooks.received_in_period,
      failed_this_week: webhooks.failed_in_period,
      link: "/meta/webhooks",
    },
    ads: adsPart.ads,
    suggestions: [],
    alerts: alerts.map(
      (a): MetaAlert => ({
        id: a.id,
        kind: a.kind,
        title: a.title,
        description: a.description,
        link: a.link,
        numbers: a.numbers,
        fired_at: new Date(a.fired_at).toISOString(),
      })
    ),
  }
  result.suggestions = suggest({
    connected: !!connection,
    connectionStatus: connectionView?.status ?? null,
    missingPermissions: connectionView ? connectionView.features.filter((f) => f.enabled).map((f) => ({ feature: f.feature, permissions: f.missing })) : [],
    publishing: { enabled: flags.publishing.enabled, failed: publications.failed, total: publications.total },
    catalog: { enabled: flags.catalog.enabled, errors: result.catalog.errors },
    capi: { enabled: flags.capi.enabled, failed: capi.failed },
    ads: {
      enabled: flags.ads.enabled,
      hasAccount: !!ctx.account,
      campaigns: adsPart.ads.campaigns,
      activeCampaigns: adsPart.activeCampaigns,
      outOfStockAdvertised,
    },
  })
  return result
}
