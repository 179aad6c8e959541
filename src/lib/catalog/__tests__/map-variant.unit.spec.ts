import { mapVariantToCatalogItem, catalogTitle, availabilityOf, productLink } from "../map-variant"
import { pickCatalogPricing } from "../pricing"
import { normalizeGtin } from "../gtin"
import { retailerIdOf } from "../retailer-id"
import { variantAttributes } from "../variant-attributes"
import { contentHash, stableStringify } from "../content-hash"
import type { CatalogProductInput, CatalogSettings, CatalogVariantInput, MetaCatalogItem } from "../types"

const now = new Date("2026-11-15T12:00:00Z")
const settings: CatalogSettings = {
  currencyCode: "usd",
  storefrontUrl: "https://shop.example.com/",
  productUrlTemplate: "{storefrontUrl}/products/{handle}?variant={variant_id}",
  storeName: "Acme Store",
  now,
}

function product(overrides: Partial<CatalogProductInput> = {}): CatalogProductInput {
  return {
    id: "prod_1",
    title: "Classic Tee",
    description: "<p>Soft <b>cotton</b>.</p>",
    handle: "classic-tee",
    status: "published",
    thumbnail: "https://cdn.example.com/tee.jpg",
    images: ["https://cdn.example.com/tee.jpg", "https://cdn.example.com/tee-back.jpg"],
    options: [
      { title: "Color", values: ["Blue", "Red"] },
      { title: "Size", values: ["M", "L"] },
      { title: "Fit", values: ["Regular"] },
    ],
    variant_count: 4,
    ...overrides,
  }
}

function variant(overrides: Partial<CatalogVariantInput> = {}): CatalogVariantInput {
  return {
    id: "variant_1",
    sku: "TEE-BLUE-M",
    title: "Blue / M",
    manage_inventory: true,
    allow_backorder: false,
    available_quantity: 7,
    options: [
      { option_title: "Color", value: "Blue" },
      { option_title: "Size", value: "M" },
      { option_title: "Fit", value: "Regular" },
    ],
    prices: [{ amount: "19.99", currency_code: "usd" }],
    ...overrides,
  }
}

