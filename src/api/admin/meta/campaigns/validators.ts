import { z } from "@medusajs/framework/zod"

const decimal = (field: string) =>
  z
    .union([z.string(), z.number()], { error: `${field} must be a decimal amount in the account currency, such as "25.00"` })
    .refine((v) => /^\d+(\.\d+)?$/.test(String(v).trim()), `${field} must be a positive decimal amount such as "25.00" (no currency sign, no thousands separators)`)

export const GetMetaCampaignsSchema = z
  .object({
    status: z.enum(["ACTIVE", "PAUSED", "ARCHIVED"], { error: "status must be ACTIVE, PAUSED or ARCHIVED" }).optional(),
    q: z.string().max(200).optional(),
    offset: z.coerce.number({ error: "offset must be a number" }).int().min(0).default(0),
    limit: z.coerce.number({ error: "limit must be a number" }).int().min(1).max(500, "limit must be at most 500").default(50),
  })
  .strict()
export type GetMetaCampaignsType = z.infer<typeof GetMetaCampaignsSchema>

export const PostMetaAdStatusSchema = z
  .object({ status: z.enum(["ACTIVE", "PAUSED"], { error: "status must be ACTIVE or PAUSED" }), idempotency_key: z.string().max(200).optional() })
  .strict()
export type PostMetaAdStatusType = z.infer<typeof PostMetaAdStatusSchema>

export const PostMetaAdBudgetSchema = z
  .object({ daily_budget: decimal("daily_budget").optional(), lifetime_budget: decimal("lifetime_budget").optional(), idempotency_key: z.string().max(200).optional() })
  .strict()
  .refine((b) => (b.daily_budget === undefined) !== (b.lifetime_budget === undefined), "give exactly one of daily_budget or lifetime_budget")
export type PostMetaAdBudgetType = z.infer<typeof PostMetaAdBudgetSchema>

export const PostMetaAdSetDuplicateSchema = z.object({ idempotency_key: z.string().max(200).optional() }).strict()
export type PostMetaAdSetDuplicateType = z.infer<typeof PostMetaAdSetDuplicateSchema>

export const EmptyBodySchema = z.object({}).strict()

/** ISO 3166-1 alpha-2, as Meta's `geo_locations.countries` takes them. */
const countries = (field: string) =>
  z
    .array(z.string().regex(/^[A-Z]{2}$/, `${field} must hold ISO 3166-1 alpha-2 country codes in capitals, such as "US" or "CO"`), {
      error: `${field} must be a list of country codes, such as ["US"]`,
    })
    // refine, not min/max: the message keeps the field's dotted name.
    .refine((list) => list.length >= 1, `${field} needs at least one country`)
    .refine((list) => list.length <= 25, `${field} holds at most 25 countries`)

/** Meta's age targeting runs from 13 to 65 (65 = "65+"). */
const age = (field: string) =>
  z
    .number({ error: `${field} must be a whole number of years` })
    .int(`${field} must be a whole number of years`)
    .refine((years) => years >= 13 && years <= 65, `${field} must be between 13 and 65`)

const idempotencyKey = z.string({ error: "idempotency_key must be a string" }).min(1).max(200, "idempotency_key is at most 200 characters").optional()
const campaignName = z.string({ error: "name must be a string" }).trim().min(1, "name must not be empty").max(200, "name is at most 200 characters").optional()

export const PostMetaBoostSchema = z
  .object({
    publication_id: z.string({ error: "publication_id must be a publication id" }).min(1).optional(),
    post_id: z
      .string({ error: "post_id must be a Meta post id" })
      .regex(/^\d+(_\d+)?$/, "post_id must be a Meta post id: the Instagram media id, or the Facebook post id {page_id}_{post_id}")
      .optional(),
    objective: z.enum(["OUTCOME_ENGAGEMENT", "OUTCOME_TRAFFIC"], { error: "objective must be OUTCOME_ENGAGEMENT or OUTCOME_TRAFFIC" }),
    daily_budget: decimal("daily_budget").optional(),
    lifetime_budget: decimal("lifetime_budget").optional(),
    // Our bound: a boost is a campaign of days or weeks, not an always-on one.
    duration_days: z
      .number({ error: "duration_days must be a whole number of days" })
      .int("duration_days must be a whole number of days")
      .min(1, "duration_days must be at least 1")
      .max(90, "duration_days must be at most 90"),
    audience: z
      .object(
        {
          countries: countries("audience.countries"),
          age_min: age("audience.age_min").optional(),
          age_max: age("audience.age_max").optional(),
          genders: z
            .array(
              // A string checked by refine, not an enum: the message then names the list, not "audience, genders, 0".
              z
                .string({ error: 'audience.genders must hold "male" and/or "female"' })
                .refine((g) => g === "male" || g === "female", 'audience.genders must hold "male" and/or "female"')
                .transform((g) => g as "male" | "female"),
              { error: 'audience.genders must be a list such as ["female"]' }
            )
            .refine((list) => list.length <= 2, 'audience.genders holds at most "male" and "female"')
            .optional(),
        },
        { error: "audience must be an object with countries (and optionally age_min, age_max, genders)" }
      )
      .strict()
      .refine((a) => a.age_min === undefined || a.age_max === undefined || a.age_min <= a.age_max, "audience.age_max must not be below audience.age_min"),
    name: campaignName,
    idempotency_key: idempotencyKey,
  })
  .strict()
  .refine((b) => (b.publication_id === undefined) !== (b.post_id === undefined), "give exactly one of publication_id or post_id")
  .refine((b) => (b.daily_budget === undefined) !== (b.lifetime_budget === undefined), "give exactly one of daily_budget or lifetime_budget")
export type PostMetaBoostType = z.infer<typeof PostMetaBoostSchema>

export const PostMetaCatalogSalesSchema = z
  .object({
    product_set_id: z.string({ error: "product_set_id is required: a product set of the synced catalog" }).min(1, "product_set_id must not be empty"),
    daily_budget: decimal("daily_budget"),
    countries: countries("countries"),
    name: campaignName,
    idempotency_key: idempotencyKey,
  })
  .strict()
export type PostMetaCatalogSalesType = z.infer<typeof PostMetaCatalogSalesSchema>
