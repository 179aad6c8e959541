import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import retryMetaWebhookEventsJob from "../../src/jobs/retry-meta-webhook-events"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useTestEmulator, waitFor } from "../helpers/meta-env"

jest.setTimeout(120_000)

const EMULATOR_PORT = 9820
const VERIFY_TOKEN = "webhook-verify-token-123"
process.env.META_WEBHOOK_VERIFY_TOKEN = VERIFY_TOKEN

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-webhooks",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let baseUrl: string

    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }),
      post: (url: string, body: unknown = {}) => api.post(url, body, { headers, validateStatus: () => true }),
    }
    const webhookUrl = () => `${baseUrl}/meta/webhooks`

    async function connect(): Promise<string> {
      const res = await admin.post("/admin/meta/connection", {
        access_token: emulator.createSystemUserToken(),
        page_id: "30001",
      })
      expect(res.status).toBe(200)
      return res.data.connection.meta_user_id as string
    }

    async function webhookEvents(query = "") {
      const res = await admin.get(`/admin/meta/webhooks${query}`)
      expect(res.status).toBe(200)
      return res.data as { webhook_events: any[]; count: number; unread_comments: number }
    }

    const settled = (events: { webhook_events: any[] }) =>
      events.webhook_events.every((e) => e.status === "processed" || e.status === "failed")

    beforeEach(async () => {
      emulator.reset()
      ;({ headers } = await createAdminHeaders(getContainer(), api))
      baseUrl = api.defaults.baseURL as string
    })

    describe("subscription handshake", () => {
      it("echoes hub.challenge as plain text for the configured verify token", async () => {
        const res = await api.get(
          `/meta/webhooks?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
          { validateStatus: () => true, transformResponse: (x: unknown) => x }
        )
        expect(res.status).toBe(200)
        expect(res.headers["content-type"]).toMatch(/^text\/plain/)
        expect(res.data).toBe("1158201444")
      })

      it.each([
        ["a wrong verify token", `hub.mode=subscribe&hub.verify_token=not-the-token&hub.challenge=1`],
        ["another mode", `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`],
        ["no challenge", `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}`],
        ["no parameters", ``],
      ])("refuses %s with 403", async (_, query) => {
        const res = await api.get(`/meta/webhooks?${query}`, { validateStatus: () => true })
        expect(res.status).toBe(403)
      })
    })

    describe("signature checks", () => {
      it.each(["forged", "missing", "tampered"] as const)("rejects a %s signature with 401 and stores nothing", async (mode) => {
        const lead = emulator.webhooks.createLead({ answers: { email: "x@example.com" } })
        const res = await emulator.webhooks.deliver(webhookUrl(), emulator.webhooks.leadNotification(lead), mode)
        expect(res.status).toBe(401)
        expect(JSON.parse(res.body).message).toMatch(/X-Hub-Signature-256/)
        expect((await webhookEvents()).count).toBe(0)
      })

      it("rejects a forged signature even when the body is not JSON (signature before parsing)", async () => {
        const res = await fetch(webhookUrl(), {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Hub-Signature-256": `sha256=${"0".repeat(64)}` },
          body: "{not json",
        })
        expect(res.status).toBe(401)
      })

      it("answers 400 for a validly signed body that is not JSON or not an envelope, storing nothing", async () => {
        const notJson = await emulator.webhooks.deliver(webhookUrl(), "{not json")
        expect(notJson.status).toBe(400)
        expect(JSON.parse(notJson.body).message).toBe("body is not valid JSON")
        const noEntry = await emulator.webhooks.deliver(webhookUrl(), JSON.stringify({ object: "page", entry: {} }))
        expect(noEntry.status).toBe(400)
        expect(JSON.parse(noEntry.body).message).toBe("entry must be an array")
        const noField = await emulator.webhooks.deliver(
          webhookUrl(),
          JSON.stringify({ object: "page", entry: [{ id: "30001", changes: [{ value: {} }] }] })
        )
        expect(JSON.parse(noField.body).message).toBe("entry[0].changes[0].field must be a non-empty string")
        expect((await webhookEvents()).count).toBe(0)
      })
    })

    describe("durable, idempotent log", () => {
      it("stores a redelivered change once and acts on it once, even when duplicates race", async () => {
        const envelope = emulator.webhooks.commentNotification({
          platform: "instagram",
          mediaId: "18000000001",
          commentId: "17900000001",
          text: "Does it come in blue?",
        })
        const results = await emulator.webhooks.deliverDuplicates(webhookUrl(), envelope, 6)
        expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
        expect(results.map((r) => JSON.parse(r.body).stored).reduce((a, b) => a + b, 0)).toBe(1)
        const events = await waitFor(() => webhookEvents(), settled, "processing")
        expect(events.count).toBe(1)
        expect(events.webhook_events[0]).toEqual(
          expect.objectContaining({ status: "processed", attempts: 1, object: "instagram", field: "comments" })
        )
        // a later redelivery (Meta retries for up to 36 h) still stores nothing
        const again = await emulator.webhooks.deliver(webhookUrl(), envelope)
        expect(JSON.parse(again.body)).toEqual({ received: 1, stored: 0 })
        const comments = await admin.get("/admin/meta/comments")
        expect(comments.data.count).toBe(1)
      })
    })

    describe("leads", () => {
      it("turns a lead-ad submission into a Medusa customer with the lead's answers", async () => {
        await connect()
        const lead = emulator.webhooks.createLead({
          pageId: "30001",
          formId: "81234",
          answers: {
            email: "Ada.Lovelace@Example.com",
            full_name: "Ada Lovelace",
            phone_number: "+1 415 555 0100",
            favourite_colour: "green",
          },
          consents: { marketing_terms: true },
        })
        const res = await emulator.webhooks.deliver(webhookUrl(), emulator.webhooks.leadNotification(lead))
        expect(res.status).toBe(200)
        const events = await waitFor(() => webhookEvents(), settled, "lead processing")
        expect(events.webhook_events[0]).toEqual(
          expect.objectContaining({ status: "processed", outcome: "customer created from lead", last_error: null })
        )

        const leads = await admin.get("/admin/meta/leads")
        expect(leads.data.count).toBe(1)
        const stored = leads.data.leads[0]
        expect(stored).toEqual(
          expect.objectContaining({
            leadgen_id: lead.id,
            page_id: "30001",
            form_id: "81234",
            ad_id: lead.adId,
            campaign_id: lead.campaignId,
            consents: { marketing_terms: true },
          })
        )
        expect(stored.answers).toEqual(expect.objectContaining({ favourite_colour: "green", full_name: "Ada Lovelace" }))

        const customer = await admin.get(`/admin/customers/${stored.customer_id}`)
        expect(customer.status).toBe(200)
        expect(customer.data.customer).toEqual(
          expect.objectContaining({
            email: "ada.lovelace@example.com",
            first_name: "Ada",
            last_name: "Lovelace",
            phone: "+14155550100",
          })
        )
        // the lead was read with the Page's token, from the Page's lead endpoint
        expect(emulator.requests({ method: "GET", path: new RegExp(`/${lead.id}$`) })).toHaveLength(1)
      })

      it("links a second lead with the same email to the same customer and fills only missing fields", async () => {
        await connect()
        const first = emulator.webhooks.createLead({ answers: { email: "grace@example.com", first_name: "Grace" } })
        await emulator.webhooks.deliver(webhookUrl(), emulator.webhooks.leadNotification(first))
        await waitFor(() => webhookEvents(), (e) => e.count === 1 && settled(e), "first lead")
        const second = emulator.webhooks.createLead({
          answers: { email: "GRACE@example.com", first_name: "Other", last_name: "Hopper" },
        })
        await emulator.webhooks.deliver(webhookUrl(), emulator.webhooks.leadNotification(second))
        const events = await waitFor(() => webhookEvents(), (e) => e.count === 2 && settled(e), "second lead")
        expect(events.webhook_events[0].outcome).toBe("lead linked to an existing customer")
        const leads = (await admin.get("/admin/meta/leads")).data.leads
        expect(new Set(leads.map((l: any) => l.customer_id)).size).toBe(1)
        const customer = (await admin.get(`/admin/customers/${leads[0].customer_id}`)).data.customer
        expect([customer.first_name, customer.last_name]).toEqual(["Grace", "Hopper"])
      })

      it("shows a lead that could not be fetched as failed, and an admin retry processes it once connected", async () => {
        const lead = emulator.webhooks.createLead({ answers: { email: "later@example.com" } })
        await emulator.webhooks.deliver(webhookUrl(), emulator.webhooks.leadNotification(lead))
        const failed = await waitFor(() => webhookEvents("?status=failed"), (e) => e.count === 1, "failure")
        const event = failed.webhook_events[0]
        expect(event.last_error).toMatch(/Meta connection is not active/)
        expect(event.next_attempt_at).toBeTruthy()

        await connect()
        const retried = await admin.post(`/admin/meta/webhooks/${event.id}/retry`)
        expect(retried.status).toBe(200)
        expect(retried.data.webhook_event).toEqual(expect.objectContaining({ status: "processed", attempts: 2 }))
        expect((await admin.get("/admin/meta/leads")).data.count).toBe(1)
        const again = await admin.post(`/admin/meta/webhooks/${event.id}/retry`)
        expect(again.status).toBe(400)
      })

      it("the retry job picks up changes that were stored but never processed", async () => {
        await connect()
        const service = getContainer().resolve<MetaModuleService>(META_MODULE)
        const lead = emulator.webhooks.createLead({ answers: { email: "job@example.com" } })
        const [id] = await service.recordWebhookChanges([
          {
            object: "page",
            field: "leadgen",
            entry_id: "30001",
            entry_time: new Date(Date.now() - 120_000),
            idempotency_key: `job-test-${lead.id}`,
            payload: emulator.webhooks.leadNotification(lead).entry[0].changes[0].value,
          },
        ])
        // make it look like it was stored two minutes ago by a process that died before queueing it
        await (service as any).moduleContainer_.manager.execute(
          `UPDATE meta_webhook_event SET created_at = now() - interval '2 minutes' WHERE id = ?`,
          [id]
        )
        await retryMetaWebhookEventsJob(getContainer())
        const [event] = await service.listMetaWebhookEvents({ id })
        expect(event.status).toBe("processed")
      })
    })

    describe("comments", () => {
      it("stores Page and Instagram comments and mentions, with a new-comment count", async () => {
        await connect()
        const envelopes = [
          emulator.webhooks.commentNotification({ platform: "facebook", mediaId: "30001_555", text: "Great product!", authorName: "Sam" }),
          emulator.webhooks.commentNotification({ platform: "instagram", mediaId: "18000000002", text: "Love ❤️ it" }),
          emulator.webhooks.mentionNotification({ mediaId: "18000000003" }),
          emulator.webhooks.envelope("page", "30001", "feed", { item: "reaction", verb: "add", post_id: "30001_555" }),
        ]
        const results = await emulator.webhooks.burst(webhookUrl(), envelopes)
        expect(results.every((r) => r.status === 200)).toBe(true)
        const events = await waitFor(() => webhookEvents(), (e) => e.count === 4 && settled(e), "comments")
        expect(events.unread_comments).toBe(3)
        expect(events.webhook_events.map((e: any) => e.outcome).sort()).toEqual(
          ["comment stored", "comment stored", "ignored: page/feed is not acted on", "mention stored"].sort()
        )

        const comments = await admin.get("/admin/meta/comments?platform=facebook")
        expect(comments.data.comments).toEqual([
          expect.objectContaining({ media_id: "30001_555", text: "Great product!", author_name: "Sam", publication_id: null }),
        ])
        const instagram = (await admin.get("/admin/meta/comments?platform=instagram")).data.comments
        expect(instagram.map((c: any) => c.text)).toContain("Love ❤️ it")

        expect((await admin.post("/admin/meta/comments/read")).data.marked_read).toBe(3)
        expect((await webhookEvents()).unread_comments).toBe(0)
      })

      it("removes a comment Meta reports as removed", async () => {
        const add = emulator.webhooks.commentNotification({ platform: "facebook", mediaId: "30001_9", commentId: "9_1", text: "oops" })
        await emulator.webhooks.deliver(webhookUrl(), add)
        await waitFor(() => admin.get("/admin/meta/comments"), (r) => r.data.count === 1, "comment")
        const remove = emulator.webhooks.commentNotification({ platform: "facebook", mediaId: "30001_9", commentId: "9_1", text: "oops", verb: "remove" })
        await emulator.webhooks.deliver(webhookUrl(), remove)
        await waitFor(() => admin.get("/admin/meta/comments"), (r) => r.data.count === 0, "removal")
      })
    })

    describe("deauthorization and permissions", () => {
      it("marks the connection revoked on the deauthorize callback, and lead work pauses", async () => {
        const userId = await connect()
        const res = await emulator.webhooks.callback(`${baseUrl}/meta/deauthorize`, { user_id: userId })
        expect(res.status).toBe(200)
        expect(JSON.parse(res.body)).toEqual({ success: true, connection_revoked: true })
        const connection = (await admin.get("/admin/meta/connection")).data.connection
        expect(connection.status).toBe("revoked")

        const lead = emulator.webhooks.createLead({ answers: { email: "paused@example.com" } })
        await emulator.webhooks.deliver(webhookUrl(), emulator.webhooks.leadNotification(lead))
        const events = await waitFor(() => webhookEvents(), settled, "paused lead")
        expect(events.webhook_events[0].status).toBe("failed")
        expect(emulator.requests({ method: "GET", path: new RegExp(`/${lead.id}$`) })).toHaveLength(0)
      })

      it("ignores a deauthorize for another Meta user", async () => {
        await connect()
        const res = await emulator.webhooks.callback(`${baseUrl}/meta/deauthorize`, { user_id: "999999" })
        expect(JSON.parse(res.body).connection_revoked).toBe(false)
        expect((await admin.get("/admin/meta/connection")).data.connection.status).toBe("active")
      })

      it("refuses a forged or missing signed_request", async () => {
        const forged = `${emulator.webhooks.signedRequest({ user_id: "10002" }, "not-the-app-secret")}`
        const res = await api.post("/meta/deauthorize", new URLSearchParams({ signed_request: forged }).toString(), {
          headers: { "content-type": "application/x-www-form-urlencoded" },
          validateStatus: () => true,
        })
        expect(res.status).toBe(401)
        expect(res.data.message).toMatch(/signed_request signature/)
        const missing = await api.post("/meta/deauthorize", "", {
          headers: { "content-type": "application/x-www-form-urlencoded" },
          validateStatus: () => true,
        })
        expect(missing.status).toBe(400)
        expect(missing.data.message).toMatch(/signed_request/)
        const garbage = await api.post("/meta/data-deletion", { signed_request: "abc.%%%" }, { validateStatus: () => true })
        expect(garbage.status).toBe(400)
        expect(garbage.data.message).toMatch(/signed_request must be/)
      })

      it("revokes the connection when a permission the features need is revoked", async () => {
        const userId = await connect()
        const optional = emulator.webhooks.permissionNotification({ userId, permission: "email", verb: "revoked" })
        await emulator.webhooks.deliver(webhookUrl(), optional)
        await waitFor(() => webhookEvents(), (e) => e.count === 1 && settled(e), "optional permission")
        expect((await admin.get("/admin/meta/connection")).data.connection.status).toBe("active")

        const needed = emulator.webhooks.permissionNotification({ userId, permission: "leads_retrieval", verb: "revoked" })
        await emulator.webhooks.deliver(webhookUrl(), needed)
        await waitFor(() => webhookEvents(), (e) => e.count === 2 && settled(e), "needed permission")
        const connection = (await admin.get("/admin/meta/connection")).data.connection
        expect(connection.status).toBe("revoked")
        expect(connection.granted_scopes).not.toContain("leads_retrieval")
      })
    })

    describe("data deletion", () => {
      it("deletes the Meta user's tokens, leads and comments and reports it on the status page", async () => {
        const userId = await connect()
        const lead = emulator.webhooks.createLead({ answers: { email: "forget.me@example.com" } })
        await emulator.webhooks.deliver(webhookUrl(), emulator.webhooks.leadNotification(lead))
        await emulator.webhooks.deliver(
          webhookUrl(),
          emulator.webhooks.commentNotification({ platform: "facebook", mediaId: "30001_7", text: "hello" })
        )
        await waitFor(() => webhookEvents(), (e) => e.count === 2 && settled(e), "data to delete")
        expect((await admin.get("/admin/meta/leads")).data.count).toBe(1)

        const res = await emulator.webhooks.callback(`${baseUrl}/meta/data-deletion`, { user_id: userId })
        expect(res.status).toBe(200)
        const answer = JSON.parse(res.body)
        expect(answer).toEqual({ url: expect.any(String), confirmation_code: expect.stringMatching(/^[a-f0-9]{24}$/) })
        expect(answer.url).toBe(`http://localhost:9000/meta/data-deletion/${answer.confirmation_code}`)

        expect((await admin.get("/admin/meta/leads")).data.count).toBe(0)
        expect((await admin.get("/admin/meta/comments")).data.count).toBe(0)
        expect((await webhookEvents()).count).toBe(0)
        const service = getContainer().resolve<MetaModuleService>(META_MODULE)
        const connections = await service.listMetaConnections({ meta_user_id: userId }, { withDeleted: true })
        expect(connections.map((c) => [c.status, c.access_token])).toEqual([["revoked", null]])
        const pages = await service.listMetaAssets({ type: "page" }, { withDeleted: true })
        expect(pages.every((p) => p.access_token === null)).toBe(true)

        const statusPath = new URL(answer.url).pathname
        const json = await api.get(statusPath, { headers: { accept: "application/json" } })
        expect(json.data.data_deletion_request).toEqual(
          expect.objectContaining({ confirmation_code: answer.confirmation_code, status: "completed", completed_at: expect.any(String) })
        )
        const html = await api.get(statusPath, { headers: { accept: "text/html" }, transformResponse: (x: unknown) => x })
        expect(html.headers["content-type"]).toMatch(/text\/html/)
        expect(html.data).toContain("Your data has been deleted")

        const unknown = await api.get(`/meta/data-deletion/${"0".repeat(24)}`, { headers: { accept: "application/json" }, validateStatus: () => true })
        expect(unknown.status).toBe(404)
        const bad = await api.get("/meta/data-deletion/not-a-code", { headers: { accept: "application/json" }, validateStatus: () => true })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/^code must be/)
      })
    })

    describe("admin validation", () => {
      it.each([
        ["/admin/meta/webhooks?status=bogus", /field 'status'/],
        ["/admin/meta/webhooks?limit=0", /field 'limit'/],
        ["/admin/meta/leads?form_id=abc", /form_id must be a Meta object id/],
        ["/admin/meta/comments?platform=tiktok", /field 'platform'/],
      ])("GET %s → 400 naming the field", async (url, message) => {
        const res = await admin.get(url)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
      })

      it("answers 404 for retrying an unknown event and requires admin auth", async () => {
        expect((await admin.post("/admin/meta/webhooks/metawhe_nope/retry")).status).toBe(404)
        const anonymous = await api.get("/admin/meta/webhooks", { validateStatus: () => true })
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
