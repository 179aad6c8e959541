import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet, graphSend, proofFor, userToken, type GraphAnswer } from "./emulator-test-client"
import { startMediaServer, type MediaServer } from "./media-server"

const IG = "40001"
const PAGE = "30001"

describe("Graph emulator: Instagram content publishing", () => {
  let emulator: GraphEmulator
  let media: MediaServer
  let token: string

  beforeAll(async () => {
    emulator = await startGraphEmulator()
    media = await startMediaServer()
  })
  afterAll(async () => {
    await emulator.close()
    await media.close()
  })
  beforeEach(() => {
    emulator.reset()
    emulator.publishing.setContainerDelays({ imageMs: 30, videoMs: 60 })
    token = emulator.createSystemUserToken()
  })

  const create = (params: Record<string, unknown>, as = token) => graphSend(emulator, "POST", `${IG}/media`, as, params)
  const publish = (creationId: string, as = token) => graphSend(emulator, "POST", `${IG}/media_publish`, as, { creation_id: creationId })
  const status = async (id: string) => (await graphGet(emulator, id, token, { fields: "id,status_code,status" })).body

  async function settled(id: string, timeoutMs = 3000): Promise<{ status_code: string; status: string }> {
    const started = Date.now()
    for (;;) {
      const body = await status(id)
      if (body.status_code !== "IN_PROGRESS" || Date.now() - started > timeoutMs) return body
      await new Promise((resolve) => setTimeout(resolve, 15))
    }
  }

  async function container(params: Record<string, unknown>): Promise<string> {
    const created = await create(params)
    expect(created.status).toBe(200)
    return created.body.id
  }

  async function published(params: Record<string, unknown> = { image_url: media.url("/square.jpg"), caption: "Hello" }): Promise<string> {
    const id = await container(params)
    expect((await settled(id)).status_code).toBe("FINISHED")
    const answer = await publish(id)
    expect(answer.status).toBe(200)
    return answer.body.id
  }

  it("image: IN_PROGRESS, 9007/2207027 when published early, FINISHED, published once, listed with its permalink", async () => {
    emulator.publishing.setContainerDelays({ imageMs: 300 })
    const id = await container({ image_url: media.url("/square.jpg"), caption: "New tee #summer", alt_text: "A grey square" })
    expect(await status(id)).toEqual({ id, status_code: "IN_PROGRESS", status: expect.stringContaining("In Progress") })

    const early = await publish(id)
    expect(early.status).toBe(400)
    expect(early.body.error).toMatchObject({ code: 9007, error_subcode: 2207027, error_user_title: "Cannot Publish" })
    expect(early.body.error.error_user_msg).toBe("The media is not ready for publishing, please wait for a moment")

    expect((await settled(id)).status_code).toBe("FINISHED")
    const answer = await publish(id)
    expect(answer.body).toEqual({ id: expect.stringMatching(/^\d+$/) })
    expect((await status(id)).status_code).toBe("PUBLISHED")

    const again = await publish(id)
    expect(again.body.error.code).toBe(100)
    expect(emulator.publishing.media(IG)).toHaveLength(1)

    const listed = await graphGet(emulator, `${IG}/media`, token, { fields: "id,caption,timestamp,permalink,media_type,media_product_type", limit: "10" })
    expect(listed.body.data).toEqual([
      {
        id: answer.body.id,
        caption: "New tee #summer",
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
        permalink: expect.stringMatching(/^https:\/\/www\.instagram\.com\/p\/[\w-]+\/$/),
        media_type: "IMAGE",
        media_product_type: "FEED",
      },
    ])
    const node = await graphGet(emulator, answer.body.id, token, { fields: "id,permalink,like_count,comments_count" })
    expect(node.body).toEqual({ id: answer.body.id, permalink: listed.body.data[0].permalink, like_count: 0, comments_count: 0 })
    expect((await graphGet(emulator, answer.body.id, token, { fields: "nope" })).body.error.code).toBe(100)
  })

  it("carousel: children first, FINISHED when all are, one CAROUSEL_ALBUM media; 1 child or bad children rejected", async () => {
    const children: string[] = []
    for (const path of ["/square.jpg", "/portrait-4x5.jpg", "/wide.jpg"]) {
      children.push(await container({ image_url: media.url(path), is_carousel_item: true }))
    }
    const parent = await container({ media_type: "CAROUSEL", children: children.join(","), caption: "Three looks" })
    expect((await settled(parent)).status_code).toBe("FINISHED")
    const id = (await publish(parent)).body.id
    const album = await graphGet(emulator, id, token, { fields: "media_type,media_product_type,caption,children{id,media_type}" })
    expect(album.body).toMatchObject({ media_type: "CAROUSEL_ALBUM", media_product_type: "FEED", caption: "Three looks" })
    expect(album.body.children.data).toHaveLength(3)
    expect(album.body.children.data[0]).toEqual({ id: expect.any(String), media_type: "IMAGE" })
    expect(emulator.publishing.media(IG)).toHaveLength(1)
    expect((await graphGet(emulator, `${IG}/content_publishing_limit`, token, { fields: "quota_usage" })).body.data[0].quota_usage).toBe(1)

    const one = await container({ image_url: media.url("/square.jpg"), is_carousel_item: true })
    expect((await create({ media_type: "CAROUSEL", children: one })).body.error).toMatchObject({ code: 100, error_subcode: 2207028 })
    const eleven = Array.from({ length: 11 }, () => one).join(",")
    expect((await create({ media_type: "CAROUSEL", children: eleven })).body.error.error_subcode).toBe(2207028)
    const feed = await container({ image_url: media.url("/square.jpg") })
    expect((await create({ media_type: "CAROUSEL", children: `${one},${feed}` })).body.error.code).toBe(100)
    const withCaption = await create({ image_url: media.url("/square.jpg"), is_carousel_item: true, caption: "no" })
    expect(withCaption.body.error.code).toBe(100)
  })

  it.each([
    ["a PNG", "/image.png", 36001, 2207005],
    ["a 3:4 image (aspect 0.75)", "/portrait-3x4.jpg", 36003, 2207009],
    ["an image over 8 MiB", "/huge.jpg", 36000, 2207004],
    ["a 404", "/missing.jpg", 9004, 2207052],
  ])("%s turns the container ERROR; media_publish answers that error", async (_, path, code, subcode) => {
    const id = await container({ image_url: media.url(path) })
    expect(await settled(id)).toMatchObject({ status_code: "ERROR", status: `Error: Media upload has failed with error code ${subcode}` })
    const answer = await publish(id)
    expect(answer.body.error).toMatchObject({ code, error_subcode: subcode })
    expect(emulator.publishing.containers(IG)[0]).toMatchObject({ statusCode: "ERROR", error: { code, subcode } })
  })

  it("an unreachable URL turns the container ERROR 2207052; a 4:5 image is fine", async () => {
    const unreachable = await container({ image_url: "http://127.0.0.1:1/nothing.jpg" })
    expect((await settled(unreachable)).status).toBe("Error: Media upload has failed with error code 2207052")
    expect((await publish(unreachable)).body.error).toMatchObject({ code: 9004, error_subcode: 2207052 })
    const edge = await container({ image_url: media.url("/portrait-4x5.jpg") })
    expect((await settled(edge)).status_code).toBe("FINISHED")
  })

  it("quota: the third publish with quota_total 2 is 9/2207042; content_publishing_limit shows the usage", async () => {
    emulator.publishing.setPublishingQuota(IG, 2)
    await published()
    await published({ image_url: media.url("/wide.jpg") })
    const third = await container({ image_url: media.url("/square.jpg") })
    await settled(third)
    const refused = await publish(third)
    expect(refused.body.error).toMatchObject({ code: 9, error_subcode: 2207042 })
    const limit = await graphGet(emulator, `${IG}/content_publishing_limit`, token, { fields: "quota_usage,config" })
    expect(limit.body).toEqual({ data: [{ quota_usage: 2, config: { quota_total: 2, quota_duration: 86400 } }] })
    expect(emulator.publishing.media(IG)).toHaveLength(2)
  })

  it("reels: a video container publishes as VIDEO/REELS; a WebM is 2207026", async () => {
    const id = await published({ media_type: "REELS", video_url: media.url("/reel.mp4"), caption: "Reel", share_to_feed: true, thumb_offset: 1000 })
    const reel = await graphGet(emulator, id, token, { fields: "media_type,media_product_type,permalink" })
    expect(reel.body).toMatchObject({ media_type: "VIDEO", media_product_type: "REELS", permalink: expect.stringMatching(/instagram\.com\/reel\//) })

    const webm = await container({ media_type: "REELS", video_url: media.url("/clip.webm") })
    expect((await settled(webm)).status).toBe("Error: Media upload has failed with error code 2207026")
    expect((await publish(webm)).body.error).toMatchObject({ code: 352, error_subcode: 2207026 })
    expect((await create({ media_type: "REELS" })).body.error.message).toContain("video_url")
    expect((await create({ media_type: "REELS", video_url: media.url("/reel.mp4"), alt_text: "x" })).body.error.code).toBe(100)
  })

  it("stories: any aspect ratio, published as STORY, listed on /stories not /media; both URLs rejected", async () => {
    const id = await published({ media_type: "STORIES", image_url: media.url("/portrait-3x4.jpg") })
    expect((await graphGet(emulator, id, token, { fields: "media_product_type" })).body.media_product_type).toBe("STORY")
    expect((await graphGet(emulator, `${IG}/media`, token)).body.data).toEqual([])
    expect((await graphGet(emulator, `${IG}/stories`, token)).body.data).toEqual([{ id }])
    const both = await create({ media_type: "STORIES", image_url: media.url("/square.jpg"), video_url: media.url("/reel.mp4") })
    expect(both.body.error.code).toBe(100)
  })

  it.each<[string, Record<string, unknown>, number, number | undefined]>([
    ["a caption with 31 hashtags", { caption: Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(" ") }, 36004, 2207010],
    ["a caption over 2,200 characters", { caption: "a".repeat(2201) }, 36004, 2207010],
    ["21 @mentions", { caption: Array.from({ length: 21 }, (_, i) => `@user${i}`).join(" ") }, 100, 2207040],
    ["an unknown media_type", { media_type: "GIF" }, 100, 2207023],
    ["VIDEO outside a carousel", { media_type: "VIDEO", image_url: undefined, video_url: "https://cdn.example.com/v.mp4" }, 100, 2207023],
    ["alt_text over 1,000 characters", { alt_text: "x".repeat(1001) }, 100, undefined],
    ["no image_url", { image_url: undefined }, 100, undefined],
  ])("rejects %s up front", async (_, overrides, code, subcode) => {
    const answer = await create({ image_url: media.url("/square.jpg"), ...overrides })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe(code)
    if (subcode) expect(answer.body.error.error_subcode).toBe(subcode)
    expect(emulator.publishing.containers(IG)).toEqual([])
  })

  it("accepts the Page token; refuses another Page's token and tokens without instagram_content_publish", async () => {
    const accounts = await graphGet(emulator, "me/accounts", token, { fields: "id,access_token" })
    const pageToken = (id: string) => accounts.body.data.find((p: { id: string }) => p.id === id).access_token
    expect((await create({ image_url: media.url("/square.jpg") }, pageToken(PAGE))).status).toBe(200)
    expect((await create({ image_url: media.url("/square.jpg") }, pageToken("30002"))).body.error).toMatchObject({ code: 100, error_subcode: 33 })
    const weak = emulator.createSystemUserToken({ scopes: ["instagram_basic", "pages_show_list"] })
    expect((await create({ image_url: media.url("/square.jpg") }, weak)).body.error.code).toBe(10)
    expect((await publish("999999")).body.error).toMatchObject({ code: 24, error_subcode: 2207006 })
  })

  it("lost_response on media_publish: the client sees a socket error, the media exists exactly once", async () => {
    const id = await container({ image_url: media.url("/square.jpg"), caption: "Once" })
    await settled(id)
    emulator.injectFault({ kind: "lost_response", path: "/media_publish" })
    await expect(publish(id)).rejects.toThrow()
    expect(emulator.publishing.media(IG)).toEqual([expect.objectContaining({ caption: "Once", containerId: id })])
    expect((await status(id)).status_code).toBe("PUBLISHED")
    expect((await publish(id)).body.error.code).toBe(100)
    expect(emulator.publishing.media(IG)).toHaveLength(1)
    expect(emulator.requests({ path: "/media_publish" }).map((r) => r.status)).toEqual([undefined, 400])
  })

  it("the control API accepts a lost_response fault", async () => {
    const added = await fetch(`${emulator.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "lost_response", path: "/media_publish", times: 2 }),
    })
    expect(added.status).toBe(200)
    expect((await added.json()).faults).toEqual([expect.objectContaining({ kind: "lost_response", times: 2 })])
  })

  it("comments: first comment, reply, hide; visible through the handle and comments_count", async () => {
    const mediaId = await published()
    const first = await graphSend(emulator, "POST", `${mediaId}/comments`, token, { message: "Shop at acme.example" })
    expect(first.body).toEqual({ id: expect.any(String) })
    const reply = await graphSend(emulator, "POST", `${first.body.id}/replies`, token, { message: "Thanks!" })
    expect(reply.body).toEqual({ id: expect.any(String) })
    expect((await graphSend(emulator, "POST", first.body.id, token, { hide: true })).body).toEqual({ success: true })
    expect(emulator.publishing.comments(mediaId)).toEqual([
      expect.objectContaining({ id: first.body.id, message: "Shop at acme.example", hidden: true, platform: "instagram" }),
      expect.objectContaining({ id: reply.body.id, parentId: first.body.id, hidden: false }),
    ])
    expect((await graphGet(emulator, mediaId, token, { fields: "comments_count" })).body.comments_count).toBe(2)
    expect((await graphGet(emulator, first.body.id, token, { fields: "text,hidden" })).body).toEqual({ id: first.body.id, text: "Shop at acme.example", hidden: true })

    // A shopper's comment announced by a webhook can be answered like any other.
    const notified = emulator.webhooks.commentNotification({ platform: "instagram", mediaId, text: "Price?", commentId: "88001" })
    expect(notified.entry[0].changes[0].value).toMatchObject({ id: "88001" })
    expect((await graphSend(emulator, "POST", "88001/replies", token, { message: "19.99" })).status).toBe(200)
  })

  it("containers expire 24 h after creation (emulator clock): EXPIRED, then -2/2207020", async () => {
    let clock = Date.parse("2026-12-02T10:00:00Z")
    const timed = await startGraphEmulator({ now: () => clock })
    try {
      timed.publishing.setContainerDelays({ imageMs: 0 })
      const system = timed.createSystemUserToken()
      const id = (await graphSend(timed, "POST", `${IG}/media`, system, { image_url: media.url("/square.jpg") })).body.id
      for (let i = 0; i < 100 && timed.publishing.containers(IG)[0].statusCode === "IN_PROGRESS"; i++) await new Promise((r) => setTimeout(r, 10))
      expect(timed.publishing.containers(IG)[0].statusCode).toBe("FINISHED")
      clock += 25 * 3600 * 1000
      expect((await graphGet(timed, id, system, { fields: "status_code" })).body.status_code).toBe("EXPIRED")
      expect((await graphSend(timed, "POST", `${IG}/media_publish`, system, { creation_id: id })).body.error).toMatchObject({ code: -2, error_subcode: 2207020 })
    } finally {
      await timed.close()
    }
  })

  it("reset() clears containers, media, comments, delays and quotas", async () => {
    emulator.publishing.setPublishingQuota(IG, 1)
    await published()
    emulator.reset()
    expect(emulator.publishing.containers()).toEqual([])
    expect(emulator.publishing.media()).toEqual([])
    token = emulator.createSystemUserToken()
    const limit = await graphGet(emulator, `${IG}/content_publishing_limit`, token, { fields: "quota_usage,config" })
    expect(limit.body.data[0]).toEqual({ quota_usage: 0, config: { quota_total: 50, quota_duration: 86400 } })
  })
})

describe("Graph emulator: Facebook Page publishing", () => {
  let emulator: GraphEmulator
  let media: MediaServer
  let system: string
  let pageToken: string

  beforeAll(async () => {
    emulator = await startGraphEmulator()
    media = await startMediaServer()
  })
  afterAll(async () => {
    await emulator.close()
    await media.close()
  })
  beforeEach(async () => {
    emulator.reset()
    system = emulator.createSystemUserToken()
    const accounts = await graphGet(emulator, "me/accounts", system, { fields: "id,access_token" })
    pageToken = accounts.body.data.find((p: { id: string }) => p.id === PAGE).access_token
  })

  const send = (path: string, body: Record<string, unknown>, as = pageToken) => graphSend(emulator, "POST", path, as, body)

  async function sendForm(path: string, form: Record<string, string>, as = pageToken): Promise<GraphAnswer> {
    const response = await fetch(`${emulator.url}/v25.0/${path}`, {
      method: "POST",
      body: new URLSearchParams({ access_token: as, appsecret_proof: proofFor(as), ...form }),
    })
    return { status: response.status, body: await response.json(), headers: response.headers }
  }

  it("feed post with a link: <page>_<post> id, permalink, listed on the feed", async () => {
    const created = await send(`${PAGE}/feed`, { message: "New arrivals", link: "https://shop.example.com/new" })
    expect(created.body.id).toMatch(new RegExp(`^${PAGE}_\\d+$`))
    const post = await graphGet(emulator, created.body.id, pageToken, { fields: "id,message,permalink_url,created_time,is_published" })
    expect(post.body).toEqual({
      id: created.body.id,
      message: "New arrivals",
      permalink_url: `https://www.facebook.com/${PAGE}/posts/${created.body.id.split("_")[1]}`,
      created_time: expect.stringMatching(/\+0000$/),
      is_published: true,
    })
    const feed = await graphGet(emulator, `${PAGE}/feed`, pageToken, { fields: "id,message,created_time,permalink_url", limit: "5" })
    expect(feed.body.data.map((p: { id: string }) => p.id)).toEqual([created.body.id])
    expect(emulator.publishing.pagePosts(PAGE)).toEqual([expect.objectContaining({ link: "https://shop.example.com/new", isPublished: true })])
    expect((await send(`${PAGE}/feed`, {})).body.error.code).toBe(100)
  })

  it("multi-photo: unpublished photos attached with attached_media (JSON and form styles); reuse refused", async () => {
    const photos: string[] = []
    for (const path of ["/square.jpg", "/image.png", "/wide.jpg"]) {
      const photo = await send(`${PAGE}/photos`, { url: media.url(path), published: false })
      expect(photo.body).toEqual({ id: expect.any(String) })
      photos.push(photo.body.id)
    }
    const json = await send(`${PAGE}/feed`, { message: "Two photos", attached_media: [{ media_fbid: photos[0] }, { media_fbid: photos[1] }] })
    expect(json.status).toBe(200)
    const form = await sendForm(`${PAGE}/feed`, { message: "Form style", "attached_media[0]": JSON.stringify({ media_fbid: photos[2] }) })
    expect(form.status).toBe(200)
    expect(emulator.publishing.pagePosts(PAGE).map((p) => p.attachments)).toEqual([[photos[2]], [photos[0], photos[1]]])
    const album = await graphGet(emulator, json.body.id, pageToken, { fields: "attachments" })
    expect(album.body.attachments.data[0].subattachments.data).toHaveLength(2)

    const reused = await send(`${PAGE}/feed`, { message: "Again", attached_media: JSON.stringify([{ media_fbid: photos[0] }]) })
    expect(reused.body.error).toMatchObject({ code: 100, error_subcode: 1366051 })
    expect((await send(`${PAGE}/feed`, { attached_media: [{ media_fbid: "123" }] })).body.error.code).toBe(100)
  })

  it("photos: a published photo answers post_id; a non-image is 324; over 4 MB is 1366046", async () => {
    const photo = await send(`${PAGE}/photos`, { url: media.url("/square.jpg"), caption: "Hello" })
    expect(photo.body).toEqual({ id: expect.any(String), post_id: expect.stringMatching(new RegExp(`^${PAGE}_`)) })
    expect(emulator.publishing.pagePosts(PAGE)[0]).toMatchObject({ id: photo.body.post_id, message: "Hello", attachments: [photo.body.id] })
    expect((await send(`${PAGE}/photos`, { url: media.url("/page.html") })).body.error.code).toBe(324)
    expect((await send(`${PAGE}/photos`, { url: media.url("/huge.jpg") })).body.error).toMatchObject({ code: 100, error_subcode: 1366046 })
    expect((await send(`${PAGE}/photos`, { url: "http://127.0.0.1:1/x.jpg" })).body.error.code).toBe(324)
  })

  it("videos: file_url makes a published post with a permalink", async () => {
    const video = await send(`${PAGE}/videos`, { file_url: media.url("/reel.mp4"), description: "Watch", title: "Tee" })
    expect(video.body).toEqual({ id: expect.any(String) })
    const [post] = emulator.publishing.pagePosts(PAGE)
    expect(post).toMatchObject({ videoId: video.body.id, message: "Watch", isPublished: true, permalinkUrl: expect.stringContaining("/posts/") })
    expect((await send(`${PAGE}/videos`, { file_url: media.url("/page.html") })).body.error.code).toBe(352)
    expect((await send(`${PAGE}/videos`, { file_url: "http://127.0.0.1:1/v.mp4" })).body.error.code).toBe(389)
  })

  it("Page writes need that Page's token: a user token is 200, another Page's token 100/33, scheduled_posts 210", async () => {
    const person = await userToken(emulator, "pages_show_list,pages_read_engagement,pages_manage_posts")
    const user = await send(`${PAGE}/feed`, { message: "From a user token" }, person)
    expect(user.body.error.code).toBe(200)
    expect((await send(`${PAGE}/photos`, { url: media.url("/square.jpg") }, system)).body.error.code).toBe(200)
    const accounts = await graphGet(emulator, "me/accounts", system, { fields: "id,access_token" })
    const otherPage = accounts.body.data.find((p: { id: string }) => p.id === "30002").access_token
    expect((await send(`${PAGE}/feed`, { message: "Wrong page" }, otherPage)).body.error).toMatchObject({ code: 100, error_subcode: 33 })
    expect((await graphGet(emulator, `${PAGE}/scheduled_posts`, system)).body.error.code).toBe(210)
    expect(emulator.publishing.pagePosts()).toEqual([])
  })

  it("scheduling: published=false + 10 min–75 days ahead; 5 minutes ahead or published=true refused", async () => {
    const now = Math.floor(Date.now() / 1000)
    const soon = await send(`${PAGE}/feed`, { message: "Too soon", published: false, scheduled_publish_time: now + 5 * 60 })
    expect(soon.body.error.code).toBe(100)
    const far = await send(`${PAGE}/feed`, { message: "Too far", published: false, scheduled_publish_time: now + 76 * 24 * 3600 })
    expect(far.body.error.code).toBe(100)
    const published = await send(`${PAGE}/feed`, { message: "Published", scheduled_publish_time: now + 3600 })
    expect(published.body.error.code).toBe(100)

    const scheduled = await send(`${PAGE}/feed`, { message: "Later", published: false, scheduled_publish_time: now + 3600 })
    expect(scheduled.status).toBe(200)
    const list = await graphGet(emulator, `${PAGE}/scheduled_posts`, pageToken, { fields: "id,message,scheduled_publish_time" })
    expect(list.body.data).toEqual([{ id: scheduled.body.id, message: "Later", scheduled_publish_time: now + 3600 }])
    expect((await graphGet(emulator, `${PAGE}/feed`, pageToken)).body.data).toEqual([])
    expect((await graphGet(emulator, scheduled.body.id, pageToken, { fields: "is_published" })).body.is_published).toBe(false)
  })

  it("duplicate status messages are refused with 506", async () => {
    expect((await send(`${PAGE}/feed`, { message: "Same words" })).status).toBe(200)
    expect((await send(`${PAGE}/feed`, { message: "Same words" })).body.error.code).toBe(506)
  })

  it("comments: first comment, reply, hide with is_hidden; a user token is 210", async () => {
    const post = (await send(`${PAGE}/feed`, { message: "Comment me" })).body.id
    const first = await send(`${post}/comments`, { message: "Link: https://shop.example.com" })
    expect(first.body).toEqual({ id: expect.stringMatching(/^\d+_\d+$/) })
    const reply = await send(`${first.body.id}/comments`, { message: "Reply" })
    expect(reply.status).toBe(200)
    expect((await send(first.body.id, { is_hidden: true })).body).toEqual({ success: true })
    expect(emulator.publishing.comments(post)).toEqual([
      expect.objectContaining({ id: first.body.id, hidden: true, platform: "facebook", from: { id: PAGE, name: "Acme Store" } }),
      expect.objectContaining({ id: reply.body.id, parentId: first.body.id }),
    ])
    expect((await send(`${post}/comments`, { message: "As user" }, system)).body.error.code).toBe(210)
    const read = await graphGet(emulator, first.body.id, pageToken, { fields: "message,is_hidden" })
    expect(read.body).toEqual({ id: first.body.id, message: "Link: https://shop.example.com", is_hidden: true })

    emulator.webhooks.commentNotification({ platform: "facebook", mediaId: post, text: "Spam!", commentId: "88002" })
    expect((await send("88002", { is_hidden: true })).body).toEqual({ success: true })
    expect(emulator.publishing.comments(post).find((c) => c.id === "88002")).toMatchObject({ hidden: true, from: { id: "91001" } })
  })
})
