import { json, type RouteContext } from "../context"
import { GraphApiError, requestErrors } from "../errors"
import { stringParam, type ParsedRequest } from "../http"
import type { RecordedSubRequest } from "../types"
import { mergedUsageHeaders, recordedOperation, type GraphOutcome } from "./graph-batch"

/**
 * Multiple-id reads (https://developers.facebook.com/docs/graph-api/advanced "Multiple ID Read
 * Requests"): GET /?ids=a,b,c&fields=… answers `{ a: {...}, b: {...} }`, and GET /insights?ids=…&metric=…
 * the insights edge of each id. Each id is read through the router as a call of its own (and counted as
 * one in the usage headers); one id that fails fails the whole call, as Graph does (ids that do not exist:
 * "(#803) Some of the aliases you requested do not exist").
 */

/** Graph refuses more than 50 ids in one read. */
export const MAX_IDS = 50

/** Edges that may be read for several ids at once. */
const MULTI_ID_EDGES = ["insights"]

export function isMultiIdRead(ctx: RouteContext): boolean {
  if (ctx.request.method !== "GET" || ctx.request.params.ids === undefined) return false
  return ctx.segments.length === 0 || (ctx.segments.length === 1 && MULTI_ID_EDGES.includes(ctx.segments[0]))
}

function idsParam(ctx: RouteContext): string[] {
  const ids = [...new Set((stringParam(ctx.request.params, "ids") ?? "").split(",").map((id) => id.trim()).filter(Boolean))]
  if (ids.length === 0) throw requestErrors.invalidParam("The parameter ids must list at least one id")
  if (ids.length > MAX_IDS) throw requestErrors.invalidParam(`Too many IDs. Maximum: ${MAX_IDS}. Provided: ${ids.length}.`)
  return ids
}

const notFound = (ids: string[]) =>
  new GraphApiError({ code: 803, status: 404, message: `(#803) Some of the aliases you requested do not exist: ${ids.join(",")}` })

function isMissingObject(outcome: GraphOutcome): boolean {
  const error = outcome.reply.kind === "json" ? (outcome.reply.body as { error?: { code?: number; error_subcode?: number } }).error : undefined
  return error?.code === 100 && error.error_subcode === 33
}

export type MultiIdResult = { outcome: GraphOutcome; subRequests: RecordedSubRequest[] }

export async function readMultipleIds(
  ctx: RouteContext,
  version: string,
  dispatch: (request: ParsedRequest) => Promise<GraphOutcome>
): Promise<MultiIdResult> {
  const ids = idsParam(ctx)
  const edge = ctx.segments[0]
  const withoutIds = <T>(values: Record<string, T>) => Object.fromEntries(Object.entries(values).filter(([key]) => key !== "ids"))
  const query = withoutIds(ctx.request.query)
  const params = withoutIds(ctx.request.params)
  const answers: Record<string, unknown> = {}
  const outcomes: GraphOutcome[] = []
  const subRequests: RecordedSubRequest[] = []
  const missing: string[] = []
  let firstFailure: GraphOutcome | undefined
  for (const [index, id] of ids.entries()) {
    const pathname = `/${version}/${encodeURIComponent(id)}${edge ? `/${edge}` : ""}`
    const request: ParsedRequest = { method: "GET", pathname, query, body: undefined, params, origin: ctx.request.origin }
    const outcome = await dispatch(request)
    outcomes.push(outcome)
    subRequests.push(recordedOperation(request, index, outcome.status))
    if (outcome.status < 400 && outcome.reply.kind === "json") {
      answers[id] = outcome.reply.body
      continue
    }
    if (isMissingObject(outcome)) missing.push(id)
    else firstFailure ??= outcome
  }
  const headers = mergedUsageHeaders(outcomes, version)
  if (firstFailure) return { outcome: { ...firstFailure, headers: { ...firstFailure.headers, ...headers } }, subRequests }
  if (missing.length > 0) {
    const error = notFound(missing)
    return { outcome: { status: error.status, headers, reply: json(error.toBody(), error.status) }, subRequests }
  }
  return { outcome: { status: 200, headers, reply: json(answers) }, subRequests }
}
