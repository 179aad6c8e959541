import type { Caller, Reply, RouteContext } from "../context"
import { json } from "../context"
import { requestErrors } from "../errors"
import { stringParam } from "../http"
import { requireAnyScope } from "../nodes"
import type { IgAccountRecord, World } from "../world"
import { catalogProductsOf } from "./catalog"
import { igErrors } from "./instagram-errors"
import type { ContainerMediaType, ProductTagRecord } from "./publishing-store"

/**
 * Instagram Shopping product tagging (https://developers.facebook.com/docs/instagram-platform/shopping-api/product-tagging):
 * `shopping_product_tag_eligibility` on the IG user, GET /{ig-user-id}/available_catalogs, GET
 * /{ig-user-id}/catalog_product_search, and `product_tags` on containers as
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media states
 * them: ≤ 5 per media, unique, x/y 0–1 required on images (2207036) and refused on videos (2207035), the
 * product in the Shop's catalog (2207037); not on stories or a carousel parent.
 */

export const SHOPPING_SCOPES = [["instagram_basic"], ["instagram_shopping_tag_products"], ["catalog_management"]]
const MAX_TAGS_PER_MEDIA = 5

/** An account's Shop as the emulator models it; by default eligible, selling from its Page's business catalogs. */
export type ShopSettings = {
  eligible: boolean
  /** The catalogs the Shop uses (undefined = every catalog of the Page's business). */
  catalogIds?: string[]
  /** review_status per retailer id (default "approved"). */
  reviewStatus?: Record<string, "approved" | "pending" | "rejected" | "outdated" | "no_review">
}

const shops = new WeakMap<World, Map<string, ShopSettings>>()

function shopsOf(world: World): Map<string, ShopSettings> {
  let state = shops.get(world)
  if (!state) {
    state = new Map()
    shops.set(world, state)
  }
  return state
}

export function setShop(world: World, igUserId: string, settings: ShopSettings): void {
  shopsOf(world).set(igUserId, { ...settings, ...(settings.catalogIds ? { catalogIds: [...settings.catalogIds] } : {}) })
}

export function shopOf(world: World, ig: IgAccountRecord): Required<Pick<ShopSettings, "eligible" | "catalogIds">> & ShopSettings {
  const settings = shopsOf(world).get(ig.id) ?? { eligible: true }
  const businessId = world.pages[ig.pageId]?.businessId
  const catalogIds = settings.catalogIds ?? Object.values(world.catalogs).filter((c) => c.businessId === businessId).map((c) => c.id)
  return { ...settings, catalogIds: settings.eligible ? catalogIds : [] }
}

/** GET /{ig-user-id}/available_catalogs */
export function availableCatalogs(ctx: RouteContext, ig: IgAccountRecord): Reply {
  const shop = shopOf(ctx.world, ig)
  return json({
    data: shop.catalogIds.map((id) => ({
      catalog_id: id,
      catalog_name: ctx.world.catalogs[id]?.name ?? id,
      shop_name: ig.name,
      product_count: catalogProductsOf(ctx.world, id).length,
    })),
  })
}

/** GET /{ig-user-id}/catalog_product_search?catalog_id=&q= (q matches the name or the retailer id/SKU). */
export function catalogProductSearch(ctx: RouteContext, ig: IgAccountRecord): Reply {
  const catalogId = stringParam(ctx.request.params, "catalog_id")
  if (!catalogId) throw requestErrors.missingParam("catalog_id")
  const shop = shopOf(ctx.world, ig)
  if (!shop.catalogIds.includes(catalogId)) throw requestErrors.invalidParam(`Param catalog_id ${catalogId} is not a catalog of this Instagram account's Shop`)
  const q = (stringParam(ctx.request.params, "q") ?? "").trim().toLowerCase()
  const rows = catalogProductsOf(ctx.world, catalogId)
    .filter(({ data }) => !q || String(data.id).toLowerCase().includes(q) || String(data.title ?? "").toLowerCase().includes(q))
    .map(({ graphId, data }) => ({
      product_id: Number(graphId),
      merchant_id: Number(catalogId),
      product_name: data.title,
      image_url: data.image_link,
      retailer_id: data.id,
      review_status: shop.reviewStatus?.[data.id] ?? "approved",
      is_checkout_flow: true,
    }))
  return json({ data: rows })
}

/** Every product item id the Shop can tag, with its review status. */
function taggableProducts(world: World, ig: IgAccountRecord): Map<string, string> {
  const shop = shopOf(world, ig)
  const out = new Map<string, string>()
  for (const catalogId of shop.catalogIds) {
    for (const { graphId, data } of catalogProductsOf(world, catalogId)) out.set(graphId, shop.reviewStatus?.[data.id] ?? "approved")
  }
  return out
}

function parseTags(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  try {
    const parsed = JSON.parse(String(value)) as unknown
    if (Array.isArray(parsed)) return parsed
  } catch {
    // answered below
  }
  throw requestErrors.invalidParam("Param product_tags must be a JSON array of {product_id, x, y}")
}

const coordinate = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value)

/**
 * The container's `product_tags`, checked as Meta checks them, or undefined when none were sent.
 * Rejected products are refused (Meta cannot tag them); pending ones are accepted (the tag shows once approved).
 */
export function containerProductTags(
  world: World,
  caller: Caller,
  ig: IgAccountRecord,
  params: Record<string, unknown>,
  type: ContainerMediaType,
  isVideo: boolean
): ProductTagRecord[] | undefined {
  const raw = params.product_tags
  if (raw === undefined || raw === null || raw === "") return undefined
  for (const anyOf of SHOPPING_SCOPES) requireAnyScope(caller, anyOf, 10)
  if (type === "STORIES" || type === "CAROUSEL") {
    throw requestErrors.invalidParam(type === "CAROUSEL" ? "Param product_tags is not supported on a CAROUSEL container: tag the carousel items" : "Product tagging is not supported for stories")
  }
  if (!shopOf(world, ig).eligible) throw igErrors.notTagEligible()
  const tags = parseTags(raw)
  if (tags.length > MAX_TAGS_PER_MEDIA) throw igErrors.tooManyProductTags(tags.length, MAX_TAGS_PER_MEDIA)
  const products = taggableProducts(world, ig)
  const seen = new Set<string>()
  return tags.map((tag) => {
    if (!tag || typeof tag !== "object") throw requestErrors.invalidParam("Each product tag must be an object {product_id, x, y}")
    const entry = tag as Record<string, unknown>
    const productId = entry.product_id === undefined || entry.product_id === null ? "" : String(entry.product_id)
    if (!productId) throw requestErrors.missingParam("product_tags[].product_id")
    if (seen.has(productId)) throw requestErrors.invalidParam(`Param product_tags must not repeat a product (${productId})`)
    seen.add(productId)
    const x = coordinate(entry.x)
    const y = coordinate(entry.y)
    const positioned = x !== undefined || y !== undefined
    if (isVideo && positioned) throw igErrors.tagPositionOnVideo()
    if (!isVideo && (x === undefined || y === undefined)) throw igErrors.tagPositionMissing()
    if (!isVideo && [x, y].some((v) => typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1)) {
      throw requestErrors.invalidParam("Product tag x and y must be numbers from 0.0 to 1.0")
    }
    const review = products.get(productId)
    if (!review || review === "rejected") throw igErrors.tagNotAdded()
    return isVideo ? { product_id: productId } : { product_id: productId, x: x as number, y: y as number }
  })
}
