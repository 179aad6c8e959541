import { DiscoveredAsset, EMPTY_SELECTION, chooseSelections, unknownSelections } from "../select-assets"

const a = (type: DiscoveredAsset["type"], meta_id: string, parent: string | null = null, name = meta_id): DiscoveredAsset => ({
  type,
  meta_id,
  name,
  parent_meta_id: parent,
  metadata: null,
})

const world: DiscoveredAsset[] = [
  a("business", "B1"),
  a("business", "B2"),
  a("page", "P1"),
  a("page", "P2"),
  a("instagram_account", "IG2", "P2"),
  a("ad_account", "act_9", "B2"),
  a("ad_account", "act_1", "B1"),
  a("pixel", "X1", "B1"),
  a("catalog", "C1", "B1"),
]

describe("chooseSelections", () => {
  it("defaults to the first business, its ad account, the first page; leaves catalog and pixel to auto-setup", () => {
    expect(chooseSelections(EMPTY_SELECTION, world)).toEqual({
      business_id: "B1",
      page_id: "P1",
      instagram_account_id: "IG2",
      ad_account_id: "act_1",
      pixel_id: null,
      catalog_id: null,
    })
  })

  it("prefers the Instagram account linked to the chosen page", () => {
    const withTwo = [...world, a("instagram_account", "IG1", "P1")]
    expect(chooseSelections(EMPTY_SELECTION, withTwo).instagram_account_id).toBe("IG1")
  })

  it("keeps every previous choice that is still available", () => {
    const previous = {
      business_id: "B2",
      page_id: "P2",
      instagram_account_id: "IG2",
      ad_account_id: "act_9",
      pixel_id: "X1",
      catalog_id: "C1",
    }
    expect(chooseSelections(previous, world)).toEqual(previous)
  })

  it("keeps the catalog and pixel even when the token can no longer see them (never swaps them)", () => {
    const previous = { ...EMPTY_SELECTION, pixel_id: "X-gone", catalog_id: "C-gone" }
    const chosen = chooseSelections(previous, world)
    expect(chosen.pixel_id).toBe("X-gone")
    expect(chosen.catalog_id).toBe("C-gone")
  })

  it("replaces a page or business that disappeared", () => {
    const chosen = chooseSelections({ ...EMPTY_SELECTION, business_id: "B-gone", page_id: "P-gone" }, world)
    expect(chosen.business_id).toBe("B1")
    expect(chosen.page_id).toBe("P1")
  })

  it("copes with a token that sees nothing", () => {
    expect(chooseSelections(EMPTY_SELECTION, [])).toEqual(EMPTY_SELECTION)
  })
})

describe("unknownSelections", () => {
  it("accepts ids of the right type and null", () => {
    expect(unknownSelections({ page_id: "P2", catalog_id: null }, world)).toEqual([])
  })

  it("names ids that are unknown or of another type", () => {
    expect(unknownSelections({ page_id: "B1", pixel_id: "X9", business_id: "B2" }, world)).toEqual([
      "page_id",
      "pixel_id",
    ])
  })
})
