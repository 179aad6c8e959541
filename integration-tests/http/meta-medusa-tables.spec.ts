import {
  batchVariantImagesWorkflow,
  createCustomerGroupsWorkflow,
  createInventoryLevelsWorkflow,
  createPriceListsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createReservationsWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
  deleteProductVariantsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updatePriceListPricesWorkflow,
  updatePriceListsWorkflow,
} from "@medusajs/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, getVariantAvailability } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { formatMetaPrice, pickCatalogPricing } from "../../src/lib/catalog"
import { listVariantIdsAfter, loadCatalogSources, readPriceChangesSince } from "../../src/medusa-tables"
import { knexSqlExecutor } from "../../src/modules/meta/sql-executor"
import { useMetaTestEnv } from "../helpers/meta-env"

jest.setTimeout(180_000)

// No Graph API call is made here; the env only lets the development app's config load.
useMetaTestEnv(9740)

/**
 * The contract of src/medusa-tables: what its SQL reads of Medusa's own tables must equal what Medusa's
 * own query.graph, pricing module and variant availability say, on a store seeded through Medusa's
 * workflows with the awkward cases. A Medusa release that changes what a table means fails here.
 */
type Seed = {
  web: string
  wholesale: string
  productId: string
  variants: { stocked: string; backorder: string; untracked: string; pack: string }
  images: { front: string; back: string; detail: string }
  lists: { sale: string; expired: string; draft: string; members: string }
}

const DAY = 24 * 60 * 60 * 1000

