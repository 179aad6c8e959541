import { publishToFacebook } from "../publish-to-facebook"
import type { GraphPort, PublicationWork } from "../types"

function fakePage(opts: { loseFeedAnswer?: boolean } = {}) {
  const calls: { method: string; path: string; body?: Record<string, unknown> }[] = []
  const feed: { id: string; message?: string; created_time: string; permalink_url: string }[] = []
  let next = 1
  const graph: GraphPort = {
    async get<T>(path: string): Promise<T> {
      calls.push({ method: "GET", path })
      if (path.endsWith("/feed")) return { data: [...feed].reverse() } as T
      const post = feed.find((p) => p.id === path)
      if (post) return post as T
      throw new Error(`unexpected GET ${path}`)
    },
    async post<T>(path: string, body?: Record<string, unknown>): Promise<T> {
      calls.push({ method: "POST", path, body })
      const id = `30001_${next++}`
      const record = () =>
        feed.push({ id, message: (body?.message ?? body?.caption ?? body?.description) as string | undefined, created_time: new Date().toISOString().replace(/\.\d{3}Z$/, "+0000"), permalink_url: `https://www.facebook.com/${id}` })
      if (path.endsWith("/photos")) {
        if (body?.published === false) return { id: `ph${next++}` } as T
        record()
        return { id: `ph${next}`, post_id: id } as T
      }
      if (path.endsWith("/feed") || path.endsWith("/videos")) {
        record()
        if (opts.loseFeedAnswer) {
          opts.loseFeedAnswer = false
          throw new Error("socket hang up")
        }
        return { id } as T
      }
      if (path.endsWith("/comments")) return { id: `c${next++}` } as T
      throw new Error(`unexpected POST ${path}`)
    },
  }
  return { graph, calls, feed }
}

const work = (overrides: Partial<PublicationWork> = {}): PublicationWork => ({
  id: "metapub_fb",
  kind: "facebook_post",
  caption: "Weekend sale",
  media: [],
  link_url: "https://shop.example.com/products/tote?utm_source=facebook",
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

const saver = (state: PublicationWork) => async (patch: Partial<PublicationWork>) => (Object.assign(state, patch), true)

describe("publishToFacebook", () => {
  it("posts a link post with message and link, then reads the permalink", async () => {
    const page = fakePage()
    const state = work()
    const result = await publishToFacebook(page.graph, "30001", state, saver(state), () => new Date())
    expect(result).toMatchObject({ outcome: "published", meta_post_id: page.feed[0].id, permalink: page.feed[0].permalink_url })
    expect(page.calls[0]).toEqual({ method: "POST", path: "30001/feed", body: { message: "Weekend sale", link: state.link_url } })
  })

  it("uploads unpublished photos first (keeping each id) and attaches them to one post", async () => {
    const page = fakePage()
    const state = work({ kind: "facebook_multi_photo", media: [{ url: "https://x/1.jpg" }, { url: "https://x/2.jpg" }], link_url: null })
    await publishToFacebook(page.graph, "30001", state, saver(state), () => new Date())
    const posts = page.calls.filter((c) => c.method === "POST")
    expect(posts.map((c) => c.path)).toEqual(["30001/photos", "30001/photos", "30001/feed"])
    expect(posts[2].body).toEqual({ message: "Weekend sale", attached_media: state.photo_ids!.map((id) => ({ media_fbid: id })) })
    expect(state.photo_ids).toHaveLength(2)
  })

  it("resumes a multi-photo post after the photos already uploaded", async () => {
    const page = fakePage()
    const state = work({ kind: "facebook_multi_photo", media: [{ url: "https://x/1.jpg" }, { url: "https://x/2.jpg" }], photo_ids: ["ph-old"] })
    await publishToFacebook(page.graph, "30001", state, saver(state), () => new Date())
    expect(page.calls.filter((c) => c.path === "30001/photos")).toHaveLength(1)
    expect(state.photo_ids?.[0]).toBe("ph-old")
  })

  it("a single photo is published with its caption and the post id is kept", async () => {
    const page = fakePage()
    const state = work({ kind: "facebook_photo", media: [{ url: "https://x/1.jpg" }] })
    const result = await publishToFacebook(page.graph, "30001", state, saver(state), () => new Date())
    expect(page.calls[0].body).toEqual({ url: "https://x/1.jpg", caption: "Weekend sale", published: true })
    expect(result).toMatchObject({ outcome: "published", meta_post_id: page.feed[0].id })
  })

  it("after a lost answer finds the post on the Page instead of posting twice", async () => {
    const page = fakePage({ loseFeedAnswer: true })
    const state = work()
    await expect(publishToFacebook(page.graph, "30001", state, saver(state), () => new Date())).rejects.toThrow("socket hang up")
    expect(state.publish_requested_at).toBeInstanceOf(Date)
    const result = await publishToFacebook(page.graph, "30001", state, saver(state), () => new Date())
    expect(result).toMatchObject({ outcome: "published", meta_post_id: page.feed[0].id })
    expect(page.feed).toHaveLength(1)
  })

  it("posts again when the lost call never reached the Page", async () => {
    const page = fakePage()
    const state = work({ publish_requested_at: new Date() })
    await publishToFacebook(page.graph, "30001", state, saver(state), () => new Date())
    expect(page.feed).toHaveLength(1)
  })

  it("stops without posting when the lease is gone", async () => {
    const page = fakePage()
    const result = await publishToFacebook(page.graph, "30001", work(), async () => false, () => new Date())
    expect(result).toEqual({ outcome: "aborted" })
    expect(page.feed).toHaveLength(0)
  })

  it("sends a video by URL with its description", async () => {
    const page = fakePage()
    const state = work({ kind: "facebook_video", media: [{ url: "https://x/v.mp4", type: "video" }] })
    await publishToFacebook(page.graph, "30001", state, saver(state), () => new Date())
    expect(page.calls[0]).toEqual({ method: "POST", path: "30001/videos", body: { file_url: "https://x/v.mp4", description: "Weekend sale" } })
  })
})
