import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  catalogEligibility,
  planProductSetAction,
  productSetContent,
  productSetRetailerId,
  retailerIdOf,
  type ProductSetSource,
} from "../lib/catalog"
import { GraphError } from "../lib/graph"
import type { ProductSetSourceRef } from "../modules/meta/catalog-product-set-repository"
import { metaService } from "../modules/meta/resolve-meta-service"
import { recordAuthFailure, resolveCatalogContext, type CatalogContext } from "./catalog-context"

export type ProductSetChange =
  | { kind: "all" }
  | { kind: "collections"; ids: string[] }
  | { kind: "categories"; ids: string[] }
  | { kind: "products"; ids: string[] }

type Row = Record<string, any>

/** Sets recomputed per worker tick: each is a few queries and at most one Graph call. */
const SETS_PER_TICK = 25
const PAGE = 1000

/** Marks the product sets a change may affect dirty; the catalog worker recomputes and sends them. */
export async function markProductSetsDirty(container: MedusaContainer, change: ProductSetChange): Promise<number> {
  const service = metaService(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  switch (change.kind) {
    case "all": {
      // Every source Medusa has, plus every row we hold (a deleted source's set is removed by the worker).
      const refs: ProductSetSourceRef[] = []
      for (const [entity, type] of [["product_collection", "collection"], ["product_category", "category"]] as const) {
        for (let skip = 0; ; skip += PAGE) {
          const { data } = await query.graph({ entity, fields: ["id"], pagination: { skip, take: PAGE, order: { id: "ASC" } } })
          refs.push(...(data as Row[]).map((r) => ({ source_type: type, source_id: r.id as string })))
          if (data.length < PAGE) break
        }
      }
      const known = await service.listMetaCatalogProductSets({}, { select: ["source_type", "source_id"], take: null })
      refs.push(...known.map((r: Row) => ({ source_type: r.source_type, source_id: r.source_id })))
      return service.markCatalogProductSetsDirty(refs)
    }
    case "collections":
      return service.markCatalogProductSetsDirty(change.ids.map((id) => ({ source_type: "collection", source_id: id })))
    case "categories":
      return service.markCatalogProductSetsDirty(change.ids.map((id) => ({ source_type: "category", source_id: id })))
    case "products": {
      const { data } = await query.graph({
        entity: "product",
        fields: ["id", "collection_id", "categories.id", "variants.id", "variants.sku"],
        filters: { id: change.ids },
      })
      const refs: ProductSetSourceRef[] = []
      const retailerIds: string[] = []
      for (const product of data as Row[]) {
        if (product.collection_id) refs.push({ source_type: "collection", source_id: product.collection_id })
        for (const category of product.categories ?? []) refs.push({ source_type: "category", source_id: category.id })
        for (const variant of product.variants ?? []) retailerIds.push(retailerIdOf(variant))
      }
      // Ids Meta knows these products' variants by (also of deleted ones): sets holding them are recomputed.
      const items = await service.listMetaCatalogItems({ product_id: change.ids }, { select: ["retailer_id"], take: null })
      retailerIds.push(...items.map((i: Row) => i.retailer_id).filter(Boolean))
      await service.markProductSetsHoldingDirty([...new Set(retailerIds)])
      return service.markCatalogProductSetsDirty(refs)
    }
  }
}

export type ProductSetSyncResult = { checked: number; created: number; updated: number; deleted: number; failed: number; paused?: string }

/**
 * Recomputes dirty product sets: the retailer ids of the source's variants that belong in the catalog
 * (published, in the sales channel, not excluded) → create, update or delete the Meta product set.
 */
export async function syncProductSets(container: MedusaContainer): Promise<ProductSetSyncResult> {
  const result: ProductSetSyncResult = { checked: 0, created: 0, updated: 0, deleted: 0, failed: 0 }
  const service = metaService(container)
  const dirty = await service.listMetaCatalogProductSets({ dirty: true }, { take: SETS_PER_TICK, order: { updated_at: "ASC" } })
  if (!dirty.length) return result
  const context = await resolveCatalogContext(container)
  if (!context.target) return { ...result, paused: context.pausedReason }
  for (const row of dirty as Row[]) {
    result.checked++
    const source = await loadSource(container, context, row.source_type, row.source_id)
    const desired = source ? productSetContent(source.source, source.retailerIds) : null
    // Another catalog was selected since: the set is created again in the current one.
    const metaId = row.catalog_id === context.target.catalogId ? row.meta_product_set_id : null
    const action = planProductSetAction(desired, { metaId, hash: row.content_hash })
    try {
      const outcome = await applyAction(context, action, row, metaId, desired)
      if (action === "create") result.created++
      if (action === "update") result.updated++
      if (action === "delete") result.deleted++
      if (!source) {
        await service.deleteMetaCatalogProductSets(row.id)
        continue
      }
      await service.updateMetaCatalogProductSets({
        id: row.id,
        catalog_id: context.target.catalogId,
        meta_product_set_id: outcome.metaId,
        name: desired?.name ?? null,
        content_hash: desired?.hash ?? null,
        // A json column typed as an object by the data model; it holds the array of retailer ids.
        retailer_ids: source.retailerIds as unknown as Record<string, unknown>,
        item_count: source.retailerIds.length,
        status: desired ? "synced" : "removed",
        dirty: false,
        error: null,
        last_synced_at: new Date(),
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (await recordAuthFailure(service, context.target.connectionId, error)) return { ...result, paused: message }
      // Throttled or Meta unavailable: the row stays dirty and is tried on a later tick.
      if (error instanceof GraphError && (error.category === "throttled" || error.category === "transient")) return result
      result.failed++
      await service.updateMetaCatalogProductSets({ id: row.id, status: "error", error: message, dirty: false })
    }
  }
  return result
}

async function applyAction(
  context: CatalogContext,
  action: ReturnType<typeof planProductSetAction>,
  row: Row,
  metaId: string | null,
  desired: ReturnType<typeof productSetContent>
): Promise<{ metaId: string | null }> {
  const target = context.target!
  const graph = context.service.getGraphClient()
  const common = { token: target.token, usageKey: target.catalogId }
  switch (action) {
    case "none":
      return { metaId }
    case "create": {
      const answer = await graph.post<{ id: string }>(`${target.catalogId}/product_sets`, {
        ...common,
        body: {
          name: desired!.name,
          filter: JSON.stringify(desired!.filter),
          retailer_id: productSetRetailerId({ kind: row.source_type, id: row.source_id }),
        },
      })
      return { metaId: answer.id }
    }
    case "update":
      await graph.post(`${metaId}`, { ...common, body: { name: desired!.name, filter: JSON.stringify(desired!.filter) } })
      return { metaId }
    case "delete":
      // Meta refuses to delete a set ads use unless told so; an empty or deleted source has nothing to advertise.
      await graph.delete(`${metaId}`, { ...common, params: { allow_live_product_set_deletion: true } })
      return { metaId: null }
  }
}

/** The source and the retailer ids of its catalog-eligible variants; null when the source no longer exists. */
async function loadSource(
  container: MedusaContainer,
  context: CatalogContext,
  type: "collection" | "category",
  id: string
): Promise<{ source: ProductSetSource; retailerIds: string[] } | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: type === "collection" ? "product_collection" : "product_category",
    fields: type === "collection" ? ["id", "title", "products.id"] : ["id", "name", "products.id"],
    filters: { id },
  })
  const found = data[0] as Row | undefined
  if (!found) return null
  const productIds = (found.products ?? []).map((p: Row) => p.id)
  const retailerIds: string[] = []
  if (productIds.length) {
    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id", "status", "sales_channels.id", "variants.id", "variants.sku"],
      filters: { id: productIds },
    })
    const excluded = new Set(
      (
        await context.service.listMetaCatalogItems({ product_id: productIds, excluded: true }, { select: ["variant_id"], take: null })
      ).map((i: Row) => i.variant_id)
    )
    for (const product of products as Row[]) {
      for (const variant of product.variants ?? []) {
        const eligibility = catalogEligibility({
          exists: true,
          status: product.status,
          salesChannelIds: (product.sales_channels ?? []).map((c: Row) => c.id),
          salesChannelId: context.salesChannelId,
          excluded: excluded.has(variant.id),
        })
        if (eligibility.eligible) retailerIds.push(retailerIdOf(variant))
      }
    }
  }
  return { source: { kind: type, id, title: type === "collection" ? found.title : found.name }, retailerIds: [...new Set(retailerIds)].sort() }
}
