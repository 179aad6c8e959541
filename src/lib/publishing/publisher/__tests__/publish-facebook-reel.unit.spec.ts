import { publishFacebookReel, reelState } from "../publish-facebook-reel"
import type { GraphPort, PublicationWork } from "../types"

type Reel = { id: string; uploaded: boolean; published: boolean; description?: string; processingPolls: number }

/** Meta's video_reels as the publisher sees it; `lose` drops the answer of one phase after it took effect. */
function fakeReels(opts: { lose?: "start" | "upload" | "finish"; processingPolls?: number; failProcessing?: boolean } = {}) {
  const reels = new Map<string, Reel>()
  const calls: string[] = []
  let next = 100
  const lose = (phase: string) => {
    if (opts.lose === phase) {
      opts.lose = undefined
      throw new Error("socket hang up")
    }
  }
  const graph: GraphPort = {
    async get<T>(path: string, params?: Record<string, unknown>): Promise<T> {
      calls.push(`GET ${path} ${String(params?.fields)}`)
      const reel = reels.get(path)
      if (!reel) throw new Error(`unexpected GET ${path}`)
      if (reel.published && reel.processingPolls > 0) {
        reel.processingPolls -= 1
        return { id: reel.id, status: { uploading_phase: { status: "complete" }, publishing_phase: { status: "in_progress" } } } as T
      }
      if (opts.failProcessing && reel.published) {
        return { id: reel.id, status: { video_status: "error", processing_phase: { status: "error", errors: [{ code: 1363040, message: "The video's aspect ratio is not supported." }] } } } as T
      }
      return {
        id: reel.id,
        permalink_url: reel.published ? `/reel/${reel.id}/` : undefined,
        status: {
          uploading_phase: { status: reel.uploaded ? "complete" : "in_progress" },
          publishing_phase: { status: reel.published ? "complete" : "not_started", publish_status: reel.published ? "published" : "not_published" },
        },
      } as T
    },
    async post<T>(path: string, body?: Record<string, unknown>): Promise<T> {
      calls.push(`POST ${path} ${String(body?.upload_phase ?? "")}`)
      if (path === "30001/video_reels" && body?.upload_phase === "start") {
        const id = String(next++)
        reels.set(id, { id, uploaded: false, published: false, processingPolls: opts.processingPolls ?? 0 })
        lose("start")
        return { video_id: id, upload_url: `https://rupload.facebook.com/video-upload/v25.0/${id}` } as T
      }
      if (path === "30001/video_reels" && body?.upload_phase === "finish") {
        const reel = reels.get(String(body.video_id))
        if (!reel?.uploaded) throw new Error("not uploaded")
        if (reel.published) throw new Error("already published")
        reel.published = true
        reel.description = body.description as string
        lose("finish")
        return { success: true } as T
      }
      if (path.endsWith("/comments")) return { id: "c1" } as T
      throw new Error(`unexpected POST ${path}`)
    },
    async upload<T>(uploadUrl: string, headers: Record<string, string>): Promise<T> {
      calls.push(`UPLOAD ${uploadUrl} ${headers.file_url}`)
      const reel = reels.get(uploadUrl.split("/").pop() as string)
      if (!reel) throw new Error("unknown session")
      reel.uploaded = true
      lose("upload")
      return { success: true } as T
    },
  }
  return { graph, calls, reels, published: () => [...reels.values()].filter((r) => r.published) }
}

const work = (overrides: Partial<PublicationWork> = {}): PublicationWork => ({
  id: "metapub_reel",
  kind: "facebook_reel",
  caption: "Behind the scenes",
  media: [{ url: "https://cdn.shop.example/reel.mp4", type: "video" }],
  link_url: null,
  first_comment: null,
  first_comment_id: null,
  container_id: null,
  child_container_ids: null,
  photo_ids: null,
  publish_requested_at: null,
  meta_post_id: null,
  permalink: null,
  ...overrides,
})

const saver = (state: PublicationWork, log: Partial<PublicationWork>[] = []) => async (patch: Partial<PublicationWork>) => (log.push({ ...patch }), Object.assign(state, patch), true)
const options = { now: () => new Date("2026-12-04T10:00:00Z"), pollBudgetMs: 1000, pollDelayMs: 1, sleep: async () => undefined }

