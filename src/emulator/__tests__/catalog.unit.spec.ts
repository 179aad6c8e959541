import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphGet, graphSend } from "./emulator-test-client"

const item = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  title: "Classic Tee",
  description: "Soft cotton",
  availability: "in stock",
  condition: "new",
  price: "19.99 USD",
  link: `https://shop.example.com/products/${id}`,
  image_link: "https://cdn.example.com/tee.jpg",
  brand: "Acme",
  ...overrides,
})

describe("Graph emulator: catalog items_batch, batch status, listing, product sets", () => {
  let emulator: GraphEmulator
  let token: string
  let catalogId: string

  beforeAll(async () => {
    emulator = await startGraphEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(async () => {
    emulator.reset()
    token = emulator.createSystemUserToken()
    const created = await graphSend(emulator, "POST", "20001/owned_product_catalogs", token, { name: "Store" })
    catalogId = created.body.id
  })

  const batch = (requests: unknown, extra: Record<string, unknown> = {}) =>
    graphSend(emulator, "POST", `${catalogId}/items_batch`, token, { item_type: "PRODUCT_ITEM", allow_upsert: true, requests, ...extra })
  const status = (handle: string) =>
    graphGet(emulator, `${catalogId}/check_batch_request_status`, token, { handle, load_ids_of_invalid_requests: "true" })

  it("upserts and deletes items; the status is in progress, then finished", async () => {
    const sent = await batch([
      { method: "UPDATE", data: item("SKU-1") },
      { method: "UPDATE", data: item("SKU-2", { price: "1000 JPY" }) },
    ])
    expect(sent.status).toBe(200)
    expect(sent.body.handles).toHaveLength(1)
    expect((await status(sent.body.handles[0])).body.data[0].status).toBe("in_progress")
    const done = (await status(sent.body.handles[0])).body.data[0]
    expect(done).toMatchObject({ status: "finished", errors: [], errors_total_count: 0, ids_of_invalid_requests: [] })
    expect(emulator.catalogItems(catalogId).map((i) => i.id)).toEqual(["SKU-1", "SKU-2"])

    await batch([{ method: "DELETE", data: { id: "SKU-1" } }, { method: "UPDATE", data: { id: "SKU-2", price: "900 JPY" } }])
    expect(emulator.catalogItems(catalogId)).toEqual([expect.objectContaining({ id: "SKU-2", price: "900 JPY", title: "Classic Tee" })])
    expect(emulator.state.catalogs[catalogId].productCount).toBe(1)
  })

  it("an UPDATE keeps fields it leaves out and clears fields it sends empty", async () => {
    const rich = { gtin: "4006381333931", color: "Blue", sale_price: "9.99 USD", additional_image_link: ["https://cdn.example.com/2.jpg"], quantity_to_sell_on_facebook: 3 }
    await batch([{ method: "UPDATE", data: item("SKU-1", rich) }])
    await batch([{ method: "UPDATE", data: { id: "SKU-1", price: "18.99 USD" } }])
    expect(emulator.catalogItems(catalogId)[0]).toMatchObject({ ...rich, price: "18.99 USD" })

    const cleared = await batch([
      { method: "UPDATE", data: { id: "SKU-1", gtin: "", color: "", sale_price: "", additional_image_link: [], quantity_to_sell_on_facebook: "" } },
    ])
    await status(cleared.body.handles[0])
    expect((await status(cleared.body.handles[0])).body.data[0].errors).toEqual([])
    const [stored] = emulator.catalogItems(catalogId)
    for (const field of Object.keys(rich)) expect(stored).not.toHaveProperty(field)
    expect(stored).toMatchObject({ title: "Classic Tee", price: "18.99 USD" })

    // A required field sent empty is missing: the request fails and the stored item stays as it was.
    const emptied = await batch([{ method: "UPDATE", data: { id: "SKU-1", image_link: "" } }])
    await status(emptied.body.handles[0])
    expect((await status(emptied.body.handles[0])).body.data[0].errors[0].message).toMatch(/Missing required field: image_link/)
    expect(emulator.catalogItems(catalogId)[0].image_link).toBe("https://cdn.example.com/tee.jpg")
  })

  it.each([
    ["missing title", { title: "" }, /Missing required field: title/],
    ["comma decimal price", { price: "19,99 USD" }, /Invalid price format/],
    ["unknown currency", { price: "19.99 XYZ" }, /Invalid currency "XYZ"/],
    ["price without currency", { price: "19.99" }, /Invalid price format/],
    ["availability without space", { availability: "instock" }, /Invalid availability value/],
    ["http link", { link: "http://shop.example.com/p" }, /link .* must use https/],
    ["image that is not a URL", { image_link: "a.jpg" }, /image_link .* not a valid URL/],
    ["image on localhost", { image_link: "http://localhost:9000/static/a.jpg" }, /image_link .* not reachable from the internet/],
    ["image on a private network", { additional_image_link: ["https://192.168.1.20/b.jpg"] }, /additional_image_link .* not reachable from the internet/],
    ["sale not lower", { sale_price: "25.00 USD" }, /sale_price must be lower/],
    ["no brand nor gtin", { brand: undefined }, /brand/],
    ["retailer_id inside data", { retailer_id: "X" }, /retailer_id/],
    ["negative quantity", { quantity_to_sell_on_facebook: -1 }, /quantity_to_sell_on_facebook/],
  ])("reports an item-level error for %s and does not apply the item", async (_, overrides, message) => {
    const sent = await batch([{ method: "UPDATE", data: item("BAD", overrides) }, { method: "UPDATE", data: item("GOOD") }])
    await status(sent.body.handles[0])
    const done = (await status(sent.body.handles[0])).body.data[0]
    expect(done.errors).toEqual([expect.objectContaining({ line: 1, id: "BAD", message: expect.stringMatching(message) })])
    expect(done.ids_of_invalid_requests).toEqual(["BAD"])
    expect(emulator.catalogItems(catalogId).map((i) => i.id)).toEqual(["GOOD"])
  })

  it("takes public images over http, while product links need https", async () => {
    const sent = await batch([{ method: "UPDATE", data: item("PLAIN", { image_link: "http://cdn.example.com/a.jpg", additional_image_link: ["http://cdn.example.com/b.jpg"] }) }])
    await status(sent.body.handles[0])
    expect((await status(sent.body.handles[0])).body.data[0].errors).toEqual([])
    expect(emulator.catalogItems(catalogId).map((i) => i.image_link)).toEqual(["http://cdn.example.com/a.jpg"])
  })

  it("rejects whole calls that break Meta's request rules", async () => {
    const tooMany = Array.from({ length: 5001 }, (_, i) => ({ method: "DELETE", data: { id: `S${i}` } }))
    expect((await batch(tooMany)).body.error).toMatchObject({ code: 100, message: expect.stringContaining("5000") })
    expect((await batch([], { item_type: "HOTEL" })).body.error.message).toContain("item_type")
    expect((await graphSend(emulator, "POST", `${catalogId}/items_batch`, token, { requests: [] })).body.error.message).toContain("item_type")
    expect((await status("nope")).body.error.code).toBe(100)
    const badMethod = await batch([{ method: "UPSERT", data: { id: "A" } }])
    await status(badMethod.body.handles[0])
    expect((await status(badMethod.body.handles[0])).body.data[0].errors[0].message).toContain("Invalid method")
    const noUpsert = await batch([{ method: "UPDATE", data: item("NEW") }], { allow_upsert: false })
    await status(noUpsert.body.handles[0])
    expect((await status(noUpsert.body.handles[0])).body.data[0].ids_of_invalid_requests).toEqual(["NEW"])
  })

  it("lists items page by page with retailer ids, and counts product sets", async () => {
    await batch(Array.from({ length: 30 }, (_, i) => ({ method: "UPDATE", data: item(`SKU-${String(i).padStart(2, "0")}`) })))
    const first = await graphGet(emulator, `${catalogId}/products`, token, { fields: "id,retailer_id,price", limit: "25" })
    expect(first.body.data).toHaveLength(25)
    expect(first.body.data[0]).toEqual({ id: expect.any(String), retailer_id: "SKU-00", price: "19.99 USD" })
    const second = await graphGet(emulator, `${catalogId}/products`, token, { fields: "retailer_id", limit: "25", after: first.body.paging.cursors.after })
    expect(second.body.data).toHaveLength(5)
    expect(second.body.paging.next).toBeUndefined()

    const set = await graphSend(emulator, "POST", `${catalogId}/product_sets`, token, {
      name: "Two tees",
      filter: JSON.stringify({ retailer_id: { is_any: ["SKU-01", "SKU-02"] } }),
    })
    expect(set.body.id).toEqual(expect.any(String))
    const sets = await graphGet(emulator, `${catalogId}/product_sets`, token)
    expect(sets.body.data).toEqual([expect.objectContaining({ id: set.body.id, name: "Two tees", product_count: 2 })])
  })

  it("needs catalog_management, answers BUC usage headers and injected throttles", async () => {
    const weak = emulator.createSystemUserToken({ scopes: ["business_management"] })
    const denied = await graphSend(emulator, "POST", `${catalogId}/items_batch`, weak, { item_type: "PRODUCT_ITEM", requests: [] })
    expect(denied.body.error.code).toBe(200)
    const ok = await batch([{ method: "UPDATE", data: item("A") }])
    expect(JSON.parse(ok.headers.get("x-business-use-case-usage") ?? "{}")[catalogId][0].type).toBe("catalog_batch")
    emulator.injectFault({ kind: "throttle", path: "items_batch", throttle: { type: "catalog_batch", objectId: catalogId, minutes: 2 } })
    const throttled = await batch([{ method: "UPDATE", data: item("B") }])
    expect(throttled.body.error.code).toBe(80014)
    expect(emulator.catalogItems(catalogId).map((i) => i.id)).toEqual(["A"])
  })
})
