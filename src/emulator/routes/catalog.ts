import { randomBytes } from "node:crypto"
import { authenticate } from "../auth"
import { json, type Reply, type RouteContext } from "../context"
import { requestErrors } from "../errors"
import { parseFields } from "../fields"
import { stringParam } from "../http"
import { canSee, requireAnyScope } from "../nodes"
import { paginate } from "../paging"
import { allocateObjectId, type World } from "../world"

/**
 * The Catalog API (https://developers.facebook.com/docs/marketing-api/catalog): items_batch with async handles, check_batch_request_status,
 * the item listing and product sets. Validation follows Meta's feed spec: an invalid request is an
 * item-level error reported by the batch status, and is not applied.
 */

export type EmulatedCatalogItem = Record<string, unknown> & { id: string }
type ItemRecord = { graphId: string; data: EmulatedCatalogItem; updatedAt: number }
type BatchIssue = { line: number; id: string; message: string }
type BatchRecord = {
  handle: string
  catalogId: string
  checks: number
  errors: BatchIssue[]
  warnings: BatchIssue[]
  invalidIds: string[]
}
type ProductSetRecord = { id: string; name: string; filter: unknown; catalogId: string; retailerId?: string }
type CatalogWorld = {
  items: Map<string, Map<string, ItemRecord>>
  batches: Map<string, BatchRecord>
  productSets: Map<string, ProductSetRecord>
}

/** Beside the world (like pixel events): a reset gives a fresh world and so an empty catalog. */
const catalogWorlds = new WeakMap<World, CatalogWorld>()

function catalogWorld(world: World): CatalogWorld {
  let state = catalogWorlds.get(world)
  if (!state) {
    state = { items: new Map(), batches: new Map(), productSets: new Map() }
    catalogWorlds.set(world, state)
  }
  return state
}

function itemsOf(world: World, catalogId: string): Map<string, ItemRecord> {
  const state = catalogWorld(world)
  let items = state.items.get(catalogId)
  if (!items) {
    items = new Map()
    state.items.set(catalogId, items)
  }
  return items
}

/** The items a catalog holds, in feed field names, ordered by retailer id (for tests and the sandbox). */
export function catalogItemsOf(world: World, catalogId: string): EmulatedCatalogItem[] {
  return [...itemsOf(world, catalogId).values()]
    .map((r) => r.data)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The items of a catalog with the ids Graph knows them by (product item ids), for product tagging. */
export function catalogProductsOf(world: World, catalogId: string): { graphId: string; data: EmulatedCatalogItem }[] {
  return [...itemsOf(world, catalogId).values()].map((r) => ({ graphId: r.graphId, data: r.data }))
}

/** Meta: ≤ 5,000 requests per items_batch call. */
const MAX_REQUESTS = 5000
const METHODS = ["CREATE", "UPDATE", "DELETE"]
const ITEM_TYPES = ["PRODUCT_ITEM"]
const AVAILABILITY = ["in stock", "out of stock", "available for order", "discontinued", "preorder", "pending", "mark_as_sold"]
const CONDITIONS = ["new", "refurbished", "used", "used_like_new", "used_good", "used_fair", "cpo", "open_box_new"]
const REQUIRED = ["title", "description", "availability", "condition", "price", "link", "image_link"]
const CURRENCIES = new Set((Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf("currency"))
const PRICE = /^(\d+)(?:\.(\d{1,3}))? ([A-Z]{3})$/

function priceProblem(field: string, value: unknown): string | undefined {
  if (typeof value !== "string") return `Invalid ${field}: must be a string like "12.50 USD"`
  const match = PRICE.exec(value)
  if (!match) return `Invalid ${field} format "${value}": use the amount with a period as decimal separator and an ISO-4217 currency code, e.g. "12.50 USD"`
  if (!CURRENCIES.has(match[3])) return `Invalid currency "${match[3]}" in ${field}`
  return undefined
}

function priceValue(value: string): number {
  return Number(value.split(" ")[0])
}

/** localhost, loopback, and the private and link-local ranges: hosts Meta's crawler cannot reach. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase()
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return true
  const ip = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host)
  if (!ip) return false
  const [a, b] = [Number(ip[1]), Number(ip[2])]
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254) || a === 0
}

function httpsProblem(field: string, value: unknown, { allowHttp = false, acceptLocal = true } = {}): string | undefined {
  if (typeof value !== "string") return `Invalid ${field}: must be a URL`
  try {
    const url = new URL(value)
    if (!acceptLocal && isLocalHost(url.hostname)) {
      return `Invalid ${field} "${value}": Meta could not download it, the host is not reachable from the internet`
    }
    if (allowHttp && url.protocol === "http:") return undefined
    if (url.protocol !== "https:") return `Invalid ${field} "${value}": the URL must use https`
  } catch {
    return `Invalid ${field} "${value}": not a valid URL`
  }
  return undefined
}

/** Item-level problems of one UPDATE/CREATE (the merged item when upserting onto an existing one). */
function itemProblems(data: Record<string, unknown>, acceptLocalImageLinks = false): { errors: string[]; warnings: string[] } {
  const errors: string[] = []
  const warnings: string[] = []
  for (const field of REQUIRED) {
    const value = data[field]
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      errors.push(`Missing required field: ${field}`)
    }
  }
  if (!data.brand && !data.gtin && !data.mpn) errors.push("Missing required field: brand (or gtin / mpn)")
  if (data.price !== undefined) {
    const problem = priceProblem("price", data.price)
    if (problem) errors.push(problem)
  }
  if (data.sale_price !== undefined) {
    const problem = priceProblem("sale_price", data.sale_price)
    if (problem) errors.push(problem)
    else if (typeof data.price === "string" && !priceProblem("price", data.price) && priceValue(data.sale_price as string) >= priceValue(data.price)) {
      errors.push("sale_price must be lower than price")
    }
  }
  if (data.availability !== undefined && !AVAILABILITY.includes(String(data.availability))) {
    errors.push(`Invalid availability value "${String(data.availability)}": use one of ${AVAILABILITY.join(", ")}`)
  }
  if (data.condition !== undefined && !CONDITIONS.includes(String(data.condition))) {
    errors.push(`Invalid condition "${String(data.condition)}"`)
  }
  for (const field of ["link", "image_link"]) {
    if (data[field] !== undefined) {
      const image = field === "image_link"
      const problem = httpsProblem(field, data[field], { allowHttp: image, acceptLocal: !image || acceptLocalImageLinks })
      if (problem) errors.push(problem)
    }
  }
  if (data.additional_image_link !== undefined) {
    const links = Array.isArray(data.additional_image_link) ? data.additional_image_link : String(data.additional_image_link).split(",")
    if (links.length > 20) errors.push("additional_image_link: at most 20 images")
    for (const link of links) {
      const problem = httpsProblem("additional_image_link", link, { allowHttp: true, acceptLocal: acceptLocalImageLinks })
      if (problem) errors.push(problem)
    }
  }
  if (typeof data.title === "string" && Array.from(data.title).length > 200) errors.push("title is longer than 200 characters")
  if (typeof data.description === "string" && Array.from(data.description).length > 9999) errors.push("description is longer than 9999 characters")
  const quantity = data.quantity_to_sell_on_facebook
  if (quantity !== undefined && (!Number.isInteger(quantity) || (quantity as number) < 0)) {
    errors.push("quantity_to_sell_on_facebook must be a non-negative integer")
  }
  if (typeof data.title === "string" && Array.from(data.title).length > 150) warnings.push("title is longer than 150 characters and may be truncated")
  return { errors, warnings }
}

/** Meta reads an empty value ("" or an empty list) as "no value": an UPDATE that sends one clears the field. */
function isEmptyValue(value: unknown): boolean {
  return value === "" || (Array.isArray(value) && value.length === 0)
}

/**
 * UPDATE merges the sent fields onto the stored item (a field left out keeps its value); fields sent empty
 * are removed. A required field sent empty is then missing, and the item-level validation rejects it.
 */
function withoutClearedFields(merged: Record<string, unknown>, sent: Record<string, unknown>): Record<string, unknown> {
  for (const [field, value] of Object.entries(sent)) if (isEmptyValue(value)) delete merged[field]
  return merged
}

function parseRequests(raw: unknown): unknown[] {
  let value = raw
  if (typeof value === "string") {
    try {
      value = JSON.parse(value)
    } catch {
      throw requestErrors.invalidParam("Param requests must be an array")
    }
  }
  if (!Array.isArray(value)) throw requestErrors.missingParam("requests")
  return value
}

function itemsBatch(ctx: RouteContext, catalogId: string): Reply {
  const params = ctx.request.params
  const itemType = stringParam(params, "item_type")
  if (!itemType) throw requestErrors.missingParam("item_type")
  if (!ITEM_TYPES.includes(itemType)) throw requestErrors.invalidParam(`Param item_type must be one of {${ITEM_TYPES.join(", ")}} - got "${itemType}"`)
  const requests = parseRequests(params.requests)
  if (requests.length === 0) throw requestErrors.invalidParam("Param requests must be a non-empty array")
  if (requests.length > MAX_REQUESTS) {
    throw requestErrors.invalidParam(`The number of requests (${requests.length}) exceeds the maximum of ${MAX_REQUESTS} per call`)
  }
  const allowUpsert = params.allow_upsert === undefined ? true : params.allow_upsert === true || params.allow_upsert === "true"
  const items = itemsOf(ctx.world, catalogId)
  const batch: BatchRecord = { handle: randomBytes(12).toString("base64url"), catalogId, checks: 0, errors: [], warnings: [], invalidIds: [] }
  requests.forEach((request, index) => {
    const line = index + 1
    const req = (request ?? {}) as { method?: unknown; data?: Record<string, unknown> }
    const id = req.data && (typeof req.data.id === "string" || typeof req.data.id === "number") ? String(req.data.id) : ""
    const fail = (message: string) => {
      batch.errors.push({ line, id, message })
      if (id) batch.invalidIds.push(id)
    }
    const method = typeof req.method === "string" ? req.method.toUpperCase() : ""
    if (!METHODS.includes(method)) return fail(`Invalid method "${String(req.method)}": use CREATE, UPDATE or DELETE`)
    if (!id) return fail("Missing required field: id")
    if ("retailer_id" in (req.data ?? {})) return fail("Unsupported field retailer_id in data: the retailer id goes in data.id")
    if (method === "DELETE") {
      items.delete(id)
      return
    }
    const existing = items.get(id)
    if (!existing && method === "UPDATE" && !allowUpsert) return fail(`Item ${id} does not exist (allow_upsert is false)`)
    if (existing && method === "CREATE") return fail(`Item ${id} already exists`)
    const merged = withoutClearedFields({ ...(existing?.data ?? {}), ...req.data, id }, req.data ?? {}) as EmulatedCatalogItem
    const { errors, warnings } = itemProblems(merged, ctx.acceptLocalImageLinks === true)
    for (const message of warnings) batch.warnings.push({ line, id, message })
    if (errors.length) return fail(errors.join("; "))
    items.set(id, { graphId: existing?.graphId ?? allocateObjectId(ctx.world), data: merged, updatedAt: ctx.now() })
  })
  const catalog = ctx.world.catalogs[catalogId]
  if (catalog) catalog.productCount = items.size
  catalogWorld(ctx.world).batches.set(batch.handle, batch)
  return json({ handles: [batch.handle], validation_status: [] })
}

/** Meta processes batches asynchronously: the first check finds it in progress, later ones finished. */
function checkBatchStatus(ctx: RouteContext, catalogId: string): Reply {
  const handle = stringParam(ctx.request.params, "handle")
  if (!handle) throw requestErrors.missingParam("handle")
  const batch = catalogWorld(ctx.world).batches.get(handle)
  if (!batch || batch.catalogId !== catalogId) throw requestErrors.invalidParam(`Invalid handle "${handle}"`)
  batch.checks += 1
  const finished = batch.checks > 1
  const loadIds = stringParam(ctx.request.params, "load_ids_of_invalid_requests") === "true"
  return json({
    data: [
      {
        handle,
        status: finished ? "finished" : "in_progress",
        errors: finished ? batch.errors : [],
        errors_total_count: finished ? batch.errors.length : 0,
        warnings: finished ? batch.warnings : [],
        warnings_total_count: finished ? batch.warnings.length : 0,
        ids_of_invalid_requests: finished && loadIds ? [...new Set(batch.invalidIds)] : [],
      },
    ],
  })
}

/** GET /{catalog_id}/products: ProductItem fields (Graph names) over the feed data. */
function productFields(record: ItemRecord): Record<string, unknown> {
  const d = record.data
  return {
    id: record.graphId,
    retailer_id: d.id,
    name: d.title,
    description: d.description,
    availability: d.availability,
    condition: d.condition,
    price: d.price,
    sale_price: d.sale_price,
    url: d.link,
    image_url: d.image_link,
    brand: d.brand,
    retailer_product_group_id: d.item_group_id,
    inventory: d.quantity_to_sell_on_facebook,
  }
}

function listProducts(ctx: RouteContext, catalogId: string): Reply {
  const rows = [...itemsOf(ctx.world, catalogId).values()]
  const page = paginate(rows, (r) => r.graphId, ctx.request)
  const fields = parseFields(stringParam(ctx.request.params, "fields"))?.map((f) => f.name) ?? ["id", "retailer_id", "name"]
  return json({
    ...page,
    data: page.data.map((record) => {
      const all = productFields(record)
      return Object.fromEntries(fields.filter((f) => all[f] !== undefined).map((f) => [f, all[f]]))
    }),
  })
}

function matchesFilter(filter: unknown, item: EmulatedCatalogItem): boolean {
  if (!filter || typeof filter !== "object") return true
  const group = filter as { or?: unknown[]; and?: unknown[] }
  if (Array.isArray(group.or)) return group.or.some((f) => matchesFilter(f, item))
  if (Array.isArray(group.and)) return group.and.every((f) => matchesFilter(f, item))
  const rule = (filter as Record<string, Record<string, unknown>>).retailer_id
  if (!rule) return true
  if (Array.isArray(rule.is_any)) return rule.is_any.map(String).includes(item.id)
  if (rule.eq !== undefined) return String(rule.eq) === item.id
  return true
}

function filterParam(ctx: RouteContext): unknown {
  let filter: unknown = ctx.request.params.filter
  if (typeof filter === "string") {
    try {
      filter = JSON.parse(filter)
    } catch {
      throw requestErrors.invalidParam("Param filter must be a JSON rule")
    }
  }
  return filter
}

function presentProductSet(world: World, set: ProductSetRecord) {
  const items = catalogItemsOf(world, set.catalogId)
  return {
    id: set.id,
    name: set.name,
    filter: JSON.stringify(set.filter),
    ...(set.retailerId ? { retailer_id: set.retailerId } : {}),
    product_count: items.filter((i) => matchesFilter(set.filter, i)).length,
  }
}

function productSets(ctx: RouteContext, catalogId: string): Reply {
  const state = catalogWorld(ctx.world)
  if (ctx.request.method === "POST") {
    const name = stringParam(ctx.request.params, "name")?.trim()
    if (!name) throw requestErrors.missingParam("name")
    const id = allocateObjectId(ctx.world)
    const retailerId = stringParam(ctx.request.params, "retailer_id")
    state.productSets.set(id, { id, name, filter: filterParam(ctx) ?? null, catalogId, ...(retailerId ? { retailerId } : {}) })
    return json({ id })
  }
  const sets = [...state.productSets.values()].filter((s) => s.catalogId === catalogId)
  return json(paginate(sets.map((s) => presentProductSet(ctx.world, s)), (row) => String(row.id), ctx.request))
}

/** The product sets of a catalog (for tests): name, parsed filter, retailer id and matching item count. */
export function productSetsOf(world: World, catalogId: string) {
  return [...catalogWorld(world).productSets.values()]
    .filter((s) => s.catalogId === catalogId)
    .map((s) => ({ ...presentProductSet(world, s), filter: s.filter }))
}

/** GET, update (POST name/filter) and DELETE /{product_set_id} (Meta needs allow_live_product_set_deletion). */
function productSetNode(ctx: RouteContext, set: ProductSetRecord): Reply {
  const state = catalogWorld(ctx.world)
  if (ctx.request.method === "GET") return json(presentProductSet(ctx.world, set))
  if (ctx.request.method === "DELETE") {
    if (String(ctx.request.params.allow_live_product_set_deletion) !== "true") {
      throw requestErrors.invalidParam("Product set is live: pass allow_live_product_set_deletion=true to delete it")
    }
    state.productSets.delete(set.id)
    return json({ success: true })
  }
  const name = stringParam(ctx.request.params, "name")?.trim()
  const filter = filterParam(ctx)
  state.productSets.set(set.id, { ...set, ...(name ? { name } : {}), ...(filter !== undefined ? { filter } : {}) })
  return json({ success: true })
}

const EDGES: Record<string, { methods: string[]; bucType: string; handle: (ctx: RouteContext, catalogId: string) => Reply }> = {
  items_batch: { methods: ["POST"], bucType: "catalog_batch", handle: itemsBatch },
  check_batch_request_status: { methods: ["GET"], bucType: "catalog_batch", handle: checkBatchStatus },
  products: { methods: ["GET"], bucType: "catalog_management", handle: listProducts },
  product_sets: { methods: ["GET", "POST"], bucType: "catalog_management", handle: productSets },
}

/** Catalog edges, or undefined when the call is not one (the generic object routing answers it). */
export function handleCatalogRoute(ctx: RouteContext): Reply | undefined {
  const [catalogId, edgeName, ...rest] = ctx.segments
  const productSet = catalogId && !edgeName ? catalogWorld(ctx.world).productSets.get(catalogId) : undefined
  if (productSet && ["GET", "POST", "DELETE"].includes(ctx.request.method)) {
    const caller = authenticate(ctx)
    const owner = ctx.world.catalogs[productSet.catalogId]
    if (!owner || !canSee(ctx.world, caller, { type: "ProductCatalog", record: owner })) throw requestErrors.unsupported(ctx.request.method, catalogId)
    requireAnyScope(caller, ["catalog_management"])
    ctx.usage.objectId = productSet.catalogId
    ctx.usage.bucType = "catalog_management"
    return productSetNode(ctx, productSet)
  }
  const catalog = catalogId ? ctx.world.catalogs[catalogId] : undefined
  const edge = edgeName ? EDGES[edgeName] : undefined
  if (!catalog || !edge || rest.length > 0 || !edge.methods.includes(ctx.request.method)) return undefined
  const caller = authenticate(ctx)
  if (!canSee(ctx.world, caller, { type: "ProductCatalog", record: catalog })) throw requestErrors.unsupported(ctx.request.method, catalogId)
  requireAnyScope(caller, ["catalog_management"])
  ctx.usage.objectId = catalogId
  ctx.usage.bucType = edge.bucType
  return edge.handle(ctx, catalogId)
}

