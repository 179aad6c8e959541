import type { GraphUsageSnapshot } from "../../lib/graph"

/** Emitted by each process, at most every 30 s, with its latest reading of Meta's usage headers. */
export const META_API_USAGE_READ = "meta.api_usage.read"

export type MetaApiUsageReadData = { process_key: string; snapshot: GraphUsageSnapshot }

/** Emitted by POST /meta/webhooks with the ids of newly stored changes; the subscriber hands them to the queue. */
export const META_WEBHOOK_EVENTS_RECEIVED = "meta.webhook_events.received"
