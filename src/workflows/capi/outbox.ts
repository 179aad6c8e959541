import type { MedusaContainer } from "@medusajs/framework/types"
import {
  deliverIsolating,
  partitionExpired,
  retryDelayMs,
  splitIntoBatches,
  type DeliveryFailure,
  type SendOutcome,
  type ServerEvent,
} from "../../lib/capi"
import { GraphError } from "../../lib/graph"
import type { ClaimedCapiEvent } from "../../modules/meta/capi-outbox-repository"
import { metaService } from "../../modules/meta/resolve-meta-service"
import type MetaModuleService from "../../modules/meta/service"

/**
 * The Conversions API outbox. Rows are written before any network call; a pending row carries a lease in
 * `next_attempt_at` (the immediate sender and the scheduled flush never pick the same row at once), and
 * only a 2xx from Meta marks it sent. See https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api for the request envelope.
 */

/** How long a sender owns a row before the flush may pick it up again (a crash mid-send retries it). */
export const SEND_LEASE_MS = 60_000
/** Sent with every request so Meta can tell which platform integration sent the events. */
export const PARTNER_AGENT = "medusa-plugin-meta"

/** A pending outbox row as a sender works with it (the columns the outbox store claims). */
export type OutboxRow = ClaimedCapiEvent

export type FlushReport = { selected: number; sent: number; failed: number; expired: number; retry: number; calls: number }

/** Groups without copying arrays per row (a backlog can be 100,000 rows). */
function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return groups
}

function failureOf(error: unknown): DeliveryFailure {
  if (error instanceof GraphError) {
    const code = error.code !== undefined ? ` (#${error.code}${error.subcode ? `/${error.subcode}` : ""})` : ""
    return {
      category: error.category,
      code: error.code,
      message: `${error.userMessage ? `${error.userTitle ? `${error.userTitle}: ` : ""}${error.userMessage}` : error.message}${code}`,
      retryAfterMs: error.retryAfterMs,
    }
  }
  return { category: "transient", message: error instanceof Error ? error.message : String(error) }
}

/** The test event code in force: the admin's setting, else the `capi.testEventCode` option. */
export async function currentTestEventCode(svc: MetaModuleService): Promise<string | null> {
  const [setting] = await svc.listMetaCapiSettings({}, { take: 1 })
  return setting?.test_event_code || svc.getOptions().capi.testEventCode || null
}

/**
 * Sends the given rows (all pending). Groups by pixel and test event code, expires what Meta's 7-day
 * window no longer accepts, sends ≤1,000 per call, isolates events Meta rejects, backs off on transient
 * errors and throttling (never sooner than Meta's estimated_time_to_regain_access).
 */
export async function deliverRows(container: MedusaContainer, rows: OutboxRow[], nowMs = Date.now()): Promise<FlushReport> {
  const svc = metaService(container)
  const report: FlushReport = { selected: rows.length, sent: 0, failed: 0, expired: 0, retry: 0, calls: 0 }
  if (!rows.length) return report
  const credentials = await svc.getConnectionToken()
  if (!credentials) {
    // Not connected (or the connection needs attention): the events wait; the 7-day window still applies.
    await svc
      .postponeCapiEvents(rows.map((r) => r.id), new Date(nowMs + retryDelayMs(1)), "The store is not connected to Meta")
    report.retry = rows.length
    return report
  }
  const graph = svc.getGraphClient()

  const groups = groupBy(rows, (row) => `${row.pixel_id}\u0000${row.test_event_code ?? ""}`)

  let halted: DeliveryFailure | undefined
  for (const group of groups.values()) {
    const { pixel_id: pixelId, test_event_code: testEventCode } = group[0]
    const withTime = group.map((row) => ({ row, event_time: Number((row.payload as ServerEvent).event_time) }))
    const { fresh, expired } = partitionExpired(withTime, nowMs)
    if (expired.length) {
      await svc
        .markCapiEventsExpired(expired.map((e) => e.row.id), "Older than the Conversions API's 7-day window")
      report.expired += expired.length
    }
    for (const batch of splitIntoBatches(fresh.map((f) => f.row))) {
      if (halted) {
        await scheduleRetry(svc, batch, halted, nowMs)
        report.retry += batch.length
        continue
      }
      const send = async (events: OutboxRow[]): Promise<SendOutcome<Record<string, unknown>>> => {
        try {
          const response = await graph.post<Record<string, unknown>>(`${pixelId}/events`, {
            token: credentials.token,
            body: {
              data: events.map((e) => e.payload),
              partner_agent: PARTNER_AGENT,
              ...(testEventCode ? { test_event_code: testEventCode } : {}),
            },
            // A POST may have reached Meta before it failed: the outbox, not the client, decides on retries.
            retry: false,
            usageKey: pixelId,
          })
          return { ok: true, response: response ?? {} }
        } catch (error) {
          if (error instanceof GraphError && error.category === "auth") {
            await svc.recordGraphFailure(credentials.connectionId, error)
          }
          return { ok: false, failure: failureOf(error) }
        }
      }
      const result = await deliverIsolating(batch, send)
      report.calls += result.calls
      halted = result.halted
      await applyOutcomes(svc, result.outcomes, nowMs, report)
    }
  }
  return report
}

async function scheduleRetry(svc: MetaModuleService, rows: OutboxRow[], failure: DeliveryFailure, nowMs: number): Promise<void> {
  // Rows of one batch share their attempt count in practice; group to keep it to few UPDATEs.
  for (const [attempts, group] of groupBy(rows, (row) => row.attempts + 1)) {
    await svc.scheduleCapiEventRetry(
      group.map((row) => row.id),
      attempts,
      new Date(nowMs + retryDelayMs(attempts, failure.retryAfterMs)),
      failure.message,
      failure.code ?? null
    )
  }
}

async function applyOutcomes(
  svc: MetaModuleService,
  outcomes: Awaited<ReturnType<typeof deliverIsolating<OutboxRow, Record<string, unknown>>>>["outcomes"],
  nowMs: number,
  report: FlushReport
): Promise<void> {
  const sent: { response: Record<string, unknown>; event: OutboxRow }[] = []
  const retries: OutboxRow[] = []
  let retryFailure: DeliveryFailure | undefined
  for (const outcome of outcomes) {
    if (outcome.status === "sent") {
      sent.push({ response: outcome.response, event: outcome.event })
    } else if (outcome.status === "failed") {
      await svc.updateMetaCapiEvents({
        id: outcome.event.id,
        status: "failed",
        attempts: outcome.event.attempts + 1,
        next_attempt_at: null,
        last_error: outcome.message,
        last_error_code: outcome.code ?? null,
      })
      report.failed++
    } else {
      retries.push(outcome.event)
      retryFailure = outcome.failure
    }
  }
  // One UPDATE per Meta response (a request of up to 1,000 events), not one per row.
  for (const [response, group] of groupBy(sent, (s) => s.response)) {
    await svc.markCapiEventsSent(
      group.map((s) => s.event.id),
      new Date(nowMs),
      { events_received: response.events_received, fbtrace_id: response.fbtrace_id, messages: response.messages }
    )
    report.sent += group.length
  }
  if (retries.length && retryFailure) {
    await scheduleRetry(svc, retries, retryFailure, nowMs)
    report.retry += retries.length
  }
}

const OUTBOX_FIELDS = ["id", "pixel_id", "event_name", "event_id", "attempts", "test_event_code", "payload"]

/** Pending rows that are due (lease expired or retry time reached), oldest event first, leased to this run. */
export async function claimDueRows(container: MedusaContainer, limit: number, nowMs = Date.now()): Promise<OutboxRow[]> {
  return metaService(container)
    .claimDueCapiEvents(limit, new Date(nowMs), new Date(nowMs + SEND_LEASE_MS))
}

export async function loadRows(container: MedusaContainer, ids: string[]): Promise<OutboxRow[]> {
  if (!ids.length) return []
  return (await metaService(container).listMetaCapiEvents(
    { id: ids, status: "pending" },
    { take: ids.length, select: OUTBOX_FIELDS }
  )) as unknown as OutboxRow[]
}
