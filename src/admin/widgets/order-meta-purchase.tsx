import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { CAPI_STATUS, MATCH_RATING } from "../components/capi-events/capi-event-labels"
import { MatchQualityKeys } from "../components/capi-events/match-quality-keys"
import { useReplayWithToast } from "../components/capi-events/use-replay-with-toast"
import { SectionError } from "../components/webhooks/section-error"
import { useMetaCapiEvents } from "../hooks/api/capi-events"
import { formatDateTime } from "../lib/format-date"
import type { MetaCapiEvent } from "../../types/http/events"

const outcome = (event: MetaCapiEvent) => {
  if (event.status === "sent") return `Sent ${event.sent_at ? formatDateTime(event.sent_at) : ""}`.trim()
  if (event.status === "pending") {
    return event.attempts > 0 && event.next_attempt_at
      ? `Meta did not answer; retrying ${formatDateTime(event.next_attempt_at)}`
      : "Waiting to be sent"
  }
  if (event.status === "expired") return "Not sent within Meta's 7-day window"
  return event.error ?? "Meta did not accept it"
}

/** The order's Purchase for Meta (the Conversions API event, deduplicated with the Pixel by order id). */
const OrderMetaPurchaseWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending, isError, error, refetch } = useMetaCapiEvents({ subject_id: order.id, event_name: "Purchase" }, 0, 5)
  const replay = useReplayWithToast()
  const event = data?.events[0]

  return (
    <Container className="divide-y p-0" data-testid="meta-order-purchase">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Meta Purchase</Heading>
        {event && <StatusBadge color={CAPI_STATUS[event.status].color}>{CAPI_STATUS[event.status].label}</StatusBadge>}
      </div>
      {isPending && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {isError && <SectionError what="The Meta Purchase" message={error.message} onRetry={() => refetch()} />}
      {data && !event && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          No Purchase was recorded: the shopper declined tracking, Meta was not connected with a pixel, or the order
          was placed before the plugin was installed.
        </Text>
      )}
      {event && (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <Text size="small" className={event.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {outcome(event)}
          </Text>
          <div className="flex items-center gap-x-2">
            <Text size="small" className="text-ui-fg-subtle">
              Match hint
            </Text>
            <StatusBadge color={MATCH_RATING[event.match_quality.rating].color}>
              {MATCH_RATING[event.match_quality.rating].label}
            </StatusBadge>
          </div>
          <MatchQualityKeys keys={event.match_quality.keys} />
          <div className="flex justify-between gap-x-2">
            <Button size="small" variant="transparent" asChild>
              <Link to="/meta/events">All Meta events</Link>
            </Button>
            {event.status === "failed" && (
              <Button size="small" variant="secondary" isLoading={replay.isPending} onClick={() => replay.run(event.id)}>
                Replay
              </Button>
            )}
          </div>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderMetaPurchaseWidget
