import type { AppRegistry, Caller } from "./context"
import { requestErrors } from "./errors"
import type { EmulatorApp, TokenRecord } from "./types"
import type {
  AdAccountRecord,
  BusinessRecord,
  CatalogRecord,
  IgAccountRecord,
  PageRecord,
  PixelRecord,
  UserRecord,
  World,
} from "./world"

/** A Graph object with its node type name (as Meta names it in "nonexisting field … on node type (X)"). */
export type Node =
  | { type: "User"; record: UserRecord }
  | { type: "Business"; record: BusinessRecord }
  | { type: "Page"; record: PageRecord }
  | { type: "IGUser"; record: IgAccountRecord }
  | { type: "AdAccount"; record: AdAccountRecord }
  | { type: "AdsPixel"; record: PixelRecord }
  | { type: "ProductCatalog"; record: CatalogRecord }
  | { type: "Application"; record: EmulatorApp }

export type NodeType = Node["type"]

export function nodeId(node: Node): string {
  return node.type === "Application" ? node.record.appId : node.record.id
}

export function findNode(world: World, apps: AppRegistry, id: string): Node | undefined {
  if (world.users[id]) return { type: "User", record: world.users[id] }
  if (world.businesses[id]) return { type: "Business", record: world.businesses[id] }
  if (world.pages[id]) return { type: "Page", record: world.pages[id] }
  if (world.igAccounts[id]) return { type: "IGUser", record: world.igAccounts[id] }
  if (world.adAccounts[id]) return { type: "AdAccount", record: world.adAccounts[id] }
  if (world.pixels[id]) return { type: "AdsPixel", record: world.pixels[id] }
  if (world.catalogs[id]) return { type: "ProductCatalog", record: world.catalogs[id] }
  const app = apps.byId(id)
  return app ? { type: "Application", record: app } : undefined
}

/** The node `/me` stands for: the person or system user, or the Page for a page token. */
export function meNode(world: World, token: TokenRecord): Node | undefined {
  if (token.type === "PAGE" && token.pageId) {
    const page = world.pages[token.pageId]
    return page ? { type: "Page", record: page } : undefined
  }
  const user = world.users[token.userId]
  return user ? { type: "User", record: user } : undefined
}

/** Businesses the token's principal has a role in (page tokens act for their Page only). */
export function businessIdsOf(world: World, token: TokenRecord): string[] {
  if (token.type === "PAGE") return []
  if (token.type === "SYSTEM_USER") return token.businessId ? [token.businessId] : []
  return Object.values(world.businesses)
    .filter((b) => b.memberIds.includes(token.userId))
    .map((b) => b.id)
}

/** Whether the caller may load the object at all; Meta answers 100/33 for both "missing" and "not yours". */
export function canSee(world: World, caller: Caller, node: Node): boolean {
  if (node.type === "Application") return true
  if (caller.kind === "app") return false
  const token = caller.token
  const businesses = businessIdsOf(world, token)
  switch (node.type) {
    case "User":
      return node.record.id === token.userId && token.type !== "PAGE"
    case "Business":
      return businesses.includes(node.record.id)
    case "Page":
      return token.type === "PAGE" ? token.pageId === node.record.id : businesses.includes(node.record.businessId)
    case "IGUser": {
      const page = world.pages[node.record.pageId]
      return page !== undefined && canSee(world, caller, { type: "Page", record: page })
    }
    case "AdAccount":
    case "AdsPixel":
    case "ProductCatalog":
      return businesses.includes(node.record.businessId)
  }
}

export function hasAnyScope(caller: Caller, anyOf: string[]): boolean {
  return caller.kind === "token" && anyOf.some((scope) => caller.token.scopes.includes(scope))
}

/** (#200)/(#10) when none of the permissions was granted to the token. */
export function requireAnyScope(caller: Caller, anyOf: string[], code: 10 | 200 = 200): void {
  if (!hasAnyScope(caller, anyOf)) throw requestErrors.missingPermission(anyOf, code)
}
