import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/core-flows"

export type TestStore = {
  publishableKey: string
  regionId: string
  variantId: string
  sku: string
}

/**
 * A sellable store, built with Medusa's own workflows: region (EUR, Germany, system payment provider),
 * sales channel + publishable key, stock location with a shipping fulfillment set, a flat-rate shipping
 * option, and a product whose variant has a price and stock.
 */
export async function createTestStore(container: MedusaContainer): Promise<TestStore> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { result: [channel] } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Webshop" }] },
  })
  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Germany", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] }] },
  })
  const { result: [location] } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Berlin warehouse", address: { address_1: "Lager 1", city: "Berlin", country_code: "DE" } }] },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [channel.id] } })
  await createLocationFulfillmentSetWorkflow(container).run({
    input: { location_id: location.id, fulfillment_set_data: { name: "Berlin shipping", type: "shipping" } },
  })
  const { data: [withSet] } = await query.graph({
    entity: "stock_location",
    fields: ["fulfillment_sets.id"],
    filters: { id: location.id },
  })
  const fulfillmentSetId = (withSet as any).fulfillment_sets[0].id
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const zone = await fulfillment.createServiceZones({
    name: "Germany",
    fulfillment_set_id: fulfillmentSetId,
    geo_zones: [{ type: "country", country_code: "de" }],
  })
  const { result: [profile] } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default", type: "default" }] },
  })
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: zone.id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "2–3 days", code: "standard" },
        prices: [{ currency_code: "eur", amount: 4.9 }],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
  const { result: [key] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Webshop", type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })

  const sku = "TSHIRT-M"
  const { result: [product] } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "T-Shirt",
          status: "published",
          shipping_profile_id: profile.id,
          options: [{ title: "Size", values: ["M"] }],
          variants: [
            {
              title: "M",
              sku,
              manage_inventory: true,
              options: { Size: "M" },
              prices: [{ amount: 19.95, currency_code: "eur" }],
            },
          ],
          sales_channels: [{ id: channel.id }],
        },
      ],
    },
  })
  const variantId = product.variants[0].id
  const { data: [variant] } = await query.graph({
    entity: "product_variant",
    fields: ["inventory_items.inventory_item_id"],
    filters: { id: variantId },
  })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: [
        { location_id: location.id, stocked_quantity: 1000, inventory_item_id: (variant as any).inventory_items[0].inventory_item_id },
      ],
    },
  })
  return { publishableKey: key.token, regionId: region.id, variantId, sku }
}

/** Cart → line item → addresses + email → shipping method → payment session (system provider). */
export async function prepareCart(
  api: any,
  store: TestStore,
  extraHeaders: Record<string, string> = {},
  email = "Zoe.Darcy@Example.COM"
): Promise<{ cartId: string; headers: Record<string, string> }> {
  const headers = { "x-publishable-api-key": store.publishableKey, ...extraHeaders }
  const { data: { cart } } = await api.post("/store/carts", { region_id: store.regionId }, { headers })
  await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: store.variantId, quantity: 2 }, { headers })
  const address = {
    first_name: "Zoë",
    last_name: "D'Arcy",
    address_1: "Hauptstraße 1",
    city: "Köln",
    postal_code: "50667",
    country_code: "de",
    phone: "0221 123456",
  }
  await api.post(
    `/store/carts/${cart.id}`,
    { email, shipping_address: address, billing_address: address },
    { headers }
  )
  const { data: { shipping_options } } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, { headers })
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, { headers })
  const { data: { payment_collection } } = await api.post("/store/payment-collections", { cart_id: cart.id }, { headers })
  await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
  return { cartId: cart.id, headers }
}

export async function completeCart(api: any, cartId: string, headers: Record<string, string>): Promise<any> {
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  if (data.type !== "order") throw new Error(`cart did not complete: ${JSON.stringify(data.error ?? data)}`)
  return data.order
}
