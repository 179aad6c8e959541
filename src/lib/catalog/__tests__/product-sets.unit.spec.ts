import {
  MAX_PRODUCT_SET_NAME_LENGTH,
  MAX_RETAILER_IDS_PER_RULE,
  planProductSetAction,
  productSetContent,
  productSetFilter,
  productSetName,
  productSetRetailerId,
} from "../product-sets"

describe("productSetFilter", () => {
  it.each([
    ["no ids", [], null],
    ["only blanks", ["", "  "], null],
    ["one id", ["SKU-1"], { retailer_id: { is_any: ["SKU-1"] } }],
    ["duplicates and order", ["b", "a", "b"], { retailer_id: { is_any: ["a", "b"] } }],
    ["ids with quotes, commas and unicode", ['x"y', "a,b", "ü"], { retailer_id: { is_any: ["a,b", 'x"y', "ü"] } }],
  ])("%s", (_, ids, expected) => {
    expect(productSetFilter(ids as string[])).toEqual(expected)
  })

  it("splits more than the per-rule maximum into or-rules, none above it, none lost", () => {
    const ids = Array.from({ length: MAX_RETAILER_IDS_PER_RULE * 2 + 1 }, (_, i) => `SKU-${String(i).padStart(5, "0")}`)
    const filter = productSetFilter(ids) as { or: { retailer_id: { is_any: string[] } }[] }
    expect(filter.or).toHaveLength(3)
    expect(filter.or.every((r) => r.retailer_id.is_any.length <= MAX_RETAILER_IDS_PER_RULE)).toBe(true)
    expect(filter.or.flatMap((r) => r.retailer_id.is_any)).toEqual(ids)
  })

  it("exactly the maximum stays one rule", () => {
    const ids = Array.from({ length: MAX_RETAILER_IDS_PER_RULE }, (_, i) => `S${i}`)
    expect(productSetFilter(ids)).toHaveProperty("retailer_id")
  })

  it("serialises to the JSON Meta documents", () => {
    expect(JSON.stringify(productSetFilter(["SKU-1", "SKU-2"]))).toBe('{"retailer_id":{"is_any":["SKU-1","SKU-2"]}}')
  })
})

describe("productSetName", () => {
  it.each([
    [{ kind: "collection", id: "pcol_1", title: "Summer" }, "Collection: Summer"],
    [{ kind: "category", id: "pcat_1", title: "  Shirts \n & Tops " }, "Category: Shirts & Tops"],
    [{ kind: "category", id: "pcat_2", title: "" }, "Category: pcat_2"],
    [{ kind: "collection", id: "pcol_3", title: null }, "Collection: pcol_3"],
  ] as const)("%o → %s", (source, name) => {
    expect(productSetName(source)).toBe(name)
  })

  it("cuts long titles to Meta-friendly length", () => {
    const name = productSetName({ kind: "collection", id: "c", title: "x".repeat(500) })
    expect(name.length).toBe(MAX_PRODUCT_SET_NAME_LENGTH)
    expect(name.endsWith("…")).toBe(true)
  })
})

describe("productSetContent and planProductSetAction", () => {
  const source = { kind: "collection" as const, id: "pcol_1", title: "Summer" }

  it("same ids in another order give the same hash; a rename or new id changes it", () => {
    const a = productSetContent(source, ["A", "B"])!
    expect(productSetContent(source, ["B", "A", "A"])!.hash).toBe(a.hash)
    expect(productSetContent({ ...source, title: "Winter" }, ["A", "B"])!.hash).not.toBe(a.hash)
    expect(productSetContent(source, ["A", "B", "C"])!.hash).not.toBe(a.hash)
  })

  it("is null for a source without variants", () => {
    expect(productSetContent(source, [])).toBeNull()
  })

  it.each([
    ["new set", true, { metaId: null, hash: null }, "create"],
    ["unchanged", true, { metaId: "9", hash: "same" }, "none"],
    ["changed", true, { metaId: "9", hash: "old" }, "update"],
    ["emptied or deleted source with a set", false, { metaId: "9", hash: "old" }, "delete"],
    ["emptied source never sent", false, { metaId: null, hash: null }, "none"],
  ])("%s", (_, hasContent, current, action) => {
    const desired = hasContent ? { name: "n", filter: productSetFilter(["A"])!, hash: "same" } : null
    expect(planProductSetAction(desired, current)).toBe(action)
  })

  it("retailer id of a set is stable and names its source", () => {
    expect(productSetRetailerId({ kind: "category", id: "pcat_01" })).toBe("medusa-category-pcat_01")
  })
})
