import type { MetaLead, MetaLeadCustomer } from "../../../../types/http/webhooks"

type DateLike = Date | string | null

type LeadRow = {
  id: string
  leadgen_id: string
  page_id: string | null
  form_id: string | null
  form_name: string | null
  ad_id: string | null
  adset_id: string | null
  campaign_id: string | null
  platform: string | null
  is_organic: boolean | null
  answers: unknown
  consents: unknown
  customer_id: string | null
  connection_id: string | null
  lead_created_at: DateLike
  created_at: Date | string
  updated_at: Date | string
  deleted_at: DateLike
}

const iso = (value: DateLike) => (value ? new Date(value).toISOString() : null)

/** A lead for the admin: every column of the row, times as ISO strings, and the customer it became. */
export function presentLead(row: LeadRow, customer: MetaLeadCustomer | null): MetaLead {
  return {
    id: row.id,
    leadgen_id: row.leadgen_id,
    page_id: row.page_id,
    form_id: row.form_id,
    form_name: row.form_name,
    ad_id: row.ad_id,
    adset_id: row.adset_id,
    campaign_id: row.campaign_id,
    platform: row.platform,
    is_organic: row.is_organic,
    answers: row.answers as MetaLead["answers"],
    consents: row.consents as MetaLead["consents"],
    customer_id: row.customer_id,
    customer,
    connection_id: row.connection_id,
    lead_created_at: iso(row.lead_created_at),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    deleted_at: iso(row.deleted_at),
  }
}
