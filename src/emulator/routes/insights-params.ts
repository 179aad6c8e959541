import type { RouteContext } from "../context"
import { requestErrors } from "../errors"
import { accessTokenOf, stringParam, type ParsedRequest } from "../http"
import { DAY_MS } from "./insights-store"
import { listParam } from "./publishing-params"

/** Parameters shared by the insights edges (https://developers.facebook.com/docs/graph-api/reference/insights). */

/** `metric` as a comma list or a JSON array (the Business SDKs send one), or the /insights/{metric} path. */
export function metricNames(ctx: RouteContext, pathMetric: string | undefined): string[] {
  if (pathMetric) return pathMetric.split(",").map((m) => m.trim()).filter(Boolean)
  return listParam(ctx.request.params, "metric") ?? []
}

/** since / until: unix seconds, or a date or time Graph can read ("2026-11-01", ISO 8601). */
function timeParam(ctx: RouteContext, name: string): number | undefined {
  const value = stringParam(ctx.request.params, name)?.trim()
  if (value === undefined || value === "") return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const parsed = Date.parse(value)
  if (Number.isNaN(parsed)) throw requestErrors.invalidParam(`Param ${name} must be a unix timestamp or a date`)
  return parsed
}

export type InsightsRange = { sinceMs: number; untilMs: number }

/**
 * The since–until range (until defaults to now, since to `defaultDays` before until); Graph refuses a
 * range longer than the edge allows: "There cannot be more than N days (… s) between since and until".
 */
export function insightsRange(ctx: RouteContext, nowMs: number, limits: { maxDays: number; defaultDays: number }): InsightsRange {
  const since = timeParam(ctx, "since")
  const until = timeParam(ctx, "until")
  const untilMs = until ?? (since !== undefined ? Math.min(nowMs, since + limits.maxDays * DAY_MS) : nowMs)
  const sinceMs = since ?? untilMs - limits.defaultDays * DAY_MS
  if (sinceMs >= untilMs) throw requestErrors.invalidParam("The since parameter must be earlier than until")
  if (untilMs - sinceMs > limits.maxDays * DAY_MS) {
    throw requestErrors.invalidParam(`There cannot be more than ${limits.maxDays} days (${limits.maxDays * 86400} s) between since and until`)
  }
  return { sinceMs, untilMs }
}

/** previous / next: the same call for the range before and after, as Graph pages insights. */
export function rangePaging(request: ParsedRequest, range: InsightsRange): { previous: string; next: string } {
  const span = range.untilMs - range.sinceMs
  const link = (sinceMs: number, untilMs: number) => {
    const url = new URL(request.pathname, request.origin)
    for (const [key, value] of Object.entries(request.query)) url.searchParams.set(key, value)
    const token = accessTokenOf(request)
    if (token) url.searchParams.set("access_token", token)
    const proof = stringParam(request.params, "appsecret_proof")
    if (proof) url.searchParams.set("appsecret_proof", proof)
    url.searchParams.set("since", String(Math.floor(sinceMs / 1000)))
    url.searchParams.set("until", String(Math.floor(untilMs / 1000)))
    return url.toString()
  }
  return { previous: link(range.sinceMs - span, range.sinceMs), next: link(range.untilMs, range.untilMs + span) }
}
