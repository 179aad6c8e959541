import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../src/modules/meta-publishing"
import type MetaPublishingModuleService from "../../src/modules/meta-publishing/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { useTestEmulator, waitFor } from "../helpers/meta-env"

jest.setTimeout(120_000)

const EMULATOR_PORT = 9730

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-inbox",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let baseUrl: string

    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }),
      post: (url: string, body: unknown = {}) => api.post(url, body, { headers, validateStatus: () => true }),
    }
    const webhookUrl = () => `${baseUrl}/meta/webhooks`

    async function connect() {
      const res = await admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), page_id: "30001" })
      expect(res.status).toBe(200)
      return res.data.connection
    }

    const settled = (events: { webhook_events: any[] }) =>
      events.webhook_events.every((e) => e.status === "processed" || e.status === "failed")
    const webhookEvents = async () => (await admin.get("/admin/meta/webhooks")).data as { webhook_events: any[]; count: number }
    const deliverLead = async (lead: { id: string }) => {
      const res = await emulator.webhooks.deliver(webhookUrl(), emulator.webhooks.leadNotification(lead as any))
      expect(res.status).toBe(200)
    }

    beforeEach(async () => {
      emulator.reset()
      ;({ headers } = await createAdminHeaders(getContainer(), api))
      baseUrl = api.defaults.baseURL as string
    })

    describe("leads", () => {
      it("shows the form's name, every answer and the customer the lead became, by name", async () => {
        await connect()
        const lead = emulator.webhooks.createLead({
          pageId: "30001",
          formId: "81500",
          formName: "Spring newsletter sign-up",
          answers: { full_name: "Ada Lovelace", email: "ada@example.com", phone_number: "+1 415 555 0100", shoe_size: "38" },
        })
        await deliverLead(lead)
        await waitFor(webhookEvents, (e) => e.count === 1 && settled(e), "lead processing")

        const res = await admin.get("/admin/meta/leads")
        expect(res.status).toBe(200)
        expect(res.data).toEqual(expect.objectContaining({ count: 1, failed_leads: [], failed_count: 0 }))
        const [stored] = res.data.leads
        expect(stored).toEqual(
          expect.objectContaining({
            form_id: "81500",
            form_name: "Spring newsletter sign-up",
            answers: { full_name: "Ada Lovelace", email: "ada@example.com", phone_number: "+1 415 555 0100", shoe_size: "38" },
            customer: { id: stored.customer_id, name: "Ada Lovelace", email: "ada@example.com", phone: "+14155550100" },
          })
        )
        // the customer page's widget reads the customer's leads
        const forCustomer = await admin.get(`/admin/meta/leads?customer_id=${stored.customer_id}`)
        expect(forCustomer.data.leads.map((l: any) => l.id)).toEqual([stored.id])
        expect((await admin.get("/admin/meta/leads?customer_id=cus_someone_else")).data.count).toBe(0)
        expect(emulator.requests({ method: "GET", path: /\/81500$/ })).toHaveLength(1)
      })

      it("reads a form's name from Meta once: the next lead of the same form reuses it", async () => {
        await connect()
        await deliverLead(emulator.webhooks.createLead({ formId: "81600", formName: "Try-on booking", answers: { email: "one@example.com" } }))
        await waitFor(webhookEvents, (e) => e.count === 1 && settled(e), "first lead")
        await deliverLead(emulator.webhooks.createLead({ formId: "81600", answers: { email: "two@example.com" } }))
        await waitFor(webhookEvents, (e) => e.count === 2 && settled(e), "second lead")
        const leads = (await admin.get("/admin/meta/leads")).data.leads
        expect(leads.map((l: any) => l.form_name)).toEqual(["Try-on booking", "Try-on booking"])
        expect(emulator.requests({ method: "GET", path: /\/81600$/ })).toHaveLength(1)
      })

      it("keeps a lead whose form's name Meta does not give, without a name", async () => {
        await connect()
        emulator.injectFault({ method: "GET", path: "/\\/81700$/", kind: "error", status: 400, error: { code: 100, message: "Unsupported get request" } })
        await deliverLead(emulator.webhooks.createLead({ formId: "81700", answers: { email: "noname@example.com" } }))
        const events = await waitFor(webhookEvents, (e) => e.count === 1 && settled(e), "lead")
        expect(events.webhook_events[0].status).toBe("processed")
        const [lead] = (await admin.get("/admin/meta/leads")).data.leads
        expect(lead).toEqual(expect.objectContaining({ form_id: "81700", form_name: null }))
      })

      it("lists a lead that failed under Leads with the reason and a retry that works once reconnected", async () => {
        const lead = emulator.webhooks.createLead({ formId: "81800", formName: "Catalogue request", answers: { email: "later@example.com" } })
        await deliverLead(lead)
        await waitFor(webhookEvents, (e) => e.count === 1 && settled(e), "failure")

        const before = (await admin.get("/admin/meta/leads")).data
        expect(before.count).toBe(0)
        expect(before.failed_count).toBe(1)
        const [failed] = before.failed_leads
        expect(failed).toEqual(
          expect.objectContaining({
            webhook_event_id: expect.stringMatching(/^metawhe_/),
            leadgen_id: lead.id,
            form_id: "81800",
            form_name: null,
            page_id: "30001",
            submitted_at: expect.any(String),
            attempts: 1,
            next_attempt_at: expect.any(String),
            reason: "Meta was not connected when this lead arrived, so the store could not read the answers.",
            next_step: "Reconnect in Settings → Meta, then retry this lead.",
            retry_can_help: true,
          })
        )

        // retrying before reconnecting would only fail again: refused, saying what to do
        const refused = await admin.post(`/admin/meta/webhooks/${failed.webhook_event_id}/retry`)
        expect(refused.status).toBe(409)
        expect(refused.data).toEqual(
          expect.objectContaining({ type: "feature_not_ready", state: "not_connected", message: expect.stringMatching(/^Not connected to Meta: Connect/) })
        )

        await connect()
        const retried = await admin.post(`/admin/meta/webhooks/${failed.webhook_event_id}/retry`)
        expect(retried.data.webhook_event.status).toBe("processed")
        const after = (await admin.get("/admin/meta/leads")).data
        expect(after.failed_count).toBe(0)
        expect(after.leads[0]).toEqual(expect.objectContaining({ leadgen_id: lead.id, form_name: "Catalogue request" }))
      })

      it("says a retry will not help a lead whose form collected no email or phone, and names its form from an earlier lead", async () => {
        await connect()
        await deliverLead(emulator.webhooks.createLead({ formId: "81900", formName: "Quiz", answers: { email: "first@example.com" } }))
        await waitFor(webhookEvents, (e) => e.count === 1 && settled(e), "named lead")
        await deliverLead(emulator.webhooks.createLead({ formId: "81900", answers: { favourite_colour: "green" } }))
        await waitFor(webhookEvents, (e) => e.count === 2 && settled(e), "lead without contact")
        const { failed_leads, failed_count } = (await admin.get("/admin/meta/leads")).data
        expect(failed_count).toBe(1)
        expect(failed_leads[0]).toEqual(
          expect.objectContaining({
            form_name: "Quiz",
            reason: "The form collected neither an email nor a phone number, so no customer could be created.",
            retry_can_help: false,
            next_attempt_at: null,
          })
        )
        // a filter on another form leaves it out
        expect((await admin.get("/admin/meta/leads?form_id=12345")).data.failed_leads).toEqual([])
      })
    })

    it("with Webhooks switched off, a lead waits (shown under Leads) and is processed once it is back on", async () => {
      await connect()
      expect((await admin.post("/admin/meta/connection/features", { webhooks: false })).status).toBe(200)
      const lead = emulator.webhooks.createLead({ answers: { email: "off@example.com" } })
      await deliverLead(lead)
      await waitFor(webhookEvents, (e) => e.count === 1 && settled(e), "waiting lead")
      expect(emulator.requests({ method: "GET", path: new RegExp(`/${lead.id}$`) })).toHaveLength(0)
      const { failed_leads, leads } = (await admin.get("/admin/meta/leads")).data
      expect(leads).toEqual([])
      expect(failed_leads[0]).toEqual(
        expect.objectContaining({
          reason: "Webhooks was switched off when this lead arrived, so it was not processed.",
          next_step: "Turn on Webhooks in Settings → Meta, then retry this lead.",
          next_attempt_at: expect.any(String),
        })
      )
      // Waiting spends none of the change's retries: kept back for days, it is still processed once Webhooks is on.
      const [waiting] = await getContainer().resolve<MetaModuleService>(META_MODULE).listMetaWebhookEvents({ id: failed_leads[0].webhook_event_id })
      expect(waiting.attempts).toBe(0)
      expect(new Date(waiting.next_attempt_at!).getTime() - Date.now()).toBeGreaterThan(5 * 60_000)
      const refused = await admin.post(`/admin/meta/webhooks/${failed_leads[0].webhook_event_id}/retry`)
      expect(refused.status).toBe(409)
      expect(refused.data.state).toBe("feature_off")

      expect((await admin.post("/admin/meta/connection/features", { webhooks: true })).status).toBe(200)
      const retried = await admin.post(`/admin/meta/webhooks/${failed_leads[0].webhook_event_id}/retry`)
      expect(retried.status).toBe(200)
      expect(retried.data.webhook_event.status).toBe("processed")
      expect((await admin.get("/admin/meta/leads")).data).toEqual(expect.objectContaining({ count: 1, failed_count: 0 }))
    })

    describe("comments", () => {
      it("links each comment to its post: the store's publication, and the post on Facebook", async () => {
        await connect()
        const publishing = getContainer().resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
        const account = await publishing.createMetaPublishingAccounts({ platform: "instagram", meta_id: "17841400000000001", name: "acmestore" })
        const publication = await publishing.createMetaPublications({
          kind: "instagram_image",
          status: "published",
          media: [],
          caption: "Spring collection is here — tap to shop the new colours before they sell out",
          meta_post_id: "18000000055",
          permalink: "https://www.instagram.com/p/SPRING/",
          account_id: account.id,
        } as any)
        await emulator.webhooks.burst(webhookUrl(), [
          emulator.webhooks.commentNotification({ platform: "instagram", mediaId: "18000000055", text: "Love it" }),
          emulator.webhooks.commentNotification({ platform: "facebook", mediaId: "30001_777", text: "Price?" }),
          emulator.webhooks.commentNotification({ platform: "instagram", mediaId: "18000000099", text: "Elsewhere" }),
        ])
        await waitFor(webhookEvents, (e) => e.count === 3 && settled(e), "comments")

        const res = await admin.get("/admin/meta/comments")
        expect(res.status).toBe(200)
        expect(res.data.unread_count).toBe(3)
        const byText = Object.fromEntries(res.data.comments.map((c: any) => [c.text, c.post]))
        expect(byText["Love it"]).toEqual({
          publication_id: publication.id,
          title: "Spring collection is here — tap to shop the new colours bef…",
          account_id: account.id,
          permalink: "https://www.instagram.com/p/SPRING/",
        })
        expect(byText["Price?"]).toEqual({ publication_id: null, title: null, account_id: null, permalink: "https://www.facebook.com/30001_777" })
        expect(byText["Elsewhere"]).toEqual({ publication_id: null, title: null, account_id: null, permalink: null })
      })

      it("after mark all read: no new comments, an empty new-only list, and a zero count", async () => {
        await connect()
        await emulator.webhooks.burst(webhookUrl(), [
          emulator.webhooks.commentNotification({ platform: "facebook", mediaId: "30001_1", text: "a" }),
          emulator.webhooks.commentNotification({ platform: "facebook", mediaId: "30001_1", text: "b" }),
        ])
        await waitFor(webhookEvents, (e) => e.count === 2 && settled(e), "comments")
        expect((await admin.get("/admin/meta/comments?unread=true")).data).toEqual(expect.objectContaining({ count: 2, unread_count: 2 }))

        expect((await admin.post("/admin/meta/comments/read")).data).toEqual({ marked_read: 2 })
        const unread = (await admin.get("/admin/meta/comments?unread=true")).data
        expect(unread).toEqual(expect.objectContaining({ comments: [], count: 0, unread_count: 0 }))
        const all = (await admin.get("/admin/meta/comments")).data
        expect(all.count).toBe(2)
        expect(all.comments.every((c: any) => c.read_at !== null)).toBe(true)
        // marking again marks nothing
        expect((await admin.post("/admin/meta/comments/read")).data).toEqual({ marked_read: 0 })
      })

      it.each([
        ["/admin/meta/comments?unread=maybe", /unread|Expected/],
        ["/admin/meta/comments?limit=101", /limit/],
        ["/admin/meta/leads?customer_id=" + "c".repeat(65), /customer_id/],
        ["/admin/meta/leads?offset=-1", /offset/],
      ])("GET %s → 400 naming what is wrong", async (url, message) => {
        const res = await admin.get(url)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
      })

      it("refuses a bad mark-read body", async () => {
        const res = await admin.post("/admin/meta/comments/read", { ids: "all" })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/ids/)
      })
    })

    describe("API usage names", () => {
      it("names each budget after the Page it belongs to", async () => {
        await connect()
        await deliverLead(emulator.webhooks.createLead({ pageId: "30001", answers: { email: "usage@example.com" } }))
        await waitFor(webhookEvents, (e) => e.count === 1 && settled(e), "lead")
        const { api_usage } = (await admin.get("/admin/meta/connection")).data.connection
        const page = api_usage.objects.find((o: any) => o.id === "30001" && o.type === "pages")
        expect(page).toEqual(expect.objectContaining({ label: "Page calls of the Page “Acme Store”", name: "Acme Store" }))
        expect(api_usage.objects.every((o: any) => typeof o.label === "string" && o.label.length > 0)).toBe(true)
      })
    })

    describe("system-user token form", () => {
      const message = async (body: unknown) => {
        const res = await admin.post("/admin/meta/connection", body)
        expect(res.status).toBe(400)
        return res.data.message as string
      }

      it("answers in the merchant's words after the field's name, without repeating the token", async () => {
        expect(await message({ access_token: "E".repeat(2000) })).toBe(
          "Invalid request: access_token: That doesn't look like a Meta token: it is longer than Meta's tokens (2,000 characters). Copy only the token, without anything around it."
        )
        expect(await message({ access_token: "EAAB12" })).toMatch(/it is shorter than Meta's tokens \(6 characters\)/)
        expect(await message({})).toMatch(/^Invalid request: access_token: Paste the system-user access token\./)
        expect(await message({ access_token: "   " })).toMatch(/Paste the system-user access token/)
        expect(await message({ access_token: 12345 })).toBe("Invalid request: access_token: The access token must be text, pasted as Meta shows it.")
        expect(await message({ access_token: `Bearer EAAB${"a".repeat(60)}` })).toMatch(/without “Bearer ”/)
        expect(await message({ access_token: `EAAB${"a".repeat(30)} ${"b".repeat(30)}` })).toMatch(/spaces or line breaks/)
        expect(await message({ access_token: "0123456789abcdef0123456789abcdef" })).toMatch(/looks like an app secret/)
        const secret = `EAAB${"Zq9".repeat(30)}"`
        const quoted = await message({ access_token: secret })
        expect(quoted).toMatch(/characters Meta's tokens never have/)
        expect(quoted).not.toContain("Zq9")
        expect((await admin.get("/admin/meta/connection")).data.connection).toBeNull()
      })

      it("still connects with a real token (surrounding white space trimmed)", async () => {
        const res = await admin.post("/admin/meta/connection", { access_token: `  ${emulator.createSystemUserToken()}\n` })
        expect(res.status).toBe(200)
        expect(res.data.connection.status).toBe("active")
      })
    })
  },
})
