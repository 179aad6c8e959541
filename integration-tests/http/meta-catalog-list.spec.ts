import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { catalogWorker } from "../helpers/catalog-worker"
import { useTestEmulator } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9720
// The tests drive the catalog worker themselves, tick by tick.
process.env.META_CATALOG_WORKER = "off"
process.env.META_STOREFRONT_URL = "https://shop.example.com"

const emulator = useTestEmulator(EMULATOR_PORT)

type ListItem = {
  variant_id: string
  product_id: string | null
  retailer_id: string | null
  status: string
  excluded: boolean
  last_synced_at: string | null
  product: { id: string; title: string; thumbnail: string | null } | null
  variant: { id: string; title: string | null; sku: string | null } | null
  fix: { label: string; to: string } | null
}

medusaIntegrationTestRunner({
  dbName: "meta-it-catalog-list",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let salesChannelId: string
    let catalogId: string
    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }),
      post: (url: string, body: unknown = {}) => api.post(url, body, { headers, validateStatus: () => true }),
      delete: (url: string) => api.delete(url, { headers, validateStatus: () => true }),
    }
    const meta = () => getContainer().resolve<MetaModuleService>(META_MODULE)
    const { eventually } = catalogWorker(getContainer)
    const metaIds = () => emulator.catalogItems(catalogId).map((i) => i.id).sort()

    async function connect() {
      const res = await admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken() })
      expect(res.status).toBe(200)
      catalogId = res.data.connection.selected.catalog_id
      expect(catalogId).toBeTruthy()
    }

    async function createProduct(input: { title: string; handle: string; skus: string[]; image?: string | null }) {
      const image = input.image === undefined ? `https://cdn.example.com/${input.handle}.jpg` : input.image
      const sizes = input.skus.map((_, i) => ["S", "M", "L"][i])
      const res = await admin.post("/admin/products", {
        title: input.title,
        handle: input.handle,
        status: "published",
        description: "Made to last",
        ...(image ? { images: [{ url: image }], thumbnail: image } : {}),
        options: [{ title: "Size", values: sizes }],
        sales_channels: [{ id: salesChannelId }],
        variants: input.skus.map((sku, i) => ({
          title: sizes[i],
          sku,
          options: { Size: sizes[i] },
          manage_inventory: false,
          prices: [{ amount: 20, currency_code: "eur" }],
        })),
      })
      expect(res.status).toBe(200)
      return res.data.product as { id: string; variants: { id: string; sku: string }[] }
    }

    async function list(query: string): Promise<{ items: ListItem[]; count: number }> {
      const res = await admin.get(`/admin/meta/catalog/items${query}`)
      expect(res.status).toBe(200)
      return res.data
    }
    const skus = (items: ListItem[]) => items.map((i) => i.variant?.sku)

    /** Blue tee (2 variants), Red mug 100% (SKU with "_"), Green cap without an image (needs attention). */
    async function seedCatalog() {
      const tee = await createProduct({ title: "Blue tee", handle: "blue-tee", skus: ["BLUE-S", "BLUE-M"] })
      const mug = await createProduct({ title: "Red mug 100%", handle: "red-mug", skus: ["MUG_1"] })
      const cap = await createProduct({ title: "Green cap", handle: "green-cap", skus: ["CAP-1"], image: null })
      await eventually(async () => {
        expect(metaIds()).toEqual(["BLUE-M", "BLUE-S", "MUG_1"])
        expect((await list("?status=needs_attention")).count).toBe(1)
        expect((await list("?status=synced")).count).toBe(3)
      })
      return { tee, mug, cap }
    }

    beforeEach(async () => {
      emulator.reset()
      ;({ headers } = await createAdminHeaders(getContainer(), api))
      salesChannelId = (await admin.get("/admin/sales-channels")).data.sales_channels[0].id
    })

    describe("while catalog sync cannot send", () => {
      const expectRefused = async (state: string, message: RegExp, variantId: string) => {
        for (const res of [await admin.post("/admin/meta/catalog/sync"), await admin.post("/admin/meta/catalog/items/sync", { variant_ids: [variantId] })]) {
          expect(res.status).toBe(409)
          expect(res.data).toMatchObject({ type: "feature_not_ready", state })
          expect(res.data.message).toMatch(message)
          expect(res.data.message).not.toMatch(/sent to meta/i)
        }
      }

      it("'Sync now' and 'Sync selected' answer 409 with the next step before the first connection, and nothing reaches Meta", async () => {
        const product = await createProduct({ title: "Early tee", handle: "early", skus: ["EARLY-1"] })
        await expectRefused("not_connected", /Connect your Meta account/, product.variants[0].id)
        expect(emulator.requests({ method: "POST", path: /items_batch/ })).toHaveLength(0)
        expect(await meta().listMetaCatalogRuns({ kind: "full_sync" })).toHaveLength(0)
        // The list still reads: the items wait, with their names.
        const { items } = await list("")
        expect(items).toEqual([expect.objectContaining({ product: expect.objectContaining({ title: "Early tee" }), status: "pending" })])
      })

      it("answers 409 with catalog sync off, with no catalog chosen, with the token revoked, and after a disconnect; 202 once ready", async () => {
        await connect()
        const product = await createProduct({ title: "Later tee", handle: "later", skus: ["LATER-1"] })
        const variantId = product.variants[0].id

        expect((await admin.post("/admin/meta/connection/features", { catalog: false })).status).toBe(200)
        await expectRefused("feature_off", /Catalog sync is switched off/, variantId)
        expect((await admin.post("/admin/meta/connection/features", { catalog: true })).status).toBe(200)

        const [live] = await meta().listMetaConnections({})
        await meta().updateMetaConnections({ id: live.id, catalog_id: null })
        await expectRefused("missing_asset", /choose one in the Meta settings/, variantId)
        await meta().updateMetaConnections({ id: live.id, catalog_id: catalogId })

        const ready = await admin.post("/admin/meta/catalog/sync")
        expect(ready.status).toBe(202)
        expect(ready.data.run).toMatchObject({ kind: "full_sync" })
        const selected = await admin.post("/admin/meta/catalog/items/sync", { variant_ids: [variantId] })
        expect(selected.status).toBe(200)
        expect(selected.data).toMatchObject({ updated: 1, items: [expect.objectContaining({ variant_id: variantId })] })
        await eventually(() => expect(metaIds()).toEqual(["LATER-1"]))

        emulator.revokeToken((await meta().getConnectionToken())!.token)
        await admin.post("/admin/meta/connection/health")
        await expectRefused("needs_reconnect", /reconnect/i, variantId)

        expect((await admin.delete("/admin/meta/connection")).status).toBe(200)
        await expectRefused("not_connected", /Connect your Meta account/, variantId)
      })
    })

    it("lists items by name with search, filters, sorting, pagination and a link to the fix", async () => {
      await connect()
      const { tee, mug, cap } = await seedCatalog()

      const all = await list("")
      expect(all.count).toBe(4)
      const blueS = all.items.find((i) => i.variant?.sku === "BLUE-S")!
      expect(blueS).toMatchObject({
        product_id: tee.id,
        retailer_id: "BLUE-S",
        status: "synced",
        product: { id: tee.id, title: "Blue tee", thumbnail: "https://cdn.example.com/blue-tee.jpg" },
        variant: { id: tee.variants.find((v) => v.sku === "BLUE-S")!.id, title: "S", sku: "BLUE-S" },
        fix: null,
      })
      const capItem = all.items.find((i) => i.product_id === cap.id)!
      expect(capItem).toMatchObject({ status: "needs_attention", product: { title: "Green cap", thumbnail: null } })
      expect(capItem.fix).toEqual({ label: "Fix on the product", to: `/products/${cap.id}` })

      // Search: product title, variant SKU, retailer id; case-insensitive; "%" and "_" are literal.
      expect(skus((await list("?q=blue&order=title")).items).sort()).toEqual(["BLUE-M", "BLUE-S"])
      expect(skus((await list("?q=%20%20TEE%20")).items).sort()).toEqual(["BLUE-M", "BLUE-S"])
      expect(skus((await list("?q=cap-1")).items)).toEqual(["CAP-1"])
      expect(skus((await list("?q=100%25")).items)).toEqual(["MUG_1"])
      expect(skus((await list("?q=_")).items)).toEqual(["MUG_1"])
      expect((await list("?q=nothing-like-this")).count).toBe(0)
      const byRetailer = await list("?q=blue-m")
      expect(byRetailer).toMatchObject({ count: 1, items: [expect.objectContaining({ retailer_id: "BLUE-M" })] })
      expect((await list(`?q=blue&status=synced&product_id=${tee.id}`)).count).toBe(2)
      expect((await list(`?q=blue&status=needs_attention`)).count).toBe(0)

      // Sorting: title (product, then variant), status (problems first), last synced (never synced first ascending).
      expect(skus((await list("?order=title")).items)).toEqual(["BLUE-M", "BLUE-S", "CAP-1", "MUG_1"])
      expect(skus((await list("?order=-title")).items)).toEqual(["MUG_1", "CAP-1", "BLUE-S", "BLUE-M"])
      expect((await list("?order=status")).items[0].product_id).toBe(cap.id)
      expect((await list("?order=-status")).items.at(-1)!.product_id).toBe(cap.id)
      const oldestFirst = (await list("?order=last_synced_at")).items
      expect(oldestFirst[0].last_synced_at).toBeNull()
      const newestFirst = (await list("?order=-last_synced_at")).items
      expect(newestFirst.at(-1)!.last_synced_at).toBeNull()
      expect(newestFirst.slice(0, 3).every((i) => i.last_synced_at)).toBe(true)

      // Pagination keeps the order and the total; a page past the end is empty with the same count.
      const first = await list("?order=title&limit=3&offset=0")
      const second = await list("?order=title&limit=3&offset=3")
      expect(first.count).toBe(4)
      expect([...skus(first.items), ...skus(second.items)]).toEqual(["BLUE-M", "BLUE-S", "CAP-1", "MUG_1"])
      expect(await list("?order=title&limit=3&offset=30")).toMatchObject({ count: 4, items: [] })
      expect(skus((await list("?q=blue&order=title&limit=1&offset=1")).items)).toEqual(["BLUE-S"])
      expect((await list("?q=blue&order=title&limit=1&offset=1")).count).toBe(2)

      // A deleted product's item stays listed, without names, until Meta has removed it.
      expect((await admin.delete(`/admin/products/${mug.id}`)).status).toBe(200)
      expect((await list("")).items.filter((i) => i.product_id === mug.id)).toEqual([
        expect.objectContaining({ retailer_id: "MUG_1", product: null, variant: null }),
      ])
      await eventually(() => expect(metaIds()).toEqual(["BLUE-M", "BLUE-S"]))
    })

    it("bulk exclude, include and sync act on the selected rows across products", async () => {
      await connect()
      const { tee, mug } = await seedCatalog()
      const blueM = tee.variants.find((v) => v.sku === "BLUE-M")!.id
      const mug1 = mug.variants[0].id

      const excluded = await admin.post("/admin/meta/catalog/items/exclude", { variant_ids: [mug1, blueM] })
      expect(excluded.status).toBe(200)
      expect(excluded.data.updated).toBe(2)
      expect(excluded.data.items.map((i: ListItem) => [i.variant?.sku, i.excluded])).toEqual([
        ["MUG_1", true],
        ["BLUE-M", true],
      ])
      await eventually(() => expect(metaIds()).toEqual(["BLUE-S"]))
      expect(skus((await list("?excluded=true&order=title")).items)).toEqual(["BLUE-M", "MUG_1"])
      expect(skus((await list("?excluded=false&order=title")).items)).toEqual(["BLUE-S", "CAP-1"])
      expect((await admin.get("/admin/meta/catalog")).data.catalog.totals.excluded).toBe(2)

      const included = await admin.post("/admin/meta/catalog/items/include", { variant_ids: [blueM] })
      expect(included.status).toBe(200)
      expect(included.data).toMatchObject({ updated: 1, items: [expect.objectContaining({ variant_id: blueM, excluded: false })] })
      await eventually(() => expect(metaIds()).toEqual(["BLUE-M", "BLUE-S"]))

      // The same variant twice counts once.
      const synced = await admin.post("/admin/meta/catalog/items/sync", { variant_ids: [blueM, blueM] })
      expect(synced.status).toBe(200)
      expect(synced.data).toMatchObject({ updated: 1, items: [expect.objectContaining({ variant_id: blueM, variant: expect.objectContaining({ sku: "BLUE-M" }) })] })

      // Whole-product include through the product route brings the mug back.
      expect((await admin.post(`/admin/meta/catalog/products/${mug.id}/include`, {})).status).toBe(200)
      await eventually(() => expect(metaIds()).toEqual(["BLUE-M", "BLUE-S", "MUG_1"]))
      expect((await admin.get("/admin/meta/catalog")).data.catalog.totals.excluded).toBe(0)
    })

    it("answers bad input with 400 saying what is wrong, and an unknown variant with 404 naming it", async () => {
      await connect()
      const product = await createProduct({ title: "Checked tee", handle: "checked", skus: ["CHECK-1"] })
      const cases: [() => Promise<any>, RegExp][] = [
        [() => admin.get("/admin/meta/catalog/items?order=price"), /'title, -title, status, -status, last_synced_at, -last_synced_at, updated_at, -updated_at' for field 'order', but got: 'price'/],
        [() => admin.get("/admin/meta/catalog/items?order=title%3B%20DROP%20TABLE%20product"), /field 'order'/],
        [() => admin.get("/admin/meta/catalog/items?excluded=maybe"), /'true, false' for field 'excluded', but got: 'maybe'/],
        [() => admin.get(`/admin/meta/catalog/items?q=${"x".repeat(201)}`), /field 'q' too big, expected at most: '200'/],
        [() => admin.get("/admin/meta/catalog/items?q=a&q=b"), /Expected type: 'string' for field 'q'/],
        [() => admin.get("/admin/meta/catalog/items?sort=title"), /Unrecognized fields: 'sort'/],
        [() => admin.post("/admin/meta/catalog/items/exclude", {}), /Field 'variant_ids' is required/],
        [() => admin.post("/admin/meta/catalog/items/exclude", { variant_ids: [] }), /field 'variant_ids' too small, expected at least: '1'/],
        [() => admin.post("/admin/meta/catalog/items/include", { variant_ids: "x" }), /Expected type: 'array' for field 'variant_ids'/],
        [() => admin.post("/admin/meta/catalog/items/sync", { variant_ids: [""] }), /field 'variant_ids, 0' too small/],
        [() => admin.post("/admin/meta/catalog/items/sync", { variant_ids: Array.from({ length: 201 }, (_, i) => `v${i}`) }), /too big, expected at most: '200'/],
        [() => admin.post("/admin/meta/catalog/items/exclude", { variant_ids: [product.variants[0].id], all: true }), /Unrecognized fields: 'all'/],
      ]
      for (const [request, message] of cases) {
        const res = await request()
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
      }
      const unknown = await admin.post("/admin/meta/catalog/items/exclude", { variant_ids: [product.variants[0].id, "variant_missing"] })
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toMatch(/not in Medusa any more: "variant_missing"\. Reload the list/)
      // Refused whole: the known variant was not excluded either.
      expect((await list("?excluded=true")).count).toBe(0)
    })
  },
})
