/**
 * Turns Meta's item-level error text (items_batch validation_status and check_batch_request_status
 * errors) into what the merchant should fix in Medusa. Meta's messages name the feed field; the hint
 * names the place in the admin.
 */
export type ItemErrorHint = { field: string; hint: string }

const RULES: { field: string; pattern: RegExp; hint: string }[] = [
  { field: "sale_price", pattern: /sale[_ ]price/i, hint: "The sale price must be lower than the price: check the sale price list for this variant." },
  { field: "price", pattern: /price|currency/i, hint: "Check the variant's price and currency in Medusa (Meta expects a positive amount in the catalog currency)." },
  { field: "image_link", pattern: /image/i, hint: "Check the product images: Meta needs a public image URL it can download from the internet (at least 500×500)." },
  { field: "link", pattern: /\blink\b|url|https/i, hint: "Check the storefront link: it must be a public https URL (plugin option storefrontUrl / productUrlTemplate)." },
  { field: "title", pattern: /title|name/i, hint: "Check the product title (required, at most 150 characters)." },
  { field: "description", pattern: /description/i, hint: "Check the product description (required; the title is used when it is empty)." },
  { field: "availability", pattern: /availability|stock|inventory|quantity/i, hint: "Check the variant's inventory and backorder settings." },
  { field: "condition", pattern: /condition/i, hint: "Set metadata.condition on the product to new, refurbished or used." },
  { field: "brand", pattern: /brand|gtin|mpn|identifier/i, hint: "Add a brand (product metadata \"brand\") or a valid barcode (GTIN) to the variant." },
  { field: "gtin", pattern: /barcode|ean|upc/i, hint: "Check the variant's barcode: it must be a valid GTIN-8/12/13/14." },
  { field: "item_group_id", pattern: /item_group|group/i, hint: "Variants of one product must share a group: re-sync the product." },
  { field: "google_product_category", pattern: /category/i, hint: "Check the category mapping for this product's type or category." },
  { field: "policy", pattern: /policy|prohibited|rejected|review/i, hint: "Meta's commerce review rejected the item; check Commerce Manager for the policy it names." },
]

export function hintForItemError(message: unknown): ItemErrorHint {
  const text = typeof message === "string" ? message : ""
  for (const rule of RULES) {
    if (rule.pattern.test(text)) return { field: rule.field, hint: rule.hint }
  }
  return { field: "item", hint: "Meta rejected the item; the message above says why. Fix the product and sync it again." }
}
