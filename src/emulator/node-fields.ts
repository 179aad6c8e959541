import type { AppRegistry, Caller } from "./context"
import { requestErrors } from "./errors"
import type { FieldSelection } from "./fields"
import { requireAnyScope, type Node } from "./nodes"
import { shopOf } from "./routes/instagram-shopping"
import { receivedPixelEvents } from "./routes/pixel-events"
import { pageTokenFor } from "./tokens"
import type { EmulatorApp } from "./types"
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

export type FieldContext = { world: World; apps: AppRegistry; caller: Caller; nowMs: number }
type Resolver<R> = (record: R, fc: FieldContext, children?: FieldSelection[]) => unknown

type NodeDefinition<R> = {
  /** What Graph returns when `fields` is not given. */
  defaultFields: string[]
  /** Permissions (any of) needed to read the object; code 10 for Instagram, 200 otherwise. */
  read?: { anyOf: string[]; code?: 10 | 200 }
  /** BUC type the object's calls count against (X-Business-Use-Case-Usage). */
  bucType?: string
  fields: Record<string, Resolver<R>>
}

/** A placeholder picture that needs no network (the sandbox is offline). */
function pictureUrl(label: string): string {
  const initials = label.split(/\s+/).map((w) => w[0] ?? "").join("").slice(0, 2).toUpperCase()
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#1877F2"/><text x="50" y="62" font-size="36" text-anchor="middle" fill="#fff" font-family="sans-serif">${initials}</text></svg>`
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`
}

const businessRef =
  <R>(businessIdOf: (record: R) => string): Resolver<R> =>
  (record, fc, children) => {
    const business = fc.world.businesses[businessIdOf(record)]
    return business ? projectNode({ type: "Business", record: business }, children ?? [{ name: "id" }, { name: "name" }], fc) : undefined
  }

const USER: NodeDefinition<UserRecord> = {
  defaultFields: ["name", "id"],
  fields: {
    id: (u) => u.id,
    name: (u) => u.name,
    // Meta leaves email out (no error) when the email permission was not granted.
    email: (u, fc) => (fc.caller.kind === "token" && fc.caller.token.scopes.includes("email") && u.email ? u.email : undefined),
    picture: (u) => ({ data: { height: 50, width: 50, is_silhouette: false, url: pictureUrl(u.name) } }),
  },
}

const BUSINESS: NodeDefinition<BusinessRecord> = {
  defaultFields: ["id", "name"],
  read: { anyOf: ["business_management"] },
  bucType: "ads_management",
  fields: {
    id: (b) => b.id,
    name: (b) => b.name,
    verification_status: (b) => b.verificationStatus,
    created_time: (b) => b.createdTime,
  },
}

const PAGE: NodeDefinition<PageRecord> = {
  defaultFields: ["name", "id"],
  bucType: "pages",
  fields: {
    id: (p) => p.id,
    name: (p) => p.name,
    category: (p) => p.category,
    category_list: (p) => [{ id: "2201", name: p.category }],
    fan_count: (p) => p.fanCount,
    followers_count: (p) => p.fanCount,
    link: (p) => `https://www.facebook.com/${p.id}`,
    tasks: (p) => p.tasks,
    business: businessRef((p) => p.businessId),
    // A page token for whoever has a role on the Page (Meta "Page access tokens").
    access_token: (p, fc) => {
      if (fc.caller.kind !== "token") return undefined
      if (fc.caller.token.type === "PAGE") return fc.caller.token.token
      return pageTokenFor(fc.world, fc.nowMs, fc.caller.token, p.id).token
    },
    // Reading the connected Instagram account needs instagram_basic.
    instagram_business_account: (p, fc, children) => {
      requireAnyScope(fc.caller, ["instagram_basic"], 10)
      const ig = p.instagramBusinessAccountId ? fc.world.igAccounts[p.instagramBusinessAccountId] : undefined
      return ig ? projectNode({ type: "IGUser", record: ig }, children ?? [{ name: "id" }], fc) : undefined
    },
  },
}

