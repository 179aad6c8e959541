import { z } from "@medusajs/framework/zod"

export const CATALOG_ITEM_STATUSES = ["pending", "synced", "needs_attention", "error", "deleting", "removed"] as const

export const EmptyCatalogBodySchema = z.object({}).strict()

export const GetMetaCatalogItemsSchema = z
  .object({
    status: z
      .enum(CATALOG_ITEM_STATUSES, { error: `status must be one of ${CATALOG_ITEM_STATUSES.join(", ")}` })
      .optional(),
    product_id: z.string({ error: "product_id must be a string" }).min(1, "product_id must not be empty").optional(),
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
