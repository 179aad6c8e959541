import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet, graphSend, proofFor, type GraphAnswer } from "./emulator-test-client"
import { mp4 } from "./mp4-fixture"

const PAGE = "30001"
const HOUR = 3600 * 1000
const DAY = 24 * HOUR
const VIDEO_METRICS = "total_video_views,total_video_views_unique,total_video_avg_time_watched,total_video_view_total_time"
const REEL_METRICS = "blue_reels_play_count,fb_reels_total_plays,post_video_avg_time_watched,post_video_view_time,post_video_followers"

/** Serves /clip-<seconds>.mp4, an MP4 of that length. */
async function startVideoServer(): Promise<{ url: (seconds: number) => string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const match = /^\/clip-([\d.]+)\.mp4$/.exec(new URL(req.url ?? "/", "http://127.0.0.1").pathname)
    if (!match) return res.writeHead(404).end()
    const body = mp4(Number(match[1]), { mdatBytes: 16 * 1024 })
    res.writeHead(200, { "content-type": "video/mp4", "content-length": body.length })
    res.end(req.method === "HEAD" ? undefined : body)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (seconds) => `http://127.0.0.1:${port}/clip-${seconds}.mp4`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

describe("Graph emulator: video insights (/{video-id}/video_insights)", () => {
  let emulator: GraphEmulator
  let videos: Awaited<ReturnType<typeof startVideoServer>>
  let system: string
  let pageToken: string

  beforeAll(async () => {
    emulator = await startGraphEmulator()
    videos = await startVideoServer()
  })
  afterAll(async () => {
    await emulator.close()
    await videos.close()
  })
  beforeEach(async () => {
    emulator.reset()
    system = emulator.createSystemUserToken()
    const accounts = await graphGet(emulator, "me/accounts", system, { fields: "id,access_token" })
    pageToken = accounts.body.data.find((p: { id: string }) => p.id === PAGE).access_token
  })

  async function postVideo(): Promise<string> {
    const answer = await graphSend(emulator, "POST", `${PAGE}/videos`, pageToken, { file_url: videos.url(30), description: "Workshop tour" })
    expect(answer.status).toBe(200)
    return answer.body.id
  }
  async function postReel(state: "PUBLISHED" | "DRAFT" = "PUBLISHED"): Promise<string> {
    const started = await graphSend(emulator, "POST", `${PAGE}/video_reels`, pageToken, { upload_phase: "start" })
    const upload = await fetch(started.body.upload_url, { method: "POST", headers: { authorization: `OAuth ${pageToken}`, file_url: videos.url(20) } })
    expect(upload.status).toBe(200)
    const finished = await graphSend(emulator, "POST", `${PAGE}/video_reels`, pageToken, { upload_phase: "finish", video_id: started.body.video_id, video_state: state })
    expect(finished.body).toEqual({ success: true })
    return started.body.video_id
  }
  const videoInsights = (id: string, metric?: string, as = pageToken, params: Record<string, string> = {}) =>
    graphGet(emulator, `${id}/video_insights`, as, { ...(metric ? { metric } : {}), ...params })
  const valuesOf = (answer: GraphAnswer) => Object.fromEntries(answer.body.data.map((m: { name: string; values: { value: unknown }[] }) => [m.name, m.values[0].value]))

  it("a Page video answers lifetime total_video_* figures in Meta's shape, growing over time", async () => {
    const id = await postVideo()
    emulator.insights.advance(2 * HOUR)
    const early = valuesOf(await videoInsights(id, VIDEO_METRICS))
    emulator.insights.advance(3 * DAY)
    const answer = await videoInsights(id, VIDEO_METRICS)
    expect(answer.status).toBe(200)
    expect(answer.body.data).toHaveLength(4)
    expect(answer.body.data[0]).toEqual({
      name: "total_video_views",
      period: "lifetime",
      values: [{ value: expect.any(Number) }],
      title: "Lifetime Total Video Views",
      description: expect.stringContaining("3 seconds"),
      id: `${id}/video_insights/total_video_views/lifetime`,
    })
    const later = valuesOf(answer)
    expect(later.total_video_views).toBeGreaterThan(early.total_video_views)
    expect(later.total_video_views_unique).toBeLessThanOrEqual(later.total_video_views)
    expect(later.total_video_avg_time_watched).toBeGreaterThan(0)
    expect(later.total_video_view_total_time).toBeGreaterThanOrEqual(later.total_video_avg_time_watched * later.total_video_views)
    expect(later).toEqual(Object.fromEntries(Object.entries(emulator.insights.mediaMetrics(id)).filter(([name]) => VIDEO_METRICS.split(",").includes(name))))
    // the same figures again, and by path
    expect(valuesOf(await videoInsights(id, "total_video_views"))).toEqual({ total_video_views: later.total_video_views })
    expect(valuesOf(await graphGet(emulator, `${id}/video_insights/total_video_impressions`, pageToken)).total_video_impressions).toBeGreaterThan(0)
  })

  it("a reel answers the reels metrics, and without metric= every one of them", async () => {
    const id = await postReel()
    emulator.insights.advance(2 * DAY)
    const v = valuesOf(await videoInsights(id, `${REEL_METRICS},post_impressions_unique`))
    expect(Object.keys(v)).toEqual([...REEL_METRICS.split(","), "post_impressions_unique"])
    expect(v.post_impressions_unique).toBeGreaterThan(0)
    expect(v.blue_reels_play_count).toBeGreaterThanOrEqual(v.post_impressions_unique)
    expect(v.fb_reels_total_plays).toBeGreaterThanOrEqual(v.blue_reels_play_count)
    expect(v.post_video_view_time).toBe(v.post_video_avg_time_watched * v.fb_reels_total_plays)
    const all = await videoInsights(id)
    expect(all.body.data.map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining(["blue_reels_play_count", "fb_reels_replay_count", "post_video_likes_by_reaction_type", "post_video_social_actions"])
    )
    expect(all.body.data.map((m: { name: string }) => m.name)).not.toContain("total_video_views")
    expect(valuesOf(all).post_video_likes_by_reaction_type.REACTION_LIKE).toBeGreaterThan(0)
  })

  it.each(["no_such_metric", "impressions", "video_views"])(
    "one name the edge does not know (%s) fails the whole call with (#100)",
    async (name) => {
      const id = await postVideo()
      const answer = await videoInsights(id, `total_video_views,${name}`)
      expect(answer.status).toBe(400)
      expect(answer.body.error).toMatchObject({ code: 100, message: "(#100) The value must be a valid insights metric" })
    }
  )

  it("a video's metrics are refused on a reel and a reel's on a video, naming them", async () => {
    const reel = await postReel()
    const video = await postVideo()
    const onReel = await videoInsights(reel, "blue_reels_play_count,total_video_views")
    expect(onReel.body.error).toMatchObject({ code: 100, message: expect.stringMatching(/does not support the total_video_views metric for reels/) })
    const onVideo = await videoInsights(video, "total_video_views,blue_reels_play_count,fb_reels_total_plays")
    expect(onVideo.body.error.message).toMatch(/does not support the blue_reels_play_count, fb_reels_total_plays metric/)
  })

  it("needs a Page token of the video's Page; a draft reel has no figures; /insights is not an edge of a Video", async () => {
    const id = await postVideo()
    expect((await videoInsights(id, "total_video_views", system)).body.error.code).toBe(210)
    const weak = emulator.createSystemUserToken({ scopes: ["pages_show_list", "pages_read_engagement"] })
    const weakPage = (await graphGet(emulator, "me/accounts", weak, { fields: "id,access_token" })).body.data[0].access_token
    expect((await videoInsights(id, "total_video_views", weakPage)).body.error).toMatchObject({ code: 200, message: expect.stringContaining("read_insights") })
    const draft = await postReel("DRAFT")
    emulator.insights.advance(DAY)
    expect((await videoInsights(draft, "blue_reels_play_count")).body).toEqual({ data: [] })
    expect((await videoInsights(id, "total_video_views", pageToken, { period: "day" })).body).toEqual({ data: [] })
    expect((await graphGet(emulator, `${id}/insights`, pageToken, { metric: "total_video_views" })).status).toBe(400)
  })

  it("answers inside a Graph batch (each operation counted) and takes fixed figures", async () => {
    const video = await postVideo()
    const reel = await postReel()
    emulator.insights.advance(DAY)
    emulator.insights.setMediaMetrics(reel, { blue_reels_play_count: 1234, post_video_followers: null })
    expect(() => emulator.insights.setMediaMetrics(reel, { total_video_views: 3 })).toThrow(/not a metric of reels/)
    const form = new URLSearchParams({
      batch: JSON.stringify([
        { method: "GET", relative_url: `${video}/video_insights?metric=${VIDEO_METRICS}` },
        { method: "GET", relative_url: `v25.0/${reel}/video_insights?metric=${REEL_METRICS}` },
      ]),
      access_token: pageToken,
      appsecret_proof: proofFor(pageToken),
    })
    const answer = await fetch(`${emulator.url}/v25.0/`, { method: "POST", body: form })
    const [first, second] = (await answer.json()) as { code: number; body: string }[]
    expect(first.code).toBe(200)
    expect(JSON.parse(first.body).data.map((m: { name: string }) => m.name)).toEqual(VIDEO_METRICS.split(","))
    const reelValues = valuesOf({ body: JSON.parse(second.body) } as GraphAnswer)
    expect(reelValues.blue_reels_play_count).toBe(1234)
    expect(reelValues).not.toHaveProperty("post_video_followers")
    expect(emulator.insights.requestCounts({ path: /video_insights$/ })).toEqual({ http: 0, logical: 2, batched: 0 })
  })
})