describe("mapVariantToCatalogItem", () => {
  it("maps a typical variant to Meta's feed fields", () => {
    const mapped = mapVariantToCatalogItem(product(), variant(), settings)
    expect(mapped.ok).toBe(true)
    if (!mapped.ok) return
    expect(mapped.item).toEqual({
      id: "TEE-BLUE-M",
      title: "Classic Tee - Blue / M",
      description: "Soft cotton .",
      availability: "in stock",
      condition: "new",
      price: "19.99 USD",
      // no value: sent empty so Meta clears what an earlier UPDATE set (UPDATE merges fields)
      sale_price: "",
      sale_price_effective_date: "",
      link: "https://shop.example.com/products/classic-tee?variant=variant_1",
      image_link: "https://cdn.example.com/tee.jpg",
      additional_image_link: ["https://cdn.example.com/tee-back.jpg"],
      brand: "Acme Store",
      item_group_id: "prod_1",
      gtin: "",
      mpn: "",
      color: "Blue",
      size: "M",
      material: "",
      pattern: "",
      gender: "",
      age_group: "",
      additional_variant_attribute: "Fit:Regular",
      google_product_category: "",
      product_type: "",
      quantity_to_sell_on_facebook: 7,
    })
    expect(mapped.hash).toHaveLength(32)
  })

  it.each<[string, Partial<CatalogProductInput>, Partial<CatalogVariantInput>, Partial<CatalogSettings>, string[]]>([
    ["no price in the currency", {}, { prices: [{ amount: "10", currency_code: "eur" }] }, {}, ["price"]],
    ["only a rule-bound price", {}, { prices: [{ amount: "10", currency_code: "usd", rules_count: 1 }] }, {}, ["price"]],
    ["garbage amount", {}, { prices: [{ amount: "ten", currency_code: "usd" }] }, {}, ["price"]],
    ["no images", { thumbnail: null, images: [] }, {}, {}, ["image"]],
    ["only data: images", { thumbnail: "data:image/png;base64,xx", images: ["javascript:alert(1)"] }, {}, {}, ["image"]],
    ["no storefront", {}, {}, { storefrontUrl: undefined }, ["link"]],
    ["no handle", { handle: null }, {}, {}, ["link"]],
    ["no title", { title: "   " }, { title: "" }, {}, ["title"]],
    ["SKU too long", {}, { sku: "X".repeat(101) }, {}, ["sku"]],
    ["several problems", { thumbnail: null, images: [] }, { prices: [] }, { storefrontUrl: undefined }, ["price", "link", "image"]],
  ])("needs attention: %s", (_, p, v, s, fields) => {
    const mapped = mapVariantToCatalogItem(product(p), variant(v), { ...settings, ...s })
    expect(mapped.ok).toBe(false)
    if (mapped.ok) return
    expect(mapped.reasons.map((r) => r.field)).toEqual(fields)
    for (const reason of mapped.reasons) expect(reason.message.length).toBeGreaterThan(10)
  })

  it("falls back to the title when the description is empty HTML", () => {
    const mapped = mapVariantToCatalogItem(product({ description: "<p> &nbsp; </p>" }), variant(), settings)
    expect(mapped.ok && mapped.item.description).toBe("Classic Tee - Blue / M")
  })

  it("limits description to 5,000 characters and titles to 150", () => {
    const mapped = mapVariantToCatalogItem(
      product({ title: "Word ".repeat(100), description: "x".repeat(20000) }),
      variant(),
      settings
    )
    expect(mapped.ok).toBe(true)
    if (!mapped.ok) return
    expect(Array.from(mapped.item.title).length).toBeLessThanOrEqual(150)
    expect(mapped.item.title.endsWith(" - Blue / M")).toBe(true)
    expect(Array.from(mapped.item.description).length).toBe(5000)
  })

  it("caps additional images at 20 and removes duplicates", () => {
    const images = Array.from({ length: 30 }, (_, i) => `https://cdn.example.com/${i}.jpg`)
    const mapped = mapVariantToCatalogItem(product({ images: [...images, ...images] }), variant({ images: ["https://cdn.example.com/v.jpg"] }), settings)
    expect(mapped.ok && mapped.item.image_link).toBe("https://cdn.example.com/v.jpg")
    expect(mapped.ok && mapped.item.additional_image_link).toHaveLength(20)
  })

  it("reads brand, condition, gtin, gender, age group and category mapping", () => {
    const mapped = mapVariantToCatalogItem(
      product({ metadata: { brand: " Nike ", condition: "Refurbished" }, type: "Shirts", categories: [["Men", "Tops"]] }),
      variant({
        barcode: "4006381333931",
        options: [
          { option_title: "Gender", value: "Women's" },
          { option_title: "Age group", value: "Kids" },
          { option_title: "Material", value: "Cotton" },
        ],
      }),
      { ...settings, categoryMapping: { Tops: "212" } }
    )
    expect(mapped.ok).toBe(true)
    if (!mapped.ok) return
    expect(mapped.item).toMatchObject({
      brand: "Nike",
      condition: "refurbished",
      gtin: "4006381333931",
      gender: "female",
      age_group: "kids",
      material: "Cotton",
      google_product_category: "212",
      product_type: "Men > Tops",
    })
  })

  it("a single-variant product has no item group and no option suffix", () => {
    const mapped = mapVariantToCatalogItem(
      product({ variant_count: 1, options: [{ title: "Default", values: ["Default"] }] }),
      variant({ options: [{ option_title: "Default", value: "Default" }] }),
      settings
    )
    expect(mapped.ok && mapped.item.title).toBe("Classic Tee")
    expect(mapped.ok && mapped.item.item_group_id).toBe("")
  })

  it("clears the quantity for variants without managed inventory (Meta goes by availability)", () => {
    const mapped = mapVariantToCatalogItem(product(), variant({ manage_inventory: false, available_quantity: 0 }), settings)
    expect(mapped.ok && mapped.item.availability).toBe("in stock")
    expect(mapped.ok && mapped.item.quantity_to_sell_on_facebook).toBe("")
  })

  describe("optional fields that disappear are sent empty, so Meta clears them", () => {
    // A variant with every optional field the mapping can produce…
    const richProduct = product({
      metadata: { brand: "Nike", google_product_category: "212" },
      categories: [["Men", "Tops"]],
      options: [
        { title: "Colour", values: ["Navy", "Red"] },
        { title: "Size", values: ["M", "L"] },
        { title: "Pattern", values: ["Striped"] },
        { title: "Material", values: ["Wool"] },
        { title: "Gender", values: ["Men"] },
        { title: "Age group", values: ["Adult"] },
        { title: "Fit", values: ["Slim"] },
      ],
    })
    const richVariant = variant({
      barcode: "4006381333931",
      metadata: { mpn: "NK-1" },
      options: [
        { option_title: "Colour", value: "Navy" },
        { option_title: "Size", value: "M" },
        { option_title: "Pattern", value: "Striped" },
        { option_title: "Material", value: "Wool" },
        { option_title: "Gender", value: "Men" },
        { option_title: "Age group", value: "Adult" },
        { option_title: "Fit", value: "Slim" },
      ],
      prices: [
        { amount: "30", currency_code: "usd" },
        { amount: "20", currency_code: "usd", price_list: { id: "pl", type: "sale", status: "active", starts_at: null, ends_at: null } },
      ],
    })
    const rich = mapVariantToCatalogItem(richProduct, richVariant, settings)
    // …and the same variant after the merchant removed all of it.
    const bare = mapVariantToCatalogItem(
      product({ images: [], thumbnail: "https://cdn.example.com/tee.jpg", options: [], variant_count: 1 }),
      variant({ options: [], barcode: null, manage_inventory: false, prices: [{ amount: "30", currency_code: "usd" }] }),
      settings
    )
    const optional = [
      "additional_image_link", "sale_price", "sale_price_effective_date", "item_group_id", "gtin", "mpn", "color", "size",
      "material", "pattern", "gender", "age_group", "additional_variant_attribute", "google_product_category", "product_type",
      "quantity_to_sell_on_facebook",
    ] as const

    it("the rich variant fills every optional field", () => {
      expect(rich.ok).toBe(true)
      if (!rich.ok) return
      expect(rich.item).toMatchObject({
        additional_image_link: ["https://cdn.example.com/tee-back.jpg"],
        sale_price: "20 USD",
        item_group_id: "prod_1",
        gtin: "4006381333931",
        mpn: "NK-1",
        color: "Navy",
        size: "M",
        material: "Wool",
        pattern: "Striped",
        gender: "male",
        age_group: "adult",
        additional_variant_attribute: "Fit:Slim",
        google_product_category: "212",
        product_type: "Men > Tops",
        quantity_to_sell_on_facebook: 7,
      })
    })

    it.each(optional)("%s is sent empty once the store has no value", (field) => {
      expect(bare.ok).toBe(true)
      if (!bare.ok || !rich.ok) return
      expect(rich.item[field]).not.toEqual(field === "additional_image_link" ? [] : "")
      expect(bare.item[field]).toEqual(field === "additional_image_link" ? [] : "")
    })

    it("every item carries the same fields, whatever the store has", () => {
      if (!bare.ok || !rich.ok) throw new Error("both map")
      expect(Object.keys(bare.item).sort()).toEqual(Object.keys(rich.item).sort())
      expect(Object.values(bare.item)).not.toContain(undefined)
    })

    it.each<[string, Partial<CatalogVariantInput>, Partial<CatalogProductInput>, keyof MetaCatalogItem, unknown]>([
      ["an invalid barcode", { barcode: "4006381333932" }, {}, "gtin", ""],
      ["a gender the feed spec does not know", { options: [{ option_title: "Gender", value: "robot" }] }, {}, "gender", ""],
      ["only data: extra images", {}, { images: ["data:image/png;base64,xx"] }, "additional_image_link", []],
      ["a whitespace-only mpn", { metadata: { mpn: "   " } }, {}, "mpn", ""],
      ["a category without mapping", {}, { categories: [["Men"]], type: null }, "google_product_category", ""],
    ])("%s is sent empty", (_, v, p, field, expected) => {
      const mapped = mapVariantToCatalogItem(product(p), variant(v), settings)
      expect(mapped.ok && mapped.item[field]).toEqual(expected)
    })
  })

  it("hash changes with content and only with content", () => {
    const a = mapVariantToCatalogItem(product(), variant(), settings)
    const b = mapVariantToCatalogItem(product(), variant(), { ...settings, now: new Date("2027-01-01") })
    const c = mapVariantToCatalogItem(product(), variant({ prices: [{ amount: "19.98", currency_code: "usd" }] }), settings)
    // Same content reached in another order (options listed differently, price list as a number).
    const d = mapVariantToCatalogItem(
      product({ options: [...product().options!].reverse() }),
      variant({ prices: [{ amount: 19.99, currency_code: "USD" }] }),
      settings
    )
    // Losing a barcode is a change Meta must hear about.
    const e = mapVariantToCatalogItem(product(), variant({ barcode: "4006381333931" }), settings)
    expect(a.ok && b.ok && a.hash === b.hash).toBe(true)
    expect(a.ok && d.ok && a.hash === d.hash).toBe(true)
    expect(a.ok && c.ok && a.hash !== c.hash).toBe(true)
    expect(a.ok && e.ok && a.hash !== e.hash).toBe(true)
  })
})

