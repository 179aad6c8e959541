import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import checkMetaAlertsJob from "../../src/jobs/check-meta-alerts"
import { addDecimals, compareDecimals, sumDecimals } from "../../src/lib/ads/money"
import { formatAmount } from "../../src/lib/overview/amounts"
import { addDays, localDay, monthStart } from "../../src/lib/overview/report-time"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { META_ADS_MODULE } from "../../src/modules/meta-ads"
import type MetaAdsModuleService from "../../src/modules/meta-ads/service"
import { META_OVERVIEW_MODULE } from "../../src/modules/meta-overview"
import type MetaOverviewModuleService from "../../src/modules/meta-overview/service"
import { META_PUBLISHING_MODULE } from "../../src/modules/meta-publishing"
import type MetaPublishingModuleService from "../../src/modules/meta-publishing/service"
import { syncMetaAdSpendDaysWorkflow } from "../../src/workflows/overview"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useTestEmulator } from "../helpers/meta-env"
import { parseCsvObjects } from "../helpers/parse-csv"

jest.setTimeout(240_000)

const EMULATOR_PORT = 9884
const ACT = "act_70001"
const PIXEL = "60001"
const DAY = 86_400_000

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-overview",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const meta = () => getContainer().resolve<MetaModuleService>(META_MODULE)
    const ads = () => getContainer().resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const publishing = () => getContainer().resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const overviewModule = () => getContainer().resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE)
    const get = async (path: string) => (await api.get(path, { headers })).data
    const attempt = (path: string) => api.get(path, { headers }).catch((e: any) => e.response)
    const post = (path: string, body: unknown) => api.post(path, body, { headers }).catch((e: any) => e.response)
    const overview = async () => (await get("/admin/meta/overview")).overview

    /** The alert job as every 10 minutes, with the round's claim released (as 5 minutes passing would). */
    const runAlerts = async () => {
      await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(`UPDATE "meta_alert_settings" SET "evaluated_at" = NULL`)
      await checkMetaAlertsJob(getContainer())
    }
    /** The admins' notification feed entries the alerts made (what the dashboard's bell lists). */
    const feed = async () => {
      const rows = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" }, { order: { created_at: "ASC" } })
      return rows.filter((n: any) => n.trigger_type === "meta.alert")
    }

    const connect = async () => {
      if (!emulator.ads.accounts().some((a: any) => a.id === ACT)) emulator.ads.seedAccount({ id: ACT, campaigns: 0 })
      const res = await post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: PIXEL, ad_account_id: ACT })
      expect(res.status).toBe(200)
      return res.data.connection
    }

    beforeEach(async () => {
      emulator.reset()
      emulator.ads.configure({ accessTier: "standard_access" })
      headers = (await createAdminHeaders(getContainer(), api)).headers
    })

    it("an empty store: zeros, no ROAS, and suggestions that say how to start", async () => {
      const o = await overview()
      expect(o.connection).toBeNull()
      expect(o.time_zone).toBe("UTC")
      expect(o.publishing).toMatchObject({ scheduled_this_week: 0, published_this_week: 0, failed: 0, total: 0 })
      expect(o.catalog).toMatchObject({ synced: 0, errors: 0, needs_attention: 0 })
      expect(o.capi).toMatchObject({ sent: 0, failed: 0, match_quality: { events: 0 } })
      expect(o.ads).toMatchObject({ account: null, campaigns: 0, spend_last_30d: expect.stringMatching(/^0(\.0+)?$/), meta_roas_last_30d: null, store_roas_last_30d: null })
      expect(o.suggestions).toEqual([expect.objectContaining({ kind: "connect", link: "/settings/meta" })])
      expect(o.alerts).toEqual([])

      const { report } = await get("/admin/meta/reports/roi?interval=week")
      expect(report.rows).toHaveLength(12)
      expect(report.totals).toMatchObject({ ad_spend: expect.stringMatching(/^0(\.0+)?$/), ad_orders: 0, publication_orders: 0, store_roas: null })
      expect(report.spend_synced_at).toBeNull()

      await runAlerts()
      expect(await feed()).toEqual([])
    })

    it("each overview figure equals what its own screen reports on a seeded store", async () => {
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 3, adSetsPerCampaign: 1, adsPerAdSet: 1, dailyBudget: 5000, historyDays: 40 })
      emulator.ads.setPerformance(seeded.campaignIds[0], { purchaseRate: "0.05", orderValue: "10" })
      emulator.ads.setPerformance(seeded.campaignIds[1], { purchaseRate: "4", orderValue: "90" })
      await connect()
      await post("/admin/meta/campaigns/sync", {})
      await syncMetaAdSpendDaysWorkflow(getContainer()).run()
      const now = Date.now()

      // publications: one scheduled soon, one published, two failed (newest with Meta's reason)
      const [account] = await publishing().createMetaPublishingAccounts([{ platform: "instagram", meta_id: "17841400000000077", name: "Shop", enabled: false }])
      const pub = (status: string, extra: Record<string, unknown> = {}) => ({ account_id: account.id, kind: "instagram_image", status, media: [], caption: `${status} post`, ...extra })
      await publishing().createMetaPublications([pub("failed", { scheduled_at: new Date(now - 4 * DAY), attempts: 2, last_error: { message: "Media ID is not available", hint: null } })])
      const [published] = await publishing().createMetaPublications([
        pub("published", { published_at: new Date(now - 60_000), scheduled_at: new Date(now - 120_000) }),
        pub("scheduled", { scheduled_at: new Date(now + 10 * 60_000) }),
        pub("failed", { scheduled_at: new Date(now - 3 * 60_000), attempts: 1, last_error: { message: "The image is not a JPEG.", hint: "Upload a JPEG." } }),
        pub("draft"),
      ])
      // catalog items in each state the catalog screen counts
      await meta().createMetaCatalogItems([
        ...Array.from({ length: 4 }, (_, i) => ({ variant_id: `variant_synced_${i}`, status: "synced" as const, dirty: false })),
        ...Array.from({ length: 2 }, (_, i) => ({ variant_id: `variant_error_${i}`, status: "error" as const, dirty: false, errors: [{ message: "Invalid price" }] })),
        { variant_id: "variant_attention", status: "needs_attention" as const, dirty: false },
        { variant_id: "variant_pending", status: "pending" as const, dirty: true },
      ])
      // Conversions API events: sent with different match keys, failed, pending
      const event = (i: number, status: string, user_data: Record<string, unknown>, eventTime = new Date(now - 60_000)) => ({
        pixel_id: PIXEL,
        event_name: "Purchase",
        event_id: `order_${status}_${i}`,
        status,
        event_time: eventTime,
        payload: { event_name: "Purchase", user_data },
        ...(status === "failed" ? { last_error: "(#100) Invalid parameter" } : {}),
      })
      await meta().createMetaCapiEvents([
        event(1, "sent", { em: ["h1"], ph: ["h2"], fbc: "fb.1.1.x", client_ip_address: "1.2.3.4" }),
        event(2, "sent", { em: ["h3"] }),
        event(3, "sent", { fbp: "fb.1.2.y" }, new Date(now - 20 * DAY)),
        event(4, "failed", { em: ["h4"] }),
        event(5, "pending", {}),
      ] as any)
      await meta().createMetaWebhookEvents([
        { object: "page", field: "leadgen", entry_id: "1", idempotency_key: "k1", payload: {}, status: "failed", last_error: "boom" },
        { object: "page", field: "feed", entry_id: "1", idempotency_key: "k2", payload: {}, status: "processed" },
      ] as any)
      // rule decisions this week: two evaluated, one acted
      const [rule] = await ads().createMetaAdRules([{ name: "Stop expensive ads", enabled: true, definition: {} }])
      const decision = (acted: boolean, objectId: string) => ({
        rule_id: rule.id,
        evaluation_id: "eval_1",
        object_type: "ad",
        object_meta_id: objectId,
        acted,
        action: acted ? "pause" : "none",
        lookback: "last_7d",
        numbers: {},
        before: { status: "ACTIVE", daily_budget: null },
        after: { status: acted ? "PAUSED" : "ACTIVE", daily_budget: null },
        dry_run: false,
        evaluated_at: new Date(now - 60_000).toISOString(),
      })
      await ads().saveRuleDecisions([decision(true, seeded.adIds[0]), decision(false, seeded.adIds[1])])
      // orders attributed to an ad (two days ago: inside Meta's last_30d) and to a publication
      await ads().recordAdAttribution({
        order_id: "order_ad_1",
        cart_id: null,
        source: "landing",
        ad_meta_id: seeded.adIds[1],
        ad_set_meta_id: null,
        campaign_meta_id: null,
        currency_code: "usd",
        total: "120.50",
        placed_at: new Date(now - 2 * DAY),
      })
      await publishing().attributeOrder({ order_id: "order_pub_1", cart_id: null, publication_id: published.id, currency_code: "usd", total: "35.00", placed_at: new Date(now - DAY) })
      // a product the first ad shows, out of stock (inventory managed, no stock anywhere)
      const { result: [soldOut] } = await createProductsWorkflow(getContainer()).run({
        input: { products: [{ title: "Sold-out tee", status: "published", options: [{ title: "Size", values: ["M"] }], variants: [{ title: "M", manage_inventory: true, options: { Size: "M" }, prices: [{ amount: 20, currency_code: "usd" }] }] }] },
      })
      await ads().setAdProductIds(seeded.adIds[0], [soldOut.id])

      const o = await overview()
      const { week, today } = o

      // connection: the screen's status and missing permissions
      const { connection } = await get("/admin/meta/connection")
      expect(o.connection.status).toBe(connection.status)
      for (const f of o.connection.features) expect(f.missing).toEqual(connection.features[f.feature].missing_permissions)
      expect(o.connection.outlook).toEqual({ kind: "never_expires" })
      expect(o.connection.usage_processes).toBeGreaterThanOrEqual(1)
      expect(o.time_zone).toBe(emulator.ads.accounts().find((a: any) => a.id === ACT)!.timezoneName)

      // publishing, as the publications list counts the same filters
      const count = async (query: string) => (await get(`/admin/meta/publications?${query}&limit=1`)).count
      const range = (p: { from: string; to: string }) => `from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`
      expect(o.publishing.failed).toBe(await count("status=failed"))
      expect(o.publishing.failed).toBe(2)
      expect(o.publishing.scheduled_this_week).toBe(await count(`status=scheduled&${range(week)}`))
      expect(o.publishing.published_this_week).toBe(await count(`status=published&${range(week)}`))
      expect(o.publishing.scheduled_today).toBe(await count(`status=scheduled&${range(today)}`))
      expect(o.publishing.published_today).toBe(await count(`status=published&${range(today)}`))
      expect(o.publishing.total).toBe(await count("offset=0"))
      // the newest failure first, with Meta's reason and the hint
      expect(o.publishing.recent_failures.map((f: any) => f.reason)).toEqual(["The image is not a JPEG.", "Media ID is not available"])
      expect(o.publishing.recent_failures[0]).toMatchObject({ reason: "The image is not a JPEG.", hint: "Upload a JPEG.", link: "/meta/publishing?view=list&status=failed" })

      // catalog, as the catalog screen's totals
      // (the catalog worker may still be taking up the new product's variant: compared once the catalog rests)
      const totals = async () => (await get("/admin/meta/catalog")).catalog.totals
      let shown = await totals()
      for (let i = 0; i < 40; i++) {
        await new Promise((r) => setTimeout(r, 250))
        const next = await totals()
        if (JSON.stringify(next) === JSON.stringify(shown)) break
        shown = next
      }
      const { catalog: overviewCatalog } = await overview()
      expect(overviewCatalog).toMatchObject({
        synced: shown.synced,
        needs_attention: shown.needs_attention,
        errors: shown.errors,
        pending: shown.pending,
        excluded: shown.excluded,
      })
      expect(overviewCatalog.errors).toBe(2)

      // Conversions API, as the events log and its match-quality summary
      const events = async (status: string) => (await get(`/admin/meta/events?status=${status}&limit=1`)).count
      expect(o.capi.sent).toBe(await events("sent"))
      expect(o.capi.failed).toBe(await events("failed"))
      expect(o.capi.pending).toBe(await events("pending"))
      expect(o.capi.sent).toBe(3)
      expect(o.capi.sent_this_week).toBe(Date.parse(week.from) <= now - 60_000 ? 2 : 0)
      expect(o.capi.match_quality).toEqual((await get("/admin/meta/events/match-quality?status=sent")).match_quality)

      // webhooks, as the webhook log
      expect(o.webhooks.failed).toBe((await get("/admin/meta/webhooks?status=failed&limit=1")).count)
      expect(o.webhooks.failed).toBe(1)

      // ads, as the Campaigns page (its campaigns' last_30d and the store totals) and the ROI report's month
      const campaigns = await get("/admin/meta/campaigns?limit=100")
      expect(o.ads.campaigns).toBe(campaigns.count)
      expect(o.ads.active_campaigns).toBe((await get("/admin/meta/campaigns?status=ACTIVE&limit=1")).count)
      const currency = campaigns.account.currency
      const spend30 = sumDecimals(campaigns.campaigns.map((c: any) => c.metrics.last_30d?.spend ?? "0"))
      const purchase30 = sumDecimals(campaigns.campaigns.map((c: any) => c.metrics.last_30d?.purchase_value ?? "0"))
      expect(o.ads.spend_last_30d).toBe(formatAmount(spend30, currency))
      expect(o.ads.meta_purchase_value_last_30d).toBe(formatAmount(purchase30, currency))
      expect(compareDecimals(o.ads.spend_last_30d, "0")).toBe(1)
      expect(o.ads.store_revenue_last_30d).toBe(campaigns.store.last_30d.revenue)
      expect(o.ads.store_revenue_last_30d).toBe("120.50")
      expect(o.ads.store_orders_last_30d).toBe(campaigns.store.last_30d.orders)
      const todayLocal = localDay(Date.now(), o.time_zone)
      const month = (await get(`/admin/meta/reports/roi?interval=month&from=${monthStart(todayLocal)}&to=${todayLocal}`)).report
      expect(o.ads.spend_this_month).toBe(month.totals.ad_spend)
      expect(o.ads.rule_decisions_this_week).toBe((await get("/admin/meta/rule-decisions?limit=1")).count)
      expect(o.ads.rule_actions_this_week).toBe((await get("/admin/meta/rule-decisions?acted=true&limit=1")).count)
      expect(o.ads.rule_actions_this_week).toBe(1)

      // suggestions with the numbers behind them
      const kinds = o.suggestions.map((s: any) => s.kind)
      expect(kinds).toEqual(expect.arrayContaining(["failed_publications", "catalog_errors", "capi_failing", "low_roas_campaigns", "out_of_stock_advertised"]))
      expect(o.suggestions.find((s: any) => s.kind === "out_of_stock_advertised")).toMatchObject({ link: `/products/${soldOut.id}`, message: expect.stringMatching(/^Sold-out tee is out of stock but still advertised by 1 active ad/) })
      const lowRoas = o.suggestions.find((s: any) => s.kind === "low_roas_campaigns")
      expect(lowRoas.message).toMatch(/below 1\.5 ROAS over 7 days: review/)
    })

    it("the ROI report's sums equal the orders and spend behind them, per week, and the CSV reads back to the same figures", async () => {
      emulator.ads.seedAccount({ id: ACT, campaigns: 2, adSetsPerCampaign: 1, adsPerAdSet: 1, dailyBudget: 4000, historyDays: 30 })
      await connect()
      await post("/admin/meta/campaigns/sync", {})
      const synced = await syncMetaAdSpendDaysWorkflow(getContainer()).run()
      expect(synced.result).toMatchObject({ synced: true, ad_account_id: ACT })
      const timeZone = emulator.ads.accounts().find((a: any) => a.id === ACT)!.timezoneName
      const today = localDay(Date.now(), timeZone)
      // Yesterday back three weeks: past days only (today's spend still moves while the test runs).
      const to = addDays(today, -1)
      const from = addDays(to, -20)
      const at = (day: string, hour: number) => new Date(Date.parse(`${day}T12:00:00Z`) + (hour - 12) * 3_600_000)
      const orders = [
        { order_id: "o1", day: from, currency: "usd", total: "10.10" },
        { order_id: "o2", day: addDays(from, 3), currency: "usd", total: "0.20" },
        { order_id: "o3", day: addDays(from, 10), currency: "usd", total: "99.99" },
        { order_id: "o4", day: to, currency: "eur", total: "50" },
        { order_id: "o_out", day: addDays(from, -3), currency: "usd", total: "1000" },
      ]
      for (const o of orders) {
        await ads().recordAdAttribution({ order_id: o.order_id, cart_id: null, source: "fbclid", ad_meta_id: null, ad_set_meta_id: null, campaign_meta_id: null, currency_code: o.currency, total: o.total, placed_at: at(o.day, 12) })
      }
      const [account] = await publishing().createMetaPublishingAccounts([{ platform: "facebook", meta_id: "555000111", name: "Page", enabled: false }])
      const [publication] = await publishing().createMetaPublications([{ account_id: account.id, kind: "facebook_photo", status: "published", media: [], published_at: new Date() }])
      await publishing().attributeOrder({ order_id: "p1", cart_id: null, publication_id: publication.id, currency_code: "usd", total: "7.35", placed_at: at(addDays(from, 1), 12) })
      await publishing().attributeOrder({ order_id: "p2", cart_id: null, publication_id: publication.id, currency_code: "usd", total: "2.65", placed_at: at(addDays(from, 15), 12) })

      const { report } = await get(`/admin/meta/reports/roi?from=${from}&to=${to}&interval=week`)
      expect(report).toMatchObject({ from, to, interval: "week", currency: "USD", time_zone: timeZone })
      expect(report.spend_synced_at).toBeTruthy()
      const inRange = (day: string, row: { from: string; to: string }) => day >= row.from && day <= row.to
      let spendTotal = "0"
      for (const row of report.rows) {
        // spend: what Meta reports for each of the same account days (Meta rounds each day's figures to the cent)
        const days: string[] = []
        for (let day = row.from; day <= row.to; day = addDays(day, 1)) days.push(day)
        const perDay = days.map((day) => emulator.ads.insights(ACT, { since: day, until: day }))
        const spend = sumDecimals(perDay.map((d) => d.spend))
        expect(row.ad_spend).toBe(formatAmount(spend, "USD"))
        expect(row.meta_purchase_value).toBe(formatAmount(sumDecimals(perDay.map((d) => d.purchaseValue)), "USD"))
        spendTotal = addDecimals(spendTotal, spend)
        // revenue and orders: the attributed orders placed on those days
        const mine = orders.filter((o) => o.currency === "usd" && inRange(o.day, row))
        expect(row.ad_orders).toBe(mine.length)
        expect(compareDecimals(row.ad_revenue, sumDecimals(mine.map((o) => o.total)))).toBe(0)
      }
      expect(report.totals.ad_spend).toBe(formatAmount(spendTotal, "USD"))
      expect(report.totals).toMatchObject({ ad_orders: 3, ad_revenue: "110.29", publication_orders: 2, publication_revenue: "10.00" })
      expect(report.totals.other_currencies).toEqual([{ currency: "EUR", ad_revenue: "50.00", ad_orders: 1, publication_revenue: "0.00", publication_orders: 0 }])
      expect(report.totals.store_roas).not.toBeNull()

      const csv = await api.get(`/admin/meta/reports/roi?from=${from}&to=${to}&interval=week&format=csv`, { headers, responseType: "text" })
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
      expect(csv.headers["content-disposition"]).toMatch(/attachment; filename="meta-roi-/)
      const lines = parseCsvObjects(csv.data)
      const usd = lines.filter((l) => l.currency === "USD")
      expect(usd).toHaveLength(report.rows.length)
      usd.forEach((line, i) => {
        const row = report.rows[i]
        expect(line).toEqual({
          period_start: row.from,
          period_end: row.to,
          currency: "USD",
          ad_spend: row.ad_spend,
          ad_revenue: row.ad_revenue,
          ad_orders: String(row.ad_orders),
          publication_revenue: row.publication_revenue,
          publication_orders: String(row.publication_orders),
          store_roas: row.store_roas ?? "",
          meta_purchase_value: row.meta_purchase_value,
          meta_roas: row.meta_roas ?? "",
        })
      })
      expect(sumDecimals(usd.map((l) => l.ad_spend))).toBe(sumDecimals([report.totals.ad_spend]))
      expect(lines.filter((l) => l.currency === "EUR")).toEqual([expect.objectContaining({ ad_revenue: "50.00", ad_orders: "1", ad_spend: "" })])

      // by day, the same totals
      const daily = (await get(`/admin/meta/reports/roi?from=${from}&to=${to}&interval=day`)).report
      expect(daily.rows).toHaveLength(21)
      expect(daily.totals).toMatchObject({ ad_spend: report.totals.ad_spend, ad_revenue: report.totals.ad_revenue, publication_orders: 2 })
    })

    it("each alert fires once per cause into the notification feed, respects its setting, stops when the cause is gone and fires again on a new one", async () => {
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 1, adSetsPerCampaign: 1, adsPerAdSet: 1, dailyBudget: 100_000, historyDays: 2 })
      emulator.ads.setPerformance(seeded.campaignIds[0], { cpm: "200" })
      const conn = await connect()
      await post("/admin/meta/campaigns/sync", {})
      const settings = (await get("/admin/meta/alerts/settings")).settings
      expect(settings).toMatchObject({ token: { enabled: true }, rule_acted: { enabled: false }, catalog_errors: { threshold: 10 } })
      expect(await post("/admin/meta/alerts/settings", { catalog_errors: { threshold: 2 }, capi_failing: { threshold: 1 }, rule_acted: { enabled: true } })).toMatchObject({ status: 200 })

      await runAlerts()
      expect(await feed()).toEqual([])

      // token expiring within 7 days: once, however many rounds see it
      await meta().updateMetaConnections({ id: conn.id, token_expires_at: new Date(Date.now() + 3 * DAY) })
      await runAlerts()
      await runAlerts()
      let notes = await feed()
      expect(notes).toHaveLength(1)
      expect(notes[0]).toMatchObject({ to: "", channel: "feed", resource_type: "meta_alert", data: { title: "The Meta token expires soon", link: "/settings/meta" } })
      expect((await overview()).alerts.map((a: any) => a.kind)).toEqual(["token"])
      // renewed: the cause is gone
      await meta().updateMetaConnections({ id: conn.id, token_expires_at: new Date(Date.now() + 50 * DAY) })
      await runAlerts()
      expect((await overview()).alerts).toEqual([])
      expect(await feed()).toHaveLength(1)
      // revoked: a new cause
      await meta().updateMetaConnections({ id: conn.id, status: "revoked", last_error: "The user removed the app" })
      await runAlerts()
      notes = await feed()
      expect(notes).toHaveLength(2)
      expect(notes[1].data).toMatchObject({ title: "Meta access was revoked", description: expect.stringMatching(/The user removed the app/) })
      await meta().updateMetaConnections({ id: conn.id, status: "active", last_error: null })
      await runAlerts()

      // a publication failed; its setting off → nothing; on → once; retried and failed again → again
      await post("/admin/meta/alerts/settings", { publication_failed: { enabled: false } })
      const [account] = await publishing().createMetaPublishingAccounts([{ platform: "instagram", meta_id: "17841400000000099", name: "Shop", enabled: false }])
      const [failed] = await publishing().createMetaPublications([
        { account_id: account.id, kind: "instagram_image", status: "failed", media: [], caption: "Summer sale", attempts: 1, last_error: { message: "The image is not a JPEG." } },
      ])
      await runAlerts()
      expect(await feed()).toHaveLength(2)
      await post("/admin/meta/alerts/settings", { publication_failed: { enabled: true } })
      await runAlerts()
      await runAlerts()
      notes = await feed()
      expect(notes).toHaveLength(3)
      expect(notes[2].data).toMatchObject({ title: "A publication failed", description: expect.stringMatching(/Summer sale.*not a JPEG/) })
      await publishing().updateMetaPublications({ id: failed.id, status: "scheduled", scheduled_at: new Date(Date.now() + DAY) })
      await runAlerts()
      expect((await overview()).alerts.filter((a: any) => a.kind === "publication_failed")).toEqual([])
      await publishing().updateMetaPublications({ id: failed.id, status: "failed", attempts: 2 })
      await runAlerts()
      expect(await feed()).toHaveLength(4)

      // a burst of catalog errors (threshold 2), gone, and back
      const errorItems = await meta().createMetaCatalogItems([1, 2, 3].map((i) => ({ variant_id: `variant_err_${i}`, status: "error" as const, dirty: false })))
      await runAlerts()
      await runAlerts()
      notes = await feed()
      expect(notes).toHaveLength(5)
      expect(notes[4].data).toMatchObject({ title: "Meta rejected catalog items", description: expect.stringMatching(/^3 catalog items are in error/) })
      await meta().updateMetaCatalogItems(errorItems.slice(0, 2).map((i) => ({ id: i.id, status: "synced" as const })))
      await runAlerts()
      expect((await overview()).alerts.filter((a: any) => a.kind === "catalog_errors")).toEqual([])
      await meta().updateMetaCatalogItems(errorItems.slice(0, 2).map((i) => ({ id: i.id, status: "error" as const })))
      await runAlerts()
      expect(await feed()).toHaveLength(6)

      // Conversions API events failing (threshold 1), respecting the switch
      await post("/admin/meta/alerts/settings", { capi_failing: { enabled: false } })
      const [bad] = await meta().createMetaCapiEvents([
        { pixel_id: PIXEL, event_name: "Purchase", event_id: "order_x", status: "failed", event_time: new Date(), payload: {}, last_error: "(#100) Invalid parameter" },
      ] as any)
      await runAlerts()
      expect(await feed()).toHaveLength(6)
      await post("/admin/meta/alerts/settings", { capi_failing: { enabled: true } })
      await runAlerts()
      await runAlerts()
      notes = await feed()
      expect(notes).toHaveLength(7)
      expect(notes[6].data).toMatchObject({ title: "Conversions API events are failing", link: "/meta/events" })
      await meta().updateMetaCapiEvents({ id: bad.id, status: "sent", last_error: null })
      await runAlerts()
      expect((await overview()).alerts.filter((a: any) => a.kind === "capi_failing")).toEqual([])

      // a rule acted (turned on above): once per evaluation
      const [rule] = await ads().createMetaAdRules([{ name: "Stop expensive ads", enabled: true, definition: {} }])
      const decision = (evaluation: string) => ({
        rule_id: rule.id,
        evaluation_id: evaluation,
        object_type: "ad",
        object_meta_id: seeded.adIds[0],
        acted: true,
        action: "pause",
        lookback: "today",
        numbers: {},
        before: { status: "ACTIVE", daily_budget: null },
        after: { status: "PAUSED", daily_budget: null },
        dry_run: false,
        evaluated_at: new Date().toISOString(),
      })
      await ads().saveRuleDecisions([decision("eval_a")])
      await runAlerts()
      await runAlerts()
      notes = await feed()
      expect(notes).toHaveLength(8)
      expect(notes[7].data).toMatchObject({ title: "An automated rule changed your ads", description: expect.stringMatching(/Stop expensive ads.*1 change/) })
      await ads().saveRuleDecisions([decision("eval_b")])
      await runAlerts()
      expect(await feed()).toHaveLength(9)

      // spend pacing above the configured ceiling (today's spend well over 0.01), gone when the ceiling is raised
      await syncMetaAdSpendDaysWorkflow(getContainer()).run()
      const todaySpend = (await overviewModule().listSpendDays({ adAccountId: ACT, fromDay: "2000-01-01", toDay: "9999-12-31" })).at(-1)!
      expect(compareDecimals(todaySpend.spend, "0.01")).toBe(1)
      await post("/admin/meta/alerts/settings", { spend_pacing: { daily_ceiling: "0.01" } })
      await runAlerts()
      await runAlerts()
      notes = await feed()
      expect(notes).toHaveLength(10)
      expect(notes[9].data).toMatchObject({ kind: "spend_pacing", link: "/meta/campaigns", title: expect.stringMatching(/above the daily ceiling/) })
      await post("/admin/meta/alerts/settings", { spend_pacing: { daily_ceiling: "1000000" } })
      await runAlerts()
      expect((await overview()).alerts.filter((a: any) => a.kind === "spend_pacing")).toEqual([])
      await post("/admin/meta/alerts/settings", { spend_pacing: { daily_ceiling: "0.01" } })
      await runAlerts()
      expect(await feed()).toHaveLength(11)

      // every notification went out once: one per alert recorded
      const all = await overviewModule().listMetaAlerts({}, { take: null })
      expect(all).toHaveLength(11)
      expect(new Set((await feed()).map((n: any) => n.resource_id)).size).toBe(11)
    })

    it("three checks racing (as three worker processes would) send each alert once", async () => {
      const conn = await connect()
      await meta().updateMetaConnections({ id: conn.id, token_expires_at: new Date(Date.now() + 2 * DAY) })
      await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(`UPDATE "meta_alert_settings" SET "evaluated_at" = NULL`)
      await Promise.all([checkMetaAlertsJob(getContainer()), checkMetaAlertsJob(getContainer()), checkMetaAlertsJob(getContainer())])
      expect(await feed()).toHaveLength(1)
    })

    it("the App Review kit lists what the enabled features request, with the callbacks the plugin serves", async () => {
      await connect()
      await post("/admin/meta/connection/features", { webhooks: false, insights: false })
      const { app_review } = await get("/admin/meta/app-review")
      const permissions = app_review.permissions.map((p: any) => p.permission)
      expect(permissions).toEqual(expect.arrayContaining(["business_management", "catalog_management", "ads_management", "ads_read", "instagram_content_publish"]))
      expect(permissions).not.toContain("leads_retrieval")
      expect(permissions).not.toContain("instagram_manage_insights")
      const ads = app_review.permissions.find((p: any) => p.permission === "ads_management")
      expect(ads).toMatchObject({ requested_by: ["capi", "ads"], docs_url: "https://developers.facebook.com/docs/permissions" })
      expect(ads.use_case).toMatch(/Conversions API/)
      expect(ads.screens.map((s: any) => s.path)).toEqual(["/meta/events", "/meta/campaigns", "/meta/rules"])
      const { connection } = await get("/admin/meta/connection")
      for (const p of app_review.permissions) expect(p.granted).toBe(connection.granted_scopes.includes(p.permission))
      const item = (key: string) => app_review.items.find((i: any) => i.key === key)
      expect(item("data_deletion_url")).toMatchObject({ value: "http://localhost:9000/meta/data-deletion", state: "blocked" })
      expect(item("deauthorize_url").value).toBe("http://localhost:9000/meta/deauthorize")
      expect(item("webhooks_url")).toBeUndefined()
      expect(item("privacy_policy_url")).toMatchObject({ state: "todo", value: null })
      expect(item("business_verification")).toMatchObject({ value: "verified", state: "done" })
      // the deletion callback it names is served: Meta's signed_request is required
      const deletion = await api.post("/meta/data-deletion", {}).catch((e: any) => e.response)
      expect(deletion.status).toBe(400)
    })

    it("bad input gets a 400 naming the field", async () => {
      const cases: [string, RegExp][] = [
        ["/admin/meta/reports/roi?interval=year", /interval/],
        ["/admin/meta/reports/roi?from=2026-02-30", /from/],
        ["/admin/meta/reports/roi?from=2026-06-10&to=2026-06-01", /from must not be after to/],
        ["/admin/meta/reports/roi?from=2020-01-01&to=2026-01-01", /to|731 days/],
        ["/admin/meta/reports/roi?format=xml", /format/],
        ["/admin/meta/reports/roi?currency=usd", /currency/],
        ["/admin/meta/overview?x=1", /x/],
      ]
      for (const [path, message] of cases) {
        const res = await attempt(path)
        expect([path, res.status]).toEqual([path, 400])
        expect(res.data.message).toMatch(message)
      }
      const bodies: [unknown, RegExp][] = [
        [{ catalog_errors: { threshold: 0 } }, /catalog_errors(\.|, )threshold/],
        [{ capi_failing: { threshold: 1.5 } }, /capi_failing(\.|, )threshold/],
        [{ spend_pacing: { daily_ceiling: "-5" } }, /daily_ceiling/],
        [{ spend_pacing: { daily_ceiling: "1e3" } }, /daily_ceiling/],
        [{ email_recipients: ["not-an-address"] }, /email_recipients/],
        [{ token: { enabled: "yes" } }, /enabled/],
        [{ weather: { enabled: true } }, /weather/],
      ]
      for (const [body, message] of bodies) {
        const res = await post("/admin/meta/alerts/settings", body)
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
        expect(res.data.message).toMatch(message)
      }
      // nothing was saved by the refused requests
      expect((await get("/admin/meta/alerts/settings")).settings.catalog_errors.threshold).toBe(10)
    })
  },
})
