import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"
import { createAdminHeaders } from "../helpers/admin-auth"
import { catalogWorker } from "../helpers/catalog-worker"
import { startMediaServer, type MediaServer } from "../helpers/media-server"
import { useTestEmulator, waitFor } from "../helpers/meta-env"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9887
const IG = "40001"
// The test syncs the catalog itself (a product created afterwards stays unsynced).
process.env.META_CATALOG_WORKER = "off"
process.env.META_STOREFRONT_URL = "https://shop.example.com"

const emulator = useTestEmulator(EMULATOR_PORT)

medusaIntegrationTestRunner({
  dbName: "meta-it-publishing-tags",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let media: MediaServer
    let igAccountId: string
    let catalogId: string
    let salesChannelId: string
    const admin = {
      get: (path: string) => api.get(path, { headers }),
      post: (path: string, body: unknown = {}) => api.post(path, body, { headers }),
    }
    const attempt = (path: string, body: unknown) => api.post(path, body, { headers }).catch((e: any) => e.response)
    const meta = () => getContainer().resolve<MetaModuleService>(META_MODULE)
    const { eventually } = catalogWorker(getContainer)

    const publication = async (id: string) => (await admin.get(`/admin/meta/publications/${id}`)).data.publication
    const settled = (id: string) =>
      waitFor(() => publication(id), (p) => p.status === "published" || p.status === "failed", "the publication to settle", 60_000)

    async function createProduct(handle: string, sku: string) {
      const { data } = await admin.post("/admin/products", {
        title: `Tote ${handle}`,
        handle,
        status: "published",
        description: "Canvas",
        images: [{ url: "https://cdn.example.com/tote.jpg" }],
        thumbnail: "https://cdn.example.com/tote.jpg",
        options: [{ title: "Size", values: ["One"] }],
        sales_channels: [{ id: salesChannelId }],
        variants: [{ title: "One", sku, options: { Size: "One" }, manage_inventory: false, prices: [{ amount: 25, currency_code: "eur" }] }],
      })
      return data.product as { id: string }
    }

    /** Products synced to the catalog (items in Meta, rows `synced`), as a merchant has them after catalog sync. */
    async function syncedProducts(...skus: string[]) {
      const products = []
      for (const sku of skus) products.push(await createProduct(sku.toLowerCase(), sku))
      await eventually(async () => {
        expect(emulator.catalogItems(catalogId).map((i) => i.id).sort()).toEqual(expect.arrayContaining(skus))
        const rows = await meta().listMetaCatalogItems({ product_id: products.map((p) => p.id), status: "synced" })
        expect(rows).toHaveLength(skus.length)
      })
      return products
    }

    async function publishNow(body: Record<string, unknown>) {
      const { data } = await admin.post("/admin/meta/publications", { account_id: igAccountId, ...body })
      await admin.post(`/admin/meta/publications/${data.publication.id}/publish`)
      return settled(data.publication.id)
    }

    const containerCalls = () => emulator.requests({ method: "POST", path: new RegExp(`${IG}/media$`) })

    beforeAll(async () => {
      media = await startMediaServer()
    })
    afterAll(async () => {
      await media.close()
    })

    beforeEach(async () => {
      emulator.reset()
      emulator.publishing.setContainerDelays({ imageMs: 100, videoMs: 200 })
      headers = (await createAdminHeaders(getContainer(), api)).headers
      const channels = await admin.get("/admin/sales-channels")
      salesChannelId = channels.data.sales_channels[0].id
      const connected = await admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken() })
      catalogId = connected.data.connection.selected.catalog_id
      expect(catalogId).toBeTruthy()
      const { data } = await admin.get("/admin/meta/publishing/accounts")
      const ig = data.accounts.find((a: any) => a.meta_id === IG)
      igAccountId = ig.id
      await admin.post(`/admin/meta/publishing/accounts/${ig.id}`, { enabled: true })
    })

    it("an image post from a synced product carries its tag at the placed spot, and the account shows it may tag", async () => {
      const [tote] = await syncedProducts("TOTE-1")
      const accounts = (await admin.get("/admin/meta/publishing/accounts")).data.accounts
      expect(accounts.find((a: any) => a.meta_id === IG).product_tag_eligible).toBe(true)

      const done = await publishNow({
        kind: "instagram_image",
        caption: "The tote",
        media: [{ url: media.image(1080, 1080) }],
        product_ids: [tote.id],
        product_tags: [{ product_id: tote.id, x: 0.3, y: 0.7 }],
      })
      expect(done).toMatchObject({ status: "published", last_error: null, publish_warnings: [], product_tags: [{ product_id: tote.id, x: 0.3, y: 0.7 }] })
      const [search] = emulator.requests({ method: "GET", path: /catalog_product_search$/ })
      expect(search.query).toMatchObject({ catalog_id: catalogId, q: "TOTE-1" })
      const posted = emulator.publishing.mediaById(done.meta_post_id)
      expect(posted?.productTags).toEqual([{ product_id: expect.stringMatching(/^\d+$/), x: 0.3, y: 0.7 }])
    })

    it("a carousel carries its tags on the children, products shown but not placed at a default spot", async () => {
      const [a, b, c] = await syncedProducts("TOTE-A", "TOTE-B", "TOTE-C")
      const done = await publishNow({
        kind: "instagram_carousel",
        caption: "Three totes",
        media: [{ url: media.image(1080, 1080, "one") }, { url: media.image(1080, 1080, "two") }],
        product_ids: [a.id, b.id, c.id],
        product_tags: [
          { product_id: a.id, media_index: 0, x: 0.2, y: 0.2 },
          { product_id: b.id, media_index: 1, x: 0.8, y: 0.6 },
        ],
      })
      expect(done).toMatchObject({ status: "published", publish_warnings: [] })
      const album = emulator.publishing.mediaById(done.meta_post_id)!
      expect(album.productTags).toBeUndefined()
      const [first, second] = album.children!.map((id) => emulator.publishing.mediaById(id)!)
      expect(first.productTags).toEqual([
        { product_id: expect.any(String), x: 0.2, y: 0.2 },
        { product_id: expect.any(String), x: expect.any(Number), y: expect.any(Number) },
      ])
      expect(second.productTags).toEqual([{ product_id: expect.any(String), x: 0.8, y: 0.6 }])
      const parentCall = containerCalls().find((r: any) => r.body?.media_type === "CAROUSEL")
      expect(parentCall?.body.product_tags).toBeUndefined()
    })

    it("an account that may not tag products publishes without tags and says so", async () => {
      emulator.publishing.setShop(IG, { eligible: false })
      const [tote] = await syncedProducts("TOTE-X")
      const accounts = (await admin.get("/admin/meta/publishing/accounts")).data.accounts
      expect(accounts.find((a: any) => a.meta_id === IG).product_tag_eligible).toBe(false)

      const done = await publishNow({ kind: "instagram_image", media: [{ url: media.image(1080, 1080) }], product_ids: [tote.id] })
      expect(done.status).toBe("published")
      expect(done.publish_warnings).toEqual([expect.objectContaining({ field: "product_tags", severity: "warning", message: expect.stringContaining("without product tags") })])
      expect(containerCalls()[0].body.product_tags).toBeUndefined()
      expect(emulator.publishing.mediaById(done.meta_post_id)?.productTags).toBeUndefined()
    })

    it("a product not in the synced catalog is published without its tag, with a warning naming it", async () => {
      const [synced] = await syncedProducts("TOTE-S")
      const fresh = await createProduct("fresh-tote", "TOTE-F")
      const done = await publishNow({
        kind: "instagram_image",
        media: [{ url: media.image(1080, 1080) }],
        product_ids: [synced.id, fresh.id],
        product_tags: [{ product_id: fresh.id, x: 0.5, y: 0.5 }],
      })
      expect(done.status).toBe("published")
      expect(done.publish_warnings).toEqual([expect.objectContaining({ message: expect.stringMatching(/“Tote fresh-tote” is not in the synced Meta catalog/) })])
      const tags = emulator.publishing.mediaById(done.meta_post_id)?.productTags
      expect(tags).toHaveLength(1)
    })

    it("bad tags are refused with a 400 naming the field, before any Meta call", async () => {
      const ids = ["p1", "p2", "p3", "p4", "p5", "p6"]
      const base = { account_id: igAccountId, kind: "instagram_image", media: [{ url: media.image(1080, 1080) }], product_ids: ids }
      const six = await attempt("/admin/meta/publications", { ...base, product_tags: ids.map((product_id, i) => ({ product_id, x: i / 10, y: 0.5 })) })
      expect(six.status).toBe(400)
      expect(six.data.message).toMatch(/product_tags/)
      expect(six.data.message).toMatch(/at most 5/)

      const outside = await attempt("/admin/meta/publications", { ...base, product_tags: [{ product_id: "p1", x: 1.5, y: 0.5 }] })
      expect(outside.status).toBe(400)
      expect(outside.data.message).toMatch(/product_tags/)
      expect(outside.data.message).toMatch(/x/)

      const notShown = await attempt("/admin/meta/publications", { ...base, product_ids: ["p1"], product_tags: [{ product_id: "p9", x: 0.5, y: 0.5 }] })
      expect(notShown.status).toBe(400)
      expect(notShown.data.message).toMatch(/product_tags\.0\.product_id/)

      const checked = await admin.post("/admin/meta/publications/validate", { ...base, product_ids: ["p1"], product_tags: [{ product_id: "p1", media_index: 3 }] })
      expect(checked.data.valid).toBe(false)
      expect(checked.data.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: "product_tags.0.media_index" })]))
      expect(containerCalls()).toHaveLength(0)
    })
  },
})
