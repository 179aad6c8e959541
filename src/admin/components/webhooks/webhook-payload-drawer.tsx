import { Button, Drawer, Text } from "@medusajs/ui"
import { webhookChangeLabel } from "../../../lib/webhooks/change-label"
import { formatDateTime } from "../../lib/format-date"
import type { MetaWebhookEvent } from "../../../types/http/webhooks"
import { JsonCodeBlock } from "../json-code-block"

type Props = {
  event: MetaWebhookEvent | null
  onClose: () => void
  onRetry: (id: string) => void
  retrying: boolean
  /** Why a retry cannot run now (e.g. a lead while Meta is not connected), or null. */
  retryBlocked: string | null
}

/** The change as Meta sent it, with what processing made of it. */
export const WebhookPayloadDrawer = ({ event, onClose, onRetry, retrying, retryBlocked }: Props) => (
  <Drawer open={!!event} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title>{event ? webhookChangeLabel(event) : "Webhook change"}</Drawer.Title>
      </Drawer.Header>
      {event && (
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            <Text size="small">
              Received {formatDateTime(event.created_at)} · {event.object} / {event.field} · entry {event.entry_id}
            </Text>
            <Text size="small">
              Status {event.status} after {event.attempts} attempt(s)
              {event.processed_at ? ` · processed ${formatDateTime(event.processed_at)}` : ""}
            </Text>
            {event.outcome && <Text size="small">Outcome: {event.outcome}</Text>}
            {event.last_error && (
              <Text size="small" className="text-ui-fg-error">
                Error: {event.last_error}
              </Text>
            )}
            {event.next_attempt_at && event.status === "failed" && (
              <Text size="small">Next automatic attempt {formatDateTime(event.next_attempt_at)}</Text>
            )}
            {retryBlocked && event.status !== "processed" && (
              <Text size="small" className="text-ui-fg-subtle">
                {retryBlocked}
              </Text>
            )}
          </div>
          <JsonCodeBlock label="Payload" value={event.payload} />
        </Drawer.Body>
      )}
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button variant="secondary" size="small">
            Close
          </Button>
        </Drawer.Close>
        {event && event.status !== "processed" && (
          <Button size="small" isLoading={retrying} disabled={!!retryBlocked} onClick={() => onRetry(event.id)}>
            Retry now
          </Button>
        )}
      </Drawer.Footer>
    </Drawer.Content>
  </Drawer>
)
