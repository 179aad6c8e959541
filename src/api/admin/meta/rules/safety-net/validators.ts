import { z } from "@medusajs/framework/zod"

/** A positive decimal written as a string (money is never a JSON float); its meaning per currency is checked by the plan. */
const decimalString = (field: string, example: string) =>
  z
    .string({ error: `${field} must be a decimal string such as "${example}"` })
    .trim()
    .regex(/^\d+(\.\d+)?$/, `${field} must be a decimal string such as "${example}"`)

export const PostMetaSafetyNetSchema = z
  .object({
    enabled: z.boolean({ error: "enabled must be true or false" }),
    spend_cap_daily: decimalString("spend_cap_daily", "50.00").nullable().optional(),
    max_frequency: decimalString("max_frequency", "3.5").nullable().optional(),
  })
  .strict()
export type PostMetaSafetyNetType = z.infer<typeof PostMetaSafetyNetSchema>
