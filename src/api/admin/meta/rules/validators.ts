import { z } from "@medusajs/framework/zod"
import { RULE_LOOKBACKS, RULE_SCOPES } from "../../../../lib/ads"

/** The shape only; the rule's meaning (operators per metric, amounts per currency, …) is checked by validateRule. */
const definition = {
  scope: z.enum(RULE_SCOPES, { error: `scope must be one of ${RULE_SCOPES.join(", ")}` }),
  object_ids: z.union([z.literal("all"), z.array(z.string().min(1)).min(1, "object_ids must list at least one id, or be \"all\"")], {
    error: 'object_ids must be "all" or a list of Meta ids',
  }),
  conditions: z.array(z.object({ metric: z.string(), operator: z.string(), value: z.union([z.string(), z.number()]).transform(String) }).strict(), {
    error: "conditions must be a list of { metric, operator, value }",
  }),
  lookback: z.enum(RULE_LOOKBACKS, { error: `lookback must be one of ${RULE_LOOKBACKS.join(", ")} (the ranges the mirror keeps)` }),
  min_spend: z.union([z.string(), z.number()]).transform(String).nullable().optional(),
  min_impressions: z.number().int().nonnegative().nullable().optional(),
  action: z.object({ type: z.string(), value: z.union([z.string(), z.number()]).transform(String).nullable().optional() }).strict(),
  budget_ceiling: z.union([z.string(), z.number()]).transform(String).nullable().optional(),
  cooldown_minutes: z.number({ error: "cooldown_minutes must be a number of minutes" }).int().nonnegative(),
  max_changes_per_day: z.number({ error: "max_changes_per_day must be a number" }).int().positive(),
  active_hours: z.object({ from: z.string(), to: z.string(), weekdays: z.array(z.number().int()).nullable().optional() }).strict().nullable().optional(),
  dry_run: z.boolean({ error: "dry_run must be true or false" }),
  resume_when_clear: z.boolean().optional(),
}

export const PostMetaAdRuleSchema = z
  .object({
    name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(200, "name is at most 200 characters"),
    enabled: z.boolean().optional(),
    template: z.string().optional(),
    /** With a template: its parameters ({ max_cpm: "12" }); the template builds the definition. */
    values: z.record(z.string(), z.string()).optional(),
    ...Object.fromEntries(Object.entries(definition).map(([k, v]) => [k, (v as z.ZodTypeAny).optional()])),
  })
  .strict()
export type PostMetaAdRuleType = z.infer<typeof PostMetaAdRuleSchema>

/** A change to a rule: only the fields given. */
export const PostMetaAdRuleUpdateSchema = PostMetaAdRuleSchema.partial({ name: true })

/** A draft to preview: the body of a creation; a draft need not be named yet. */
export const PostMetaAdRulePreviewSchema = PostMetaAdRuleSchema.partial({ name: true })
export type PostMetaAdRulePreviewType = z.infer<typeof PostMetaAdRulePreviewSchema>

export const GetMetaRuleDecisionsSchema = z
  .object({
    rule_id: z.string().optional(),
    object_id: z.string().optional(),
    acted: z.enum(["true", "false"], { error: "acted must be true or false" }).optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500, "limit must be at most 500").default(50),
  })
  .strict()
export type GetMetaRuleDecisionsType = z.infer<typeof GetMetaRuleDecisionsSchema>

export const PostMetaRulesPauseAllSchema = z
  .object({
    paused: z.boolean({ error: "paused must be true or false" }).default(true),
    daily_budget_ceiling: z
      .union([z.string(), z.number()])
      .transform(String)
      .refine((v) => /^\d+(\.\d+)?$/.test(v), "daily_budget_ceiling must be a decimal amount such as \"500.00\"")
      .nullable()
      .optional(),
  })
  .strict()
export type PostMetaRulesPauseAllType = z.infer<typeof PostMetaRulesPauseAllSchema>

export const EmptyBodySchema = z.object({}).strict()