describe("catalogTitle", () => {
  it.each<[string, Partial<CatalogProductInput>, Partial<CatalogVariantInput>, string]>([
    ["only distinguishing options", {}, {}, "Classic Tee - Blue / M"],
    ["value already in the title", { title: "Blue Classic Tee" }, {}, "Blue Classic Tee - M"],
    ["no option metadata: all values", { options: [] }, {}, "Classic Tee - Blue / M / Regular"],
    ["falls back to variant title", { options: [] }, { options: [] }, "Classic Tee - Blue / M"],
    ["newlines in names", { title: "Classic\nTee" }, {}, "Classic Tee - Blue / M"],
  ])("%s", (_, p, v, expected) => {
    expect(catalogTitle(product(p), variant(v))).toBe(expected)
  })
})

describe("availabilityOf", () => {
  it.each<[Partial<CatalogVariantInput>, string]>([
    [{ available_quantity: 3 }, "in stock"],
    [{ available_quantity: 0 }, "out of stock"],
    [{ available_quantity: -2 }, "out of stock"],
    [{ available_quantity: null }, "out of stock"],
    [{ available_quantity: 0, allow_backorder: true }, "available for order"],
    [{ available_quantity: 0, manage_inventory: false }, "in stock"],
  ])("%p → %s", (v, expected) => {
    expect(availabilityOf(variant(v))).toBe(expected)
  })
})

