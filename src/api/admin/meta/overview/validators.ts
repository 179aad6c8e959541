import { z } from "@medusajs/framework/zod"
import { isPositiveAmount } from "../../../../lib/overview/amounts"
import { REPORT_INTERVALS, daysBetween, isDay } from "../../../../lib/overview/report-time"

/** A report covers at most two years of days (longer answers are better read from Meta's own exports). */
export const MAX_REPORT_DAYS = 731

const day = (field: string) =>
  z.string({ error: `${field} must be a day written YYYY-MM-DD` }).refine(isDay, `${field} must be a real day written YYYY-MM-DD, e.g. 2026-06-01`)

export const GetMetaOverviewSchema = z.object({}).strict()
export type GetMetaOverviewType = z.infer<typeof GetMetaOverviewSchema>

export const GetMetaRoiReportSchema = z
  .object({
    from: day("from").optional(),
    to: day("to").optional(),
    interval: z
      .enum(REPORT_INTERVALS as unknown as [string, ...string[]], { error: `interval must be one of ${REPORT_INTERVALS.join(", ")}` })
      .default("week"),
    format: z.enum(["json", "csv"], { error: "format must be json or csv" }).default("json"),
  })
  .strict()
  .refine((q) => !q.from || !q.to || !isDay(q.from) || !isDay(q.to) || daysBetween(q.from, q.to) >= 0, { message: "from must not be after to", path: ["from"] })
  .refine((q) => !q.from || !q.to || !isDay(q.from) || !isDay(q.to) || daysBetween(q.from, q.to) < MAX_REPORT_DAYS, {
    message: `the range from … to may span at most ${MAX_REPORT_DAYS} days`,
    path: ["to"],
  })
export type GetMetaRoiReportType = { from?: string; to?: string; interval: "day" | "week" | "month"; format: "json" | "csv" }

const enabled = z.boolean({ error: "enabled must be true or false" })
const threshold = (kind: string) =>
  z
    .number({ error: `${kind}.threshold must be a number` })
    .int(`${kind}.threshold must be a whole number`)
    .min(1, `${kind}.threshold must be at least 1`)
    .max(1_000_000, `${kind}.threshold must be at most 1000000`)

export const PostMetaAlertSettingsSchema = z
  .object({
    token: z.object({ enabled }).strict().optional(),
    publication_failed: z.object({ enabled }).strict().optional(),
    catalog_errors: z.object({ enabled: enabled.optional(), threshold: threshold("catalog_errors").optional() }).strict().optional(),
    capi_failing: z.object({ enabled: enabled.optional(), threshold: threshold("capi_failing").optional() }).strict().optional(),
    rule_acted: z.object({ enabled }).strict().optional(),
    spend_pacing: z
      .object({
        enabled: enabled.optional(),
        daily_ceiling: z
          .string({ error: "spend_pacing.daily_ceiling must be an amount like 250.00, or null" })
          .refine(isPositiveAmount, "spend_pacing.daily_ceiling must be a positive amount in the ad account's currency, like 250.00")
          .nullable()
          .optional(),
      })
      .strict()
      .optional(),
    email_recipients: z
      .array(z.email({ error: "email_recipients must list e-mail addresses" }), { error: "email_recipients must be a list of e-mail addresses" })
      .max(20, "email_recipients may list at most 20 addresses")
      .optional(),
  })
  .strict()
export type PostMetaAlertSettingsType = z.infer<typeof PostMetaAlertSettingsSchema>

export const GetMetaAppReviewSchema = z.object({}).strict()
