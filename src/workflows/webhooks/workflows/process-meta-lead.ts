import { createCustomersWorkflow, updateCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { LeadgenNotice, customerUpdateFromLead } from "../../../lib/webhooks"
import { fetchMetaLeadStep } from "../steps/fetch-meta-lead"
import { findLeadCustomerStep } from "../steps/find-lead-customer"
import { readLeadFormNameStep } from "../steps/read-lead-form-name"
import { storeMetaLeadStep } from "../steps/store-meta-lead"

export const processMetaLeadWorkflowId = "process-meta-lead"

/**
 * A `leadgen` notice → the lead from Graph (and its form's name) → the Medusa customer (found by email, else phone; created
 * when there is none, completed where fields are missing) → the lead record linked to it.
 */
export const processMetaLeadWorkflow = createWorkflow(processMetaLeadWorkflowId, (input: LeadgenNotice) => {
  const fetched = fetchMetaLeadStep(input)
  const formName = readLeadFormNameStep(
    transform({ fetched }, ({ fetched }) => ({ form_id: fetched.lead.form_id, page_id: fetched.notice.page_id }))
  )
  const match = findLeadCustomerStep(
    transform({ fetched }, ({ fetched }) => ({ email: fetched.customer.email, phone: fetched.customer.phone }))
  )

  const created = when("create-lead-customer", { match }, ({ match }) => !match).then(() =>
    createCustomersWorkflow.runAsStep({
      input: transform({ fetched }, ({ fetched }) => ({
        customersData: [
          {
            email: fetched.customer.email ?? undefined,
            phone: fetched.customer.phone ?? undefined,
            first_name: fetched.customer.first_name ?? undefined,
            last_name: fetched.customer.last_name ?? undefined,
            metadata: { meta_lead_source: "lead_ads" },
          },
        ],
      })),
    })
  )

  const update = transform({ match, fetched }, ({ match, fetched }) =>
    match ? customerUpdateFromLead(match, fetched.customer) : null
  )
  when("complete-lead-customer", { match, update }, ({ match, update }) => !!match && !!update).then(() =>
    updateCustomersWorkflow.runAsStep({
      input: transform({ match, update }, ({ match, update }) => ({
        selector: { id: match!.id },
        update: update!,
      })),
    })
  )

  const customerId = transform({ match, created }, ({ match, created }) => match?.id ?? created![0].id)
  const lead = storeMetaLeadStep(
    transform({ fetched, customerId, formName }, ({ fetched, customerId, formName }) => ({
      fetched,
      customer_id: customerId,
      form_name: formName,
    }))
  )

  return new WorkflowResponse(
    transform({ lead, match, customerId }, ({ lead, match, customerId }) => ({
      lead_id: lead.id,
      customer_id: customerId,
      outcome: match ? "lead linked to an existing customer" : "customer created from lead",
    }))
  )
})
