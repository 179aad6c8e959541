import { randomBytes } from "node:crypto"
import { INVALIDATION_MESSAGES, tokenErrors } from "./errors"
import type { TokenRecord, TokenType } from "./types"
import { authorizationKey, type World } from "./world"

/** Token lifetimes (Meta "Access token" guide): short-lived user ~2 h, long-lived ~60 days, data access 90 days. */
export const SHORT_LIVED_SECONDS = 2 * 3600
export const LONG_LIVED_SECONDS = 60 * 24 * 3600
export const DATA_ACCESS_SECONDS = 90 * 24 * 3600

/** Meta user/page tokens start with "EAA" followed by an opaque blob. */
function newTokenString(): string {
  return `EAA${randomBytes(48).toString("base64url")}`
}

export function issueToken(
  world: World,
  nowMs: number,
  input: {
    type: TokenType
    appId: string
    userId: string
    scopes: string[]
    lifetimeSeconds: number
    pageId?: string
    businessId?: string
    parentToken?: string
  }
): TokenRecord {
  const issuedAt = Math.floor(nowMs / 1000)
  const record: TokenRecord = {
    token: newTokenString(),
    type: input.type,
    appId: input.appId,
    userId: input.userId,
    ...(input.pageId ? { pageId: input.pageId } : {}),
    ...(input.businessId ? { businessId: input.businessId } : {}),
    scopes: [...input.scopes],
    issuedAt,
    expiresAt: input.lifetimeSeconds > 0 ? issuedAt + input.lifetimeSeconds : 0,
    dataAccessExpiresAt: issuedAt + DATA_ACCESS_SECONDS,
    ...(input.parentToken ? { parentToken: input.parentToken } : {}),
  }
  world.tokens[record.token] = record
  return record
}

/** Why a known token can no longer be used, as the 190 error Meta would answer; undefined when usable. */
export function tokenProblem(world: World, record: TokenRecord, nowMs: number) {
  if (record.invalidated) return tokenErrors.invalidated(record.invalidated.subcode, record.invalidated.message)
  const now = Math.floor(nowMs / 1000)
  if (record.expiresAt !== 0 && record.expiresAt <= now) return tokenErrors.expired(record.expiresAt, now)
  // A page token dies with the session of the user token it was read with (password change, logout, deauth).
  if (record.parentToken) {
    const parent = world.tokens[record.parentToken]
    if (parent?.invalidated) return tokenErrors.invalidated(parent.invalidated.subcode, parent.invalidated.message)
  }
  return undefined
}

/** The valid token record for a token string, or the 190 error Meta answers. */
export function resolveToken(world: World, token: string, nowMs: number): TokenRecord {
  const record = world.tokens[token]
  if (!record) throw tokenErrors.unparseable()
  const problem = tokenProblem(world, record, nowMs)
  if (problem) throw problem
  return record
}

export function invalidateToken(world: World, token: string, subcode: number, message: string): boolean {
  const record = world.tokens[token]
  if (!record) return false
  record.invalidated = { subcode, message }
  return true
}

/** DELETE /me/permissions: the person removes the app; every session of theirs for it ends with 190/458. */
export function removeAppAuthorization(world: World, appId: string, userId: string): void {
  delete world.authorizations[authorizationKey(appId, userId)]
  for (const record of Object.values(world.tokens)) {
    if (record.appId === appId && record.userId === userId && !record.invalidated) {
      record.invalidated = { subcode: 458, message: INVALIDATION_MESSAGES.appRemoved(appId) }
    }
  }
}

/** DELETE /me/permissions/{permission}: one permission is withdrawn from the person's grant and sessions. */
export function revokePermission(world: World, appId: string, userId: string, permission: string): void {
  const authorization = world.authorizations[authorizationKey(appId, userId)]
  if (authorization) authorization.scopes = authorization.scopes.filter((s) => s !== permission)
  for (const record of Object.values(world.tokens)) {
    if (record.appId === appId && record.userId === userId) {
      record.scopes = record.scopes.filter((s) => s !== permission)
    }
  }
}

/** Page tokens read from the same user token are reused, so repeated /me/accounts calls don't pile up tokens. */
export function pageTokenFor(world: World, nowMs: number, parent: TokenRecord, pageId: string): TokenRecord {
  const existing = Object.values(world.tokens).find(
    (t) => t.type === "PAGE" && t.parentToken === parent.token && t.pageId === pageId && !t.invalidated
  )
  if (existing) return existing
  // Page tokens read with a user token show expires_at 0 (Meta "Page access tokens").
  return issueToken(world, nowMs, {
    type: "PAGE",
    appId: parent.appId,
    userId: parent.userId,
    pageId,
    scopes: parent.scopes,
    lifetimeSeconds: 0,
    parentToken: parent.token,
  })
}
