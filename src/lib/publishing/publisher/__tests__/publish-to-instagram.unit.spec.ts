import { prepareInstagramContainer, publishToInstagram, type InstagramPublishOptions } from "../publish-to-instagram"
import { findPublishedPost, parseGraphTime } from "../find-published-post"
import type { GraphPort, PublicationWork } from "../types"

/** A scripted Instagram account: containers, their states, media_publish and the account's media. */
function fakeInstagram(opts: { statuses?: string[]; quota?: { usage: number; total: number }; loseAnswer?: boolean } = {}) {
  const calls: { method: string; path: string; body?: Record<string, unknown> }[] = []
  const containers = new Map<string, { polls: number; published: boolean }>()
  const media: { id: string; caption: string; timestamp: string; permalink: string }[] = []
  let next = 1
  const statuses = opts.statuses ?? ["FINISHED"]
  const graph: GraphPort = {
    async get<T>(path: string): Promise<T> {
      calls.push({ method: "GET", path })
      if (path.endsWith("/content_publishing_limit")) {
        const q = opts.quota ?? { usage: 0, total: 50 }
        return { data: [{ quota_usage: q.usage, config: { quota_total: q.total, quota_duration: 86400 } }] } as T
      }
      if (path.endsWith("/media") || path.endsWith("/stories")) return { data: [...media].reverse() } as T
      const container = containers.get(path)
      if (container) {
        if (container.published) return { id: path, status_code: "PUBLISHED" } as T
        const status = statuses[Math.min(container.polls++, statuses.length - 1)]
        return { id: path, status_code: status, status: status === "ERROR" ? "Error: 2207009" : undefined } as T
      }
      const found = media.find((m) => m.id === path)
      if (found) return found as T
      throw new Error(`unexpected GET ${path}`)
    },
    async post<T>(path: string, body?: Record<string, unknown>): Promise<T> {
      calls.push({ method: "POST", path, body })
      if (path.endsWith("/media")) {
        const id = `c${next++}`
        containers.set(id, { polls: 0, published: false })
        return { id } as T
      }
      if (path.endsWith("/media_publish")) {
        const container = containers.get(String(body?.creation_id))!
        if (container.published) throw new Error("already published")
        container.published = true
        const id = `m${next++}`
        media.push({ id, caption: "Hello", timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, "+0000"), permalink: `https://www.instagram.com/p/${id}/` })
        if (opts.loseAnswer) {
          opts.loseAnswer = false
          throw new Error("socket hang up")
        }
        return { id } as T
      }
      if (path.endsWith("/comments")) return { id: `cm${next++}` } as T
      throw new Error(`unexpected POST ${path}`)
    },
  }
  return { graph, calls, media }
}

function work(overrides: Partial<PublicationWork> = {}): PublicationWork {
  return {
    id: "metapub_1",
    kind: "instagram_image",
    caption: "Hello",
    media: [{ url: "https://cdn.example.com/a.jpg", alt_text: "A bag" }],
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
  }
}

const options: InstagramPublishOptions = { pollBudgetMs: 1000, pollDelayMs: () => 1, sleep: async () => undefined, now: () => new Date() }

