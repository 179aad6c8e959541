import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import evaluateMetaAdRulesJob from "../../src/jobs/evaluate-meta-ad-rules"
import { AD_URL_TAGS } from "../../src/lib/ads"
import { META_ADS_MODULE } from "../../src/modules/meta-ads"
import type MetaAdsModuleService from "../../src/modules/meta-ads/service"
import { attributeOrderToAdWorkflow } from "../../src/workflows/ads"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useTestEmulator, waitFor } from "../helpers/meta-env"
import { SHOPPER_BROWSER } from "../helpers/shopper"
import { completeCart, createTestStore, prepareCart, type TestStore } from "../helpers/store-setup"

jest.setTimeout(240_000)

const EMULATOR_PORT = 9880
const ACT = "act_50001"
const PAGE = "30001"
const DAY_MS = 86_400_000
const SHOP = "https://shop.example.com/products/t-shirt"

const emulator = useTestEmulator(EMULATOR_PORT)

/** The landing URL Meta sends a shopper to when they click the ad: the ad's url_tags with its ids filled in. */
const clickThrough = (ids: { campaign: string; adSet: string; ad: string }, base = SHOP) =>
  `${base}?${AD_URL_TAGS.replace("{{campaign.id}}", ids.campaign).replace("{{adset.id}}", ids.adSet).replace("{{ad.id}}", ids.ad)}`

