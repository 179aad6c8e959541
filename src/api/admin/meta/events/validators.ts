import { z } from "@medusajs/framework/zod"

/** The log's filters, shared by the list and by its match-quality summary. */
const eventFilters = {
  status: z
    .enum(["pending", "sent", "failed", "expired"], { error: "status must be one of pending, sent, failed, expired" })
    .optional(),
  event_name: z.string({ error: "event_name must be a string" }).max(100, "event_name is too long").optional(),
  subject_id: z.string({ error: "subject_id must be a string" }).max(100, "subject_id is too long").optional(),
}

export const GetMetaEventsSchema = z
  .object({
    ...eventFilters,
    limit: z.coerce.number({ error: "limit must be a number" }).int("limit must be an integer").min(1, "limit must be at least 1").max(200, "limit must be at most 200").default(50),
    offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be an integer").min(0, "offset must not be negative").default(0),
  })
  .strict()
export type GetMetaEventsType = z.infer<typeof GetMetaEventsSchema>

export const GetMetaEventsMatchQualitySchema = z.object(eventFilters).strict()
export type GetMetaEventsMatchQualityType = z.infer<typeof GetMetaEventsMatchQualitySchema>

export const PostMetaEventReplaySchema = z.object({}).strict()

export const PostMetaEventSettingsSchema = z
  .object({
    test_event_code: z
      .string({ error: "test_event_code must be a string or null" })
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "test_event_code must be the code from Events Manager → Test Events (letters and digits)")
      .nullable(),
  })
  .strict()
export type PostMetaEventSettingsType = z.infer<typeof PostMetaEventSettingsSchema>
