/**
 * Asynchronous insights reports (https://developers.facebook.com/docs/marketing-api/insights/best-practices/#asynchronous):
 * `POST /{act}/insights` answers `{report_run_id}`, `GET /{report_run_id}` reports `async_status` ("Job Not
 * Started", "Job Started", "Job Running", "Job Completed", "Job Failed", "Job Skipped") and
 * `async_percent_completion`, and `GET /{report_run_id}/insights` pages the rows once complete. Meta's
 * best practices: synchronous requests "can return out-of-memory or timeout errors", so large reports go
 * through jobs. Framework-free.
 */

/**
 * An insights level with more objects than this (more than two pages of 500 rows per range) is read
 * through report runs: the synchronous call then has to aggregate thousands of rows in one request,
 * which is what times out. Smaller levels are read directly (fewer calls).
 */
export const ASYNC_INSIGHTS_MIN_OBJECTS = 1000

/** The longest one run waits for a report; an unfinished report is read on the next run. */
export const REPORT_RUN_MAX_WAIT_MS = 3 * 60_000

const POLL_BASE_MS = 250
const POLL_MAX_MS = 10_000

export type InsightsMode = "sync" | "async"

/** How a level's insights are read, from how many objects the listing found at that level. */
export function insightsMode(objects: number, threshold: number = ASYNC_INSIGHTS_MIN_OBJECTS): InsightsMode {
  return Number.isFinite(objects) && objects > threshold ? "async" : "sync"
}

export type ReportRunState = { state: "running" | "completed" | "failed"; status: string; percent: number }

/**
 * A report run as `GET /{report_run_id}` answers it. Only "Job Completed" lets the rows be read; "Job
 * Failed" and "Job Skipped" will not complete; anything else (including a status this code does not
 * know) is still running.
 */
export function reportRunState(answer: { async_status?: unknown; async_percent_completion?: unknown } | null | undefined): ReportRunState {
  const status = typeof answer?.async_status === "string" ? answer.async_status : ""
  const raw = Number(answer?.async_percent_completion)
  const percent = Number.isFinite(raw) ? Math.min(100, Math.max(0, raw)) : 0
  if (status === "Job Completed") return { state: "completed", status, percent: 100 }
  if (status === "Job Failed" || status === "Job Skipped") return { state: "failed", status, percent }
  return { state: "running", status: status || "unknown", percent }
}

/** The wait before the n-th read of a report run (0-based): 250 ms doubling, at most 10 s. */
export function reportPollDelayMs(attempt: number): number {
  const n = Math.max(0, Math.floor(attempt))
  return Math.min(POLL_MAX_MS, POLL_BASE_MS * 2 ** Math.min(n, 16))
}

/**
 * Meta's answer to a synchronous insights read that asks for too much at once: code 1 "Please reduce the
 * amount of data you're asking for, then retry your request" (its documented cure is a smaller request
 * or an asynchronous job), or a request that timed out.
 */
export function isTooMuchDataError(error: { code?: number; message?: string; category?: string }): boolean {
  const message = error.message ?? ""
  if (/reduce the amount of data/i.test(message)) return true
  return error.category === "transient" && /timed out/i.test(message)
}
