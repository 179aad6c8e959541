import { requestErrors } from "./errors"
import { accessTokenOf, stringParam, type ParsedRequest } from "./http"

/** Graph's default page size for edges; explicit `limit` values above the cap are clamped. */
const DEFAULT_LIMIT = 25
const MAX_LIMIT = 500

export type Paging = {
  cursors: { before: string; after: string }
  next?: string
  previous?: string
}

const encodeCursor = (key: string) => Buffer.from(`cursor:${key}`).toString("base64url")

function decodeCursor(cursor: string, name: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8")
  if (!decoded.startsWith("cursor:")) throw requestErrors.invalidParam(`The ${name} cursor is not valid`)
  return decoded.slice("cursor:".length)
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 0) throw requestErrors.invalidParam("Param limit must be a non-negative integer")
  return Math.min(limit, MAX_LIMIT)
}

/** paging.next/previous are full URLs carrying the caller's parameters, access_token included, as Meta's are. */
function pageUrl(request: ParsedRequest, limit: number, cursor: { after?: string; before?: string }): string {
  const url = new URL(request.pathname, request.origin)
  for (const [key, value] of Object.entries(request.query)) url.searchParams.set(key, value)
  const token = accessTokenOf(request)
  if (token) url.searchParams.set("access_token", token)
  const proof = stringParam(request.params, "appsecret_proof")
  if (proof) url.searchParams.set("appsecret_proof", proof)
  url.searchParams.set("limit", String(limit))
  url.searchParams.delete("after")
  url.searchParams.delete("before")
  if (cursor.after) url.searchParams.set("after", cursor.after)
  if (cursor.before) url.searchParams.set("before", cursor.before)
  return url.toString()
}

/** Cursor-based pagination (Graph "Paginated results"): `limit` + `after`/`before`. */
export function paginate<T>(rows: T[], keyOf: (row: T) => string, request: ParsedRequest): { data: T[]; paging?: Paging } {
  const limit = parseLimit(stringParam(request.params, "limit"))
  const after = stringParam(request.params, "after")
  const before = stringParam(request.params, "before")
  const indexOf = (cursor: string, name: string) => {
    const key = decodeCursor(cursor, name)
    const index = rows.findIndex((row) => keyOf(row) === key)
    if (index < 0) throw requestErrors.invalidParam(`The ${name} cursor is not valid`)
    return index
  }
  let start = 0
  let end = Math.min(rows.length, limit)
  if (after) {
    start = indexOf(after, "after") + 1
    end = Math.min(rows.length, start + limit)
  } else if (before) {
    end = indexOf(before, "before")
    start = Math.max(0, end - limit)
  }
  const data = rows.slice(start, end)
  if (data.length === 0) return { data }
  const cursors = { before: encodeCursor(keyOf(data[0])), after: encodeCursor(keyOf(data[data.length - 1])) }
  return {
    data,
    paging: {
      cursors,
      ...(end < rows.length ? { next: pageUrl(request, limit, { after: cursors.after }) } : {}),
      ...(start > 0 ? { previous: pageUrl(request, limit, { before: cursors.before }) } : {}),
    },
  }
}
