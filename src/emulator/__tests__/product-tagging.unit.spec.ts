import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet, graphSend } from "./emulator-test-client"
import { startMediaServer, type MediaServer } from "./media-server"

const IG = "40001"
const BUSINESS = "20001"

const item = (id: string, title = "Classic Tee") => ({
  id,
  title,
  description: "Soft cotton",
  availability: "in stock",
  condition: "new",
  price: "19.99 USD",
  link: `https://shop.example.com/products/${id}`,
  image_link: "https://cdn.example.com/tee.jpg",
  brand: "Acme",
})

describe("Graph emulator: Instagram product tagging", () => {
  let emulator: GraphEmulator
  let media: MediaServer
  let token: string
  let catalogId: string
  const productIds: Record<string, string> = {}

  beforeAll(async () => {
    emulator = await startGraphEmulator()
    media = await startMediaServer()
  })
  afterAll(async () => {
    await emulator.close()
    await media.close()
  })
  beforeEach(async () => {
    emulator.reset()
    emulator.publishing.setContainerDelays({ imageMs: 20, videoMs: 20 })
    token = emulator.createSystemUserToken()
    catalogId = (await graphSend(emulator, "POST", `${BUSINESS}/owned_product_catalogs`, token, { name: "Store" })).body.id
    const requests = ["TEE-M", "TEE-L", "CAP", "SOCK", "BAG", "MUG"].map((id) => ({ method: "UPDATE", data: item(id, id === "CAP" ? "Baseball Cap" : "Classic Tee") }))
    await graphSend(emulator, "POST", `${catalogId}/items_batch`, token, { item_type: "PRODUCT_ITEM", allow_upsert: true, requests })
    const listed = await graphGet(emulator, `${catalogId}/products`, token, { fields: "id,retailer_id", limit: "25" })
    for (const row of listed.body.data) productIds[row.retailer_id] = row.id
  })

  const create = (params: Record<string, unknown>, as = token) => graphSend(emulator, "POST", `${IG}/media`, as, params)
  const tags = (list: unknown[]) => JSON.stringify(list)
  const image = () => media.url("/square.jpg")

  it("reads the account's eligibility and its Shop's catalogs, and finds a product by retailer id or name", async () => {
    const eligibility = await graphGet(emulator, IG, token, { fields: "shopping_product_tag_eligibility" })
    expect(eligibility.body).toEqual({ id: IG, shopping_product_tag_eligibility: true })
    const catalogs = await graphGet(emulator, `${IG}/available_catalogs`, token)
    expect(catalogs.body.data).toEqual([{ catalog_id: catalogId, catalog_name: "Store", shop_name: expect.any(String), product_count: 6 }])

    const bySku = await graphGet(emulator, `${IG}/catalog_product_search`, token, { catalog_id: catalogId, q: "TEE-M" })
    expect(bySku.body.data).toEqual([expect.objectContaining({ product_id: Number(productIds["TEE-M"]), retailer_id: "TEE-M", review_status: "approved" })])
    const byName = await graphGet(emulator, `${IG}/catalog_product_search`, token, { catalog_id: catalogId, q: "cap" })
    expect(byName.body.data.map((p: any) => p.retailer_id)).toEqual(["CAP"])

    const missing = await graphGet(emulator, `${IG}/catalog_product_search`, token, { q: "TEE" })
    expect(missing.status).toBe(400)
    const other = await graphGet(emulator, `${IG}/catalog_product_search`, token, { catalog_id: "99999", q: "TEE" })
    expect(other.body.error.message).toContain("catalog_id")
  })

  it("an ineligible account says so and has no catalogs; tags on its containers are refused", async () => {
    emulator.publishing.setShop(IG, { eligible: false })
    expect((await graphGet(emulator, IG, token, { fields: "shopping_product_tag_eligibility" })).body.shopping_product_tag_eligibility).toBe(false)
    expect((await graphGet(emulator, `${IG}/available_catalogs`, token)).body.data).toEqual([])
    const refused = await create({ image_url: image(), product_tags: tags([{ product_id: productIds["CAP"], x: 0.5, y: 0.5 }]) })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toContain("not eligible")
  })

  it("needs instagram_shopping_tag_products and catalog_management (code 10)", async () => {
    const weak = emulator.createSystemUserToken({ scopes: ["business_management", "pages_show_list", "instagram_basic", "instagram_content_publish"] })
    const field = await graphGet(emulator, IG, weak, { fields: "shopping_product_tag_eligibility" })
    expect(field.body.error.code).toBe(10)
    expect((await graphGet(emulator, `${IG}/available_catalogs`, weak)).body.error.code).toBe(10)
    const tagged = await create({ image_url: image(), product_tags: tags([{ product_id: productIds["CAP"], x: 0.5, y: 0.5 }]) }, weak)
    expect(tagged.body.error.code).toBe(10)
    // Untagged posts need neither.
    expect((await create({ image_url: image() }, weak)).status).toBe(200)
  })

  it("keeps an image's tags through publishing, readable on the media and through /product_tags", async () => {
    const sent = [
      { product_id: productIds["CAP"], x: 0.25, y: 0.75 },
      { product_id: Number(productIds["TEE-M"]), x: "0.5", y: "0.5" },
    ]
    const id = (await create({ image_url: image(), caption: "Tagged", product_tags: tags(sent) })).body.id
    for (let i = 0; i < 100 && (await graphGet(emulator, id, token, { fields: "status_code" })).body.status_code !== "FINISHED"; i++) {
      await new Promise((r) => setTimeout(r, 10))
    }
    const published = await graphSend(emulator, "POST", `${IG}/media_publish`, token, { creation_id: id })
    expect(published.status).toBe(200)
    const stored = emulator.publishing.mediaById(published.body.id)
    expect(stored?.productTags).toEqual([
      { product_id: productIds["CAP"], x: 0.25, y: 0.75 },
      { product_id: productIds["TEE-M"], x: 0.5, y: 0.5 },
    ])
    const read = await graphGet(emulator, `${published.body.id}/product_tags`, token)
    expect(read.body.data).toEqual([
      expect.objectContaining({ product_id: Number(productIds["CAP"]), x: 0.25, y: 0.75 }),
      expect.objectContaining({ product_id: Number(productIds["TEE-M"]), x: 0.5, y: 0.5 }),
    ])
  })

  it.each<[string, Record<string, unknown>, { code: number; subcode?: number; text?: string }]>([
    ["x/y on a reel (2207035)", { media_type: "REELS", video_url: "/reel.mp4", product_tags: [{ product: "CAP", x: 0.5, y: 0.5 }] }, { code: 100, subcode: 2207035 }],
    ["x/y on a carousel video (2207035)", { media_type: "VIDEO", is_carousel_item: true, video_url: "/reel.mp4", product_tags: [{ product: "CAP", x: 0.1, y: 0.1 }] }, { code: 100, subcode: 2207035 }],
    ["no x/y on an image (2207036)", { image_url: "/square.jpg", product_tags: [{ product: "CAP" }] }, { code: 100, subcode: 2207036 }],
    ["only x on an image (2207036)", { image_url: "/square.jpg", product_tags: [{ product: "CAP", x: 0.3 }] }, { code: 100, subcode: 2207036 }],
    ["x outside 0–1", { image_url: "/square.jpg", product_tags: [{ product: "CAP", x: 1.5, y: 0.5 }] }, { code: 100, text: "0.0 to 1.0" }],
    ["y negative", { image_url: "/square.jpg", product_tags: [{ product: "CAP", x: 0.5, y: -0.01 }] }, { code: 100, text: "0.0 to 1.0" }],
    ["x not a number", { image_url: "/square.jpg", product_tags: [{ product: "CAP", x: "left", y: 0.5 }] }, { code: 100, text: "0.0 to 1.0" }],
    ["six tags", { image_url: "/square.jpg", product_tags: ["TEE-M", "TEE-L", "CAP", "SOCK", "BAG", "MUG"].map((product, i) => ({ product, x: i / 10, y: 0.5 })) }, { code: 100, text: "at most 5" }],
    ["the same product twice", { image_url: "/square.jpg", product_tags: [{ product: "CAP", x: 0.1, y: 0.1 }, { product: "CAP", x: 0.9, y: 0.9 }] }, { code: 100, text: "repeat" }],
    ["an unknown product (2207037)", { image_url: "/square.jpg", product_tags: [{ product_id: "123456789", x: 0.5, y: 0.5 }] }, { code: 100, subcode: 2207037 }],
    ["tags on a story", { media_type: "STORIES", image_url: "/square.jpg", product_tags: [{ product: "CAP", x: 0.5, y: 0.5 }] }, { code: 100, text: "stories" }],
    ["not JSON", { image_url: "/square.jpg", product_tags: "[{product_id:" }, { code: 100, text: "JSON array" }],
  ])("refuses %s", async (_, params, expected) => {
    const body: Record<string, unknown> = { ...params }
    for (const key of ["image_url", "video_url"]) if (typeof body[key] === "string") body[key] = media.url(body[key] as string)
    if (Array.isArray(body.product_tags)) {
      body.product_tags = tags(
        (body.product_tags as Record<string, unknown>[]).map(({ product, ...rest }) => (product ? { product_id: productIds[product as string], ...rest } : rest))
      )
    }
    const answer = await create(body)
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe(expected.code)
    if (expected.subcode) expect(answer.body.error.error_subcode).toBe(expected.subcode)
    if (expected.text) expect(answer.body.error.message).toContain(expected.text)
  })

  it("takes tags without positions on reels and carousel videos, and refuses them on the carousel parent", async () => {
    const reel = await create({ media_type: "REELS", video_url: media.url("/reel.mp4"), product_tags: tags([{ product_id: productIds["CAP"] }]) })
    expect(reel.status).toBe(200)
    expect(emulator.publishing.containers(IG).find((c) => c.id === reel.body.id)?.productTags).toEqual([{ product_id: productIds["CAP"] }])
    const a = (await create({ is_carousel_item: true, image_url: image(), product_tags: tags([{ product_id: productIds["CAP"], x: 0.2, y: 0.2 }]) })).body.id
    const b = (await create({ is_carousel_item: true, media_type: "VIDEO", video_url: media.url("/reel.mp4"), product_tags: tags([{ product_id: productIds["BAG"] }]) })).body.id
    const parent = await create({ media_type: "CAROUSEL", children: `${a},${b}`, product_tags: tags([{ product_id: productIds["CAP"], x: 0.5, y: 0.5 }]) })
    expect(parent.status).toBe(400)
    expect(parent.body.error.message).toContain("carousel items")
  })

  it("refuses rejected products and accepts pending ones; a Shop on another catalog cannot tag this one's products", async () => {
    emulator.publishing.setShop(IG, { eligible: true, reviewStatus: { CAP: "rejected", BAG: "pending" } })
    const search = await graphGet(emulator, `${IG}/catalog_product_search`, token, { catalog_id: catalogId, q: "CAP" })
    expect(search.body.data[0].review_status).toBe("rejected")
    expect((await create({ image_url: image(), product_tags: tags([{ product_id: productIds["CAP"], x: 0.5, y: 0.5 }]) })).body.error.error_subcode).toBe(2207037)
    expect((await create({ image_url: image(), product_tags: tags([{ product_id: productIds["BAG"], x: 0.5, y: 0.5 }]) })).status).toBe(200)

    emulator.publishing.setShop(IG, { eligible: true, catalogIds: ["55555"] })
    expect((await create({ image_url: image(), product_tags: tags([{ product_id: productIds["BAG"], x: 0.5, y: 0.5 }]) })).body.error.error_subcode).toBe(2207037)
  })
})
