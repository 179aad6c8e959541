import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { markMetaCatalogItemsDirtyWorkflow } from "../workflows/catalog"
import type { CatalogChange } from "../workflows/catalog/engine/mark-changes-dirty"

const KIND_BY_EVENT: Record<string, CatalogChange["kind"]> = {
  "product.created": "products",
  "product.updated": "products",
  "product.deleted": "products",
  "product-variant.created": "variants",
  "product-variant.updated": "variants",
  "product-variant.deleted": "variants",
  "inventory-level.created": "inventory_levels",
  "inventory-level.updated": "inventory_levels",
  "inventory-level.deleted": "inventory_levels",
  "inventory-item.updated": "inventory_items",
  // Placing or cancelling an order reserves or frees stock without an inventory-level event.
  "order.placed": "orders",
  "order.canceled": "orders",
}

/** Thin: only marks the affected variants dirty; the catalog worker does the sending. */
export default async function metaCatalogChanges({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const kind = KIND_BY_EVENT[event.name]
  const ids = (Array.isArray(event.data) ? event.data : [event.data]).map((d) => d?.id).filter((id): id is string => !!id)
  if (!kind || !ids.length) return
  await markMetaCatalogItemsDirtyWorkflow(container).run({ input: { kind, ids } })
}

export const config: SubscriberConfig = {
  event: Object.keys(KIND_BY_EVENT),
  context: { subscriberId: "meta-catalog-changes" },
}
