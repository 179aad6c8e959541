import { isOutOfStock, suggest, type SuggestionInput } from "../suggestions"

const healthy: SuggestionInput = {
  connected: true,
  connectionStatus: "active",
  missingPermissions: [],
  publishing: { enabled: true, failed: 0, total: 4 },
  catalog: { enabled: true, errors: 0 },
  capi: { enabled: true, failed: 0 },
  ads: { enabled: true, hasAccount: true, campaigns: 3, activeCampaigns: [], outOfStockAdvertised: [] },
}
const kinds = (input: Partial<SuggestionInput>) => suggest({ ...healthy, ...input }).map((s) => s.kind)

describe("suggest", () => {
  it("a store that is not connected is told to connect, nothing else", () => {
    expect(suggest({ ...healthy, connected: false })).toEqual([expect.objectContaining({ kind: "connect", link: "/settings/meta" })])
  })

  it("a healthy store gets no suggestion", () => {
    expect(kinds({})).toEqual([])
  })

  it("campaigns below 1.5 ROAS over 7 days with spend are named with their ROAS", () => {
    const [s] = suggest({
      ...healthy,
      ads: {
        ...healthy.ads,
        activeCampaigns: [
          { meta_id: "1", name: "Summer", spend_7d: "120.00", roas_7d: "0.8" },
          { meta_id: "2", name: "Winter", spend_7d: "80.00", roas_7d: "1.4999" },
          { meta_id: "3", name: "Exactly", spend_7d: "80.00", roas_7d: "1.5" },
          { meta_id: "4", name: "No spend", spend_7d: "0.00", roas_7d: null },
          { meta_id: "5", name: "Spend no sales", spend_7d: "10", roas_7d: "0" },
        ],
      },
    })
    expect(s.kind).toBe("low_roas_campaigns")
    expect(s.numbers.campaigns).toBe(3)
    expect(s.message).toMatch(/^3 campaigns below 1\.5 ROAS over 7 days: review them \(Summer 0\.8, Winter 1\.4999, Spend no sales 0\)\.$/)
  })

  it("a product out of stock but still advertised links to the product", () => {
    const [s] = suggest({ ...healthy, ads: { ...healthy.ads, outOfStockAdvertised: [{ product_id: "prod_1", title: "Red shirt", ads: 1 }] } })
    expect(s).toMatchObject({ kind: "out_of_stock_advertised", link: "/products/prod_1", message: "Red shirt is out of stock but still advertised by 1 active ad: pause it or restock." })
  })

  it("failures and missing permissions point at their screens", () => {
    const all = suggest({
      ...healthy,
      connectionStatus: "revoked",
      missingPermissions: [{ feature: "ads", permissions: ["ads_read"] }, { feature: "catalog", permissions: [] }],
      publishing: { enabled: true, failed: 1, total: 1 },
      catalog: { enabled: true, errors: 12 },
      capi: { enabled: true, failed: 2 },
    })
    expect(all.map((s) => [s.kind, s.link])).toEqual([
      ["reconnect", "/settings/meta"],
      ["missing_permissions", "/settings/meta"],
      ["failed_publications", "/meta/publishing?view=list&status=failed"],
      ["catalog_errors", "/meta/catalog?status=error"],
      ["capi_failing", "/meta/events"],
    ])
    expect(all[2].message).toBe("1 publication failed: open it to see why and retry.")
  })

  it("empty states say how to start; features that are off say nothing", () => {
    expect(kinds({ publishing: { enabled: true, failed: 0, total: 0 }, ads: { ...healthy.ads, campaigns: 0 } })).toEqual(["first_campaign", "first_publication"])
    expect(
      kinds({
        publishing: { enabled: false, failed: 5, total: 0 },
        catalog: { enabled: false, errors: 5 },
        capi: { enabled: false, failed: 5 },
        ads: { ...healthy.ads, enabled: false, campaigns: 0 },
      })
    ).toEqual([])
  })
})

describe("isOutOfStock", () => {
  const level = (stocked: number, reserved = 0) => ({ stocked_quantity: stocked, reserved_quantity: reserved })
  const variant = (levels: ReturnType<typeof level>[], extra: Record<string, unknown> = {}) => ({ manage_inventory: true, allow_backorder: false, inventory_items: [{ required_quantity: 1, inventory: { location_levels: levels } }], ...extra })

  it("no variant with a sellable unit is out of stock", () => {
    expect(isOutOfStock({ id: "p", title: "T", variants: [variant([level(0)]), variant([level(3, 3)])] })).toBe(true)
    // Over-reserved at one location takes from the other.
    expect(isOutOfStock({ id: "p", title: "T", variants: [variant([level(2), level(0, 2)])] })).toBe(true)
  })

  it("one sellable variant, a backorder or an unmanaged variant keeps it in stock", () => {
    expect(isOutOfStock({ id: "p", title: "T", variants: [variant([level(0)]), variant([level(1)])] })).toBe(false)
    expect(isOutOfStock({ id: "p", title: "T", variants: [variant([level(0)], { allow_backorder: true })] })).toBe(false)
    expect(isOutOfStock({ id: "p", title: "T", variants: [variant([level(0)], { manage_inventory: false })] })).toBe(false)
  })

  it("a pack needing more units than stocked is out of stock; no variants or no inventory item says nothing", () => {
    expect(isOutOfStock({ id: "p", title: "T", variants: [{ manage_inventory: true, inventory_items: [{ required_quantity: 3, inventory: { location_levels: [level(2)] } }] }] })).toBe(true)
    expect(isOutOfStock({ id: "p", title: "T", variants: [] })).toBe(false)
    expect(isOutOfStock({ id: "p", title: "T", variants: [{ manage_inventory: true, inventory_items: [] }] })).toBe(false)
  })
})
