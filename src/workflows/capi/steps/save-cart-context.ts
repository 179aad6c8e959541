import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"

export type CartContextInput = {
  cart_id: string
  consent: boolean
  fbp?: string | null
  fbc?: string | null
  client_ip_address?: string | null
  client_user_agent?: string | null
  event_source_url?: string | null
  landing_url?: string | null
}

type Undo = { previous: Record<string, unknown> | null; created: string | null }

/** Upserts the browser context of a cart; fields the storefront omits keep their stored value. */
export const saveCartContextStep = createStep(
  "save-meta-cart-context",
  async (input: CartContextInput, { container }) => {
    const svc = metaService(container)
    const [existing] = await svc.listMetaCartContexts({ cart_id: input.cart_id }, { take: 1 })
    const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
    if (existing) {
      await svc.updateMetaCartContexts({ id: existing.id, ...values })
      return new StepResponse<{ id: string }, Undo>({ id: existing.id }, { previous: existing as Record<string, unknown>, created: null })
    }
    const row = await svc.createMetaCartContexts(values as CartContextInput)
    return new StepResponse<{ id: string }, Undo>({ id: row.id }, { previous: null, created: row.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const svc = metaService(container)
    if (undo.created) await svc.deleteMetaCartContexts([undo.created])
    else if (undo.previous) {
      const { id, consent, fbp, fbc, client_ip_address, client_user_agent, event_source_url, landing_url } = undo.previous as never
      await svc.updateMetaCartContexts({ id, consent, fbp, fbc, client_ip_address, client_user_agent, event_source_url, landing_url })
    }
  }
)
