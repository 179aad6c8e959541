import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { META_WEBHOOKS_PAGE_SIZE, useMetaLeads } from "../../hooks/api/webhooks"
import { formatRelative } from "../../lib/format-date"
import type { MetaLead } from "../../../types/http/webhooks"
import { ListStates } from "../list/list-states"
import { OffsetPagination } from "../offset-pagination"

const contactOf = (lead: MetaLead) => {
  const value = lead.answers.email ?? lead.answers.phone_number ?? lead.answers.full_name
  return Array.isArray(value) ? value[0] : (value ?? "—")
}

const consentOf = (lead: MetaLead) => {
  const entries = Object.entries(lead.consents ?? {})
  return entries.length ? entries.map(([key, accepted]) => `${key}: ${accepted ? "yes" : "no"}`).join(", ") : "—"
}

/** Leads from lead ads, each linked to the customer it became. */
export const LeadsSection = () => {
  const [offset, setOffset] = useState(0)
  const query = useMetaLeads(offset)
  const { data } = query
  return (
    <Container className="divide-y p-0" data-testid="meta-leads">
      <div className="px-6 py-4">
        <Heading>Leads</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Lead-ad submissions become customers (matched by email, else phone).
        </Text>
      </div>
      <ListStates query={query} count={data?.count} what="Leads" empty="No leads yet.">
        {data && (
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
      </ListStates>
    </Container>
  )
}
