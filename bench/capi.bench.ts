/**
 * `npm run bench -- capi`: the Conversions API targets of issue 5.
 *
 * (a) order placement latency through the store API, with the plugin and without it, side by side in one
 *     run: two stores booted with `medusa start` on their own scratch databases — a snapshot of this
 *     repository (the plugin's module, subscribers, routes) and a bare Medusa app (same node_modules, no
 *     plugin) — with the same test store. Both run from temp directories outside the repository and
 *     without `develop`'s file watcher, so edits in the repository during a run cannot restart them;
 *     carts are prepared untimed and `POST /store/carts/:id/complete` is timed,
 *     alternating between the stores so both see the same machine load. Target: p95 difference < 5 ms.
 * (b) delivery latency, idle: one order at a time, from the order's creation to its Purchase arriving at
 *     the emulator. Target: p95 < 1 s.
 * (c) backlog drain: 100,000 pending events queued in the outbox, then the flush workflow. Target: ≤ 100
 *     calls, < 30 s, nothing lost or doubled (counted at the emulator).
 * (d) CPU per event (lib/capi/cpu-per-event.ts): building + normalizing + hashing a Purchase (ours, with
 *     E.164 phones) next to facebook-nodejs-business-sdk's UserData/ServerEvent normalize() on the same
 *     distinct orders. Target: ours not slower.
 *
 * Bounded: every wait has a deadline; child processes and databases are removed in `finally`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { startGraphEmulator, type GraphEmulator } from "../src/emulator"
import { measureCpuPerEvent } from "./lib/capi/cpu-per-event"
import { freePort, medusaAppDir, query, runMedusaCli, sleep, stopGroup } from "./lib/harness"
import { percentile, recordBenchmark, type Row } from "./lib/record"

const ORDERS = Number(process.env.BENCH_CAPI_ORDERS ?? 120)
/** BENCH_CAPI_PARTS=a (any of a, b, c, d) runs those parts only and prints the figures instead of recording them. */
const PARTS = process.env.BENCH_CAPI_PARTS ?? "abcd"
/** BENCH_CAPI_CPU_PROF=<dir>: the plugin store writes a V8 CPU profile there when it stops (for profiling (a)). */
const CPU_PROF_DIR = process.env.BENCH_CAPI_CPU_PROF
const WARMUP = 10
const IDLE_ORDERS = 30
const BACKLOG = 100_000
const CPU_EVENTS = 20_000
const PIXEL = "60001"
const ADMIN_DB_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"
const root = path.join(__dirname, "..")
const cli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const BROWSER = { "user-agent": "Mozilla/5.0 (bench) Safari/605.1.15", "x-forwarded-for": "203.0.113.42" }
const FBP = "fb.1.1596403881668.1116446470"
const BROWSER_CONTEXT = { eventSourceUrl: "https://shop.example.com/checkout", clientIpAddress: "203.0.113.42", fbp: FBP }

const dbUrl = (name: string) => ADMIN_DB_URL.replace(/\/[^/]*$/, `/${name}`)

const adminQuery = (sql: string) => query(ADMIN_DB_URL, sql)

const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv, what: string, timeoutMs?: number) =>
  runMedusaCli(cli, args, cwd, env, what, timeoutMs)

type StoreIds = { publishableKey: string; regionId: string; variantId: string; sku: string }

type Store = {
  name: string
  cwd: string
  /** Where this store's `medusa exec` scripts (bench/lib/capi) are read from. */
  scripts: string
  db: string
  port: number
  url: string
  env: NodeJS.ProcessEnv
  child?: ChildProcess
  /** Node flags for the booted store (not its CLI runs). */
  nodeArgs?: string[]
  log: string
  ids?: StoreIds
}

function makeStore(name: string, cwd: string, scripts: string, db: string, port: number, emulator: GraphEmulator): Store {
  const url = `http://localhost:${port}`
  const { TS_NODE_PROJECT: _benchProject, ...inherited } = process.env
  return {
    name,
    cwd,
    scripts,
    db,
    port,
    url,
    log: "",
    env: {
      ...inherited,
      NODE_ENV: "development",
      DATABASE_URL: dbUrl(db),
      PORT: String(port),
      MEDUSA_BACKEND_URL: url,
      MEDUSA_DISABLE_TELEMETRY: "true",
      DISABLE_MEDUSA_ADMIN: "true",
      JWT_SECRET: "bench-jwt-secret",
      COOKIE_SECRET: "bench-cookie-secret",
      STORE_CORS: "http://localhost:8000",
      META_APP_ID: "1234567890",
      META_APP_SECRET: "sandbox-app-secret",
      META_ENCRYPTION_KEY: "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
      META_GRAPH_API_URL: emulator.url,
      META_OAUTH_DIALOG_URL: emulator.url,
      MEDUSA_PLUGIN_META_ENV_LOADED: "1",
      LOG_LEVEL: "error",
    },
  }
}

