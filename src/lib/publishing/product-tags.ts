import type { MetaPublicationIssue, MetaPublicationKind } from "../../types/http/publishing"
import type { MediaType } from "./kinds"

/**
 * Instagram product tags, as Meta states the rules:
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media (product_tags)
 * https://developers.facebook.com/docs/instagram-platform/shopping-api/product-tagging
 * A container takes `product_tags=[{product_id, x, y}]`: at most 5 per media, each product once; x/y
 * (0.0–1.0, from the image's top left) are required on images and refused on videos (2207035/2207036);
 * a carousel carries its tags on the children. Stories take none. The merchant places tags on products
 * shown (Medusa product ids); the publisher swaps in the Meta catalog ids at run time. Tags are never a
 * reason for a failed post: whatever cannot be tagged is left off with a warning.
 */

/** Meta: "max 5 per media" (ig-user/media, product_tags). */
export const IG_PRODUCT_TAGS_MAX_PER_MEDIA = 5

/** A tag as the merchant places it: a product shown, the media it is on (default the first), its spot. */
export type ProductTagInput = {
  product_id: string
  media_index?: number | null
  x?: number | null
  y?: number | null
}

/** A tag planned for one media: still a Medusa product id; x/y only on images. */
export type PlannedProductTag = { product_id: string; x?: number; y?: number }

/** A tag as Meta takes it: the product's id in the Shop's catalog. */
export type MetaProductTag = { product_id: string; x?: number; y?: number }

export type ProductTagDraft = {
  kind: MetaPublicationKind
  /** Each media's type, where known (a tag on a video takes no position). */
  mediaTypes: (MediaType | undefined)[]
  product_ids?: readonly string[] | null
  product_tags?: readonly unknown[] | null
}

const error = (field: string, message: string): MetaPublicationIssue => ({ field, message, severity: "error" })
const warning = (field: string, message: string): MetaPublicationIssue => ({ field, message, severity: "warning" })

/** Instagram feed images, carousels and reels take product tags; stories and Facebook posts do not. */
export function kindTakesProductTags(kind: MetaPublicationKind): boolean {
  return kind === "instagram_image" || kind === "instagram_carousel" || kind === "instagram_reel"
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value)
const given = (value: unknown) => value !== undefined && value !== null
const inUnitRange = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1

/** Where a tag goes: its media_index, else the first media. */
function mediaIndexOf(tag: Record<string, unknown>): number {
  return given(tag.media_index) ? (tag.media_index as number) : 0
}

/**
 * The checks on the merchant's tags, before anything is saved or sent. Errors are what Meta would refuse
 * or what cannot mean anything (a spot outside the image, a sixth tag, a tag on a product not shown);
 * warnings are tags that will be left off or changed (stories, positions on videos).
 */
export function productTagIssues(draft: ProductTagDraft): MetaPublicationIssue[] {
  const tags = Array.isArray(draft.product_tags) ? draft.product_tags : []
  if (draft.product_tags !== undefined && draft.product_tags !== null && !Array.isArray(draft.product_tags)) {
    return [error("product_tags", "product_tags must be a list of { product_id, media_index, x, y }.")]
  }
  if (!tags.length) return []
  if (!draft.kind.startsWith("instagram_")) {
    return [error("product_tags", "Product tags are an Instagram feature; Facebook posts link to the product instead. Remove the tags.")]
  }
  if (!kindTakesProductTags(draft.kind)) {
    return [warning("product_tags", "Instagram stories cannot carry product tags, so these are left off. Tag the products in an image post, a carousel or a reel.")]
  }
  const shown = new Set(draft.product_ids ?? [])
  const mediaCount = draft.mediaTypes.length
  const issues: MetaPublicationIssue[] = []
  const perMedia = new Map<number, Set<string>>()
  tags.forEach((raw, index) => {
    const field = `product_tags.${index}`
    if (!isRecord(raw)) {
      issues.push(error(field, "Each product tag is { product_id, media_index, x, y }."))
      return
    }
    const productId = typeof raw.product_id === "string" ? raw.product_id.trim() : ""
    if (!productId) {
      issues.push(error(`${field}.product_id`, "Say which product the tag is for (product_id)."))
      return
    }
    if (!shown.has(productId)) {
      issues.push(error(`${field}.product_id`, `Product ${productId} is tagged but not among the products shown. Add it to the products first, or remove the tag.`))
    }
    if (given(raw.media_index) && (!Number.isInteger(raw.media_index) || (raw.media_index as number) < 0)) {
      issues.push(error(`${field}.media_index`, "media_index is the position of the image in the post, counted from 0."))
      return
    }
    const mediaIndex = mediaIndexOf(raw)
    if (mediaCount > 0 && mediaIndex >= mediaCount) {
      issues.push(error(`${field}.media_index`, `The post has ${mediaCount} ${mediaCount === 1 ? "image or video" : "images or videos"}; media_index ${mediaIndex} is not one of them (count from 0).`))
      return
    }
    const hasX = given(raw.x)
    const hasY = given(raw.y)
    for (const axis of ["x", "y"] as const) {
      if (given(raw[axis]) && !inUnitRange(raw[axis])) {
        issues.push(error(`${field}.${axis}`, `${axis} is a fraction of the image's ${axis === "x" ? "width" : "height"}, from 0 (${axis === "x" ? "left" : "top"}) to 1 (${axis === "x" ? "right" : "bottom"}); ${JSON.stringify(raw[axis])} is outside. Place the tag on the image.`))
      }
    }
    if (hasX !== hasY) {
      issues.push(error(`${field}.${hasX ? "y" : "x"}`, "A tag's spot needs both x and y (or neither, to place it automatically)."))
    }
    if ((hasX || hasY) && draft.mediaTypes[mediaIndex] === "video") {
      issues.push(warning(`${field}.x`, "Instagram places product tags on videos itself, so this tag's position is not sent."))
    }
    const onMedia = perMedia.get(mediaIndex) ?? new Set<string>()
    if (onMedia.has(productId)) {
      issues.push(error(`${field}.product_id`, `Product ${productId} is tagged twice on the same ${draft.mediaTypes[mediaIndex] === "video" ? "video" : "image"}; Instagram takes each product once. Remove one of the tags.`))
    }
    onMedia.add(productId)
    perMedia.set(mediaIndex, onMedia)
  })
  for (const [mediaIndex, products] of perMedia) {
    if (products.size > IG_PRODUCT_TAGS_MAX_PER_MEDIA) {
      const where = draft.kind === "instagram_carousel" ? `slide ${mediaIndex + 1}` : "the post"
      issues.push(error("product_tags", `Instagram takes at most ${IG_PRODUCT_TAGS_MAX_PER_MEDIA} product tags per image or video; ${where} has ${products.size}. Remove ${products.size - IG_PRODUCT_TAGS_MAX_PER_MEDIA}.`))
    }
  }
  return issues
}

