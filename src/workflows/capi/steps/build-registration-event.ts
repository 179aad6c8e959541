import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { buildRegistrationEvent, type CustomerLike } from "../../../lib/capi"
import type { BuiltCapiEvents } from "./build-purchase-event"
import { resolveCapiTarget } from "../resolve-capi-target"

/** CompleteRegistration for a new customer account (guest customers made at checkout don't register). */
export const buildRegistrationEventStep = createStep(
  "build-meta-registration-event",
  async (input: { customer_id: string }, { container }) => {
    const target = await resolveCapiTarget(container)
    if (!target) return new StepResponse<BuiltCapiEvents>({ skipped: "no pixel selected or Conversions API disabled" })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "created_at", "email", "phone", "first_name", "last_name", "has_account", "addresses.*"],
      filters: { id: input.customer_id },
    })
    const customer = data[0] as (CustomerLike & { has_account?: boolean }) | undefined
    if (!customer) return new StepResponse<BuiltCapiEvents>({ skipped: `customer ${input.customer_id} not found` })
    if (!customer.has_account) return new StepResponse<BuiltCapiEvents>({ skipped: "guest customer, no registration" })
    return new StepResponse<BuiltCapiEvents>({
      pixel_id: target.pixelId,
      test_event_code: target.testEventCode,
      subject_id: customer.id,
      events: [buildRegistrationEvent(customer)],
    })
  }
)
