import { readCatalogListParams, writeCatalogListParams } from "../catalog-list-params"

const read = (query: string) => readCatalogListParams(new URLSearchParams(query))

describe("readCatalogListParams", () => {
  it("an empty address is the whole list, problems first, first page", () => {
    expect(read("")).toEqual({ status: undefined, excluded: undefined, q: "", order: "status", offset: 0 })
  })

  it("reads the links the totals use", () => {
    expect(read("status=needs_attention")).toMatchObject({ status: "needs_attention" })
    expect(read("excluded=true")).toMatchObject({ excluded: true })
    expect(read("excluded=false")).toMatchObject({ excluded: false })
  })

  it.each([
    ["status=bogus", { status: undefined }],
    ["status=all", { status: undefined }],
    ["excluded=yes", { excluded: undefined }],
    ["order=price", { order: "status" }],
    ["order=-title", { order: "-title" }],
    ["offset=-20", { offset: 0 }],
    ["offset=abc", { offset: 0 }],
    ["offset=1e400", { offset: 0 }],
    ["offset=2.5", { offset: 0 }],
    ["offset=40", { offset: 40 }],
  ])("a hand-edited %s falls back safely", (query, expected) => {
    expect(read(query)).toMatchObject(expected)
  })

  it("a search longer than the API accepts is cut, not refused", () => {
    expect(read(`q=${"x".repeat(500)}`).q).toHaveLength(200)
  })

  it("keeps the search as typed (the API trims it)", () => {
    expect(read("q=%20blue%20tee").q).toBe(" blue tee")
  })
})

describe("writeCatalogListParams", () => {
  it("leaves the defaults out", () => {
    expect(writeCatalogListParams({ q: "", order: "status", offset: 0 })).toEqual({})
  })

  it("writes what differs, and reads back to the same state", () => {
    const list = { status: "error" as const, excluded: false, q: "mug_1 100%", order: "-last_synced_at", offset: 20 }
    const written = writeCatalogListParams(list)
    expect(written).toEqual({ status: "error", excluded: "false", q: "mug_1 100%", order: "-last_synced_at", offset: "20" })
    expect(readCatalogListParams(new URLSearchParams(written))).toEqual(list)
  })
})
