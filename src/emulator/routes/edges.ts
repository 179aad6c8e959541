import type { Caller, RouteContext } from "../context"
import { requestErrors } from "../errors"
import { stringParam } from "../http"
import type { FieldContext } from "../node-fields"
import { businessIdsOf, requireAnyScope, type Node } from "../nodes"
import { allocateObjectId, type BusinessRecord, type PageRecord, type UserRecord } from "../world"
import { deletePermissions, listPermissions } from "./permissions"
import { SUBSCRIBED_APPS_EDGE } from "./webhook-subscriptions"

export type EdgeContext = { ctx: RouteContext; caller: Caller; fc: FieldContext }

/** An edge answers a page of Graph objects (projected with `fields`) or plain rows, or creates an object. */
export type Edge<R> = {
  list?: (
    record: R,
    ec: EdgeContext
  ) =>
    | { nodes: Node[]; defaultFields?: string[] }
    | { rows: Record<string, unknown>[]; keyOf: (row: Record<string, unknown>) => string }
  create?: (record: R, ec: EdgeContext) => Record<string, unknown>
  remove?: (record: R, ec: EdgeContext, rest: string[]) => Record<string, unknown>
}

/** Product catalog verticals accepted by POST /{business_id}/owned_product_catalogs (Business SDK enum). */
const CATALOG_VERTICALS = [
  "adoptable_pets",
  "commerce",
  "destinations",
  "flights",
  "generic",
  "home_listings",
  "hotels",
  "local_service_businesses",
  "offer_items",
  "offline_commerce",
  "transactable_items",
  "vehicles",
]

function requiredName(ec: EdgeContext): string {
  const name = stringParam(ec.ctx.request.params, "name")?.trim()
  if (!name) throw requestErrors.missingParam("name")
  return name
}

function graphTimestamp(nowMs: number): string {
  return new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, "+0000")
}

const USER_EDGES: Record<string, Edge<UserRecord>> = {
  // GET /me/accounts needs pages_show_list; it lists the Pages the person (or system user) can act for.
  accounts: {
    list: (_user, ec) => {
      requireAnyScope(ec.caller, ["pages_show_list"])
      if (ec.caller.kind !== "token") return { nodes: [] }
      const businesses = businessIdsOf(ec.ctx.world, ec.caller.token)
      return {
        nodes: Object.values(ec.ctx.world.pages)
          .filter((p) => businesses.includes(p.businessId))
          .map((record) => ({ type: "Page" as const, record })),
        // Unlike GET /{page_id}, the accounts edge answers with the page token and tasks by default.
        defaultFields: ["access_token", "category", "category_list", "name", "id", "tasks"],
      }
    },
  },
  // GET /me/businesses needs business_management.
  businesses: {
    list: (_user, ec) => {
      requireAnyScope(ec.caller, ["business_management"])
      if (ec.caller.kind !== "token") return { nodes: [] }
      return {
        nodes: businessIdsOf(ec.ctx.world, ec.caller.token)
          .map((id) => ec.ctx.world.businesses[id])
          .filter((b): b is BusinessRecord => b !== undefined)
          .map((record) => ({ type: "Business" as const, record })),
      }
    },
  },
  permissions: {
    list: (_user, ec) => ({ rows: listPermissions(ec), keyOf: (row) => String(row.permission) }),
    remove: (_user, ec, rest) => deletePermissions(ec, rest[0]),
  },
}

function ofBusiness<T extends { businessId: string }>(records: Record<string, T>, businessId: string): T[] {
  return Object.values(records).filter((r) => r.businessId === businessId)
}

const BUSINESS_EDGES: Record<string, Edge<BusinessRecord>> = {
  owned_pages: {
    list: (business, ec) => {
      requireAnyScope(ec.caller, ["business_management"])
      return { nodes: ofBusiness(ec.ctx.world.pages, business.id).map((record) => ({ type: "Page" as const, record })) }
    },
  },
  owned_ad_accounts: {
    list: (business, ec) => {
      requireAnyScope(ec.caller, ["ads_management", "ads_read", "business_management"])
      return {
        nodes: ofBusiness(ec.ctx.world.adAccounts, business.id).map((record) => ({ type: "AdAccount" as const, record })),
      }
    },
  },
  adspixels: {
    list: (business, ec) => {
      requireAnyScope(ec.caller, ["ads_management", "business_management"])
      return { nodes: ofBusiness(ec.ctx.world.pixels, business.id).map((record) => ({ type: "AdsPixel" as const, record })) }
    },
    create: (business, ec) => {
      requireAnyScope(ec.caller, ["ads_management", "business_management"])
      const name = requiredName(ec)
      const id = allocateObjectId(ec.ctx.world)
      ec.ctx.world.pixels[id] = { id, name, businessId: business.id, creationTime: graphTimestamp(ec.ctx.now()) }
      return { id }
    },
  },
  // Catalogs: reading needs catalog_management; creating needs catalog_management and business_management.
  owned_product_catalogs: {
    list: (business, ec) => {
      requireAnyScope(ec.caller, ["catalog_management"])
      return {
        nodes: ofBusiness(ec.ctx.world.catalogs, business.id).map((record) => ({ type: "ProductCatalog" as const, record })),
      }
    },
    create: (business, ec) => {
      requireAnyScope(ec.caller, ["catalog_management"])
      requireAnyScope(ec.caller, ["business_management"])
      const name = requiredName(ec)
      const vertical = stringParam(ec.ctx.request.params, "vertical") ?? "commerce"
      if (!CATALOG_VERTICALS.includes(vertical)) {
        throw requestErrors.invalidParam(`Param vertical must be one of {${CATALOG_VERTICALS.join(", ")}} - got "${vertical}"`)
      }
      const id = allocateObjectId(ec.ctx.world)
      ec.ctx.world.catalogs[id] = { id, name, vertical, businessId: business.id, productCount: 0 }
      return { id }
    },
  },
}

const PAGE_EDGES: Record<string, Edge<PageRecord>> = {
  subscribed_apps: SUBSCRIBED_APPS_EDGE,
}

type ListResult = ReturnType<NonNullable<Edge<unknown>["list"]>>

/** An edge bound to the object it hangs off. */
export type BoundEdge = {
  list?: (ec: EdgeContext) => ListResult
  create?: (ec: EdgeContext) => Record<string, unknown>
  remove?: (ec: EdgeContext, rest: string[]) => Record<string, unknown>
}

function bind<R>({ list, create, remove }: Edge<R>, record: R): BoundEdge {
  return {
    ...(list ? { list: (ec: EdgeContext) => list(record, ec) } : {}),
    ...(create ? { create: (ec: EdgeContext) => create(record, ec) } : {}),
    ...(remove ? { remove: (ec: EdgeContext, rest: string[]) => remove(record, ec, rest) } : {}),
  }
}

export function findEdge(node: Node, name: string): BoundEdge | undefined {
  if (node.type === "User" && USER_EDGES[name]) return bind(USER_EDGES[name], node.record)
  if (node.type === "Business" && BUSINESS_EDGES[name]) return bind(BUSINESS_EDGES[name], node.record)
  if (node.type === "Page" && PAGE_EDGES[name]) return bind(PAGE_EDGES[name], node.record)
  return undefined
}

/** Edge names some node type has; asking another type for them is "nonexisting field", not "unknown path". */
export function isKnownEdgeName(name: string): boolean {
  return name in USER_EDGES || name in BUSINESS_EDGES || name in PAGE_EDGES
}

