import { Button, Container, Heading, StatusBadge, Table, Text, Tooltip, toast } from "@medusajs/ui"
import { useState } from "react"
import { webhookChangeLabel } from "../../../lib/webhooks/change-label"
import { classifyChange } from "../../../lib/webhooks/classify-change"
import { isGovernedByWebhooksFeature } from "../../../lib/webhooks/feature-gate"
import { META_WEBHOOKS_PAGE_SIZE, useMetaWebhookEvents, useRetryMetaWebhookEvent } from "../../hooks/api/webhooks"
import { formatRelative } from "../../lib/format-date"
import type { MetaWebhookEvent, MetaWebhookEventStatus } from "../../../types/http/webhooks"
import { WebhookPayloadDrawer } from "./webhook-payload-drawer"
import { FilterSelect } from "../list/filter-select"
import { ListStates } from "../list/list-states"
import { OffsetPagination } from "../offset-pagination"

const WEBHOOK_STATUSES: MetaWebhookEventStatus[] = ["received", "processing", "processed", "failed"]

const STATUS_COLOR: Record<MetaWebhookEventStatus, "green" | "red" | "orange" | "blue"> = {
  processed: "green",
  failed: "red",
  processing: "blue",
  received: "orange",
}

/** Why a change cannot be retried now (leads and comments wait while Webhooks is not ready), or null. */
const retryBlockedFor = (event: MetaWebhookEvent, retryBlocked: string | null) =>
  isGovernedByWebhooksFeature(classifyChange(event.object, event.field, event.payload)) ? retryBlocked : null

/** Every verified change Meta delivered: status, payload, retry. */
export const WebhookLogSection = ({ retryBlocked }: { retryBlocked: string | null }) => {
  const [status, setStatus] = useState<MetaWebhookEventStatus | undefined>()
  const [offset, setOffset] = useState(0)
  const [selected, setSelected] = useState<MetaWebhookEvent | null>(null)
  const query = useMetaWebhookEvents(status, offset)
  const { data } = query
  const retry = useRetryMetaWebhookEvent()

  const onRetry = (id: string) =>
    retry.mutate(id, {
      onSuccess: ({ webhook_event }) => {
        setSelected(webhook_event)
        if (webhook_event.status === "processed") toast.success("Processed")
        else toast.error(webhook_event.last_error ?? "Still failing")
      },
      onError: (e) => toast.error(e.message),
    })

  return (
    <Container className="divide-y p-0" data-testid="meta-webhook-log">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Webhook log</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Verified deliveries from Meta; failed changes are retried automatically with backoff.
          </Text>
        </div>
        <FilterSelect
          className="w-40"
          value={status}
          all="All statuses"
          options={WEBHOOK_STATUSES.map((value) => ({ value, label: value }))}
          onChange={(value) => {
            setOffset(0)
            setStatus(value as MetaWebhookEventStatus | undefined)
          }}
        />
      </div>
      <ListStates
        query={query}
        count={data?.count}
        what="The webhook log"
        empty={`No webhook deliveries ${status ? `with status ${status}` : "yet"}.`}
      >
        {data && (
          <>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Received</Table.HeaderCell>
                  <Table.HeaderCell>Change</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Outcome</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.webhook_events.map((event) => (
                  <Table.Row key={event.id} className="cursor-pointer" onClick={() => setSelected(event)}>
                    <Table.Cell>{formatRelative(event.created_at)}</Table.Cell>
                    <Table.Cell>{webhookChangeLabel(event)}</Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={STATUS_COLOR[event.status]}>{event.status}</StatusBadge>
                    </Table.Cell>
                    <Table.Cell className="max-w-xs truncate">{event.last_error ?? event.outcome ?? "—"}</Table.Cell>
                    <Table.Cell className="text-right">
                      {event.status === "failed" &&
                        (retryBlockedFor(event, retryBlocked) ? (
                          <Tooltip content={retryBlockedFor(event, retryBlocked)}>
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
                            isLoading={retry.isPending && retry.variables === event.id}
                            onClick={(e) => {
                              e.stopPropagation()
                              onRetry(event.id)
                            }}
                          >
                            Retry
                          </Button>
                        ))}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <OffsetPagination count={data.count} offset={offset} pageSize={META_WEBHOOKS_PAGE_SIZE} onOffsetChange={setOffset} />
          </>
        )}
      </ListStates>
      <WebhookPayloadDrawer
        event={selected}
        onClose={() => setSelected(null)}
        onRetry={onRetry}
        retrying={retry.isPending}
        retryBlocked={selected ? retryBlockedFor(selected, retryBlocked) : null}
      />
    </Container>
  )
}