describe("publishFacebookReel", () => {
  it("start → upload (hosted file) → finish → status → permalink, saving the video id at once", async () => {
    const meta = fakeReels()
    const state = work({ first_comment: "Shop the look" })
    const log: Partial<PublicationWork>[] = []
    const result = await publishFacebookReel(meta.graph, "30001", state, saver(state, log), options)
    expect(result).toEqual({ outcome: "published", meta_post_id: "100", permalink: "https://www.facebook.com/reel/100/", first_comment_error: undefined })
    expect(meta.calls).toEqual([
      "POST 30001/video_reels start",
      "UPLOAD https://rupload.facebook.com/video-upload/v25.0/100 https://cdn.shop.example/reel.mp4",
      "POST 30001/video_reels finish",
      "GET 100 id,status",
      "GET 100 id,permalink_url",
      "POST 100/comments ",
    ])
    expect(log[0]).toEqual({ container_id: "100" })
    expect(log[1]).toEqual({ publish_requested_at: options.now() })
    expect(meta.published()).toEqual([expect.objectContaining({ id: "100", description: "Behind the scenes" })])
  })

  it("a lost answer after finish: the retry reads the status and never finishes twice", async () => {
    const meta = fakeReels({ lose: "finish" })
    const state = work()
    await expect(publishFacebookReel(meta.graph, "30001", state, saver(state), options)).rejects.toThrow("socket hang up")
    expect(state).toMatchObject({ container_id: "100", meta_post_id: null, publish_requested_at: options.now() })
    const result = await publishFacebookReel(meta.graph, "30001", state, saver(state), options)
    expect(result).toMatchObject({ outcome: "published", meta_post_id: "100" })
    expect(meta.calls.filter((c) => c.endsWith("finish"))).toHaveLength(1)
    expect(meta.published()).toHaveLength(1)
  })

  it("a lost answer after upload: the retry sees the upload complete and only finishes", async () => {
    const meta = fakeReels({ lose: "upload" })
    const state = work()
    await expect(publishFacebookReel(meta.graph, "30001", state, saver(state), options)).rejects.toThrow()
    await publishFacebookReel(meta.graph, "30001", state, saver(state), options)
    expect(meta.calls.filter((c) => c.startsWith("UPLOAD"))).toHaveLength(1)
    expect(meta.calls.filter((c) => c.endsWith("start"))).toHaveLength(1)
    expect(meta.published()).toHaveLength(1)
  })

  it("a finish that never reached Meta (status not published) is sent again, for the same video", async () => {
    const meta = fakeReels()
    const state = work()
    // As if an earlier attempt saved the video id and publish_requested_at, then died before finish went out.
    const session = await meta.graph.post<{ video_id: string; upload_url: string }>("30001/video_reels", { upload_phase: "start" })
    await meta.graph.upload?.(session.upload_url, { file_url: "x" })
    Object.assign(state, { container_id: session.video_id, publish_requested_at: new Date() })
    const result = await publishFacebookReel(meta.graph, "30001", state, saver(state), options)
    expect(result).toMatchObject({ outcome: "published", meta_post_id: session.video_id })
    expect(meta.reels.size).toBe(1)
  })

  it("a session whose upload never completed is replaced by a fresh one (unfinished sessions are not public)", async () => {
    const meta = fakeReels({ lose: "start" })
    const state = work()
    await expect(publishFacebookReel(meta.graph, "30001", state, saver(state), options)).rejects.toThrow()
    expect(state.container_id).toBeNull()
    const result = await publishFacebookReel(meta.graph, "30001", state, saver(state), options)
    expect(result).toMatchObject({ outcome: "published", meta_post_id: "101" })
    expect(meta.published().map((r) => r.id)).toEqual(["101"])
  })

  it("waits while Meta is still publishing (not_ready), then finds it published without finishing again", async () => {
    const meta = fakeReels({ processingPolls: 5 })
    const state = work()
    const first = await publishFacebookReel(meta.graph, "30001", state, saver(state), { ...options, pollBudgetMs: 0, pollDelayMs: 1 })
    expect(first).toEqual({ outcome: "not_ready", retryInMs: 1 })
    const second = await publishFacebookReel(meta.graph, "30001", state, saver(state), options)
    expect(second).toMatchObject({ outcome: "published", meta_post_id: "100" })
    expect(meta.calls.filter((c) => c.endsWith("finish"))).toHaveLength(1)
  })

  it("a processing error is final, with Meta's reason", async () => {
    const meta = fakeReels({ failProcessing: true })
    const state = work()
    await expect(publishFacebookReel(meta.graph, "30001", state, saver(state), options)).rejects.toMatchObject({
      name: "ContainerError",
      message: "The video's aspect ratio is not supported.",
    })
  })

  it("a lost lease stops it before any Meta call", async () => {
    const meta = fakeReels()
    const result = await publishFacebookReel(meta.graph, "30001", work({ container_id: null }), async () => false, options)
    expect(result).toEqual({ outcome: "aborted" })
    expect(meta.published()).toHaveLength(0)
  })
})

describe("reelState", () => {
  it.each([
    [undefined, "not_uploaded"],
    [{ uploading_phase: { status: "in_progress" } }, "not_uploaded"],
    [{ uploading_phase: { status: "complete" } }, "uploaded"],
    [{ uploading_phase: { status: "complete" }, publishing_phase: { status: "in_progress" } }, "publishing"],
    [{ publishing_phase: { status: "complete", publish_status: "published" } }, "published"],
    [{ publishing_phase: { status: "not_started", publish_status: "published" } }, "published"],
    [{ video_status: "error" }, { error: "Facebook could not process the video." }],
    [{ uploading_phase: { status: "error", errors: [{ message: "Unable to fetch video file from URL." }] } }, { error: "Unable to fetch video file from URL." }],
  ])("%j → %j", (status, state) => {
    expect(reelState(status)).toEqual(state)
  })
})
