import { toast } from "@medusajs/ui"
import { useReplayMetaCapiEvent } from "../../hooks/api/capi-events"
import type { MetaCapiEvent } from "../../../types/http/events"

/** Replays an event and says what came of it: sent, waiting for a retry, or Meta's error. */
export const useReplayWithToast = (onReplayed?: (event: MetaCapiEvent) => void) => {
  const replay = useReplayMetaCapiEvent()
  const run = (id: string) =>
    replay.mutate(id, {
      onSuccess: ({ event }) => {
        onReplayed?.(event)
        if (event.status === "sent") toast.success(`${event.event_name} sent to Meta`)
        else if (event.status === "pending") toast.info("Meta did not answer; the event will be retried automatically")
        else toast.error(event.error ?? `Meta did not accept the ${event.event_name}`)
      },
      onError: (e) => toast.error(e.message),
    })
  return { run, isPending: replay.isPending, replayingId: replay.isPending ? replay.variables : undefined }
}
