import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { markMetaProductSetsDirtyWorkflow } from "../workflows/catalog"
import type { ProductSetChange } from "../catalog-sync/sync-product-sets"

const KIND_BY_EVENT: Record<string, Exclude<ProductSetChange["kind"], "all">> = {
  "product-collection.created": "collections",
  "product-collection.updated": "collections",
  "product-collection.deleted": "collections",
  "product-category.created": "categories",
  "product-category.updated": "categories",
  "product-category.deleted": "categories",
  // A product joining or leaving a collection/category, publishing, or its variants' SKUs changing.
  "product.created": "products",
  "product.updated": "products",
  "product.deleted": "products",
}

/** Thin: marks the product sets a change may affect dirty; the catalog worker sends them. */
export default async function metaCatalogProductSets({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const kind = KIND_BY_EVENT[event.name]
  const ids = (Array.isArray(event.data) ? event.data : [event.data]).map((d) => d?.id).filter((id): id is string => !!id)
  if (!kind || !ids.length) return
  await markMetaProductSetsDirtyWorkflow(container).run({ input: { kind, ids } })
}

export const config: SubscriberConfig = {
  event: Object.keys(KIND_BY_EVENT),
  context: { subscriberId: "meta-catalog-product-sets" },
}
