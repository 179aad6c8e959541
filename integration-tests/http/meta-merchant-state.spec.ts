import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { flushCapiOutboxNow } from "../helpers/capi-outbox"
import { useTestEmulator, waitFor } from "../helpers/meta-env"
import { SHOPPER_BROWSER as BROWSER, SHOPPER_FBP as FBP } from "../helpers/shopper"
import { completeCart, createTestStore, prepareCart, type TestStore } from "../helpers/store-setup"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9700
const PIXEL = "60001"
const PAGE_WITH_INSTAGRAM = "30001"
const PAGE_WITHOUT_INSTAGRAM = "30002"
const INSTAGRAM = "40001"

const emulator = useTestEmulator(EMULATOR_PORT)

/** What a merchant sees is true: events, order card, product sync, assets and the dialog's scopes. */
medusaIntegrationTestRunner({
  dbName: "meta-it-merchant-state",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: TestStore
    let token: string
    const svc = () => getContainer().resolve<MetaModuleService>(META_MODULE)
    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }),
      post: (url: string, body: unknown = {}) => api.post(url, body, { headers, validateStatus: () => true }),
      delete: (url: string) => api.delete(url, { headers, validateStatus: () => true }),
    }

    async function checkout() {
      const { cartId, headers: shopper } = await prepareCart(api, store, BROWSER)
      await api.post(
        "/store/meta/cart-context",
        { cart_id: cartId, event_source_url: "https://shop.example.com/checkout", consent: true, fbp: FBP },
        { headers: shopper }
      )
      return completeCart(api, cartId, shopper)
    }

    const purchaseOf = async (orderId: string) =>
      (await admin.get(`/admin/meta/events?subject_id=${orderId}&event_name=Purchase`)).data.events[0]

    beforeEach(async () => {
      emulator.reset()
      const container = getContainer()
      headers = (await createAdminHeaders(container, api)).headers
      store = await createTestStore(container)
      token = emulator.createSystemUserToken()
      const connected = await admin.post("/admin/meta/connection", { access_token: token, pixel_id: PIXEL })
      expect(connected.status).toBe(200)
    })

    describe("events list", () => {
      it("names the order by its number, linked, in one read for the page, with the id still there", async () => {
        const first = await checkout()
        const second = await checkout()
        await waitFor(
          () => admin.get("/admin/meta/events?event_name=Purchase"),
          (res: any) => res.data.events.filter((e: any) => e.status === "sent").length === 2,
          "both purchases sent"
        )
        const { data } = await admin.get("/admin/meta/events?event_name=Purchase")
        const byOrder = new Map(data.events.map((e: any) => [e.subject_id, e]))
        for (const order of [first, second]) {
          expect((byOrder.get(order.id) as any).order).toEqual({
            id: order.id,
            display_id: order.display_id,
            link: `/orders/${order.id}`,
          })
        }
        expect(first.display_id).not.toBe(second.display_id)
        expect(data.events.every((e: any) => e.problem === null && e.is_test === false)).toBe(true)
      })

      it("an event about a customer is not an order; an order that is gone keeps its id, without a number", async () => {
        await svc().createMetaCapiEvents([
          { pixel_id: PIXEL, event_name: "CompleteRegistration", event_id: "cus_1", subject_id: "cus_1", status: "sent", event_time: new Date(), payload: {} },
          { pixel_id: PIXEL, event_name: "Purchase", event_id: "order_gone", subject_id: "order_gone", status: "sent", event_time: new Date(), payload: {} },
        ])
        const { data } = await admin.get("/admin/meta/events")
        const of = (id: string) => data.events.find((e: any) => e.subject_id === id)
        expect(of("cus_1").order).toBeNull()
        expect(of("order_gone").order).toEqual({ id: "order_gone", display_id: null, link: "/orders/order_gone" })
      })

      it("marks events sent with a test event code as test events, and only those", async () => {
        const live = await checkout()
        await waitFor(() => purchaseOf(live.id), (e: any) => e?.status === "sent", "the live purchase sent")
        expect((await admin.post("/admin/meta/events/settings", { test_event_code: "TEST777" })).status).toBe(200)
        const test = await checkout()
        const testEvent = await waitFor(() => purchaseOf(test.id), (e: any) => e?.status === "sent", "the test purchase sent")
        expect(testEvent).toMatchObject({ is_test: true, test_event_code: "TEST777" })
        expect(await purchaseOf(live.id)).toMatchObject({ is_test: false, test_event_code: null })
        expect((await admin.get("/admin/meta/events/settings")).data.settings).toEqual({ test_event_code: "TEST777", source: "admin" })
      })
    })

    describe("order card: Meta did not answer vs. the connection needs a reconnect", () => {
      it("Meta down: the Purchase waits, and says Meta did not answer and that it retries", async () => {
        emulator.injectFault({ kind: "5xx", method: "POST", path: "/events", times: Infinity, status: 503 })
        const order = await checkout()
        const event = await waitFor(() => purchaseOf(order.id), (e: any) => e?.attempts >= 1, "a failed attempt")
        expect(event.status).toBe("pending")
        expect(event.problem.kind).toBe("meta_unavailable")
        expect(event.problem.message).toMatch(/^Meta did not answer .*retried automatically\.$/)
      })

      it("a permission Meta refuses: needs a reconnect, though the connection still looks active", async () => {
        emulator.injectFault({
          kind: "error",
          method: "POST",
          path: "/events",
          times: Infinity,
          error: { code: 200, message: "(#200) Requires ads_management permission to manage the object" },
        })
        const order = await checkout()
        const event = await waitFor(() => purchaseOf(order.id), (e: any) => e?.attempts >= 1, "a refused attempt")
        expect(event.status).toBe("pending")
        expect(event.problem.kind).toBe("needs_reconnect")
        expect(event.problem.message).toMatch(/reconnect to Meta/)
        expect((await admin.get("/admin/meta/connection")).data.connection.status).toBe("active")
      })

      it("a revoked token: needs a reconnect; after reconnecting the same Purchase is sent", async () => {
        emulator.revokeToken(token)
        const order = await checkout()
        const event = await waitFor(() => purchaseOf(order.id), (e: any) => e?.problem?.kind === "needs_reconnect", "the reconnect problem")
        expect(event.status).toBe("pending")
        const fresh = emulator.createSystemUserToken()
        expect((await admin.post("/admin/meta/connection", { access_token: fresh, pixel_id: PIXEL })).status).toBe(200)
        await flushCapiOutboxNow(getContainer())
        expect(await purchaseOf(order.id)).toMatchObject({ status: "sent", problem: null })
      })

      it("a rejected Purchase says Meta did not accept it, with Meta's reason", async () => {
        emulator.injectFault({ kind: "error", method: "POST", path: "/events", times: 1, error: { code: 100, message: "(#100) Invalid parameter" } })
        const order = await checkout()
        const event = await waitFor(() => purchaseOf(order.id), (e: any) => e?.status === "failed", "the rejection")
        expect(event.problem).toEqual({ kind: "rejected", message: expect.stringMatching(/^Meta did not accept this event: .*Invalid parameter/) })
      })
    })

    describe("routes that would send nothing answer 409 with the reason", () => {
      async function failedEvent() {
        emulator.injectFault({ kind: "error", method: "POST", path: "/events", times: 1, error: { code: 100, message: "(#100) Invalid parameter" } })
        const order = await checkout()
        return waitFor(() => purchaseOf(order.id), (e: any) => e?.status === "failed", "the rejection")
      }

      it("replay while the Conversions API is off, then while not connected: 409, nothing sent, the event untouched", async () => {
        const event = await failedEvent()
        const sentBefore = emulator.receivedEvents(PIXEL).length
        expect((await admin.post("/admin/meta/connection/features", { capi: false })).status).toBe(200)
        const off = await admin.post(`/admin/meta/events/${event.id}/replay`)
        expect(off.status).toBe(409)
        expect(off.data).toEqual({
          type: "feature_not_ready",
          state: "feature_off",
          message: "Conversions API is off: Conversions API is switched off for this store: no purchases are sent to Meta.",
        })

        expect((await admin.delete("/admin/meta/connection")).status).toBe(200)
        const gone = await admin.post(`/admin/meta/events/${event.id}/replay`)
        expect(gone.status).toBe(409)
        expect(gone.data.state).toBe("not_connected")
        expect(gone.data.message).toMatch(/^Not connected to Meta: Connect your Meta account/)
        expect(emulator.receivedEvents(PIXEL)).toHaveLength(sentBefore)
        expect(await purchaseOf(event.subject_id)).toMatchObject({ status: "failed", attempts: event.attempts })
      })

      it("a pending Purchase while disconnected says it waits for a connection", async () => {
        expect((await admin.delete("/admin/meta/connection")).status).toBe(200)
        await svc().createMetaCapiEvents({
          pixel_id: PIXEL,
          event_name: "Purchase",
          event_id: "order_waiting",
          subject_id: "order_waiting",
          status: "pending",
          event_time: new Date(),
          next_attempt_at: new Date(),
          payload: {},
        })
        await flushCapiOutboxNow(getContainer())
        expect((await purchaseOf("order_waiting")).problem).toEqual({
          kind: "not_connected",
          message: "The store is not connected to Meta; the event is sent once you connect (within 7 days of the order).",
        })
      })

      it("product sync now: 200 when ready; 409 without a catalog, with catalog sync off, and when not connected", async () => {
        const { data } = await admin.get("/admin/products?limit=1&fields=id")
        const productId = data.products[0].id
        const sync = () => admin.post(`/admin/meta/catalog/products/${productId}/sync`)

        // Auto-setup gave the connection a catalog: sync works; without one it is refused.
        const catalogId = (await admin.get("/admin/meta/connection")).data.connection.selected.catalog_id
        expect(catalogId).toBeTruthy()
        expect((await sync()).status).toBe(200)
        expect((await admin.post("/admin/meta/connection/assets", { catalog_id: null })).status).toBe(200)
        const noCatalog = await sync()
        expect(noCatalog.status).toBe(409)
        expect(noCatalog.data).toMatchObject({ type: "feature_not_ready", state: "missing_asset" })
        expect(noCatalog.data.message).toMatch(/^Choose a catalog: Catalog sync needs a catalog/)

        expect((await admin.post("/admin/meta/connection/features", { catalog: false })).status).toBe(200)
        expect((await sync()).data).toMatchObject({ state: "feature_off", message: expect.stringMatching(/Catalog sync is off/) })

        expect((await admin.delete("/admin/meta/connection")).status).toBe(200)
        const gone = await sync()
        expect(gone.status).toBe(409)
        expect(gone.data.state).toBe("not_connected")

        expect((await admin.post("/admin/meta/catalog/products/prod_missing/sync")).status).toBe(404)
      })
    })

    describe("assets: a Page and an Instagram account that don't belong together", () => {
      it("refuses the Instagram account of another Page with 400 naming both and the fix; the choice is unchanged", async () => {
        expect((await admin.post("/admin/meta/connection/assets", { page_id: PAGE_WITH_INSTAGRAM, instagram_account_id: INSTAGRAM })).status).toBe(200)
        const mismatch = await admin.post("/admin/meta/connection/assets", { page_id: PAGE_WITHOUT_INSTAGRAM })
        expect(mismatch.status).toBe(400)
        expect(mismatch.data.message).toBe(
          'The Instagram account @acmestore belongs to the Facebook Page "Acme Store", not to "Acme Outlet": choose "Acme Store" as the Page, or no Instagram account ("Acme Outlet" has none linked).'
        )
        const { connection } = (await admin.get("/admin/meta/connection")).data
        expect(connection.selected).toMatchObject({ page_id: PAGE_WITH_INSTAGRAM, instagram_account_id: INSTAGRAM })
      })

      it("accepts the other Page once the Instagram account is cleared with it, and a change of something else", async () => {
        expect((await admin.post("/admin/meta/connection/assets", { page_id: PAGE_WITHOUT_INSTAGRAM, instagram_account_id: null })).status).toBe(200)
        expect((await admin.post("/admin/meta/connection/assets", { instagram_account_id: INSTAGRAM })).status).toBe(400)
        expect((await admin.post("/admin/meta/connection/assets", { ad_account_id: "act_50002" })).status).toBe(200)
        expect((await admin.get("/admin/meta/connection")).data.connection.selected).toMatchObject({
          page_id: PAGE_WITHOUT_INSTAGRAM,
          instagram_account_id: null,
          ad_account_id: "act_50002",
        })
      })
    })

    describe("connecting with a token and a Page: the Instagram account goes with its Page", () => {
      it("refuses a Page and another Page's Instagram account together; a Page alone drops the account that is not its own", async () => {
        const apart = await admin.post("/admin/meta/connection", {
          access_token: emulator.createSystemUserToken(),
          page_id: PAGE_WITHOUT_INSTAGRAM,
          instagram_account_id: INSTAGRAM,
        })
        expect(apart.status).toBe(400)
        expect(apart.data.message).toMatch(/^The Instagram account @acmestore belongs to the Facebook Page "Acme Store", not to "Acme Outlet"/)

        const outlet = await admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), page_id: PAGE_WITHOUT_INSTAGRAM })
        expect(outlet.status).toBe(200)
        expect(outlet.data.connection.selected).toMatchObject({ page_id: PAGE_WITHOUT_INSTAGRAM, instagram_account_id: null })

        const store = await admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken(), page_id: PAGE_WITH_INSTAGRAM })
        expect(store.data.connection.selected).toMatchObject({ page_id: PAGE_WITH_INSTAGRAM, instagram_account_id: INSTAGRAM })
      })
    })

    describe("connecting asks only for what the switched-on features need", () => {
      const scopesOf = async () => {
        const res = await admin.post("/admin/meta/oauth/authorize")
        expect(res.status).toBe(200)
        return new URL(res.data.url).searchParams.get("scope")!.split(",")
      }

      it("drops a feature's permissions when it is off, keeps the base ones", async () => {
        const all = await scopesOf()
        expect(all).toEqual(expect.arrayContaining(["business_management", "pages_show_list", "leads_retrieval", "ads_read"]))
        expect((await admin.post("/admin/meta/connection/features", { webhooks: false, ads: false, insights: false })).status).toBe(200)
        const fewer = await scopesOf()
        expect(fewer).toEqual(expect.arrayContaining(["business_management", "pages_show_list", "ads_management", "catalog_management"]))
        for (const dropped of ["leads_retrieval", "instagram_manage_comments", "ads_read", "read_insights", "instagram_manage_insights"]) {
          expect(fewer).not.toContain(dropped)
        }
        expect(new Set(fewer).size).toBe(fewer.length)
      })
    })
  },
})
