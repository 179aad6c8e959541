import { catalogItemFix } from "../catalog-item-fix"

const item = (over: Partial<Parameters<typeof catalogItemFix>[0]> = {}) => ({
  variant_id: "variant_1",
  product_id: "prod_1",
  status: "needs_attention",
  errors: [{ field: "image", message: "The product has no image; Meta requires one." }],
  ...over,
})

describe("catalogItemFix", () => {
  it.each([
    ["image", "/products/prod_1", "Fix on the product"],
    ["image_link", "/products/prod_1", "Fix on the product"],
    ["title", "/products/prod_1", "Fix on the product"],
    ["description", "/products/prod_1", "Fix on the product"],
    ["google_product_category", "/products/prod_1", "Fix on the product"],
    ["policy", "/products/prod_1", "Fix on the product"],
    ["item", "/products/prod_1", "Fix on the product"],
    ["price", "/products/prod_1/variants/variant_1", "Fix on the variant"],
    ["sale_price", "/products/prod_1/variants/variant_1", "Fix on the variant"],
    ["sku", "/products/prod_1/variants/variant_1", "Fix on the variant"],
    ["gtin", "/products/prod_1/variants/variant_1", "Fix on the variant"],
    ["availability", "/products/prod_1/variants/variant_1", "Fix on the variant"],
    ["link", "/settings/meta", "Check the storefront link"],
  ])("a %s problem is fixed at %s", (field, to, label) => {
    expect(catalogItemFix(item({ errors: [{ field }] }))).toEqual({ label, to })
  })

  it("Meta's errors (status error) link the same way", () => {
    expect(catalogItemFix(item({ status: "error", errors: [{ field: "price" }] }))?.to).toBe("/products/prod_1/variants/variant_1")
  })

  it("the first problem decides when there are several", () => {
    expect(catalogItemFix(item({ errors: [{ field: "price" }, { field: "image" }] }))?.label).toBe("Fix on the variant")
    expect(catalogItemFix(item({ errors: [{ field: "image" }, { field: "price" }] }))?.label).toBe("Fix on the product")
  })

  it("an error without a field goes to the product", () => {
    expect(catalogItemFix(item({ errors: [{}] }))).toEqual({ label: "Fix on the product", to: "/products/prod_1" })
  })

  it.each(["synced", "pending", "deleting", "removed"])("nothing to fix for a %s item, even with stale errors", (status) => {
    expect(catalogItemFix(item({ status }))).toBeNull()
  })

  it("nothing to fix without errors", () => {
    expect(catalogItemFix(item({ errors: [] }))).toBeNull()
  })

  it("no link for an item Medusa has no product for (an orphan Meta held)", () => {
    expect(catalogItemFix(item({ product_id: null, variant_id: "orphan:OLD-1" }))).toBeNull()
  })

  it("ids with URL-special characters stay one path segment", () => {
    expect(catalogItemFix(item({ product_id: "prod/1?x", variant_id: "var#2", errors: [{ field: "price" }] }))?.to).toBe(
      "/products/prod%2F1%3Fx/variants/var%232"
    )
  })
})
