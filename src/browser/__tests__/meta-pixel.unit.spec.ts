import {
  advancedMatchingOf,
  buildCartContextBody,
  eventSourceUrlOf,
  fbclidOf,
  fbCookiesOf,
  isMetaLanding,
  parseCookies,
  parseStoredClick,
  parseStoredLanding,
  purchaseDataOf,
} from "../meta-pixel"

const FBP = "fb.1.1596403881668.1116446470"
const FBC = "fb.1.1700000000000.IwAR2xYz_abc-DEF123"
const NOW = 1_750_000_000_000

describe("parseCookies", () => {
  it.each([
    ["", {}],
    [null, {}],
    ["a=1", { a: "1" }],
    ["a=1; b=2", { a: "1", b: "2" }],
    ["  a = 1 ;b=2;;", { a: "1", b: "2" }],
    ["a=x%20y", { a: "x y" }],
    ["a=100%", { a: "100%" }],
    ['a="quoted"', { a: "quoted" }],
    ["a=b=c", { a: "b=c" }],
    ["=novalue; noequals; c=3", { c: "3" }],
    ["a=first; a=second", { a: "first" }],
    ["a=", { a: "" }],
  ])("%p", (input, expected) => {
    expect(parseCookies(input as string | null)).toEqual(expected)
  })
})

describe("fbCookiesOf", () => {
  it.each([
    [`_fbp=${FBP}; _fbc=${FBC}`, { fbp: FBP, fbc: FBC }],
    [`session=abc; _fbp=${FBP}`, { fbp: FBP, fbc: null }],
    [`_fbc=${FBC}.AQ`, { fbp: null, fbc: `${FBC}.AQ` }],
    ["_fbp=1116446470", { fbp: null, fbc: null }],
    ["_fbp=fb.1.1596403881.1116446470", { fbp: "fb.1.1596403881.1116446470", fbc: null }],
    ["_fbp=fb.7.1596403881668.1116446470", { fbp: null, fbc: null }],
    ["_fbp=fb.1.1596403881668.111 6446470", { fbp: null, fbc: null }],
    [`_FBP=${FBP}`, { fbp: null, fbc: null }],
    [`_fbp=${encodeURIComponent(FBP)}`, { fbp: FBP, fbc: null }],
    ["", { fbp: null, fbc: null }],
  ])("%p", (cookie, expected) => {
    expect(fbCookiesOf(cookie)).toEqual(expected)
  })
})

describe("fbclidOf", () => {
  it.each([
    ["https://shop.example.com/?fbclid=IwAR2xYz_abc-DEF123", "IwAR2xYz_abc-DEF123"],
    ["https://shop.example.com/p/shirt?utm_source=fb&fbclid=IwAR2xYz_abc-DEF123#top", "IwAR2xYz_abc-DEF123"],
    ["https://shop.example.com/?FBCLID=IwAR2xYz_abc-DEF123", null],
    ["https://shop.example.com/?fbclid=short", null],
    ["https://shop.example.com/?fbclid=", null],
    ["https://shop.example.com/?fbclid=has%20space%20inside", null],
    ["https://shop.example.com/?fbclid=a&fbclid=IwAR2xYz_abc-DEF123", null],
    ["https://shop.example.com/", null],
    ["not a url", null],
    ["", null],
    [null, null],
  ])("%p → %p", (url, expected) => {
    expect(fbclidOf(url)).toBe(expected)
  })
})

describe("eventSourceUrlOf", () => {
  it.each([
    ["https://shop.example.com/checkout#payment", "https://shop.example.com/checkout"],
    ["http://localhost:8000/de/cart?step=delivery", "http://localhost:8000/de/cart?step=delivery"],
    ["javascript:alert(1)", null],
    ["file:///etc/passwd", null],
    [`https://shop.example.com/?q=${"x".repeat(2100)}`, null],
    ["", null],
  ])("case %#", (url, expected) => {
    expect(eventSourceUrlOf(url)).toBe(expected)
  })
})

