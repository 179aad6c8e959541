import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export type LeadCustomerMatch = {
  id: string
  email: string | null
  phone: string | null
  first_name: string | null
  last_name: string | null
} | null

/** The customer a lead belongs to: by email, else by phone; a registered customer wins over a guest. */
export const findLeadCustomerStep = createStep(
  "find-lead-customer",
  async (input: { email: string | null; phone: string | null }, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const filters = input.email ? { email: input.email } : input.phone ? { phone: input.phone } : null
    if (!filters) {
      return new StepResponse<LeadCustomerMatch>(null)
    }
    const found = await customers.listCustomers(filters, {
      select: ["id", "email", "phone", "first_name", "last_name", "has_account"],
      take: 10,
    })
    const best = found.find((c) => c.has_account) ?? found[0]
    return new StepResponse<LeadCustomerMatch>(
      best
        ? {
            id: best.id,
            email: best.email ?? null,
            phone: best.phone ?? null,
            first_name: best.first_name ?? null,
            last_name: best.last_name ?? null,
          }
        : null
    )
  }
)
