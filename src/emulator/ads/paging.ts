import { accessTokenOf, stringParam } from "../http"
import { paginate, type Paging } from "../paging"
import { requestErrors } from "../errors"
import type { AdsCall } from "./context"
import type { Selection } from "./selection"

/**
 * Edges of Marketing API objects page like every Graph edge (cursor paging, default 25). A nested edge
 * (`adsets.limit(100){…}`) pages by its own `limit` modifier, and its paging.next is the URL of that edge
 * on the parent object (`/{campaign_id}/adsets?fields=…&limit=100&after=…`), as Meta's is.
 */

const DEFAULT_LIMIT = 25
const MAX_LIMIT = 500

const encodeCursor = (key: string) => Buffer.from(`cursor:${key}`).toString("base64url")

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8")
  if (!decoded.startsWith("cursor:")) throw requestErrors.invalidParam("The after cursor is not valid")
  return decoded.slice("cursor:".length)
}

/** A top-level edge call (its `fields` already parsed) or an edge nested in a field selection. */
export type EdgeSource = { kind: "request"; fields?: Selection[] } | { kind: "nested"; parentId: string; edge: string; selection: Selection }

export type EdgePage<T> = { data: T[]; paging?: Paging; summary?: { total_count: number } }

function wantsSummary(value: string | undefined): boolean {
  return value !== undefined && /(^|,)\s*(true|total_count)\s*(,|$)/.test(value)
}

function nestedUrl(call: AdsCall, source: Extract<EdgeSource, { kind: "nested" }>, limit: number, after: string): string {
  const url = new URL(`/${call.version}/${source.parentId}/${source.edge}`, call.ctx.request.origin)
  const token = accessTokenOf(call.ctx.request)
  if (token) url.searchParams.set("access_token", token)
  const proof = stringParam(call.params, "appsecret_proof")
  if (proof) url.searchParams.set("appsecret_proof", proof)
  if (source.selection.childrenText !== undefined) url.searchParams.set("fields", source.selection.childrenText)
  for (const [name, value] of Object.entries(source.selection.modifiers)) {
    if (name !== "limit" && name !== "after" && name !== "before") url.searchParams.set(name, value)
  }
  url.searchParams.set("limit", String(limit))
  url.searchParams.set("after", after)
  return url.toString()
}

/** A page of an edge's items; `project` turns the page's items into their answer. */
export function pageOf<T, R>(call: AdsCall, items: T[], keyOf: (item: T) => string, source: EdgeSource, project: (item: T) => R): EdgePage<R> {
  if (source.kind === "request") {
    const page = paginate(items, keyOf, call.ctx.request)
    const summary = wantsSummary(stringParam(call.params, "summary")) ? { summary: { total_count: items.length } } : {}
    return { ...page, data: page.data.map(project), ...summary }
  }
  const { modifiers } = source.selection
  const limitText = modifiers.limit
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText)
  if (!Number.isInteger(limit) || limit < 0) throw requestErrors.invalidParam("Param limit must be a non-negative integer")
  const capped = Math.min(limit, MAX_LIMIT)
  let start = 0
  if (modifiers.after) {
    const key = decodeCursor(modifiers.after)
    start = items.findIndex((item) => keyOf(item) === key) + 1
    if (start === 0) throw requestErrors.invalidParam("The after cursor is not valid")
  }
  const slice = items.slice(start, start + capped)
  const summary = wantsSummary(modifiers.summary) ? { summary: { total_count: items.length } } : {}
  if (slice.length === 0) return { data: [], ...summary }
  const cursors = { before: encodeCursor(keyOf(slice[0])), after: encodeCursor(keyOf(slice[slice.length - 1])) }
  const more = start + capped < items.length
  return {
    data: slice.map(project),
    paging: { cursors, ...(more ? { next: nestedUrl(call, source, capped, cursors.after) } : {}) },
    ...summary,
  }
}
