import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GraphLead, LEAD_FIELDS, LeadCustomerFields, LeadgenNotice, leadToCustomerFields } from "../../../lib/webhooks"
import { metaService } from "../../../modules/meta/resolve-meta-service"

export type FetchedMetaLead = {
  connection_id: string
  notice: LeadgenNotice
  lead: {
    ad_id: string | null
    adset_id: string | null
    campaign_id: string | null
    form_id: string | null
    platform: string | null
    is_organic: boolean | null
    created_at: string | null
  }
  customer: LeadCustomerFields
}

function optionalString(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null
}

/**
 * Reads the lead behind a `leadgen` notice: `GET /{leadgen_id}?fields=…` with the Page's token
 * (leads_retrieval + a role on the Page, https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). A connection that is not active pauses the
 * work: the change fails and is retried after the merchant reconnects.
 */
export const fetchMetaLeadStep = createStep("fetch-meta-lead", async (notice: LeadgenNotice, { container }) => {
  const service = metaService(container)
  const live = await service.getConnectionToken()
  if (!live) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The Meta connection is not active (revoked, expired or disconnected); the lead will be fetched after reconnecting"
    )
  }
  const token = (notice.page_id ? (await service.getPageTokens([notice.page_id])).get(notice.page_id) : undefined) ?? live.token
  let raw: GraphLead
  try {
    raw = await service.getGraphClient().get<GraphLead>(notice.leadgen_id, {
      token,
      params: { fields: LEAD_FIELDS },
      usageKey: notice.page_id ?? undefined,
    })
  } catch (error) {
    await service.recordGraphFailure(live.connectionId, error)
    throw error
  }
  const fetched: FetchedMetaLead = {
    connection_id: live.connectionId,
    notice,
    lead: {
      ad_id: optionalString(raw.ad_id) ?? notice.ad_id,
      adset_id: optionalString(raw.adset_id) ?? notice.adgroup_id,
      campaign_id: optionalString(raw.campaign_id),
      form_id: optionalString(raw.form_id) ?? notice.form_id,
      platform: optionalString(raw.platform),
      is_organic: typeof raw.is_organic === "boolean" ? raw.is_organic : null,
      created_at: optionalString(raw.created_time)
        ? new Date(String(raw.created_time).replace(/\+0000$/, "Z")).toISOString()
        : notice.created_time
          ? new Date(notice.created_time * 1000).toISOString()
          : null,
    },
    customer: leadToCustomerFields(raw),
  }
  if (!fetched.customer.email && !fetched.customer.phone) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Lead ${notice.leadgen_id} has neither an email nor a phone number, so it cannot become a customer`
    )
  }
  return new StepResponse(fetched)
})
