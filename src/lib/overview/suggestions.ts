/**
 * What the merchant should look at next, each with the numbers behind it and the screen that explains it.
 * Suggestions are computed from figures the overview already read; none calls Meta.
 */
import { compareDecimals, tryParseDecimal } from "../ads/money"
import { sellableQuantity } from "../catalog/sellable-quantity"

/** A campaign below this ROAS over 7 days (with spend) is worth a look. */
export const LOW_ROAS_THRESHOLD = "1.5"

export type SuggestionKind =
  | "reconnect"
  | "missing_permissions"
  | "failed_publications"
  | "catalog_errors"
  | "capi_failing"
  | "low_roas_campaigns"
  | "out_of_stock_advertised"
  | "connect"
  | "first_publication"
  | "first_campaign"

export type Suggestion = {
  kind: SuggestionKind
  message: string
  link: string
  numbers: Record<string, string | number | null>
}

export type SuggestionInput = {
  connected: boolean
  /** The status the merchant sees (active, expiring, expired, revoked, error). */
  connectionStatus: string | null
  missingPermissions: { feature: string; permissions: string[] }[]
  publishing: { enabled: boolean; failed: number; total: number }
  catalog: { enabled: boolean; errors: number }
  capi: { enabled: boolean; failed: number }
  ads: {
    enabled: boolean
    hasAccount: boolean
    campaigns: number
    /** Active campaigns with their Meta-reported ROAS over the last 7 days (null without spend). */
    activeCampaigns: { meta_id: string; name: string; spend_7d: string; roas_7d: string | null }[]
    /** Products advertised by an active ad that cannot be sold now. */
    outOfStockAdvertised: { product_id: string; title: string; ads: number }[]
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export function suggest(input: SuggestionInput): Suggestion[] {
  const out: Suggestion[] = []
  if (!input.connected) {
    return [{ kind: "connect", message: "Connect the store to Meta to sync the catalog, send conversions, publish and run ads.", link: "/settings/meta", numbers: {} }]
  }
  if (input.connectionStatus && ["expired", "revoked", "error"].includes(input.connectionStatus)) {
    out.push({ kind: "reconnect", message: "Meta no longer accepts the store's token: reconnect to resume catalog sync, events, publishing and ads.", link: "/settings/meta", numbers: { status: input.connectionStatus } })
  }
  for (const missing of input.missingPermissions) {
    if (!missing.permissions.length) continue
    out.push({
      kind: "missing_permissions",
      message: `${missing.feature} lacks ${plural(missing.permissions.length, "permission")} (${missing.permissions.join(", ")}): reconnect and grant them.`,
      link: "/settings/meta",
      numbers: { feature: missing.feature, missing: missing.permissions.length },
    })
  }
  if (input.publishing.enabled && input.publishing.failed > 0) {
    out.push({
      kind: "failed_publications",
      message: `${plural(input.publishing.failed, "publication")} failed: open ${input.publishing.failed === 1 ? "it" : "them"} to see why and retry.`,
      link: "/meta/publishing?view=list&status=failed",
      numbers: { failed: input.publishing.failed },
    })
  }
  if (input.catalog.enabled && input.catalog.errors > 0) {
    out.push({
      kind: "catalog_errors",
      message: `${plural(input.catalog.errors, "catalog item")} rejected by Meta: each says what to fix.`,
      link: "/meta/catalog?status=error",
      numbers: { errors: input.catalog.errors },
    })
  }
  if (input.capi.enabled && input.capi.failed > 0) {
    out.push({
      kind: "capi_failing",
      message: `${plural(input.capi.failed, "Conversions API event")} failed: check the error and replay.`,
      link: "/meta/events",
      numbers: { failed: input.capi.failed },
    })
  }
  if (input.ads.enabled && input.ads.hasAccount) {
    const low = input.ads.activeCampaigns.filter(
      (c) => tryParseDecimal(c.spend_7d) && compareDecimals(c.spend_7d, "0") > 0 && c.roas_7d !== null && compareDecimals(c.roas_7d, LOW_ROAS_THRESHOLD) < 0
    )
    if (low.length) {
      out.push({
        kind: "low_roas_campaigns",
        message: `${plural(low.length, "campaign")} below ${LOW_ROAS_THRESHOLD} ROAS over 7 days: review ${low.length === 1 ? "it" : "them"} (${low
          .slice(0, 3)
          .map((c) => `${c.name} ${c.roas_7d}`)
          .join(", ")}${low.length > 3 ? ", …" : ""}).`,
        link: "/meta/campaigns",
        numbers: { campaigns: low.length, threshold: LOW_ROAS_THRESHOLD },
      })
    }
    for (const product of input.ads.outOfStockAdvertised) {
      out.push({
        kind: "out_of_stock_advertised",
        message: `${product.title} is out of stock but still advertised by ${plural(product.ads, "active ad")}: pause ${product.ads === 1 ? "it" : "them"} or restock.`,
        link: `/products/${encodeURIComponent(product.product_id)}`,
        numbers: { product_id: product.product_id, ads: product.ads },
      })
    }
    if (input.ads.campaigns === 0) {
      out.push({ kind: "first_campaign", message: "No campaigns yet: boost a published post or start a catalog sales campaign.", link: "/meta/campaigns", numbers: {} })
    }
  }
  if (input.publishing.enabled && input.publishing.total === 0) {
    out.push({ kind: "first_publication", message: "Nothing published yet: compose a post from a product.", link: "/meta/publishing", numbers: {} })
  }
  return out
}

/** A product as Query reads it for the stock check: its variants, their inventory items and levels. */
export type StockProduct = {
  id: string
  title: string | null
  variants?: {
    manage_inventory?: boolean | null
    allow_backorder?: boolean | null
    inventory_items?: {
      required_quantity?: number | string | null
      inventory?: { location_levels?: { stocked_quantity?: number | string | null; reserved_quantity?: number | string | null }[] | null } | null
    }[] | null
  }[] | null
}

/**
 * Whether no variant of the product can be sold now: every variant manages its inventory, allows no backorder,
 * and has no sellable unit at any location (as src/lib/catalog/sellable-quantity.ts counts them). A product
 * without variants is not called out of stock: there is nothing to say about it.
 */
export function isOutOfStock(product: StockProduct): boolean {
  const variants = product.variants ?? []
  if (!variants.length) return false
  return variants.every((v) => {
    if (v.manage_inventory === false || v.allow_backorder) return false
    const items = (v.inventory_items ?? []).map((item) => ({ required_quantity: item.required_quantity, levels: item.inventory?.location_levels ?? [] }))
    const sellable = sellableQuantity(items)
    return sellable !== null && sellable <= 0
  })
}
