import { z } from "@medusajs/framework/zod"

/**
 * What Meta's login dialog appends to the redirect URI: code + state, or error + state. Loose on
 * purpose: Meta adds parameters of its own (error_code, granted_scopes, …) that must not fail the flow.
 */
export const GetMetaOAuthCallbackSchema = z
  .looseObject({
    state: z.string({ error: "state is required" }).min(1, "state is required").max(2048),
    code: z.string().min(1).max(2048).optional(),
    error: z.string().max(200).optional(),
    error_code: z.string().max(20).optional(),
    error_reason: z.string().max(200).optional(),
    error_description: z.string().max(1000).optional(),
  })
  .refine((query) => !!query.code || !!query.error, {
    message: "code is required (or error, when the sign-in was cancelled)",
    path: ["code"],
  })
export type GetMetaOAuthCallbackType = z.infer<typeof GetMetaOAuthCallbackSchema>