describe("productLink", () => {
  it.each<[string, string | undefined, string | null, string | undefined]>([
    ["{storefrontUrl}/products/{handle}", "https://shop.example.com", "classic-tee", "https://shop.example.com/products/classic-tee"],
    ["{storefrontUrl}/products/{handle}", "https://shop.example.com///", "a b/ü", "https://shop.example.com/products/a%20b%2F%C3%BC"],
    ["https://other.example/p/{id}/{sku}", undefined, null, "https://other.example/p/prod_1/TEE-BLUE-M"],
    ["{storefrontUrl}/products/{handle}", undefined, "x", undefined],
    ["not a url {handle}", "https://s", "x", undefined],
  ])("%s", (template, storefrontUrl, handle, expected) => {
    expect(productLink(product({ handle }), variant(), { ...settings, productUrlTemplate: template, storefrontUrl })).toBe(expected)
  })
})

describe("pickCatalogPricing", () => {
  const list = (overrides = {}) => ({ id: "plist_1", type: "sale", status: "active", starts_at: "2026-11-01T00:00:00Z", ends_at: "2026-11-30T23:59:00Z", ...overrides })
  it.each<[string, any[], string, object | undefined]>([
    ["base only", [{ amount: "10", currency_code: "usd" }], "usd", { price: "10 USD" }],
    ["currency case", [{ amount: "10", currency_code: "USD" }], "usd", { price: "10 USD" }],
    ["lowest base wins", [{ amount: "12", currency_code: "usd" }, { amount: "11", currency_code: "usd" }], "usd", { price: "11 USD" }],
    ["quantity tiers ignored", [{ amount: "10", currency_code: "usd" }, { amount: "5", currency_code: "usd", min_quantity: 10 }], "usd", { price: "10 USD" }],
    [
      "sale list lowers it",
      [{ amount: "10", currency_code: "usd" }, { amount: "7.5", currency_code: "usd", price_list: list() }],
      "usd",
      { price: "10 USD", sale_price: "7.50 USD", sale_price_effective_date: "2026-11-01T00:00+00:00/2026-11-30T23:59+00:00" },
    ],
    [
      "open-ended sale",
      [{ amount: "10", currency_code: "usd" }, { amount: "7", currency_code: "usd", price_list: list({ starts_at: null, ends_at: null }) }],
      "usd",
      { price: "10 USD", sale_price: "7 USD", sale_price_effective_date: "1970-01-29T00:00+00:00/2038-01-17T23:59+00:00" },
    ],
    ["sale not lower", [{ amount: "10", currency_code: "usd" }, { amount: "10.00", currency_code: "usd", price_list: list() }], "usd", { price: "10 USD" }],
    ["sale rounds to same", [{ amount: "10", currency_code: "jpy" }, { amount: "9.9", currency_code: "jpy", price_list: list() }], "jpy", { price: "10 JPY" }],
    ["ended sale", [{ amount: "10", currency_code: "usd" }, { amount: "5", currency_code: "usd", price_list: list({ ends_at: "2026-11-10T00:00:00Z" }) }], "usd", { price: "10 USD" }],
    ["draft sale list", [{ amount: "10", currency_code: "usd" }, { amount: "5", currency_code: "usd", price_list: list({ status: "draft" }) }], "usd", { price: "10 USD" }],
    ["override list ignored", [{ amount: "10", currency_code: "usd" }, { amount: "5", currency_code: "usd", price_list: list({ type: "override" }) }], "usd", { price: "10 USD" }],
    ["negative ignored", [{ amount: "-1", currency_code: "usd" }], "usd", undefined],
    ["only a list price", [{ amount: "5", currency_code: "usd", price_list: list() }], "usd", undefined],
  ])("%s", (_, prices, currency, expected) => {
    expect(pickCatalogPricing(prices, currency, now)).toEqual(expected)
  })
})

