// Seeds the development store (`npm run dev` runs it once per database through `medusa exec`).
// Every section finds what already exists and creates only what is missing, so a run that stopped
// half-way can simply be repeated. The admin user comes last: `scripts/dev.mjs` treats its presence as
// "this database is seeded".
import type { ExecArgs, Logger, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, FeatureFlag, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCollectionsWorkflow,
  createInventoryLevelsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateProductsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { DEMO_CATEGORIES, DEMO_COLLECTIONS, DEMO_PRODUCTS, LEGACY_DEMO_IMAGE_HOST, demoImageUrl } from "./demo-catalog"

export const ADMIN_EMAIL = "admin@medusa-test.com"
export const ADMIN_PASSWORD = "supersecret"

const SALES_CHANNEL_NAME = "Default Sales Channel"
const STOCK_LOCATION_NAME = "Main Warehouse"
const FULFILLMENT_SET_NAME = "Main Warehouse shipping"
const API_KEY_TITLE = "Storefront"
const MANUAL_FULFILLMENT_PROVIDER = "manual_manual"

const REGIONS = [
  { name: "North America", currency_code: "usd", countries: ["us", "ca"] },
  { name: "Europe", currency_code: "eur", countries: ["de", "fr", "nl", "es", "it"] },
]

type Ctx = {
  container: MedusaContainer
  logger: Logger
  query: Omit<RemoteQueryFunction, symbol>
  /** Where the store serves its /static files: the demo images' URLs start with it. */
  backendUrl: string
}

function demoImages(ctx: Ctx, files: string[]) {
  const urls = files.map((file) => demoImageUrl(ctx.backendUrl, file))
  return { thumbnail: urls[0], images: urls.map((url) => ({ url })) }
}

async function ensureSalesChannel({ container }: Ctx): Promise<string> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (existing) {
    return existing.id
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME }] },
  })
  return result[0].id
}

async function ensureRegions({ container, logger }: Ctx): Promise<Record<string, string>> {
  const regionModule = container.resolve(Modules.REGION)
  const names = { $in: REGIONS.map((r) => r.name) }
  const existing = await regionModule.listRegions({ name: names })
  const missing = REGIONS.filter((r) => !existing.some((e) => e.name === r.name))
  if (missing.length > 0) {
    await createRegionsWorkflow(container).run({
      input: { regions: missing.map((r) => ({ ...r, payment_providers: ["pp_system_default"] })) },
    })
    logger.info(`Created regions: ${missing.map((r) => r.name).join(", ")}`)
  }
  const all = await regionModule.listRegions({ name: names })
  return Object.fromEntries(all.map((r) => [r.currency_code, r.id]))
}

async function ensureTaxRegions({ container }: Ctx): Promise<void> {
  const taxModule = container.resolve(Modules.TAX)
  const countries = REGIONS.flatMap((r) => r.countries)
  const existing = await taxModule.listTaxRegions({ country_code: countries })
  const missing = countries.filter((c) => !existing.some((e) => e.country_code === c && !e.parent_id))
  if (missing.length > 0) {
    await createTaxRegionsWorkflow(container).run({
      input: missing.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }
}

async function ensureShippingProfile({ container }: Ctx): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillment.listShippingProfiles({ type: "default" })
  if (existing) {
    return existing.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

async function ensureStockLocation(ctx: Ctx, salesChannelId: string): Promise<string> {
  const { container, query } = ctx
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  let [location] = await stockLocations.listStockLocations({ name: STOCK_LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: STOCK_LOCATION_NAME,
            address: { address_1: "350 Fifth Avenue", city: "New York", postal_code: "10118", country_code: "US" },
          },
        ],
      },
    })
    location = result[0]
  }
  const {
    data: [linked],
  } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id", "fulfillment_providers.id", "fulfillment_sets.id", "fulfillment_sets.name"],
    filters: { id: location.id },
  })
  if (!linked.sales_channels?.some((sc: { id: string }) => sc.id === salesChannelId)) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannelId] },
    })
  }
  if (!linked.fulfillment_providers?.some((p: { id: string }) => p.id === MANUAL_FULFILLMENT_PROVIDER)) {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_FULFILLMENT_PROVIDER },
    })
  }
  if (!linked.fulfillment_sets?.some((s: { name: string }) => s.name === FULFILLMENT_SET_NAME)) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: { location_id: location.id, fulfillment_set_data: { name: FULFILLMENT_SET_NAME, type: "shipping" } },
    })
  }
  return location.id
}

