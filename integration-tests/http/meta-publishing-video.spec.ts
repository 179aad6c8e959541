import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { mp4 } from "../../src/emulator/__tests__/mp4-fixture"
import publishMetaPublicationsJob from "../../src/jobs/publish-meta-publications"
import { META_PUBLISHING_MODULE } from "../../src/modules/meta-publishing"
import type MetaPublishingModuleService from "../../src/modules/meta-publishing/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useTestEmulator, waitFor } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9886
const IG = "40001"
const PAGE = "30001"

const emulator = useTestEmulator(EMULATOR_PORT)

/**
 * The store's videos as Meta (and the plugin's probe) fetch them: /fast-<s>.mp4 has its movie header
 * first, /camera-<s>.mp4 after 2 MB of media data; both honour byte ranges, /plain-<s>.mp4 (a camera file)
 * does not. Every Range header asked for is kept.
 */
async function startVideoServer() {
  const ranges: string[] = []
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname
    const match = /^\/(fast|camera|plain)-([\d.]+)\.mp4$/.exec(path)
    if (!match) return res.writeHead(404).end()
    const body = mp4(Number(match[2]), match[1] === "fast" ? { mdatBytes: 64 * 1024 } : { moovAtEnd: true, mdatBytes: 2_000_000 })
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ""))
    if (req.headers.range) ranges.push(`${path} ${req.headers.range}`)
    if (range && match[1] !== "plain") {
      const start = Number(range[1])
      if (start >= body.length) return res.writeHead(416, { "content-range": `bytes */${body.length}` }).end()
      const end = Math.min(range[2] ? Number(range[2]) : body.length - 1, body.length - 1)
      res.writeHead(206, { "content-type": "video/mp4", "content-length": end - start + 1, "content-range": `bytes ${start}-${end}/${body.length}` })
      return res.end(req.method === "HEAD" ? undefined : body.subarray(start, end + 1))
    }
    res.writeHead(200, { "content-type": "video/mp4", "content-length": body.length, "accept-ranges": match[1] === "plain" ? "none" : "bytes" })
    res.end(req.method === "HEAD" ? undefined : body)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    ranges,
    video: (kind: "fast" | "camera" | "plain", seconds: number) => `${base}/${kind}-${seconds}.mp4`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}

