import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { mp4 } from "../../src/emulator/__tests__/mp4-fixture"
import refreshMetaInsightsJob from "../../src/jobs/refresh-meta-insights"
import { META_PUBLISHING_MODULE } from "../../src/modules/meta-publishing"
import type MetaPublishingModuleService from "../../src/modules/meta-publishing/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useTestEmulator, waitFor } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9888
const PAGE = "30001"
const DAY = 86_400_000
const VIDEO_METRICS = ["total_video_views", "total_video_views_unique", "total_video_avg_time_watched", "total_video_view_total_time"]
const REEL_METRICS = ["blue_reels_play_count", "fb_reels_total_plays", "post_video_avg_time_watched", "post_video_view_time", "post_video_followers"]

const emulator = useTestEmulator(EMULATOR_PORT)

/** The store's videos as Meta fetches them: /clip-<seconds>.mp4, an MP4 of that length. */
async function startVideoServer() {
  const server: Server = createServer((req, res) => {
    const match = /^\/clip-([\d.]+)\.mp4$/.exec(new URL(req.url ?? "/", "http://127.0.0.1").pathname)
    if (!match) return res.writeHead(404).end()
    const body = mp4(Number(match[1]), { mdatBytes: 64 * 1024 })
    res.writeHead(200, { "content-type": "video/mp4", "content-length": body.length, "accept-ranges": "bytes" })
    res.end(req.method === "HEAD" ? undefined : body)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    clip: (seconds: number) => `${base}/clip-${seconds}.mp4`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}

medusaIntegrationTestRunner({
  dbName: "meta-it-insights-video",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let videos: Awaited<ReturnType<typeof startVideoServer>>
    let pageAccount: { id: string; platform: string; meta_id: string }
    const svc = () => getContainer().resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const admin = {
      get: (path: string) => api.get(path, { headers }),
      post: (path: string, body: unknown = {}) => api.post(path, body, { headers }),
    }
    const insightsOf = async (id: string) => (await admin.get(`/admin/meta/insights/publications/${id}`)).data.insights
    /** Graph reads of video insights, as Meta counts them (a batch's operations one by one). */
    const videoInsightReads = (metaId: string) =>
      emulator.logicalRequests({ method: "GET", path: /\/video_insights$/ }).filter((r: any) => r.path.includes(`/${metaId}/video_insights`))
    const batchCalls = () => emulator.requests({ method: "POST" }).filter((r: any) => r.subRequests)
    /** The emulator's figures for the metrics the plugin asks. */
    const expectedOf = (metaId: string, names: string[]) => {
      const all = emulator.insights.mediaMetrics(metaId) as Record<string, number>
      return Object.fromEntries(names.map((name) => [name, all[name]]))
    }

    const publishNow = async (kind: "facebook_video" | "facebook_reel", caption: string, seconds: number) => {
      const { data } = await admin.post("/admin/meta/publications", { account_id: pageAccount.id, kind, caption, media: [{ url: videos.clip(seconds) }] })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const done = await waitFor(
        async () => (await admin.get(`/admin/meta/publications/${data.publication.id}`)).data.publication,
        (p: any) => p.status === "published" || p.status === "failed",
        "the publication to settle",
        60_000
      )
      expect(done).toMatchObject({ status: "published", last_error: null })
      return done
    }

    beforeAll(async () => {
      videos = await startVideoServer()
    })
    afterAll(async () => {
      await videos.close()
    })

    beforeEach(async () => {
      emulator.reset()
      emulator.publishing.setContainerDelays({ imageMs: 100, videoMs: 200 })
      headers = (await createAdminHeaders(getContainer(), api)).headers
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001" }, { headers })
      const { data } = await admin.get("/admin/meta/publishing/accounts")
      pageAccount = data.accounts.find((a: any) => a.meta_id === PAGE)
      await admin.post(`/admin/meta/publishing/accounts/${pageAccount.id}`, { enabled: true })
    })

    it("fills a Facebook video's and a reel's figures from /video_insights, in one batch call, and they grow", async () => {
      const video = await publishNow("facebook_video", "Workshop tour", 30)
      const reel = await publishNow("facebook_reel", "Behind the scenes", 20)
      // the reel is read by its Video id, which the emulator knows as a reel
      expect(emulator.publishing.reels(PAGE).map((r) => r.id)).toContain(reel.meta_post_id)
      emulator.insights.advance(3 * DAY)
      const before = batchCalls().length

      const { data } = await admin.post("/admin/meta/insights/refresh", {})
      expect(data.refreshed_publications).toBe(2)
      const batches = batchCalls()
        .slice(before)
        .filter((r: any) => r.subRequests.some((s: any) => s.path.includes("/video_insights")))
      expect(batches).toHaveLength(1)
      expect(batches[0].subRequests).toHaveLength(2)
      const [videoRead] = videoInsightReads(video.meta_post_id)
      const [reelRead] = videoInsightReads(reel.meta_post_id)
      expect(String(videoRead.query.metric).split(",")).toEqual(VIDEO_METRICS)
      expect(String(reelRead.query.metric).split(",")).toEqual(REEL_METRICS)

      const videoInsights = await insightsOf(video.id)
      expect(videoInsights.unavailable_reason).toBeNull()
      expect(videoInsights.metrics).toEqual(expectedOf(video.meta_post_id, VIDEO_METRICS))
      expect(videoInsights.metrics.total_video_views).toBeGreaterThan(0)
      expect(videoInsights.history).toHaveLength(1)
      const reelInsights = await insightsOf(reel.id)
      expect(reelInsights.unavailable_reason).toBeNull()
      expect(reelInsights.metrics).toEqual(expectedOf(reel.meta_post_id, REEL_METRICS))
      expect(reelInsights.metrics.blue_reels_play_count).toBeGreaterThan(0)

      // a day later the job reads them again and the figures have grown
      emulator.insights.advance(DAY)
      const stale = new Date(Date.now() - 2 * 3_600_000)
      await svc().updateMetaPublications([{ id: video.id, insights_refreshed_at: stale }, { id: reel.id, insights_refreshed_at: stale }])
      await refreshMetaInsightsJob(getContainer())
      const grownVideo = await insightsOf(video.id)
      expect(grownVideo.metrics.total_video_views).toBeGreaterThan(videoInsights.metrics.total_video_views)
      expect(grownVideo.metrics).toEqual(expectedOf(video.meta_post_id, VIDEO_METRICS))
      const grownReel = await insightsOf(reel.id)
      expect(grownReel.metrics.fb_reels_total_plays).toBeGreaterThan(reelInsights.metrics.fb_reels_total_plays)
    })

    it("a metric Meta refuses for a reel is dropped and the reel's other figures still fill", async () => {
      const reel = await publishNow("facebook_reel", "Refused metric", 15)
      emulator.insights.advance(3 * DAY)
      // Meta stops answering one of the reels metrics: the first read fails whole, naming it.
      emulator.injectFault({
        method: "GET",
        path: `/${reel.meta_post_id}/video_insights`,
        kind: "error",
        status: 400,
        error: { code: 100, message: "(#100) The Video Insights API does not support the post_video_followers metric for reels." },
      })

      await admin.post("/admin/meta/insights/refresh", {})
      const reads = videoInsightReads(reel.meta_post_id)
      expect(reads).toHaveLength(2)
      expect(String(reads[1].query.metric).split(",")).toEqual(REEL_METRICS.filter((m) => m !== "post_video_followers"))
      const insights = await insightsOf(reel.id)
      expect(insights.unavailable_reason).toBeNull()
      expect(insights.metrics).not.toHaveProperty("post_video_followers")
      expect(insights.metrics).toEqual(expectedOf(reel.meta_post_id, REEL_METRICS.filter((m) => m !== "post_video_followers")))
    })
  },
})
