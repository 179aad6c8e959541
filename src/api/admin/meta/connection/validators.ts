import { z } from "@medusajs/framework/zod"

/** Connect with a system-user token (Business Settings → System users → Generate token). */
export const PostMetaConnectionSchema = z
  .object({
    access_token: z
      .string({ error: "access_token is required" })
      .trim()
      .min(20, "access_token is too short to be a Meta access token")
      .max(1024, "access_token is too long")
      .regex(/^[A-Za-z0-9_\-|.]+$/, "access_token contains characters a Meta token never has"),
  })
  .strict()
export type PostMetaConnectionType = z.infer<typeof PostMetaConnectionSchema>

const metaId = z
  .string()
  .regex(/^(act_)?\d{1,32}$/, "must be a Meta object id (digits, or act_<digits> for ad accounts)")
  .nullable()
  .optional()

export const PostMetaConnectionAssetsSchema = z
  .object({
    business_id: metaId,
    page_id: metaId,
    instagram_account_id: metaId,
    ad_account_id: metaId,
    pixel_id: metaId,
    catalog_id: metaId,
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "Choose at least one asset to change")
export type PostMetaConnectionAssetsType = z.infer<typeof PostMetaConnectionAssetsSchema>

export const PostMetaConnectionFeaturesSchema = z
  .object({
    catalog: z.boolean().optional(),
    capi: z.boolean().optional(),
    publishing: z.boolean().optional(),
    insights: z.boolean().optional(),
    ads: z.boolean().optional(),
    webhooks: z.boolean().optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "Choose at least one feature to change")
export type PostMetaConnectionFeaturesType = z.infer<typeof PostMetaConnectionFeaturesSchema>

export const EmptyBodySchema = z.object({}).strict()
