import { Alert, Button, Table, Text, Tooltip, toast } from "@medusajs/ui"
import { useRetryMetaWebhookEvent } from "../../hooks/api/webhooks"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import type { MetaFailedLead } from "../../../types/http/webhooks"

type Props = {
  leads: MetaFailedLead[]
  total: number
  /** Null when a retry can run now; else why it cannot (e.g. not connected). */
  retryBlocked: string | null
}

const formOf = (lead: MetaFailedLead) =>
  lead.form_name ?? (lead.form_id ? "A lead form (name not available yet)" : "Unknown form")

/** Leads that did not become customers: why, what to do, and a retry where one can help. */
export const FailedLeads = ({ leads, total, retryBlocked }: Props) => {
  const retry = useRetryMetaWebhookEvent()
  if (total === 0) return null
  const onRetry = (lead: MetaFailedLead) =>
    retry.mutate(lead.webhook_event_id, {
      onSuccess: ({ webhook_event }) => {
        if (webhook_event.status === "processed") toast.success("The lead is now a customer")
        else toast.error("The lead still could not be processed; the reason is updated below")
      },
      onError: (e) => toast.error(e.message),
    })
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="meta-failed-leads">
      <Alert variant="error">
        {total === 1 ? "1 lead could not become a customer." : `${total} leads could not become customers.`} Each one says
        why and what to do.
      </Alert>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Received</Table.HeaderCell>
            <Table.HeaderCell>Form</Table.HeaderCell>
            <Table.HeaderCell>What went wrong</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {leads.map((lead) => (
            <Table.Row key={lead.webhook_event_id} data-testid="meta-failed-lead-row">
              <Table.Cell>{formatRelative(lead.submitted_at ?? lead.received_at)}</Table.Cell>
              <Table.Cell>{formOf(lead)}</Table.Cell>
              <Table.Cell className="whitespace-normal py-2">
                <Text size="small">{lead.reason}</Text>
                <Text size="small" className="text-ui-fg-subtle">
                  {lead.next_step}
                  {lead.next_attempt_at ? ` Next automatic try ${formatDateTime(lead.next_attempt_at)}.` : ""}
                </Text>
              </Table.Cell>
              <Table.Cell className="text-right">
                {lead.retry_can_help &&
                  (retryBlocked ? (
                    <Tooltip content={retryBlocked}>
                      <span>
                        <Button size="small" variant="secondary" disabled>
                          Retry
                        </Button>
                      </span>
                    </Tooltip>
                  ) : (
                    <Button
                      size="small"
                      variant="secondary"
                      isLoading={retry.isPending && retry.variables === lead.webhook_event_id}
                      onClick={() => onRetry(lead)}
                    >
                      Retry
                    </Button>
                  ))}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {total > leads.length && (
        <Text size="small" className="text-ui-fg-subtle">
          Showing the newest {leads.length}; the webhook log below lists all failed deliveries.
        </Text>
      )}
    </div>
  )
}
