import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import flushMetaCapiEventsJob from "../../src/jobs/flush-meta-capi-events"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { emitMetaRegistrationEventWorkflow } from "../../src/workflows/capi"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SHOPPER_BROWSER as BROWSER, SHOPPER_FBP as FBP, sha256Hex as sha } from "../helpers/shopper"
import { flushCapiOutboxNow } from "../helpers/capi-outbox"
import { useTestEmulator, waitFor } from "../helpers/meta-env"
import { completeCart, createTestStore, prepareCart, type TestStore } from "../helpers/store-setup"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9832
const PIXEL = "60001"
const MINUTE_MS = 60_000

const emulator = useTestEmulator(EMULATOR_PORT)

const received = (eventName: string) => emulator.receivedEvents(PIXEL).filter((r) => r.event.event_name === eventName)
const EVENTS_PATH = `${PIXEL}/events`
const eventPosts = () => emulator.requests({ method: "POST", path: EVENTS_PATH })

medusaIntegrationTestRunner({
  dbName: "meta-it-capi-more",
  testSuite: ({ api, getContainer }) => {
    let adminHeaders: Record<string, string>
    let store: TestStore
    const svc = () => getContainer().resolve<MetaModuleService>(META_MODULE)

    const flushNow = () => flushCapiOutboxNow(getContainer())

    /** What a storefront does: register the login, then create the customer with the registration token. */
    async function registerCustomer(body: { email: string; password?: string; first_name?: string; last_name?: string; phone?: string }) {
      const { password = "supersecret", ...customer } = body
      const { data: auth } = await api.post("/auth/customer/emailpass/register", { email: customer.email, password })
      const { data } = await api.post("/store/customers", customer, {
        headers: { "x-publishable-api-key": store.publishableKey, authorization: `Bearer ${auth.token}` },
      })
      return data.customer as { id: string; created_at: string; email: string }
    }

    beforeEach(async () => {
      emulator.reset()
      const container = getContainer()
      adminHeaders = (await createAdminHeaders(container, api)).headers
      store = await createTestStore(container)
      const token = emulator.createSystemUserToken()
      await api.post("/admin/meta/connection", { access_token: token, pixel_id: PIXEL }, { headers: adminHeaders })
    })

    describe("CompleteRegistration", () => {
      it("a customer registering through the store API makes Meta receive exactly one CompleteRegistration", async () => {
        const customer = await registerCustomer({
          email: "Zoe.Darcy@Example.COM",
          first_name: "Zoë",
          last_name: "D'Arcy",
          phone: "+49 221 123456",
        })
        const [delivered] = await waitFor(() => received("CompleteRegistration"), (l) => l.length === 1, "the CompleteRegistration at the emulator")
        const event = delivered.event as any
        expect(event).toMatchObject({
          event_name: "CompleteRegistration",
          event_id: customer.id,
          event_time: Math.floor(Date.parse(customer.created_at) / 1000),
          custom_data: { status: "registered" },
        })
        expect(event.user_data).toEqual({
          em: [sha("zoe.darcy@example.com")],
          ph: [sha("49221123456")],
          fn: [sha("zoë")],
          ln: [sha("darcy")],
          // Meta's external_id normalization: trimmed and lowercased before hashing.
          external_id: [sha(customer.id.toLowerCase())],
        })
        expect(delivered.partnerAgent).toBe("medusa-plugin-meta")

        const log = await waitFor(
          () => api.get(`/admin/meta/events?subject_id=${customer.id}`, { headers: adminHeaders }),
          (res: any) => res.data.events[0]?.status === "sent",
          "the registration marked sent"
        )
        expect(log.data.events).toHaveLength(1)
        expect(log.data.events[0]).toMatchObject({ event_name: "CompleteRegistration", event_id: customer.id, error: null })
        expect(JSON.stringify(log.data)).not.toMatch(/zoe\.darcy|D'Arcy|221 123456/i)

        // A re-emitted customer.created finds its row: nothing new recorded, nothing sent twice.
        await emitMetaRegistrationEventWorkflow(getContainer()).run({ input: { customer_id: customer.id } })
        await flushNow()
        expect(received("CompleteRegistration")).toHaveLength(1)
        expect(await svc().listMetaCapiEvents({ event_id: customer.id })).toHaveLength(1)
      })

      it("with the Conversions API switched off for the connection, a registration records and sends nothing", async () => {
        const off = await api.post("/admin/meta/connection/features", { capi: false }, { headers: adminHeaders })
        expect(off.status).toBe(200)
        const quiet = await registerCustomer({ email: "quiet@example.com", first_name: "Quinn" })
        // The subscriber runs after the request; give it time, then also run the workflow directly.
        await new Promise((r) => setTimeout(r, 1500))
        await emitMetaRegistrationEventWorkflow(getContainer()).run({ input: { customer_id: quiet.id } })
        await flushNow()
        expect(await svc().listMetaCapiEvents({ event_id: quiet.id })).toHaveLength(0)

        // Switched back on, the next registration goes out (so the silence above was the switch).
        await api.post("/admin/meta/connection/features", { capi: true }, { headers: adminHeaders })
        const loud = await registerCustomer({ email: "loud@example.com" })
        const delivered = await waitFor(() => received("CompleteRegistration"), (l) => l.length >= 1, "the second registration")
        await flushNow()
        expect(delivered.map((r) => r.event.event_id)).toEqual([loud.id])
        expect(received("CompleteRegistration")).toHaveLength(1)
        expect(await svc().listMetaCapiEvents({ event_id: quiet.id })).toHaveLength(0)
      })
    })

    it("Meta throttling: the Purchase stays pending (never failed), waits as Meta asks and arrives once after the throttle lifts", async () => {
      // Business-use-case throttle (#80004) whose headers ask for 10 minutes.
      emulator.injectFault({ kind: "throttle", method: "POST", path: EVENTS_PATH, times: Infinity, throttle: { type: "ads_management", minutes: 10 } })
      const { cartId, headers } = await prepareCart(api, store, BROWSER)
      await api.post(
        "/store/meta/cart-context",
        { cart_id: cartId, consent: true, fbp: FBP, event_source_url: "https://shop.example.com/checkout" },
        { headers }
      )
      const order = await completeCart(api, cartId, headers)
      const sentAt = Date.now()

      const [first] = await waitFor(
        () => svc().listMetaCapiEvents({ event_id: order.id }),
        (rows) => rows.length === 1 && rows[0].attempts >= 1,
        "the first throttled attempt"
      )
      expect(first).toMatchObject({ status: "pending", attempts: 1 })
      expect(first.last_error).toContain("#80004")
      // Backoff alone would be 30 s; Meta's estimated_time_to_regain_access (10 min) wins.
      expect(new Date(first.next_attempt_at!).getTime()).toBeGreaterThanOrEqual(sentAt + 10 * MINUTE_MS - 5_000)
      expect(eventPosts()).toHaveLength(1)

      // The scheduled flush leaves it alone while Meta's wait runs.
      await flushMetaCapiEventsJob(getContainer())
      expect(eventPosts()).toHaveLength(1)

      // App-level (#4) and user-level (#17) throttles are waited out the same way.
      for (const [attempts, fault, code] of [
        [2, { kind: "throttle" }, "#4"],
        [3, { kind: "throttle", error: { code: 17, message: "(#17) User request limit reached" } }, "#17"],
      ] as const) {
        emulator.clearFaults()
        emulator.injectFault({ ...fault, method: "POST", path: EVENTS_PATH, times: Infinity })
        await flushNow()
        const [row] = await svc().listMetaCapiEvents({ event_id: order.id })
        expect(row).toMatchObject({ status: "pending", attempts })
        expect(row.last_error).toContain(code)
        expect(new Date(row.next_attempt_at!).getTime()).toBeGreaterThan(Date.now())
      }
      expect(received("Purchase")).toHaveLength(0)
      const failed = await api.get("/admin/meta/events?status=failed", { headers: adminHeaders })
      expect(failed.data.count).toBe(0)

      emulator.clearFaults()
      await flushNow()
      await flushNow()
      expect(received("Purchase")).toHaveLength(1)
      expect(received("Purchase")[0].event).toMatchObject({ event_id: order.id, user_data: { fbp: FBP } })
      const [row] = await svc().listMetaCapiEvents({ event_id: order.id })
      expect(row).toMatchObject({ status: "sent", attempts: 4, last_error: null })
      // One request per attempt: the client never retried a throttled POST by itself.
      expect(eventPosts().map((r) => r.status)).toEqual([400, 400, 400, 200])
    })

    describe("GET /admin/meta/events/match-quality", () => {
      type Seed = { event_name: string; status: "pending" | "sent" | "failed" | "expired"; user_data: unknown; count: number; subject_id?: string }
      const SEEDS: Seed[] = [
        { event_name: "Purchase", status: "sent", user_data: { em: ["h"], ph: ["h"], fbp: FBP, client_ip_address: "203.0.113.9" }, count: 240 },
        { event_name: "Purchase", status: "failed", user_data: { em: ["h"], zp: [] }, count: 30 },
        { event_name: "CompleteRegistration", status: "sent", user_data: { em: ["h"], external_id: ["h"] }, count: 20, subject_id: "cus_seeded" },
        { event_name: "AddToCart", status: "pending", user_data: { fbc: "fb.1.1.x", client_ip_address: "203.0.113.9", client_user_agent: "UA" }, count: 10 },
        // What no builder writes, but the summary must still count as "poor" instead of crashing or guessing.
        { event_name: "Search", status: "expired", user_data: { em: [], fbp: "", foo: ["x"], bar: "y", baz: "z", qux: "w" }, count: 2 },
        { event_name: "Search", status: "expired", user_data: "em", count: 1 },
        { event_name: "Search", status: "expired", user_data: null, count: 1 },
        { event_name: "Search", status: "expired", user_data: undefined, count: 1 },
      ]
      const TOTAL = 305

      async function seed() {
        let n = 0
        const rows = SEEDS.flatMap((s) =>
          Array.from({ length: s.count }, () => ({
            pixel_id: PIXEL,
            event_name: s.event_name,
            event_id: `seed-${++n}`,
            subject_id: s.subject_id ?? null,
            status: s.status,
            event_time: new Date(),
            payload: s.user_data === undefined ? { event_name: s.event_name } : { event_name: s.event_name, user_data: s.user_data },
          }))
        )
        await svc().createMetaCapiEvents(rows)
        // A deleted row is not an event any more.
        const [gone] = await svc().createMetaCapiEvents([
          { pixel_id: PIXEL, event_name: "Purchase", event_id: "seed-deleted", status: "sent", event_time: new Date(), payload: { user_data: { em: ["h"] } } },
        ])
        await svc().softDeleteMetaCapiEvents([gone.id])
      }

      const summary = async (query = "") =>
        (await api.get(`/admin/meta/events/match-quality${query}`, { headers: adminHeaders })).data.match_quality

      it("covers every event the filters select, not one page, and agrees with the per-event hints", async () => {
        await seed()
        const all = await summary()
        expect(all.events).toBe(TOTAL)
        expect(all.ratings).toEqual({ great: 240, good: 0, ok: 60, poor: 5 })
        expect(all.share).toEqual({
          em: Math.round((290 / TOTAL) * 1000) / 1000,
          ph: Math.round((240 / TOTAL) * 1000) / 1000,
          fbp: Math.round((240 / TOTAL) * 1000) / 1000,
          fbc: Math.round((10 / TOTAL) * 1000) / 1000,
          external_id: Math.round((20 / TOTAL) * 1000) / 1000,
          client_ip_address: Math.round((250 / TOTAL) * 1000) / 1000,
        })

        // The log pages through the same events; its per-event ratings add up to the aggregate.
        const ratings: Record<string, number> = { great: 0, good: 0, ok: 0, poor: 0 }
        for (let offset = 0; offset < TOTAL; offset += 200) {
          const page = await api.get(`/admin/meta/events?limit=200&offset=${offset}`, { headers: adminHeaders })
          for (const event of page.data.events) ratings[event.match_quality.rating]++
        }
        expect(ratings).toEqual(all.ratings)

        expect(await summary("?status=failed")).toEqual({
          events: 30,
          share: { em: 1, ph: 0, fbp: 0, fbc: 0, external_id: 0, client_ip_address: 0 },
          ratings: { great: 0, good: 0, ok: 30, poor: 0 },
        })
        expect(await summary("?event_name=Purchase")).toMatchObject({ events: 270, ratings: { great: 240, ok: 30 } })
        expect(await summary("?event_name=Purchase&status=sent")).toMatchObject({ events: 240, share: { em: 1, ph: 1, fbp: 1 } })
        expect(await summary("?subject_id=cus_seeded")).toMatchObject({ events: 20, share: { em: 1, external_id: 1 } })
        expect(await summary("?event_name=Lead")).toEqual({
          events: 0,
          share: { em: 0, ph: 0, fbp: 0, fbc: 0, external_id: 0, client_ip_address: 0 },
          ratings: { great: 0, good: 0, ok: 0, poor: 0 },
        })
      })

      it("answers bad filters with a 400 that names them", async () => {
        const bad = async (query: string, field: string) => {
          const res = await api.get(`/admin/meta/events/match-quality${query}`, { headers: adminHeaders }).catch((e: any) => e.response)
          expect(res.status).toBe(400)
          expect(res.data.message).toContain(field)
        }
        await bad("?status=lost", "status")
        await bad(`?event_name=${"x".repeat(101)}`, "event_name")
        await bad("?subject_id[]=a&subject_id[]=b", "subject_id")
        await bad("?limit=10", "limit")
        const anonymous = await api.get("/admin/meta/events/match-quality").catch((e: any) => e.response)
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
