import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import publishMetaPublicationsJob from "../../src/jobs/publish-meta-publications"
import { META_PUBLISHING_MODULE } from "../../src/modules/meta-publishing"
import type MetaPublishingModuleService from "../../src/modules/meta-publishing/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { startMediaServer, type MediaServer } from "../helpers/media-server"
import { useTestEmulator, waitFor } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9870
const IG = "40001"
const PAGE = "30001"

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-publishing",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let media: MediaServer
    let accounts: Record<string, { id: string; platform: string; meta_id: string }>
    const svc = () => getContainer().resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const admin = {
      get: (path: string) => api.get(path, { headers }),
      post: (path: string, body: unknown = {}) => api.post(path, body, { headers }),
      delete: (path: string) => api.delete(path, { headers }),
    }
    /** Any answer, 4xx included, for the assertions on bad input. */
    const attempt = (path: string, body: unknown) => api.post(path, body, { headers }).catch((e: any) => e.response)
    const publishes = () => emulator.requests({ method: "POST", path: /media_publish$/ })
    const igMedia = () => emulator.publishing.media(IG)

    const publication = async (id: string) => (await admin.get(`/admin/meta/publications/${id}`)).data.publication
    const settled = (id: string, what = "the publication to settle") =>
      waitFor(() => publication(id), (p) => p.status === "published" || p.status === "failed", what, 60_000)
    /** What the next minute's job run would do, without waiting for the minute. */
    const runJob = () => publishMetaPublicationsJob(getContainer())
    /** Makes a waiting publication due now (instead of waiting out its backoff). */
    const dueNow = (id: string) => svc().updateMetaPublications({ id, next_attempt_at: new Date(Date.now() - 1000) })

    beforeAll(async () => {
      media = await startMediaServer()
    })
    afterAll(async () => {
      await media.close()
    })

    beforeEach(async () => {
      emulator.reset()
      emulator.publishing.setContainerDelays({ imageMs: 200, videoMs: 400 })
      headers = (await createAdminHeaders(getContainer(), api)).headers
      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001" }, { headers })
      const { data } = await admin.get("/admin/meta/publishing/accounts")
      accounts = Object.fromEntries(data.accounts.map((a: any) => [a.meta_id, a]))
      for (const account of data.accounts) await admin.post(`/admin/meta/publishing/accounts/${account.id}`, { enabled: true })
    })

    it("lists every discovered Page and Instagram account with followers and Meta's current quota", async () => {
      emulator.publishing.setPublishingQuota(IG, 100)
      const { data } = await admin.get("/admin/meta/publishing/accounts")
      const ig = data.accounts.find((a: any) => a.meta_id === IG)
      expect(ig).toMatchObject({ platform: "instagram", username: "acmestore", followers_count: 5400, enabled: true, page_meta_id: PAGE })
      expect(ig.quota).toMatchObject({ usage: 0, total: 100, duration_seconds: 86400 })
      expect(ig.kinds).toEqual(["instagram_image", "instagram_carousel", "instagram_reel", "instagram_story"])
      const pages = data.accounts.filter((a: any) => a.platform === "facebook").map((a: any) => a.name)
      expect(pages.sort()).toEqual(["Acme Outlet", "Acme Store"])

      const off = await admin.post(`/admin/meta/publishing/accounts/${ig.id}`, { enabled: false })
      expect(off.data.account.enabled).toBe(false)
      const bad = await attempt(`/admin/meta/publishing/accounts/${ig.id}`, { enabled: "yes" })
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/enabled/)
    })

    it("publishes an Instagram image now, once, with its permalink and the first comment", async () => {
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "New in: the Everyday Tote #tote",
        media: [{ url: media.image(1080, 1350), alt_text: "A canvas tote bag" }],
        first_comment: "Shop it via the link in bio",
      })
      expect(data.publication).toMatchObject({ status: "draft", media: [{ type: "image", mime: "image/jpeg", width: 1080, height: 1350 }] })
      const started = await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      expect(started.data.publication.status).toBe("publishing")

      const done = await settled(data.publication.id)
      expect(done).toMatchObject({ status: "published", last_error: null })
      expect(done.permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\//)
      expect(igMedia()).toHaveLength(1)
      expect(igMedia()[0]).toMatchObject({ id: done.meta_post_id, caption: "New in: the Everyday Tote #tote" })
      expect(publishes()).toHaveLength(1)
      const containerCall = emulator.requests({ method: "POST", path: `${IG}/media` })[0]
      expect(containerCall.body).toMatchObject({ alt_text: "A canvas tote bag" })
      expect(emulator.publishing.comments(done.meta_post_id).map((c: any) => c.message)).toEqual(["Shop it via the link in bio"])
      expect(done.first_comment_id).toBeTruthy()
    })

    it("publishes a carousel (children first), a reel and a story", async () => {
      const create = (body: Record<string, unknown>) => admin.post("/admin/meta/publications", { account_id: accounts[IG].id, ...body })
      const carousel = (await create({
        kind: "instagram_carousel",
        caption: "Three colours",
        media: [{ url: media.image(1080, 1080, "a") }, { url: media.image(1080, 1080, "b") }, { url: media.image(1080, 1080, "c") }],
      })).data.publication
      const reel = (await create({ kind: "instagram_reel", caption: "Behind the scenes", media: [{ url: `${media.url}/video/reel.mp4` }] })).data.publication
      const story = (await create({ kind: "instagram_story", media: [{ url: media.image(1080, 1920) }] })).data.publication
      for (const p of [carousel, reel, story]) await admin.post(`/admin/meta/publications/${p.id}/publish`)
      for (const p of [carousel, reel, story]) expect((await settled(p.id)).status).toBe("published")

      const children = emulator.requests({ method: "POST", path: `${IG}/media` }).filter((r: any) => r.body?.is_carousel_item)
      expect(children).toHaveLength(3)
      const byType = igMedia().map((m: any) => m.mediaProductType).sort()
      expect(byType).toEqual(["FEED", "REELS", "STORY"])
      expect(igMedia().find((m: any) => m.mediaType === "CAROUSEL_ALBUM")?.children).toHaveLength(3)
      expect(publishes()).toHaveLength(3)
    })

    it("publishes a Facebook multi-photo post with the Page token", async () => {
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[PAGE].id,
        kind: "facebook_multi_photo",
        caption: "Our new collection",
        media: [{ url: media.image(1200, 800, "x") }, { url: media.image(1200, 800, "y") }],
      })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const done = await settled(data.publication.id)
      expect(done.status).toBe("published")
      const posts = emulator.publishing.pagePosts(PAGE)
      expect(posts).toHaveLength(1)
      expect(posts[0]).toMatchObject({ message: "Our new collection" })
      expect(posts[0].attachments).toHaveLength(2)
      expect(done.permalink).toMatch(/facebook\.com/)
    })

    it("a scheduled publication goes out at its time, once, with two job runners racing", async () => {
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "Scheduled drop",
        media: [{ url: media.image(1080, 1080) }],
        scheduled_at: new Date(Date.now() + 1500).toISOString(),
      })
      expect(data.publication.status).toBe("scheduled")
      await runJob()
      expect(publishes()).toHaveLength(0) // not early
      await new Promise((r) => setTimeout(r, 1600))
      await Promise.all([runJob(), runJob()])
      const done = await settled(data.publication.id)
      expect(done.status).toBe("published")
      expect(new Date(done.published_at).getTime()).toBeGreaterThanOrEqual(new Date(data.publication.scheduled_at).getTime())
      expect(igMedia()).toHaveLength(1)
      expect(publishes()).toHaveLength(1)
    })

    it("bad media is refused with the reason before any call to Meta", async () => {
      const png = await attempt("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        media: [{ url: `${media.url}/img/shot.png` }],
      })
      expect(png.status).toBe(400)
      expect(png.data.message).toMatch(/media\.0.*JPEG/)
      const tall = await attempt("/admin/meta/publications/validate", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        media: [{ url: media.image(1080, 1920) }],
      })
      expect(tall.data.valid).toBe(false)
      expect(tall.data.issues.find((i: any) => i.severity === "error")).toMatchObject({ field: "media.0" })
      const oneSlide = await attempt("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_carousel",
        media: [{ url: media.image(1080, 1080) }],
      })
      expect(oneSlide.status).toBe(400)
      expect(oneSlide.data.message).toMatch(/media/)
      expect(emulator.requests({ method: "POST", path: `${IG}/media` })).toHaveLength(0)
    })

    it("bad input gets a 400 naming the field", async () => {
      const cases: [unknown, RegExp][] = [
        [{ kind: "instagram_image", media: [] }, /account_id/],
        [{ account_id: accounts[IG].id, kind: "tiktok", media: [] }, /kind/],
        [{ account_id: accounts[IG].id, kind: "instagram_image", media: [{ url: "not a url" }] }, /url/],
        [{ account_id: accounts[IG].id, kind: "instagram_image", media: [{ url: media.image(1080, 1080) }], scheduled_at: "tomorrow" }, /scheduled_at/],
        [{ account_id: accounts[IG].id, kind: "facebook_post", media: [], caption: "x" }, /kind/],
        [{ account_id: accounts[IG].id, kind: "instagram_image", media: [{ url: media.image(1080, 1080) }], caption: "#a ".repeat(31) }, /caption/],
      ]
      for (const [body, field] of cases) {
        const res = await attempt("/admin/meta/publications", body)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(field)
      }
      const list = await api.get("/admin/meta/publications?status=sent", { headers }).catch((e: any) => e.response)
      expect(list.status).toBe(400)
      expect(list.data.message).toMatch(/status/)
    })

    it("when the quota is used it waits, then publishes once the quota allows", async () => {
      emulator.publishing.setPublishingQuota(IG, 0)
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "Quota test",
        media: [{ url: media.image(1080, 1080) }],
      })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const waiting = await waitFor(() => publication(data.publication.id), (p) => !!p.last_error, "the quota wait")
      expect(waiting.status).toBe("publishing")
      expect(waiting.last_error.message).toMatch(/publishing limit/)
      expect(new Date(waiting.next_attempt_at).getTime()).toBeGreaterThan(Date.now())
      expect(publishes()).toHaveLength(0)

      emulator.publishing.setPublishingQuota(IG, 50)
      await dueNow(data.publication.id)
      await runJob()
      expect((await settled(data.publication.id)).status).toBe("published")
      expect(igMedia()).toHaveLength(1)
    })

    it("a lost answer after media_publish never becomes a second post", async () => {
      emulator.injectFault({ method: "POST", path: "/media_publish", kind: "lost_response" } as any)
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "Lost answer",
        media: [{ url: media.image(1080, 1080) }],
      })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const waiting = await waitFor(() => publication(data.publication.id), (p) => !!p.last_error, "the retry after the lost answer")
      expect(waiting.status).toBe("publishing")
      expect(igMedia()).toHaveLength(1) // it did go out

      await dueNow(data.publication.id)
      await runJob()
      const done = await settled(data.publication.id)
      expect(done).toMatchObject({ status: "published", meta_post_id: igMedia()[0].id })
      expect(igMedia()).toHaveLength(1)
      expect(publishes()).toHaveLength(1)
    })

    it("a revoked token waits for a reconnect, then publishes", async () => {
      const { data: conn } = await admin.get("/admin/meta/connection")
      expect(conn.connection.status).toBe("active")
      for (const token of Object.values(emulator.state.tokens)) emulator.revokeToken((token as any).token)
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "After reconnect",
        media: [{ url: media.image(1080, 1080) }],
      })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const waiting = await waitFor(() => publication(data.publication.id), (p) => !!p.last_error, "the reconnect wait")
      expect(waiting.status).toBe("publishing")
      expect(waiting.last_error.hint).toMatch(/[Rr]econnect/)
      expect(igMedia()).toHaveLength(0)

      await api.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), pixel_id: "60001" }, { headers })
      await dueNow(data.publication.id)
      await runJob()
      expect((await settled(data.publication.id)).status).toBe("published")
      expect(igMedia()).toHaveLength(1)
    })

    it("a cancelled publication is never published, and a published one cannot be changed", async () => {
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "Never",
        media: [{ url: media.image(1080, 1080) }],
        scheduled_at: new Date(Date.now() + 500).toISOString(),
      })
      const cancelled = await admin.post(`/admin/meta/publications/${data.publication.id}/cancel`)
      expect(cancelled.data.publication.status).toBe("cancelled")
      await new Promise((r) => setTimeout(r, 700))
      await runJob()
      expect((await publication(data.publication.id)).status).toBe("cancelled")
      expect(emulator.requests({ method: "POST", path: `${IG}/media` })).toHaveLength(0)
      const again = await attempt(`/admin/meta/publications/${data.publication.id}`, { caption: "changed" })
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/cancelled/)
    })

    it("comments on a published post link to it, and the merchant replies to and hides them", async () => {
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "Talk to us",
        media: [{ url: media.image(1080, 1080) }],
      })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      const done = await settled(data.publication.id)
      const baseUrl = api.defaults.baseURL as string
      const delivered = await emulator.webhooks.deliver(
        `${baseUrl}/meta/webhooks`,
        emulator.webhooks.commentNotification({ platform: "instagram", mediaId: done.meta_post_id, commentId: "17900000042", text: "Does it come in blue?" })
      )
      expect(delivered.status).toBe(200)
      const { data: inbox } = await waitFor(
        () => admin.get(`/admin/meta/comments?publication_id=${data.publication.id}`),
        (res: any) => res.data.count === 1,
        "the comment in the inbox"
      )
      const comment = inbox.comments[0]
      expect(comment).toMatchObject({ comment_id: "17900000042", publication_id: data.publication.id })

      const reply = await admin.post(`/admin/meta/comments/${comment.id}/reply`, { message: "Yes, in three blues!" })
      expect(reply.status).toBe(201)
      expect(emulator.requests({ method: "POST", path: "17900000042/replies" })[0].body).toMatchObject({ message: "Yes, in three blues!" })
      const hidden = await admin.post(`/admin/meta/comments/${comment.id}/hide`, {})
      expect(hidden.data.comment).toEqual({ id: comment.id, hidden: true })
      expect(emulator.requests({ method: "POST", path: /17900000042$/ })[0].body).toMatchObject({ hide: true })
      const empty = await attempt(`/admin/meta/comments/${comment.id}/reply`, { message: "  " })
      expect(empty.status).toBe(400)
      expect(empty.data.message).toMatch(/message/)
    })

    it("rescheduling moves a publication on the calendar and the month's list finds it", async () => {
      const at = new Date(Date.now() + 3 * 86_400_000)
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[PAGE].id,
        kind: "facebook_post",
        caption: "Weekend sale",
        media: [],
        scheduled_at: at.toISOString(),
      })
      const moved = new Date(at.getTime() + 86_400_000)
      const res = await admin.post(`/admin/meta/publications/${data.publication.id}`, { scheduled_at: moved.toISOString() })
      expect(res.data.publication).toMatchObject({ status: "scheduled", scheduled_at: moved.toISOString() })
      const from = new Date(moved.getTime() - 3600_000).toISOString()
      const to = new Date(moved.getTime() + 3600_000).toISOString()
      const { data: list } = await admin.get(`/admin/meta/publications?from=${from}&to=${to}`)
      expect(list.publications.map((p: any) => p.id)).toEqual([data.publication.id])
      const { data: none } = await admin.get(`/admin/meta/publications?from=${new Date(at.getTime() - 3600_000).toISOString()}&to=${new Date(at.getTime() + 3600_000).toISOString()}`)
      expect(none.count).toBe(0)
    })
  },
})