async function seedAwkwardStore(container: MedusaContainer): Promise<Seed> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { result: [web, wholesale] } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Web" }, { name: "Wholesale" }] },
  })
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Berlin" }, { name: "Hamburg" }, { name: "Wholesale depot" }] },
  })
  const [berlin, hamburg, depot] = locations
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: berlin.id, add: [web.id] } })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: hamburg.id, add: [web.id] } })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: depot.id, add: [wholesale.id] } })
  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Germany", currency_code: "eur", countries: ["de"] }] },
  })
  const { result: [parent] } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: [{ name: "Clothing", is_active: true }] },
  })
  const { result: [category] } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: [{ name: "Shirts", is_active: true, parent_category_id: parent.id }] },
  })

  const { result: [product] } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Contract Tee",
          subtitle: "Heavy cotton",
          handle: "contract-tee",
          status: "published",
          thumbnail: "https://cdn.example.com/tee-thumb.jpg",
          images: [
            { url: "https://cdn.example.com/tee-front.jpg" },
            { url: "https://cdn.example.com/tee-back.jpg" },
            { url: "https://cdn.example.com/tee-detail.jpg" },
          ],
          category_ids: [category.id],
          options: [
            { title: "Size", values: ["S", "M", "L"] },
            { title: "Color", values: ["Black", "White"] },
          ],
          variants: [
            {
              title: "S / Black",
              sku: "TEE-S-BLK",
              barcode: "4006381333931",
              manage_inventory: true,
              options: { Size: "S", Color: "Black" },
              prices: [
                { amount: 20, currency_code: "eur" },
                { amount: 25.5, currency_code: "usd" },
                // Only in Germany: a rule price, not what every shopper pays.
                { amount: 18, currency_code: "eur", rules: { region_id: region.id } },
                // A quantity tier: from 10 units.
                { amount: 15, currency_code: "eur", min_quantity: 10 },
              ],
            },
            {
              title: "M / Black",
              sku: "TEE-M-BLK",
              manage_inventory: true,
              allow_backorder: true,
              options: { Size: "M", Color: "Black" },
              prices: [{ amount: 21.99, currency_code: "eur" }],
            },
            {
              title: "M / White",
              sku: "TEE-M-WHT",
              manage_inventory: false,
              options: { Size: "M", Color: "White" },
              prices: [{ amount: 22, currency_code: "eur" }],
            },
            {
              title: "L / Black",
              sku: "TEE-L-BLK",
              manage_inventory: true,
              options: { Size: "L", Color: "Black" },
              prices: [{ amount: 23, currency_code: "eur" }],
            },
          ],
          sales_channels: [{ id: web.id }, { id: wholesale.id }],
        },
      ],
    },
  })
  const bySku = new Map(product.variants.map((v) => [v.sku!, v.id]))
  const variants = {
    stocked: bySku.get("TEE-S-BLK")!,
    backorder: bySku.get("TEE-M-BLK")!,
    untracked: bySku.get("TEE-M-WHT")!,
    pack: bySku.get("TEE-L-BLK")!,
  }
  const imageId = (suffix: string) => product.images!.find((i) => i.url.endsWith(suffix))!.id
  const images = { front: imageId("tee-front.jpg"), back: imageId("tee-back.jpg"), detail: imageId("tee-detail.jpg") }
  // The back view belongs to S / Black only; the others see the product images no variant claims.
  await batchVariantImagesWorkflow(container).run({ input: { variant_id: variants.stocked, add: [images.back] } })

  const { data: links } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { id: [variants.stocked, variants.backorder, variants.pack] },
  })
  const itemOf = (variantId: string) => (links.find((l: any) => l.id === variantId) as any).inventory_items[0].inventory_item_id as string
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: [
        { inventory_item_id: itemOf(variants.stocked), location_id: berlin.id, stocked_quantity: 10 },
        { inventory_item_id: itemOf(variants.stocked), location_id: hamburg.id, stocked_quantity: 5 },
        { inventory_item_id: itemOf(variants.stocked), location_id: depot.id, stocked_quantity: 100 },
        { inventory_item_id: itemOf(variants.backorder), location_id: berlin.id, stocked_quantity: 1 },
        { inventory_item_id: itemOf(variants.pack), location_id: hamburg.id, stocked_quantity: 7 },
      ],
    },
  })
  // Over-reserved in Berlin (takes from Hamburg), and a reservation at the depot that the web channel does not count.
  await createReservationsWorkflow(container).run({
    input: {
      reservations: [
        { inventory_item_id: itemOf(variants.stocked), location_id: berlin.id, quantity: 3 },
        { inventory_item_id: itemOf(variants.stocked), location_id: depot.id, quantity: 40 },
        { inventory_item_id: itemOf(variants.backorder), location_id: berlin.id, quantity: 1 },
      ],
    },
  })
  // L / Black is a pack: one variant uses two units of its inventory item.
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await pg.raw(`UPDATE product_variant_inventory_item SET required_quantity = 2 WHERE variant_id = ?`, [variants.pack])

  const { result: [group] } = await createCustomerGroupsWorkflow(container).run({ input: { customersData: [{ name: "Members" }] } })
  const now = Date.now()
  const { result: lists } = await createPriceListsWorkflow(container).run({
    input: {
      price_lists_data: [
        {
          title: "Winter sale",
          description: "Active sale for everyone",
          type: "sale",
          status: "active",
          starts_at: new Date(now - DAY).toISOString(),
          ends_at: new Date(now + 7 * DAY).toISOString(),
          prices: [
            { variant_id: variants.stocked, amount: 16, currency_code: "eur" },
            { variant_id: variants.backorder, amount: 24, currency_code: "eur" },
          ],
        },
        {
          title: "Ended sale",
          description: "Over",
          type: "sale",
          status: "active",
          starts_at: new Date(now - 10 * DAY).toISOString(),
          ends_at: new Date(now - DAY).toISOString(),
          prices: [{ variant_id: variants.stocked, amount: 10, currency_code: "eur" }],
        },
        {
          title: "Draft sale",
          description: "Not published",
          type: "sale",
          status: "draft",
          prices: [{ variant_id: variants.stocked, amount: 9, currency_code: "eur" }],
        },
        {
          title: "Members' prices",
          description: "Only for a customer group",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [group.id] },
          prices: [{ variant_id: variants.untracked, amount: 12, currency_code: "eur" }],
        },
      ],
    },
  })
  const list = (title: string) => lists.find((l) => l.title === title)!.id
  return {
    web: web.id,
    wholesale: wholesale.id,
    productId: product.id,
    variants,
    images,
    lists: { sale: list("Winter sale"), expired: list("Ended sale"), draft: list("Draft sale"), members: list("Members' prices") },
  }
}

