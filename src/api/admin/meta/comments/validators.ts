import { z } from "@medusajs/framework/zod"

export const PostMetaCommentReplySchema = z
  .object({
    message: z
      .string({ error: "message is required" })
      .trim()
      .min(1, "message must not be empty")
      .max(2200, "message must be at most 2,200 characters (Instagram's limit)"),
  })
  .strict()
export type PostMetaCommentReplyType = z.infer<typeof PostMetaCommentReplySchema>

export const PostMetaCommentHideSchema = z
  .object({ hidden: z.boolean({ error: "hidden must be true or false" }).default(true) })
  .strict()
export type PostMetaCommentHideType = z.infer<typeof PostMetaCommentHideSchema>
