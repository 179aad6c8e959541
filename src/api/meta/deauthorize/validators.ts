import { z } from "@medusajs/framework/zod"

/** Meta POSTs the deauthorize and data-deletion callbacks form-encoded with one field (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#deauth-callback and https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback). */
export const PostSignedRequestSchema = z.looseObject({
  signed_request: z
    .string({ error: "signed_request is required" })
    .min(3, "signed_request is required")
    .max(8192, "signed_request is too long"),
})
export type PostSignedRequestType = z.infer<typeof PostSignedRequestSchema>
