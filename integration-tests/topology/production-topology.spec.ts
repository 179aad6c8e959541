import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import axios, { type AxiosInstance } from "axios"
import { startGraphEmulator, type GraphEmulator, type RecordedRequest } from "../../src/emulator"
import { answerConsent } from "../helpers/consent"
import { TEST_APP_ID, TEST_APP_SECRET, waitFor } from "../helpers/meta-env"
import { SHOPPER_BROWSER } from "../helpers/shopper"
import { completeCart, prepareCart } from "../helpers/store-setup"
import { ADMIN, APP_DIR, Topology } from "./harness"

// Boots the whole topology once for this file: build, migrate, seed, three `medusa start` processes.
jest.setTimeout(600_000)

const EMULATOR_PORT = 9890
const PIXEL = "60001"

const topology = new Topology({
  database: "meta_topology",
  redisDb: 9,
  graphApiUrl: `http://127.0.0.1:${EMULATOR_PORT}`,
  ports: { server: 9300, "worker-1": 9301, "worker-2": 9302, "server-2": 9303 },
})

let emulator: GraphEmulator
let api: AxiosInstance
let admin: Record<string, string>
let catalogId: string

const purchases = () => emulator.receivedEvents(PIXEL).filter((r) => r.event.event_name === "Purchase")

/**
 * Pending, due Purchases as an outage leaves them in the outbox: copies of a delivered one with event ids
 * `${prefix}-1` … `${prefix}-${count}` and a fresh event_time.
 */
