import { DiscoveredAsset, EMPTY_SELECTION, chooseSelections, pageInstagramMismatch, unknownSelections } from "../select-assets"

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
  it("defaults to the first business, its ad account, the Page with an Instagram account and that account; leaves catalog and pixel to auto-setup", () => {
    expect(chooseSelections(EMPTY_SELECTION, world)).toEqual({
      business_id: "B1",
      page_id: "P2",
      instagram_account_id: "IG2",
      ad_account_id: "act_1",
      pixel_id: null,
      catalog_id: null,
    })
  })

  it("prefers the Instagram account linked to the chosen page", () => {
    const withTwo = [...world, a("instagram_account", "IG1", "P1")]
    expect(chooseSelections(EMPTY_SELECTION, withTwo)).toMatchObject({ page_id: "P1", instagram_account_id: "IG1" })
    expect(chooseSelections({ ...EMPTY_SELECTION, page_id: "P2" }, withTwo).instagram_account_id).toBe("IG2")
  })

  it("drops a previous Instagram account that belongs to another Page than the one now chosen", () => {
    const withTwo = [...world, a("instagram_account", "IG1", "P1")]
    expect(chooseSelections({ ...EMPTY_SELECTION, page_id: "P1", instagram_account_id: "IG2" }, withTwo).instagram_account_id).toBe("IG1")
    expect(chooseSelections({ ...EMPTY_SELECTION, page_id: "P1", instagram_account_id: "IG2" }, world).instagram_account_id).toBeNull()
    const orphan = [...world, a("instagram_account", "IG-x", null)]
    expect(chooseSelections({ ...EMPTY_SELECTION, page_id: "P1", instagram_account_id: "IG-x" }, orphan).instagram_account_id).toBe("IG-x")
  })

  it("never defaults to another Page's Instagram account: a chosen Page without one gets none", () => {
    expect(chooseSelections({ ...EMPTY_SELECTION, page_id: "P1" }, world)).toMatchObject({ page_id: "P1", instagram_account_id: null })
  })

  it("takes the first Page when none has an Instagram account, and an account without a Page when there is no Page", () => {
    const noInstagram = world.filter((asset) => asset.type !== "instagram_account")
    expect(chooseSelections(EMPTY_SELECTION, noInstagram)).toMatchObject({ page_id: "P1", instagram_account_id: null })
    const noPages = world.filter((asset) => asset.type !== "page")
    expect(chooseSelections(EMPTY_SELECTION, noPages)).toMatchObject({ page_id: null, instagram_account_id: "IG2" })
  })

  it("prefers the chosen business's Pages, then among them one with an Instagram account", () => {
    const owned = [
      ...world,
      a("page", "P3", "B1"),
      a("page", "P4", "B1"),
      a("instagram_account", "IG4", "P4"),
    ]
    expect(chooseSelections(EMPTY_SELECTION, owned)).toMatchObject({ page_id: "P4", instagram_account_id: "IG4" })
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
    expect(chosen.page_id).toBe("P2")
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

describe("pageInstagramMismatch", () => {
  const assets = [
    { type: "page" as const, meta_id: "111", name: "Shop Page", parent_meta_id: "b1" },
    { type: "page" as const, meta_id: "222", name: "Blog Page", parent_meta_id: "b1" },
    { type: "page" as const, meta_id: "333", name: "Empty Page", parent_meta_id: "b1" },
    { type: "instagram_account" as const, meta_id: "9001", name: "@shop", parent_meta_id: "111" },
    { type: "instagram_account" as const, meta_id: "9002", name: "@blog", parent_meta_id: "222" },
    { type: "instagram_account" as const, meta_id: "9003", name: "@orphan", parent_meta_id: null },
  ]

  it("accepts a Page with its own Instagram account", () => {
    expect(pageInstagramMismatch({ page_id: "111", instagram_account_id: "9001" }, assets)).toBeNull()
  })

  it("refuses an Instagram account of another Page, naming both and the two ways out", () => {
    expect(pageInstagramMismatch({ page_id: "111", instagram_account_id: "9002" }, assets)).toBe(
      'The Instagram account @blog belongs to the Facebook Page "Blog Page", not to "Shop Page": choose "Blog Page" as the Page, or @shop, the Instagram account of "Shop Page".'
    )
  })

  it("offers no Instagram account when the chosen Page has none linked", () => {
    expect(pageInstagramMismatch({ page_id: "333", instagram_account_id: "9001" }, assets)).toMatch(
      /choose "Shop Page" as the Page, or no Instagram account \("Empty Page" has none linked\)/
    )
  })

  it("says Page <id> for a Page discovery no longer lists", () => {
    expect(pageInstagramMismatch({ page_id: "444", instagram_account_id: "9001" }, assets)).toMatch(/not to Page 444/)
  })

  it("has nothing to say when either is unset, or the account's Page is unknown", () => {
    expect(pageInstagramMismatch({ page_id: null, instagram_account_id: "9002" }, assets)).toBeNull()
    expect(pageInstagramMismatch({ page_id: "111", instagram_account_id: null }, assets)).toBeNull()
    expect(pageInstagramMismatch({ page_id: "111", instagram_account_id: "9003" }, assets)).toBeNull()
    expect(pageInstagramMismatch({ page_id: "111", instagram_account_id: "7777" }, assets)).toBeNull()
  })
})
