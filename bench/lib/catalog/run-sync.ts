/**
 * `medusa exec` script for bench/catalog.bench.ts: seeds $BENCH_VARIANTS variants with set-based SQL,
 * connects Meta (the emulator), then drives the catalog worker as the scheduled job would: a full sync,
 * a re-sync with nothing changed, and one price edit at a time (change → Meta latency). Writes the
 * figures as JSON to $BENCH_OUT. Peak RSS of this process is sampled every 50 ms.
 */
import { appendFileSync, writeFileSync } from "node:fs"
import { Session } from "node:inspector"
import { monitorEventLoopDelay } from "node:perf_hooks"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { setTimeout as sleep } from "node:timers/promises"
import type * as Workflows from "../../../src/workflows"

// The plugin's workflows: its TypeScript sources (development store), or its build when the bench runs
// this script compiled in a production app (BENCH_WORKFLOWS_MODULE = the built workflows' index.js).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { connectMetaWorkflow, reconcileMetaCatalogWorkflow, startMetaCatalogFullSyncWorkflow, syncMetaCatalogWorkflow }: typeof Workflows = require(
  process.env.BENCH_WORKFLOWS_MODULE ?? "../../../src/workflows"
)

const VARIANTS_PER_PRODUCT = 4
const MAX_TICKS = 2_000
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 0)
/** The scheduled job's interval (src/jobs/sync-meta-catalog.ts). */
const JOB_INTERVAL_MS = 5_000