// One service zone per region, each with a standard and an express option priced in the region's currency.
async function ensureShippingOptions(ctx: Ctx, shippingProfileId: string, regionIds: Record<string, string>) {
  const { container } = ctx
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [set] = await fulfillment.listFulfillmentSets(
    { name: FULFILLMENT_SET_NAME },
    { relations: ["service_zones", "service_zones.geo_zones"] }
  )
  for (const region of REGIONS) {
    let zone = set.service_zones.find((z) => z.name === region.name)
    if (!zone) {
      ;[zone] = await fulfillment.createServiceZones([
        {
          name: region.name,
          fulfillment_set_id: set.id,
          geo_zones: region.countries.map((country_code) => ({ type: "country" as const, country_code })),
        },
      ])
    }
    const zoneId = zone.id
    const existing = await fulfillment.listShippingOptions({ service_zone: { id: zoneId } })
    const options = [
      { label: "Standard", code: "standard", description: "Ships in 3–5 business days.", amount: 8 },
      { label: "Express", code: "express", description: "Ships next business day.", amount: 20 },
    ].filter((o) => !existing.some((e) => e.name === `${o.label} (${region.name})`))
    if (options.length === 0) {
      continue
    }
    await createShippingOptionsWorkflow(container).run({
      input: options.map((o) => ({
        name: `${o.label} (${region.name})`,
        price_type: "flat" as const,
        provider_id: MANUAL_FULFILLMENT_PROVIDER,
        service_zone_id: zoneId,
        shipping_profile_id: shippingProfileId,
        type: { label: o.label, description: o.description, code: o.code },
        prices: [
          { currency_code: region.currency_code, amount: o.amount },
          { region_id: regionIds[region.currency_code], amount: o.amount },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
  }
}

async function ensurePublishableKey({ container, query }: Ctx, salesChannelId: string): Promise<string> {
  const apiKeys = container.resolve(Modules.API_KEY)
  // Medusa's migrations already create "Default Publishable API Key"; reuse the oldest live key.
  const live = (await apiKeys.listApiKeys({ type: "publishable" }, { order: { created_at: "ASC" } })).filter(
    (k) => !k.revoked_at
  )
  let key = live[0]
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  const {
    data: [linked],
  } = await query.graph({ entity: "api_key", fields: ["id", "sales_channels.id"], filters: { id: key.id } })
  if (!linked.sales_channels?.some((sc: { id: string }) => sc.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
  return key.token
}

async function ensureCategoriesAndCollections({ container }: Ctx) {
  const product = container.resolve(Modules.PRODUCT)
  const handles = DEMO_CATEGORIES.map((c) => c.handle as string)
  const existingCategories = await product.listProductCategories({ handle: handles })
  const missingCategories = DEMO_CATEGORIES.filter((c) => !existingCategories.some((e) => e.handle === c.handle))
  if (missingCategories.length > 0) {
    await createProductCategoriesWorkflow(container).run({
      input: { product_categories: missingCategories.map((c) => ({ ...c, is_active: true })) },
    })
  }
  const collectionHandles = DEMO_COLLECTIONS.map((c) => c.handle as string)
  const existingCollections = await product.listProductCollections({ handle: collectionHandles })
  const missingCollections = DEMO_COLLECTIONS.filter((c) => !existingCollections.some((e) => e.handle === c.handle))
  if (missingCollections.length > 0) {
    await createCollectionsWorkflow(container).run({ input: { collections: missingCollections.map((c) => ({ ...c })) } })
  }
  const categories = await product.listProductCategories({ handle: handles })
  const collections = await product.listProductCollections({ handle: collectionHandles })
  return {
    categoryIds: Object.fromEntries(categories.map((c) => [c.handle, c.id])),
    collectionIds: Object.fromEntries(collections.map((c) => [c.handle, c.id])),
  }
}

async function ensureProducts(
  ctx: Ctx,
  refs: { salesChannelId: string; shippingProfileId: string; categoryIds: Record<string, string>; collectionIds: Record<string, string> }
): Promise<number> {
  const { container } = ctx
  const product = container.resolve(Modules.PRODUCT)
  const existing = await product.listProducts({ handle: DEMO_PRODUCTS.map((p) => p.handle) }, { select: ["handle"] })
  const missing = DEMO_PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (missing.length === 0) {
    return 0
  }
  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((p) => ({
        title: p.title,
        handle: p.handle,
        description: p.description,
        status: ProductStatus.PUBLISHED,
        weight: p.weight,
        ...demoImages(ctx, p.images),
        category_ids: [refs.categoryIds[p.category]],
        collection_id: refs.collectionIds[p.collection],
        shipping_profile_id: refs.shippingProfileId,
        sales_channels: [{ id: refs.salesChannelId }],
        options: p.options,
        variants: p.variants.map((v) => ({
          title: Object.values(v.options).join(" / "),
          sku: v.sku,
          barcode: v.barcode,
          ean: v.barcode,
          options: v.options,
          manage_inventory: true,
          allow_backorder: v.allowBackorder ?? false,
          prices: [
            { currency_code: "usd", amount: p.prices.usd },
            { currency_code: "eur", amount: p.prices.eur },
          ],
        })),
      })),
    },
  })
  return missing.length
}

// Stores seeded before the demo images were shipped point at a remote bucket, which is broken offline:
// those demo products get the local images (a product whose images the developer changed is left alone).
async function replaceRemoteDemoImages(ctx: Ctx): Promise<number> {
  const product = ctx.container.resolve(Modules.PRODUCT)
  const existing = await product.listProducts(
    { handle: DEMO_PRODUCTS.map((p) => p.handle) },
    { select: ["id", "handle", "thumbnail"] }
  )
  const stale = existing.filter((e) => e.thumbnail?.startsWith(LEGACY_DEMO_IMAGE_HOST))
  for (const row of stale) {
    const demo = DEMO_PRODUCTS.find((p) => p.handle === row.handle)
    if (demo) {
      await updateProductsWorkflow(ctx.container).run({
        input: { selector: { id: row.id }, update: demoImages(ctx, demo.images) },
      })
    }
  }
  return stale.length
}

// Stock for every demo SKU that has no level at the warehouse yet (quantities come from the catalog).
async function ensureInventoryLevels({ container, query }: Ctx, locationId: string) {
  const stockBySku = new Map(DEMO_PRODUCTS.flatMap((p) => p.variants.map((v) => [v.sku, v.stock] as const)))
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku", "location_levels.location_id"],
    filters: { sku: [...stockBySku.keys()] },
  })
  const missing = items.filter(
    (item) => !item.location_levels?.some((level: { location_id: string }) => level.location_id === locationId)
  )
  if (missing.length > 0) {
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: missing.map((item) => ({
          location_id: locationId,
          inventory_item_id: item.id,
          stocked_quantity: stockBySku.get(item.sku) ?? 0,
        })),
      },
    })
  }
}

