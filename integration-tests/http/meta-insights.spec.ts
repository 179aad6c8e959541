import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import refreshMetaInsightsJob from "../../src/jobs/refresh-meta-insights"
import { META_PUBLISHING_MODULE } from "../../src/modules/meta-publishing"
import type MetaPublishingModuleService from "../../src/modules/meta-publishing/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { startMediaServer, type MediaServer } from "../helpers/media-server"
import { useTestEmulator, waitFor } from "../helpers/meta-env"
import { SHOPPER_BROWSER } from "../helpers/shopper"
import { completeCart, createTestStore, prepareCart, type TestStore } from "../helpers/store-setup"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9875
const IG = "40001"
const PAGE = "30001"
const DAY = 86_400_000

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-insights",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let media: MediaServer
    let accounts: Record<string, { id: string; platform: string; meta_id: string }>
    const svc = () => getContainer().resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const admin = {
      get: (path: string) => api.get(path, { headers }),
      post: (path: string, body: unknown = {}) => api.post(path, body, { headers }),
    }
    const attemptGet = (path: string) => api.get(path, { headers }).catch((e: any) => e.response)
    /** Graph reads of insights, as Meta counts them (a batch's operations one by one). */
    const insightReads = () => emulator.logicalRequests({ method: "GET", path: /\/insights$/ })
    const batchCalls = () => emulator.requests({ method: "POST" }).filter((r: any) => r.subRequests)

    const publishNow = async (accountId: string, body: Record<string, unknown>) => {
      const { data } = await admin.post("/admin/meta/publications", { account_id: accountId, ...body })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const done = await waitFor(
        async () => (await admin.get(`/admin/meta/publications/${data.publication.id}`)).data.publication,
        (p: any) => p.status === "published" || p.status === "failed",
        "the publication to settle",
        60_000
      )
      expect(done.status).toBe("published")
      return done
    }

    beforeAll(async () => {
      media = await startMediaServer()
    })
    afterAll(async () => {
      await media.close()
    })

    beforeEach(async () => {
      emulator.reset()
      emulator.publishing.setContainerDelays({ imageMs: 100, videoMs: 200 })
      headers = (await createAdminHeaders(getContainer(), api)).headers
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001" }, { headers })
      const { data } = await admin.get("/admin/meta/publishing/accounts")
      accounts = Object.fromEntries(data.accounts.map((a: any) => [a.meta_id, a]))
      for (const account of data.accounts) await admin.post(`/admin/meta/publishing/accounts/${account.id}`, { enabled: true })
    })

    it("fills each publication's figures with current metric names, in one batch call for all of them", async () => {
      const image = await publishNow(accounts[IG].id, { kind: "instagram_image", caption: "Tote", media: [{ url: media.image(1080, 1350) }] })
      const reel = await publishNow(accounts[IG].id, { kind: "instagram_reel", caption: "Reel", media: [{ url: `${media.url}/video/reel.mp4` }] })
      const photo = await publishNow(accounts[PAGE].id, { kind: "facebook_photo", caption: "Photo", media: [{ url: media.image(1200, 800) }] })
      emulator.insights.advance(3 * DAY)
      const before = batchCalls().length

      const { data } = await admin.post("/admin/meta/insights/refresh", {})
      expect(data.refreshed_publications).toBe(3)
      // three publications over two tokens: one HTTP call to Graph
      const ids = [image, reel, photo].map((p) => p.meta_post_id)
      const batches = batchCalls()
        .slice(before)
        .filter((r: any) => r.subRequests.some((s: any) => ids.some((id) => s.path.includes(`${id}/insights`))))
      expect(batches).toHaveLength(1)
      expect(batches[0].subRequests).toHaveLength(3)
      // nothing deprecated asked for (Meta would fail the whole read)
      for (const read of insightReads()) expect(String(read.query?.metric ?? "")).not.toMatch(/impressions|plays|video_views\b/)

      const imageInsights = (await admin.get(`/admin/meta/insights/publications/${image.id}`)).data.insights
      const expected = emulator.insights.mediaMetrics(image.meta_post_id) as Record<string, number>
      expect(imageInsights.metrics.views).toBe(expected.views)
      expect(imageInsights.metrics.reach).toBe(expected.reach)
      expect(imageInsights.metrics.likes).toBe(expected.likes)
      expect(imageInsights.engagement_rate).toBeCloseTo(expected.total_interactions / expected.reach, 6)
      expect(imageInsights.history).toHaveLength(1)
      expect(imageInsights.refreshed_at).toBeTruthy()
      expect(imageInsights.unavailable_reason).toBeNull()

      const reelInsights = (await admin.get(`/admin/meta/insights/publications/${reel.id}`)).data.insights
      expect(reelInsights.metrics.ig_reels_avg_watch_time).toBeGreaterThan(0)
      const photoInsights = (await admin.get(`/admin/meta/insights/publications/${photo.id}`)).data.insights
      expect(photoInsights.metrics.post_total_media_view_unique).toBe(
        (emulator.insights.mediaMetrics(photo.meta_post_id) as Record<string, number>).post_total_media_view_unique
      )

      // figures grow; a later refresh replaces the day's figures, and a new day adds a point
      emulator.insights.advance(DAY)
      await svc().updateMetaPublications({ id: image.id, insights_refreshed_at: new Date(Date.now() - 2 * 3_600_000) })
      await refreshMetaInsightsJob(getContainer())
      const grown = (await admin.get(`/admin/meta/insights/publications/${image.id}`)).data.insights
      expect(grown.metrics.views).toBeGreaterThanOrEqual(imageInsights.metrics.views)
      expect(grown.metrics.views).toBe((emulator.insights.mediaMetrics(image.meta_post_id) as Record<string, number>).views)
    })

    it("two refreshes racing read each publication once", async () => {
      const posts = []
      for (let i = 0; i < 3; i++) {
        posts.push(await publishNow(accounts[IG].id, { kind: "instagram_image", caption: `Post ${i}`, media: [{ url: media.image(1080, 1080, `r${i}`) }] }))
      }
      emulator.insights.advance(3 * DAY)
      const before = insightReads().filter((r: any) => posts.some((p) => r.path.includes(`${p.meta_post_id}/insights`))).length
      await Promise.all([refreshMetaInsightsJob(getContainer()), refreshMetaInsightsJob(getContainer())])
      const reads = insightReads().filter((r: any) => posts.some((p) => r.path.includes(`${p.meta_post_id}/insights`)))
      expect(reads.length - before).toBe(3)
      for (const p of posts) expect((await admin.get(`/admin/meta/insights/publications/${p.id}`)).data.insights.metrics.views).toBeGreaterThan(0)
      // and the job right after has nothing due
      await refreshMetaInsightsJob(getContainer())
      expect(insightReads().filter((r: any) => posts.some((p) => r.path.includes(`${p.meta_post_id}/insights`))).length - before).toBe(3)
    })

    it("reads the account's days and posts, and ranks the best times from when its followers are online", async () => {
      await publishNow(accounts[IG].id, { kind: "instagram_image", caption: "One", media: [{ url: media.image(1080, 1080, "b1") }] })
      await admin.post("/admin/meta/insights/refresh", { account_id: accounts[IG].id })
      const account = (await admin.get(`/admin/meta/insights/accounts/${accounts[IG].id}`)).data.insights
      expect(account.followers_count).toBe(5400)
      expect(account.days.length).toBeGreaterThanOrEqual(28)
      expect(account.days.some((d: any) => typeof d.metrics.reach === "number")).toBe(true)
      expect(account.totals.views).toBeGreaterThan(0)
      expect(account.publications).toHaveLength(1)
      expect(account.refreshed_at).toBeTruthy()

      const { data } = await admin.get(`/admin/meta/insights/best-times?account_id=${accounts[IG].id}`)
      expect(data.slots).toHaveLength(168)
      expect(data.basis).toContain("followers_online")
      for (let i = 1; i < data.slots.length; i++) expect(data.slots[i - 1].score).toBeGreaterThanOrEqual(data.slots[i].score)
      // The emulator's followers peak at 20:00 Los Angeles time: 04:00 UTC in winter, 03:00 in summer.
      const losAngelesOffset = new Date().toLocaleString("en-US", { timeZone: "America/Los_Angeles", timeZoneName: "short" }).endsWith("PDT") ? 7 : 8
      expect(data.slots[0].hour).toBe((20 + losAngelesOffset) % 24)
      expect(data.slots[0].reason).toMatch(/followers are online/)

      const small = await attemptGet(`/admin/meta/insights/best-times`)
      expect(small.status).toBe(400)
      expect(small.data.message).toMatch(/account_id/)
    })

    it("bad input gets a 400 naming the field, an unknown publication a 404", async () => {
      const inverted = await attemptGet(`/admin/meta/insights/accounts/${accounts[IG].id}?from=2026-11-30&to=2026-11-01`)
      expect(inverted.status).toBe(400)
      expect(inverted.data.message).toMatch(/from/)
      const garbage = await attemptGet(`/admin/meta/insights/accounts/${accounts[IG].id}?from=yesterday`)
      expect(garbage.status).toBe(400)
      expect(garbage.data.message).toMatch(/from must be an ISO date/)
      const wide = await attemptGet(`/admin/meta/insights/accounts/${accounts[IG].id}?from=2020-01-01&to=2026-01-01`)
      expect(wide.status).toBe(400)
      expect(wide.data.message).toMatch(/two years/)
      const wrongId = await attemptGet(`/admin/meta/insights/best-times?account_id=40001`)
      expect(wrongId.status).toBe(400)
      expect(wrongId.data.message).toMatch(/metapacc_/)
      const missing = await attemptGet(`/admin/meta/insights/publications/metapub_doesnotexist`)
      expect(missing.status).toBe(404)
      const refreshBad = await api.post("/admin/meta/insights/refresh", { account_id: 5 }, { headers }).catch((e: any) => e.response)
      expect(refreshBad.status).toBe(400)
      expect(refreshBad.data.message).toMatch(/account_id/)
    })

    describe("orders through a publication's link", () => {
      let store: TestStore
      beforeEach(async () => {
        store = await createTestStore(getContainer())
      })

      const checkout = async (context: Record<string, unknown> | null) => {
        const { cartId, headers: shopper } = await prepareCart(api, store, SHOPPER_BROWSER)
        if (context) await api.post("/store/meta/cart-context", { cart_id: cartId, ...context }, { headers: shopper })
        return completeCart(api, cartId, shopper)
      }

      it("are attributed to it, once each, with revenue per currency; other orders are not", async () => {
        const post = await publishNow(accounts[IG].id, { kind: "instagram_image", caption: "Shop", media: [{ url: media.image(1080, 1080, "shop") }] })
        const landing = `https://shop.example.com/products/tote?utm_source=instagram&utm_medium=social&utm_campaign=meta_publishing&utm_content=${post.id}`
        const first = await checkout({ consent: true, landing_url: landing })
        const second = await checkout({ consent: true, landing_url: landing })
        await checkout({ consent: true, landing_url: "https://shop.example.com/?utm_campaign=newsletter" })
        await checkout({ consent: false, landing_url: landing })
        await checkout(null)

        const insights = await waitFor(
          async () => (await admin.get(`/admin/meta/insights/publications/${post.id}`)).data.insights,
          (i: any) => i.attributed.orders >= 2,
          "the orders attributed to the publication"
        )
        // give the other orders' subscribers time to (not) attribute
        await new Promise((r) => setTimeout(r, 1500))
        const settled = (await admin.get(`/admin/meta/insights/publications/${post.id}`)).data.insights
        expect(settled.attributed.orders).toBe(2)
        const total = (Number(first.total) + Number(second.total)).toFixed(2)
        expect(settled.attributed.revenue).toEqual([{ currency_code: first.currency_code.toUpperCase(), amount: expect.any(String) }])
        expect(Number(settled.attributed.revenue[0].amount).toFixed(2)).toBe(total)
        expect(insights.attributed.conversion_rate).toBeNull()

        const rows = await svc().listMetaPublicationAttributions({}, { take: null })
        expect(rows.map((r) => r.order_id).sort()).toEqual([first.id, second.id].sort())

        const account = (await admin.get(`/admin/meta/insights/accounts/${accounts[IG].id}`)).data.insights
        expect(account.attributed.orders).toBe(2)
        expect(account.publications.find((p: any) => p.publication_id === post.id).attributed.orders).toBe(2)
      })

      it("a landing URL that is not a URL is refused with a 400", async () => {
        const { cartId, headers: shopper } = await prepareCart(api, store, SHOPPER_BROWSER)
        const bad = await api.post("/store/meta/cart-context", { cart_id: cartId, consent: true, landing_url: "javascript:alert(1)" }, { headers: shopper }).catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/landing_url/)
      })
    })
  },
})
