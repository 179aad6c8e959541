import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { reconcileMetaCatalogWorkflow } from "../../src/workflows/catalog"
import { createAdminHeaders } from "../helpers/admin-auth"
import { catalogWorker } from "../helpers/catalog-worker"
import { TEST_APP_SECRET, useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9840
// The tests drive the catalog worker themselves, tick by tick.
process.env.META_CATALOG_WORKER = "off"
process.env.META_STOREFRONT_URL = "https://shop.example.com"

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-catalog",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let catalogId: string
    let salesChannelId: string
    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }),
      post: (url: string, body: unknown = {}) => api.post(url, body, { headers, validateStatus: () => true }),
      delete: (url: string) => api.delete(url, { headers, validateStatus: () => true }),
    }
    const meta = () => getContainer().resolve<MetaModuleService>(META_MODULE)

    const { tick, eventually } = catalogWorker(getContainer)
    const items = () => emulator.catalogItems(catalogId)
    const itemsBatchCalls = () => emulator.requests({ method: "POST", path: /items_batch/ }).length

    async function connect() {
      const res = await admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken() })
      expect(res.status).toBe(200)
      catalogId = res.data.connection.selected.catalog_id
      expect(catalogId).toBeTruthy()
    }

    async function createProduct(input: { handle: string; sku?: string; price?: number | null; image?: string; sizes?: string[] }) {
      const sizes = input.sizes ?? ["M"]
      const res = await admin.post("/admin/products", {
        title: `Tee ${input.handle}`,
        handle: input.handle,
        status: "published",
        description: "<p>Soft <b>cotton</b></p>",
        images: [{ url: input.image ?? "https://cdn.example.com/tee.jpg" }],
        thumbnail: input.image ?? "https://cdn.example.com/tee.jpg",
        options: [{ title: "Size", values: sizes }],
        sales_channels: [{ id: salesChannelId }],
        variants: sizes.map((size, i) => ({
          title: size,
          sku: input.sku ? `${input.sku}${sizes.length > 1 ? `-${size}` : ""}` : undefined,
          options: { Size: size },
          manage_inventory: false,
          prices: input.price === null ? [] : [{ amount: input.price ?? 19.99 + i, currency_code: "eur" }],
        })),
      })
      expect(res.status).toBe(200)
      return res.data.product
    }

    beforeEach(async () => {
      emulator.reset()
      ;({ headers } = await createAdminHeaders(getContainer(), api))
      const channels = await admin.get("/admin/sales-channels")
      salesChannelId = channels.data.sales_channels[0].id
      await connect()
    })

    it("creating, updating and deleting products and variants leaves Meta's catalog equal to the store", async () => {
      const product = await createProduct({ handle: "classic", sku: "TEE", sizes: ["M", "L"] })
      await eventually(() => expect(items().map((i) => i.id)).toEqual(["TEE-L", "TEE-M"]))
      expect(items()[1]).toMatchObject({
        id: "TEE-M",
        title: "Tee classic - M",
        description: "Soft cotton",
        price: "19.99 EUR",
        availability: "in stock",
        link: "https://shop.example.com/products/classic",
        image_link: "https://cdn.example.com/tee.jpg",
        item_group_id: product.id,
        size: "M",
      })
      const variantM = product.variants.find((v: any) => v.sku === "TEE-M")
      const updated = await admin.post(`/admin/products/${product.id}/variants/${variantM.id}`, {
        prices: [{ amount: 25, currency_code: "eur" }],
      })
      expect(updated.status).toBe(200)
      await eventually(() => expect(items().find((i) => i.id === "TEE-M")?.price).toBe("25 EUR"))

      await admin.delete(`/admin/products/${product.id}/variants/${variantM.id}`)
      await eventually(() => expect(items().map((i) => i.id)).toEqual(["TEE-L"]))
      await admin.delete(`/admin/products/${product.id}`)
      await eventually(() => expect(items()).toEqual([]))

      const catalog = await admin.get("/admin/meta/catalog")
      expect(catalog.status).toBe(200)
      expect(catalog.data.catalog).toMatchObject({ catalog_id: catalogId, paused_reason: null })
    })

    it("a price edited without any Medusa event reaches Meta once; later ticks find nothing new", async () => {
      const product = await createProduct({ handle: "watched", sku: "WATCHED" })
      await eventually(() => expect(items().find((i) => i.id === "WATCHED")?.price).toBe("19.99 EUR"))
      // As an import or a SQL script edits it: no event, and the database clock stamps updated_at with microseconds.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        `UPDATE price SET amount = 24.5, raw_amount = '{"value":"24.5","precision":20}'::jsonb, updated_at = clock_timestamp()
          WHERE price_set_id IN (SELECT price_set_id FROM product_variant_price_set WHERE variant_id = ?)`,
        [product.variants[0].id]
      )
      const settled = async () => {
        const [row] = await meta().listMetaCatalogItems({ variant_id: product.variants[0].id } as any)
        expect(row).toMatchObject({ status: "synced", dirty: false, batch_id: null })
      }
      await eventually(async () => {
        expect(items().find((i) => i.id === "WATCHED")?.price).toBe("24.50 EUR")
        await settled()
      })
      // The edit is behind the watermark now: later ticks find no price change and send nothing.
      const calls = itemsBatchCalls()
      for (let i = 0; i < 3; i++) expect((await tick()).flush.priceChanges).toBe(0)
      expect(itemsBatchCalls()).toBe(calls)
      await settled()
    })

    it("an active sale price list becomes Meta's sale_price with its window; a sale that ends is cleared at Meta", async () => {
      const product = await createProduct({ handle: "onsale", sku: "SALE", price: 40 })
      await eventually(() => expect(items().find((i) => i.id === "SALE")?.price).toBe("40 EUR"))
      const created = await admin.post("/admin/price-lists", {
        title: "Winter sale",
        description: "20% off",
        type: "sale",
        status: "active",
        starts_at: "2026-01-01T00:00:00.000Z",
        ends_at: "2099-01-31T00:00:00.000Z",
        prices: [{ variant_id: product.variants[0].id, amount: 32, currency_code: "eur" }],
      })
      expect(created.status).toBe(200)
      await eventually(() =>
        expect(items().find((i) => i.id === "SALE")).toMatchObject({
          price: "40 EUR",
          sale_price: "32 EUR",
          sale_price_effective_date: "2026-01-01T00:00+00:00/2099-01-31T00:00+00:00",
        })
      )
      // Meta merges the fields of an UPDATE: the sale has to be cleared explicitly, not just left out.
      const ended = await admin.post(`/admin/price-lists/${created.data.price_list.id}`, { status: "draft" })
      expect(ended.status).toBe(200)
      await eventually(() => {
        const item = items().find((i) => i.id === "SALE")
        expect(item).toMatchObject({ price: "40 EUR" })
        expect(item).not.toHaveProperty("sale_price")
        expect(item).not.toHaveProperty("sale_price_effective_date")
      })
    })

    it("a barcode, colour option and extra images removed in the store are cleared at Meta", async () => {
      const created = await admin.post("/admin/products", {
        title: "Tee cleared",
        handle: "cleared",
        status: "published",
        description: "Soft cotton",
        thumbnail: "https://cdn.example.com/front.jpg",
        images: ["front", "back", "side"].map((view) => ({ url: `https://cdn.example.com/${view}.jpg` })),
        options: [
          { title: "Colour", values: ["Navy"] },
          { title: "Size", values: ["M"] },
        ],
        sales_channels: [{ id: salesChannelId }],
        variants: [
          {
            title: "Navy / M",
            sku: "CLEAR",
            barcode: "4006381333931",
            options: { Colour: "Navy", Size: "M" },
            manage_inventory: false,
            prices: [{ amount: 30, currency_code: "eur" }],
          },
        ],
      })
      expect(created.status).toBe(200)
      const product = created.data.product
      await eventually(() =>
        expect(items().find((i) => i.id === "CLEAR")).toMatchObject({
          gtin: "4006381333931",
          color: "Navy",
          size: "M",
          additional_image_link: ["https://cdn.example.com/back.jpg", "https://cdn.example.com/side.jpg"],
        })
      )

      // Medusa unlinks an option only together with the variants' values for it: one product update.
      const size = product.options.find((o: any) => o.title === "Size")
      const variantId = product.variants[0].id
      const edits = [
        await admin.post(`/admin/products/${product.id}/variants/${variantId}`, { barcode: null }),
        await admin.post(`/admin/products/${product.id}`, {
          option_ids: [size.id],
          variants: [{ id: variantId, options: { Size: "M" } }],
          images: [{ url: "https://cdn.example.com/front.jpg" }],
        }),
      ]
      expect(edits.map((e) => [e.status, e.data.message])).toEqual([[200, undefined], [200, undefined]])
      await eventually(() => {
        const item = items().find((i) => i.id === "CLEAR")
        expect(item).toMatchObject({ size: "M", image_link: "https://cdn.example.com/front.jpg", price: "30 EUR" })
        for (const field of ["gtin", "color", "additional_image_link"]) expect(item).not.toHaveProperty(field)
      })
    })

    it("a synced item that loses its price is removed from Meta and needs attention; a restored price brings it back", async () => {
      const product = await createProduct({ handle: "price-gone", sku: "GONE", price: 21 })
      const variantId = product.variants[0].id
      await eventually(() => expect(items().find((i) => i.id === "GONE")?.price).toBe("21 EUR"))

      expect((await admin.post(`/admin/products/${product.id}/variants/${variantId}`, { prices: [] })).status).toBe(200)
      await eventually(async () => {
        expect(items().map((i) => i.id)).not.toContain("GONE")
        const res = await admin.get(`/admin/meta/catalog/products/${product.id}`)
        expect(res.data.items).toEqual([
          expect.objectContaining({
            variant_id: variantId,
            status: "needs_attention",
            pending: false,
            retailer_id: null,
            errors: [expect.objectContaining({ field: "price", message: expect.stringContaining("EUR") })],
          }),
        ])
      })
      // Settled: later ticks neither resend nor delete it again.
      const calls = itemsBatchCalls()
      await tick()
      expect(itemsBatchCalls()).toBe(calls)

      expect((await admin.post(`/admin/products/${product.id}/variants/${variantId}`, { prices: [{ amount: 22, currency_code: "eur" }] })).status).toBe(200)
      await eventually(async () => {
        expect(items().find((i) => i.id === "GONE")).toMatchObject({ price: "22 EUR", availability: "in stock" })
        const res = await admin.get(`/admin/meta/catalog/products/${product.id}`)
        expect(res.data.items[0]).toMatchObject({ status: "synced", retailer_id: "GONE", errors: [] })
      })
    })

    it("a product without a price needs attention with the reason, and is not sent", async () => {
      const product = await createProduct({ handle: "no-price", sku: "NOPRICE", price: null })
      await eventually(async () => {
        const res = await admin.get("/admin/meta/catalog/items?status=needs_attention")
        expect(res.data.items).toEqual([
          expect.objectContaining({ product_id: product.id, status: "needs_attention", errors: [expect.objectContaining({ field: "price", message: expect.stringContaining("EUR") })] }),
        ])
      })
      expect(items()).toEqual([])
      const totals = (await admin.get("/admin/meta/catalog")).data.catalog.totals
      expect(totals.needs_attention).toBe(1)
    })

    it("Meta's item error shows on the product with a hint naming the field", async () => {
      const product = await createProduct({ handle: "http-image", sku: "HTTPIMG", image: "http://localhost:9000/static/tee.jpg" })
      await eventually(async () => {
        const res = await admin.get(`/admin/meta/catalog/products/${product.id}`)
        expect(res.data.items[0]).toMatchObject({
          status: "error",
          errors: [expect.objectContaining({ field: "image_link", message: expect.stringContaining("not reachable from the internet"), hint: expect.stringContaining("image") })],
        })
      })
      expect(items()).toEqual([])
    })

    it("a burst of changes leaves as one items_batch call; an unchanged re-sync sends nothing", async () => {
      for (let i = 0; i < 12; i++) await createProduct({ handle: `burst-${i}`, sku: `BURST-${String(i).padStart(2, "0")}` })
      // Let every event land before the worker looks, as the quiet window does in production.
      await new Promise((r) => setTimeout(r, 1500))
      const before = itemsBatchCalls()
      await eventually(() => expect(items()).toHaveLength(12))
      expect(itemsBatchCalls() - before).toBe(1)

      const sync = await admin.post("/admin/meta/catalog/sync")
      expect(sync.status).toBe(202)
      const calls = itemsBatchCalls()
      await eventually(async () => expect((await admin.get("/admin/meta/catalog")).data.catalog.full_sync.status).toBe("completed"))
      expect(itemsBatchCalls()).toBe(calls)
    })

    it("throttling and 5xx recover with nothing lost", async () => {
      emulator.injectFault({ kind: "throttle", path: "items_batch", throttle: { type: "catalog_batch", objectId: catalogId, minutes: 1 } })
      emulator.injectFault({ kind: "5xx", path: "items_batch", status: 503 })
      await createProduct({ handle: "resilient", sku: "RES" })
      await eventually(async () => {
        const [row] = await meta().listMetaCatalogItems({ retailer_id: null, variant_id: { $ne: null } } as any, { take: 1 })
        expect(row?.next_attempt_at).toBeTruthy()
      })
      // Skip the waits Meta and the backoff asked for.
      const rows = await meta().listMetaCatalogItems({}, { take: null })
      for (const row of rows) await meta().updateMetaCatalogItems({ id: row.id, next_attempt_at: null } as any)
      await eventually(async () => {
        const rows = await meta().listMetaCatalogItems({}, { take: null })
        for (const row of rows) await meta().updateMetaCatalogItems({ id: row.id, next_attempt_at: null } as any)
        expect(items().map((i) => i.id)).toEqual(["RES"])
      })
    })

    it("an invalid token pauses sync with the reason shown; reconnecting resumes it", async () => {
      emulator.injectFault({ kind: "invalid_token", path: "items_batch" })
      await createProduct({ handle: "paused", sku: "PAUSE" })
      await eventually(async () => {
        const res = await admin.get("/admin/meta/catalog")
        expect(res.data.catalog.paused_reason).toMatch(/needs attention/)
      })
      expect(items()).toEqual([])
      await connect()
      await eventually(() => expect(items().map((i) => i.id)).toEqual(["PAUSE"]))
    })

    it("excluded variants are deleted from Meta, included ones come back", async () => {
      const product = await createProduct({ handle: "excl", sku: "EXCL" })
      await eventually(() => expect(items()).toHaveLength(1))
      const res = await admin.post(`/admin/meta/catalog/products/${product.id}/exclude`, {})
      expect(res.status).toBe(200)
      expect(res.data.items[0].excluded).toBe(true)
      await eventually(() => expect(items()).toEqual([]))
      await admin.post(`/admin/meta/catalog/products/${product.id}/include`, {})
      await eventually(() => expect(items()).toHaveLength(1))
    })

    it("reconcile reaps orphans Meta holds that the store does not know", async () => {
      await createProduct({ handle: "kept", sku: "KEPT" })
      await eventually(() => expect(items()).toHaveLength(1))
      const token = emulator.createSystemUserToken()
      const { createHmac } = await import("node:crypto")
      await fetch(`${emulator.url}/v25.0/${catalogId}/items_batch`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          access_token: token,
          appsecret_proof: createHmac("sha256", TEST_APP_SECRET).update(token).digest("hex"),
          item_type: "PRODUCT_ITEM",
          requests: [{ method: "UPDATE", data: { ...items()[0], id: "ORPHAN-1" } }],
        }),
      })
      expect(items().map((i) => i.id)).toEqual(["KEPT", "ORPHAN-1"])
      const { result } = await reconcileMetaCatalogWorkflow(getContainer()).run()
      expect(result).toMatchObject({ status: "completed", orphans: 1 })
      await eventually(() => expect(items().map((i) => i.id)).toEqual(["KEPT"]))
      expect((await admin.get("/admin/meta/catalog")).data.catalog.last_reconcile).toMatchObject({ status: "completed", deleted: 1 })
    })

    it("answers bad input with 400 naming the field", async () => {
      const product = await createProduct({ handle: "bad-input" })
      const cases: [Promise<any>, RegExp][] = [
        [admin.get("/admin/meta/catalog/items?status=bogus"), /status.*bogus/],
        [admin.get("/admin/meta/catalog/items?limit=0"), /limit/],
        [admin.get("/admin/meta/catalog/items?offset=-1"), /offset/],
        [admin.post("/admin/meta/catalog/sync", { now: true }), /now/],
        [admin.post(`/admin/meta/catalog/products/${product.id}/exclude`, { variant_ids: "x" }), /variant_ids/],
        [admin.post(`/admin/meta/catalog/products/${product.id}/include`, { variant_ids: [""] }), /variant_ids/],
        [admin.post(`/admin/meta/catalog/products/${product.id}/sync`, { force: 1 }), /force/],
      ]
      for (const [request, message] of cases) {
        const res = await request
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
      }
      expect((await admin.post("/admin/meta/catalog/products/prod_missing/exclude", {})).status).toBe(404)
    })
  },
})
