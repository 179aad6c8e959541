import type { MetaCatalogItem } from "./types"

/** Meta: at most 5,000 requests per items_batch call (https://developers.facebook.com/docs/marketing-api/reference/product-catalog/items_batch/). */
export const MAX_REQUESTS_PER_BATCH = 5000
/** Meta: payload ≤ 28 MB; we stay well below so a call never bounces on size. */
export const MAX_BATCH_BYTES = 20 * 1024 * 1024

export type ItemsBatchRequest =
  | { method: "UPDATE"; data: MetaCatalogItem }
  | { method: "DELETE"; data: { id: string } }

export type ItemsBatchBody = {
  item_type: "PRODUCT_ITEM"
  /** UPDATE creates the item when Meta does not have it yet. */
  allow_upsert: true
  requests: ItemsBatchRequest[]
}

export type CatalogOperation = { kind: "upsert"; item: MetaCatalogItem } | { kind: "delete"; retailerId: string }

export function toItemsBatchRequest(op: CatalogOperation): ItemsBatchRequest {
  return op.kind === "upsert" ? { method: "UPDATE", data: op.item } : { method: "DELETE", data: { id: op.retailerId } }
}

/**
 * Splits operations into items_batch bodies of ≤5,000 requests and ≤20 MB each, in order. A retailer id
 * appears at most once per call (the last operation wins), since Meta applies requests of one call in
 * no guaranteed order.
 */
export function buildItemsBatchBodies(
  operations: CatalogOperation[],
  limits: { maxRequests?: number; maxBytes?: number } = {}
): ItemsBatchBody[] {
  const maxRequests = Math.min(limits.maxRequests ?? MAX_REQUESTS_PER_BATCH, MAX_REQUESTS_PER_BATCH)
  const maxBytes = limits.maxBytes ?? MAX_BATCH_BYTES
  const latest = new Map<string, CatalogOperation>()
  for (const op of operations) {
    const id = op.kind === "upsert" ? op.item.id : op.retailerId
    latest.delete(id)
    latest.set(id, op)
  }
  const bodies: ItemsBatchBody[] = []
  let current: ItemsBatchRequest[] = []
  let bytes = 0
  for (const op of latest.values()) {
    const request = toItemsBatchRequest(op)
    const size = Buffer.byteLength(JSON.stringify(request)) + 1
    if (current.length > 0 && (current.length >= maxRequests || bytes + size > maxBytes)) {
      bodies.push({ item_type: "PRODUCT_ITEM", allow_upsert: true, requests: current })
      current = []
      bytes = 0
    }
    current.push(request)
    bytes += size
  }
  if (current.length) bodies.push({ item_type: "PRODUCT_ITEM", allow_upsert: true, requests: current })
  return bodies
}
