import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { META_WEBHOOKS_PAGE_SIZE, useMetaLeads } from "../../hooks/api/webhooks"
import { formatRelative } from "../../lib/format-date"
import type { AdminMetaLead } from "../../types/meta-webhooks"
import { SectionError } from "./section-error"
import { OffsetPagination } from "../offset-pagination"

const contactOf = (lead: AdminMetaLead) => {
  const value = lead.answers.email ?? lead.answers.phone_number ?? lead.answers.full_name
  return Array.isArray(value) ? value[0] : (value ?? "—")
}

const consentOf = (lead: AdminMetaLead) => {
  const entries = Object.entries(lead.consents ?? {})
  return entries.length ? entries.map(([key, accepted]) => `${key}: ${accepted ? "yes" : "no"}`).join(", ") : "—"
}

/** Leads from lead ads, each linked to the customer it became. */
export const LeadsSection = () => {
  const [offset, setOffset] = useState(0)
  const { data, isPending, isError, error, refetch } = useMetaLeads(offset)
  return (
    <Container className="divide-y p-0" data-testid="meta-leads">
      <div className="px-6 py-4">
        <Heading>Leads</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Lead-ad submissions become customers (matched by email, else phone).
        </Text>
      </div>
      {isPending && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {isError && <SectionError what="Leads" message={error.message} onRetry={() => refetch()} />}
      {data && data.count === 0 && <Text className="px-6 py-4 text-ui-fg-subtle">No leads yet.</Text>}
      {data && data.count > 0 && (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Received</Table.HeaderCell>
                <Table.HeaderCell>Contact</Table.HeaderCell>
                <Table.HeaderCell>Form</Table.HeaderCell>
                <Table.HeaderCell>Consent</Table.HeaderCell>
                <Table.HeaderCell>Customer</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.leads.map((lead) => (
                <Table.Row key={lead.id}>
                  <Table.Cell>{formatRelative(lead.lead_created_at ?? lead.created_at)}</Table.Cell>
                  <Table.Cell>{contactOf(lead)}</Table.Cell>
                  <Table.Cell>{lead.form_id ?? "—"}</Table.Cell>
                  <Table.Cell className="max-w-xs truncate">{consentOf(lead)}</Table.Cell>
                  <Table.Cell>
                    {lead.customer_id ? (
                      <Link className="text-ui-fg-interactive" to={`/customers/${lead.customer_id}`}>
                        View customer
                      </Link>
                    ) : (
                      "—"
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <OffsetPagination count={data.count} offset={offset} pageSize={META_WEBHOOKS_PAGE_SIZE} onOffsetChange={setOffset} />
        </>
      )}
    </Container>
  )
}
