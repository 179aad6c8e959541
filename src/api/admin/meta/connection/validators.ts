import { z } from "@medusajs/framework/zod"
import { accessTokenProblem } from "../../../../lib/connection/token-input"

const metaId = (field: string) =>
  z
    .string({ error: `${field} must be a string or null` })
    .regex(/^(act_)?\d{1,32}$/, `${field} must be a Meta object id (digits, or act_<digits> for ad accounts)`)
    .nullable()
    .optional()

/** The assets a store uses, by Meta id (null clears a choice). */
const assetSelectionFields = {
  business_id: metaId("business_id"),
  page_id: metaId("page_id"),
  instagram_account_id: metaId("instagram_account_id"),
  ad_account_id: metaId("ad_account_id"),
  pixel_id: metaId("pixel_id"),
  catalog_id: metaId("catalog_id"),
}

/** Connect with a system-user token (Business Settings → System users → Generate token). */
export const PostMetaConnectionSchema = z
  .object({
    // One check with the merchant-worded message (Medusa rewrites zod's own min/max/required messages),
    // after the field's name for scripts; the admin's form shows the message without it.
    access_token: z
      .unknown()
      .superRefine((value, ctx) => {
        const problem = accessTokenProblem(value)
        if (problem) ctx.addIssue({ code: "custom", message: `access_token: ${problem}` })
      })
      .transform((value) => (value as string).trim()),
    ...assetSelectionFields,
  })
  .strict()
export type PostMetaConnectionType = z.infer<typeof PostMetaConnectionSchema>

export const PostMetaConnectionAssetsSchema = z
  .object(assetSelectionFields)
  .strict()
  .refine((value) => Object.keys(value).length > 0, "Choose at least one asset to change")
export type PostMetaConnectionAssetsType = z.infer<typeof PostMetaConnectionAssetsSchema>

export const PostMetaConnectionFeaturesSchema = z
  .object({
    catalog: z.boolean({ error: "catalog must be true or false" }).optional(),
    capi: z.boolean({ error: "capi must be true or false" }).optional(),
    publishing: z.boolean({ error: "publishing must be true or false" }).optional(),
    insights: z.boolean({ error: "insights must be true or false" }).optional(),
    ads: z.boolean({ error: "ads must be true or false" }).optional(),
    webhooks: z.boolean({ error: "webhooks must be true or false" }).optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "Choose at least one feature to change")
export type PostMetaConnectionFeaturesType = z.infer<typeof PostMetaConnectionFeaturesSchema>

export const EmptyBodySchema = z.object({}).strict()