medusaIntegrationTestRunner({
  dbName: "meta-it-medusa-tables",
  testSuite: ({ getContainer }) => {
    let seed: Seed
    const db = () => knexSqlExecutor(getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION))
    const allVariants = () => Object.values(seed.variants)

    beforeAll(async () => {
      seed = await seedAwkwardStore(getContainer())
    })

    it("reads each variant's fields, options, product, categories and sales channels as query.graph does", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const sources = await loadCatalogSources(db(), allVariants(), seed.web)
      const { data: graph } = await query.graph({
        entity: "product_variant",
        fields: [
          "id", "sku", "title", "barcode", "ean", "upc", "material", "manage_inventory", "allow_backorder", "metadata", "product_id",
          "options.value", "options.option.title",
          "product.title", "product.subtitle", "product.handle", "product.status", "product.thumbnail",
          "product.categories.name", "product.categories.parent_category.name", "product.sales_channels.id",
          "product.options.title", "product.options.values.value",
        ],
        filters: { id: allVariants() },
      })
      const { data: [withVariants] } = await query.graph({ entity: "product", fields: ["variants.id"], filters: { id: seed.productId } })
      expect(sources.size).toBe(4)
      for (const v of graph as any[]) {
        const source = sources.get(v.id)!
        expect(source.variant).toMatchObject({
          id: v.id, sku: v.sku, title: v.title, barcode: v.barcode, ean: v.ean, upc: v.upc, material: v.material,
          manage_inventory: v.manage_inventory, allow_backorder: v.allow_backorder,
        })
        const options = (list: { option_title: string; value: string }[]) => list.map((o) => `${o.option_title}=${o.value}`).sort()
        expect(options(source.variant.options as any)).toEqual(options(v.options.map((o: any) => ({ option_title: o.option.title, value: o.value }))))
        expect(source.product).toMatchObject({
          id: v.product_id, title: v.product.title, subtitle: v.product.subtitle, handle: v.product.handle,
          status: v.product.status, thumbnail: v.product.thumbnail, variant_count: (withVariants as any).variants.length,
        })
        expect(source.product.categories).toEqual(v.product.categories.map((c: any) => [c.parent_category?.name, c.name].filter(Boolean)))
        expect([...source.salesChannelIds].sort()).toEqual(v.product.sales_channels.map((c: any) => c.id).sort())
        const productOptions = (list: { title: string; values: string[] }[]) => list.map((o) => `${o.title}:${[...o.values].sort().join(",")}`).sort()
        expect(productOptions(source.product.options as any)).toEqual(
          productOptions(v.product.options.map((o: any) => ({ title: o.title, values: o.values.map((x: any) => x.value) })))
        )
      }
    })

    it("gives each variant its own images plus the product images no variant claims, as Medusa's variants.images does", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const sources = await loadCatalogSources(db(), allVariants(), seed.web)
      const { data: [product] } = await query.graph({
        entity: "product",
        fields: ["variants.id", "variants.images.url"],
        filters: { id: seed.productId },
      })
      for (const variant of (product as any).variants) {
        expect({ variant: variant.id, images: [...sources.get(variant.id)!.variant.images!].sort() }).toEqual({
          variant: variant.id,
          images: variant.images.map((i: any) => i.url).sort(),
        })
      }
      // The figures: the back view is S / Black's alone.
      expect([...sources.get(seed.variants.stocked)!.variant.images!].sort()).toEqual(
        ["https://cdn.example.com/tee-back.jpg", "https://cdn.example.com/tee-detail.jpg", "https://cdn.example.com/tee-front.jpg"]
      )
      expect([...sources.get(seed.variants.pack)!.variant.images!].sort()).toEqual(["https://cdn.example.com/tee-detail.jpg", "https://cdn.example.com/tee-front.jpg"])
    })

    it("counts stock per sales channel as Medusa's variant availability does (locations, reservations, packs)", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const tracked = [seed.variants.stocked, seed.variants.backorder, seed.variants.pack]
      for (const channel of [seed.web, seed.wholesale]) {
        const sources = await loadCatalogSources(db(), tracked, channel)
        const medusa = await getVariantAvailability(query, { variant_ids: tracked, sales_channel_id: channel })
        for (const id of tracked) expect({ id, channel, quantity: sources.get(id)!.variant.available_quantity }).toEqual({ id, channel, quantity: medusa[id].availability })
      }
      // The figures themselves, so a shared misreading cannot pass: web = Berlin 10−3 + Hamburg 5; the depot is wholesale's.
      const web = await loadCatalogSources(db(), tracked, seed.web)
      expect(web.get(seed.variants.stocked)!.variant.available_quantity).toBe(12)
      expect(web.get(seed.variants.backorder)!.variant.available_quantity).toBe(0)
      expect(web.get(seed.variants.pack)!.variant.available_quantity).toBe(3)
      const wholesale = await loadCatalogSources(db(), tracked, seed.wholesale)
      expect(wholesale.get(seed.variants.stocked)!.variant.available_quantity).toBe(60)
    })

    it("prices every variant as Medusa's pricing module does for a shopper without rules (base, sale list, no tiers, no member prices)", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const pricing = getContainer().resolve(Modules.PRICING)
      const sources = await loadCatalogSources(db(), allVariants(), seed.web)
      const { data: sets } = await query.graph({ entity: "product_variant", fields: ["id", "price_set.id"], filters: { id: allVariants() } })
      const now = new Date()
      for (const currency of ["eur", "usd"]) {
        const calculated = await pricing.calculatePrices({ id: sets.map((s: any) => s.price_set.id) }, { context: { currency_code: currency } })
        for (const set of sets as any[]) {
          const medusa = calculated.find((c) => c.id === set.price_set.id)
          const ours = pickCatalogPricing(sources.get(set.id)!.variant.prices, currency, now)
          if (!medusa) {
            expect({ variant: set.id, currency, ours }).toEqual({ variant: set.id, currency, ours: undefined })
            continue
          }
          const original = formatMetaPrice(String(medusa.original_amount), currency)
          const current = formatMetaPrice(String(medusa.calculated_amount), currency)
          expect({ variant: set.id, currency, price: ours?.price }).toEqual({ variant: set.id, currency, price: original })
          const onSale = medusa.is_calculated_price_price_list && medusa.calculated_price?.price_list_type === "sale" && current !== original
          expect({ variant: set.id, currency, sale: ours?.sale_price }).toEqual({ variant: set.id, currency, sale: onSale ? current : undefined })
        }
      }
      // The figures: S / Black 20 on sale at 16 (not the 18 region price, the 15 tier, the ended 10 or the draft 9).
      expect(pickCatalogPricing(sources.get(seed.variants.stocked)!.variant.prices, "eur", now)).toMatchObject({ price: "20 EUR", sale_price: "16 EUR" })
      expect(pickCatalogPricing(sources.get(seed.variants.stocked)!.variant.prices, "usd", now)).toEqual({ price: "25.50 USD" })
      // A "sale" above the price is no sale; the members' 12 needs a customer group.
      expect(pickCatalogPricing(sources.get(seed.variants.backorder)!.variant.prices, "eur", now)).toEqual({ price: "21.99 EUR" })
      expect(pickCatalogPricing(sources.get(seed.variants.untracked)!.variant.prices, "eur", now)).toEqual({ price: "22 EUR" })
    })

    it("finds the variants whose prices or price lists Medusa changed after a watermark, and nothing before it", async () => {
      const container = getContainer()
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const position = async () => (await pg.raw(`SELECT clock_timestamp()::text AS at`)).rows[0].at as string
      const start = await position()
      expect(await readPriceChangesSince(db(), start)).toEqual({ newest: null, variants: [] })

      const { data: [list] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "price_list",
        fields: ["prices.id", "prices.amount"],
        filters: { id: seed.lists.sale },
      })
      const price = (list as any).prices.find((p: any) => Number(p.amount) === 16)
      await updatePriceListPricesWorkflow(container).run({
        input: { data: [{ id: seed.lists.sale, prices: [{ id: price.id, variant_id: seed.variants.stocked, amount: 15.5, currency_code: "eur" }] }] },
      })
      const afterPrice = await readPriceChangesSince(db(), start)
      expect(afterPrice.variants.map((v) => v.variant_id)).toEqual([seed.variants.stocked])
      expect(afterPrice.variants[0].product_id).toBe(seed.productId)
      expect(afterPrice.newest).not.toBeNull()
      expect(await readPriceChangesSince(db(), afterPrice.newest!)).toEqual({ newest: null, variants: [] })

      // Ending a list changes no price row, but every variant it priced.
      const beforeList = await position()
      await updatePriceListsWorkflow(container).run({ input: { price_lists_data: [{ id: seed.lists.sale, ends_at: new Date().toISOString() }] } })
      const afterList = await readPriceChangesSince(db(), beforeList)
      expect(afterList.variants.map((v) => v.variant_id).sort()).toEqual([seed.variants.stocked, seed.variants.backorder].sort())
    })

    it("pages the store's live variants by id as query.graph lists them, without deleted ones", async () => {
      const container = getContainer()
      await deleteProductVariantsWorkflow(container).run({ input: { ids: [seed.variants.pack] } })
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product_variant", fields: ["id", "product_id"] })
      const expected = (data as any[]).map((v) => ({ variant_id: v.id, product_id: v.product_id })).sort((a, b) => (a.variant_id < b.variant_id ? -1 : 1))
      const paged: { variant_id: string; product_id: string }[] = []
      for (let after = ""; ; ) {
        const rows = await listVariantIdsAfter(db(), after, 2)
        paged.push(...rows)
        if (rows.length < 2) break
        after = rows[rows.length - 1].variant_id
      }
      expect(paged).toEqual(expected)
      expect(paged.map((r) => r.variant_id)).not.toContain(seed.variants.pack)
      // A deleted variant is absent from the catalog sources too (its item is then removed from Meta).
      expect((await loadCatalogSources(db(), [seed.variants.pack], seed.web)).size).toBe(0)
    })
  },
})
