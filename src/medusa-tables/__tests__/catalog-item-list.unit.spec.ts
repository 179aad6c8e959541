import { CATALOG_ITEM_ORDERS } from "../../lib/catalog/catalog-item-list"
import { catalogItemListStatements, catalogItemOrderBy, containsPattern, normalizeSearch } from "../catalog-item-list"

const base = { limit: 20, offset: 0 }
const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length

describe("containsPattern", () => {
  it.each([
    ["tee", "%tee%"],
    ["100%", "%100!%%"],
    ["a_b", "%a!_b%"],
    ["wow!", "%wow!!%"],
    ["!%_", "%!!!%!_%"],
    ["back\\slash", "%back\\slash%"],
    ["it's", "%it's%"],
    ["Zoë 日本", "%Zoë 日本%"],
  ])("%j matches itself literally: %j", (text, pattern) => {
    expect(containsPattern(text)).toBe(pattern)
  })
})

describe("normalizeSearch", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["   ", null],
    ["\t\n", null],
    ["  Tee  ", "Tee"],
    ["blue   tee", "blue tee"],
    ["SKU-1", "SKU-1"],
  ])("%j → %j", (q, expected) => {
    expect(normalizeSearch(q)).toBe(expected)
  })
})

describe("catalogItemOrderBy", () => {
  it("every order ends with the item id, so equal keys never shuffle rows between pages", () => {
    for (const order of CATALOG_ITEM_ORDERS) expect(catalogItemOrderBy(order)).toMatch(/i\."id" (ASC|DESC)$/)
  })

  it("an unknown or missing order falls back to the most recently changed first", () => {
    expect(catalogItemOrderBy(undefined)).toBe(catalogItemOrderBy("-updated_at"))
    expect(catalogItemOrderBy("price; DROP TABLE product")).toBe(catalogItemOrderBy("-updated_at"))
  })

  it("never-synced items are the oldest: first ascending, last when the newest come first", () => {
    expect(catalogItemOrderBy("last_synced_at")).toContain(`i."last_synced_at" ASC NULLS FIRST`)
    expect(catalogItemOrderBy("-last_synced_at")).toContain(`i."last_synced_at" DESC NULLS LAST`)
  })

  it("status ascending puts what needs the merchant first", () => {
    const sql = catalogItemOrderBy("status")
    const rank = (status: string) => Number(new RegExp(`WHEN '${status}' THEN (\\d+)`).exec(sql)![1])
    expect(rank("needs_attention")).toBeLessThan(rank("error"))
    expect(rank("error")).toBeLessThan(rank("pending"))
    expect(rank("pending")).toBeLessThan(rank("synced"))
    expect(rank("synced")).toBeLessThan(rank("removed"))
    expect(catalogItemOrderBy("-status")).toContain("END DESC")
  })

  it("title sorts by the product's title, then the variant's, items without a product last", () => {
    expect(catalogItemOrderBy("title")).toMatch(/^p\."title" ASC NULLS LAST, v\."title" ASC NULLS LAST/)
    expect(catalogItemOrderBy("-title")).toMatch(/^p\."title" DESC NULLS LAST/)
  })
})

describe("catalogItemListStatements", () => {
  it("the plain list stays on the items table (no join with Medusa's tables)", () => {
    const { page, count } = catalogItemListStatements(base)
    expect(page.sql).not.toMatch(/JOIN/)
    expect(count.sql).not.toMatch(/JOIN/)
    expect(page.params).toEqual([20, 0])
    expect(count.params).toEqual([])
  })

  it("filters by status, product and exclusion, with one parameter per placeholder", () => {
    const { page, count } = catalogItemListStatements({ ...base, status: "error", product_id: "prod_1", excluded: false, offset: 40 })
    expect(page.sql).toContain(`i."status" = ?`)
    expect(page.sql).toContain(`i."product_id" = ?`)
    expect(page.sql).toContain(`i."excluded" = ?`)
    expect(page.params).toEqual(["error", "prod_1", false, 20, 40])
    expect(count.params).toEqual(["error", "prod_1", false])
    expect(placeholders(page.sql)).toBe(page.params.length)
    expect(placeholders(count.sql)).toBe(count.params.length)
  })

  it("excluded=false is a filter, not the absence of one", () => {
    expect(catalogItemListStatements({ ...base, excluded: false }).count.params).toEqual([false])
    expect(catalogItemListStatements({ ...base }).count.params).toEqual([])
  })

  it("a search matches product title, variant SKU and retailer id, its text only ever a parameter", () => {
    const q = "'; DROP TABLE product; --"
    const { page, count } = catalogItemListStatements({ ...base, q })
    for (const column of [`sp."title"`, `sv."sku"`, `i."retailer_id"`]) expect(page.sql).toContain(`${column} ILIKE ? ESCAPE '!'`)
    expect(page.sql).not.toContain("DROP")
    expect(page.params.slice(0, 3)).toEqual(Array(3).fill(containsPattern(q)))
    expect(count.sql).toBe(count.sql.replace(/JOIN/g, ""))
    expect(count.params).toEqual(Array(3).fill(containsPattern(q)))
    expect(placeholders(page.sql)).toBe(page.params.length)
    expect(placeholders(count.sql)).toBe(count.params.length)
  })

  it("a search with the title order joins for the page only, with the search's parameters first", () => {
    const { page, count } = catalogItemListStatements({ ...base, q: "tee", status: "synced", order: "title" })
    expect(page.sql).toMatch(/LEFT JOIN "product" p/)
    expect(count.sql).not.toMatch(/JOIN/)
    expect(page.params).toEqual(["synced", "%tee%", "%tee%", "%tee%", 20, 0])
    expect(placeholders(page.sql)).toBe(page.params.length)
  })

  it("a blank search is no search", () => {
    const { page } = catalogItemListStatements({ ...base, q: "   " })
    expect(page.sql).not.toMatch(/ILIKE|JOIN/)
  })

  it("the title order joins for the page but counts without the join", () => {
    const { page, count } = catalogItemListStatements({ ...base, order: "title" })
    expect(page.sql).toMatch(/LEFT JOIN "product_variant" v/)
    expect(count.sql).not.toMatch(/JOIN/)
  })

  it("only live rows of Medusa's tables give names to search on", () => {
    const { page } = catalogItemListStatements({ ...base, q: "tee" })
    expect(page.sql).toContain(`sp."deleted_at" IS NULL`)
    expect(page.sql).toContain(`sv."deleted_at" IS NULL`)
    expect(page.sql).toContain(`i."deleted_at" IS NULL`)
    expect(catalogItemListStatements({ ...base, order: "title" }).page.sql).toContain(`p."deleted_at" IS NULL`)
  })
})
