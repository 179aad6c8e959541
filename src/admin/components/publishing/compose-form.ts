import type { HttpTypes } from "@medusajs/framework/types"
import { composeProductCaption, formatPrice } from "../../../lib/publishing/caption"
import { KIND_SPECS } from "../../../lib/publishing/kinds"
import { mediaTypeOfMime, mimeFromUrl } from "../../../lib/publishing/media-format"
import { kindTakesProductTags } from "../../../lib/publishing/product-tags"
import type {
  MetaPublication,
  MetaPublicationCreateBody,
  MetaPublicationKind,
  MetaPublicationProductTag,
  MetaPublicationUpdateBody,
} from "../../../types/http/publishing"

/** What the compose drawer holds while the merchant types; turned into the routes' bodies below. */

export type ComposeWhen = "schedule" | "draft" | "now"

export type ComposeMedia = { url: string; alt_text: string }

export type ComposeState = {
  account_id: string
  kind: MetaPublicationKind | undefined
  caption: string
  media: ComposeMedia[]
  product_ids: string[]
  /** Instagram product tags the merchant placed (products shown without one are placed automatically). */
  product_tags: MetaPublicationProductTag[]
  first_comment: string
  when: ComposeWhen
  scheduled_at: Date | null
}

export type PublishingProduct = Pick<HttpTypes.AdminProduct, "id" | "title" | "thumbnail" | "images" | "variants">

/** The most media entries a publication takes (the API's limit; a kind may take fewer). */
export const MAX_MEDIA = 10

/**
 * Written into a product caption; once the publication is saved it is replaced by its storefront link,
 * which carries the publication's id in its UTM parameters and so cannot be known before.
 */
export const LINK_PLACEHOLDER = "{link}"

export const guessMediaType = (url: string) => mediaTypeOfMime(mimeFromUrl(url)) ?? "image"

const firstPrice = (product: PublishingProduct) => {
  const price = product.variants?.[0]?.prices?.[0]
  return price ? formatPrice(price.amount, price.currency_code) : ""
}

/** "{title} — {price}", then the link line. */
const productCaption = (product: PublishingProduct) => {
  const price = firstPrice(product)
  return composeProductCaption({
    template: `${price ? "{title} — {price}" : "{title}"}\n\n{link}`,
    title: product.title,
    price,
    link: LINK_PLACEHOLDER,
  })
}

const productImageUrls = (product: PublishingProduct) => [
  ...new Set([product.thumbnail, ...(product.images ?? []).map((image) => image.url)].filter((url): url is string => !!url)),
]

const mediaRoom = (state: ComposeState) => Math.max(0, (state.kind ? KIND_SPECS[state.kind].maxMedia : MAX_MEDIA) - state.media.length)

/**
 * Links a product: its id, its images as media (as many as the kind takes, titled for alt text) and,
 * while the caption is empty, the product caption. What the merchant already typed is kept.
 */
export const withProduct = (state: ComposeState, product: PublishingProduct): ComposeState => {
  if (state.product_ids.includes(product.id)) return state
  const present = new Set(state.media.map((m) => m.url))
  const images = productImageUrls(product)
    .filter((url) => !present.has(url))
    .slice(0, mediaRoom(state))
    .map((url) => ({ url, alt_text: product.title ?? "" }))
  return {
    ...state,
    product_ids: [...state.product_ids, product.id],
    media: [...state.media, ...images],
    caption: state.caption.trim() ? state.caption : productCaption(product),
  }
}

export const initialComposeState = (publication?: MetaPublication, product?: PublishingProduct): ComposeState => {
  if (publication) {
    const upcoming = !!publication.scheduled_at && Date.parse(publication.scheduled_at) > Date.now()
    return {
      account_id: publication.account_id,
      kind: publication.kind,
      caption: publication.caption ?? "",
      media: publication.media.map((m) => ({ url: m.url, alt_text: m.alt_text ?? "" })),
      product_ids: publication.product_ids,
      product_tags: publication.product_tags ?? [],
      first_comment: publication.first_comment ?? "",
      when: upcoming ? "schedule" : "draft",
      scheduled_at: upcoming ? new Date(publication.scheduled_at!) : null,
    }
  }
  const empty: ComposeState = {
    account_id: "",
    kind: undefined,
    caption: "",
    media: [],
    product_ids: [],
    product_tags: [],
    first_comment: "",
    when: "schedule",
    scheduled_at: null,
  }
  return product ? withProduct(empty, product) : empty
}

/** The first of the account's kinds that takes the media as they are (a story is never guessed). */
export const suggestedKind = (kinds: MetaPublicationKind[], media: ComposeMedia[]) =>
  kinds.find((kind) => {
    const spec = KIND_SPECS[kind]
    return (
      kind !== "instagram_story" &&
      spec.minMedia <= media.length &&
      media.length <= spec.maxMedia &&
      media.every((m) => spec.accepts.includes(guessMediaType(m.url)))
    )
  }) ?? kinds[0]

/** Placed tags still on a product shown and on a media the post has (removing either drops its tags). */
const placedTags = (state: ComposeState) =>
  state.product_tags.filter((t) => state.product_ids.includes(t.product_id) && (t.media_index ?? 0) < state.media.length)

/** The create (and validate) body; undefined until an account and a kind are chosen. */
export const createBody = (state: ComposeState): MetaPublicationCreateBody | undefined => {
  if (!state.account_id || !state.kind) return undefined
  const spec = KIND_SPECS[state.kind]
  return {
    account_id: state.account_id,
    kind: state.kind,
    ...(spec.caption ? { caption: state.caption } : {}),
    media: state.media.map((m) => ({
      url: m.url,
      ...(spec.altText && guessMediaType(m.url) === "image" && m.alt_text.trim() ? { alt_text: m.alt_text.trim() } : {}),
    })),
    product_ids: state.product_ids,
    ...(kindTakesProductTags(state.kind) ? { product_tags: placedTags(state) } : {}),
    ...(spec.comments && state.first_comment.trim() ? { first_comment: state.first_comment } : {}),
    ...(state.when === "schedule" && state.scheduled_at ? { scheduled_at: state.scheduled_at.toISOString() } : {}),
  }
}

/**
 * The edit body: the whole content (an emptied caption or comment is sent empty) and the time —
 * a draft has none, "publish now" leaves it to the publish route.
 */
export const updateBody = (state: ComposeState): MetaPublicationUpdateBody => {
  const body = createBody(state)!
  return {
    kind: body.kind,
    caption: body.caption ?? "",
    media: body.media,
    product_ids: body.product_ids,
    ...(body.product_tags ? { product_tags: body.product_tags } : {}),
    first_comment: body.first_comment ?? "",
    ...(state.when === "schedule" ? { scheduled_at: body.scheduled_at } : {}),
    ...(state.when === "draft" ? { scheduled_at: null } : {}),
  }
}

/** The caption with its link placeholder filled in (or its line dropped when the store has no link); undefined if it has none. */
export const captionWithLink = (caption: string | null, link: string | null) => {
  if (!caption?.includes(LINK_PLACEHOLDER)) return undefined
  if (link) return caption.split(LINK_PLACEHOLDER).join(link)
  return caption
    .split("\n")
    .filter((line) => line.trim() !== LINK_PLACEHOLDER)
    .join("\n")
    .split(LINK_PLACEHOLDER)
    .join("")
    .trim()
}
