import type { TokenRecord } from "./types"

/** Everything the emulator knows; plain JSON so it can be persisted and inspected. */

export type UserRecord = { id: string; name: string; email: string; isSystemUser?: boolean; businessId?: string }
export type BusinessRecord = {
  id: string
  name: string
  verificationStatus: string
  createdTime: string
  /** People (and system users) with a role in the business. */
  memberIds: string[]
}
export type PageRecord = {
  id: string
  name: string
  category: string
  businessId: string
  instagramBusinessAccountId?: string
  /** Tasks Meta reports on /me/accounts for people with a role on the page. */
  tasks: string[]
  fanCount: number
}
export type IgAccountRecord = {
  id: string
  username: string
  name: string
  pageId: string
  followersCount: number
  mediaCount: number
  biography: string
}
export type AdAccountRecord = {
  /** "act_<account_id>", as Graph returns it. */
  id: string
  accountId: string
  name: string
  currency: string
  accountStatus: number
  timezoneName: string
  businessId: string
}
export type PixelRecord = { id: string; name: string; businessId: string; creationTime: string }
export type CatalogRecord = { id: string; name: string; vertical: string; businessId: string; productCount: number }
export type CodeRecord = {
  code: string
  appId: string
  redirectUri: string
  userId: string
  scopes: string[]
  /** Milliseconds. */
  expiresAt: number
  used: boolean
}
/** A person's authorization of an app (what DELETE /me/permissions removes). */
export type AuthorizationRecord = { appId: string; userId: string; scopes: string[]; grantedAt: number }

export type World = {
  users: Record<string, UserRecord>
  businesses: Record<string, BusinessRecord>
  pages: Record<string, PageRecord>
  igAccounts: Record<string, IgAccountRecord>
  adAccounts: Record<string, AdAccountRecord>
  pixels: Record<string, PixelRecord>
  catalogs: Record<string, CatalogRecord>
  tokens: Record<string, TokenRecord>
  codes: Record<string, CodeRecord>
  authorizations: Record<string, AuthorizationRecord>
  /** Apps each Page sends its webhooks to: page id → app id → subscribed fields (POST /{page_id}/subscribed_apps). */
  pageSubscriptions: Record<string, Record<string, string[]>>
  /** Ids for objects created through the API (pixels, catalogs). */
  nextObjectId: number
}

export function emptyWorld(): World {
  return {
    users: {},
    businesses: {},
    pages: {},
    igAccounts: {},
    adAccounts: {},
    pixels: {},
    catalogs: {},
    tokens: {},
    codes: {},
    authorizations: {},
    pageSubscriptions: {},
    nextObjectId: 70001,
  }
}

export function allocateObjectId(world: World): string {
  const id = String(world.nextObjectId)
  world.nextObjectId += 1
  return id
}

export function authorizationKey(appId: string, userId: string): string {
  return `${appId}:${userId}`
}
