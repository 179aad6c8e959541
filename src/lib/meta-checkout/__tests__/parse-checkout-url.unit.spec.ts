import { MAX_CHECKOUT_LINES, parseCheckoutQuery, storefrontCheckoutUrl } from "../parse-checkout-url"

describe("parseCheckoutQuery", () => {
  it.each([
    ["one product", { products: "SKU-1:2" }, { lines: [{ retailerId: "SKU-1", quantity: 2 }] }],
    [
      "several, coupon and origin",
      { products: "SKU-1:2,SKU-2:1", coupon: " SUMMER10 ", cart_origin: "instagram" },
      { lines: [{ retailerId: "SKU-1", quantity: 2 }, { retailerId: "SKU-2", quantity: 1 }], coupon: "SUMMER10", cartOrigin: "instagram" },
    ],
    ["same id twice adds up", { products: "A:1,A:2" }, { lines: [{ retailerId: "A", quantity: 3 }] }],
    ["colon inside a SKU", { products: "X:Y:3" }, { lines: [{ retailerId: "X:Y", quantity: 3 }] }],
    ["spaces around entries", { products: " A : 1 , B:2 " }, { lines: [{ retailerId: "A", quantity: 1 }, { retailerId: "B", quantity: 2 }] }],
    ["empty coupon ignored", { products: "A:1", coupon: "" }, { lines: [{ retailerId: "A", quantity: 1 }] }],
    ["variant id as retailer id", { products: "variant_01ABC:1" }, { lines: [{ retailerId: "variant_01ABC", quantity: 1 }] }],
    ["extra utm params ignored", { products: "A:1", utm_source: "ig" }, { lines: [{ retailerId: "A", quantity: 1 }] }],
  ])("%s", (_, query, value) => {
    expect(parseCheckoutQuery(query)).toEqual({ ok: true, value })
  })

  it.each([
    ["missing products", {}, "products"],
    ["empty products", { products: "" }, "products"],
    ["products twice", { products: ["A:1", "B:1"] }, "products"],
    ["no quantity", { products: "A" }, "products"],
    ["no id", { products: ":2" }, "products"],
    ["zero quantity", { products: "A:0" }, "products"],
    ["negative quantity", { products: "A:-1" }, "products"],
    ["decimal quantity", { products: "A:1.5" }, "products"],
    ["text quantity", { products: "A:two" }, "products"],
    ["huge quantity", { products: "A:99999999999" }, "products"],
    ["over the per-line cap", { products: "A:600,A:600" }, "products"],
    ["trailing comma", { products: "A:1," }, "products"],
    ["too many lines", { products: Array.from({ length: MAX_CHECKOUT_LINES + 1 }, (_, i) => `S${i}:1`).join(",") }, "products"],
    ["coupon twice", { products: "A:1", coupon: ["a", "b"] }, "coupon"],
    ["coupon too long", { products: "A:1", coupon: "x".repeat(101) }, "coupon"],
    ["unknown origin", { products: "A:1", cart_origin: "tiktok" }, "cart_origin"],
    ["object origin", { products: "A:1", cart_origin: { a: 1 } }, "cart_origin"],
  ])("%s → names %s", (_, query, field) => {
    const result = parseCheckoutQuery(query as Record<string, unknown>)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.field).toBe(field)
      expect(result.message).toContain(field)
    }
  })
})

describe("storefrontCheckoutUrl", () => {
  it.each([
    ["https://shop.example.com", "/cart?cart_id={cart_id}", { cart_id: "cart_1" }, "https://shop.example.com/cart?cart_id=cart_1"],
    ["https://shop.example.com/", "{country_code}/checkout/{cart_id}", { cart_id: "cart_1", country_code: "dk" }, "https://shop.example.com/dk/checkout/cart_1"],
    ["https://shop.example.com", "/c?id={cart_id}&again={cart_id}", { cart_id: "a b&c" }, "https://shop.example.com/c?id=a%20b%26c&again=a%20b%26c"],
    ["https://shop.example.com", "/{country_code}/cart", { cart_id: "x", country_code: null }, "https://shop.example.com/cart"],
  ])("%s + %s", (base, template, values, url) => {
    expect(storefrontCheckoutUrl(base, template, values)).toBe(url)
  })
})
