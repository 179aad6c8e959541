import { z } from "@medusajs/framework/zod"
import { PUBLICATION_KINDS } from "../../../../lib/publishing/kinds"
import type { MetaPublicationKind } from "../../../../types/http/publishing"

const KINDS = PUBLICATION_KINDS as [MetaPublicationKind, ...MetaPublicationKind[]]
const STATUSES = ["draft", "scheduled", "publishing", "published", "failed", "cancelled", "missed"] as const

const isoTime = (field: string) =>
  z
    .string({ error: `${field} must be an ISO date-time` })
    .refine((v) => !Number.isNaN(Date.parse(v)), `${field} must be an ISO date-time such as 2026-12-24T18:00:00Z`)

const media = z
  .object({
    url: z.string({ error: "media url must be a string" }).url("media url must be a URL").optional(),
    file_id: z.string({ error: "media file_id must be a string" }).min(1).optional(),
    alt_text: z.string({ error: "alt_text must be a string" }).max(1000, "alt_text must be at most 1,000 characters").optional(),
  })
  .strict()
  .refine((m) => !!m.url !== !!m.file_id, "each media entry needs a url or a file_id (one of them)")

/**
 * Instagram product tags (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
 * product_tags): a spot is a fraction of the image, 0–1; at most 5 per image, each product once. The
 * rules that need the post (products shown, media count, kind) are checked by validatePublication.
 */
const unit = (field: string) =>
  z
    .number({ error: `product_tags ${field} must be a number from 0 to 1` })
    .min(0, `product_tags ${field} must be from 0 to 1 (a fraction of the image's ${field === "x" ? "width" : "height"})`)
    .max(1, `product_tags ${field} must be from 0 to 1 (a fraction of the image's ${field === "x" ? "width" : "height"})`)

const productTag = z
  .object({
    product_id: z.string({ error: "product_tags product_id must be a product id" }).min(1, "product_tags product_id must be a product id"),
    media_index: z.number({ error: "product_tags media_index must be a number" }).int("product_tags media_index must be a whole number").min(0, "product_tags media_index counts from 0").max(9, "product_tags media_index is at most 9").optional(),
    x: unit("x").optional(),
    y: unit("y").optional(),
  })
  .strict()

const productTags = z
  .array(productTag, { error: "product_tags must be a list of { product_id, media_index, x, y }" })
  .max(50, "product_tags holds at most 50 tags")
  .superRefine((tags, ctx) => {
    const perMedia = new Map<number, string[]>()
    tags.forEach((tag, index) => {
      const media = tag.media_index ?? 0
      const products = perMedia.get(media) ?? []
      if (products.includes(tag.product_id)) {
        ctx.addIssue({ code: "custom", path: [index, "product_id"], message: `product_tags: product ${tag.product_id} is tagged twice on media ${media}; Instagram takes each product once per image` })
      }
      products.push(tag.product_id)
      perMedia.set(media, products)
      if ((tag.x === undefined) !== (tag.y === undefined)) {
        ctx.addIssue({ code: "custom", path: [index, tag.x === undefined ? "x" : "y"], message: "product_tags: a tag's spot needs both x and y, or neither" })
      }
    })
    for (const [media, products] of perMedia) {
      if (products.length > 5) {
        ctx.addIssue({ code: "custom", message: `product_tags: Instagram takes at most 5 product tags per image; media ${media} has ${products.length}` })
      }
    }
  })

const content = {
  caption: z.string({ error: "caption must be a string" }).max(63206, "caption is too long").optional(),
  media: z.array(media, { error: "media must be a list" }).max(10, "media holds at most 10 entries"),
  product_ids: z.array(z.string().min(1), { error: "product_ids must be a list of product ids" }).max(20, "product_ids holds at most 20 products").optional(),
  product_tags: productTags.optional(),
  scheduled_at: isoTime("scheduled_at").nullable().optional(),
  first_comment: z.string({ error: "first_comment must be a string" }).max(2200, "first_comment must be at most 2,200 characters").optional(),
}

export const PostMetaPublicationSchema = z
  .object({
    account_id: z.string({ error: "account_id is required" }).min(1, "account_id is required"),
    kind: z.enum(KINDS, { error: `kind must be one of ${KINDS.join(", ")}` }),
    ...content,
  })
  .strict()
export type PostMetaPublicationType = z.infer<typeof PostMetaPublicationSchema>

export const PostMetaPublicationUpdateSchema = z
  .object({ kind: z.enum(KINDS, { error: `kind must be one of ${KINDS.join(", ")}` }).optional(), ...content, media: content.media.optional() })
  .strict()
export type PostMetaPublicationUpdateType = z.infer<typeof PostMetaPublicationUpdateSchema>

export const GetMetaPublicationsSchema = z
  .object({
    status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(", ")}` }).optional(),
    account_id: z.string().min(1).optional(),
    product_id: z.string().min(1).optional(),
    from: isoTime("from").optional(),
    to: isoTime("to").optional(),
    limit: z.coerce.number({ error: "limit must be a number" }).int("limit must be an integer").min(1, "limit must be at least 1").max(2000, "limit must be at most 2000").default(50),
    offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be an integer").min(0, "offset must not be negative").default(0),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: "from must be before to", path: ["from"] })
export type GetMetaPublicationsType = z.infer<typeof GetMetaPublicationsSchema>

export const EmptyBodySchema = z.object({}).strict()
