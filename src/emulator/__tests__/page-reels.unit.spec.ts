import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet, graphSend, type GraphAnswer } from "./emulator-test-client"
import { mp4 } from "./mp4-fixture"

const PAGE = "30001"

/** Serves /reel-<seconds>.mp4 (an MP4 of that length), /camera-<seconds>.mp4 (moov at the end) and /page.html. */
async function startVideoServer(): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname
    const match = /^\/(reel|camera)-([\d.]+)\.mp4$/.exec(path)
    if (match) {
      const body = mp4(Number(match[2]), { moovAtEnd: match[1] === "camera", mdatBytes: 64 * 1024 })
      res.writeHead(200, { "content-type": "video/mp4", "content-length": body.length })
      return res.end(body)
    }
    if (path === "/page.html") return res.writeHead(200, { "content-type": "text/html" }).end("<html></html>")
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

describe("Graph emulator: Facebook Page reels (video_reels)", () => {
  let emulator: GraphEmulator
  let videos: Awaited<ReturnType<typeof startVideoServer>>
  let pageToken: string
  let system: string

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

  const reels = (body: Record<string, unknown>, as = pageToken) => graphSend(emulator, "POST", `${PAGE}/video_reels`, as, body)
  async function upload(uploadUrl: string, fileUrl: string | undefined, as = pageToken): Promise<GraphAnswer> {
    const response = await fetch(uploadUrl, { method: "POST", headers: { authorization: `OAuth ${as}`, ...(fileUrl ? { file_url: fileUrl } : {}) } })
    return { status: response.status, body: await response.json(), headers: response.headers }
  }
  async function uploaded(file: string): Promise<string> {
    const started = await reels({ upload_phase: "start" })
    expect(started.status).toBe(200)
    expect((await upload(started.body.upload_url, videos.url(file))).body).toEqual({ success: true })
    return started.body.video_id
  }
  const finish = (videoId: string, extra: Record<string, unknown> = {}) =>
    reels({ upload_phase: "finish", video_id: videoId, video_state: "PUBLISHED", description: "New in", ...extra })
  const status = async (id: string) => (await graphGet(emulator, id, pageToken, { fields: "id,status,permalink_url,description" })).body

  it("start → video_id and an upload URL on this server, upload a hosted file, finish → published once", async () => {
    const started = await reels({ upload_phase: "start" })
    expect(started.body).toEqual({ video_id: expect.stringMatching(/^\d+$/), upload_url: `${emulator.url}/video-upload/v25.0/${started.body.video_id}` })
    const id = started.body.video_id
    expect((await status(id)).status).toMatchObject({ uploading_phase: { status: "in_progress" }, publishing_phase: { status: "not_started" } })

    expect((await upload(started.body.upload_url, videos.url("/reel-12.mp4"))).body).toEqual({ success: true })
    expect((await status(id)).status).toMatchObject({ video_status: "upload_complete", uploading_phase: { status: "complete" } })

    expect((await finish(id)).body).toEqual({ success: true })
    expect(await status(id)).toMatchObject({
      id,
      description: "New in",
      permalink_url: `/reel/${id}/`,
      status: { video_status: "ready", publishing_phase: { status: "complete", publish_status: "published" } },
    })
    const listed = await graphGet(emulator, `${PAGE}/video_reels`, pageToken, { fields: "id,description" })
    expect(listed.body.data).toEqual([{ id, description: "New in" }])
    expect(emulator.publishing.reels(PAGE)).toEqual([expect.objectContaining({ id, state: "published", durationSeconds: 12 })])

    const again = await finish(id)
    expect(again.status).toBe(400)
    expect(again.body.error.message).toMatch(/already been published/)
    expect(emulator.publishing.reels(PAGE).filter((r) => r.state === "published")).toHaveLength(1)
  })

  it("reads the length of a camera file (movie header at the end)", async () => {
    const id = await uploaded("/camera-45.mp4")
    expect((await finish(id)).body).toEqual({ success: true })
  })

  it.each([
    ["/reel-2.9.mp4", 2.9],
    ["/reel-90.01.mp4", 90.01],
    ["/reel-0.mp4", 0],
    ["/reel-600.mp4", 600],
  ])("refuses %s at finish: a reel must be 3–90 s", async (file, seconds) => {
    const id = await uploaded(file)
    const refused = await finish(id)
    expect(refused.status).toBe(400)
    if (seconds === 0) {
      // A header that states no length is not a video Meta can publish.
      expect(refused.body.error).toMatchObject({ code: 352 })
    } else {
      expect(refused.body.error).toMatchObject({ code: 100, error_user_title: "Video length not supported" })
      expect(refused.body.error.message).toContain(`this video is ${seconds} seconds`)
    }
    expect(emulator.publishing.reels(PAGE)[0].state).toBe("uploading")
  })

  it.each([["/reel-3.mp4"], ["/reel-90.mp4"]])("accepts %s (the bounds are inclusive)", async (file) => {
    expect((await finish(await uploaded(file))).body).toEqual({ success: true })
  })

  it("refuses a finish without start or without upload, an unknown phase, and a file that is not a video", async () => {
    expect((await finish("999999")).body.error.message).toMatch(/not a reel upload session/)
    const started = await reels({ upload_phase: "start" })
    expect((await finish(started.body.video_id)).body.error).toMatchObject({ code: 6000 })
    expect((await reels({ upload_phase: "transfer" })).body.error.message).toMatch(/upload_phase must be one of/)
    expect((await reels({ upload_phase: "finish" })).body.error.message).toMatch(/video_id is required/)
    const html = await uploaded("/page.html")
    expect((await finish(html)).body.error).toMatchObject({ code: 352 })
  })

  it("upload: needs the reel's Page token and a file_url; an unfetchable file fails the upload", async () => {
    const started = await reels({ upload_phase: "start" })
    expect((await upload(started.body.upload_url, videos.url("/reel-10.mp4"), system)).body.error).toMatchObject({ code: 210 })
    expect((await upload(started.body.upload_url, undefined)).body.error.message).toMatch(/file_url is required/)
    const missing = await upload(started.body.upload_url, videos.url("/missing.mp4"))
    expect(missing.body.error).toMatchObject({ code: 389 })
    expect((await status(started.body.video_id)).status).toMatchObject({ video_status: "error", uploading_phase: { status: "error" } })
  })

  it("needs a Page token to start (a system-user token is refused like a feed post)", async () => {
    expect((await reels({ upload_phase: "start" }, system)).body.error).toMatchObject({ code: 200 })
  })

  it("holds a Page to 30 API-published reels in 24 hours (enforced at finish)", async () => {
    const first = await uploaded("/reel-5.mp4")
    expect((await finish(first)).status).toBe(200)
    for (let i = 1; i < 30; i++) expect((await finish(await uploaded("/reel-5.mp4"))).status).toBe(200)
    const over = await finish(await uploaded("/reel-5.mp4"))
    expect(over.status).toBe(400)
    expect(over.body.error).toMatchObject({ code: 9 })
    expect(over.body.error.message).toMatch(/30 reels/)
    // A draft does not count.
    expect((await finish(await uploaded("/reel-5.mp4"), { video_state: "DRAFT" })).status).toBe(200)
  })

  it("a lost answer after finish: the reel is published, the status says so", async () => {
    const id = await uploaded("/reel-20.mp4")
    emulator.injectFault({ method: "POST", path: "/video_reels", params: { upload_phase: "finish" }, kind: "lost_response" })
    await expect(finish(id)).rejects.toThrow()
    expect((await status(id)).status.publishing_phase).toMatchObject({ status: "complete", publish_status: "published" })
    expect(emulator.publishing.reels(PAGE).filter((r) => r.state === "published")).toHaveLength(1)
  })

  it("a fault with params leaves other phases alone", async () => {
    emulator.injectFault({ method: "POST", path: "/video_reels", params: { upload_phase: "finish" }, kind: "5xx" })
    const id = await uploaded("/reel-10.mp4")
    expect((await finish(id)).status).toBe(500)
    expect((await finish(id)).status).toBe(200)
  })
})