medusaIntegrationTestRunner({
  dbName: "meta-it-publishing-video",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let videos: Awaited<ReturnType<typeof startVideoServer>>
    let accounts: Record<string, { id: string; platform: string; meta_id: string }>
    const svc = () => getContainer().resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const admin = {
      get: (path: string) => api.get(path, { headers }),
      post: (path: string, body: unknown = {}) => api.post(path, body, { headers }),
    }
    const attempt = (path: string, body: unknown) => api.post(path, body, { headers }).catch((e: any) => e.response)
    const publication = async (id: string) => (await admin.get(`/admin/meta/publications/${id}`)).data.publication
    const settled = (id: string) =>
      waitFor(() => publication(id), (p) => p.status === "published" || p.status === "failed", "the publication to settle", 60_000)
    const runJob = () => publishMetaPublicationsJob(getContainer())
    const dueNow = (id: string) => svc().updateMetaPublications({ id, next_attempt_at: new Date(Date.now() - 1000) })
    const reelCalls = () => emulator.requests({ path: /video_reels|video-upload/ })
    const finishes = () => emulator.requests({ method: "POST", path: /video_reels$/ }).filter((r: any) => r.body?.upload_phase === "finish")
    /** Issues other than the warning that loopback URLs are not reachable from Meta (every test URL is). */
    const issuesOf = (answer: any) => answer.data.issues.filter((i: any) => !/Meta cannot fetch/.test(i.message))
    const publishedReels = () => emulator.publishing.reels(PAGE).filter((r) => r.state === "published")

    beforeAll(async () => {
      videos = await startVideoServer()
    })
    afterAll(async () => {
      await videos.close()
    })

    beforeEach(async () => {
      emulator.reset()
      emulator.publishing.setContainerDelays({ imageMs: 100, videoMs: 200 })
      videos.ranges.length = 0
      headers = (await createAdminHeaders(getContainer(), api)).headers
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001" }, { headers })
      const { data } = await admin.get("/admin/meta/publishing/accounts")
      accounts = Object.fromEntries(data.accounts.map((a: any) => [a.meta_id, a]))
      for (const account of data.accounts) await admin.post(`/admin/meta/publishing/accounts/${account.id}`, { enabled: true })
    })

    it("offers Facebook reels on Pages", async () => {
      expect((await admin.get("/admin/meta/publishing/accounts")).data.accounts.find((a: any) => a.meta_id === PAGE).kinds).toContain("facebook_reel")
    })

    it("publishes a Facebook reel once: start, hosted-file upload, finish; the length read from a camera file by range", async () => {
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[PAGE].id,
        kind: "facebook_reel",
        caption: "Behind the scenes at the workshop",
        media: [{ url: videos.video("camera", 45) }],
      })
      expect(data.publication).toMatchObject({ kind: "facebook_reel", status: "draft", media: [{ type: "video", mime: "video/mp4", duration_seconds: 45 }] })
      // The header came from two ranges (the start, then past the media data), not from the whole file.
      expect(videos.ranges.filter((r) => r.startsWith("/camera-45.mp4")).length).toBeGreaterThanOrEqual(2)
      expect(reelCalls()).toHaveLength(0)

      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const done = await settled(data.publication.id)
      expect(done).toMatchObject({ status: "published", last_error: null })
      expect(publishedReels()).toEqual([expect.objectContaining({ id: done.meta_post_id, description: "Behind the scenes at the workshop", durationSeconds: 45 })])
      expect(done.container_id).toBe(done.meta_post_id)
      expect(done.permalink).toBe(`https://www.facebook.com/reel/${done.meta_post_id}/`)
      expect(finishes()).toHaveLength(1)
      const upload = emulator.requests({ method: "POST", path: /video-upload/ })
      expect(upload).toHaveLength(1)
      // The Page token travels in the header, never in the upload URL.
      expect(JSON.stringify(upload[0].query)).not.toMatch(/access_token/)

      // Published stays published: another run does nothing.
      await runJob()
      expect(finishes()).toHaveLength(1)
      expect(publishedReels()).toHaveLength(1)
    })

    it("a lost answer after finish becomes exactly one reel", async () => {
      emulator.injectFault({ method: "POST", path: "/video_reels", params: { upload_phase: "finish" }, kind: "lost_response" })
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[PAGE].id,
        kind: "facebook_reel",
        caption: "Lost answer reel",
        media: [{ url: videos.video("fast", 20) }],
      })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const waiting = await waitFor(() => publication(data.publication.id), (p) => !!p.last_error, "the retry after the lost answer")
      expect(waiting.status).toBe("publishing")
      expect(publishedReels()).toHaveLength(1) // it did go out

      await dueNow(data.publication.id)
      await runJob()
      const done = await settled(data.publication.id)
      expect(done.status).toBe("published")
      expect(done.meta_post_id).toBe(publishedReels()[0].id)
      expect(finishes()).toHaveLength(1)
      expect(emulator.requests({ method: "POST", path: /video_reels$/ }).filter((r: any) => r.body?.upload_phase === "start")).toHaveLength(1)
      expect(publishedReels()).toHaveLength(1)
    })

    it.each([
      [120, /A Facebook reel must be 3 to 90 seconds long; this one is 2 min\. Trim it/],
      [2, /A Facebook reel must be 3 to 90 seconds long; this one is 2 seconds\. Use a longer clip/],
      [90.01, /this one is just over 90 seconds/],
    ])("refuses a %p s Facebook reel before any Meta call, saying why", async (seconds, reason) => {
      const res = await attempt("/admin/meta/publications", { account_id: accounts[PAGE].id, kind: "facebook_reel", media: [{ url: videos.video("fast", seconds) }] })
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/media\.0/)
      expect(res.data.message).toMatch(reason)
      const checked = await attempt("/admin/meta/publications/validate", { account_id: accounts[PAGE].id, kind: "facebook_reel", media: [{ url: videos.video("camera", seconds) }] })
      expect(checked.data.valid).toBe(false)
      expect(issuesOf(checked)).toEqual([expect.objectContaining({ field: "media.0", severity: "error", message: expect.stringMatching(reason) })])
      expect(reelCalls()).toHaveLength(0)
    })

    it("refuses an Instagram reel or story video whose length Instagram refuses, before any Meta call", async () => {
      const reel = await attempt("/admin/meta/publications", { account_id: accounts[IG].id, kind: "instagram_reel", caption: "Long", media: [{ url: videos.video("camera", 965) }] })
      expect(reel.status).toBe(400)
      expect(reel.data.message).toMatch(/An Instagram reel must be 3 seconds to 15 minutes long; this one is 16 min 5 s\. Trim it\./)
      const story = await attempt("/admin/meta/publications", { account_id: accounts[IG].id, kind: "instagram_story", media: [{ url: videos.video("fast", 75) }] })
      expect(story.status).toBe(400)
      expect(story.data.message).toMatch(/An Instagram story video must be 3 to 60 seconds long; this one is 75 seconds\. Trim it, or publish it as a reel/)
      const short = await attempt("/admin/meta/publications", { account_id: accounts[IG].id, kind: "instagram_reel", media: [{ url: videos.video("fast", 1) }] })
      expect(short.status).toBe(400)
      expect(short.data.message).toMatch(/this one is 1 second\. Use a longer clip/)
      expect(emulator.requests({ method: "POST", path: new RegExp(`${IG}/media`) })).toHaveLength(0)

      const fine = await attempt("/admin/meta/publications", { account_id: accounts[IG].id, kind: "instagram_story", media: [{ url: videos.video("fast", 15) }] })
      expect(fine.status).toBe(201)
      expect(fine.data.publication.media[0].duration_seconds).toBe(15)
    })

    it("an unreadable length is a warning, not an error (a camera file on a server without byte ranges)", async () => {
      const checked = await attempt("/admin/meta/publications/validate", { account_id: accounts[PAGE].id, kind: "facebook_reel", media: [{ url: videos.video("plain", 30) }] })
      expect(checked.data.valid).toBe(true)
      expect(issuesOf(checked)).toEqual([
        expect.objectContaining({ field: "media.0", severity: "warning", message: expect.stringMatching(/could not read this video's length \(.*no byte ranges\)/) }),
      ])
      const created = await attempt("/admin/meta/publications", { account_id: accounts[PAGE].id, kind: "facebook_reel", media: [{ url: videos.video("plain", 30) }] })
      expect(created.status).toBe(201)
      expect(created.data.publication.media[0]).toMatchObject({ type: "video", duration_seconds: null })
    })

    it("Meta's own refusal is shown when the length could not be checked first", async () => {
      const { data } = await admin.post("/admin/meta/publications", { account_id: accounts[PAGE].id, kind: "facebook_reel", media: [{ url: videos.video("plain", 120) }] })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const failed = await settled(data.publication.id)
      expect(failed.status).toBe("failed")
      expect(failed.last_error.message).toMatch(/3 and 90 seconds|3 to 90 seconds/)
      expect(publishedReels()).toHaveLength(0)
    })

    it("bad input gets a 400 naming the field", async () => {
      const cases: [unknown, RegExp][] = [
        [{ account_id: accounts[PAGE].id, kind: "facebook_reels", media: [{ url: videos.video("fast", 10) }] }, /kind/],
        [{ account_id: accounts[IG].id, kind: "facebook_reel", media: [{ url: videos.video("fast", 10) }] }, /kind/],
        [{ account_id: accounts[PAGE].id, kind: "facebook_reel", media: [] }, /media/],
        [{ account_id: accounts[PAGE].id, kind: "facebook_reel", media: [{ url: "not a url" }] }, /url/],
        [{ account_id: accounts[PAGE].id, kind: "facebook_reel", media: [{ url: videos.video("fast", 10) }, { url: videos.video("fast", 12) }] }, /media/],
      ]
      for (const [body, field] of cases) {
        const res = await attempt("/admin/meta/publications", body)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(field)
      }
      expect(reelCalls()).toHaveLength(0)
    })
  },
})
