import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import type { FetchedMetaLead } from "./fetch-meta-lead"

type Undo = {
  created: boolean
  id: string
  previous: {
    id: string
    customer_id: string | null
    form_name: string | null
    answers: Record<string, unknown>
    consents: Record<string, unknown>
  } | null
}

/** Keeps the lead (one row per leadgen id) linked to its customer. */
export const storeMetaLeadStep = createStep(
  "store-meta-lead",
  async (input: { fetched: FetchedMetaLead; customer_id: string; form_name: string | null }, { container }) => {
    const service = metaService(container)
    const { fetched } = input
    const fields = {
      leadgen_id: fetched.notice.leadgen_id,
      page_id: fetched.notice.page_id,
      form_id: fetched.lead.form_id,
      form_name: input.form_name,
      ad_id: fetched.lead.ad_id,
      adset_id: fetched.lead.adset_id,
      campaign_id: fetched.lead.campaign_id,
      platform: fetched.lead.platform,
      is_organic: fetched.lead.is_organic,
      answers: fetched.customer.answers,
      // Stored as { key: accepted } so the admin and merchants' scripts can read an opt-in directly.
      consents: Object.fromEntries(fetched.customer.consents.map((c) => [c.key, c.accepted])),
      customer_id: input.customer_id,
      connection_id: fetched.connection_id,
      lead_created_at: fetched.lead.created_at ? new Date(fetched.lead.created_at) : null,
    }
    const [existing] = await service.listMetaLeads({ leadgen_id: fields.leadgen_id })
    if (existing) {
      const lead = await service.updateMetaLeads({ id: existing.id, ...fields })
      const undo: Undo = { created: false, id: existing.id, previous: existing }
      return new StepResponse({ id: lead.id }, undo)
    }
    const lead = await service.createMetaLeads(fields)
    const undo: Undo = { created: true, id: lead.id, previous: null }
    return new StepResponse({ id: lead.id }, undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const service = metaService(container)
    if (undo.created) {
      await service.deleteMetaLeads([undo.id])
    } else if (undo.previous) {
      const { id, customer_id, form_name, answers, consents } = undo.previous
      await service.updateMetaLeads({ id, customer_id, form_name, answers, consents })
    }
  }
)