describe("parseStoredClick", () => {
  const day = 24 * 60 * 60 * 1000
  it.each([
    [JSON.stringify({ fbclid: "IwAR2xYz_abc-DEF123", at: NOW - day }), { fbclid: "IwAR2xYz_abc-DEF123", at: NOW - day }],
    [JSON.stringify({ fbclid: "IwAR2xYz_abc-DEF123", at: NOW - 91 * day }), null],
    [JSON.stringify({ fbclid: "IwAR2xYz_abc-DEF123", at: NOW + 1000 }), null],
    [JSON.stringify({ fbclid: "bad id!", at: NOW }), null],
    [JSON.stringify({ fbclid: "IwAR2xYz_abc-DEF123", at: "yesterday" }), null],
    ["{not json", null],
    [null, null],
  ])("%p", (raw, expected) => {
    expect(parseStoredClick(raw, NOW)).toEqual(expected)
  })
})

describe("buildCartContextBody", () => {
  const base = { cartId: "cart_01JABCDEFGHJK", now: NOW }

  it("sends the cookies and the page when the shopper consents", () => {
    expect(
      buildCartContextBody({ ...base, consent: true, cookie: `_fbp=${FBP}; _fbc=${FBC}`, url: "https://shop.example.com/checkout?fbclid=IwAR_other_click_1#x" })
    ).toEqual({ cart_id: base.cartId, consent: true, fbp: FBP, fbc: FBC, event_source_url: "https://shop.example.com/checkout?fbclid=IwAR_other_click_1" })
  })

  it("sends only the refusal without consent, whatever the browser holds", () => {
    expect(
      buildCartContextBody({ ...base, consent: false, cookie: `_fbp=${FBP}; _fbc=${FBC}`, url: "https://shop.example.com/?fbclid=IwAR2xYz_abc-DEF123", storedClick: { fbclid: "IwAR2xYz_abc-DEF123", at: NOW } })
    ).toEqual({ cart_id: base.cartId, consent: false })
  })

  it("falls back to the fbclid of the current URL, clicked now", () => {
    expect(buildCartContextBody({ ...base, consent: true, cookie: `_fbp=${FBP}`, url: "https://shop.example.com/?fbclid=IwAR2xYz_abc-DEF123" })).toMatchObject({
      fbclid: "IwAR2xYz_abc-DEF123",
      fbclid_at: NOW,
    })
  })

  it("then to the click remembered from the landing page", () => {
    const body = buildCartContextBody({ ...base, consent: true, cookie: "", url: "https://shop.example.com/checkout", storedClick: { fbclid: "IwAR_landing_click", at: NOW - 5000 } })
    expect(body).toEqual({ cart_id: base.cartId, consent: true, fbclid: "IwAR_landing_click", fbclid_at: NOW - 5000, event_source_url: "https://shop.example.com/checkout" })
  })

  it("drops malformed cookies and URLs instead of failing the call", () => {
    expect(buildCartContextBody({ ...base, consent: true, cookie: "_fbp=garbage; _fbc=fb.1.2.x y", url: "javascript:void(0)" })).toEqual({
      cart_id: base.cartId,
      consent: true,
    })
  })
})

