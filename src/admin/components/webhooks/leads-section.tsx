import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { leadAnswerRows, leadPersonLabel } from "../../../lib/webhooks/lead-answers"
import { META_WEBHOOKS_PAGE_SIZE, useMetaLeads } from "../../hooks/api/webhooks"
import { formatRelative } from "../../lib/format-date"
import type { MetaLead } from "../../../types/http/webhooks"
import { ListStates } from "../list/list-states"
import { OffsetPagination } from "../offset-pagination"
import { FailedLeads } from "./failed-leads"
import { LeadDrawer, leadFormLabel } from "./lead-drawer"

/** Up to three answers in the row; the drawer has them all. */
const ANSWERS_IN_ROW = 3

const answersSummary = (lead: MetaLead) => {
  const rows = leadAnswerRows(lead.answers)
  const shown = rows.slice(0, ANSWERS_IN_ROW).map((row) => `${row.label}: ${row.value}`)
  return rows.length > ANSWERS_IN_ROW ? `${shown.join(" · ")} · +${rows.length - ANSWERS_IN_ROW} more` : shown.join(" · ") || "—"
}

/** Leads from lead ads, each with its answers and linked to the customer it became; failed ones first. */
export const LeadsSection = ({ retryBlocked }: { retryBlocked: string | null }) => {
  const [offset, setOffset] = useState(0)
  const [selected, setSelected] = useState<MetaLead | null>(null)
  const query = useMetaLeads(offset)
  const { data } = query
  return (
    <Container className="divide-y p-0" data-testid="meta-leads" id="meta-leads">
      <div className="px-6 py-4">
        <Heading level="h2">Leads</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Lead-ad form submissions become customers (matched by email, else phone). Click a lead to see every answer.
        </Text>
      </div>
      {data && <FailedLeads leads={data.failed_leads} total={data.failed_count} retryBlocked={retryBlocked} />}
      <ListStates
        query={query}
        count={data?.count}
        what="Leads"
        empty="No leads yet. When someone fills in one of your lead forms on Facebook or Instagram, they appear here."
      >
        {data && (
          <>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Received</Table.HeaderCell>
                  <Table.HeaderCell>Person</Table.HeaderCell>
                  <Table.HeaderCell>Form</Table.HeaderCell>
                  <Table.HeaderCell>Answers</Table.HeaderCell>
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.leads.map((lead) => (
                  <Table.Row key={lead.id} className="cursor-pointer" onClick={() => setSelected(lead)} data-testid="meta-lead-row">
                    <Table.Cell>{formatRelative(lead.lead_created_at ?? lead.created_at)}</Table.Cell>
                    <Table.Cell>{leadPersonLabel(lead)}</Table.Cell>
                    <Table.Cell>{leadFormLabel(lead)}</Table.Cell>
                    <Table.Cell className="max-w-sm truncate">{answersSummary(lead)}</Table.Cell>
                    <Table.Cell>
                      {lead.customer ? (
                        <div className="flex flex-col">
                          <Link
                            className="text-ui-fg-interactive"
                            to={`/customers/${lead.customer.id}`}
                            onClick={(e) => e.stopPropagation()}
                          >
                            {lead.customer.name ?? lead.customer.email ?? lead.customer.phone ?? "Open customer"}
                          </Link>
                          {lead.customer.name && (lead.customer.email || lead.customer.phone) && (
                            <Text size="xsmall" className="text-ui-fg-subtle">
                              {lead.customer.email ?? lead.customer.phone}
                            </Text>
                          )}
                        </div>
                      ) : (
                        <Text size="small" className="text-ui-fg-subtle">
                          {lead.customer_id ? "Customer deleted" : "—"}
                        </Text>
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
      <LeadDrawer lead={selected} onClose={() => setSelected(null)} />
    </Container>
  )
}