medusaIntegrationTestRunner({
  dbName: "meta-it-ad-attribution",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore
    /** The seeded account: two campaigns, one ad set each, two ads per ad set. */
    let tree: { campaign: string; adSet: string; ad: string }[]
    const ads = () => getContainer().resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const admin = {
      get: (path: string) => api.get(path, { headers }).then((r: any) => r.data),
      post: (path: string, body: unknown = {}) =>
        api.post(path, body, { headers }).then(
          (r: any) => r.data,
          (e: any) => {
            throw new Error(`${path} answered ${e.response?.status}: ${JSON.stringify(e.response?.data)}`)
          }
        ),
    }

    /** Seeds the ad account in `currency`, connects it and mirrors it. */
    const connect = async (currency = "EUR") => {
      emulator.ads.seedAccount({ id: ACT, currency, timezone: "Europe/Berlin", campaigns: 2, adSetsPerCampaign: 1, adsPerAdSet: 2, dailyBudget: 5000, historyDays: 7 })
      const adSets = new Map(emulator.ads.adSets(ACT).map((s: any) => [s.id, s]))
      tree = emulator.ads.ads(ACT).map((a: any) => ({ campaign: (adSets.get(a.adSetId) as any).campaignId, adSet: a.adSetId, ad: a.id }))
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001", ad_account_id: ACT }, { headers })
      await admin.post("/admin/meta/campaigns/sync")
    }

    /** A shopper's checkout through the store API, handing over the browser context like the storefront helper. */
    const checkout = async (context: Record<string, unknown> | Record<string, unknown>[] | null) => {
      const { cartId, headers: shopper } = await prepareCart(api, store, SHOPPER_BROWSER)
      for (const body of context === null ? [] : Array.isArray(context) ? context : [context]) {
        await api.post("/store/meta/cart-context", { cart_id: cartId, ...body }, { headers: shopper })
      }
      return completeCart(api, cartId, shopper)
    }

    const attributionOf = (orderId: string) =>
      waitFor(
        () => ads().listMetaAdAttributions({ order_id: orderId }),
        (rows) => rows.length > 0,
        `the attribution of ${orderId}`
      ).then((rows) => rows[0])

    /** Time for the order.placed subscribers of orders that must NOT be attributed. */
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1500))
    const money = (total: unknown) => Number(total).toFixed(2)
    const campaignsList = () => admin.get("/admin/meta/campaigns")
    const campaignOf = (list: any, metaId: string) => list.campaigns.find((c: any) => c.meta_id === metaId)

    beforeEach(async () => {
      emulator.reset()
      emulator.ads.configure({ accessTier: "standard_access" })
      headers = (await createAdminHeaders(getContainer(), api)).headers
      store = await createTestStore(getContainer())
    })

    it("an order after an ad click is credited to that ad once and shows as store revenue of its ad set and campaign, today", async () => {
      await connect()
      const [first, , third] = tree
      const tagged = await checkout({ consent: true, landing_url: clickThrough(first) })
      // A merchant's own ad, tagged only with ad_id: ad set and campaign come from the mirror.
      const ownTag = await checkout({ consent: true, landing_url: `${SHOP}?ad_id=${third.ad}` })
      const untagged = await checkout({ consent: true, landing_url: `${SHOP}?utm_source=newsletter&utm_content=42` })

      expect(await attributionOf(tagged.id)).toMatchObject({ source: "landing", ad_meta_id: first.ad, ad_set_meta_id: first.adSet, campaign_meta_id: first.campaign, currency_code: "eur" })
      expect(await attributionOf(ownTag.id)).toMatchObject({ source: "landing", ad_meta_id: third.ad, ad_set_meta_id: third.adSet, campaign_meta_id: third.campaign })
      await settle()
      expect(await ads().listMetaAdAttributions({ order_id: untagged.id })).toHaveLength(0)

      const list = await campaignsList()
      const credited = campaignOf(list, first.campaign)
      expect(credited.metrics.today).toMatchObject({ store_orders: 1, store_revenue: money(tagged.total), store_revenue_other_currencies: [] })
      // Meta's last_7d excludes today, and so does the store's.
      expect(credited.metrics.last_7d).toMatchObject({ store_orders: 0, store_revenue: "0.00" })
      expect(credited.ad_sets.find((s: any) => s.meta_id === first.adSet).metrics.today.store_revenue).toBe(money(tagged.total))
      expect(campaignOf(list, third.campaign).metrics.today).toMatchObject({ store_orders: 1, store_revenue: money(ownTag.total) })
      expect(list.store.today).toMatchObject({ orders: 2, revenue: money(Number(tagged.total) + Number(ownTag.total)), ad_unknown_orders: 0, other_currencies: [] })

      // The detail shows the ads: only the clicked one has the order.
      const detail = (await admin.get(`/admin/meta/campaigns/${credited.id}`)).campaign
      const adsShown = detail.ad_sets.flatMap((s: any) => s.ads)
      expect(adsShown.find((a: any) => a.meta_id === first.ad).metrics.today.store_revenue).toBe(money(tagged.total))
      expect(adsShown.find((a: any) => a.meta_id !== first.ad).metrics.today.store_revenue).toBe("0.00")

      // order.placed delivered again (a redelivery, a second worker): nothing doubles.
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: tagged.id } })
      const { result } = await attributeOrderToAdWorkflow(getContainer()).run({ input: { order_id: tagged.id } })
      expect(result).toEqual({ attributed: false, reason: "already attributed" })
      await settle()
      expect(await ads().listMetaAdAttributions({ order_id: tagged.id })).toHaveLength(1)
      expect(campaignOf(await campaignsList(), first.campaign).metrics.today.store_orders).toBe(1)
    })

    it("last click wins, and store revenue moves with the account-zone days Meta counts", async () => {
      await connect()
      const [first, second] = tree
      // The storefront handed over one ad's landing, then (a later click) another's: the later one is credited.
      const order = await checkout([
        { consent: true, landing_url: clickThrough(first) },
        { consent: true, landing_url: clickThrough(second) },
      ])
      const row = await attributionOf(order.id)
      expect(row.ad_meta_id).toBe(second.ad)

      // Placed two days ago: out of today, inside last_3d, last_7d and last_30d.
      await ads().updateMetaAdAttributions({ id: row.id, placed_at: new Date(Date.now() - 2 * DAY_MS) })
      const ad = (await admin.get(`/admin/meta/campaigns/${campaignOf(await campaignsList(), second.campaign).id}`)).campaign.ad_sets[0].ads.find(
        (a: any) => a.meta_id === second.ad
      )
      expect(ad.metrics.today.store_orders).toBe(0)
      for (const range of ["last_3d", "last_7d", "last_30d"]) {
        expect(ad.metrics[range]).toMatchObject({ store_orders: 1, store_revenue: money(order.total) })
        // store ROAS is the store's revenue over Meta's spend of the same days
        const expected = Number(order.total) / Number(ad.metrics[range].spend)
        expect(Number(ad.metrics[range].store_roas)).toBeCloseTo(expected, 3)
      }
      // Forty days ago: in no range at all.
      await ads().updateMetaAdAttributions({ id: row.id, placed_at: new Date(Date.now() - 40 * DAY_MS) })
      const later = await campaignsList()
      expect(campaignOf(later, second.campaign).metrics.last_30d.store_orders).toBe(0)
      expect(later.store.last_30d.orders).toBe(0)
    })

    it("a rule on store ROAS pauses an ad that spends without selling in the store, although Meta's ROAS says it sells", async () => {
      await connect()
      const [ad] = tree
      // Meta's pixel reports plenty of purchases for the ad…
      emulator.ads.setPerformance(ad.ad, { purchaseRate: "5", orderValue: "80" })
      // …but the store booked one order from it, two days ago.
      const order = await checkout({ consent: true, landing_url: clickThrough(ad) })
      const row = await attributionOf(order.id)
      await ads().updateMetaAdAttributions({ id: row.id, placed_at: new Date(Date.now() - 2 * DAY_MS) })

      const rule = (body: Record<string, unknown>) =>
        admin.post("/admin/meta/rules", {
          scope: "ad",
          object_ids: [ad.ad],
          lookback: "last_7d",
          min_spend: "10",
          action: { type: "pause" },
          cooldown_minutes: 60,
          max_changes_per_day: 1,
          dry_run: false,
          ...body,
        })
      const byStore = (await rule({ name: "Pause when the store sells less than it spends", conditions: [{ metric: "store_roas", operator: "lt", value: "1" }] })).rule
      const byMeta = (await rule({ name: "Pause when Meta's ROAS is under 1", conditions: [{ metric: "roas", operator: "lt", value: "1" }] })).rule

      await evaluateMetaAdRulesJob(getContainer())

      const [storeDecision] = (await admin.get(`/admin/meta/rule-decisions?rule_id=${byStore.id}`)).decisions
      expect(storeDecision).toMatchObject({ object_meta_id: ad.ad, acted: true, after: { status: "PAUSED" } })
      expect(Number(storeDecision.numbers.store_roas)).toBeLessThan(1)
      expect(Number(storeDecision.numbers.store_roas)).toBeGreaterThan(0)
      const [metaDecision] = (await admin.get(`/admin/meta/rule-decisions?rule_id=${byMeta.id}`)).decisions
      expect(metaDecision).toMatchObject({ object_meta_id: ad.ad, acted: false, skip_code: "conditions_not_met" })
      expect(Number(metaDecision.numbers.roas)).toBeGreaterThan(1)

      expect(emulator.ads.ads(ACT).find((a: any) => a.id === ad.ad).status).toBe("PAUSED")
      const pauses = emulator.ads.writes({ method: "POST" }).filter((w: any) => w.outcome === "applied" && w.params.status === "PAUSED")
      expect(pauses).toHaveLength(1)
    })

    it("no consent, no attribution; a Meta click alone counts as from Meta ads with the ad unknown", async () => {
      await connect()
      const [first] = tree
      const declined = await checkout({ consent: false, landing_url: clickThrough(first), fbc: `fb.1.${Date.now() - 60_000}.IwAR_declined_click` })
      // Consent given, then withdrawn before the order: nothing is kept.
      const withdrawn = await checkout([
        { consent: true, landing_url: clickThrough(first) },
        { consent: false },
      ])
      const clickOnly = await checkout({ consent: true, fbc: `fb.1.${Date.now() - 3 * 60 * 60 * 1000}.IwAR_click_without_tags` })
      const staleClick = await checkout({ consent: true, fbc: `fb.1.${Date.now() - 8 * DAY_MS}.IwAR_old_click_from_last_week` })

      expect(await attributionOf(clickOnly.id)).toMatchObject({ source: "fbclid", ad_meta_id: null, ad_set_meta_id: null, campaign_meta_id: null })
      await settle()
      for (const order of [declined, withdrawn, staleClick]) expect(await ads().listMetaAdAttributions({ order_id: order.id })).toHaveLength(0)

      const list = await campaignsList()
      expect(list.store.today).toMatchObject({ orders: 1, revenue: money(clickOnly.total), ad_unknown_orders: 1, ad_unknown_revenue: money(clickOnly.total) })
      for (const campaign of list.campaigns) expect(campaign.metrics.today.store_orders).toBe(0)

      const bad = await api
        .post("/store/meta/cart-context", { cart_id: "cart_01JABCDEFGHJKMNPQRS", consent: true, landing_url: "shop.example.com/?ad_id=1" }, { headers: { "x-publishable-api-key": store.publishableKey } })
        .catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/landing_url/)
    })

    it("an order in another currency than the ad account's is listed apart, never added to store revenue or ROAS", async () => {
      await connect("USD")
      const [first] = tree
      const order = await checkout({ consent: true, landing_url: clickThrough(first) })
      expect(await attributionOf(order.id)).toMatchObject({ ad_meta_id: first.ad, currency_code: "eur" })

      const list = await campaignsList()
      const today = campaignOf(list, first.campaign).metrics.today
      expect(today.store_orders).toBe(0)
      expect(today.store_revenue).toBe("0.00")
      expect(today.store_roas === null || today.store_roas === "0").toBe(true)
      expect(today.store_revenue_other_currencies).toEqual([{ currency: "EUR", amount: money(order.total), orders: 1 }])
      expect(list.store.today).toMatchObject({ orders: 0, revenue: "0.00", other_currencies: [{ currency: "EUR", amount: money(order.total), orders: 1 }] })
    })

    it("a boosted post's ad carries the url_tags; a click through it is credited to the new ad and its campaign", async () => {
      await connect()
      const accounts = (await admin.get("/admin/meta/publishing/accounts")).accounts
      const page = accounts.find((a: any) => a.meta_id === PAGE)
      await admin.post(`/admin/meta/publishing/accounts/${page.id}`, { enabled: true })
      const { publication } = await admin.post("/admin/meta/publications", { account_id: page.id, kind: "facebook_post", caption: "New T-shirts are in", media: [] })
      await admin.post(`/admin/meta/publications/${publication.id}/publish`)
      await waitFor(
        () => admin.get(`/admin/meta/publications/${publication.id}`).then((r: any) => r.publication.status),
        (status) => status === "published" || status === "failed",
        "the publication to be published",
        60_000
      )
      const { campaign } = await admin.post("/admin/meta/campaigns/boost", {
        publication_id: publication.id,
        objective: "OUTCOME_ENGAGEMENT",
        daily_budget: "12.50",
        duration_days: 7,
        audience: { countries: ["DE"] },
      })
      const adSet = campaign.ad_sets[0]
      const ad = adSet.ads[0]
      const creative = emulator.ads.creatives(ACT).find((c: any) => c.id === ad.creative.id)
      expect(creative.urlTags).toBe(AD_URL_TAGS)

      const order = await checkout({ consent: true, landing_url: clickThrough({ campaign: campaign.meta_id, adSet: adSet.meta_id, ad: ad.meta_id }) })
      expect(await attributionOf(order.id)).toMatchObject({ ad_meta_id: ad.meta_id, ad_set_meta_id: adSet.meta_id, campaign_meta_id: campaign.meta_id })
      expect(campaignOf(await campaignsList(), campaign.meta_id).metrics.today).toMatchObject({ store_orders: 1, store_revenue: money(order.total) })
    })
  },
})
