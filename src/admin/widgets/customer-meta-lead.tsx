import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../components/meta-feature-notice"
import { LeadAnswersList } from "../components/webhooks/lead-answers-list"
import { leadFormLabel } from "../components/webhooks/lead-drawer"
import { SectionError } from "../components/webhooks/section-error"
import { useMetaLeads } from "../hooks/api/webhooks"
import { formatDateTime } from "../lib/format-date"

/** The customer's newest lead forms shown here; the Inbox has them all. */
const LEADS_SHOWN = 3

/**
 * On a customer that came from a Meta lead form: which form, when, and what they answered. Renders nothing
 * for a customer who never sent a lead (most customers), and nothing while it loads, so the customer page
 * does not flicker for them.
 */
const CustomerMetaLeadWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isError, error, refetch } = useMetaLeads(0, customer.id, LEADS_SHOWN)
  const { readiness } = useMetaFeatureReadiness("webhooks")

  if (isError) {
    return (
      <Container className="p-0" data-testid="meta-customer-lead">
        <SectionError what="Meta lead forms" message={error?.message ?? "unknown error"} onRetry={() => refetch()} />
      </Container>
    )
  }
  if (!data || data.count === 0) return null

  return (
    <Container className="divide-y p-0" data-testid="meta-customer-lead">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">From a Meta lead form</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {data.count === 1
              ? "This customer filled in one of your lead forms on Facebook or Instagram."
              : `This customer filled in your lead forms ${data.count} times.`}
          </Text>
        </div>
        <Link className="text-ui-fg-interactive txt-small" to="/meta/webhooks?tab=leads">
          All leads
        </Link>
      </div>
      <MetaFeatureNotice readiness={readiness} className="mx-6 my-4" />
      {data.leads.map((lead) => (
        <div key={lead.id} className="flex flex-col gap-y-3 px-6 py-4" data-testid="meta-customer-lead-entry">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" weight="plus">
              {leadFormLabel(lead)}
            </Text>
            <Badge size="2xsmall" color="grey">
              {formatDateTime(lead.lead_created_at ?? lead.created_at)}
            </Badge>
          </div>
          <LeadAnswersList lead={lead} />
        </div>
      ))}
      {data.count > data.leads.length && (
        <Text size="small" className="px-6 py-3 text-ui-fg-subtle">
          Showing the newest {data.leads.length} of {data.count}.
        </Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerMetaLeadWidget
