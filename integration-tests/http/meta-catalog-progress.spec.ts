import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin-auth"
import { catalogWorker } from "../helpers/catalog-worker"
import { useTestEmulator } from "../helpers/meta-env"
import { flushCatalog } from "../../src/catalog-sync/flush-catalog"
import { catalogWorkerDue } from "../../src/catalog-sync/catalog-worker-due"
import { catalogPassThread } from "../../src/catalog-sync/catalog-pass-thread"

jest.setTimeout(180_000)

const EMULATOR_PORT = 9860
// The tests drive the catalog worker themselves, pass by pass.
process.env.META_CATALOG_WORKER = "off"
process.env.META_STOREFRONT_URL = "https://shop.example.com"

const emulator = useTestEmulator(EMULATOR_PORT)

const VARIANTS_PER_PRODUCT = 4
/** Meta: ≤ 5,000 requests per items_batch call. */
const ITEMS_BATCH_LIMIT = 5000
/** Meta answers a batch handle asynchronously; the worker asks again about a second later. */
const BETWEEN_PASSES_MS = 300

type Run = { id: string; kind: string; status: string; total: number; processed: number }

medusaIntegrationTestRunner({
  dbName: "meta-it-catalog-progress",
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let catalogId: string
    const admin = {
      get: (url: string) => api.get(url, { headers, validateStatus: () => true }),
      post: (url: string, body: unknown = {}) => api.post(url, body, { headers, validateStatus: () => true }),
      delete: (url: string) => api.delete(url, { headers, validateStatus: () => true }),
    }
    const { tick, eventually } = catalogWorker(getContainer)
    const itemsBatchCalls = () => emulator.requests({ method: "POST", path: /items_batch/ }).length
    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    async function catalog() {
      const res = await admin.get("/admin/meta/catalog")
      expect(res.status).toBe(200)
      return res.data.catalog as { full_sync: Run | null; totals: Record<string, number> }
    }

    /**
     * Published products (4 variants each) in the store's default sales channel, priced in its default
     * currency, with an image: set-based SQL as the bench seeds, since 12,000 variants through the admin
     * API would take minutes. No Medusa event fires, so only a full sync brings them to Meta.
     */
    async function seedVariants(n: number): Promise<{ currency: string }> {
      const db = pg()
      const { rows: [store] } = await db.raw(`SELECT default_sales_channel_id FROM store WHERE deleted_at IS NULL LIMIT 1`)
      const { rows: [currency] } = await db.raw(`SELECT currency_code FROM store_currency WHERE is_default AND deleted_at IS NULL LIMIT 1`)
      expect(store?.default_sales_channel_id).toBeTruthy()
      expect(currency?.currency_code).toBeTruthy()
      const products = Math.ceil(n / VARIANTS_PER_PRODUCT)
      await db.raw(
        `INSERT INTO product (id, title, handle, description, status, thumbnail, is_giftcard, discountable)
         SELECT 'prod_p' || i, 'Progress tee ' || i, 'progress-' || i, 'Soft cotton tee number ' || i, 'published',
                'https://cdn.example.com/p' || i || '.jpg', false, true FROM generate_series(1, ?::int) i`,
        [products]
      )
      await db.raw(
        `INSERT INTO image (id, url, product_id, rank) SELECT 'img_p' || i, 'https://cdn.example.com/p' || i || '.jpg', 'prod_p' || i, 0
           FROM generate_series(1, ?::int) i`,
        [products]
      )
      await db.raw(
        `INSERT INTO product_sales_channel (id, product_id, sales_channel_id) SELECT 'prodsc_p' || i, 'prod_p' || i, ? FROM generate_series(1, ?::int) i`,
        [store.default_sales_channel_id, products]
      )
      await db.raw(
        `INSERT INTO product_variant (id, title, sku, product_id, manage_inventory, allow_backorder, variant_rank)
         SELECT 'variant_p' || j, 'Size ' || (j % ?::int), 'P-' || j, 'prod_p' || ((j - 1) / ?::int + 1), false, false, 0
           FROM generate_series(1, ?::int) j`,
        [VARIANTS_PER_PRODUCT, VARIANTS_PER_PRODUCT, n]
      )
      await db.raw(`INSERT INTO price_set (id) SELECT 'pset_p' || j FROM generate_series(1, ?::int) j`, [n])
      await db.raw(
        `INSERT INTO product_variant_price_set (id, variant_id, price_set_id) SELECT 'pvps_p' || j, 'variant_p' || j, 'pset_p' || j
           FROM generate_series(1, ?::int) j`,
        [n]
      )
      await db.raw(
        `INSERT INTO price (id, price_set_id, currency_code, amount, raw_amount, rules_count)
         SELECT 'price_p' || j, 'pset_p' || j, ?, 19.99, '{"value":"19.99","precision":20}'::jsonb, 0 FROM generate_series(1, ?::int) j`,
        [currency.currency_code, n]
      )
      return { currency: currency.currency_code }
    }

    /**
     * Runs worker passes until the full sync is no longer running, reading GET /admin/meta/catalog after
     * each pass as the Settings page does; `between` runs after a pass that left it running.
     */
    async function passesUntilDone(between: (pass: number) => Promise<void> = async () => {}, maxPasses = 30): Promise<Run[]> {
      const readings: Run[] = []
      for (let pass = 1; pass <= maxPasses; pass++) {
        await tick()
        const run = (await catalog()).full_sync!
        readings.push(run)
        if (run.status !== "running") return readings
        await between(pass)
        await new Promise((resolve) => setTimeout(resolve, BETWEEN_PASSES_MS))
      }
      throw new Error(`the full sync was still running after ${maxPasses} passes: ${JSON.stringify(readings.at(-1))}`)
    }

    function expectSteadyProgress(readings: Run[], runId: string, total: number) {
      readings.forEach((run, i) => {
        expect(run).toMatchObject({ id: runId, kind: "full_sync", total })
        expect(run.processed).toBeGreaterThanOrEqual(i === 0 ? 0 : readings[i - 1].processed)
        expect(run.processed).toBeLessThanOrEqual(run.total)
      })
      expect(readings.slice(0, -1).map((r) => r.status)).toEqual(readings.slice(0, -1).map(() => "running"))
      expect(readings.at(-1)).toMatchObject({ status: "completed", processed: total })
    }

    beforeEach(async () => {
      emulator.reset()
      ;({ headers } = await createAdminHeaders(getContainer(), api))
      const res = await admin.post("/admin/meta/connection", { access_token: emulator.createSystemUserToken() })
      expect(res.status).toBe(200)
      catalogId = res.data.connection.selected.catalog_id
      expect(catalogId).toBeTruthy()
    })

    it("a full sync of 12,000 variants reports progress pass by pass until Meta holds them all, in ceil(n/5000) calls", async () => {
      const n = 12_000
      const { currency } = await seedVariants(n)
      const callsBefore = itemsBatchCalls()

      const started = await admin.post("/admin/meta/catalog/sync")
      expect(started.status).toBe(202)
      const runId = started.data.run.id
      expect(started.data.run).toMatchObject({ kind: "full_sync", status: "running", total: n, processed: 0 })
      const beforeFirstPass = (await catalog()).full_sync!
      expect(beforeFirstPass).toMatchObject({ id: runId, status: "running", total: n, processed: 0 })

      // A second start while the sync runs (another admin, a script, a double click) gets the running
      // sync back: same run, its progress kept, nothing sent twice.
      const readings = await passesUntilDone(async (pass) => {
        if (pass !== 1) return
        const before = (await catalog()).full_sync!
        const again = await admin.post("/admin/meta/catalog/sync")
        expect(again.status).toBe(202)
        expect(again.data.run).toMatchObject({ id: runId, status: "running", total: n })
        expect(again.data.run.processed).toBeGreaterThanOrEqual(before.processed)
      })
      expectSteadyProgress([beforeFirstPass, ...readings], runId, n)
      // Several passes: Meta answers the batches after the pass that sent them.
      expect(readings.length).toBeGreaterThanOrEqual(2)

      expect(itemsBatchCalls() - callsBefore).toBe(Math.ceil(n / ITEMS_BATCH_LIMIT))
      const items = emulator.catalogItems(catalogId)
      expect(items).toHaveLength(n)
      expect(new Set(items.map((i) => i.id)).size).toBe(n)
      expect(items.find((i) => i.id === "P-12000")).toMatchObject({
        price: `19.99 ${currency.toUpperCase()}`,
        availability: "in stock",
        image_link: "https://cdn.example.com/p3000.jpg",
        link: "https://shop.example.com/products/progress-3000",
        item_group_id: "prod_p3000",
      })
      expect((await catalog()).totals).toMatchObject({ synced: n, pending: 0, needs_attention: 0, errors: 0, waiting: 0 })
    })

    it("the progress bar moves with every items_batch call, before Meta confirms any", async () => {
      const n = 10_001
      await seedVariants(n)
      const started = await admin.post("/admin/meta/catalog/sync")
      expect(started.status).toBe(202)
      const seen: number[] = []
      // One items_batch call at a time (what the worker does in a row within one pass).
      for (let call = 1; call <= Math.ceil(n / ITEMS_BATCH_LIMIT); call++) {
        const pass = await flushCatalog(getContainer(), { force: true, once: true })
        expect(pass.calls).toBe(1)
        // Mapped on the catalog pass thread (its own heap and connection), not on the store's main thread.
        expect(pass.mainThreadPasses).toBeUndefined()
        const run = (await catalog()).full_sync!
        expect(run.status).toBe("running")
        seen.push(run.processed)
      }
      expect(seen).toEqual([5_000, 10_000, 10_001])
      await passesUntilDone()
      expect((await catalog()).full_sync).toMatchObject({ status: "completed", processed: n })
    })

    it("when the catalog pass thread cannot run (out of memory), the pass runs on the main thread and nothing is lost", async () => {
      const n = 5_003
      await seedVariants(n)
      // A thread whose heap cannot even hold its own code: it dies as it starts.
      await catalogPassThread.configure({ resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } })
      try {
        expect((await admin.post("/admin/meta/catalog/sync")).status).toBe(202)
        const first = await flushCatalog(getContainer(), { force: true, once: true })
        expect(first).toMatchObject({ claimed: 5_000, sent: 5_000, calls: 1, mainThreadPasses: 1 })
        await passesUntilDone()
      } finally {
        await catalogPassThread.configure({})
      }
      const items = emulator.catalogItems(catalogId)
      expect(items).toHaveLength(n)
      expect(new Set(items.map((i) => i.id)).size).toBe(n)
      expect((await catalog()).totals).toMatchObject({ synced: n, pending: 0, errors: 0, waiting: 0 })
      // Nothing left claimed by the thread that died, and no batch row stuck in "sending".
      const { rows: [left] } = await pg().raw(
        `SELECT (SELECT count(*) FROM meta_catalog_item WHERE batch_id IS NOT NULL)::int AS claimed,
                (SELECT count(*) FROM meta_catalog_batch WHERE status = 'sending')::int AS sending`
      )
      expect(left).toEqual({ claimed: 0, sending: 0 })

      // With its heap back, the thread takes the next passes again.
      await pg().raw(`UPDATE price SET amount = 23, raw_amount = '{"value":"23","precision":20}'::jsonb WHERE id = 'price_p7'`)
      await pg().raw(`UPDATE meta_catalog_item SET dirty = true, dirty_at = now() WHERE variant_id = 'variant_p7'`)
      const next = await flushCatalog(getContainer(), { force: true })
      expect(next).toMatchObject({ sent: 1, calls: 1 })
      expect(next.mainThreadPasses).toBeUndefined()
      expect(emulator.catalogItems(catalogId).find((i) => i.id === "P-7")?.price).toMatch(/^23(\.00)? /)
    })

    it("products that predate the connection reach Meta: connecting starts a full sync, and so does choosing another catalog", async () => {
      // A store with products from before the plugin: no event ever marked them.
      expect((await admin.delete("/admin/meta/connection")).status).toBe(200)
      const n = 40
      await seedVariants(n)
      const token = emulator.createSystemUserToken()
      const connected = await admin.post("/admin/meta/connection", { access_token: token })
      expect(connected.status).toBe(200)
      const firstCatalog = connected.data.connection.selected.catalog_id
      const sync = (await catalog()).full_sync!
      expect(sync).toMatchObject({ status: "running", total: n })
      await passesUntilDone()
      expect(emulator.catalogItems(firstCatalog)).toHaveLength(n)

      // Another catalog of the business: nothing changed in the store, yet it must get every item.
      const otherCatalog = "77000001"
      emulator.state.catalogs[otherCatalog] = { id: otherCatalog, name: "Second catalog", vertical: "commerce", businessId: "20001", productCount: 0 }
      const reconnected = await admin.post("/admin/meta/connection", { access_token: token, catalog_id: otherCatalog })
      expect(reconnected.status).toBe(200)
      expect(reconnected.data.connection.selected.catalog_id).toBe(otherCatalog)
      const second = (await catalog()).full_sync!
      expect(second.id).not.toBe(sync.id)
      await passesUntilDone()
      expect(emulator.catalogItems(otherCatalog)).toHaveLength(n)
      // Choosing the same catalog again starts nothing.
      const same = await admin.post("/admin/meta/connection/assets", { catalog_id: otherCatalog })
      expect(same.status).toBe(200)
      expect((await catalog()).full_sync).toMatchObject({ id: second.id, status: "completed" })
    })

    it("the every-5-seconds worker tick is one query on a quiet store and wakes for prices, dirty items and running syncs", async () => {
      await seedVariants(8)
      expect((await admin.post("/admin/meta/catalog/sync")).status).toBe(202)
      expect(await catalogWorkerDue(getContainer())).toBe(true)
      await passesUntilDone()
      expect(await catalogWorkerDue(getContainer())).toBe(false)

      // A price edited behind Medusa's back (no event): the watermark tells.
      await pg().raw(`UPDATE price SET amount = 21, raw_amount = '{"value":"21","precision":20}'::jsonb, updated_at = clock_timestamp() WHERE id = 'price_p3'`)
      expect(await catalogWorkerDue(getContainer())).toBe(true)
      await eventually(async () => {
        expect(emulator.catalogItems(catalogId).find((i) => i.id === "P-3")?.price).toMatch(/^21(\.00)? /)
        expect(await catalogWorkerDue(getContainer())).toBe(false)
      })

      // A dirty item (what every subscriber leaves behind).
      await pg().raw(`UPDATE meta_catalog_item SET dirty = true, dirty_at = now() WHERE variant_id = 'variant_p5'`)
      expect(await catalogWorkerDue(getContainer())).toBe(true)
    })

    it("progress never goes back: a DELETE resent after a failed call counts once, a second start keeps the running sync's progress", async () => {
      await seedVariants(8)
      const first = await admin.post("/admin/meta/catalog/sync")
      expect(first.status).toBe(202)
      await passesUntilDone()
      expect(emulator.catalogItems(catalogId)).toHaveLength(8)

      // A script unpublishes the second product (no event): the next full sync deletes its 4 items from
      // Meta; the first call fails with a 5xx, so the DELETEs go out again on a later pass.
      await pg().raw(`UPDATE product SET status = 'draft' WHERE id = 'prod_p2'`)
      emulator.injectFault({ kind: "5xx", path: "items_batch", status: 503 })
      const started = await admin.post("/admin/meta/catalog/sync")
      expect(started.status).toBe(202)
      const runId = started.data.run.id
      expect(runId).not.toBe(first.data.run.id)
      expect(started.data.run).toMatchObject({ status: "running", total: 8, processed: 0 })

      const readings = await passesUntilDone(async (pass) => {
        if (pass === 1) {
          // The 4 unchanged items are done; skip the backoff the failed call asked for.
          expect((await catalog()).full_sync).toMatchObject({ status: "running", processed: 4 })
          await pg().raw(`UPDATE meta_catalog_item SET next_attempt_at = NULL`)
        }
        if (pass === 2) {
          // The DELETEs were handed to Meta again: all 8 processed, each once, and the sync runs until Meta confirms.
          expect((await catalog()).full_sync).toMatchObject({ status: "running", processed: 8 })
          const again = await admin.post("/admin/meta/catalog/sync")
          expect(again.status).toBe(202)
          expect(again.data.run).toMatchObject({ id: runId, status: "running", total: 8, processed: 8 })
        }
      })
      expect(readings.length).toBeGreaterThanOrEqual(3)
      expectSteadyProgress([started.data.run, ...readings], runId, 8)
      expect(emulator.catalogItems(catalogId).map((i) => i.id)).toEqual(["P-1", "P-2", "P-3", "P-4"])
    })
  },
})
