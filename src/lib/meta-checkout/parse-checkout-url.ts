/**
 * Meta Shops "checkout on your website": when a shopper checks out on Facebook or Instagram, Meta opens
 * the shop's checkout URL with `products=<content_id>:<quantity>,…` (content ids are the catalog's
 * retailer ids, URL-encoded, e.g. `SKU-1%3A2%2CSKU-2%3A1`), an optional `coupon` the shopper picked in
 * the shop, and `cart_origin` (facebook, instagram or meta_shops), plus utm_* parameters.
 */

/** A Meta shop cart is small; the cap keeps a crafted URL from creating a cart with thousands of lines. */
export const MAX_CHECKOUT_LINES = 50
/** Per line; Medusa validates stock when the cart is created. */
export const MAX_CHECKOUT_QUANTITY = 999
export const MAX_COUPON_LENGTH = 100
/** Where the shopper lands unless the catalog.checkoutPath option says otherwise. */
export const DEFAULT_CHECKOUT_PATH = "/cart?cart_id={cart_id}"
export const CART_ORIGINS = ["facebook", "instagram", "meta_shops"] as const

export type CheckoutLine = { retailerId: string; quantity: number }
export type ParsedCheckout = { lines: CheckoutLine[]; coupon?: string; cartOrigin?: string }
export type CheckoutParseResult = { ok: true; value: ParsedCheckout } | { ok: false; field: string; message: string }

const fail = (field: string, message: string): CheckoutParseResult => ({ ok: false, field, message })

function single(value: unknown, field: string): string | undefined | { error: string } {
  if (value === undefined) return undefined
  if (Array.isArray(value)) return { error: `${field} must be given once` }
  if (typeof value !== "string") return { error: `${field} must be a string` }
  return value
}

/** Parses Meta's checkout query (already URL-decoded once by the HTTP layer). Same retailer id twice → quantities add up. */
export function parseCheckoutQuery(query: Record<string, unknown>): CheckoutParseResult {
  const products = single(query.products, "products")
  if (products === undefined || products === "") return fail("products", "products is required, e.g. products=SKU-1:2,SKU-2:1")
  if (typeof products === "object") return fail("products", products.error)
  const quantities = new Map<string, number>()
  const entries = products.split(",")
  if (entries.length > MAX_CHECKOUT_LINES) return fail("products", `products may list at most ${MAX_CHECKOUT_LINES} items`)
  for (const raw of entries) {
    const entry = raw.trim()
    // The quantity follows the last colon: retailer ids (SKUs) may themselves contain colons.
    const at = entry.lastIndexOf(":")
    if (at <= 0) return fail("products", `products entry "${entry}" must look like <id>:<quantity>`)
    const retailerId = entry.slice(0, at).trim()
    const quantityText = entry.slice(at + 1).trim()
    if (!/^\d{1,6}$/.test(quantityText)) return fail("products", `products entry "${entry}" has an invalid quantity`)
    const quantity = Number(quantityText)
    if (quantity < 1) return fail("products", `products entry "${entry}" must have a quantity of at least 1`)
    const total = (quantities.get(retailerId) ?? 0) + quantity
    if (total > MAX_CHECKOUT_QUANTITY) return fail("products", `products quantity for "${retailerId}" must be at most ${MAX_CHECKOUT_QUANTITY}`)
    quantities.set(retailerId, total)
  }
  const coupon = single(query.coupon, "coupon")
  if (typeof coupon === "object") return fail("coupon", coupon.error)
  const couponText = coupon?.trim()
  if (couponText && couponText.length > MAX_COUPON_LENGTH) return fail("coupon", `coupon must be at most ${MAX_COUPON_LENGTH} characters`)
  const origin = single(query.cart_origin, "cart_origin")
  if (typeof origin === "object") return fail("cart_origin", origin.error)
  if (origin !== undefined && origin !== "" && !(CART_ORIGINS as readonly string[]).includes(origin)) {
    return fail("cart_origin", `cart_origin must be one of ${CART_ORIGINS.join(", ")}`)
  }
  return {
    ok: true,
    value: {
      lines: [...quantities].map(([retailerId, quantity]) => ({ retailerId, quantity })),
      ...(couponText ? { coupon: couponText } : {}),
      ...(origin ? { cartOrigin: origin } : {}),
    },
  }
}

/**
 * Where the shopper lands: the storefront URL + the path template, with {cart_id} and {country_code}
 * filled in (URL-encoded). The storefront adopts the cart id (e.g. stores it in its cart cookie).
 */
export function storefrontCheckoutUrl(storefrontUrl: string, pathTemplate: string, values: { cart_id: string; country_code?: string | null }): string {
  const path = pathTemplate
    .replace(/\{cart_id\}/g, encodeURIComponent(values.cart_id))
    .replace(/\{country_code\}/g, encodeURIComponent(values.country_code ?? ""))
  return `${storefrontUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`
}
