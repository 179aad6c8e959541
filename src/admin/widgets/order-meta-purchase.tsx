import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Alert, Badge, Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { CAPI_STATUS, MATCH_RATING } from "../components/capi-events/capi-event-labels"
import { MatchQualityKeys } from "../components/capi-events/match-quality-keys"
import { useReplayWithToast } from "../components/capi-events/use-replay-with-toast"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../components/meta-feature-notice"
import { ReconnectButton } from "../components/reconnect-button"
import { SectionError } from "../components/webhooks/section-error"
import { useMetaCapiEvents, useMetaCapiSettings } from "../hooks/api/capi-events"
import { formatDateTime } from "../lib/format-date"
import type { MetaCapiEvent } from "../../types/http/events"

const outcome = (event: MetaCapiEvent) => {
  if (event.status === "sent") return `Sent ${event.sent_at ? formatDateTime(event.sent_at) : ""}`.trim()
  if (event.problem?.kind === "meta_unavailable" && event.next_attempt_at) {
    return `Meta did not answer; the Purchase is sent again automatically ${formatDateTime(event.next_attempt_at)}.`
  }
  if (event.problem) return event.problem.message
  return "Waiting to be sent"
}

/**
 * The order's Purchase for Meta (the Conversions API event, deduplicated with the Pixel by order id): sent,
 * waiting because Meta did not answer (retried by itself), or stuck until the merchant reconnects.
 */
const OrderMetaPurchaseWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isPending, isError, error, refetch } = useMetaCapiEvents({ subject_id: order.id, event_name: "Purchase" }, 0, 5)
  const { readiness, connection } = useMetaFeatureReadiness("capi")
  const settings = useMetaCapiSettings()
  const replay = useReplayWithToast()
  const event = data?.events[0]
  const canSend = readiness?.state === "ready"
  const testEventCode = settings.data?.settings.test_event_code ?? null
  const reconnect = event?.problem?.kind === "needs_reconnect"

  return (
    <Container className="divide-y p-0" data-testid="meta-order-purchase">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">Meta Purchase</Heading>
          {(event?.is_test || testEventCode) && (
            <Badge size="2xsmall" color="orange" data-testid="meta-order-test-mode">
              Test mode
            </Badge>
          )}
        </div>
        {event && <StatusBadge color={CAPI_STATUS[event.status].color}>{CAPI_STATUS[event.status].label}</StatusBadge>}
      </div>
      {readiness && readiness.state !== "ready" && (
        <div className="px-6 py-4">
          <MetaFeatureNotice readiness={readiness} />
        </div>
      )}
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
          {reconnect ? (
            <Alert variant="error" data-testid="meta-order-purchase-reconnect">
              <div className="flex flex-col gap-y-2">
                <Text size="small">{event.problem?.message}</Text>
                {connection && (
                  <div>
                    <ReconnectButton method={connection.method} />
                  </div>
                )}
              </div>
            </Alert>
          ) : (
            <Text
              size="small"
              className={event.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"}
              data-testid="meta-order-purchase-outcome"
            >
              {outcome(event)}
            </Text>
          )}
          {event.is_test && (
            <Text size="small" className="text-ui-fg-subtle">
              Sent with test event code {event.test_event_code}: Meta shows it in Test Events and does not count it for
              your ads.
            </Text>
          )}
          {!event.is_test && testEventCode && (
            <Text size="small" className="text-ui-fg-subtle">
              Test event code {testEventCode} is set: new purchases do not count for your ads until it is removed.
            </Text>
          )}
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
            {event.status === "failed" && canSend && (
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