describe("publishToInstagram", () => {
  it("creates the container, waits for FINISHED, publishes once and reads the permalink", async () => {
    const ig = fakeInstagram({ statuses: ["IN_PROGRESS", "IN_PROGRESS", "FINISHED"] })
    const saved: Record<string, unknown>[] = []
    const result = await publishToInstagram(ig.graph, "40001", work(), async (p) => (saved.push(p), true), options)
    expect(result).toMatchObject({ outcome: "published", meta_post_id: ig.media[0].id, permalink: ig.media[0].permalink })
    expect(ig.calls.filter((c) => c.path.endsWith("/media_publish"))).toHaveLength(1)
    // Each id is saved as soon as it exists, and the publish request is marked before the call.
    expect(saved.map((p) => Object.keys(p)[0])).toEqual(["container_id", "publish_requested_at", "meta_post_id", "permalink"])
    expect(ig.calls.find((c) => c.path === "40001/media")?.body).toMatchObject({ image_url: "https://cdn.example.com/a.jpg", caption: "Hello", alt_text: "A bag" })
  })

  it("hands back not_ready when the container is still processing at the end of the poll budget", async () => {
    const ig = fakeInstagram({ statuses: ["IN_PROGRESS"] })
    const result = await publishToInstagram(ig.graph, "40001", work(), async () => true, { ...options, pollBudgetMs: 0 })
    expect(result).toEqual({ outcome: "not_ready", retryInMs: 1 })
    expect(ig.calls.some((c) => c.path.endsWith("/media_publish"))).toBe(false)
  })

  it("after a lost media_publish answer finds the live post instead of publishing again", async () => {
    const ig = fakeInstagram({ loseAnswer: true })
    const state = work()
    const save = async (p: Record<string, unknown>) => (Object.assign(state, p), true)
    await expect(publishToInstagram(ig.graph, "40001", state, save, options)).rejects.toThrow("socket hang up")
    expect(state.publish_requested_at).toBeInstanceOf(Date)
    expect(state.meta_post_id).toBeNull()
    const again = await publishToInstagram(ig.graph, "40001", { ...state }, save, options)
    expect(again).toMatchObject({ outcome: "published", meta_post_id: ig.media[0].id })
    expect(ig.media).toHaveLength(1)
    expect(ig.calls.filter((c) => c.path.endsWith("/media_publish"))).toHaveLength(1)
  })

  it("looks for a story after a lost answer on the stories edge (stories are not among the media)", async () => {
    const ig = fakeInstagram({ loseAnswer: true })
    const state = work({ kind: "instagram_story", caption: null })
    const save = async (p: Record<string, unknown>) => (Object.assign(state, p), true)
    await expect(publishToInstagram(ig.graph, "40001", state, save, options)).rejects.toThrow("socket hang up")
    ig.media[0].caption = ""
    const again = await publishToInstagram(ig.graph, "40001", { ...state }, save, options)
    expect(again).toMatchObject({ outcome: "published", meta_post_id: ig.media[0].id })
    expect(ig.calls.some((c) => c.path === "40001/stories")).toBe(true)
    expect(ig.calls.filter((c) => c.path.endsWith("/media_publish"))).toHaveLength(1)
  })

  it("stops when the merchant changed the publication (the lease write is refused)", async () => {
    const ig = fakeInstagram()
    let writes = 0
    const result = await publishToInstagram(ig.graph, "40001", work(), async () => ++writes < 2, options)
    expect(result).toEqual({ outcome: "aborted" })
    expect(ig.calls.some((c) => c.path.endsWith("/media_publish"))).toBe(false)
  })

  it("waits instead of publishing when Meta's quota is used", async () => {
    const ig = fakeInstagram({ quota: { usage: 50, total: 50 } })
    const quotas: unknown[] = []
    const result = await publishToInstagram(ig.graph, "40001", work(), async () => true, { ...options, onQuota: async (q) => void quotas.push(q) })
    expect(result).toEqual({ outcome: "quota_used", usage: 50, total: 50 })
    expect(quotas).toEqual([{ usage: 50, total: 50, duration: 86400 }])
    expect(ig.calls.some((c) => c.path.endsWith("/media_publish"))).toBe(false)
  })

  it("makes carousel children first, resuming after the ones already made", async () => {
    const ig = fakeInstagram()
    const state = work({
      kind: "instagram_carousel",
      media: [{ url: "https://x/1.jpg" }, { url: "https://x/2.mp4", type: "video" }, { url: "https://x/3.jpg" }],
      child_container_ids: ["c-existing"],
    })
    await publishToInstagram(ig.graph, "40001", state, async (p) => (Object.assign(state, p), true), options)
    const creates = ig.calls.filter((c) => c.path === "40001/media").map((c) => c.body)
    expect(creates).toEqual([
      { is_carousel_item: true, media_type: "VIDEO", video_url: "https://x/2.mp4" },
      { is_carousel_item: true, image_url: "https://x/3.jpg" },
      { media_type: "CAROUSEL", children: "c-existing,c1,c2", caption: "Hello" },
    ])
  })

  it("reports a container Meta could not process with its subcode", async () => {
    const ig = fakeInstagram({ statuses: ["ERROR"] })
    await expect(publishToInstagram(ig.graph, "40001", work(), async () => true, options)).rejects.toMatchObject({
      name: "ContainerError",
      subcode: 2207009,
    })
  })

  it("sends stories without a caption and reels as REELS shared to the feed", async () => {
    const ig = fakeInstagram()
    await publishToInstagram(ig.graph, "40001", work({ kind: "instagram_story" }), async () => true, options)
    await publishToInstagram(ig.graph, "40001", work({ kind: "instagram_reel", media: [{ url: "https://x/r.mp4", type: "video" }] }), async () => true, options)
    const creates = ig.calls.filter((c) => c.path === "40001/media").map((c) => c.body)
    expect(creates[0]).toEqual({ media_type: "STORIES", image_url: "https://cdn.example.com/a.jpg" })
    expect(creates[1]).toEqual({ media_type: "REELS", video_url: "https://x/r.mp4", caption: "Hello", share_to_feed: true })
  })

  it("posts the first comment once and never repeats a failed one", async () => {
    const ig = fakeInstagram()
    const state = work({ first_comment: "Link in bio" })
    await publishToInstagram(ig.graph, "40001", state, async (p) => (Object.assign(state, p), true), options)
    expect(state.first_comment_id).toMatch(/^cm/)
    const failing: GraphPort = { ...ig.graph, post: async () => Promise.reject(new Error("boom")) }
    const other = work({ first_comment: "x", meta_post_id: "m9", permalink: "p" })
    const result = await publishToInstagram(failing, "40001", other, async (p) => (Object.assign(other, p), true), options)
    expect(result).toMatchObject({ outcome: "published", first_comment_error: expect.any(Error) })
    expect(other.first_comment_id).toBe("")
  })
})

describe("prepareInstagramContainer", () => {
  it("makes the container ahead of time and never publishes; at the due time only the publish is left", async () => {
    const ig = fakeInstagram()
    const state = work()
    const saved: Record<string, unknown>[] = []
    const save = async (p: Record<string, unknown>) => (saved.push(p), Object.assign(state, p), true)
    expect(await prepareInstagramContainer(ig.graph, "40001", state, save)).toBe("prepared")
    expect(saved).toEqual([{ container_id: "c1" }])
    expect(ig.calls.map((c) => `${c.method} ${c.path}`)).toEqual(["POST 40001/media"])

    ig.calls.length = 0
    const result = await publishToInstagram(ig.graph, "40001", { ...state }, save, options)
    expect(result).toMatchObject({ outcome: "published", meta_post_id: ig.media[0].id })
    expect(ig.calls.filter((c) => c.method === "POST").map((c) => c.path)).toEqual(["40001/media_publish"])
    expect(ig.calls.find((c) => c.path.endsWith("/media_publish"))?.body).toEqual({ creation_id: "c1" })
  })

  it("makes a carousel's children, then the parent, saving each id", async () => {
    const ig = fakeInstagram()
    const state = work({ kind: "instagram_carousel", media: [{ url: "https://x/1.jpg" }, { url: "https://x/2.jpg" }] })
    const saved: Record<string, unknown>[] = []
    await prepareInstagramContainer(ig.graph, "40001", state, async (p) => (saved.push(JSON.parse(JSON.stringify(p))), Object.assign(state, p), true))
    expect(saved).toEqual([{ child_container_ids: ["c1"] }, { child_container_ids: ["c1", "c2"] }, { container_id: "c3" }])
    expect(ig.calls.some((c) => c.path.endsWith("/media_publish"))).toBe(false)
  })

  it("does nothing when the container exists, and stops when the merchant changed the publication", async () => {
    const ig = fakeInstagram()
    expect(await prepareInstagramContainer(ig.graph, "40001", work({ container_id: "c-made" }), async () => true)).toBe("prepared")
    expect(ig.calls).toHaveLength(0)
    expect(await prepareInstagramContainer(ig.graph, "40001", work(), async () => false)).toBe("aborted")
  })

  it("lets Meta's refusal through, for the publisher to handle at the due time", async () => {
    const ig = fakeInstagram()
    const refusing: GraphPort = { ...ig.graph, post: async () => Promise.reject(new Error("Invalid parameter")) }
    await expect(prepareInstagramContainer(refusing, "40001", work(), async () => true)).rejects.toThrow("Invalid parameter")
  })
})

