import { contentHash, stableStringify } from "../content-hash"

/** The hand-written form this replaces: hashes stored in databases must not change with the implementation. */
function reference(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null"
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : reference(v))).join(",")}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(",")}}`
}

describe("stableStringify", () => {
  const cases: [string, unknown][] = [
    ["flat item", { title: "Tee", id: "SKU-1", price: "19.99 USD", quantity_to_sell_on_facebook: 3 }],
    ["empty values", { sale_price: "", additional_image_link: [], gtin: "" }],
    ["undefined dropped", { a: 1, b: undefined, c: "x" }],
    ["undefined in arrays becomes null", { list: [1, undefined, "x"] }],
    ["nested objects, same key at two levels", { filter: { retailer_id: { is_any: ["b", "a"] } }, name: "Set", retailer_id: "x" }],
    ["arrays of objects", [{ b: 1, a: 2 }, { c: [{ z: 1, y: null }] }]],
    ["unicode and escapes", { title: "Zoë \"quoted\" \\ back\nslash", "ключ": "значение", "": "empty key" }],
    ["numbers", { int: 1, float: 0.1 + 0.2, neg: -0, big: 1e21 }],
    ["scalars", "just a string"],
    ["null", null],
    ["number", 42],
    ["empty object", {}],
    ["empty array", []],
    ["keys that sort by code unit", { b: 1, B: 2, a: 3, _: 4, "10": 5, "9": 6 }],
  ]
  it.each(cases)("%s: same text as the reference", (_, value) => {
    expect(stableStringify(value)).toBe(reference(value))
  })

  it("does not depend on key order", () => {
    expect(stableStringify({ a: 1, b: { c: 2, d: [3] } })).toBe(stableStringify({ b: { d: [3], c: 2 }, a: 1 }))
    expect(contentHash({ a: 1, b: "x" })).toBe(contentHash({ b: "x", a: 1 }))
  })

  it("tells different content apart", () => {
    expect(contentHash({ gtin: "" })).not.toBe(contentHash({ gtin: "0012345678905" }))
    expect(contentHash({ additional_image_link: [] })).not.toBe(contentHash({ additional_image_link: [""] }))
    expect(contentHash({ a: "1" })).not.toBe(contentHash({ a: 1 }))
  })
})
