import { z } from "@medusajs/framework/zod"
import { parseCheckoutQuery, type ParsedCheckout } from "../../../lib/meta-checkout"

/**
 * Meta's checkout query: products=<id>:<qty>,… (+ coupon, cart_origin, utm_* which are kept out of the
 * cart). Parsed by parseCheckoutQuery so a 400 names the field at fault.
 */
export const GetMetaCheckoutSchema = z
  .record(z.string(), z.unknown())
  .transform((query, ctx): ParsedCheckout => {
    const parsed = parseCheckoutQuery(query)
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: [parsed.field], message: parsed.message })
      return z.NEVER
    }
    return parsed.value
  })
