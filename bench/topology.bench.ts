/**
 * `npm run bench -- topology`: the production topology of issue 12 — the built plugin on one server and two
 * workers (Redis event bus, workflow engine, locking, caching), integration-tests/topology/harness.ts — side
 * by side, in the same run, with the same app started as ONE instance (`MEDUSA_WORKER_MODE=shared`, the
 * single-process store) and, for the checkout baseline, that one instance without the plugin.
 *
 * (a) 1,000 orders at 50/s through the store API on each store: carts prepared untimed, then
 *     `POST /store/carts/:id/complete` open-loop (each at its scheduled time, whatever earlier answers did).
 *     Targets: 1,000 distinct Purchases at the emulator, none twice; order → Meta p95 < 2 s; the plugin
 *     adds < 5 ms at p95 to checkout.
 * (b) 300 signed webhook deliveries/s for 10 s against the topology's server (open loop): p99 < 50 ms,
 *     every change stored and processed once (leads → customers once).
 * (c) a 100,000-variant full sync done by the two workers: items_batch calls = ceil(n/5000), no item sent
 *     twice, peak RSS of every process < 400 MB (VmRSS of each instance's process group every 100 ms).
 *
 * Ports 9400–9404 and emulator port 9990, databases meta_bench_{topology,single,bare}, Redis dbs 11–13
 * (the topology tests use 9300–9303, 9890, meta_topology, Redis db 9). BENCH_TOPOLOGY_PARTS=ab (any of a, b,
 * c), BENCH_TOPOLOGY_ORDERS and BENCH_TOPOLOGY_VARIANTS make a partial run, which prints its figures instead
 * of recording them; TOPOLOGY_REUSE_BUILD=true reuses the last `medusa build` of the topology app (local
 * iteration).
 */
import { spawnSync } from "node:child_process"
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import path from "node:path"
import axios, { type AxiosInstance } from "axios"
import { Agent, request } from "undici"
import { startGraphEmulator, type GraphEmulator, type RecordedRequest, type WebhookEnvelope } from "../src/emulator"
import { answerConsent } from "../integration-tests/helpers/consent"
import { TEST_APP_ID, TEST_APP_SECRET, waitFor } from "../integration-tests/helpers/meta-env"
import { SHOPPER_BROWSER } from "../integration-tests/helpers/shopper"
import { prepareCart } from "../integration-tests/helpers/store-setup"
import { ADMIN, Topology, type InstanceName } from "../integration-tests/topology/harness"
import { sleep } from "./lib/harness"
import { percentile, recordBenchmark, type Row } from "./lib/record"

const ORDERS = Number(process.env.BENCH_TOPOLOGY_ORDERS ?? 1000)
const ORDER_RATE = 50
/** Orders on the single-process stores, with and without the plugin: enough for their checkout p95 at the same rate. */
const COMPARISON_ORDERS = Number(process.env.BENCH_TOPOLOGY_COMPARISON_ORDERS ?? 200)
const ORDER_WARMUP = 20
const CART_PREPARERS = 3
const WEBHOOK_RATE = 300
const WEBHOOK_SECONDS = 10
const VARIANTS = Number(process.env.BENCH_TOPOLOGY_VARIANTS ?? 100_000)
const VARIANTS_PER_PRODUCT = 4
/** Meta's limit: ≤5,000 requests per items_batch call. */
const ITEMS_PER_BATCH = 5000
const RSS_TARGET_BYTES = 400 * 2 ** 20
const PARTS = process.env.BENCH_TOPOLOGY_PARTS ?? "abc"
const EMULATOR_PORT = 9990
const PIXEL = "60001"
const root = path.join(__dirname, "..")
const cli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const graphApiUrl = `http://127.0.0.1:${EMULATOR_PORT}`

const topology = new Topology({
  database: "meta_bench_topology",
  redisDb: 11,
  graphApiUrl,
  ports: { server: 9400, "worker-1": 9401, "worker-2": 9402 },
})
const single = new Topology({ database: "meta_bench_single", redisDb: 12, graphApiUrl, ports: { server: 9403 }, workerModes: { server: "shared" } })
const bare = new Topology({
  database: "meta_bench_bare",
  redisDb: 13,
  graphApiUrl,
  ports: { server: 9404 },
  workerModes: { server: "shared" },
  env: { TOPOLOGY_WITHOUT_PLUGIN: "true" },
})

type Store = { name: string; topology: Topology; instances: InstanceName[]; plugin: boolean; api: AxiosInstance; admin?: Record<string, string>; catalogId?: string }

const storeOf = (name: string, of: Topology, instances: InstanceName[], plugin: boolean): Store => ({
  name,
  topology: of,
  instances,
  plugin,
  api: axios.create({ baseURL: of.url("server") }),
})
const stores = [
  storeOf("topology", topology, ["server", "worker-1", "worker-2"], true),
  storeOf("single process", single, ["server"], true),
  storeOf("without the plugin", bare, ["server"], false),
]
const [topo, one, none] = stores

type Part = { rows: Row[]; notes: string[]; met: boolean }

const fmt = (ms: number) => `${ms.toFixed(1)} ms`
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const p50p95 = (xs: number[]) => `${fmt(percentile(xs, 50))} / ${fmt(percentile(xs, 95))}`
const MB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

/** `medusa plugin:build` when a source file is newer than the build (the topology harness packs the build). */
function buildPluginIfStale(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      if (entry.name === "__tests__") return max
      const full = path.join(dir, entry.name)
      return Math.max(max, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
    }, 0)
  const marker = path.join(root, ".medusa/server/src/modules/meta/service.js")
  let builtAt = 0
  try {
    builtAt = statSync(marker).mtimeMs
  } catch {
    // never built
  }
  if (builtAt > newest(path.join(root, "src"))) return
  console.log("[bench] the plugin's build is stale: medusa plugin:build…")
  const built = spawnSync(process.execPath, [cli, "plugin:build"], { cwd: root, encoding: "utf8", timeout: 300_000 })
  if (built.status !== 0) throw new Error(`medusa plugin:build failed:\n${built.stdout}\n${built.stderr}`)
}

/**
 * Peak VmRSS of every process of every running instance (its process group: `medusa start` and anything
 * it forked; worker threads are inside their process), read from /proc every 100 ms, per phase.
 */
class RssSampler {
  private timer?: NodeJS.Timeout
  phase = "boot"
  /** phase → "store/instance" → peak bytes of its largest process, and of the group together. */
  readonly peaks = new Map<string, Map<string, { process: number; group: number }>>()
  /** phase → "store/instance" → CPU seconds (user + system) of its group at the first and last sample of the phase. */
  readonly cpu = new Map<string, Map<string, { first: number; last: number }>>()

  /** CPU seconds each instance used during a phase. */
  cpuSeconds(phase: string): Map<string, number> {
    return new Map([...(this.cpu.get(phase) ?? new Map()).entries()].map(([label, c]) => [label, c.last - c.first]))
  }

  start(): void {
    this.timer = setInterval(() => this.sample(), 100)
  }

  stop(): void {
    clearInterval(this.timer)
  }

  private sample(): void {
    const groups = new Map<number, string>()
    for (const store of stores) {
      for (const name of store.instances) {
        const pid = store.topology.instances[name].child?.pid
        if (pid && store.topology.isRunning(name)) groups.set(pid, `${store.name}/${name}`)
      }
    }
    const byGroup = new Map<string, number[]>()
    const cpuByGroup = new Map<string, number>()
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
        const label = groups.get(Number(fields[2]))
        if (!label) continue
        // utime + stime in clock ticks (USER_HZ = 100 on Linux).
        cpuByGroup.set(label, (cpuByGroup.get(label) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100)
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))
        if (rss) byGroup.set(label, [...(byGroup.get(label) ?? []), Number(rss[1]) * 1024])
      } catch {
        // exited meanwhile
      }
    }
    const phase = this.peaks.get(this.phase) ?? new Map()
    this.peaks.set(this.phase, phase)
    const cpu = this.cpu.get(this.phase) ?? new Map()
    this.cpu.set(this.phase, cpu)
    for (const [label, seconds] of cpuByGroup) cpu.set(label, { first: cpu.get(label)?.first ?? seconds, last: seconds })
    for (const [label, values] of byGroup) {
      const seen = phase.get(label) ?? { process: 0, group: 0 }
      phase.set(label, { process: Math.max(seen.process, ...values), group: Math.max(seen.group, values.reduce((a, b) => a + b, 0)) })
    }
  }
}

/** Connected as a merchant does it (the emulator's OAuth consent), the pixel chosen, "Sync now" pressed. */
async function connectMeta(store: Store): Promise<void> {
  const { data } = await store.api.post("/auth/user/emailpass", ADMIN)
  store.admin = { authorization: `Bearer ${data.token}` }
  const started = await store.api.post("/admin/meta/oauth/authorize", {}, { headers: store.admin })
  const back = await answerConsent(started.data.url)
  const callback = await store.api.get(`/meta/oauth/callback${back.search}`, { maxRedirects: 0, validateStatus: () => true })
  if (callback.status !== 302) throw new Error(`${store.name}: OAuth callback answered ${callback.status}`)
  await store.api.post("/admin/meta/connection/assets", { pixel_id: PIXEL }, { headers: store.admin })
  const { data: connection } = await store.api.get("/admin/meta/connection", { headers: store.admin })
  if (connection.connection?.status !== "active") throw new Error(`${store.name}: connection ${connection.connection?.status}`)
  store.catalogId = connection.connection.selected.catalog_id
  await store.api.post("/admin/meta/catalog/sync", {}, { headers: store.admin, validateStatus: (s) => s === 202 || s === 409 })
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

/** Sends `count` requests open-loop at `rate` per second: request i at t0 + i / rate, whatever earlier answers did. */
async function openLoop<T>(count: number, rate: number, send: (i: number) => Promise<T>): Promise<{ results: T[]; seconds: number }> {
  const t0 = performance.now()
  const results = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const wait = t0 + (i * 1000) / rate - performance.now()
      if (wait > 0) await sleep(wait)
      return send(i)
    })
  )
  return { results, seconds: (performance.now() - t0) / 1000 }
}

type Checkout = { ms: number; status: number; orderId?: string; createdAt?: number; answeredAt: number }

async function complete(dispatcher: Agent, store: Store, cart: PreparedCart): Promise<Checkout> {
  const started = performance.now()
  try {
    const res = await request(`${store.topology.url("server")}/store/carts/${cart.cartId}/complete`, {
      method: "POST",
      dispatcher,
      headers: { "content-type": "application/json", ...cart.headers },
      body: "{}",
    })
    const text = await res.body.text()
    const ms = performance.now() - started
    const answeredAt = Date.now()
    const data = res.statusCode === 200 ? JSON.parse(text) : undefined
    if (data?.type !== "order") return { ms, status: res.statusCode === 200 ? -1 : res.statusCode, answeredAt }
    return { ms, status: 200, orderId: data.order.id, createdAt: Date.parse(data.order.created_at), answeredAt }
  } catch {
    return { ms: NaN, status: 0, answeredAt: Date.now() }
  }
}

type PreparedCart = { cartId: string; headers: Record<string, string> }

/**
 * A cart ready to complete, in four store API calls: created with its line item, email and addresses in
 * one, then the shipping method (the option looked up once per store), payment collection and payment
 * session. integration-tests/helpers/store-setup.ts prepareCart makes the same cart in seven, which on this
 * machine would take most of the run for 1,500 carts.
 */
async function prepareCarts(store: Store, count: number, concurrency: number): Promise<PreparedCart[]> {
  const seeded = store.topology.store!
  const headers = { "x-publishable-api-key": seeded.publishableKey, ...SHOPPER_BROWSER }
  const address = { first_name: "Zoë", last_name: "D'Arcy", address_1: "Hauptstraße 1", city: "Köln", postal_code: "50667", country_code: "de", phone: "0221 123456" }
  const first = await prepareCart(store.api, seeded, SHOPPER_BROWSER, "bench-shopper-0@example.com")
  const { data } = await store.api.get(`/store/shipping-options?cart_id=${first.cartId}`, { headers })
  const optionId = data.shipping_options[0].id
  const rest = await inParallel(count - 1, concurrency, async (i) => {
    const { data: { cart } } = await store.api.post(
      "/store/carts",
      { region_id: seeded.regionId, email: `bench-shopper-${i + 1}@example.com`, shipping_address: address, billing_address: address, items: [{ variant_id: seeded.variantId, quantity: 2 }] },
      { headers }
    )
    await store.api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }, { headers })
    const { data: { payment_collection } } = await store.api.post("/store/payment-collections", { cart_id: cart.id }, { headers })
    await store.api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
    return { cartId: cart.id as string, headers }
  })
  return [first, ...rest]
}

/** (a) on one store: carts prepared untimed, warm-up, then ORDERS checkouts at ORDER_RATE/s; Purchases awaited. */
async function ordersOn(store: Store, carts: PreparedCart[], emulator: GraphEmulator, dispatcher: Agent) {
  for (const cart of carts.slice(0, ORDER_WARMUP)) await complete(dispatcher, store, cart)
  await sleep(3000)
  const count = carts.length - ORDER_WARMUP
  console.log(`[bench] (a) ${store.name}: ${count} checkouts at ${ORDER_RATE}/s…`)
  sampler.phase = `orders: ${store.name}`
  const { results, seconds } = await openLoop(count, ORDER_RATE, (i) => complete(dispatcher, store, carts[ORDER_WARMUP + i]))
  sampler.phase = `orders after: ${store.name}`
  const statuses = new Map<string, number>()
  for (const r of results.filter((r) => r.status !== 200)) {
    const key = r.status === 0 ? "network error" : r.status === -1 ? "200 without an order" : String(r.status)
    statuses.set(key, (statuses.get(key) ?? 0) + 1)
  }
  const placed = results.filter((r) => r.orderId)
  const ids = new Set(placed.map((r) => r.orderId!))
  const received = () => emulator.receivedEvents(PIXEL).filter((r) => r.event.event_name === "Purchase" && ids.has(r.event.event_id as string))
  let delivered = store.plugin ? received() : []
  if (store.plugin) {
    try {
      await waitFor(() => new Set(received().map((r) => r.event.event_id)).size, (n) => n >= ids.size, `${store.name}: ${ids.size} Purchases`, 120_000)
    } catch {
      // reported below with what arrived
    }
    // A little longer: a Purchase sent twice would arrive now.
    await sleep(3000)
    delivered = received()
  }
  const firstArrival = new Map<string, number>()
  for (const r of delivered) if (!firstArrival.has(r.event.event_id as string)) firstArrival.set(r.event.event_id as string, r.receivedAt)
  const answered = results.filter((r) => !Number.isNaN(r.ms))
  const busySeconds = (Math.max(...answered.map((r) => r.answeredAt)) - Math.min(...answered.map((r) => r.answeredAt - r.ms))) / 1000
  return {
    count,
    seconds,
    /** Checkouts the store completed per second, from the first one sent to the last answer. */
    throughput: placed.length / busySeconds,
    checkout: sorted(results.filter((r) => r.status === 200).map((r) => r.ms)),
    failed: [...statuses.entries()].map(([status, n]) => `${status}: ${n}`).join(", "),
    cpu: cpuOf(`orders: ${store.name}`, store),
    placed: placed.length,
    purchases: delivered.length,
    distinct: firstArrival.size,
    fromCreated: sorted(placed.filter((r) => firstArrival.has(r.orderId!)).map((r) => firstArrival.get(r.orderId!)! - r.createdAt!)),
    fromAnswer: sorted(placed.filter((r) => firstArrival.has(r.orderId!)).map((r) => firstArrival.get(r.orderId!)! - r.answeredAt)),
  }
}

async function orders(emulator: GraphEmulator): Promise<Part> {
  const counts = stores.map((s) => (s === topo ? ORDERS : COMPARISON_ORDERS) + ORDER_WARMUP)
  console.log(`[bench] (a) preparing ${counts.join(" / ")} carts (untimed)…`)
  const started = performance.now()
  const carts = await Promise.all(stores.map((s, i) => prepareCarts(s, counts[i], CART_PREPARERS)))
  const prepareSeconds = (performance.now() - started) / 1000
  const dispatcher = new Agent({ connections: 256, keepAliveTimeout: 30_000 })
  const results: Awaited<ReturnType<typeof ordersOn>>[] = []
  try {
    for (const [i, store] of stores.entries()) results.push(await ordersOn(store, carts[i], emulator, dispatcher))
  } finally {
    await dispatcher.close()
  }
  const [t, s, b] = results
  const addedTopology = percentile(t.checkout, 95) - percentile(b.checkout, 95)
  const addedSingle = percentile(s.checkout, 95) - percentile(b.checkout, 95)
  const purchasesMet = (r: (typeof results)[number]) => r.placed === r.count && r.distinct === r.count && r.purchases === r.count
  const latencyMet = (r: (typeof results)[number]) => r.distinct === r.placed && percentile(r.fromCreated, 95) < 2000
  const [{ sent, once }] = await topology.sql<{ sent: number; once: number }>(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'sent' AND attempts = 1)::int AS once
       FROM meta_capi_event WHERE event_name = 'Purchase'`
  )
  const rows: Row[] = [
    {
      metric: "(a) checkouts answered with an order: topology / single process / without the plugin",
      value: `${t.placed} of ${t.count} / ${s.placed} of ${s.count} / ${b.placed} of ${b.count} (the last answered ${t.seconds.toFixed(1)} / ${s.seconds.toFixed(1)} / ${b.seconds.toFixed(1)} s after the first was sent)`,
      target: "all",
      met: [t, s, b].every((r) => r.placed === r.count),
    },
    {
      metric: "(a) checkouts completed per second (first sent → last answered): topology / single process / without the plugin",
      value: [t, s, b].map((r) => r.throughput.toFixed(1)).join(" / "),
      target: `${ORDER_RATE} (the rate sent)`,
      met: [t, s, b].every((r) => r.throughput >= ORDER_RATE * 0.95),
    },
    ...results.flatMap((r, i) => (r.failed ? [{ metric: `(a) ${stores[i].name}: checkouts not answered with an order`, value: r.failed }] : [])),
    ...[t, s, b].map((r, i) => ({ metric: `(a) ${stores[i].name}: CPU used from its first checkout to its last answer (${r.seconds.toFixed(0)} s, 2 cores)`, value: r.cpu })),
    {
      metric: "(a) topology: Purchases at the emulator for its orders",
      value: `${t.purchases} events, ${t.distinct} distinct (outbox: ${sent} sent, ${once} on the first attempt, warm-up included)`,
      target: `${t.count}, none twice`,
      met: purchasesMet(t),
    },
    {
      metric: "(a) topology: order created → Purchase at Meta, p50 / p95 (from the checkout's answer)",
      value: `${p50p95(t.fromCreated)} (${p50p95(t.fromAnswer)})`,
      target: "p95 < 2 s",
      met: latencyMet(t),
    },
    { metric: "(a) single process: Purchases at the emulator for its orders", value: `${s.purchases} events, ${s.distinct} distinct`, target: `${s.count}, none twice`, met: purchasesMet(s) },
    {
      metric: "(a) single process: order created → Purchase at Meta, p50 / p95 (from the checkout's answer)",
      value: `${p50p95(s.fromCreated)} (${p50p95(s.fromAnswer)})`,
      target: "p95 < 2 s",
      met: latencyMet(s),
    },
    { metric: "(a) checkout p50 / p95: topology (server of server + 2 workers)", value: p50p95(t.checkout) },
    { metric: "(a) checkout p50 / p95: single process with the plugin", value: p50p95(s.checkout) },
    { metric: "(a) checkout p50 / p95: single process without the plugin", value: p50p95(b.checkout) },
    { metric: "(a) p95 added by the plugin, single process (with − without)", value: fmt(addedSingle), target: "< 5 ms", met: addedSingle < 5 },
    { metric: "(a) p95 added by the plugin, topology (topology's server − the store without it)", value: fmt(addedTopology), target: "< 5 ms", met: addedTopology < 5 },
  ]
  return {
    met: purchasesMet(t) && latencyMet(t) && purchasesMet(s) && latencyMet(s) && addedSingle < 5 && addedTopology < 5 && [t, s, b].every((r) => r.placed === r.count),
    rows,
    notes: [
      `(a) Stores, all from one \`medusa build\` of integration-tests/topology/app (the packed plugin installed by name, Redis event bus, workflow engine, locking and caching, NODE_ENV=production), each on its own PostgreSQL database and Redis database: "topology" = one server (admin on) + two workers (\`MEDUSA_WORKER_MODE\`), the checkouts sent to the server; "single process" = the same app as one instance in \`shared\` mode; "without the plugin" = that one instance with the plugin left out of medusa-config (TOPOLOGY_WITHOUT_PLUGIN=true). The topology has no bare twin (it would need more processes and ports than this run has): its "added" row compares its server with the bare single instance, so it folds in the topology's own difference (a server that runs no subscribers or jobs; workers on the same two cores).`,
      `(a) Carts prepared untimed through the store API, all three stores at once (${prepareSeconds.toFixed(0)} s): one line item (2 units), email (a distinct guest each), addresses, shipping method, payment session. Then ${ORDER_WARMUP} checkouts as warm-up per store and \`POST /store/carts/:id/complete\` open-loop at ${ORDER_RATE}/s, one store at a time — ${ORDERS} on the topology, ${COMPARISON_ORDERS} on each single-process store (what their checkout p95 needs; preparing carts is the slow part of this run at ~2–4 carts/s on this machine) — each store's Purchases awaited before the next starts. Checkout time is client-side on loopback (undici, keep-alive).`,
      `(a) Capacity: the rate sent is ${ORDER_RATE}/s, the stores completed ${[t, s, b].map((r) => r.throughput.toFixed(1)).join(" / ")} checkouts/s on this machine (row above; Medusa's checkout workflow and PostgreSQL share the two cores with the workers, the emulator and the load generator). Where that is below ${ORDER_RATE}/s the checkouts queue in the server, so the checkout times and order → Meta times mostly measure that queue (longer for the 1,000 orders of the topology than for the 200 of the others), and the "added by the plugin" rows are differences of queue lengths, not the plugin's cost per checkout; the single-process pair (same count, same rate) shows what the plugin's own work in that process costs in throughput.`,
      "(a) Order → Meta: from the order's created_at (set before order.placed is emitted, so an upper bound) — and, in brackets, from the moment the checkout's answer arrived — to the emulator receiving the Purchase (negative from the answer: the Purchase reached Meta before the checkout's answer reached the shopper); every Purchase counted by event_id (= order id), 3 s more waited after the last one for any sent twice.",
    ],
  }
}

/** (b) 300 deliveries/s for 10 s against a store's server: 1,500 leads, each delivered twice (Meta's duplicates). */
async function webhooks(emulator: GraphEmulator, store: Store): Promise<Part> {
  const total = WEBHOOK_RATE * WEBHOOK_SECONDS
  const tag = store === topo ? "topo" : "single"
  const leads = Array.from({ length: total / 2 }, (_, i) =>
    emulator.webhooks.createLead({ answers: { email: `bench-${tag}-lead-${i}@example.com`, full_name: `Bench Lead ${i}` } })
  )
  const envelopes = [...leads, ...leads].map((lead) => emulator.webhooks.leadNotification(lead))
  // Duplicates some side by side, others far apart.
  for (let i = envelopes.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1)
    ;[envelopes[i], envelopes[j]] = [envelopes[j], envelopes[i]]
  }
  const target = `${store.topology.url("server")}/meta/webhooks`
  const dispatcher = new Agent({ connections: 128, keepAliveTimeout: 30_000 })
  const send = async (envelope: WebhookEnvelope) => {
    const body = JSON.stringify(envelope)
    const started = performance.now()
    try {
      const res = await request(target, {
        method: "POST",
        dispatcher,
        headers: { "content-type": "application/json", "x-hub-signature-256": emulator.webhooks.signature(body) },
        body,
      })
      const text = await res.body.text()
      return { status: res.statusCode, ms: performance.now() - started, stored: res.statusCode === 200 ? Number(JSON.parse(text).stored ?? 0) : 0 }
    } catch {
      return { status: 0, ms: NaN, stored: 0 }
    }
  }
  const warm = Array.from({ length: 20 }, (_, i) => emulator.webhooks.createLead({ answers: { email: `bench-${tag}-warm-${i}@example.com`, full_name: `Warm ${i}` } }))
  for (const lead of warm) await send(emulator.webhooks.leadNotification(lead))
  await sleep(3000)

  console.log(`[bench] (b) ${store.name}: ${total} signed deliveries at ${WEBHOOK_RATE}/s…`)
  const t0 = Date.now()
  sampler.phase = `webhooks: ${store.name}`
  const { results, seconds } = await openLoop(total, WEBHOOK_RATE, (i) => send(envelopes[i]))
  sampler.phase = `webhooks after: ${store.name}`
  await dispatcher.close()
  const ok = sorted(results.filter((r) => r.status === 200).map((r) => r.ms))
  const ids = leads.map((lead) => lead.id)
  const readRows = () =>
    store.topology.sql<{ status: string; attempts: number; outcome: string | null }>(
      `SELECT status, attempts, outcome FROM meta_webhook_event WHERE payload->>'leadgen_id' = ANY($1)`,
      [ids]
    )
  let rows = await readRows()
  try {
    rows = await waitFor(readRows, (list) => list.length >= ids.length && list.every((r) => r.status === "processed" || r.status === "failed"), `${store.name}: changes processed`, 180_000)
  } catch {
    rows = await readRows()
  }
  const processedSeconds = (Date.now() - t0) / 1000
  const wanted = new Set(ids)
  const reads = new Map<string, number>()
  for (const r of emulator.requests({ method: "GET" })) {
    const id = r.path.split("/").pop()!
    if (wanted.has(id)) reads.set(id, (reads.get(id) ?? 0) + 1)
  }
  const [customers] = await store.topology.sql<{ n: number; distinct_emails: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT email)::int AS distinct_emails FROM customer WHERE email LIKE $1 AND deleted_at IS NULL`,
    [`bench-${tag}-lead-%`]
  )
  const stored = results.reduce((n, r) => n + r.stored, 0)
  const processedOnce = rows.filter((r) => r.status === "processed" && r.attempts === 1 && r.outcome === "customer created from lead").length
  const p99 = percentile(ok, 99)
  const onceMet =
    rows.length === ids.length && processedOnce === ids.length && stored === ids.length && reads.size === ids.length && [...reads.values()].every((n) => n === 1) && customers.n === ids.length && customers.distinct_emails === ids.length
  const label = `(b) ${store.name}`
  return {
    met: ok.length === total && p99 < 50 && onceMet,
    rows: [
      { metric: `${label}: deliveries answered 200`, value: `${ok.length} of ${total} (the last answered ${seconds.toFixed(1)} s after the first was sent)`, target: String(total), met: ok.length === total },
      { metric: `${label}: answer time p50 / p95 / max`, value: `${p50p95(ok)} / ${fmt(ok[ok.length - 1] ?? NaN)}` },
      { metric: `${label}: answer time p99`, value: fmt(p99), target: "< 50 ms", met: p99 < 50 },
      {
        metric: `${label}: changes stored / processed once (lead read once, customer created)`,
        value: `${stored} stored by the answers, ${rows.length} rows, ${processedOnce} processed on the first attempt; ${reads.size} leads read (${[...reads.values()].filter((n) => n > 1).length} more than once); ${customers.n} customers (${customers.distinct_emails} distinct)`,
        target: `${ids.length} each, none twice`,
        met: onceMet,
      },
      { metric: `${label}: all processed after`, value: `${processedSeconds.toFixed(1)} s from the first delivery` },
      { metric: `${label}: CPU used from the first delivery to the last answer (${seconds.toFixed(0)} s, 2 cores)`, value: cpuOf(`webhooks: ${store.name}`, store) },
    ],
    notes:
      store === topo
        ? [
            `(b) ${total} lead notifications (${ids.length} leads, each delivered twice in a shuffled order, as Meta retries), each signed with X-Hub-Signature-256 over the raw body, sent open-loop at ${WEBHOOK_RATE}/s (request i at t0 + i/${WEBHOOK_RATE} s) to the server's /meta/webhooks; answer time client-side on loopback (undici, keep-alive), 20 warm-up deliveries not counted. Processed once: one meta_webhook_event row per lead, processed on its first attempt, the lead read from Meta once, one customer per lead email.`,
          ]
        : [],
  }
}

function seedVariantsSql(n: number, channel: string, currency: string): string {
  const products = Math.ceil(n / VARIANTS_PER_PRODUCT)
  return `
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
    SELECT 'price_b' || j, 'pset_b' || j, '${currency}', 19.99, '{"value":"19.99","precision":20}'::jsonb, 0 FROM generate_series(1, ${n}) j;`
}

type CatalogRequest = { method: string; data: Record<string, unknown> & { id: string } }

/** The item requests one items_batch call carried. */
function batchItemsOf(call: RecordedRequest): CatalogRequest[] {
  const raw = (call.body as Record<string, unknown>)?.requests
  return (typeof raw === "string" ? JSON.parse(raw) : raw ?? []) as CatalogRequest[]
}

/** (c) the full sync on the topology (the other stores stopped): the two workers' 5-second catalog ticks do it. */
async function fullSync(emulator: GraphEmulator): Promise<Part> {
  const fullSyncStatus = async () => (await topo.api.get("/admin/meta/catalog", { headers: topo.admin })).data.catalog.full_sync?.status
  // The connection's own first sync (the seeded store's few variants) done first.
  await waitFor(fullSyncStatus, (status) => status === "completed", "the first sync", 180_000)
  const [{ channel, currency }] = await topology.sql(
    `SELECT s.default_sales_channel_id AS channel, c.currency_code AS currency
       FROM store s JOIN store_currency c ON c.store_id = s.id AND c.is_default AND c.deleted_at IS NULL WHERE s.deleted_at IS NULL`
  )
  console.log(`[bench] (c) seeding ${VARIANTS} variants by SQL…`)
  const seedStarted = performance.now()
  await topology.sql(seedVariantsSql(VARIANTS, channel, currency))
  const seedSeconds = (performance.now() - seedStarted) / 1000
  const calls = () => emulator.requests({ method: "POST", path: /items_batch/ })
  const before = calls().length
  sampler.phase = "full sync"
  console.log("[bench] (c) full sync…")
  const started = performance.now()
  const sync = await topo.api.post("/admin/meta/catalog/sync", {}, { headers: topo.admin, validateStatus: () => true })
  if (sync.status !== 202) throw new Error(`"Sync now" answered ${sync.status}`)
  // Which instance made each call: the owner of its client port, looked up while the connection is open.
  const callers = new Map<number, string>()
  const whoCalled = setInterval(() => {
    calls()
      .slice(before)
      .forEach((call, i) => {
        if (!callers.has(i)) callers.set(i, topology.instanceOfClientPort(call.clientPort) ?? "unknown (connection closed)")
      })
  }, 250)
  let status: string | undefined
  try {
    status = await waitFor(fullSyncStatus, (s) => s === "completed" || s === "failed", "the full sync", 600_000)
    await waitFor(
      () => emulator.catalogItems(topo.catalogId!).filter((i) => i.id.startsWith("B-")).length,
      (n) => n === VARIANTS,
      "every variant in Meta's catalog",
      120_000
    )
  } catch {
    status = await fullSyncStatus()
  }
  const seconds = (performance.now() - started) / 1000
  // More worker ticks: anything sent again would show now.
  await sleep(12_000)
  clearInterval(whoCalled)
  sampler.phase = "after"
  const batchCalls = calls().slice(before)
  const sends = new Map<string, number>()
  let itemsSent = 0
  for (const call of batchCalls) {
    for (const item of batchItemsOf(call)) {
      itemsSent++
      sends.set(item.data.id, (sends.get(item.data.id) ?? 0) + 1)
    }
  }
  const bench = [...sends.keys()].filter((id) => id.startsWith("B-")).length
  const twice = [...sends.values()].filter((n) => n > 1).length
  const inCatalog = emulator.catalogItems(topo.catalogId!).filter((i) => i.id.startsWith("B-")).length
  const expectedCalls = Math.ceil(sends.size / ITEMS_PER_BATCH)
  const byWorker = new Map<string, number>()
  for (const [i, call] of batchCalls.entries()) {
    const by = callers.get(i) ?? topology.instanceOfClientPort(call.clientPort) ?? "unknown (connection closed)"
    byWorker.set(by, (byWorker.get(by) ?? 0) + 1)
  }
  const perCall = batchCalls.map((call) => batchItemsOf(call).length)
  const peaks = sampler.peaks.get("full sync") ?? new Map()
  const rssRows: Row[] = topo.instances.map((name) => {
    const peak = peaks.get(`topology/${name}`) ?? { process: NaN, group: NaN }
    return { metric: `(c) peak RSS during the full sync: ${name}`, value: MB(peak.process), target: "< 400 MB", met: peak.process < RSS_TARGET_BYTES }
  })
  const callsMet = batchCalls.length === expectedCalls && expectedCalls === Math.ceil(VARIANTS / ITEMS_PER_BATCH)
  const onceMet = twice === 0 && bench === VARIANTS && inCatalog === VARIANTS
  return {
    met: status === "completed" && callsMet && onceMet && rssRows.every((r) => r.met),
    rows: [
      { metric: `(c) full sync of ${VARIANTS.toLocaleString("en")} variants`, value: `${status} in ${seconds.toFixed(1)} s` },
      {
        metric: "(c) items_batch calls (at the emulator) · by instance",
        value: `${batchCalls.length} for ${sends.size} items (items per call: ${perCall.join(", ")}) · ${[...byWorker.entries()].map(([by, n]) => `${by}: ${n}`).join(", ")}`,
        target: `ceil(n/5000) = ${Math.ceil(VARIANTS / ITEMS_PER_BATCH)}`,
        met: callsMet,
      },
      { metric: "(c) items sent more than once · variants in Meta's catalog", value: `${twice} · ${inCatalog}`, target: `0 · ${VARIANTS}`, met: onceMet },
      ...rssRows,
      { metric: "(c) CPU used during the full sync", value: cpuOf("full sync", topo) },
    ],
    notes: [
      `(c) ${VARIANTS.toLocaleString("en")} variants (${VARIANTS_PER_PRODUCT} per product, one image and one price each) written by set-based SQL behind Medusa's back (${seedSeconds.toFixed(0)} s, untimed) after the connection's first sync, so only a full sync finds them; "Sync now" through the admin API, then the scheduled catalog worker (every 5 s on each worker) does the work; the other two stores stopped first. Calls and items counted at the emulator (every items_batch request it received from the sync's start until 12 s after it completed); the instance of a call is the owner of its client port (\`ss\`), when the connection is still open.`,
      "(c) Peak RSS: VmRSS from /proc/<pid>/status of every process in each instance's process group (`medusa start` runs the store in one process; the catalog pass thread is a worker thread inside it), every 100 ms; the largest process of each instance is shown. The same processes served parts (a) and (b) before, so their resident memory starts from what that load left (the last row: peaks outside the sync). The emulator and the load generator run in the bench's own process and are not counted.",
    ],
  }
}

