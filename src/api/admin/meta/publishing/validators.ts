import { z } from "@medusajs/framework/zod"

export const PostMetaPublishingAccountSchema = z
  .object({ enabled: z.boolean({ error: "enabled must be true or false" }) })
  .strict()
export type PostMetaPublishingAccountType = z.infer<typeof PostMetaPublishingAccountSchema>
