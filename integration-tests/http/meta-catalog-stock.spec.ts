import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin-auth"
import { catalogWorker } from "../helpers/catalog-worker"
import { useTestEmulator } from "../helpers/meta-env"
import { completeCart, createTestStore, prepareCart, type TestStore } from "../helpers/store-setup"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9850
// The tests drive the catalog worker themselves, tick by tick.
process.env.META_CATALOG_WORKER = "off"
process.env.META_STOREFRONT_URL = "https://shop.example.com"

const emulator = useTestEmulator(EMULATOR_PORT)

/**
 * The catalog's stock is what the store can sell through its sales channel: only the stock locations
 * linked to that channel count, as in Medusa's own inventory_quantity for a channel.
 */
medusaIntegrationTestRunner({
  dbName: "meta-it-catalog-stock",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let catalogId: string
    let store: TestStore
    let storeId: string
    let webshopId: string
    let productId: string
    let inventoryItemId: string
    let warehouseId: string
    let outletId: string
    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }),
      post: (url: string, body: unknown = {}) => api.post(url, body, { headers, validateStatus: () => true }),
      delete: (url: string) => api.delete(url, { headers, validateStatus: () => true }),
    }
    const { eventually } = catalogWorker(getContainer)
    const tee = () => emulator.catalogItems(catalogId).find((i) => i.id === store.sku)

    async function ok(request: Promise<any>) {
      const res = await request
      expect({ status: res.status, body: res.data }).toMatchObject({ status: 200 })
      return res.data
    }
    const setStock = (locationId: string, stocked_quantity: number) =>
      ok(admin.post(`/admin/inventory-items/${inventoryItemId}/location-levels/${locationId}`, { stocked_quantity }))
    const linkOutletToWebshop = (link: boolean) =>
      ok(admin.post(`/admin/stock-locations/${outletId}/sales-channels`, link ? { add: [webshopId] } : { remove: [webshopId] }))

    beforeEach(async () => {
      emulator.reset()
      ;({ headers } = await createAdminHeaders(getContainer(), api))
      // The Webshop channel sells from the Berlin warehouse (1000 units of TSHIRT-M).
      store = await createTestStore(getContainer())
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: [variant] } = await query.graph({
        entity: "product_variant",
        fields: ["product_id", "inventory_items.inventory_item_id", "inventory_items.inventory.location_levels.location_id"],
        filters: { id: store.variantId },
      })
      productId = (variant as any).product_id
      inventoryItemId = (variant as any).inventory_items[0].inventory_item_id
      warehouseId = (variant as any).inventory_items[0].inventory.location_levels[0].location_id
      webshopId = (await ok(admin.get("/admin/sales-channels?name=Webshop"))).sales_channels[0].id

      // The catalog's sales channel is the store's default one: make that the Webshop.
      const [medusaStore] = (await ok(admin.get("/admin/stores"))).stores
      storeId = medusaStore.id
      const otherChannelId = medusaStore.default_sales_channel_id
      await ok(admin.post(`/admin/stores/${storeId}`, { default_sales_channel_id: webshopId }))

      // An outlet of another channel holds 500 more units the Webshop cannot sell.
      outletId = (await ok(admin.post("/admin/stock-locations", { name: "Outlet" }))).stock_location.id
      await ok(admin.post(`/admin/stock-locations/${outletId}/sales-channels`, { add: [otherChannelId] }))
      await ok(admin.post(`/admin/inventory-items/${inventoryItemId}/location-levels`, { location_id: outletId, stocked_quantity: 500 }))

      // Meta needs an image.
      await ok(admin.post(`/admin/products/${productId}`, { images: [{ url: "https://cdn.example.com/tee.jpg" }], thumbnail: "https://cdn.example.com/tee.jpg" }))
      const connected = await ok(admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken() }))
      catalogId = connected.connection.selected.catalog_id
      await eventually(() => expect(tee()).toMatchObject({ availability: "in stock", quantity_to_sell_on_facebook: 1000 }))
    })

    it("a stock edit in the admin reaches Meta; only the sales channel's locations count", async () => {
      await setStock(warehouseId, 40)
      await eventually(() => expect(tee()).toMatchObject({ availability: "in stock", quantity_to_sell_on_facebook: 40 }))

      // The worker reads the stock after both edits: 41 (not 641) means the outlet's units did not count.
      await setStock(outletId, 600)
      await setStock(warehouseId, 41)
      await eventually(() => expect(tee()?.quantity_to_sell_on_facebook).toBe(41))

      // Once the Webshop ships from the outlet too, its units count.
      await linkOutletToWebshop(true)
      await setStock(warehouseId, 42)
      await eventually(() => expect(tee()?.quantity_to_sell_on_facebook).toBe(642))

      // Without any sales channel for the catalog, every location counts.
      await linkOutletToWebshop(false)
      await ok(admin.post(`/admin/stores/${storeId}`, { default_sales_channel_id: null }))
      await setStock(warehouseId, 43)
      await eventually(() => expect(tee()?.quantity_to_sell_on_facebook).toBe(643))
    })

    it("an order placed in the store lowers the quantity at Meta by what it reserved; cancelling it gives it back", async () => {
      const { cartId, headers: storeHeaders } = await prepareCart(api, store)
      const order = await completeCart(api, cartId, storeHeaders)
      expect(order.items[0]).toMatchObject({ variant_id: store.variantId, quantity: 2 })
      await eventually(() => expect(tee()).toMatchObject({ availability: "in stock", quantity_to_sell_on_facebook: 998 }))

      await ok(admin.post(`/admin/orders/${order.id}/cancel`))
      await eventually(() => expect(tee()?.quantity_to_sell_on_facebook).toBe(1000))
    })

    it("stock reserved in the admin without an order is held back from Meta until the reservation goes", async () => {
      const { reservation } = await ok(
        admin.post("/admin/reservations", { inventory_item_id: inventoryItemId, location_id: warehouseId, quantity: 5 })
      )
      await eventually(() => expect(tee()?.quantity_to_sell_on_facebook).toBe(995))

      await ok(admin.post(`/admin/reservations/${reservation.id}`, { quantity: 7 }))
      await eventually(() => expect(tee()?.quantity_to_sell_on_facebook).toBe(993))

      await ok(admin.delete(`/admin/reservations/${reservation.id}`))
      await eventually(() => expect(tee()?.quantity_to_sell_on_facebook).toBe(1000))
    })

    it("renaming a product option or one of its values reaches the item's color at Meta", async () => {
      const { product } = await ok(
        admin.post("/admin/products", {
          title: "Mug",
          status: "published",
          images: [{ url: "https://cdn.example.com/mug.jpg" }],
          thumbnail: "https://cdn.example.com/mug.jpg",
          sales_channels: [{ id: webshopId }],
          options: [{ title: "Shade", values: ["Blue"] }],
          variants: [{ title: "Blue", sku: "MUG-BLUE", manage_inventory: false, options: { Shade: "Blue" }, prices: [{ amount: 9.5, currency_code: "eur" }] }],
        })
      )
      const mug = () => emulator.catalogItems(catalogId).find((i) => i.id === "MUG-BLUE")
      // "Shade" is no attribute Meta knows: the value travels as an additional variant attribute.
      await eventually(() => expect(mug()).toMatchObject({ additional_variant_attribute: "Shade:Blue" }))
      expect(mug()?.color).toBeUndefined()

      const option = product.options[0]
      await ok(admin.post(`/admin/product-options/${option.id}`, { title: "Colour" }))
      await eventually(() => expect(mug()).toMatchObject({ color: "Blue" }))
      expect(mug()?.additional_variant_attribute).toBeUndefined()

      const blue = option.values.find((v: { value: string }) => v.value === "Blue")
      await ok(admin.post(`/admin/product-options/${option.id}/values/${blue.id}`, { value: "Navy" }))
      await eventually(() => expect(mug()).toMatchObject({ color: "Navy" }))
    })

    it("no stock in the channel is out of stock, even with units elsewhere; backorders make it available for order", async () => {
      await setStock(warehouseId, 0)
      await eventually(() => expect(tee()).toMatchObject({ availability: "out of stock", quantity_to_sell_on_facebook: 0 }))
      await ok(admin.post(`/admin/products/${productId}/variants/${store.variantId}`, { allow_backorder: true }))
      await eventually(() => expect(tee()).toMatchObject({ availability: "available for order", quantity_to_sell_on_facebook: 0 }))
    })
  },
})