describe("landings from a publication or a Meta ad (last click, 7 days)", () => {
  const base = { cartId: "cart_01JABCDEFGHJK", now: NOW, consent: true, cookie: "" }
  const AD = "https://shop.example.com/products/tote?utm_source=facebook&utm_medium=paid&utm_campaign=120200000000001&utm_term=120200000000002&utm_content=120200000000003"
  const OTHER_AD = "https://shop.example.com/?ad_id=120200000000009"
  const POST = "https://shop.example.com/products/tote?utm_source=instagram&utm_medium=social&utm_campaign=meta_publishing&utm_content=metapub_01JABC"
  const DAY = 86_400_000

  it("knows both kinds of landing, and nothing else", () => {
    expect(isMetaLanding(AD)).toBe(true)
    expect(isMetaLanding(OTHER_AD)).toBe(true)
    expect(isMetaLanding(POST)).toBe(true)
    expect(isMetaLanding("https://shop.example.com/?utm_source=newsletter&utm_content=42")).toBe(false)
    expect(isMetaLanding("https://shop.example.com/?fbclid=IwAR2xYz_abc-DEF123")).toBe(false)
    expect(isMetaLanding(null)).toBe(false)
  })

  it("hands over the ad landing of the current page", () => {
    expect(buildCartContextBody({ ...base, url: `${AD}#reviews` }).landing_url).toBe(AD)
  })

  it("a later ad landing replaces an earlier one: the current page beats the remembered landing", () => {
    expect(buildCartContextBody({ ...base, url: OTHER_AD, storedLanding: { url: AD, at: NOW - DAY } }).landing_url).toBe(OTHER_AD)
    expect(buildCartContextBody({ ...base, url: AD, storedLanding: { url: POST, at: NOW - DAY } }).landing_url).toBe(AD)
  })

  it("on any other page the remembered landing goes along", () => {
    expect(buildCartContextBody({ ...base, url: "https://shop.example.com/checkout", storedLanding: { url: AD, at: NOW - DAY } }).landing_url).toBe(AD)
  })

  it("without consent no landing is sent", () => {
    expect(buildCartContextBody({ ...base, consent: false, url: AD, storedLanding: { url: AD, at: NOW } })).toEqual({ cart_id: base.cartId, consent: false })
  })

  it("a stored ad landing lasts 7 days, and must be one", () => {
    expect(parseStoredLanding(JSON.stringify({ url: AD, at: NOW - 7 * DAY }), NOW)).toEqual({ url: AD, at: NOW - 7 * DAY })
    expect(parseStoredLanding(JSON.stringify({ url: AD, at: NOW - 7 * DAY - 1 }), NOW)).toBeNull()
    expect(parseStoredLanding(JSON.stringify({ url: AD, at: NOW + 1 }), NOW)).toBeNull()
    expect(parseStoredLanding(JSON.stringify({ url: "https://shop.example.com/?utm_source=facebook&utm_content={{ad.id}}", at: NOW }), NOW)).toBeNull()
    expect(parseStoredLanding(JSON.stringify({ url: `${AD}#x`, at: NOW }), NOW)).toBeNull()
    expect(parseStoredLanding("{not json", NOW)).toBeNull()
  })
})

describe("advancedMatchingOf", () => {
  it("keeps non-empty values, trimmed", () => {
    expect(advancedMatchingOf({ em: " Zoe@Example.com ", ph: "", fn: null, ln: "   ", country: "de" })).toEqual({ em: "Zoe@Example.com", country: "de" })
    expect(advancedMatchingOf(undefined)).toEqual({})
  })
})

describe("purchaseDataOf", () => {
  it("mirrors the server's Purchase: total, upper-case currency, SKU ids, quantities", () => {
    expect(
      purchaseDataOf({
        id: "order_01",
        total: 44.8,
        currency_code: "eur",
        items: [
          { quantity: 2, unit_price: 19.95, variant_sku: "TSHIRT-M", variant_id: "variant_1" },
          { quantity: 1, unit_price: 5, variant_sku: "  ", variant_id: "variant_2" },
          { quantity: 1, unit_price: 3, variant: { sku: "MUG" } },
          { quantity: 0, unit_price: 1, variant_sku: "FREEBIE" },
          { quantity: 1, unit_price: 1 },
        ],
      })
    ).toEqual({
      value: 44.8,
      currency: "EUR",
      content_type: "product",
      content_ids: ["TSHIRT-M", "variant_2", "MUG"],
      contents: [
        { id: "TSHIRT-M", quantity: 2, item_price: 19.95 },
        { id: "variant_2", quantity: 1, item_price: 5 },
        { id: "MUG", quantity: 1, item_price: 3 },
      ],
      num_items: 4,
    })
  })

  it("copes with an order without items or total", () => {
    expect(purchaseDataOf({ id: "order_02" })).toEqual({ value: 0, currency: "", content_type: "product", content_ids: [], contents: [], num_items: 0 })
  })
})
