import { Badge, Button, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { META_CAPI_EVENTS_PAGE_SIZE } from "../../hooks/api/capi-events"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import type { MetaCapiEvent, MetaCapiEventFilters, MetaCapiEventStatus, MetaCapiEventsResponse } from "../../../types/http/events"
import { CapiEventDrawer } from "./capi-event-drawer"
import { CAPI_EVENT_NAMES, CAPI_STATUS, CAPI_STATUSES, MATCH_RATING, PROBLEM_LABEL, orderLabel } from "./capi-event-labels"
import { useReplayWithToast } from "./use-replay-with-toast"
import { FilterSelect } from "../list/filter-select"
import { ListStates } from "../list/list-states"
import { OffsetPagination } from "../offset-pagination"

type Props = {
  filters: MetaCapiEventFilters
  onFiltersChange: (filters: MetaCapiEventFilters) => void
  offset: number
  onOffsetChange: (offset: number) => void
  query: {
    data: MetaCapiEventsResponse | undefined
    isPending: boolean
    isError: boolean
    error: Error | null
    refetch: () => unknown
  }
  /** The test event code in force (events then reach Test Events only), null when live. */
  testEventCode: string | null
  /** False while the Conversions API cannot send (not connected, off…): replaying would do nothing. */
  canSend: boolean
}

/** What the store told Meta: every Conversions API event with its delivery status. */
export const CapiEventsLogSection = ({ filters, onFiltersChange, offset, onOffsetChange, query, testEventCode, canSend }: Props) => {
  const [selected, setSelected] = useState<MetaCapiEvent | null>(null)
  const replay = useReplayWithToast(setSelected)
  const { data } = query
  const filtered = !!(filters.status || filters.event_name || filters.subject_id)

  return (
    <Container className="divide-y p-0" data-testid="meta-capi-events-log">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <div className="flex items-center gap-x-2">
            <Heading>Meta events</Heading>
            {testEventCode && (
              <Badge size="2xsmall" color="orange" data-testid="meta-capi-test-mode">
                Test mode
              </Badge>
            )}
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {testEventCode
              ? `Test event code ${testEventCode} is set: new events only reach Events Manager → Test Events and do not count for your ads. Remove the code below to go live.`
              : "Conversions API events, written here before they are sent; Meta's outages are retried automatically."}
          </Text>
        </div>
        <div className="flex gap-x-2">
          <FilterSelect
            testId="meta-capi-filter-event-name"
            value={filters.event_name}
            all="All events"
            options={CAPI_EVENT_NAMES.map((name) => ({ value: name, label: name }))}
            onChange={(event_name) => onFiltersChange({ ...filters, event_name })}
          />
          <FilterSelect
            testId="meta-capi-filter-status"
            value={filters.status}
            all="All statuses"
            options={CAPI_STATUSES.map((s) => ({ value: s, label: CAPI_STATUS[s].label }))}
            onChange={(status) => onFiltersChange({ ...filters, status: status as MetaCapiEventStatus | undefined })}
          />
        </div>
      </div>
      <ListStates
        query={query}
        count={data?.count}
        what="The events log"
        empty={filtered ? "No events match these filters." : "No events yet. A Purchase is recorded when an order is placed."}
      >
        {data && (
          <>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Event</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Order / customer</Table.HeaderCell>
                  <Table.HeaderCell>Time</Table.HeaderCell>
                  <Table.HeaderCell>Attempts</Table.HeaderCell>
                  <Table.HeaderCell>Match</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.events.map((event) => (
                  <Table.Row key={event.id} className="cursor-pointer" onClick={() => setSelected(event)}>
                    <Table.Cell>
                      <div className="flex items-center gap-x-2">
                        {event.event_name}
                        {event.is_test && (
                          <Badge size="2xsmall" color="orange" data-testid="meta-capi-test-event" title={`Sent with test event code ${event.test_event_code}`}>
                            Test
                          </Badge>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={CAPI_STATUS[event.status].color}>{CAPI_STATUS[event.status].label}</StatusBadge>
                      {event.problem && event.status === "pending" && (
                        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="meta-capi-event-problem">
                          {PROBLEM_LABEL[event.problem.kind]}
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell className="max-w-[14rem] truncate">
                      {event.order ? (
                        <Link
                          to={event.order.link}
                          title={`Order ${event.order.id}`}
                          className="text-ui-fg-interactive hover:underline"
                          data-testid="meta-capi-event-order"
                          onClick={(e) => e.stopPropagation()}
                        >
                          {orderLabel(event.order)}
                        </Link>
                      ) : (
                        event.subject_id ?? event.event_id
                      )}
                    </Table.Cell>
                    <Table.Cell title={formatDateTime(event.event_time)}>{formatRelative(event.event_time)}</Table.Cell>
                    <Table.Cell>{event.attempts}</Table.Cell>
                    <Table.Cell>{MATCH_RATING[event.match_quality.rating].label}</Table.Cell>
                    <Table.Cell className="text-right">
                      {event.status === "failed" && (
                        <Button
                          size="small"
                          variant="secondary"
                          disabled={!canSend}
                          title={canSend ? undefined : "Meta cannot receive events right now: see the notice above"}
                          isLoading={replay.replayingId === event.id}
                          onClick={(e) => {
                            e.stopPropagation()
                            replay.run(event.id)
                          }}
                        >
                          Replay
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <OffsetPagination count={data.count} offset={offset} pageSize={META_CAPI_EVENTS_PAGE_SIZE} onOffsetChange={onOffsetChange} />
          </>
        )}
      </ListStates>
      <CapiEventDrawer
        event={selected}
        onClose={() => setSelected(null)}
        onReplay={replay.run}
        replaying={replay.isPending}
        canSend={canSend}
      />
    </Container>
  )
}
