import { z } from "@medusajs/framework/zod"
import { MIRRORED_BROWSER_EVENTS, isCurrencyCode, isFbCookie, isFbclid } from "../../../lib/capi"

const httpUrl = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .max(2048, `${field} is longer than 2048 characters`)
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), `${field} must be an http:// or https:// URL`)

const fbCookie = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .max(512, `${field} is too long`)
    .refine(isFbCookie, `${field} must be the unchanged _${field} cookie (fb.<n>.<ms>.<id>)`)
    .nullable()
    .optional()

const cartId = z
  .string({ error: "cart_id is required" })
  .regex(/^cart_[A-Za-z0-9]{10,40}$/, "cart_id must be a Medusa cart id (cart_…)")

/** What a storefront hands over during checkout (IP and user agent come from the request itself). */
export const PostStoreMetaCartContextSchema = z
  .object({
    cart_id: cartId,
    consent: z.boolean({ error: "consent must be true or false (whether the shopper accepted tracking)" }),
    fbp: fbCookie("fbp"),
    fbc: fbCookie("fbc"),
    fbclid: z
      .string({ error: "fbclid must be a string" })
      .refine(isFbclid, "fbclid must be the fbclid query parameter of the landing URL, unchanged")
      .nullable()
      .optional(),
    fbclid_at: z
      .number({ error: "fbclid_at must be the click time in milliseconds since the epoch" })
      .int("fbclid_at must be an integer number of milliseconds")
      .min(1_000_000_000_000, "fbclid_at must be in milliseconds, not seconds")
      .optional(),
    event_source_url: httpUrl("event_source_url").optional(),
    landing_url: httpUrl("landing_url").nullable().optional(),
  })
  .strict()
export type PostStoreMetaCartContextType = z.infer<typeof PostStoreMetaCartContextSchema>

const contentItem = z
  .object({
    id: z.string({ error: "custom_data.contents[].id must be a string" }).min(1).max(100),
    quantity: z.number({ error: "custom_data.contents[].quantity must be a number" }).int().positive(),
    item_price: z.number({ error: "custom_data.contents[].item_price must be a number" }).nonnegative().optional(),
  })
  .strict()

/** The custom_data keys a browser event may carry: Meta's standard ones only, bounded. */
const browserCustomData = z
  .object({
    value: z.number({ error: "custom_data.value must be a number" }).nonnegative().max(1e9).optional(),
    currency: z
      .string({ error: "custom_data.currency must be a string" })
      .refine(isCurrencyCode, "custom_data.currency must be an ISO 4217 code such as USD")
      .transform((v) => v.toUpperCase())
      .optional(),
    content_ids: z.array(z.string().min(1).max(100), { error: "custom_data.content_ids must be an array of ids" }).max(100).optional(),
    contents: z.array(contentItem, { error: "custom_data.contents must be an array" }).max(100).optional(),
    content_type: z.enum(["product", "product_group"], { error: "custom_data.content_type must be product or product_group" }).optional(),
    content_name: z.string().max(200, "custom_data.content_name is too long").optional(),
    content_category: z.string().max(200, "custom_data.content_category is too long").optional(),
    num_items: z.number({ error: "custom_data.num_items must be a number" }).int().nonnegative().optional(),
    search_string: z.string().max(200, "custom_data.search_string is too long").optional(),
  })
  .strict()

export const PostStoreMetaEventSchema = z
  .object({
    event_name: z.enum(MIRRORED_BROWSER_EVENTS, {
      error: `event_name must be one of ${MIRRORED_BROWSER_EVENTS.join(", ")}`,
    }),
    event_id: z
      .string({ error: "event_id is required (the eventID given to fbq)" })
      .min(1, "event_id must not be empty")
      .max(128, "event_id is longer than 128 characters")
      .regex(/^[\w.:-]+$/, "event_id may contain letters, digits, _ . : - only"),
    event_time: z
      .number({ error: "event_time must be milliseconds since the epoch" })
      .int("event_time must be an integer")
      .min(1_000_000_000_000, "event_time must be in milliseconds, not seconds")
      .optional(),
    event_source_url: httpUrl("event_source_url"),
    cart_id: cartId.optional(),
    consent: z.boolean({ error: "consent must be true or false" }).optional(),
    fbp: fbCookie("fbp"),
    fbc: fbCookie("fbc"),
    custom_data: browserCustomData.optional(),
  })
  .strict()
export type PostStoreMetaEventType = z.infer<typeof PostStoreMetaEventSchema>

export const EmptyQuerySchema = z.object({}).strict()
