import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin-auth"
import { catalogWorker } from "../helpers/catalog-worker"
import { useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9846
// The tests drive the catalog worker themselves, tick by tick.
process.env.META_CATALOG_WORKER = "off"
process.env.META_STOREFRONT_URL = "https://shop.example.com"

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-catalog-sets-checkout",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let catalogId: string
    let salesChannelId: string
    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }),
      post: (url: string, body: unknown = {}) => api.post(url, body, { headers, validateStatus: () => true }),
      delete: (url: string) => api.delete(url, { headers, validateStatus: () => true }),
    }
    /** The shopper's browser as Meta sends it: no headers, no following of the redirect. */
    const shopper = (url: string) => api.get(url, { maxRedirects: 0, validateStatus: () => true })

    const { tick, eventually } = catalogWorker(getContainer)
    const sets = () => emulator.productSets(catalogId)
    const setNamed = (name: string) => sets().find((s) => s.name === name)

    async function createProduct(input: { handle: string; sku: string; sizes: string[]; collection_id?: string; category_ids?: string[] }) {
      const res = await admin.post("/admin/products", {
        title: `Tee ${input.handle}`,
        handle: input.handle,
        status: "published",
        description: "Soft cotton",
        images: [{ url: "https://cdn.example.com/tee.jpg" }],
        thumbnail: "https://cdn.example.com/tee.jpg",
        options: [{ title: "Size", values: input.sizes }],
        sales_channels: [{ id: salesChannelId }],
        ...(input.collection_id ? { collection_id: input.collection_id } : {}),
        ...(input.category_ids ? { categories: input.category_ids.map((id) => ({ id })) } : {}),
        variants: input.sizes.map((size) => ({
          title: size,
          sku: `${input.sku}-${size}`,
          options: { Size: size },
          manage_inventory: false,
          prices: [{ amount: 20, currency_code: "eur" }],
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
      const res = await admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken() })
      expect(res.status).toBe(200)
      catalogId = res.data.connection.selected.catalog_id
    })

    describe("product sets", () => {
      it("a full sync mirrors collections and categories as product sets; changes keep them in sync", async () => {
        const summer = (await admin.post("/admin/collections", { title: "Summer" })).data.collection
        const shirts = (await admin.post("/admin/product-categories", { name: "Shirts", is_active: true })).data.product_category
        const tee = await createProduct({ handle: "tee", sku: "TEE", sizes: ["M", "L"], collection_id: summer.id, category_ids: [shirts.id] })
        await createProduct({ handle: "polo", sku: "POLO", sizes: ["M"], category_ids: [shirts.id] })

        expect((await admin.post("/admin/meta/catalog/sync")).status).toBe(202)
        await eventually(() => {
          expect(setNamed("Collection: Summer")).toMatchObject({
            filter: { retailer_id: { is_any: ["TEE-L", "TEE-M"] } },
            retailer_id: `medusa-collection-${summer.id}`,
            product_count: 2,
          })
          expect(setNamed("Category: Shirts")).toMatchObject({
            filter: { retailer_id: { is_any: ["POLO-M", "TEE-L", "TEE-M"] } },
            product_count: 3,
          })
        })

        // A product leaves the collection and a category is renamed: the sets follow.
        expect((await admin.post(`/admin/products/${tee.id}`, { collection_id: null })).status).toBe(200)
        expect((await admin.post(`/admin/product-categories/${shirts.id}`, { name: "Tops" })).status).toBe(200)
        await eventually(() => {
          expect(setNamed("Collection: Summer")).toBeUndefined()
          expect(setNamed("Category: Tops")).toMatchObject({ filter: { retailer_id: { is_any: ["POLO-M", "TEE-L", "TEE-M"] } } })
        })

        // Added through the collection's product list (no product event): the set picks it up.
        expect((await admin.post(`/admin/collections/${summer.id}/products`, { add: [tee.id] })).status).toBe(200)
        await eventually(() => expect(setNamed("Collection: Summer")?.filter).toEqual({ retailer_id: { is_any: ["TEE-L", "TEE-M"] } }))

        // Deleting the collection deletes its set; an unchanged tick sends nothing more.
        expect((await admin.delete(`/admin/collections/${summer.id}`)).status).toBe(200)
        await eventually(() => expect(setNamed("Collection: Summer")).toBeUndefined())
        const calls = emulator.requests({ path: /product_sets|^\/v\d+\.\d+\/\d+$/ }).length
        await tick()
        expect(emulator.requests({ path: /product_sets|^\/v\d+\.\d+\/\d+$/ }).length).toBe(calls)
      })
    })

    describe("Meta Shops checkout URL", () => {
      let regionId: string

      beforeEach(async () => {
        const region = await admin.post("/admin/regions", { name: "Denmark", currency_code: "eur", countries: ["dk"] })
        expect(region.status).toBe(200)
        regionId = region.data.region.id
      })

      it("creates a cart with the products and the valid coupon, and redirects to the storefront", async () => {
        await createProduct({ handle: "shop-tee", sku: "SHOP", sizes: ["M", "L"] })
        const promotion = await admin.post("/admin/promotions", {
          code: "SAVE10",
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: { type: "percentage", target_type: "order", value: 10, allocation: "across" },
        })
        expect(promotion.status).toBe(200)

        const res = await shopper(`/meta/checkout?products=${encodeURIComponent("SHOP-M:2,SHOP-L:1")}&coupon=SAVE10&cart_origin=instagram&utm_source=ig`)
        expect(res.status).toBe(303)
        const location = new URL(res.headers.location)
        expect(`${location.origin}${location.pathname}`).toBe("https://shop.example.com/cart")
        const cartId = location.searchParams.get("cart_id")!
        const { data } = await admin.get(`/admin/carts/${cartId}`).catch(() => ({ data: null }) as any)
        const cart = data?.cart ?? (await api.get(`/store/carts/${cartId}`, { headers: { "x-publishable-api-key": await publishableKey() } })).data.cart
        expect(cart.region_id).toBe(regionId)
        expect(cart.sales_channel_id).toBe(salesChannelId)
        expect(cart.items.map((i: any) => [i.variant_sku, i.quantity]).sort()).toEqual([["SHOP-L", 1], ["SHOP-M", 2]])
        expect(cart.promotions.map((p: any) => p.code)).toEqual(["SAVE10"])
        expect(cart.metadata.meta_checkout).toEqual({ cart_origin: "instagram", coupon: "SAVE10" })
      })

      it("an unknown or invalid coupon still creates the cart, without it", async () => {
        await createProduct({ handle: "plain-tee", sku: "PLAIN", sizes: ["M"] })
        const res = await shopper("/meta/checkout?products=PLAIN-M:1&coupon=NOPE")
        expect(res.status).toBe(303)
        expect(new URL(res.headers.location).searchParams.get("cart_id")).toMatch(/^cart_/)
      })

      it("answers bad input with 400 naming the field", async () => {
        await createProduct({ handle: "known-tee", sku: "KNOWN", sizes: ["M"] })
        for (const [url, field] of [
          ["/meta/checkout", /products/],
          ["/meta/checkout?products=KNOWN-M", /products/],
          ["/meta/checkout?products=KNOWN-M:0", /products/],
          ["/meta/checkout?products=KNOWN-M:1,GHOST:1", /products: unknown item id\(s\) "GHOST"/],
          ["/meta/checkout?products=KNOWN-M:1&cart_origin=tiktok", /cart_origin/],
          [`/meta/checkout?products=KNOWN-M:1&coupon=${"x".repeat(101)}`, /coupon/],
        ] as const) {
          const res = await shopper(url)
          expect({ url, status: res.status }).toEqual({ url, status: 400 })
          expect(res.data.message).toMatch(field)
        }
      })
    })

    async function publishableKey(): Promise<string> {
      const keys = await admin.get("/admin/api-keys?type=publishable")
      return keys.data.api_keys[0].token
    }
  },
})