describe("identifiers and attributes", () => {
  it.each([
    ["4006381333931", "4006381333931"],
    ["4006-3813-3393-1", "4006381333931"],
    ["4006381333932", undefined],
    ["036000291452", "036000291452"],
    ["96385074", "96385074"],
    ["00000000", undefined],
    ["12345", undefined],
    ["abc", undefined],
    [4006381333931, "4006381333931"],
  ])("gtin %p → %p", (input, expected) => {
    expect(normalizeGtin(input)).toBe(expected)
  })

  it.each([
    [{ id: "variant_1", sku: "SKU-1" }, "SKU-1"],
    [{ id: "variant_1", sku: "  " }, "variant_1"],
    [{ id: "variant_1", sku: null }, "variant_1"],
    [{ id: "variant_1" }, "variant_1"],
    [{ id: "variant_1", sku: " SKU 2 " }, "SKU 2"],
  ])("retailer id of %p is %p", (v, expected) => {
    expect(retailerIdOf(v)).toBe(expected)
  })

  it("escapes Meta's separators in additional_variant_attribute", () => {
    expect(
      variantAttributes([
        { option_title: "Scent: type", value: "Rose, vanilla" },
        { option_title: "Colour", value: "Navy" },
        { option_title: "Gender", value: "robot" },
        { option_title: "Size", value: "" },
      ])
    ).toEqual({ color: "Navy", additional_variant_attribute: "Scent type:Rose vanilla" })
  })

  it("stable hashing ignores key order and undefined", () => {
    expect(stableStringify({ b: 1, a: [1, { d: undefined, c: 2 }] })).toBe('{"a":[1,{"c":2}],"b":1}')
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }))
  })
})
