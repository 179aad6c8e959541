import { z } from "@medusajs/framework/zod"

const pagination = {
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(100, "limit must be at most 100")
    .default(20),
  offset: z.coerce
    .number({ error: "offset must be a number" })
    .int("offset must be a whole number")
    .min(0, "offset must be 0 or more")
    .default(0),
}

export const GetMetaWebhookEventsSchema = z
  .object({
    status: z
      .enum(["received", "processing", "processed", "failed"], {
        error: "status must be one of received, processing, processed, failed",
      })
      .optional(),
    object: z.string().max(64, "object is too long").optional(),
    field: z.string().max(64, "field is too long").optional(),
    ...pagination,
  })
  .strict()
export type GetMetaWebhookEventsType = z.infer<typeof GetMetaWebhookEventsSchema>

export const GetMetaLeadsSchema = z
  .object({
    customer_id: z.string().max(64, "customer_id is too long").optional(),
    form_id: z.string().regex(/^\d{1,32}$/, "form_id must be a Meta object id").optional(),
    ...pagination,
  })
  .strict()
export type GetMetaLeadsType = z.infer<typeof GetMetaLeadsSchema>

export const GetMetaCommentsSchema = z
  .object({
    platform: z.enum(["facebook", "instagram"], { error: "platform must be facebook or instagram" }).optional(),
    media_id: z.string().max(128, "media_id is too long").optional(),
    publication_id: z.string().max(64, "publication_id is too long").optional(),
    unread: z
      .enum(["true", "false"], { error: "unread must be true or false" })
      .transform((value) => value === "true")
      .optional(),
    ...pagination,
  })
  .strict()
export type GetMetaCommentsType = z.infer<typeof GetMetaCommentsSchema>

export const PostMetaCommentsReadSchema = z
  .object({
    ids: z
      .array(z.string().max(64), { error: "ids must be a list of comment ids" })
      .max(500, "ids may list at most 500 comments")
      .optional(),
  })
  .strict()
export type PostMetaCommentsReadType = z.infer<typeof PostMetaCommentsReadSchema>

export const EmptyBodySchema = z.object({}).strict()
