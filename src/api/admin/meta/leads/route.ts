import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { presentFailedLead } from "../../../../lib/webhooks"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import type { MetaFailedLead, MetaLeadCustomer, MetaLeadsResponse } from "../../../../types/http/webhooks"
import type { GetMetaLeadsType } from "../webhooks/validators"
import { presentLead } from "./present-lead"

/** Failed leads listed at once; more are counted, and the webhook log lists them all. */
const FAILED_LEADS_SHOWN = 50

/**
 * Leads from Meta lead ads, newest first, each with the Medusa customer it became; and the leads that
 * could not become a customer (their webhook change failed), with why and what to do.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaLeadsResponse>) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const { customer_id, form_id, limit, offset } = req.validatedQuery as GetMetaLeadsType
  const [rows, count] = await service.listAndCountMetaLeads(
    { ...(customer_id ? { customer_id } : {}), ...(form_id ? { form_id } : {}) },
    { order: { created_at: "DESC" }, skip: offset, take: limit }
  )

  const customerIds = [...new Set(rows.map((row) => row.customer_id).filter((id): id is string => !!id))]
  const customers = customerIds.length
    ? await req.scope
        .resolve(Modules.CUSTOMER)
        .listCustomers({ id: customerIds }, { select: ["id", "first_name", "last_name", "email", "phone"], take: null })
    : []
  const customerById = new Map<string, MetaLeadCustomer>(
    customers.map((c) => [
      c.id,
      {
        id: c.id,
        name: [c.first_name, c.last_name].filter(Boolean).join(" ") || null,
        email: c.email ?? null,
        phone: c.phone ?? null,
      },
    ])
  )

  // A customer's leads are the ones that worked; failed ones belong to no customer yet.
  const [failedRows, failedTotal] = customer_id
    ? [[], 0]
    : await service.listAndCountMetaWebhookEvents(
        { object: "page", field: "leadgen", status: "failed" },
        { order: { created_at: "DESC" }, take: FAILED_LEADS_SHOWN }
      )
  const failed = failedRows
    .map((event) => ({ event, view: presentFailedLead(event) }))
    .filter(({ view }) => !form_id || view.form_id === form_id)
  const failedFormIds = [...new Set(failed.map(({ view }) => view.form_id).filter((id): id is string => !!id))]
  const formNames = new Map<string, string>()
  if (failedFormIds.length) {
    const named = await service.listMetaLeads(
      { form_id: failedFormIds, form_name: { $ne: null } },
      { select: ["form_id", "form_name"], order: { created_at: "DESC" }, take: null }
    )
    for (const lead of named) if (lead.form_id && lead.form_name && !formNames.has(lead.form_id)) formNames.set(lead.form_id, lead.form_name)
  }
  const failedLeads: MetaFailedLead[] = failed.map(({ event, view }) => ({
    webhook_event_id: event.id,
    ...view,
    form_name: view.form_id ? (formNames.get(view.form_id) ?? null) : null,
    received_at: new Date(event.created_at).toISOString(),
    attempts: event.attempts,
    next_attempt_at: event.next_attempt_at ? new Date(event.next_attempt_at).toISOString() : null,
    last_error: event.last_error,
  }))

  res.json({
    leads: rows.map((row) => presentLead(row, row.customer_id ? (customerById.get(row.customer_id) ?? null) : null)),
    count,
    offset,
    limit,
    failed_leads: failedLeads,
    failed_count: form_id ? failedLeads.length : failedTotal,
  })
}