async function capiBacklog(prefix: string, count: number): Promise<string[]> {
  await topology.sql(
    `INSERT INTO meta_capi_event (id, pixel_id, event_name, event_id, subject_id, status, attempts, next_attempt_at, event_time, payload, response)
     SELECT 'metaevt_' || $1 || '_' || g, e.pixel_id, e.event_name, $1 || '-' || g, e.subject_id, 'pending', 0,
            now() - interval '1 second', now(),
            jsonb_set(jsonb_set(e.payload, '{event_id}', to_jsonb($1 || '-' || g)), '{event_time}', to_jsonb(extract(epoch from now())::int)),
            e.response
       FROM (SELECT * FROM meta_capi_event WHERE status = 'sent' AND event_name = 'Purchase' LIMIT 1) e, generate_series(1, $2::int) g`,
    [prefix, count]
  )
  return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`)
}

/** How often each of `ids` reached Meta. */
function deliveries(ids: string[]): Map<string, number> {
  const wanted = new Set(ids)
  const counts = new Map<string, number>()
  for (const r of emulator.receivedEvents(PIXEL)) {
    const id = r.event.event_id as string
    if (wanted.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

/** The scheduled jobs of the installed plugin (config.name of every compiled file in its jobs folder). */
function pluginJobs(): string[] {
  const dir = path.join(APP_DIR, "node_modules/medusa-plugin-meta/.medusa/server/src/jobs")
  return readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .map((f) => /name:\s*"([^"]+)"/.exec(readFileSync(path.join(dir, f), "utf8"))![1])
    .sort()
}

type CatalogRequest = { method: string; data: Record<string, unknown> & { id: string } }

/** The item requests one items_batch call carried. */
function batchItemsOf(call: RecordedRequest): CatalogRequest[] {
  const raw = (call.body as Record<string, unknown>)?.requests
  return (typeof raw === "string" ? JSON.parse(raw) : raw ?? []) as CatalogRequest[]
}

/** The catalog items (method + data) the plugin sent for a retailer id, over all items_batch calls. */
function itemsSent(retailerId: string): CatalogRequest[] {
  return emulator
    .requests({ method: "POST", path: /items_batch/ })
    .flatMap(batchItemsOf)
    .filter((item) => item.data?.id === retailerId)
}

async function inParallel<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++
        results[i] = await task(i)
      }
    })
  )
  return results
}

beforeAll(async () => {
  emulator = await startGraphEmulator({
    port: EMULATOR_PORT,
    apps: [{ appId: TEST_APP_ID, appSecret: TEST_APP_SECRET, name: "Topology Store App" }],
  })
  await topology.build()
  await topology.prepare()
  await topology.startAll()
  api = axios.create({ baseURL: topology.url("server") })
  const { data } = await api.post("/auth/user/emailpass", ADMIN)
  admin = { authorization: `Bearer ${data.token}` }
  // Connected as a merchant does it: the OAuth dialog, a long-lived user token (the token refresh job renews it).
  const started = await api.post("/admin/meta/oauth/authorize", {}, { headers: admin })
  const back = await answerConsent(started.data.url)
  const callback = await api.get(`/meta/oauth/callback${back.search}`, { maxRedirects: 0, validateStatus: () => true })
  expect(callback.status).toBe(302)
  await api.post("/admin/meta/connection/assets", { pixel_id: PIXEL }, { headers: admin })
  const { data: connection } = await api.get("/admin/meta/connection", { headers: admin })
  expect(connection.connection).toMatchObject({ status: "active", selected: { pixel_id: PIXEL } })
  catalogId = connection.connection.selected.catalog_id
  // "Sync now" (answered 409 when the connection's own first sync is already under way).
  const sync = await api.post("/admin/meta/catalog/sync", {}, { headers: admin, validateStatus: () => true })
  expect([202, 409]).toContain(sync.status)
}, 900_000)

afterAll(async () => {
  await topology.stopAll()
  await emulator?.close()
  const errors = topology.errors()
  if (errors.length) console.log(`Errors logged by the instances (${topology.logDir}):\n${errors.map((e) => `${e.instance}: ${e.message}`).join("\n")}`)
})

describe("the built plugin on one server and two workers (Redis event bus, workflow engine, locking, caching)", () => {
  it("50 orders placed through the store API → exactly 50 Purchases at Meta, each once", async () => {
    const store = topology.store!
    // Five shoppers at a time, each with their own email (one guest customer each).
    const placed = await inParallel(50, 5, async (i) => {
      const { cartId, headers } = await prepareCart(api, store, SHOPPER_BROWSER, `shopper-${i}@example.com`)
      const order = await completeCart(api, cartId, headers)
      return { id: order.id as string, at: Date.now() }
    })
    await waitFor(purchases, (list) => new Set(list.map((r) => r.event.event_id)).size >= 50, "50 Purchases", 120_000)
    const ids = purchases().map((r) => r.event.event_id as string)
    expect(new Set(ids)).toEqual(new Set(placed.map((o) => o.id)))
    expect(ids).toHaveLength(50)

    const latency = placed
      .map((o) => purchases().find((r) => r.event.event_id === o.id)!.receivedAt - o.at)
      .sort((a, b) => a - b)
    console.log(`order → Purchase at Meta: p50 ${latency[24]} ms, p95 ${latency[47]} ms, max ${latency[49]} ms`)

    const rows = await topology.sql(`SELECT status, attempts FROM meta_capi_event WHERE event_name = 'Purchase'`)
    expect(rows).toHaveLength(50)
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true)

    // Each order.placed was handled once on the event bus (by a worker: the server runs no event worker);
    // its job is held while the subscribers write the Purchase row, the send runs beside it.
    const seen = await topology.handledEvents("order.placed")
    expect(seen).toHaveLength(50)
    const held = seen.map((e) => e.heldMs).sort((a, b) => a - b)
    console.log(`order.placed held a worker: p50 ${held[24]} ms, p95 ${held[47]} ms`)
  })

  describe("scheduled jobs: a due time runs once, on one worker, and its work is done once", () => {
    it("every job of the plugin is scheduled once in Redis however many workers registered it, and each due time runs once", async () => {
      const jobs = pluginJobs()
      expect(jobs).toContain("meta-flush-capi-events")
      const repeatable = await topology.jobsQueue((queue) => queue.getRepeatableJobs(0, -1))
      const names = repeatable.map((r) => r.key.replace(/^schedule_job-/, "")).filter((name) => jobs.includes(name))
      expect(names.sort()).toEqual(jobs)
      for (const name of jobs) {
        const run = await topology.runScheduledJobNow(name)
        expect({ name, failed: run.failedReason ?? null, attempts: run.attemptsMade }).toEqual({ name, failed: null, attempts: 1 })
        expect([undefined, "worker-1", "worker-2"]).toContain(run.processedBy)
      }
      // Every due time so far, the minute and 5-second ones included: one run each, by one worker.
      for (const name of jobs) {
        const runs = await topology.scheduledRuns(name)
        expect(new Set(runs.map((r) => r.id)).size).toBe(runs.length)
        expect(runs.filter((r) => r.attemptsMade > 1)).toEqual([])
      }
      // The 5-second catalog worker's ticks go to both workers (BullMQ names the taker when it fetches
      // a job afresh, not when a worker takes the next job on completing one).
      const byWorker = new Set((await topology.scheduledRuns("sync-meta-catalog")).map((r) => r.processedBy).filter(Boolean))
      expect(byWorker).toEqual(new Set(["worker-1", "worker-2"]))
    })

    it("token refresh: a token close to expiry is renewed once, even when two runs overlap", async () => {
      const exchanges = () => emulator.requests({ path: "oauth/access_token" }).filter((r) => r.query.grant_type === "fb_exchange_token").length
      for (const overlap of [false, true]) {
        await topology.sql(`UPDATE meta_connection SET token_expires_at = now() + interval '2 days' WHERE deleted_at IS NULL`)
        const before = exchanges()
        const runs = overlap
          ? await topology.runScheduledJobTwiceAtOnce("meta-refresh-tokens")
          : [await topology.runScheduledJobNow("meta-refresh-tokens")]
        expect(runs.every((r) => !r.failedReason)).toBe(true)
        expect({ overlap, exchanges: exchanges() - before }).toEqual({ overlap, exchanges: 1 })
        const [connection] = await topology.sql(
          `SELECT status, token_expires_at > now() + interval '50 days' AS renewed FROM meta_connection WHERE deleted_at IS NULL`
        )
        expect(connection).toEqual({ status: "active", renewed: true })
      }
    })

    it("webhook retry: a change whose processing failed is retried once when due, even when two runs overlap", async () => {
      const lead = emulator.webhooks.createLead({ answers: { email: "retry.lead@example.com", full_name: "Rita Retry" } })
      const leadReads = () => emulator.requests({ method: "GET", path: `/${lead.id}` }).length
      // Meta is down when the worker first fetches the lead (longer than the Graph client's own retries).
      emulator.injectFault({ kind: "5xx", method: "GET", path: `/${lead.id}`, times: -1 })
      const delivered = await emulator.webhooks.deliver(`${topology.url()}/meta/webhooks`, emulator.webhooks.leadNotification(lead))
      expect(delivered.status).toBe(200)
      const [failed] = await waitFor(
        () => topology.sql(`SELECT id, status, attempts FROM meta_webhook_event WHERE payload->>'leadgen_id' = $1`, [lead.id]),
        (rows) => rows[0]?.status === "failed",
        "the first attempt failed",
        60_000
      )
      expect(failed.attempts).toBe(1)
      emulator.clearFaults()
      const readsBefore = leadReads()

      await topology.sql(`UPDATE meta_webhook_event SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [failed.id])
      const runs = await topology.runScheduledJobTwiceAtOnce("meta-retry-webhook-events")
      expect(runs.every((r) => !r.failedReason)).toBe(true)
      const [row] = await topology.sql(`SELECT status, attempts FROM meta_webhook_event WHERE id = $1`, [failed.id])
      expect(row).toEqual({ status: "processed", attempts: 2 })
      expect(leadReads() - readsBefore).toBe(1)
      const customers = await topology.sql(`SELECT id FROM customer WHERE email = 'retry.lead@example.com' AND deleted_at IS NULL`)
      expect(customers).toHaveLength(1)
    })

    it("catalog: a product created and a price edited in the admin each reach Meta once, whichever worker's tick takes them", async () => {
      const { data: channels } = await api.get("/admin/sales-channels?name=Default%20Sales%20Channel", { headers: admin })
      const created = await api.post(
        "/admin/products",
        {
          title: "Topology tee",
          handle: "topology-tee",
          status: "published",
          thumbnail: "https://cdn.example.com/topology-tee.jpg",
          images: [{ url: "https://cdn.example.com/topology-tee.jpg" }],
          options: [{ title: "Size", values: ["M"] }],
          sales_channels: [{ id: channels.sales_channels[0].id }],
          variants: [{ title: "M", sku: "TOPO-M", options: { Size: "M" }, manage_inventory: false, prices: [{ amount: 21, currency_code: "eur" }] }],
        },
        { headers: admin }
      )
      expect(created.status).toBe(200)
      const product = created.data.product
      const priceAtMeta = () => emulator.catalogItems(catalogId).find((i) => i.id === "TOPO-M")?.price
      await waitFor(priceAtMeta, (price) => price === "21 EUR", "the new product at Meta", 60_000)

      const edited = await api.post(
        `/admin/products/${product.id}/variants/${product.variants[0].id}`,
        { prices: [{ amount: 24.5, currency_code: "eur" }] },
        { headers: admin }
      )
      expect(edited.status).toBe(200)
      await waitFor(priceAtMeta, (price) => price === "24.50 EUR", "the new price at Meta", 60_000)
      // More ticks on both workers: nothing is sent again.
      await new Promise((resolve) => setTimeout(resolve, 12_000))
      const sent = itemsSent("TOPO-M")
      expect(sent.map((item) => item.data.price)).toEqual(["21 EUR", "24.50 EUR"])
    })

    it("catalog reconcile: the nightly pass reads Meta's catalog once per due time", async () => {
      const reads = () => emulator.requests({ method: "GET", path: `/${catalogId}/products` }).length
      const runsBefore = await topology.sql(`SELECT count(*)::int AS n FROM meta_catalog_run WHERE kind = 'reconcile'`)
      const before = reads()
      const run = await topology.runScheduledJobNow("reconcile-meta-catalog")
      expect(run.failedReason).toBeUndefined()
      const [after] = await topology.sql(`SELECT count(*)::int AS n FROM meta_catalog_run WHERE kind = 'reconcile'`)
      expect(after.n - runsBefore[0].n).toBe(1)
      expect(reads() - before).toBeGreaterThanOrEqual(1)
      const [reconcile] = await topology.sql(`SELECT status FROM meta_catalog_run WHERE kind = 'reconcile' ORDER BY created_at DESC LIMIT 1`)
      expect(reconcile.status).toBe("completed")
    })

    it("Conversions API flush: a due backlog goes out once, even when two runs overlap on both workers", async () => {
      const due = await capiBacklog("flush-due", 30)
      const run = await topology.runScheduledJobNow("meta-flush-capi-events")
      expect(run).toMatchObject({ attemptsMade: 1, failedReason: undefined })
      expect([...deliveries(due).values()]).toEqual(due.map(() => 1))

      // Two runs at once (a run outlasting its minute, the next starting on the other worker), 2,500 rows:
      // the rows are claimed in PostgreSQL (FOR UPDATE SKIP LOCKED), each goes out once.
      const overlapping = await capiBacklog("flush-overlap", 2500)
      const runs = await topology.runScheduledJobTwiceAtOnce("meta-flush-capi-events")
      expect(runs.every((r) => !r.failedReason)).toBe(true)
      const counts = deliveries(overlapping)
      expect(counts.size).toBe(2500)
      expect([...counts.values()].every((n) => n === 1)).toBe(true)
      const [pending] = await topology.sql(`SELECT count(*)::int AS n FROM meta_capi_event WHERE status <> 'sent'`)
      expect(pending.n).toBe(0)
    })
  })

  it("300 signed webhook deliveries with Meta's duplicates, at once: the server stores each change once, the workers act on it once", async () => {
    const leads = Array.from({ length: 150 }, (_, i) =>
      emulator.webhooks.createLead({ answers: { email: `burst-lead-${i}@example.com`, full_name: `Burst Lead ${i}` } })
    )
    // Every lead delivered twice, in an order that puts some duplicates side by side and others far apart.
    const envelopes = [...leads, ...leads].map((lead) => emulator.webhooks.leadNotification(lead))
    for (let i = envelopes.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1)
      ;[envelopes[i], envelopes[j]] = [envelopes[j], envelopes[i]]
    }
    const results = await emulator.webhooks.burst(`${topology.url()}/meta/webhooks`, envelopes)
    expect(results.map((r) => r.status)).toEqual(envelopes.map(() => 200))
    expect(results.reduce((n, r) => n + JSON.parse(r.body).stored, 0)).toBe(150)

    const ids = leads.map((lead) => lead.id)
    const rows = await waitFor(
      () =>
        topology.sql(`SELECT status, attempts, outcome FROM meta_webhook_event WHERE payload->>'leadgen_id' = ANY($1)`, [ids]),
      (list) => list.length === 150 && list.every((r) => r.status === "processed"),
      "150 changes processed",
      120_000
    )
    expect(rows.every((r) => r.attempts === 1 && r.outcome === "customer created from lead")).toBe(true)
    const reads = new Map<string, number>()
    for (const r of emulator.requests({ method: "GET" })) {
      const id = r.path.split("/").pop()!
      if (ids.includes(id)) reads.set(id, (reads.get(id) ?? 0) + 1)
    }
    expect(reads.size).toBe(150)
    expect([...reads.values()].every((n) => n === 1)).toBe(true)
    const [customers] = await topology.sql(
      `SELECT count(*)::int AS n, count(DISTINCT email)::int AS distinct_emails FROM customer WHERE email LIKE 'burst-lead-%' AND deleted_at IS NULL`
    )
    expect(customers).toEqual({ n: 150, distinct_emails: 150 })
  })

  describe("two servers", () => {
    beforeAll(() => topology.start("server-2"), 300_000)
    afterAll(() => topology.stop("server-2"))

    it("the API usage shown on any server includes the calls every process made (a fresh server shows the workers' figures)", async () => {
      const pids = (["server", "worker-1", "worker-2"] as const).map((name) => topology.instances[name].child?.pid)
      const rows = await waitFor(
        () => topology.sql<{ process_key: string }>(`SELECT process_key FROM meta_api_usage WHERE deleted_at IS NULL`),
        (list) => list.some((r) => r.process_key.endsWith(`:${pids[1]}`) || r.process_key.endsWith(`:${pids[2]}`)),
        "a worker's usage reading",
        60_000
      )
      expect(new Set(rows.map((r) => r.process_key)).size).toBeGreaterThanOrEqual(2)
      // server-2 has made no Graph call of its own: what it shows came from the others' readings.
      const { data } = await axios.get(`${topology.url("server-2")}/admin/meta/connection`, { headers: admin })
      const usage = data.connection.api_usage
      expect(rows.some((r) => r.process_key.endsWith(`:${topology.instances["server-2"].child?.pid}`))).toBe(false)
      expect(usage.app !== null || usage.objects.length > 0).toBe(true)
    })

    it("the store's event limit holds across servers: a client gets 60 events a minute in all, whichever server answers", async () => {
      const post = (base: string, i: number, ip: string) =>
        axios.post(
          `${base}/store/meta/events`,
          { event_name: "ViewContent", event_id: `limit-${ip}-${i}`, event_source_url: "https://shop.example.com/p/tee" },
          { headers: { "x-publishable-api-key": topology.store!.publishableKey, "user-agent": SHOPPER_BROWSER["user-agent"], "x-forwarded-for": ip }, validateStatus: () => true }
        )
      const statuses: number[] = []
      let refused: Awaited<ReturnType<typeof post>> | undefined
      for (let i = 0; i < 70; i++) {
        const res = await post(i % 2 ? topology.url("server-2") : topology.url("server"), i, "198.51.100.77")
        statuses.push(res.status)
        if (res.status === 429) refused = res
      }
      expect(statuses.slice(0, 60)).toEqual(Array(60).fill(202))
      expect(statuses.slice(60)).toEqual(Array(10).fill(429))
      expect(Number(refused!.headers["retry-after"])).toBeGreaterThan(0)
      expect(refused!.data.message).toContain("Too many events")
      // another client is counted on its own
      expect((await post(topology.url("server-2"), 0, "198.51.100.78")).status).toBe(202)
    })
  })

  describe("a worker dies", () => {
    it("a worker killed (SIGKILL) in the middle of a backlog flush: the other finishes, nothing lost, nothing sent twice", async () => {
      const ids = await capiBacklog("crash", 12_000)
      // Meta takes 1.5 s per request, so the flush is well under way when its worker dies.
      emulator.injectFault({ kind: "timeout", method: "POST", path: "/events", delayMs: 1500, times: -1 })
      const eventRequests = () => emulator.requests({ method: "POST", path: "/events" })
      const before = eventRequests().length
      const id = await topology.jobsQueue(async (queue) => {
        const next = (await queue.getDelayed()).find((job) => job.data?.jobId === "job-meta-flush-capi-events")
        await next!.promote()
        return next!.id!
      })
      // Three requests answered and the fourth held at Meta: the worker dies mid-request.
      await waitFor(eventRequests, (list) => list.length - before >= 4 && list[list.length - 1].status === undefined, "the flush under way", 60_000)
      // The worker whose request Meta is holding (the emulator records the caller's port), else the one
      // BullMQ says took the run.
      const held = eventRequests().filter((r) => r.status === undefined).pop()
      const victim =
        topology.instanceOfClientPort(held?.clientPort) ??
        (await topology.jobsQueue(async (queue) => (await queue.getJob(id))?.processedBy))
      expect(["worker-1", "worker-2"]).toContain(victim)
      await topology.kill(victim as "worker-1" | "worker-2")
      emulator.clearFaults()
      const sentBeforeCrash = deliveries(ids).size
      expect(sentBeforeCrash).toBeGreaterThanOrEqual(3000)
      expect(sentBeforeCrash).toBeLessThan(12_000)

      // The survivor: the rows the dead worker had claimed wait for their lease (60 s); everything else, and
      // then those, go out on the next runs — promoted here so the test doesn't wait for the minute.
      const survivor = victim === "worker-1" ? "worker-2" : "worker-1"
      await waitFor(
        async () => {
          const [left] = await topology.sql(`SELECT count(*)::int AS n, bool_or(next_attempt_at <= now()) AS due FROM meta_capi_event WHERE status = 'pending'`)
          if (left.n > 0 && left.due) await topology.runScheduledJobNow("meta-flush-capi-events")
          return left.n
        },
        (n) => n === 0,
        "every backlog row sent",
        240_000
      )
      const counts = deliveries(ids)
      expect(counts.size).toBe(12_000)
      expect([...counts.values()].filter((n) => n > 1)).toEqual([])
      const runs = await topology.scheduledRuns("meta-flush-capi-events")
      expect(runs.filter((r) => r.finishedOn && r.processedBy === survivor).length).toBeGreaterThan(0)

      // Started again, the killed worker takes its share of the work once more.
      await topology.start(victim as "worker-1" | "worker-2")
      expect(topology.isRunning(victim as "worker-1" | "worker-2")).toBe(true)
    })

    it("a worker killed (SIGKILL) in the middle of a catalog full sync: the other finishes it, every variant reaches Meta once", async () => {
      // 6,000 variants written behind Medusa's back (an import, say): only a full sync finds them.
      const [{ channel, currency }] = await topology.sql(
        `SELECT s.default_sales_channel_id AS channel, c.currency_code AS currency
           FROM store s JOIN store_currency c ON c.store_id = s.id AND c.is_default AND c.deleted_at IS NULL WHERE s.deleted_at IS NULL`
      )
      const count = 6000
      const skus = Array.from({ length: count }, (_, i) => `FULL-${String(i + 1).padStart(5, "0")}`)
      const statements: [string, unknown[]][] = [
        [
          `INSERT INTO product (id, title, handle, status, is_giftcard, discountable, thumbnail)
             SELECT 'prod_full_' || g, 'Full sync tee ' || g, 'full-sync-tee-' || g, 'published', false, true, 'https://cdn.example.com/full.jpg'
               FROM generate_series(1, $1::int) g`,
          [count],
        ],
        [
          `INSERT INTO product_sales_channel (id, product_id, sales_channel_id)
             SELECT 'prodsc_full_' || g, 'prod_full_' || g, $2::text FROM generate_series(1, $1::int) g`,
          [count, channel],
        ],
        [
          `INSERT INTO product_variant (id, title, sku, product_id, manage_inventory, allow_backorder, variant_rank)
             SELECT 'variant_full_' || g, 'One size', 'FULL-' || lpad(g::text, 5, '0'), 'prod_full_' || g, false, false, 0
               FROM generate_series(1, $1::int) g`,
          [count],
        ],
        [`INSERT INTO price_set (id) SELECT 'pset_full_' || g FROM generate_series(1, $1::int) g`, [count]],
        [
          `INSERT INTO product_variant_price_set (id, variant_id, price_set_id)
             SELECT 'pvps_full_' || g, 'variant_full_' || g, 'pset_full_' || g FROM generate_series(1, $1::int) g`,
          [count],
        ],
        [
          `INSERT INTO price (id, price_set_id, currency_code, amount, raw_amount, rules_count)
             SELECT 'price_full_' || g, 'pset_full_' || g, $2::text, 15, '{"value":"15","precision":20}'::jsonb, 0
               FROM generate_series(1, $1::int) g`,
          [count, currency],
        ],
      ]
      for (const [sql, params] of statements) await topology.sql(sql, params)
      const batchCalls = () => emulator.requests({ method: "POST", path: /items_batch/ })
      const before = batchCalls().length
      // Meta holds the first items_batch call for 8 s: its worker dies while waiting for the answer.
      emulator.injectFault({ kind: "timeout", method: "POST", path: "items_batch", delayMs: 8000, times: 1 })
      const sync = await api.post("/admin/meta/catalog/sync", {}, { headers: admin })
      expect(sync.status).toBe(202)
      const [held] = await waitFor(
        () => batchCalls().slice(before).filter((r) => r.status === undefined),
        (list) => list.length === 1,
        "an items_batch call held at Meta",
        120_000
      )
      const victim = topology.instanceOfClientPort(held.clientPort)
      expect(["worker-1", "worker-2"]).toContain(victim)
      await topology.kill(victim!)
      emulator.clearFaults()

      // Its items stay claimed until the claim is 10 minutes old (then any worker's tick takes them
      // back): age the claim instead of waiting ten minutes.
      const heldSkus = batchItemsOf(held).map((r) => r.data.id)
      expect(heldSkus.length).toBeGreaterThan(0)
      await topology.sql(
        `UPDATE meta_catalog_item i SET claimed_at = now() - interval '11 minutes'
           FROM product_variant v WHERE v.id = i.variant_id AND v.sku = ANY($1) AND i.batch_id IS NOT NULL`,
        [heldSkus]
      )
      await waitFor(
        async () => (await api.get("/admin/meta/catalog", { headers: admin })).data.catalog.full_sync?.status,
        (status) => status === "completed",
        "the full sync completed",
        240_000
      )
      await waitFor(
        () => emulator.catalogItems(catalogId).filter((i) => i.id.startsWith("FULL-")).length,
        (n) => n === count,
        "every variant in Meta's catalog",
        120_000
      )
      // Sent once each: the call Meta never answered did not count, the rest carried each variant once.
      const sends = new Map<string, number>()
      for (const call of batchCalls().slice(before).filter((r) => r.status !== undefined)) {
        for (const item of batchItemsOf(call)) {
          if (item.data.id.startsWith("FULL-")) sends.set(item.data.id, (sends.get(item.data.id) ?? 0) + 1)
        }
      }
      expect(sends.size).toBe(count)
      expect([...sends.entries()].filter(([, n]) => n !== 1)).toEqual([])
      expect(new Set(skus)).toEqual(new Set(sends.keys()))

      await topology.start(victim!)
    })
  })

  describe("the server dies", () => {
    it("a server killed (SIGKILL) right after answering Meta 200 loses no change: after a restart each is processed once", async () => {
      // The workers are down, so nothing takes the changes before the server dies.
      await Promise.all([topology.stop("worker-1"), topology.stop("worker-2")])
      const leads = Array.from({ length: 20 }, (_, i) =>
        emulator.webhooks.createLead({ answers: { email: `restart-lead-${i}@example.com`, full_name: `Restart Lead ${i}` } })
      )
      const results = await emulator.webhooks.burst(`${topology.url()}/meta/webhooks`, leads.map((lead) => emulator.webhooks.leadNotification(lead)))
      expect(results.map((r) => r.status)).toEqual(leads.map(() => 200))
      await topology.kill("server")
      // The worst moment to die: after the 200, before the hand-over to the event bus (its queued events
      // are removed, as if the server had never emitted them). The rows in PostgreSQL are all that is left.
      const removed = await topology.removeQueuedEvents("meta.webhook_events.received")
      expect(removed).toBeGreaterThan(0)
      const ids = leads.map((lead) => lead.id)
      const stored = await topology.sql(`SELECT status FROM meta_webhook_event WHERE payload->>'leadgen_id' = ANY($1)`, [ids])
      expect(stored.map((r) => r.status)).toEqual(ids.map(() => "received"))
      // The retry job takes a change never handed over once it is a minute old: age them instead of waiting.
      await topology.sql(`UPDATE meta_webhook_event SET created_at = created_at - interval '2 minutes' WHERE payload->>'leadgen_id' = ANY($1)`, [ids])

      await topology.startAll()
      await topology.runScheduledJobNow("meta-retry-webhook-events")
      const rows = await waitFor(
        () => topology.sql(`SELECT status, attempts, outcome FROM meta_webhook_event WHERE payload->>'leadgen_id' = ANY($1)`, [ids]),
        (list) => list.every((r) => r.status === "processed"),
        "20 changes processed after the restart",
        120_000
      )
      expect(rows.every((r) => r.attempts === 1 && r.outcome === "customer created from lead")).toBe(true)
      const reads = emulator.requests({ method: "GET" }).filter((r) => ids.includes(r.path.split("/").pop()!))
      expect(reads.length).toBe(20)
      const [customers] = await topology.sql(
        `SELECT count(*)::int AS n, count(DISTINCT email)::int AS distinct_emails FROM customer WHERE email LIKE 'restart-lead-%' AND deleted_at IS NULL`
      )
      expect(customers).toEqual({ n: 20, distinct_emails: 20 })
    })
  })
})
