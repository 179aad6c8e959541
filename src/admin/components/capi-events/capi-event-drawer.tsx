import { Badge, Button, Drawer, StatusBadge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { formatDateTime } from "../../lib/format-date"
import type { MetaCapiEvent } from "../../../types/http/events"
import { CAPI_STATUS, MATCH_RATING, orderLabel } from "./capi-event-labels"
import { MatchQualityKeys } from "./match-quality-keys"
import { JsonCodeBlock } from "../json-code-block"

type Props = {
  event: MetaCapiEvent | null
  onClose: () => void
  onReplay: (id: string) => void
  replaying: boolean
  /** False while the Conversions API cannot send: replaying would do nothing. */
  canSend: boolean
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-[120px_1fr] gap-x-3">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-small break-all">{children}</div>
  </div>
)

/** One Conversions API event: the payload as Meta received it (hashes only), Meta's answer or error. */
export const CapiEventDrawer = ({ event, onClose, onReplay, replaying, canSend }: Props) => (
  <Drawer open={!!event} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content data-testid="meta-capi-event-drawer">
      <Drawer.Header>
        <Drawer.Title>{event?.event_name}</Drawer.Title>
      </Drawer.Header>
      {event && (
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex flex-col gap-y-2">
            <Row label="Status">
              <StatusBadge color={CAPI_STATUS[event.status].color}>{CAPI_STATUS[event.status].label}</StatusBadge>
            </Row>
            <Row label="Event id">{event.event_id}</Row>
            {event.order ? (
              <Row label="Order">
                <Link to={event.order.link} className="text-ui-fg-interactive hover:underline">
                  {orderLabel(event.order)}
                </Link>{" "}
                <span className="text-ui-fg-subtle">({event.order.id})</span>
              </Row>
            ) : (
              event.subject_id && <Row label="Subject">{event.subject_id}</Row>
            )}
            <Row label="Pixel">{event.pixel_id}</Row>
            <Row label="Event time">{formatDateTime(event.event_time)}</Row>
            <Row label="Attempts">{event.attempts}</Row>
            {event.sent_at && <Row label="Sent">{formatDateTime(event.sent_at)}</Row>}
            {event.next_attempt_at && event.status === "pending" && (
              <Row label="Next attempt">{formatDateTime(event.next_attempt_at)}</Row>
            )}
            {event.replayed_at && <Row label="Replayed">{formatDateTime(event.replayed_at)}</Row>}
            {event.is_test && (
              <Row label="Test mode">
                <Badge size="2xsmall" color="orange">
                  Test mode
                </Badge>{" "}
                Sent with code {event.test_event_code}: shown in Test Events, not counted for ads.
              </Row>
            )}
            <Row label="Match hint">
              <StatusBadge color={MATCH_RATING[event.match_quality.rating].color}>
                {MATCH_RATING[event.match_quality.rating].label}
              </StatusBadge>
            </Row>
            <Row label="Keys present">
              <MatchQualityKeys keys={event.match_quality.keys} />
            </Row>
          </div>
          {event.problem ? (
            <Text size="small" className="text-ui-fg-error" data-testid="meta-capi-event-error">
              {event.problem.message}
            </Text>
          ) : (
            event.error && (
              <Text size="small" className="text-ui-fg-error" data-testid="meta-capi-event-error">
                Meta's error: {event.error}
              </Text>
            )
          )}
          {event.response && (
            <JsonCodeBlock label="Meta's response" value={event.response} />
          )}
          <JsonCodeBlock label="Payload (hashed)" value={event.payload} />
        </Drawer.Body>
      )}
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button variant="secondary" size="small">
            Close
          </Button>
        </Drawer.Close>
        {event?.status === "failed" && (
          <Button size="small" isLoading={replaying} disabled={!canSend} onClick={() => onReplay(event.id)}>
            Replay
          </Button>
        )}
      </Drawer.Footer>
    </Drawer.Content>
  </Drawer>
)
