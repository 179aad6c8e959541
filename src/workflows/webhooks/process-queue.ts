import type { MedusaContainer } from "@medusajs/framework/types"
import { processMetaWebhookEvent } from "./process-webhook-event"

/** Changes in flight at once: enough to hide database round trips, few enough to leave the route room. */
const WORKERS = 4

/**
 * Processes stored changes a few at a time, in the background. Meta wants its 200 within seconds and
 * delivers in bursts; running a workflow per change concurrently with every delivery starves the
 * webhook route itself. The queue is only a hint — the changes are in the database, and the retry job
 * picks up whatever a restart left here.
 */
const pending = new Set<string>()
let draining: Promise<void> | null = null

export function enqueueMetaWebhookEvents(container: MedusaContainer, ids: string[]): Promise<void> {
  for (const id of ids) pending.add(id)
  draining ??= Promise.all(Array.from({ length: WORKERS }, () => drain(container))).then(() => undefined).finally(() => {
    draining = null
  })
  return draining
}

async function drain(container: MedusaContainer): Promise<void> {
  while (pending.size) {
    const [id] = pending
    pending.delete(id)
    // Failures are recorded on the change by processMetaWebhookEvent; keep draining.
    await processMetaWebhookEvent(container, id).catch(() => undefined)
    // Let waiting HTTP requests run between changes.
    await new Promise((resolve) => setImmediate(resolve))
  }
}