/**
 * `count` spots spread over an image, clear of the spots already taken: along the middle row, then the
 * rows above and below, so default tags never sit on one another (rounded to 3 decimals, as merchants read them).
 */
export function defaultTagPositions(count: number, taken: readonly { x: number; y: number }[] = []): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = []
  if (count <= 0) return out
  const round = (n: number) => Math.round(n * 1000) / 1000
  const clear = (p: { x: number; y: number }) => [...taken, ...out].every((t) => Math.abs(t.x - p.x) > 0.05 || Math.abs(t.y - p.y) > 0.05)
  for (const y of [0.5, 0.3, 0.7, 0.15, 0.85]) {
    const slots = count + taken.length
    for (let i = 0; i < slots && out.length < count; i++) {
      const spot = { x: round((i + 1) / (slots + 1)), y }
      if (clear(spot)) out.push(spot)
    }
    if (out.length === count) return out
  }
  while (out.length < count) out.push({ x: 0.5, y: 0.5 })
  return out
}

/**
 * The tags each media carries, from the merchant's placements and the products shown: placed tags where
 * they were put; every product shown but not placed on the first media with room, at a default spot on an
 * image. Videos get no spots. Capped at 5 per media (a product beyond that is left off, with a warning);
 * nothing for kinds that take no tags. Assumes productTagIssues found no errors.
 */
export function planProductTags(draft: ProductTagDraft): { media: PlannedProductTag[][]; issues: MetaPublicationIssue[] } {
  const mediaCount = draft.mediaTypes.length
  const media: PlannedProductTag[][] = Array.from({ length: mediaCount }, () => [])
  const issues: MetaPublicationIssue[] = []
  if (!kindTakesProductTags(draft.kind) || mediaCount === 0) return { media, issues }
  const shown = [...new Set(draft.product_ids ?? [])]
  const placed = new Set<string>()
  const isVideo = (index: number) => draft.mediaTypes[index] === "video"
  for (const raw of Array.isArray(draft.product_tags) ? draft.product_tags : []) {
    if (!isRecord(raw) || typeof raw.product_id !== "string" || !shown.includes(raw.product_id)) continue
    const index = mediaIndexOf(raw)
    if (!Number.isInteger(index) || index < 0 || index >= mediaCount) continue
    if (media[index].some((t) => t.product_id === raw.product_id) || media[index].length >= IG_PRODUCT_TAGS_MAX_PER_MEDIA) continue
    placed.add(raw.product_id)
    const spot = !isVideo(index) && inUnitRange(raw.x) && inUnitRange(raw.y) ? { x: raw.x, y: raw.y } : {}
    media[index].push({ product_id: raw.product_id, ...spot })
  }
  for (const productId of shown) {
    if (placed.has(productId)) continue
    const index = media.findIndex((tags) => tags.length < IG_PRODUCT_TAGS_MAX_PER_MEDIA)
    if (index < 0) {
      issues.push(warning("product_ids", `Product ${productId} is not tagged: every image already has ${IG_PRODUCT_TAGS_MAX_PER_MEDIA} product tags, Instagram's limit.`))
      continue
    }
    media[index].push({ product_id: productId })
  }
  media.forEach((tags, index) => {
    if (isVideo(index)) return
    const unplaced = tags.filter((t) => t.x === undefined)
    const taken = tags.filter((t) => t.x !== undefined).map((t) => ({ x: t.x as number, y: t.y as number }))
    defaultTagPositions(unplaced.length, taken).forEach((spot, i) => Object.assign(unplaced[i], spot))
  })
  return { media, issues }
}

