/**
 * Whether a variant belongs in the Meta catalog at all. Products outside the catalog's sales channel,
 * drafts (anything not published) and what the merchant excluded are not sent, and are deleted from
 * Meta if they were sent before.
 */
export type CatalogEligibility =
  | { eligible: true }
  | { eligible: false; reason: "deleted" | "not_published" | "not_in_sales_channel" | "excluded" }

export function catalogEligibility(input: {
  exists: boolean
  status?: string | null
  salesChannelIds?: string[]
  /** The catalog's sales channel; undefined = every channel. */
  salesChannelId?: string
  excluded?: boolean
}): CatalogEligibility {
  if (!input.exists) return { eligible: false, reason: "deleted" }
  if (input.excluded) return { eligible: false, reason: "excluded" }
  if (input.status !== "published") return { eligible: false, reason: "not_published" }
  if (input.salesChannelId && !(input.salesChannelIds ?? []).includes(input.salesChannelId)) {
    return { eligible: false, reason: "not_in_sales_channel" }
  }
  return { eligible: true }
}
