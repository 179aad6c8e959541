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
    /** Containers made for the Instagram account (POST /{ig-user}/media, not media_publish). */
    const containerCalls = () => emulator.requests({ method: "POST", path: new RegExp(`${IG}/media$`) })

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
      // Both runners start before the time; they wait for it (not for the next minute) and one publishes.
      await Promise.all([runJob(), runJob()])
      const done = await settled(data.publication.id)
      expect(done.status).toBe("published")
      const due = new Date(data.publication.scheduled_at).getTime()
      expect(new Date(done.published_at).getTime()).toBeGreaterThanOrEqual(due)
      expect(Date.parse(publishes()[0].at)).toBeGreaterThanOrEqual(due) // not early
      expect(igMedia()).toHaveLength(1)
      expect(publishes()).toHaveLength(1)
    })

    it("an Instagram container is made ahead of the due time; the post goes out at its time, once", async () => {
      // Due after this run's time is up (45 s): the run makes the container and returns.
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "Prepared ahead",
        media: [{ url: media.image(1080, 1080) }],
        scheduled_at: new Date(Date.now() + 50_000).toISOString(),
      })
      await runJob()
      const prepared = await publication(data.publication.id)
      expect(prepared).toMatchObject({ status: "scheduled", attempts: 0, meta_post_id: null })
      expect(prepared.container_id).toBeTruthy()
      expect(containerCalls()).toHaveLength(1)
      await runJob() // a second run before the time neither makes another container nor publishes
      expect(containerCalls()).toHaveLength(1)
      expect(publishes()).toHaveLength(0)

      // Now due within the run: two runners wait for the time, and one of them publishes it, once.
      const dueAt = new Date(Date.now() + 3000)
      await svc().updateMetaPublications({ id: data.publication.id, scheduled_at: dueAt })
      await Promise.all([runJob(), runJob()])
      const done = await settled(data.publication.id)
      expect(done).toMatchObject({ status: "published", container_id: prepared.container_id })
      expect(publishes()).toHaveLength(1)
      expect(publishes()[0].body).toMatchObject({ creation_id: prepared.container_id })
      expect(Date.parse(publishes()[0].at)).toBeGreaterThanOrEqual(dueAt.getTime())
      // published at its time, not at the next minute's run
      expect(Date.parse(publishes()[0].at) - dueAt.getTime()).toBeLessThan(5000)
      expect(new Date(done.published_at).getTime()).toBeGreaterThanOrEqual(dueAt.getTime())
      expect(containerCalls()).toHaveLength(1)
      expect(igMedia()).toHaveLength(1)
    })

    it("an edit after the container was made discards it, and the post goes out as edited", async () => {
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "First draft",
        media: [{ url: media.image(1080, 1080) }],
        scheduled_at: new Date(Date.now() + 60_000).toISOString(),
      })
      await runJob()
      const first = (await publication(data.publication.id)).container_id
      expect(first).toBeTruthy()

      const edited = await admin.post(`/admin/meta/publications/${data.publication.id}`, { caption: "Final words" })
      expect(edited.data.publication).toMatchObject({ status: "scheduled", container_id: null })
      await runJob() // made again, from the edited content
      const second = (await publication(data.publication.id)).container_id
      expect(second).toBeTruthy()
      expect(second).not.toBe(first)
      expect(containerCalls().map((r: any) => r.body.caption)).toEqual(["First draft", "Final words"])

      // A reschedule keeps the container: the content it was made from did not change.
      const moved = new Date(Date.now() + 1500).toISOString()
      expect((await admin.post(`/admin/meta/publications/${data.publication.id}`, { scheduled_at: moved })).data.publication.container_id).toBe(second)
      await new Promise((r) => setTimeout(r, 1600))
      await runJob()
      const done = await settled(data.publication.id)
      expect(done.status).toBe("published")
      expect(publishes().map((r: any) => r.body.creation_id)).toEqual([second])
      expect(igMedia().map((m: any) => m.caption)).toEqual(["Final words"])
    })

    it("a publication cancelled after its container was made is never published", async () => {
      const { data } = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "Called off",
        media: [{ url: media.image(1080, 1080) }],
        scheduled_at: new Date(Date.now() + 50_000).toISOString(),
      })
      await runJob()
      expect((await publication(data.publication.id)).container_id).toBeTruthy()
      await admin.post(`/admin/meta/publications/${data.publication.id}/cancel`)
      // its time comes
      await svc().updateMetaPublications({ id: data.publication.id, scheduled_at: new Date(Date.now() - 1000) })
      await runJob()
      expect((await publication(data.publication.id)).status).toBe("cancelled")
      expect(publishes()).toHaveLength(0)
      expect(igMedia()).toHaveLength(0)
    })

    it("containers are made only shortly ahead, and only for Instagram", async () => {
      const later = await admin.post("/admin/meta/publications", {
        account_id: accounts[IG].id,
        kind: "instagram_image",
        caption: "Next week",
        media: [{ url: media.image(1080, 1080) }],
        scheduled_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      })
      const page = await admin.post("/admin/meta/publications", {
        account_id: accounts[PAGE].id,
        kind: "facebook_post",
        caption: "Soon on the Page",
        media: [],
        scheduled_at: new Date(Date.now() + 60_000).toISOString(),
      })
      await runJob()
      expect((await publication(later.data.publication.id)).container_id).toBeNull()
      expect((await publication(page.data.publication.id)).status).toBe("scheduled")
      expect(containerCalls()).toHaveLength(0)
      expect(emulator.requests({ method: "POST", path: `${PAGE}/feed` })).toHaveLength(0)
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

    it("the calendar and the list answer each publication as its own GET does, filtered and counted", async () => {
      const at = (hours: number) => new Date(Date.now() + 10 * 86_400_000 + hours * 3_600_000).toISOString()
      const create = async (body: Record<string, unknown>) => (await admin.post("/admin/meta/publications", body)).data.publication
      const ig1 = await create({ account_id: accounts[IG].id, kind: "instagram_image", caption: "One", media: [{ url: media.image(1080, 1080), alt_text: "A bag" }], scheduled_at: at(2), first_comment: "Hi" })
      const ig2 = await create({ account_id: accounts[IG].id, kind: "instagram_image", caption: "Two", media: [{ url: media.image(1080, 1350) }], scheduled_at: at(1), product_ids: ["prod_calendar_1"] })
      const fb = await create({ account_id: accounts[PAGE].id, kind: "facebook_post", caption: "Three", media: [], scheduled_at: at(3) })
      const draft = await create({ account_id: accounts[PAGE].id, kind: "facebook_post", caption: "Someday", media: [] })
      const from = at(0)
      const to = at(4)

      const { data: month } = await admin.get(`/admin/meta/publications?from=${from}&to=${to}&limit=2000`)
      expect(month).toMatchObject({ count: 3, offset: 0, limit: 2000 })
      expect(month.publications.map((p: any) => p.id)).toEqual([ig2.id, ig1.id, fb.id])
      for (const listed of month.publications) expect(listed).toEqual(await publication(listed.id))
      expect(Object.keys(month.publications[0]).sort()).toEqual(Object.keys(ig2).sort())

      const ids = async (query: string) => (await admin.get(`/admin/meta/publications?${query}`)).data
      expect((await ids(`from=${from}&to=${to}&account_id=${accounts[IG].id}`)).publications.map((p: any) => p.id)).toEqual([ig2.id, ig1.id])
      expect((await ids(`from=${from}&to=${to}&status=scheduled&product_id=prod_calendar_1`)).publications.map((p: any) => p.id)).toEqual([ig2.id])
      expect((await ids(`from=${from}&to=${to}&status=draft`)).count).toBe(0)
      expect((await ids(`from=${from}`)).publications.map((p: any) => p.id)).toEqual([ig2.id, ig1.id, fb.id])
      const page = await ids(`from=${from}&to=${to}&limit=1&offset=1`)
      expect(page).toMatchObject({ count: 3, offset: 1, limit: 1 })
      expect(page.publications.map((p: any) => p.id)).toEqual([ig1.id])
      expect(await ids(`from=${from}&to=${to}&offset=5`)).toMatchObject({ publications: [], count: 3 })

      // Without a range: the whole list, drafts (no time) last.
      const all = await ids("limit=10")
      expect(all.count).toBe(4)
      expect(all.publications.map((p: any) => p.id)).toEqual([ig2.id, ig1.id, fb.id, draft.id])
      expect(all.publications[3]).toEqual(await publication(draft.id))
      expect((await ids("status=draft")).publications.map((p: any) => p.id)).toEqual([draft.id])
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
