import { z } from "@medusajs/framework/zod"

/** Meta POSTs the deauthorize and data-deletion callbacks form-encoded with one field (reference §2.8). */
export const PostSignedRequestSchema = z.looseObject({
  signed_request: z
    .string({ error: "signed_request is required" })
    .min(3, "signed_request is required")
    .max(8192, "signed_request is too long"),
})
export type PostSignedRequestType = z.infer<typeof PostSignedRequestSchema>