/** What the catalog said about one product shown. */
export type CatalogMatch =
  | { status: "found"; meta_product_id: string; review_status?: string | null }
  | { status: "not_synced" }
  | { status: "not_found" }

/** Why nothing is tagged at all (the account or the connection), or null when tagging can go ahead. */
export type TaggingBlock = "not_eligible" | "no_permission" | "no_shop_catalog" | "catalog_not_in_shop" | "unavailable" | null

const BLOCK_MESSAGES: Record<Exclude<TaggingBlock, null>, string> = {
  not_eligible:
    "Instagram does not let this account tag products (it needs an approved Instagram Shop with checkout; Meta's shopping_product_tag_eligibility is false). The post goes out without product tags.",
  no_permission:
    "The Meta connection may not tag products (instagram_shopping_tag_products and catalog_management were not granted). The post goes out without product tags; reconnect Meta and allow product tagging to tag them.",
  no_shop_catalog: "This Instagram account's Shop has no product catalog. The post goes out without product tags.",
  catalog_not_in_shop:
    "This Instagram account's Shop uses another catalog than the one the store syncs to Meta. The post goes out without product tags; select the Shop's catalog in Settings → Meta to tag products.",
  unavailable: "Instagram did not tell whether this account may tag products. The post goes out without product tags.",
}

/**
 * The tags Meta gets: each planned tag with its product's Meta catalog id; a product Meta does not
 * have (not synced, not found, rejected in review) is left off with a warning naming it; a block leaves
 * every tag off with one warning. The same Meta product twice on one media is sent once.
 */
export function resolveProductTags(
  planned: PlannedProductTag[][],
  options: { block: TaggingBlock; matches: ReadonlyMap<string, CatalogMatch>; productTitles?: ReadonlyMap<string, string> }
): { media: MetaProductTag[][]; issues: MetaPublicationIssue[] } {
  const wanted = planned.some((tags) => tags.length > 0)
  const empty = planned.map(() => [] as MetaProductTag[])
  if (!wanted) return { media: empty, issues: [] }
  if (options.block) return { media: empty, issues: [warning("product_tags", BLOCK_MESSAGES[options.block])] }
  const issues: MetaPublicationIssue[] = []
  const warned = new Set<string>()
  const name = (id: string) => {
    const title = options.productTitles?.get(id)
    return title ? `“${title}”` : `Product ${id}`
  }
  const leaveOff = (id: string, why: string) => {
    if (warned.has(id)) return
    warned.add(id)
    issues.push(warning("product_tags", `${name(id)} ${why} The post goes out without its tag.`))
  }
  const media = planned.map((tags) => {
    const out: MetaProductTag[] = []
    for (const tag of tags) {
      const match = options.matches.get(tag.product_id)
      if (!match || match.status === "not_synced") {
        leaveOff(tag.product_id, "is not in the synced Meta catalog yet (no variant of it has been synced).")
        continue
      }
      if (match.status === "not_found") {
        leaveOff(tag.product_id, "is not in the catalog of this account's Instagram Shop.")
        continue
      }
      if (match.review_status === "rejected") {
        leaveOff(tag.product_id, "was rejected in Meta's product review, and Instagram cannot tag rejected products.")
        continue
      }
      if (out.some((t) => t.product_id === match.meta_product_id)) continue
      out.push({ product_id: match.meta_product_id, ...(tag.x !== undefined ? { x: tag.x, y: tag.y } : {}) })
      if (match.review_status && match.review_status !== "approved") {
        issues.push(warning("product_tags", `${name(tag.product_id)} is still in Meta's product review; its tag shows on the post once Meta approves it.`))
      }
    }
    return out
  })
  return { media, issues }
}

/** The `product_tags` parameter: a JSON list, positions only where given. */
export function productTagsParam(tags: readonly MetaProductTag[]): string | undefined {
  if (!tags.length) return undefined
  return JSON.stringify(tags.map((t) => (t.x !== undefined ? { product_id: t.product_id, x: t.x, y: t.y } : { product_id: t.product_id })))
}
