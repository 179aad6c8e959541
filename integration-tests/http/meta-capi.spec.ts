import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { SHOPPER_BROWSER as BROWSER, SHOPPER_FBP as FBP, sha256Hex as sha } from "../helpers/shopper"
import { flushCapiOutboxNow } from "../helpers/capi-outbox"
import { useTestEmulator, waitFor } from "../helpers/meta-env"
import { completeCart, createTestStore, prepareCart, type TestStore } from "../helpers/store-setup"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9830
const PIXEL = "60001"

const emulator = useTestEmulator(EMULATOR_PORT)

const purchases = () => emulator.receivedEvents(PIXEL).filter((r) => r.event.event_name === "Purchase")

medusaIntegrationTestRunner({
  dbName: "meta-it-capi",
  testSuite: ({ api, getContainer }) => {
    let adminHeaders: Record<string, string>
    let store: TestStore
    const svc = () => getContainer().resolve<MetaModuleService>(META_MODULE)

    const flushNow = () => flushCapiOutboxNow(getContainer())

    async function checkout(context: Record<string, unknown> | null = { consent: true, fbp: FBP, fbclid: "IwAR2xYz_abc-DEF123", fbclid_at: 1_700_000_000_000 }) {
      const { cartId, headers } = await prepareCart(api, store, BROWSER)
      if (context) {
        await api.post(
          "/store/meta/cart-context",
          { cart_id: cartId, event_source_url: "https://shop.example.com/checkout", ...context },
          { headers }
        )
      }
      return completeCart(api, cartId, headers)
    }

    beforeEach(async () => {
      emulator.reset()
      const container = getContainer()
      adminHeaders = (await createAdminHeaders(container, api)).headers
      store = await createTestStore(container)
      const token = emulator.createSystemUserToken()
      await api.post("/admin/meta/connection", { access_token: token, pixel_id: PIXEL }, { headers: adminHeaders })
    })

    it("a real checkout makes Meta receive exactly one Purchase with the right hashes, id, value and contents", async () => {
      const order = await checkout()
      const received = await waitFor(purchases, (list) => list.length >= 1)
      expect(received).toHaveLength(1)
      const event = received[0].event as any
      expect(event).toMatchObject({
        event_name: "Purchase",
        event_id: order.id,
        action_source: "website",
        event_source_url: "https://shop.example.com/checkout",
      })
      expect(event.custom_data).toEqual({
        value: 44.8,
        currency: "EUR",
        content_type: "product",
        content_ids: [store.sku],
        contents: [{ id: store.sku, quantity: 2, item_price: 19.95 }],
        num_items: 2,
        order_id: order.id,
      })
      expect(event.user_data).toMatchObject({
        em: [sha("zoe.darcy@example.com")],
        ph: [sha("49221123456")],
        fn: [sha("zoë")],
        ln: [sha("darcy")],
        ct: [sha("koln")],
        zp: [sha("50667")],
        country: [sha("de")],
        client_ip_address: "203.0.113.42",
        client_user_agent: BROWSER["user-agent"],
        fbp: FBP,
        fbc: "fb.1.1700000000000.IwAR2xYz_abc-DEF123",
      })
      expect(received[0].partnerAgent).toBe("medusa-plugin-meta")

      // The admin log shows it sent, with hashes only and the IP masked.
      // Meta's answer is recorded just after the request reaches it.
      const log = await waitFor(
        () => api.get(`/admin/meta/events?subject_id=${order.id}`, { headers: adminHeaders }),
        (res: any) => res.data.events[0]?.status === "sent"
      )
      expect(log.data.events).toHaveLength(1)
      expect(log.data.events[0]).toMatchObject({ status: "sent", event_name: "Purchase", error: null })
      expect(log.data.events[0].payload.user_data.client_ip_address).toBe("203.0.113.0")
      expect(JSON.stringify(log.data)).not.toMatch(/zoe\.darcy|Köln|0221/i)
      expect(log.data.events[0].match_quality.rating).toBe("great")

      // A re-emitted order.placed creates nothing new and sends nothing twice.
      const { emitMetaPurchaseEventWorkflow } = await import("../../src/workflows/capi")
      await emitMetaPurchaseEventWorkflow(getContainer()).run({ input: { order_id: order.id } })
      await flushNow()
      expect(purchases()).toHaveLength(1)
      expect(await svc().listMetaCapiEvents({ event_id: order.id })).toHaveLength(1)
    })

    it("Meta down for a while: the Purchase waits in the outbox and arrives once after recovery", async () => {
      emulator.injectFault({ kind: "5xx", method: "POST", path: "/events", times: Infinity, status: 503 })
      const order = await checkout()
      const pending = await waitFor(
        () => svc().listMetaCapiEvents({ event_id: order.id }),
        (rows) => rows.length === 1 && rows[0].attempts >= 1
      )
      expect(pending[0]).toMatchObject({ status: "pending", attempts: 1 })
      expect(new Date(pending[0].next_attempt_at!).getTime()).toBeGreaterThan(Date.now())
      await flushNow()
      expect(purchases()).toHaveLength(0)

      emulator.clearFaults()
      await flushNow()
      await flushNow()
      expect(purchases()).toHaveLength(1)
      expect(purchases()[0].event.event_id).toBe(order.id)
      const [row] = await svc().listMetaCapiEvents({ event_id: order.id })
      expect(row.status).toBe("sent")
    })

    it("Meta rejecting the event: failed with Meta's reason, visible in the admin, replay delivers it", async () => {
      emulator.injectFault({ kind: "error", method: "POST", path: "/events", times: 1, error: { code: 100, message: "(#100) Invalid parameter" } })
      const order = await checkout()
      const failed = await waitFor(
        () => api.get("/admin/meta/events?status=failed&event_name=Purchase", { headers: adminHeaders }),
        (res: any) => res.data.events.length === 1
      )
      expect(failed.data.events[0]).toMatchObject({ event_id: order.id, status: "failed" })
      expect(failed.data.events[0].error).toContain("Invalid parameter")
      await flushNow()
      expect(purchases()).toHaveLength(0)

      const replay = await api.post(`/admin/meta/events/${failed.data.events[0].id}/replay`, {}, { headers: adminHeaders })
      expect(replay.data.event).toMatchObject({ status: "sent", error: null })
      expect(purchases()).toHaveLength(1)
      const again = await api
        .post(`/admin/meta/events/metaevt_unknown/replay`, {}, { headers: adminHeaders })
        .catch((e: any) => e.response)
      expect(again.status).toBe(404)
    })

    it("consent withheld: nothing is recorded or sent", async () => {
      const order = await checkout({ consent: false })
      await new Promise((r) => setTimeout(r, 1500))
      await flushNow()
      expect(emulator.receivedEvents(PIXEL)).toHaveLength(0)
      expect(await svc().listMetaCapiEvents({ event_id: order.id })).toHaveLength(0)
    })

    it("test event code from the admin routes events to Test Events", async () => {
      const set = await api.post("/admin/meta/events/settings", { test_event_code: "TEST4242" }, { headers: adminHeaders })
      expect(set.data.settings).toEqual({ test_event_code: "TEST4242", source: "admin" })
      await checkout()
      const received = await waitFor(purchases, (list) => list.length >= 1)
      expect(received[0].testEventCode).toBe("TEST4242")
      const bad = await api.post("/admin/meta/events/settings", { test_event_code: "no spaces allowed" }, { headers: adminHeaders }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("test_event_code")
    })

    it("store routes: pixel id only, mirrored browser events, and 400s that name the field", async () => {
      const headers = { "x-publishable-api-key": store.publishableKey, ...BROWSER }
      const pixel = await api.get("/store/meta/pixel", { headers })
      expect(pixel.data).toEqual({ pixel_id: PIXEL })

      const mirrored = await api.post(
        "/store/meta/events",
        { event_name: "AddToCart", event_id: "atc-1", event_source_url: "https://shop.example.com/p/tshirt", fbp: FBP, custom_data: { value: 19.95, currency: "eur", content_ids: [store.sku], content_type: "product" } },
        { headers }
      )
      expect(mirrored.status).toBe(202)
      const atc = await waitFor(() => emulator.receivedEvents(PIXEL).filter((r) => r.event.event_name === "AddToCart"), (l) => l.length === 1)
      expect(atc[0].event).toMatchObject({ event_id: "atc-1", custom_data: { currency: "EUR" }, user_data: { fbp: FBP, client_ip_address: "203.0.113.42" } })

      const bad = async (url: string, body: unknown, field: string) => {
        const res = await api.post(url, body, { headers }).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(field)
      }
      const { cartId } = await prepareCart(api, store, BROWSER)
      await bad("/store/meta/cart-context", { consent: true }, "cart_id")
      await bad("/store/meta/cart-context", { cart_id: "nope", consent: true }, "cart_id")
      await bad("/store/meta/cart-context", { cart_id: cartId }, "consent")
      await bad("/store/meta/cart-context", { cart_id: cartId, consent: true, fbp: "1116446470" }, "fbp")
      await bad("/store/meta/cart-context", { cart_id: cartId, consent: true, fbclid_at: 1_700_000_000 }, "fbclid_at")
      await bad("/store/meta/cart-context", { cart_id: cartId, consent: true, event_source_url: "javascript:alert(1)" }, "event_source_url")
      await bad("/store/meta/events", { event_id: "x", event_source_url: "https://a.b" }, "event_name")
      await bad("/store/meta/events", { event_name: "Purchase", event_id: "x", event_source_url: "https://a.b" }, "event_name")
      await bad("/store/meta/events", { event_name: "Search", event_source_url: "https://a.b" }, "event_id")
      await bad("/store/meta/events", { event_name: "Search", event_id: "x" }, "event_source_url")
      await bad("/store/meta/events", { event_name: "Search", event_id: "x", event_source_url: "https://a.b", custom_data: { currency: "dollars" } }, "custom_data.currency")
      await bad("/store/meta/events", { event_name: "Search", event_id: "x", event_source_url: "https://a.b", event_time: 1_700_000_000 }, "event_time")
      const adminBad = await api.get("/admin/meta/events?status=lost", { headers: adminHeaders }).catch((e: any) => e.response)
      expect(adminBad.status).toBe(400)
      expect(adminBad.data.message).toContain("status")
    })
  },
})
