import { createHmac } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../src/modules/meta-publishing"
import type MetaPublishingModuleService from "../../src/modules/meta-publishing/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { catalogWorker } from "../helpers/catalog-worker"
import { startMediaServer, type MediaServer } from "../helpers/media-server"
import { TEST_APP_SECRET, useTestEmulator, waitFor } from "../helpers/meta-env"

jest.setTimeout(240_000)

const EMULATOR_PORT = 9878
const IG = "40001"
const PAGE = "30001"
const ACT = "act_50001"
const DAY_MS = 86_400_000
// The catalog test drives the catalog worker itself; catalog ads link to the storefront.
process.env.META_CATALOG_WORKER = "off"
process.env.META_STOREFRONT_URL = "https://shop.example.com"

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-ads-create",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let media: MediaServer
    let accounts: Record<string, { id: string }>
    const admin = {
      get: (path: string) => api.get(path, { headers }),
      post: (path: string, body: unknown = {}) => api.post(path, body, { headers }),
    }
    /** Any answer, 4xx included. */
    const attempt = (path: string, body: unknown) => api.post(path, body, { headers }).catch((e: any) => e.response)
    const publishing = () => getContainer().resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    /** Write calls Meta applied to ads objects. */
    const applied = (path?: string | RegExp) => emulator.ads.writes({ method: "POST", ...(path ? { path } : {}) }).filter((w: any) => w.outcome === "applied")
    const live = <T extends { status: string }>(rows: T[]) => rows.filter((r) => r.status !== "DELETED")

    const connect = async (adAccountId: string) => {
      const res = await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001", ad_account_id: adAccountId }, { headers })
      const { data } = await admin.get("/admin/meta/publishing/accounts")
      accounts = Object.fromEntries(data.accounts.map((a: any) => [a.meta_id, a]))
      for (const account of data.accounts) await admin.post(`/admin/meta/publishing/accounts/${account.id}`, { enabled: true })
      return res.data.connection
    }

    /** A publication published through the plugin (so its post exists at Meta), showing two products. */
    const published = async (platform: "instagram" | "facebook", caption: string) => {
      const body =
        platform === "instagram"
          ? { account_id: accounts[IG].id, kind: "instagram_image", caption, media: [{ url: media.image(1080, 1080) }] }
          : { account_id: accounts[PAGE].id, kind: "facebook_post", caption, media: [] }
      const { data } = await admin.post("/admin/meta/publications", body)
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const done = await waitFor(
        () => admin.get(`/admin/meta/publications/${data.publication.id}`).then((r) => r.data.publication),
        (p: any) => p.status === "published" || p.status === "failed",
        "the publication to be published",
        60_000
      )
      expect(done.status).toBe("published")
      await publishing().updateMetaPublications({ id: done.id, product_ids: ["prod_tote", "prod_strap"] })
      return done as { id: string; meta_post_id: string }
    }

    const boost = (body: Record<string, unknown>) =>
      attempt("/admin/meta/campaigns/boost", {
        objective: "OUTCOME_ENGAGEMENT",
        daily_budget: "12.50",
        duration_days: 7,
        audience: { countries: ["US", "CA"] },
        ...body,
      })

    beforeAll(async () => {
      media = await startMediaServer()
    })
    afterAll(async () => {
      await media.close()
    })

    beforeEach(async () => {
      emulator.reset()
      emulator.ads.configure({ accessTier: "standard_access" })
      emulator.publishing.setContainerDelays({ imageMs: 100, videoMs: 200 })
      headers = (await createAdminHeaders(getContainer(), api)).headers
    })

    it("boosts an Instagram publication: campaign, ad set, creative and ad, all PAUSED; a repeated request creates nothing more", async () => {
      await connect(ACT)
      const post = await published("instagram", "New in: the Everyday Tote")
      const body = {
        publication_id: post.id,
        audience: { countries: ["US", "CA"], age_min: 21, age_max: 45, genders: ["female"] },
        idempotency_key: "boost-ig-1",
      }
      const res = await boost(body)
      expect(res.data.message).toBeUndefined()
      expect(res.status).toBe(200)
      const { campaign } = res.data
      expect(campaign).toMatchObject({ status: "PAUSED", objective: "OUTCOME_ENGAGEMENT", special_ad_categories: [] })
      expect(campaign.ad_sets).toHaveLength(1)
      const [adSet] = campaign.ad_sets
      expect(adSet).toMatchObject({ status: "PAUSED", daily_budget: "12.50", daily_budget_minor: "1250", optimization_goal: "POST_ENGAGEMENT", billing_event: "IMPRESSIONS" })
      expect(adSet.ads).toHaveLength(1)
      expect(adSet.ads[0]).toMatchObject({ status: "PAUSED", creative: { source_instagram_media_id: post.meta_post_id, object_story_id: null }, product_ids: ["prod_tote", "prod_strap"] })

      // at Meta: the four objects, paused, with the fields Meta needs at v25
      const [atMeta] = emulator.ads.campaigns(ACT)
      expect(atMeta).toMatchObject({ id: campaign.meta_id, status: "PAUSED", objective: "OUTCOME_ENGAGEMENT", specialAdCategories: [], budgetSharing: false })
      const [metaSet] = emulator.ads.adSets(ACT)
      expect(metaSet).toMatchObject({ status: "PAUSED", dailyBudget: 1250, optimizationGoal: "POST_ENGAGEMENT", billingEvent: "IMPRESSIONS" })
      expect(metaSet.targeting).toMatchObject({ geo_locations: { countries: ["US", "CA"] }, age_min: 21, age_max: 45, genders: [2], targeting_automation: { advantage_audience: 0 } })
      expect(metaSet.endTime! - metaSet.startTime).toBe(7 * DAY_MS)
      const [creative] = emulator.ads.creatives(ACT)
      expect(creative).toMatchObject({ sourceInstagramMediaId: post.meta_post_id, instagramUserId: IG, objectType: "INSTAGRAM_MEDIA" })
      expect(emulator.ads.ads(ACT)).toEqual([expect.objectContaining({ status: "PAUSED", creativeId: creative.id, adSetId: metaSet.id })])
      const creativeCall = applied(/adcreatives$/)[0]
      expect(creativeCall.params).not.toHaveProperty("instagram_actor_id")
      expect(applied(/campaigns$/)[0].params).toMatchObject({ special_ad_categories: [], is_adset_budget_sharing_enabled: false, status: "PAUSED" })

      // the same request again (a retry after a lost answer): the same campaign, nothing sent
      const writesBefore = applied().length
      const again = await boost(body)
      expect(again.data.campaign.id).toBe(campaign.id)
      expect(applied()).toHaveLength(writesBefore)
      expect(emulator.ads.campaigns(ACT)).toHaveLength(1)
      expect(emulator.ads.creatives(ACT)).toHaveLength(1)
      // the same key for another request is refused
      const other = await boost({ ...body, daily_budget: "20.00" })
      expect(other.status).toBe(400)
      expect(other.data.message).toMatch(/idempotency_key/)

      // the audit log holds the creation and each object, applied
      const log = (await admin.get("/admin/meta/ad-changes?limit=20")).data.changes
      expect(log.map((c: any) => `${c.action}:${c.status}`).sort()).toEqual(["create_ad:applied", "create_ad_set:applied", "create_boost:applied", "create_creative:applied"])
    })

    it("boosts a Facebook post with object_story_id {page_id}_{post_id} and a lifetime budget over its days", async () => {
      await connect(ACT)
      const post = await published("facebook", "Weekend sale on the Page")
      expect(post.meta_post_id).toMatch(new RegExp(`^${PAGE}_\\d+$`))
      const res = await boost({ post_id: post.meta_post_id, objective: "OUTCOME_TRAFFIC", daily_budget: undefined, lifetime_budget: "70.00", duration_days: 7 })
      expect(res.data.message).toBeUndefined()
      const adSet = res.data.campaign.ad_sets[0]
      expect(adSet).toMatchObject({ status: "PAUSED", lifetime_budget: "70.00", lifetime_budget_minor: "7000", optimization_goal: "LINK_CLICKS" })
      expect(adSet.ads[0]).toMatchObject({ status: "PAUSED", creative: { object_story_id: post.meta_post_id, source_instagram_media_id: null }, product_ids: ["prod_tote", "prod_strap"] })
      expect(emulator.ads.creatives(ACT)).toEqual([expect.objectContaining({ objectStoryId: post.meta_post_id })])
      const [metaSet] = emulator.ads.adSets(ACT)
      expect(metaSet).toMatchObject({ lifetimeBudget: 7000, status: "PAUSED" })
      // countries only: Advantage+ audience may widen it
      expect(metaSet.targeting).toMatchObject({ geo_locations: { countries: ["US", "CA"] }, targeting_automation: { advantage_audience: 1 } })
      expect(live(emulator.ads.campaigns(ACT))).toHaveLength(1)
    })

    it("a COP account's budget is sent in whole pesos, unscaled", async () => {
      emulator.ads.seedAccount({ id: "act_50007", currency: "COP", timezone: "America/Bogota" })
      await connect("act_50007")
      const post = await published("facebook", "Envío gratis")
      const res = await boost({ publication_id: post.id, daily_budget: "100000" })
      expect(res.data.message).toBeUndefined()
      expect(res.data.campaign.ad_sets[0]).toMatchObject({ daily_budget: "100000", daily_budget_minor: "100000" })
      expect(emulator.ads.adSets("act_50007")[0].dailyBudget).toBe(100000)
      const cents = await boost({ publication_id: post.id, daily_budget: "100000.50" })
      expect(cents.status).toBe(400)
      expect(cents.data.message).toMatch(/daily_budget.*COP/)
    })

    it("a refusal at the ad step leaves no campaign, ad set or creative behind; the same request later succeeds", async () => {
      await connect(ACT)
      const post = await published("instagram", "Rolled back")
      emulator.injectFault({ method: "POST", path: `/\\/${ACT}\\/ads$/`, kind: "error", status: 400, error: { code: 100, message: "Invalid parameter" } })
      const failed = await boost({ publication_id: post.id, idempotency_key: "boost-rollback" })
      expect(failed.status).toBe(400)
      expect(failed.data.message).toMatch(/Meta refused the ad/)
      expect(emulator.ads.campaigns(ACT)).toHaveLength(1)
      expect(live(emulator.ads.campaigns(ACT))).toHaveLength(0)
      expect(live(emulator.ads.adSets(ACT))).toHaveLength(0)
      expect(live(emulator.ads.creatives(ACT))).toHaveLength(0)
      expect(emulator.ads.ads(ACT)).toHaveLength(0)
      expect(emulator.ads.writes({ method: "DELETE" }).map((w: any) => w.outcome)).toEqual(["applied", "applied", "applied"])
      const log = (await admin.get("/admin/meta/ad-changes?limit=20")).data.changes
      expect(log.find((c: any) => c.action === "create_boost")).toMatchObject({ status: "failed", error: expect.stringMatching(/Rolled back/) })

      const retried = await boost({ publication_id: post.id, idempotency_key: "boost-rollback" })
      expect(retried.data.message).toBeUndefined()
      expect(live(emulator.ads.campaigns(ACT))).toHaveLength(1)
      expect(live(emulator.ads.creatives(ACT))).toHaveLength(1)
      expect(emulator.ads.ads(ACT)).toHaveLength(1)
    })

    it("exactly once: an ad set whose answer was lost is found, not made twice; two identical requests at once make one campaign", async () => {
      await connect(ACT)
      const post = await published("facebook", "Lost and found")
      emulator.injectFault({ method: "POST", path: `/\\/${ACT}\\/adsets$/`, kind: "lost_response" })
      const res = await boost({ publication_id: post.id, idempotency_key: "boost-lost" })
      expect(res.data.message).toBeUndefined()
      expect(emulator.ads.adSets(ACT)).toHaveLength(1)
      expect(applied(/adsets$/)).toHaveLength(1)
      expect(res.data.campaign.ad_sets[0].meta_id).toBe(emulator.ads.adSets(ACT)[0].id)

      const twins = await Promise.all([boost({ publication_id: post.id, idempotency_key: "boost-twins" }), boost({ publication_id: post.id, idempotency_key: "boost-twins" })])
      expect(twins.map((r) => r.status)).toEqual([200, 200])
      expect(twins[0].data.campaign.id).toBe(twins[1].data.campaign.id)
      expect(emulator.ads.campaigns(ACT)).toHaveLength(2)
      expect(emulator.ads.ads(ACT)).toHaveLength(2)
    })

    it("Meta's refusal names the field: a Facebook post deleted at Meta cannot be boosted", async () => {
      await connect(ACT)
      const post = await published("facebook", "Gone soon")
      const token = emulator.createSystemUserToken()
      const proof = (t: string) => createHmac("sha256", TEST_APP_SECRET).update(t).digest("hex")
      const pages = await (await fetch(`${emulator.url}/v25.0/me/accounts?fields=id,access_token&access_token=${token}&appsecret_proof=${proof(token)}`)).json()
      const pageToken = pages.data.find((p: any) => p.id === PAGE).access_token
      const deleted = await fetch(`${emulator.url}/v25.0/${post.meta_post_id}?access_token=${pageToken}&appsecret_proof=${proof(pageToken)}`, { method: "DELETE" })
      expect(deleted.status).toBe(200)

      const res = await boost({ publication_id: post.id })
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/^publication_id: Meta refused the creative: .*doesn't exist/)
      expect(res.data.message).toMatch(/object_story_id/)
      expect(live(emulator.ads.campaigns(ACT))).toHaveLength(0)
      expect(live(emulator.ads.adSets(ACT))).toHaveLength(0)
    })

    it("catalog sales: OUTCOME_SALES for a synced product set, with the pixel's purchases, all PAUSED", async () => {
      const connection = await connect(ACT)
      const catalogId = connection.selected.catalog_id
      expect(catalogId).toBeTruthy()
      const salesChannelId = (await admin.get("/admin/sales-channels")).data.sales_channels[0].id
      const summer = (await admin.post("/admin/collections", { title: "Summer" })).data.collection
      const tee = (
        await admin.post("/admin/products", {
          title: "Tee",
          handle: "tee",
          status: "published",
          description: "Soft cotton",
          images: [{ url: "https://cdn.example.com/tee.jpg" }],
          thumbnail: "https://cdn.example.com/tee.jpg",
          options: [{ title: "Size", values: ["M", "L"] }],
          sales_channels: [{ id: salesChannelId }],
          collection_id: summer.id,
          variants: ["M", "L"].map((size) => ({ title: size, sku: `TEE-${size}`, options: { Size: size }, manage_inventory: false, prices: [{ amount: 20, currency_code: "eur" }] })),
        })
      ).data.product
      const { eventually } = catalogWorker(getContainer)
      await admin.post("/admin/meta/catalog/sync")
      const meta = getContainer().resolve<MetaModuleService>(META_MODULE)
      let set: any
      await eventually(async () => {
        ;[set] = await meta.listMetaCatalogProductSets({ source_id: summer.id })
        expect(set).toMatchObject({ status: "synced", retailer_ids: expect.arrayContaining(["TEE-M", "TEE-L"]) })
        expect(set.meta_product_set_id).toBeTruthy()
        const items = await meta.listMetaCatalogItems({ product_id: tee.id })
        expect(items.map((i: any) => `${i.retailer_id}:${i.status}`).sort()).toEqual(["TEE-L:synced", "TEE-M:synced"])
      })

      const res = await attempt("/admin/meta/campaigns/catalog-sales", { product_set_id: set.id, daily_budget: "50.00", countries: ["US"], idempotency_key: "catalog-1" })
      expect(res.data.message).toBeUndefined()
      const { campaign } = res.data
      expect(campaign).toMatchObject({ status: "PAUSED", objective: "OUTCOME_SALES", daily_budget: "50.00", daily_budget_minor: "5000", special_ad_categories: [] })
      expect(campaign.ad_sets[0]).toMatchObject({ status: "PAUSED", optimization_goal: "OFFSITE_CONVERSIONS", daily_budget: null })
      expect(campaign.ad_sets[0].ads[0]).toMatchObject({ status: "PAUSED", creative: { product_set_id: set.meta_product_set_id }, product_ids: [tee.id] })

      const [atMeta] = emulator.ads.campaigns(ACT)
      expect(atMeta).toMatchObject({ objective: "OUTCOME_SALES", status: "PAUSED", dailyBudget: 5000, promotedObject: { product_catalog_id: catalogId }, specialAdCategories: [] })
      expect(atMeta).not.toHaveProperty("smartPromotionType")
      const [metaSet] = emulator.ads.adSets(ACT)
      expect(metaSet).toMatchObject({ status: "PAUSED", promotedObject: { product_set_id: set.meta_product_set_id, pixel_id: "60001", custom_event_type: "PURCHASE" } })
      expect(metaSet).not.toHaveProperty("dailyBudget")
      const [creative] = emulator.ads.creatives(ACT)
      expect(creative).toMatchObject({ productSetId: set.meta_product_set_id, objectStorySpec: { page_id: PAGE, template_data: { link: "https://shop.example.com" } } })
      expect(emulator.ads.ads(ACT)).toEqual([expect.objectContaining({ status: "PAUSED", creativeId: creative.id })])
      for (const write of applied()) expect(write.params).not.toHaveProperty("smart_promotion_type")

      const again = await attempt("/admin/meta/campaigns/catalog-sales", { product_set_id: set.id, daily_budget: "50.00", countries: ["US"], idempotency_key: "catalog-1" })
      expect(again.data.campaign.id).toBe(campaign.id)
      expect(emulator.ads.campaigns(ACT)).toHaveLength(1)
    })

    it("bad input gets a 4xx naming the field, before anything reaches Meta", async () => {
      await connect(ACT)
      const draft = (await admin.post("/admin/meta/publications", { account_id: accounts[PAGE].id, kind: "facebook_post", caption: "Not yet", media: [] })).data.publication
      const cases: [Record<string, unknown>, number, RegExp][] = [
        [{ publication_id: draft.id, objective: "POST_ENGAGEMENT" }, 400, /objective/],
        [{ publication_id: draft.id, objective: undefined }, 400, /objective/],
        [{ publication_id: draft.id, lifetime_budget: "100" }, 400, /exactly one of daily_budget or lifetime_budget/],
        [{ publication_id: draft.id, post_id: "1_2" }, 400, /exactly one of publication_id or post_id/],
        [{ publication_id: draft.id, daily_budget: "12,50" }, 400, /daily_budget/],
        [{ publication_id: draft.id, duration_days: 0 }, 400, /duration_days/],
        [{ publication_id: draft.id, audience: { countries: ["usa"] } }, 400, /audience\.countries/],
        [{ publication_id: draft.id, audience: { countries: [] } }, 400, /audience\.countries/],
        [{ publication_id: draft.id, audience: { countries: ["US"], age_min: 10 } }, 400, /audience\.age_min/],
        [{ publication_id: draft.id, audience: { countries: ["US"], age_min: 40, age_max: 30 } }, 400, /audience\.age_max/],
        [{ publication_id: draft.id, audience: { countries: ["US"], genders: ["other"] } }, 400, /audience\.genders/],
        [{ publication_id: draft.id }, 400, /^publication_id: the publication is draft/],
        [{ publication_id: "metapub_nope" }, 404, /publication_id/],
        [{ post_id: "not-a-post" }, 400, /post_id/],
      ]
      for (const [body, status, message] of cases) {
        const res = await boost(body)
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status])
        expect(res.data.message).toMatch(message)
      }
      const post = await published("facebook", "Cheap")
      const tiny = await boost({ publication_id: post.id, daily_budget: "0.50" })
      expect(tiny.status).toBe(400)
      expect(tiny.data.message).toMatch(/daily_budget must be at least .* USD/)
      const catalog: [Record<string, unknown>, number, RegExp][] = [
        [{ daily_budget: "50", countries: ["US"] }, 400, /product_set_id/],
        [{ product_set_id: "metaps_nope", daily_budget: "50", countries: ["US"] }, 404, /product_set_id/],
        [{ product_set_id: "metaps_nope", daily_budget: "-5", countries: ["US"] }, 400, /daily_budget/],
        [{ product_set_id: "metaps_nope", daily_budget: "50", countries: "US" }, 400, /countries/],
        [{ product_set_id: "metaps_nope", daily_budget: "50", countries: ["US"], smart_promotion_type: "AUTOMATED_SHOPPING_ADS" }, 400, /smart_promotion_type/],
      ]
      for (const [body, status, message] of catalog) {
        const res = await attempt("/admin/meta/campaigns/catalog-sales", body)
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status])
        expect(res.data.message).toMatch(message)
      }
      expect(emulator.ads.writes()).toHaveLength(0)
    })
  },
})