const IG_USER: NodeDefinition<IgAccountRecord> = {
  defaultFields: ["id"],
  read: { anyOf: ["instagram_basic"], code: 10 },
  bucType: "instagram",
  fields: {
    id: (ig) => ig.id,
    ig_id: (ig) => Number(ig.id),
    username: (ig) => ig.username,
    name: (ig) => ig.name,
    biography: (ig) => ig.biography,
    followers_count: (ig) => ig.followersCount,
    media_count: (ig) => ig.mediaCount,
    profile_picture_url: (ig) => pictureUrl(ig.name),
    // https://developers.facebook.com/docs/instagram-platform/shopping-api/product-tagging#get-eligibility
    shopping_product_tag_eligibility: (ig, fc) => {
      requireAnyScope(fc.caller, ["instagram_shopping_tag_products"], 10)
      return shopOf(fc.world, ig).eligible
    },
  },
}

const AD_ACCOUNT: NodeDefinition<AdAccountRecord> = {
  defaultFields: ["account_id", "id"],
  read: { anyOf: ["ads_management", "ads_read", "business_management"] },
  bucType: "ads_management",
  fields: {
    id: (a) => a.id,
    account_id: (a) => a.accountId,
    name: (a) => a.name,
    currency: (a) => a.currency,
    account_status: (a) => a.accountStatus,
    timezone_name: (a) => a.timezoneName,
    business: businessRef((a) => a.businessId),
  },
}

const PIXEL: NodeDefinition<PixelRecord> = {
  defaultFields: ["id", "name"],
  read: { anyOf: ["ads_management", "ads_read", "business_management"] },
  bucType: "ads_management",
  fields: {
    id: (p) => p.id,
    name: (p) => p.name,
    creation_time: (p) => p.creationTime,
    is_unavailable: () => false,
    owner_business: businessRef((p) => p.businessId),
    // When the pixel last received an event (browser or Conversions API); absent until the first one.
    // https://developers.facebook.com/docs/marketing-api/reference/ads-pixel/
    last_fired_time: (p, fc) => {
      const events = receivedPixelEvents(fc.world, p.id)
      const last = events[events.length - 1]
      return last ? new Date(last.receivedAt).toISOString().replace(/\.\d{3}Z$/, "+0000") : undefined
    },
  },
}

const CATALOG: NodeDefinition<CatalogRecord> = {
  defaultFields: ["id", "name"],
  read: { anyOf: ["catalog_management"] },
  bucType: "catalog_management",
  fields: {
    id: (c) => c.id,
    name: (c) => c.name,
    vertical: (c) => c.vertical,
    product_count: (c) => c.productCount,
    business: businessRef((c) => c.businessId),
  },
}

const APPLICATION: NodeDefinition<EmulatorApp> = {
  defaultFields: ["link", "name", "id"],
  fields: {
    id: (a) => a.appId,
    name: (a) => a.name ?? "Sandbox App",
    link: (a) => `https://www.facebook.com/games/?app_id=${a.appId}`,
  },
}

/** Runs `fn` with the definition of the node's type, keeping record and definition types paired. */
function withDefinition<T>(node: Node, fn: <R>(def: NodeDefinition<R>, record: R) => T): T {
  switch (node.type) {
    case "User":
      return fn(USER, node.record)
    case "Business":
      return fn(BUSINESS, node.record)
    case "Page":
      return fn(PAGE, node.record)
    case "IGUser":
      return fn(IG_USER, node.record)
    case "AdAccount":
      return fn(AD_ACCOUNT, node.record)
    case "AdsPixel":
      return fn(PIXEL, node.record)
    case "ProductCatalog":
      return fn(CATALOG, node.record)
    case "Application":
      return fn(APPLICATION, node.record)
  }
}

/** The object's requested fields; unknown names fail like Graph ("Tried accessing nonexisting field"). */
export function projectNode(node: Node, selection: FieldSelection[] | undefined, fc: FieldContext): Record<string, unknown> {
  return withDefinition(node, (def, record) => {
    const wanted: FieldSelection[] = selection ?? def.defaultFields.map((name) => ({ name }))
    const out: Record<string, unknown> = {}
    for (const field of wanted) {
      const resolve = def.fields[field.name]
      if (!resolve) throw requestErrors.nonexistingField(field.name, node.type)
      const value = resolve(record, fc, field.children)
      if (value !== undefined) out[field.name] = value
    }
    // Graph always answers with the object's id.
    if (out.id === undefined) out.id = def.fields.id(record, fc)
    return out
  })
}

export function requireReadPermission(node: Node, caller: Caller): void {
  withDefinition(node, (def) => {
    if (def.read) requireAnyScope(caller, def.read.anyOf, def.read.code)
  })
}

export function bucTypeOf(node: Node): string | undefined {
  return withDefinition(node, (def) => def.bucType)
}