const sampler = new RssSampler()

/** CPU seconds each running instance used in a phase, as "server 12.3 s, worker-1 …". */
const cpuOf = (phase: string, store: Store) =>
  [...sampler.cpuSeconds(phase).entries()]
    .filter(([label]) => label.startsWith(`${store.name}/`))
    .map(([label, seconds]) => `${label.slice(store.name.length + 1)} ${seconds.toFixed(1)} s`)
    .join(", ")

async function main() {
  // The instances and CLI runs inherit this process's environment: they compile the app's own medusa-config.ts
  // with its tsconfig, not the bench's (scripts/bench.mjs sets TS_NODE_PROJECT to a path relative to the repository).
  delete process.env.TS_NODE_PROJECT
  const parts: Part[] = []
  const emulator = await startGraphEmulator({ port: EMULATOR_PORT, apps: [{ appId: TEST_APP_ID, appSecret: TEST_APP_SECRET, name: "Bench Store App" }] })
  const started = Date.now()
  try {
    buildPluginIfStale()
    console.log("[bench] packing the plugin and building the topology app (medusa build)…")
    await topology.build()
    for (const store of [one, none]) rmSync(store.topology.logDir, { recursive: true, force: true })
    console.log("[bench] three databases: migrations and the test store…")
    await Promise.all(stores.map((s) => s.topology.prepare()))
    // The test store sells one SKU: 50 checkouts a second of it queue on Medusa's lock of its inventory
    // item ("Timed-out acquiring lock", two thirds of the orders failing, in every store alike), so the
    // bench sells it with stock untracked, as the same for all three stores.
    await Promise.all(stores.map((s) => s.topology.sql(`UPDATE product_variant SET manage_inventory = false WHERE id = $1`, [s.topology.store!.variantId])))
    console.log("[bench] starting server + 2 workers, the single-process store and the store without the plugin…")
    sampler.start()
    await Promise.all(stores.flatMap((s) => s.instances.map((name) => s.topology.start(name))))
    await Promise.all([topo, one].map(connectMeta))
    if (PARTS.includes("a")) parts.push(await orders(emulator))
    if (PARTS.includes("b")) {
      parts.push(await webhooks(emulator, topo))
      parts.push(await webhooks(emulator, one))
    }
    await Promise.all([single.stopAll(), bare.stopAll()])
    if (PARTS.includes("c")) parts.push(await fullSync(emulator))
  } catch (error) {
    console.error(`[bench] failed: ${(error as Error).message}`)
    for (const s of stores) for (const name of s.instances) console.error(s.topology.logTail(name, 2000))
    parts.push({ met: false, rows: [], notes: [`Not measured in this run (after ${((Date.now() - started) / 1000).toFixed(0)} s): ${(error as Error).message.split("\n")[0]}`] })
  } finally {
    sampler.stop()
    await Promise.all(stores.map((s) => s.topology.stopAll()))
    await emulator.close()
    for (const s of stores) await s.topology.dropDatabase().catch(() => undefined)
  }
  const rows = parts.flatMap((p) => p.rows)
  const whole = [...sampler.peaks.entries()].filter(([phase]) => phase !== "full sync")
  const runPeaks = new Map<string, number>()
  for (const [, byInstance] of whole) for (const [label, peak] of byInstance) runPeaks.set(label, Math.max(runPeaks.get(label) ?? 0, peak.process))
  if (runPeaks.size) rows.push({ metric: "peak RSS per process outside the full sync (boot, orders, webhooks)", value: [...runPeaks.entries()].map(([label, bytes]) => `${label} ${MB(bytes)}`).join(", ") })
  const errors = stores.flatMap((s) => s.topology.errors().map((e) => `${s.name}/${e.instance}: ${e.message}`))
  const notes = [
    ...parts.flatMap((p) => p.notes),
    `Run time ${((Date.now() - started) / 60_000).toFixed(1)} min (build, three migrations and seeds, boots included). Errors logged by the instances: ${errors.length ? `${errors.length}, first: ${errors.slice(0, 3).join(" · ")}` : "none"}.`,
  ]
  const fullRun = !process.env.BENCH_TOPOLOGY_PARTS && !process.env.BENCH_TOPOLOGY_ORDERS && !process.env.BENCH_TOPOLOGY_VARIANTS
  if (fullRun) recordBenchmark("topology", "Production topology: server + two workers on Redis, next to one process (issue 12)", rows, notes)
  else console.log(JSON.stringify({ rows, notes }, null, 2))
  if (parts.some((p) => !p.met)) process.exitCode = 1
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
