import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { GraphError } from "../../../lib/graph"
import { mediaTypeOfMime, mimeFromUrl } from "../../../lib/publishing/media-format"
import {
  kindTakesProductTags,
  planProductTags,
  resolveProductTags,
  type CatalogMatch,
  type TaggingBlock,
} from "../../../lib/publishing/product-tags"
import type { GraphPort } from "../../../lib/publishing/publisher"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import type { ClaimedPublication } from "../../../modules/meta-publishing/service"
import type { MetaPublicationIssue, MetaPublicationKind } from "../../../types/http/publishing"

/**
 * Instagram product tags at run time, as Meta's product-tagging guide orders it
 * (https://developers.facebook.com/docs/instagram-platform/shopping-api/product-tagging):
 * the account's `shopping_product_tag_eligibility`, the Shop's catalogs (`available_catalogs`), then each
 * product's id in the Shop's catalog (`catalog_product_search`, by the retailer id our catalog sync sent —
 * items_batch answers no Meta ids, so this is the one read that finds them). Only a transient fault is
 * thrown (the publisher retries); anything else leaves tags off with a warning and the post goes out.
 */

type Eligibility = { shopping_product_tag_eligibility?: boolean }
type ShopCatalog = { catalog_id?: string; catalog_name?: string }
type SearchedProduct = { product_id?: number | string; retailer_id?: string; review_status?: string }

export type TaggedWork = { work: ClaimedPublication; warnings: MetaPublicationIssue[] | null }

const retryable = (error: unknown) => error instanceof GraphError && (error.category === "transient" || error.category === "throttled")
const blockOf = (error: unknown): TaggingBlock => {
  if (retryable(error) || !(error instanceof GraphError)) throw error
  return error.category === "permission" || error.category === "auth" ? "no_permission" : "unavailable"
}

/** Meta's `shopping_product_tag_eligibility` for the account; null when it cannot be read. */
export async function readProductTagEligibility(graph: GraphPort, igUserId: string): Promise<boolean | null> {
  try {
    const answer = await graph.get<Eligibility>(igUserId, { fields: "shopping_product_tag_eligibility" })
    return typeof answer.shopping_product_tag_eligibility === "boolean" ? answer.shopping_product_tag_eligibility : null
  } catch (error) {
    if (retryable(error) || !(error instanceof GraphError)) throw error
    return null
  }
}

/**
 * The publication with each media's tags resolved to Meta catalog ids, and what was left off (null when
 * there was nothing to decide: no products, a kind without tags, or the container exists already).
 */
export async function tagInstagramWork(
  container: MedusaContainer,
  graph: GraphPort,
  account: { id: string; meta_id: string },
  work: ClaimedPublication
): Promise<TaggedWork> {
  const kind = work.kind as MetaPublicationKind
  if (work.container_id || !kindTakesProductTags(kind) || !work.product_ids?.length) return { work, warnings: null }
  const mediaTypes = work.media.map((m) => (m.type === "image" || m.type === "video" ? m.type : mediaTypeOfMime(mimeFromUrl(m.url))))
  const plan = planProductTags({ kind, mediaTypes, product_ids: work.product_ids, product_tags: work.product_tags })
  if (!plan.media.some((tags) => tags.length)) return { work, warnings: plan.issues }

  const wanted = [...new Set(plan.media.flat().map((t) => t.product_id))]
  const matches = new Map<string, CatalogMatch>()
  let block: TaggingBlock = null
  const eligible = await graph.get<Eligibility>(account.meta_id, { fields: "shopping_product_tag_eligibility" }).then(
    (a) => a.shopping_product_tag_eligibility === true,
    (error) => {
      block = blockOf(error)
      return false
    }
  )
  await container
    .resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    .updateMetaPublishingAccounts({ id: account.id, product_tag_eligible: block ? null : eligible, product_tag_checked_at: new Date() })
    .catch(() => undefined)
  if (!block && !eligible) block = "not_eligible"
  if (!block) block = await findProducts(container, graph, account.meta_id, wanted, matches)

  const resolved = resolveProductTags(plan.media, { block, matches, productTitles: await titlesOf(container, wanted) })
  return {
    work: { ...work, media: work.media.map((m, i) => ({ ...m, product_tags: resolved.media[i] ?? [] })) },
    warnings: [...plan.issues, ...resolved.issues],
  }
}

/** Each product's first synced variant, looked up in the Shop's catalog; a block when the Shop is not the store's catalog. */
async function findProducts(
  container: MedusaContainer,
  graph: GraphPort,
  igUserId: string,
  productIds: string[],
  matches: Map<string, CatalogMatch>
): Promise<TaggingBlock> {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const syncedCatalog = (await meta.retrieveLiveConnection())?.catalog_id ?? null
  let catalogs: ShopCatalog[]
  try {
    catalogs = (await graph.get<{ data?: ShopCatalog[] }>(`${igUserId}/available_catalogs`, { fields: "catalog_id,catalog_name" })).data ?? []
  } catch (error) {
    return blockOf(error)
  }
  if (!catalogs.length) return "no_shop_catalog"
  if (!syncedCatalog || !catalogs.some((c) => String(c.catalog_id) === syncedCatalog)) return "catalog_not_in_shop"

  const items = await meta.listMetaCatalogItems(
    { product_id: productIds, catalog_id: syncedCatalog, status: "synced", excluded: false },
    { select: ["product_id", "retailer_id", "created_at"], order: { created_at: "ASC" }, take: null }
  )
  for (const productId of productIds) {
    const retailerId = items.find((i) => i.product_id === productId && i.retailer_id)?.retailer_id
    if (!retailerId) {
      matches.set(productId, { status: "not_synced" })
      continue
    }
    try {
      const found = await graph.get<{ data?: SearchedProduct[] }>(`${igUserId}/catalog_product_search`, { catalog_id: syncedCatalog, q: retailerId })
      const hit = (found.data ?? []).find((p) => p.retailer_id === retailerId && p.product_id !== undefined)
      matches.set(productId, hit ? { status: "found", meta_product_id: String(hit.product_id), review_status: hit.review_status ?? null } : { status: "not_found" })
    } catch (error) {
      return blockOf(error)
    }
  }
  return null
}

async function titlesOf(container: MedusaContainer, productIds: string[]): Promise<Map<string, string>> {
  try {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: ["id", "title"], filters: { id: productIds } })
    return new Map((data as { id: string; title: string | null }[]).filter((p) => p.title).map((p) => [p.id, p.title as string]))
  } catch {
    return new Map()
  }
}
