import { buildItemsBatchBodies, MAX_REQUESTS_PER_BATCH, type CatalogOperation } from "../items-batch"
import { hintForItemError } from "../item-error-hint"
import { catalogEligibility } from "../eligibility"
import { planOrphanDeletion } from "../reconcile"
import type { MetaCatalogItem } from "../types"

// Only the required fields: batching looks at ids and sizes, not at what the optional fields hold.
const item = (id: string): MetaCatalogItem =>
  ({
    id,
    title: "T",
    description: "D",
    availability: "in stock",
    condition: "new",
    price: "1 USD",
    link: "https://s/p",
    image_link: "https://s/i.jpg",
    brand: "B",
  }) as MetaCatalogItem

describe("buildItemsBatchBodies", () => {
  it.each([
    [0, 0],
    [1, 1],
    [4999, 1],
    [5000, 1],
    [5001, 2],
    [12345, 3],
  ])("%i operations → %i calls", (n, calls) => {
    const ops: CatalogOperation[] = Array.from({ length: n }, (_, i) => ({ kind: "upsert", item: item(`SKU-${i}`) }))
    const bodies = buildItemsBatchBodies(ops)
    expect(bodies).toHaveLength(calls)
    expect(bodies.reduce((sum, b) => sum + b.requests.length, 0)).toBe(n)
    for (const body of bodies) {
      expect(body.requests.length).toBeLessThanOrEqual(MAX_REQUESTS_PER_BATCH)
      expect(body).toMatchObject({ item_type: "PRODUCT_ITEM", allow_upsert: true })
    }
  })

  it("writes UPDATE with the full item and DELETE with only the id; last operation per id wins", () => {
    const bodies = buildItemsBatchBodies([
      { kind: "upsert", item: item("A") },
      { kind: "delete", retailerId: "B" },
      { kind: "delete", retailerId: "A" },
      { kind: "upsert", item: item("B") },
    ])
    expect(bodies[0].requests).toEqual([
      { method: "DELETE", data: { id: "A" } },
      { method: "UPDATE", data: item("B") },
    ])
  })

  it("splits by payload size too", () => {
    const big = { ...item("X"), description: "x".repeat(1000) }
    const ops: CatalogOperation[] = Array.from({ length: 10 }, (_, i) => ({ kind: "upsert", item: { ...big, id: `S${i}` } }))
    const bodies = buildItemsBatchBodies(ops, { maxBytes: 3800 })
    expect(bodies.map((b) => b.requests.length)).toEqual([3, 3, 3, 1])
  })
})

describe("hintForItemError", () => {
  it.each([
    ["Invalid price format: '19,99 USD'", "price"],
    ["sale_price must be lower than price", "sale_price"],
    ["image_link: URL must use https", "image_link"],
    ["Invalid link: must be an https URL", "link"],
    ["Missing required field: title", "title"],
    ["The description is too long", "description"],
    ["Invalid availability value 'instock'", "availability"],
    ["Invalid condition", "condition"],
    ["Missing brand, gtin or mpn", "brand"],
    ["Product rejected for policy violation", "policy"],
    ["Something odd", "item"],
    [undefined, "item"],
  ])("%p → %s", (message, field) => {
    const hint = hintForItemError(message)
    expect(hint.field).toBe(field)
    expect(hint.hint.length).toBeGreaterThan(20)
  })
})

describe("catalogEligibility", () => {
  it.each([
    [{ exists: false }, "deleted"],
    [{ exists: true, status: "published", excluded: true }, "excluded"],
    [{ exists: true, status: "draft" }, "not_published"],
    [{ exists: true, status: "proposed" }, "not_published"],
    [{ exists: true, status: "published", salesChannelId: "sc_1", salesChannelIds: ["sc_2"] }, "not_in_sales_channel"],
    [{ exists: true, status: "published", salesChannelId: "sc_1", salesChannelIds: [] }, "not_in_sales_channel"],
    [{ exists: true, status: "published", salesChannelId: "sc_1", salesChannelIds: ["sc_1"] }, undefined],
    [{ exists: true, status: "published" }, undefined],
  ])("%p → %p", (input, reason) => {
    const result = catalogEligibility(input)
    expect(result.eligible ? undefined : result.reason).toBe(reason)
  })
})

describe("planOrphanDeletion", () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `O${i}`)
  it.each([
    [100, 0, "delete"],
    [100, 10, "delete"],
    [100, 50, "delete"],
    [100, 51, "stop"],
    [10, 9, "delete"],
    [25, 25, "stop"],
    [0, 30, "stop"],
  ])("%i items, %i orphans → %s", (total, orphans, action) => {
    expect(planOrphanDeletion({ metaItemCount: total, orphanRetailerIds: ids(orphans) }).action).toBe(action)
  })
  it("deduplicates ids", () => {
    expect(planOrphanDeletion({ metaItemCount: 10, orphanRetailerIds: ["A", "A"] })).toEqual({ action: "delete", retailerIds: ["A"] })
  })
})