describe("findPublishedPost", () => {
  const at = new Date("2026-12-02T10:00:00Z")
  const post = (id: string, caption: string | null, time: string) => ({ id, caption, timestamp: time })
  it("matches by caption (whitespace-insensitive) among posts made since shortly before the request", () => {
    const posts = [post("old", "Hello", "2026-12-02T09:30:00+0000"), post("new", "Hello  \n", "2026-12-02T10:00:05+0000"), post("other", "Bye", "2026-12-02T10:00:06+0000")]
    expect(findPublishedPost(posts, { text: "Hello", requestedAt: at })?.id).toBe("new")
  })
  it("prefers the earliest match after the request and finds none when nothing matches", () => {
    const posts = [post("b", "Hi", "2026-12-02T10:02:00+0000"), post("a", "Hi", "2026-12-02T10:00:30+0000")]
    expect(findPublishedPost(posts, { text: "Hi", requestedAt: at })?.id).toBe("a")
    expect(findPublishedPost(posts, { text: "Nope", requestedAt: at })).toBeNull()
    expect(findPublishedPost([], { text: null, requestedAt: at })).toBeNull()
  })
  it("treats a missing caption as empty (stories)", () => {
    expect(findPublishedPost([post("s", null, "2026-12-02T10:00:01+0000")], { text: null, requestedAt: at })?.id).toBe("s")
  })
  it("reads Graph timestamps without a colon in the offset", () => {
    expect(parseGraphTime("2026-12-02T10:00:00+0000")).toBe(Date.parse("2026-12-02T10:00:00Z"))
    expect(parseGraphTime("2026-12-02T12:00:00+0200")).toBe(Date.parse("2026-12-02T10:00:00Z"))
    expect(Number.isNaN(parseGraphTime(undefined))).toBe(true)
  })
})

describe("product tags on containers", () => {
  const tags = [{ product_id: "9001", x: 0.25, y: 0.5 }]
  const made = async (w: PublicationWork) => {
    const ig = fakeInstagram()
    await prepareInstagramContainer(ig.graph, "40001", w, async (p) => (Object.assign(w, p), true))
    return ig.calls.filter((c) => c.path === "40001/media").map((c) => c.body ?? {})
  }

  it("sends an image's tags with their spots, as JSON", async () => {
    const [body] = await made(work({ media: [{ url: "https://x/a.jpg", product_tags: tags }] }))
    expect(JSON.parse(String(body.product_tags))).toEqual(tags)
  })

  it("sends a reel's tags without spots (Meta refuses x/y on video, 2207035)", async () => {
    const [body] = await made(work({ kind: "instagram_reel", media: [{ url: "https://x/a.mp4", type: "video", product_tags: tags }] }))
    expect(JSON.parse(String(body.product_tags))).toEqual([{ product_id: "9001" }])
  })

  it("puts a carousel's tags on the children, never on the parent", async () => {
    const bodies = await made(
      work({ kind: "instagram_carousel", media: [{ url: "https://x/1.jpg", product_tags: tags }, { url: "https://x/2.mp4", type: "video", product_tags: tags }, { url: "https://x/3.jpg" }] })
    )
    expect(bodies.map((b) => (b.product_tags ? JSON.parse(String(b.product_tags)) : undefined))).toEqual([tags, [{ product_id: "9001" }], undefined, undefined])
    expect(bodies[3].media_type).toBe("CAROUSEL")
  })

  it("sends none on stories or with no tags", async () => {
    const [story] = await made(work({ kind: "instagram_story", media: [{ url: "https://x/a.jpg", product_tags: tags }] }))
    expect(story.product_tags).toBeUndefined()
    const [plain] = await made(work({ media: [{ url: "https://x/a.jpg", product_tags: [] }] }))
    expect(plain.product_tags).toBeUndefined()
  })
})