// The same steps as `medusa user -e … -p …`: a user, an emailpass identity, and the link between them.
async function ensureAdminUser({ container, logger }: Ctx) {
  const users = container.resolve(Modules.USER)
  const [existing] = await users.listUsers({ email: ADMIN_EMAIL })
  if (existing) {
    return
  }
  const roles: string[] = []
  if (FeatureFlag.isFeatureEnabled("rbac")) {
    const rbac = container.resolve(Modules.RBAC) as { listRbacRoles(filter: { id: string }): Promise<{ id: string }[]> }
    roles.push(...(await rbac.listRbacRoles({ id: "role_super_admin" })).map((r) => r.id))
  }
  const { result } = await createUsersWorkflow(container).run({
    input: { users: [{ email: ADMIN_EMAIL, first_name: "Admin", last_name: "Dev", roles }] },
  })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  })
  if (error || !authIdentity) {
    throw new Error(`Could not create the admin login: ${error ?? "no identity returned"}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: result[0].id } })
  logger.info(`Created admin user ${ADMIN_EMAIL}`)
}

export default async function seed({ container }: ExecArgs) {
  const ctx: Ctx = {
    container,
    logger: container.resolve(ContainerRegistrationKeys.LOGGER),
    query: container.resolve(ContainerRegistrationKeys.QUERY),
    backendUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  }
  const { logger } = ctx

  const salesChannelId = await ensureSalesChannel(ctx)
  const regionIds = await ensureRegions(ctx)
  await ensureTaxRegions(ctx)

  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [
          { currency_code: "usd", is_default: true },
          { currency_code: "eur", is_default: false },
        ],
        default_sales_channel_id: salesChannelId,
        default_region_id: regionIds.usd,
      },
    },
  })
  logger.info("Store: currencies usd (default) and eur, regions North America and Europe")

  const shippingProfileId = await ensureShippingProfile(ctx)
  const locationId = await ensureStockLocation(ctx, salesChannelId)
  await ensureShippingOptions(ctx, shippingProfileId, regionIds)
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_location_id: locationId } },
  })
  logger.info(`Stock location "${STOCK_LOCATION_NAME}" with shipping to both regions`)

  const token = await ensurePublishableKey(ctx, salesChannelId)
  logger.info(`Publishable API key (header x-publishable-api-key): ${token}`)

  const { categoryIds, collectionIds } = await ensureCategoriesAndCollections(ctx)
  const created = await ensureProducts(ctx, { salesChannelId, shippingProfileId, categoryIds, collectionIds })
  await ensureInventoryLevels(ctx, locationId)
  logger.info(
    created > 0 ? `Created ${created} products with stock at "${STOCK_LOCATION_NAME}"` : "Products already present"
  )
  const relinked = await replaceRemoteDemoImages(ctx)
  if (relinked > 0) {
    logger.info(`${relinked} demo products now show the store's own images (${demoImageUrl(ctx.backendUrl, "")})`)
  }

  await ensureAdminUser(ctx)
  logger.info(`Admin login: ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`)
}
