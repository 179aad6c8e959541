import { z } from "@medusajs/framework/zod"
import { CATALOG_ITEM_ORDERS, CATALOG_ITEM_STATUSES, DEFAULT_CATALOG_ITEM_ORDER, MAX_CATALOG_SEARCH_LENGTH } from "../../../../lib/catalog/catalog-item-list"

export const EmptyCatalogBodySchema = z.object({}).strict()

export const GetMetaCatalogItemsSchema = z
  .object({
    status: z
      .enum(CATALOG_ITEM_STATUSES, { error: `status must be one of ${CATALOG_ITEM_STATUSES.join(", ")}` })
      .optional(),
    product_id: z.string({ error: "product_id must be a string" }).min(1, "product_id must not be empty").optional(),
    // Medusa's validator words type, enum and length errors itself: the field, what it expects, what it got.
    excluded: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .optional(),
    q: z.string().max(MAX_CATALOG_SEARCH_LENGTH).optional(),
    order: z.enum(CATALOG_ITEM_ORDERS as [string, ...string[]]).default(DEFAULT_CATALOG_ITEM_ORDER),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be an integer")
      .min(1, "limit must be at least 1")
      .max(500, "limit must be at most 500")
      .default(50),
    offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be an integer").min(0, "offset must be 0 or more").default(0),
  })
  .strict()

export const PostMetaCatalogProductExclusionSchema = z
  .object({
    variant_ids: z
      .array(z.string({ error: "variant_ids must be a list of variant ids" }).min(1, "variant_ids must not contain empty ids"), {
        error: "variant_ids must be a list of variant ids",
      })
      .max(1000, "variant_ids may hold at most 1000 ids")
      .optional(),
  })
  .strict()

/** Most rows a bulk action takes at once: a few pages of the list, each variant checked against Medusa. */
export const MAX_BULK_VARIANTS = 200

export const PostMetaCatalogItemsBulkSchema = z
  .object({ variant_ids: z.array(z.string().min(1)).min(1).max(MAX_BULK_VARIANTS) })
  .strict()