/**
 * The plugin's development app (medusa-config.ts, src, and the bench's exec scripts with the test helpers
 * they import) copied to a temp directory, on the repository's node_modules: the store then runs one
 * snapshot of the code, whatever is edited in the repository meanwhile.
 */
function pluginAppDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "meta-bench-plugin-"))
  for (const entry of ["package.json", "tsconfig.json", "medusa-config.ts", "src", "bench", "integration-tests/helpers"]) {
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true })
  }
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"))
  return dir
}

/** A Medusa app with nothing of the plugin: the repository's node_modules, Medusa's default modules. */
function bareAppDir(): string {
  const dir = medusaAppDir("meta-bench-bare-", root)
  // `medusa start` of the plugin store runs TypeScript through ts-node; the bare app gets the same config.
  writeFileSync(path.join(dir, "tsconfig.json"), readFileSync(path.join(root, "tsconfig.json")))
  return dir
}

async function waitForHealth(store: Store, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (store.child?.exitCode !== null && store.child?.exitCode !== undefined) throw new Error(`${store.name} exited (${store.child.exitCode}):\n${store.log.slice(-3000)}`)
    try {
      if ((await fetch(`${store.url}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  throw new Error(`${store.name} was not healthy within ${timeoutMs / 1000} s:\n${store.log.slice(-3000)}`)
}

/** `medusa start` on the TypeScript sources, as `medusa develop` forks it, but without develop's file watcher. */
function boot(store: Store): void {
  store.child = spawn(process.execPath, [...(store.nodeArgs ?? []), cli, "start", "--port", String(store.port)], { cwd: store.cwd, env: store.env, detached: true })
  const keep = (c: Buffer) => (store.log = (store.log + c).slice(-20_000))
  store.child.stdout?.on("data", keep)
  store.child.stderr?.on("data", keep)
}

async function http<T = any>(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const method = init.method ?? (init.body ? "POST" : "GET")
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  }).catch((error: Error & { cause?: Error }) => {
    throw new Error(`${method} ${url}: ${error.message} (${error.cause?.message ?? "no cause"})`)
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${res.status} ${text.slice(0, 500)}`)
  return (text ? JSON.parse(text) : {}) as T
}

/** The HTTP tests' checkout (integration-tests/helpers/store-setup.ts prepareCart), over fetch. */
async function prepareCart(store: Store, withContext: boolean): Promise<{ cartId: string; headers: Record<string, string> }> {
  const ids = store.ids!
  const headers = { "x-publishable-api-key": ids.publishableKey, ...BROWSER }
  const base = store.url
  const { cart } = await http(`${base}/store/carts`, { body: { region_id: ids.regionId }, headers })
  await http(`${base}/store/carts/${cart.id}/line-items`, { body: { variant_id: ids.variantId, quantity: 2 }, headers })
  const address = { first_name: "Zoë", last_name: "D'Arcy", address_1: "Hauptstraße 1", city: "Köln", postal_code: "50667", country_code: "de", phone: "0221 123456" }
  await http(`${base}/store/carts/${cart.id}`, { body: { email: "Zoe.Darcy@Example.COM", shipping_address: address, billing_address: address }, headers })
  const { shipping_options } = await http(`${base}/store/shipping-options?cart_id=${cart.id}`, { headers })
  await http(`${base}/store/carts/${cart.id}/shipping-methods`, { body: { option_id: shipping_options[0].id }, headers })
  const { payment_collection } = await http(`${base}/store/payment-collections`, { body: { cart_id: cart.id }, headers })
  await http(`${base}/store/payment-collections/${payment_collection.id}/payment-sessions`, { body: { provider_id: "pp_system_default" }, headers })
  if (withContext) {
    await http(`${base}/store/meta/cart-context`, { body: { cart_id: cart.id, consent: true, fbp: FBP, event_source_url: "https://shop.example.com/checkout" }, headers })
  }
  return { cartId: cart.id, headers }
}

async function completeTimed(store: Store, cartId: string, headers: Record<string, string>): Promise<{ ms: number; order: any }> {
  const started = performance.now()
  const data = await http(`${store.url}/store/carts/${cartId}/complete`, { body: {}, headers })
  const ms = performance.now() - started
  if (data.type !== "order") throw new Error(`${store.name}: cart did not complete: ${JSON.stringify(data.error ?? data).slice(0, 300)}`)
  return { ms, order: data.order }
}

async function connectPlugin(store: Store, emulator: GraphEmulator): Promise<void> {
  await run(["user", "-e", "bench@example.com", "-p", "bench-password"], store.cwd, store.env, "medusa user")
  const { token } = await http(`${store.url}/auth/user/emailpass`, { body: { email: "bench@example.com", password: "bench-password" } })
  await http(`${store.url}/admin/meta/connection`, {
    body: { access_token: emulator.createSystemUserToken(), pixel_id: PIXEL },
    headers: { authorization: `Bearer ${token}` },
  })
}

async function setupStore(store: Store): Promise<void> {
  const out = path.join(tmpdir(), `meta-bench-${store.name}-${process.pid}.json`)
  await run(["exec", path.join(store.scripts, "setup-store.ts")], store.cwd, { ...store.env, BENCH_SETUP_OUT: out }, `${store.name} store setup`)
  store.ids = JSON.parse(readFileSync(out, "utf8"))
  rmSync(out, { force: true })
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`
const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y)
const purchaseCalls = (emulator: GraphEmulator) =>
  emulator.requests().filter((r) => r.method === "POST" && r.path.endsWith(`/${PIXEL}/events`)).length

type Part = { rows: Row[]; notes: string[]; met: boolean }

/** CPU time (user + system, ms) used so far by a store's process group (the CLI and whatever it forked). */
function groupCpuMs(store: Store): number {
  const ticks = 100 // USER_HZ on Linux
  let total = 0
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      // After "pid (comm) ": state ppid pgrp … utime is field 14 and stime 15 of the whole line.
      if (Number(fields[2]) === store.child?.pid) total += Number(fields[11]) + Number(fields[12])
    } catch {
      // exited meanwhile
    }
  }
  return (total * 1000) / ticks
}

/** (a) side by side: each round places one order in each store, alternating which goes first. */
async function orderPlacement(plugin: Store, bare: Store): Promise<Part> {
  console.log(`[bench] (a) ${ORDERS} orders per store (+${WARMUP} warm-up)…`)
  const latency: Record<string, number[]> = { plugin: [], bare: [] }
  const cpu: Record<string, number> = { plugin: 0, bare: 0 }
  for (let i = 0; i < ORDERS + WARMUP; i++) {
    if (i === WARMUP) for (const s of [plugin, bare]) cpu[s.name] = -groupCpuMs(s)
    for (const s of i % 2 ? [plugin, bare] : [bare, plugin]) {
      const { cartId, headers } = await prepareCart(s, s === plugin)
      const { ms } = await completeTimed(s, cartId, headers)
      if (i >= WARMUP) latency[s.name].push(ms)
    }
  }
  for (const s of [plugin, bare]) cpu[s.name] = (cpu[s.name] + groupCpuMs(s)) / ORDERS
  const withP = sorted(latency.plugin)
  const withoutP = sorted(latency.bare)
  const p95Diff = percentile(withP, 95) - percentile(withoutP, 95)
  const met = p95Diff < 5
  return {
    met,
    rows: [
      { metric: "(a) order placement p50 / p95, with the plugin", value: `${fmt(percentile(withP, 50))} / ${fmt(percentile(withP, 95))}` },
      { metric: "(a) order placement p50 / p95, without", value: `${fmt(percentile(withoutP, 50))} / ${fmt(percentile(withoutP, 95))}` },
      { metric: "(a) p95 added by the plugin", value: fmt(p95Diff), target: "< 5 ms", met },
      { metric: "(a) store CPU per order round (cart + checkout + background work), with / without", value: `${fmt(cpu.plugin)} / ${fmt(cpu.bare)}` },
    ],
    notes: [
      `(a) Stores: \`medusa start\` on the TypeScript sources (as \`medusa develop\` runs them, without its file watcher; admin off, local event bus, in-process workflow engine), each from a temp directory outside the repository and on its own scratch database on localhost; "with" is a snapshot of this repository's development app, "without" a bare Medusa app on the same node_modules. Carts (line item, addresses, shipping, payment session; plus cart-context for the plugin store) are prepared untimed; only \`POST /store/carts/:id/complete\` is timed, ${ORDERS} per store after ${WARMUP} warm-up rounds, alternating which store goes first.`,
      "(a) Store CPU per order round: user + system CPU of each store's process group over the timed rounds, per round — preparing the cart through the store API (the plugin store also posts its cart context), the checkout, and whatever ran in the background meanwhile (the plugin's Purchase and catalog marking, which start 250 ms after the checkout answered, and the scheduled jobs).",
    ],
  }
}

/** (b) idle delivery latency: one order at a time, until its Purchase reached the emulator. */
async function idleDelivery(plugin: Store, emulator: GraphEmulator, earlierOrders: number): Promise<Part> {
  console.log(`[bench] (b) ${IDLE_ORDERS} idle orders…`)
  await sleep(2000)
  const delivery: number[] = []
  let undelivered = 0
  for (let i = 0; i < IDLE_ORDERS; i++) {
    const { cartId, headers } = await prepareCart(plugin, true)
    await sleep(300)
    const { order } = await completeTimed(plugin, cartId, headers)
    const created = Date.parse(order.created_at)
    const until = Date.now() + 10_000
    let arrived: number | undefined
    while (Date.now() < until && arrived === undefined) {
      arrived = emulator.receivedEvents(PIXEL).find((r) => r.event.event_id === order.id)?.receivedAt
      if (arrived === undefined) await sleep(5)
    }
    if (arrived === undefined) undelivered++
    else delivery.push(arrived - created)
    await sleep(500)
  }
  const d = sorted(delivery)
  const latencyMet = undelivered === 0 && percentile(d, 95) < 1000
  const purchases = emulator.receivedEvents(PIXEL).filter((r) => r.event.event_name === "Purchase")
  const orderIds = new Set(purchases.map((r) => r.event.event_id))
  const expected = earlierOrders + IDLE_ORDERS
  const countMet = purchases.length === orderIds.size && orderIds.size === expected
  return {
    met: latencyMet && countMet,
    rows: [
      {
        metric: "(b) order created → Purchase at the emulator, p50 / p95",
        value: `${fmt(percentile(d, 50))} / ${fmt(percentile(d, 95))}${undelivered ? ` (${undelivered} not within 10 s)` : ""}`,
        target: "p95 < 1 s",
        met: latencyMet,
      },
      {
        metric: "Purchases received for the plugin store's orders (incl. warm-up)",
        value: `${purchases.length} events, ${orderIds.size} distinct`,
        target: `${expected}, no duplicate`,
        met: countMet,
      },
    ],
    notes: [
      "(b) From `order.created_at` (set before `order.placed` is emitted, so this is an upper bound) to the emulator receiving the request; orders ~1 s apart, nothing else running.",
    ],
  }
}

/** (c) backlog drain, with the stores stopped (so only the flush under test sends). */
async function backlogDrain(plugin: Store, emulator: GraphEmulator): Promise<Part> {
  // No emulator.reset(): it would also revoke the store's token. Count only the calls made from here on.
  const callsBefore = purchaseCalls(emulator)
  console.log(`[bench] (c) queueing ${BACKLOG} events and draining…`)
  const out = path.join(tmpdir(), `meta-bench-drain-${process.pid}.json`)
  await run(["exec", path.join(plugin.scripts, "drain-backlog.ts")], plugin.cwd, { ...plugin.env, BENCH_BACKLOG: String(BACKLOG), BENCH_DRAIN_OUT: out }, "backlog drain", 600_000)
  const drain = JSON.parse(readFileSync(out, "utf8")) as { insertMs: number; drainMs: number; sent: number; pending: number }
  rmSync(out, { force: true })
  const calls = purchaseCalls(emulator) - callsBefore
  const received = emulator.receivedEvents(PIXEL).filter((r) => String(r.event.event_id).startsWith("order_backlog_"))
  const distinct = new Set(received.map((r) => r.event.event_id)).size
  const lost = BACKLOG - distinct
  const doubled = received.length - distinct
  return {
    met: calls <= 100 && drain.drainMs < 30_000 && lost === 0 && doubled === 0,
    rows: [
      { metric: "(c) backlog delivered", value: `${distinct} of ${BACKLOG} (${drain.sent} marked sent, ${drain.pending} pending)`, target: String(BACKLOG), met: lost === 0 },
      { metric: "(c) calls to Meta", value: String(calls), target: "≤ 100", met: calls <= 100 },
      { metric: "(c) drain time", value: `${(drain.drainMs / 1000).toFixed(1)} s`, target: "< 30 s", met: drain.drainMs < 30_000 },
      { metric: "(c) lost / doubled", value: `${lost} / ${doubled}`, target: "0 / 0", met: lost === 0 && doubled === 0 },
    ],
    notes: [
      `(c) ${BACKLOG} rows were inserted through the module service first (${(drain.insertMs / 1000).toFixed(1)} s, not counted); the drain is the flush workflow (what the every-minute job runs) until nothing is due, in a \`medusa exec\` process with both stores stopped.`,
    ],
  }
}

/** (d) CPU per event, ours next to the Business SDK's. */
function cpuPerEvent(): Part {
  console.log("[bench] (d) CPU per event…")
  const cpu = measureCpuPerEvent(CPU_EVENTS, { ...BROWSER_CONTEXT, clientUserAgent: BROWSER["user-agent"] })
  const met = cpu.ours <= cpu.sdk
  return {
    met,
    rows: [
      {
        metric: "(d) CPU per Purchase: ours (build + normalize + E.164 + SHA-256) vs Business SDK normalize()",
        value: `${cpu.ours.toFixed(1)} µs vs ${cpu.sdk.toFixed(1)} µs`,
        target: "ours ≤ SDK",
        met,
      },
    ],
    notes: [
      `(d) Median of 5 runs of ${CPU_EVENTS} events, process CPU time (user + system) per event; the same ${CPU_EVENTS} distinct generated orders for both (bench/lib/capi/orders.ts: ten countries, national / + / 00 phone formats, 1–3 items), node:crypto for our SHA-256.`,
    ],
  }
}

async function storeParts(): Promise<Part[]> {
  const parts: Part[] = []
  const emulator = await startGraphEmulator({ port: 0 })
  const pluginDir = pluginAppDir()
  const bareDir = bareAppDir()
  const plugin = makeStore("plugin", pluginDir, path.join(pluginDir, "bench/lib/capi"), "meta_bench_capi_plugin", await freePort(), emulator)
  const bare = makeStore("bare", bareDir, path.join(__dirname, "lib/capi"), "meta_bench_capi_bare", await freePort(), emulator)
  if (CPU_PROF_DIR) plugin.nodeArgs = ["--cpu-prof", `--cpu-prof-dir=${CPU_PROF_DIR}`]
  const stores = PARTS.includes("a") ? [plugin, bare] : [plugin]
  try {
    for (const s of stores) {
      await adminQuery(`DROP DATABASE IF EXISTS "${s.db}" WITH (FORCE)`)
      await adminQuery(`CREATE DATABASE "${s.db}"`)
    }
    console.log("[bench] migrating the scratch databases…")
    await Promise.all(stores.map((s) => run(["db:migrate"], s.cwd, s.env, `${s.name} db:migrate`)))
    console.log("[bench] building the test store…")
    await Promise.all(stores.map((s) => setupStore(s)))
    console.log("[bench] booting…")
    stores.forEach(boot)
    await Promise.all(stores.map((s) => waitForHealth(s, 240_000)))
    await connectPlugin(plugin, emulator)

    let ordersPlaced = 0
    if (PARTS.includes("a")) {
      parts.push(await orderPlacement(plugin, bare))
      ordersPlaced = ORDERS + WARMUP
    }
    if (PARTS.includes("b")) parts.push(await idleDelivery(plugin, emulator, ordersPlaced))
    await Promise.all(stores.map((s) => stopGroup(s.child)))
    if (PARTS.includes("c")) parts.push(await backlogDrain(plugin, emulator))
  } catch (error) {
    console.error(`[bench] failed: ${(error as Error).message}`)
    for (const s of stores) if (s.log) console.error(`[bench] last ${s.name} store output:\n${s.log.slice(-3000)}`)
    parts.push({ met: false, rows: [], notes: [`Store parts not measured in this run: ${(error as Error).message.split("\n")[0]}`] })
  } finally {
    await Promise.all(stores.map((s) => stopGroup(s.child)))
    await emulator.close()
    for (const s of stores) await adminQuery(`DROP DATABASE IF EXISTS "${s.db}" WITH (FORCE)`).catch(() => undefined)
    for (const dir of [pluginDir, bareDir]) rmSync(dir, { recursive: true, force: true })
  }
  return parts
}

async function main() {
  const parts: Part[] = []
  // (d) first, on a quiet machine; it needs no store.
  if (PARTS.includes("d")) parts.push(cpuPerEvent())
  if (/[abc]/.test(PARTS)) parts.unshift(...(await storeParts()))
  const rows = parts.flatMap((p) => p.rows)
  const notes = parts.flatMap((p) => p.notes)
  if (PARTS === "abcd") recordBenchmark("capi", "Pixel and Conversions API", rows, notes)
  else console.log(JSON.stringify({ rows, notes }, null, 2))
  if (parts.some((p) => !p.met)) process.exitCode = 1
}

main()
