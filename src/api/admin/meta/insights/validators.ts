import { z } from "@medusajs/framework/zod"

/** Insights are read for at most two years back (Meta keeps organic insights for two years). */
export const MAX_INSIGHTS_RANGE_DAYS = 731

const isoTime = (field: string) =>
  z
    .string({ error: `${field} must be an ISO date or date-time` })
    .refine((v) => !Number.isNaN(Date.parse(v)), `${field} must be an ISO date or date-time such as 2026-11-01 or 2026-11-01T00:00:00Z`)

const accountId = z
  .string({ error: "account_id is required (a publishing account id, metapacc_…)" })
  .regex(/^metapacc_[0-9A-Za-z]+$/, "account_id must be a publishing account id (metapacc_…)")

export const GetMetaAccountInsightsSchema = z
  .object({ from: isoTime("from").optional(), to: isoTime("to").optional() })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: "from must not be after to", path: ["from"] })
  .refine(
    (q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_INSIGHTS_RANGE_DAYS * 86_400_000,
    { message: "the range from … to may span at most two years", path: ["to"] }
  )
export type GetMetaAccountInsightsType = z.infer<typeof GetMetaAccountInsightsSchema>

export const GetMetaBestTimesSchema = z.object({ account_id: accountId }).strict()
export type GetMetaBestTimesType = z.infer<typeof GetMetaBestTimesSchema>

export const PostMetaInsightsRefreshSchema = z.object({ account_id: accountId.optional() }).strict()
export type PostMetaInsightsRefreshType = z.infer<typeof PostMetaInsightsRefreshSchema>