export default async function runCatalogBench({ container }: ExecArgs) {
  const n = Number(process.env.BENCH_VARIANTS)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // Idle baseline: this process with Medusa booted and nothing of the catalog run yet, so peak RSS can be read against it.
  const idleRss = process.memoryUsage().rss
  let peakRss = idleRss
  // Where the memory goes at the peak: V8's heap (live objects and not yet collected garbage) or outside it.
  let atPeak = process.memoryUsage()
  /** Which part of the run the peak happened in. */
  let phase = "seed"
  let peakPhase = phase
  /** Peak RSS of each phase. */
  const phasePeaks: Record<string, number> = {}
  // BENCH_MEMORY_TRACE=<file>: every sample as a line (profiling where the memory goes over time).
  const trace = process.env.BENCH_MEMORY_TRACE
  const sampler = setInterval(() => {
    const usage = process.memoryUsage()
    if (usage.rss > peakRss) [peakRss, atPeak, peakPhase] = [usage.rss, usage, phase]
    phasePeaks[phase] = Math.max(phasePeaks[phase] ?? 0, usage.rss)
    if (trace) appendFileSync(trace, `${Date.now()} ${phase} ${[usage.rss, usage.heapTotal, usage.heapUsed, usage.external, usage.arrayBuffers].map((b) => Math.round(b / 2 ** 20)).join(" ")}\n`)
  }, 50)

  const { data: stores } = await query.graph({ entity: "store", fields: ["default_sales_channel_id"] })
  const channel = (stores[0] as any).default_sales_channel_id
  // Prices in the store's default currency: the catalog's currency unless catalog.currencyCode says otherwise.
  const currency = (await pg.raw(`SELECT currency_code FROM store_currency WHERE is_default AND deleted_at IS NULL LIMIT 1`)).rows[0]?.currency_code ?? "usd"
  const products = Math.ceil(n / VARIANTS_PER_PRODUCT)
  const seedStart = performance.now()
  await pg.raw(`
    INSERT INTO product (id, title, handle, description, status, thumbnail, is_giftcard, discountable)
    SELECT 'prod_b' || i, 'Bench tee ' || i, 'bench-' || i, 'Soft cotton tee number ' || i, 'published',
           'https://cdn.example.com/b' || i || '.jpg', false, true FROM generate_series(1, ${products}) i;
    INSERT INTO image (id, url, product_id, rank) SELECT 'img_b' || i, 'https://cdn.example.com/b' || i || '.jpg', 'prod_b' || i, 0 FROM generate_series(1, ${products}) i;
    INSERT INTO product_sales_channel (id, product_id, sales_channel_id) SELECT 'prodsc_b' || i, 'prod_b' || i, '${channel}' FROM generate_series(1, ${products}) i;
    INSERT INTO product_variant (id, title, sku, product_id, manage_inventory, allow_backorder, variant_rank)
    SELECT 'variant_b' || j, 'Size ' || (j % ${VARIANTS_PER_PRODUCT}), 'B-' || j, 'prod_b' || ((j - 1) / ${VARIANTS_PER_PRODUCT} + 1), false, false, 0
      FROM generate_series(1, ${n}) j;
    INSERT INTO price_set (id) SELECT 'pset_b' || j FROM generate_series(1, ${n}) j;
    INSERT INTO product_variant_price_set (id, variant_id, price_set_id) SELECT 'pvps_b' || j, 'variant_b' || j, 'pset_b' || j FROM generate_series(1, ${n}) j;
    INSERT INTO price (id, price_set_id, currency_code, amount, raw_amount, rules_count)
    SELECT 'price_b' || j, 'pset_b' || j, '${currency}', 19.99, '{"value":"19.99","precision":20}'::jsonb, 0 FROM generate_series(1, ${n}) j;
  `)
  const seedMs = performance.now() - seedStart

  await connectMetaWorkflow(container).run({
    input: { method: "system_user", access_token: process.env.BENCH_TOKEN!, user_id: "bench", selection: {} } as any,
  })

  /** Ticks the worker (flush + poll) until nothing is dirty or in flight; returns the ticks used. */
  async function drain(): Promise<number> {
    for (let tick = 1; tick <= MAX_TICKS; tick++) {
      await syncMetaCatalogWorkflow(container).run({ input: { force: true } })
      const [row] = (await pg.raw(`SELECT
          (SELECT count(*) FROM meta_catalog_item WHERE deleted_at IS NULL AND (dirty OR batch_id IS NOT NULL))::int AS busy,
          (SELECT count(*) FROM meta_catalog_batch WHERE deleted_at IS NULL AND status IN ('sending','submitted'))::int AS inflight`)).rows
      if (row.busy === 0 && row.inflight === 0) return tick
    }
    throw new Error(`the catalog did not drain within ${MAX_TICKS} ticks`)
  }
  /** items_batch calls Meta answered with a handle, from the batch rows the worker wrote before each call. */
  const itemsBatchCalls = async () =>
    Number((await pg.raw(`SELECT coalesce(sum(array_length(string_to_array(handle, ','), 1)), 0)::int AS calls FROM meta_catalog_batch`)).rows[0].calls)
  const callsBefore = await itemsBatchCalls()

  phase = "full sync"
  // BENCH_ALLOC_PROFILE=<file>: a sampling allocation profile of the full sync, collected objects included
  // (BENCH_ALLOC_PROMOTED=1: only what survived young-generation GCs, i.e. what fills the old space).
  const allocProfile = process.env.BENCH_ALLOC_PROFILE ? new Session() : undefined
  const inspect = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => allocProfile!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))))
  if (allocProfile) {
    allocProfile.connect()
    await inspect("HeapProfiler.startSampling", { samplingInterval: 65536, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: process.env.BENCH_ALLOC_PROMOTED !== "1" })
  }
  // How long the store's main thread is held at a time during the sync (what a checkout arriving meanwhile waits).
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  const syncStart = performance.now()
  await startMetaCatalogFullSyncWorkflow(container).run()
  const ticks = await drain()
  const fullSyncMs = performance.now() - syncStart
  loopDelay.disable()
  const eventLoopDelayMs = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 }
  const fullSyncCalls = (await itemsBatchCalls()) - callsBefore
  const [counts] = (await pg.raw(`SELECT count(*) FILTER (WHERE status = 'synced')::int AS synced, count(*)::int AS total FROM meta_catalog_item WHERE deleted_at IS NULL`)).rows

  if (allocProfile) {
    const { profile } = await inspect("HeapProfiler.stopSampling")
    writeFileSync(process.env.BENCH_ALLOC_PROFILE!, JSON.stringify(profile))
    allocProfile.disconnect()
  }
  phase = "re-sync"
  const resyncBefore = await itemsBatchCalls()
  const resyncStart = performance.now()
  await startMetaCatalogFullSyncWorkflow(container).run()
  await drain()
  const resyncMs = performance.now() - resyncStart
  const resyncCalls = (await itemsBatchCalls()) - resyncBefore

  // The nightly reconcile: pages Meta's whole catalog, checks every retailer id against the store (nothing
  // is missing or orphaned here, so it only reads).
  phase = "reconcile"
  const reconcileStart = performance.now()
  const { result: reconcile } = await reconcileMetaCatalogWorkflow(container).run()
  const reconcileMs = performance.now() - reconcileStart
  await sleep(100)
  const reconcilePeakRss = phasePeaks.reconcile ?? 0

  // Change → Meta: a price edit is committed at a random point of the job's 5-second cycle; the worker
  // (price watcher → flush → poll) runs on the job's cadence; latency ends when Meta reported the batch carrying the item finished.
  const latencies: number[] = []
  phase = "price edits"
  for (let sample = 0; sample < LATENCY_SAMPLES; sample++) {
    const j = 1 + Math.floor(Math.random() * n)
    const amount = (20 + sample + 0.5).toFixed(2)
    await sleep(Math.random() * JOB_INTERVAL_MS)
    const edited = performance.now()
    await pg.raw(`UPDATE price SET amount = ?, raw_amount = ?::jsonb, updated_at = clock_timestamp() WHERE id = ?`, [
      amount,
      JSON.stringify({ value: amount, precision: 20 }),
      `price_b${j}`,
    ])
    let landed = false
    for (let tick = 0; tick < 24 && !landed; tick++) {
      await syncMetaCatalogWorkflow(container).run({ input: {} })
      // Landed: a batch sent after the edit (database clock on both sides) carried the item and Meta reported it finished.
      const { rows } = await pg.raw(
        `SELECT 1 FROM meta_catalog_batch b JOIN meta_catalog_item i ON b.item_ids @> to_jsonb(ARRAY[i.id])
          WHERE i.variant_id = ? AND b.status = 'finished' AND b.created_at > (SELECT updated_at FROM price WHERE id = ?) LIMIT 1`,
        [`variant_b${j}`, `price_b${j}`]
      )
      landed = rows.length > 0
      if (!landed) await sleep(JOB_INTERVAL_MS)
    }
    latencies.push(landed ? performance.now() - edited : Infinity)
  }
  clearInterval(sampler)
  writeFileSync(
    process.env.BENCH_OUT!,
    JSON.stringify({
      n, seedMs, fullSyncMs, ticks, fullSyncCalls, synced: counts.synced, total: counts.total, resyncMs, resyncCalls,
      reconcileMs, reconcilePeakRss, reconcile, eventLoopDelayMs, latencies, peakRss, peakPhase, idleRss, atPeak,
    })
  )
}
