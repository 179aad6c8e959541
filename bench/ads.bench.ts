/**
 * `npm run bench -- ads`: the Marketing API mirror and automated rules at scale, against a booted store and
 * the Graph emulator (standard access tier).
 *
 * (1) The mirror of an ad account with 500 campaigns / 2,000 ad sets / 10,000 ads and 30 days of delivery:
 *     `POST /admin/meta/campaigns/sync` (syncMetaAdsWorkflow: the account, flat listings of 500, insights
 *     for today / last_3d / last_7d / last_30d per level — the ad-set and ad levels, over 1,000 objects,
 *     through asynchronous report runs). Measured: wall time (target < 60 s), the store's peak RSS during
 *     the sync (target < 400 MB), the Graph calls against the physical minimum, and that the mirror
 *     equals the emulator's figures.
 * (2) One evaluation of 20 rules over those 10,000 ads (16 "pause if CPM > X" with thresholds 12 … 27 on
 *     every ad, 4 "scale budget 20 % if ROAS > Y" on every ad set with a per-ad-set ceiling), live: the
 *     evaluation step alone on the fresh mirror (evaluateMetaAdRulesWorkflow without its sync step, from a
 *     bench-only route). Measured: wall time (target < 5 s), writes and the Graph batch calls that carried
 *     them (≤ 50 per call; minimum ceil(writes / 50)), decisions logged, and the state at Meta afterwards.
 * (3) The mirror pass of (1) again in a production process — the built plugin in a merchant's app
 *     (`medusa exec`, NODE_ENV=production, no ts-node) on its own scratch database — where the < 400 MB
 *     target is read; (1)'s store runs the TypeScript sources, whose baseline alone is above it.
 *
 * The emulator's clock stands still during the measured parts (its figures would otherwise grow between the
 * sync and the comparison). Self-contained and bounded: a scratch database is created and migrated, one
 * `medusa start` process runs a snapshot of this repository from a temp directory, the emulator runs in
 * this process on 127.0.0.1. Processes, the temp directory and the database are removed in `finally`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { startGraphEmulator, type GraphEmulator, type RecordedRequest } from "../src/emulator"
import { DEFAULT_API_VERSION } from "../src/modules/meta/options"
import { freePort, query, runMedusaCli, stopGroup } from "./lib/harness"
import { BUILT_WORKFLOWS_MODULE, buildProductionApp, runMedusaChild } from "./lib/production-app"
import { recordBenchmark, type Row } from "./lib/record"
import { ADMIN_USER_ROUTE, adminHeaders, boot, http, snapshotAppDir, storeEnv, waitForHealth, type Store } from "./lib/store"

const CAMPAIGNS = Number(process.env.BENCH_ADS_CAMPAIGNS ?? 500)
const AD_SETS_PER_CAMPAIGN = 4
const ADS_PER_AD_SET = 5
const HISTORY_DAYS = 30
const RANGES = ["today", "last_3d", "last_7d", "last_30d"] as const
const PAGE = 500
const BATCH_LIMIT = 50
/** Campaigns whose ads cost CPM 30 (every pause rule matches them) and whose ad sets sell at a high ROAS. */
const EXPENSIVE_CAMPAIGNS = Math.round(CAMPAIGNS * 0.12)
const WINNING_CAMPAIGNS = Math.round(CAMPAIGNS * 0.04)
const SYNC_TARGET_MS = 60_000
const RSS_TARGET_BYTES = 400 * 2 ** 20
const EVALUATION_TARGET_MS = 5_000
const RECORDED = CAMPAIGNS === 500
const ACT = "act_50001"
const DB_NAME = "meta_bench_ads"
const ADMIN_DB_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"
const DB_URL = ADMIN_DB_URL.replace(/\/[^/]*$/, `/${DB_NAME}`)
const root = path.join(__dirname, "..")
const cli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const benchStarted = Date.now()

const adminQuery = (sql: string) => query(ADMIN_DB_URL, sql)
const db = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => query<T>(DB_URL, sql, params)
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const fmtMB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`
const withoutVersion = (p: string) => p.replace(/^\/?(v\d+\.\d+\/)?/, "")

/** Bench only (temp copy): one evaluation of the due rules on the mirror as it is (no sync step), timed inside the store. */
const EVALUATE_ROUTE = `import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { evaluateMetaAdRulesWorkflow } from "../../../../workflows/ads"

/** Bench only (temp copy): one evaluation of the due rules, without the mirror pass. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const started = Date.now()
  const { result } = await evaluateMetaAdRulesWorkflow(req.scope).run({ input: {} })
  const ms = Date.now() - started
  res.json({
    ms,
    rules: result.length,
    decisions: result.reduce((n, r) => n + r.decisions.length, 0),
    acted: result.reduce((n, r) => n + r.decisions.filter((d) => d.acted).length, 0),
    not_acted_reasons: [...new Set(result.flatMap((r) => r.decisions.filter((d) => !d.acted && d.skipped_reason && !d.skip_code).map((d) => d.skipped_reason)))].slice(0, 5),
  })
}
`

type Part = { rows: Row[]; notes: string[]; met: boolean }

/** Resident memory of a store's process group (bytes), from /proc. */
function groupRss(store: Store): number {
  let bytes = 0
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) !== store.child?.pid) continue
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))
      if (rss) bytes += Number(rss[1]) * 1024
    } catch {
      // exited meanwhile
    }
  }
  return bytes
}

/** Samples the store's RSS every 50 ms while `work` runs. */
async function withRss<T>(store: Store, work: () => Promise<T>): Promise<{ value: T; peak: number; before: number }> {
  const before = groupRss(store)
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, groupRss(store))), 50)
  try {
    const value = await work()
    peak = Math.max(peak, groupRss(store))
    return { value, peak, before }
  } finally {
    clearInterval(timer)
  }
}

type Setup = { emulator: GraphEmulator; store: Store; headers: Record<string, string>; seeded: { campaignIds: string[]; adSetIds: string[]; adIds: string[] }; bootedMs: number; seedMs: number }

async function setup(emulator: GraphEmulator, store: Store, appDir: string): Promise<Setup> {
  await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)
  await adminQuery(`CREATE DATABASE "${DB_NAME}"`)
  console.log("[bench] migrating the scratch database and booting the store…")
  await runMedusaCli(cli, ["db:migrate"], appDir, storeEnv(emulator, DB_URL, store.port), "medusa db:migrate")
  boot(store, appDir, storeEnv(emulator, DB_URL, store.port))
  // Meanwhile: the account at Meta.
  emulator.ads.configure({ accessTier: "standard_access" })
  const seedStarted = Date.now()
  const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: CAMPAIGNS, adSetsPerCampaign: AD_SETS_PER_CAMPAIGN, adsPerAdSet: ADS_PER_AD_SET, historyDays: HISTORY_DAYS })
  seeded.campaignIds.forEach((id, i) => {
    if (i < EXPENSIVE_CAMPAIGNS) emulator.ads.setPerformance(id, { cpm: "30", ctr: "1", purchaseRate: "1", orderValue: "20" })
    else if (i < EXPENSIVE_CAMPAIGNS + WINNING_CAMPAIGNS) emulator.ads.setPerformance(id, { cpm: "6", ctr: "2", purchaseRate: "6", orderValue: "80" })
    else emulator.ads.setPerformance(id, { cpm: "6", ctr: "1", purchaseRate: "1", orderValue: "20" })
  })
  const seedMs = Date.now() - seedStarted
  console.log(`[bench] seeded ${seeded.campaignIds.length} campaigns / ${seeded.adSetIds.length} ad sets / ${seeded.adIds.length} ads (${HISTORY_DAYS} days of delivery) in ${fmtS(seedMs)}`)
  await waitForHealth(store, 240_000)
  const bootedMs = Date.now() - benchStarted
  const headers = await adminHeaders(store, "ads")
  await http(`${store.url}/admin/meta/connection`, { body: { access_token: emulator.createSystemUserToken(), pixel_id: "60001", ad_account_id: ACT }, headers })
  return { emulator, store, headers, seeded, bootedMs, seedMs }
}

type SyncAnswer = { synced: boolean; state: string; reason?: string; campaigns: number; ad_sets: number; ads: number; calls: number; report_runs: number }

/** (1) One mirror pass of the whole account. */
async function syncPart(s: Setup): Promise<Part> {
  const { emulator, store, headers } = s
  const from = emulator.requests().length
  const logicalFrom = emulator.requestCounts().logical
  console.log("[bench] (1) mirroring the account…")
  const started = Date.now()
  const { value: answer, peak, before } = await withRss(store, () => http<{ sync: SyncAnswer }>(`${store.url}/admin/meta/campaigns/sync`, { body: {}, headers, timeoutMs: 300_000 }))
  const wallMs = Date.now() - started
  const sync = answer.sync
  const calls: RecordedRequest[] = emulator.requests().slice(from)
  const logical = emulator.requestCounts().logical - logicalFrom
  const path = (r: RecordedRequest) => withoutVersion(r.path)
  const count = (test: (r: RecordedRequest) => boolean) => calls.filter(test).length
  const listings = count((r) => r.method === "GET" && /^act_\d+\/(campaigns|adsets|ads)$/.test(path(r)))
  const directInsights = count((r) => r.method === "GET" && /^act_\d+\/insights$/.test(path(r)))
  const runsCreated = count((r) => r.method === "POST" && /^act_\d+\/insights$/.test(path(r)))
  const runReads = count((r) => r.method === "GET" && /^\d+$/.test(path(r)))
  const runPages = count((r) => r.method === "GET" && /^\d+\/insights$/.test(path(r)))
  const accountReads = count((r) => r.method === "GET" && /^act_\d+(\/minimum_budgets)?$/.test(path(r)))
  const failed = calls.filter((r) => (r.status ?? 200) >= 400)

  const pages = (n: number) => Math.ceil(n / PAGE)
  const n = { campaigns: s.seeded.campaignIds.length, adSets: s.seeded.adSetIds.length, ads: s.seeded.adIds.length }
  const minListings = pages(n.campaigns) + pages(n.adSets) + pages(n.ads)
  const minInsightPages = RANGES.length * (pages(n.campaigns) + pages(n.adSets) + pages(n.ads))
  const minimum = minListings + minInsightPages + 2
  const asyncLevels = [n.adSets, n.ads].filter((c) => c > 1000).length
  const minimumWithRuns = minimum + RANGES.length * asyncLevels * 2

  // The mirror against Meta's figures (the emulator's clock stood still since the sync).
  console.log("[bench] (1) comparing the mirror with the emulator's figures…")
  const tables = [
    { level: "campaigns", table: "meta_campaign", ids: s.seeded.campaignIds },
    { level: "ad sets", table: "meta_ad_set", ids: s.seeded.adSetIds },
    { level: "ads", table: "meta_ad", ids: s.seeded.adIds },
  ]
  const compared: string[] = []
  let mismatches = 0
  let comparisons = 0
  for (const { level, table, ids } of tables) {
    const rows = await db<{ meta_id: string; insights: Record<string, { spend?: string; impressions?: string }> | null }>(
      `SELECT meta_id, insights FROM ${table} WHERE deleted_at IS NULL`
    )
    const byId = new Map(rows.map((r) => [r.meta_id, r.insights ?? {}]))
    let equal = 0
    let checked = 0
    for (const id of ids) {
      for (const range of RANGES) {
        const meta = emulator.ads.insights(id, { datePreset: range })
        const mine = byId.get(id)?.[range]
        checked++
        const same = Number(meta.impressions) === 0 ? !mine || Number(mine.impressions ?? 0) === 0 : mine?.spend === meta.spend && Number(mine?.impressions) === Number(meta.impressions)
        if (same) equal++
      }
    }
    comparisons += checked
    mismatches += checked - equal
    compared.push(`${level} ${rows.length} mirrored (of ${ids.length}), spend and impressions equal for ${equal} of ${checked} object × range pairs`)
  }

  const met = wallMs < SYNC_TARGET_MS && sync.synced && mismatches === 0 && failed.length === 0
  return {
    met,
    rows: [
      { metric: "(1) mirror pass (500 campaigns / 2,000 ad sets / 10,000 ads, insights for 4 ranges): wall time", value: fmtS(wallMs), target: "< 60 s", met: wallMs < SYNC_TARGET_MS },
      // Memory of the development store only; the < 400 MB target is read on the production process in (3).
      { metric: "(1) development store (ts-node) peak RSS during the pass (before it)", value: `${fmtMB(peak)} (${fmtMB(before)})` },
      {
        metric: "(1) Graph calls (the sync's own count · at the emulator)",
        value: `${sync.calls} · ${logical} (account reads ${accountReads}, listings ${listings}, direct insights pages ${directInsights}, report runs created ${runsCreated}, status reads ${runReads}, report pages ${runPages})`,
        target: `physical minimum ${minimum} with direct insights; ${minimumWithRuns} with report runs for the ${asyncLevels} levels over 1,000 objects`,
      },
      { metric: "(1) the sync's answer", value: `state ${sync.state}, ${sync.campaigns} campaigns, ${sync.ad_sets} ad sets, ${sync.ads} ads, ${sync.report_runs} report runs${sync.reason ? `, ${sync.reason}` : ""}` },
      { metric: "(1) mirror equals the emulator (spend and impressions, every object × 4 ranges)", value: `${comparisons - mismatches} of ${comparisons}`, target: `${comparisons} of ${comparisons}`, met: mismatches === 0 },
      { metric: "(1) calls Meta refused", value: String(failed.length), target: "0", met: failed.length === 0 },
    ],
    notes: [
      `(1) Physical minimum: listings ceil(n/500) per edge (${pages(n.campaigns)} + ${pages(n.adSets)} + ${pages(n.ads)} = ${minListings}) + insights pages per level × range (4 × ${pages(n.campaigns) + pages(n.adSets) + pages(n.ads)} = ${minInsightPages}, every object delivered in every range) + 2 account reads (the account, minimum_budgets) = ${minimum}. A report run adds at least its creation (POST) and one status read; the ad-set and ad levels (over 1,000 objects, ASYNC_INSIGHTS_MIN_OBJECTS) use them, so ${minimumWithRuns}. The emulator completes a report run on the 4th status read (report_steps 3), read with back-off from 250 ms; Meta's own jobs take as long as they take.`,
      `(1) ${compared.join("; ")}. The emulator's clock stood still from before the sync to the end of the comparison.`,
      ...(peak >= RSS_TARGET_BYTES
        ? [
            `(1) RSS: this store is the development app on its TypeScript sources (ts-node, as \`npm run dev\`), which already held ${fmtMB(before)} before the sync; the pass itself added ${fmtMB(peak - before)} (10,000 ads, 8 report runs, 4 ranges). The < 400 MB target is a production process's (compiled plugin): (3) reads it on one.`,
          ]
        : []),
      `(1) Trigger: POST /admin/meta/campaigns/sync with an admin bearer token (the route runs syncMetaAdsWorkflow and answers its result); wall time client-side. RSS: the sum of VmRSS over the store's process group, sampled every 50 ms.`,
    ],
  }
}

type ProductionMirror = { ms: number; idleRss: number; peakRss: number; atPeak: NodeJS.MemoryUsage; idleHeap: number; peakHeap: number; samples: number; sync: SyncAnswer }

/**
 * (3) The same mirror pass in a production process: the built plugin (`medusa plugin:build`) in a merchant's
 * app, NODE_ENV=production, no ts-node — where the < 400 MB target is read. A `medusa exec` script connects
 * with a system-user token and runs syncMetaAdsWorkflow once, on its own scratch database.
 */
async function productionMirrorPart(emulator: GraphEmulator, appDir: string): Promise<Part> {
  const dbName = `${DB_NAME}_prod`
  const dbUrl = ADMIN_DB_URL.replace(/\/[^/]*$/, `/${dbName}`)
  const prod = buildProductionApp("meta-bench-ads-prod-", [path.join(__dirname, "lib/ads/run-mirror.ts")])
  const out = mkdtempSync(path.join(tmpdir(), "meta-bench-ads-"))
  try {
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
    await adminQuery(`CREATE DATABASE "${dbName}"`)
    const env = { ...storeEnv(emulator, dbUrl, 0), BENCH_TOKEN: emulator.createSystemUserToken(), BENCH_AD_ACCOUNT: ACT, BENCH_OUT: path.join(out, "result.json") }
    await runMedusaCli(cli, ["db:migrate"], appDir, env, "medusa db:migrate (production store)")
    console.log("[bench] (3) mirroring the account in a production process (built plugin)…")
    const run = await runMedusaChild(
      ["exec", "run-mirror.js"],
      { ...env, NODE_ENV: "production", BENCH_WORKFLOWS_MODULE: BUILT_WORKFLOWS_MODULE },
      600_000,
      ["--expose-gc", "-r", prod.preload],
      prod.dir
    )
    if (run.code !== 0) throw new Error(`medusa exec failed (${run.code}):\n${run.log}`)
    const r = JSON.parse(readFileSync(path.join(out, "result.json"), "utf8")) as ProductionMirror
    const complete = r.sync.synced && r.sync.ads === expectedAds()
    return {
      met: r.peakRss < RSS_TARGET_BYTES && r.ms < SYNC_TARGET_MS && complete,
      rows: [
        { metric: "(3) the same mirror pass in a production process (built plugin): wall time", value: fmtS(r.ms), target: "< 60 s", met: r.ms < SYNC_TARGET_MS },
        { metric: "(3) production process peak RSS during the pass (booted and connected, before it)", value: `${fmtMB(r.peakRss)} (${fmtMB(r.idleRss)})`, target: "< 400 MB", met: r.peakRss < RSS_TARGET_BYTES },
        { metric: "(3) V8 heap used: booted · highest during the pass (RSS samples taken)", value: `${fmtMB(r.idleHeap)} · ${fmtMB(r.peakHeap)} (${r.samples})` },
        { metric: "(3) at the RSS peak, V8 heap used / heap reserved / outside the heap", value: [r.atPeak.heapUsed, r.atPeak.heapTotal, r.atPeak.external].map(fmtMB).join(" / ") },
        { metric: "(3) the sync's answer", value: `state ${r.sync.state}, ${r.sync.campaigns} campaigns, ${r.sync.ad_sets} ad sets, ${r.sync.ads} ads, ${r.sync.calls} calls, ${r.sync.report_runs} report runs`, target: `${expectedAds()} ads`, met: complete },
      ],
      notes: [
        "(3) Production store: a Medusa app (medusa-config.js) with this plugin built by `medusa plugin:build` and resolved through its package exports, NODE_ENV=production, ts-node unavailable as where devDependencies are not installed; one `medusa exec` process (its container, modules and the plugin booted, connected with a system-user token, then syncMetaAdsWorkflow as POST /admin/meta/campaigns/sync runs it). RSS: that process's own (process.memoryUsage, sampled every 50 ms), the emulator runs in the bench's process.",
      ],
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
    rmSync(prod.dir, { recursive: true, force: true })
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined)
  }
}

const expectedAds = () => CAMPAIGNS * AD_SETS_PER_CAMPAIGN * ADS_PER_AD_SET

type EvaluateAnswer = { ms: number; rules: number; decisions: number; acted: number; not_acted_reasons: string[] }

/** (2) Twenty live rules, one evaluation. */
async function rulesPart(s: Setup): Promise<Part> {
  const { emulator, store, headers } = s
  const ruleIds: string[] = []
  for (let i = 0; i < 16; i++) {
    const { rule } = await http(`${store.url}/admin/meta/rules`, { body: { name: `Stop ads over CPM ${12 + i}`, template: "pause_high_cpm", values: { max_cpm: String(12 + i), min_impressions: "50" } }, headers })
    ruleIds.push(rule.id)
  }
  for (let i = 0; i < 4; i++) {
    const { rule } = await http(`${store.url}/admin/meta/rules`, { body: { name: `Scale ad sets over ROAS ${2 + i}`, template: "scale_budget_high_roas", values: { min_roas: String(2 + i), budget_ceiling: "12.00" } }, headers })
    ruleIds.push(rule.id)
  }
  for (const id of ruleIds) await http(`${store.url}/admin/meta/rules/${id}`, { body: { dry_run: false }, headers })
  const statusBefore = new Map(emulator.ads.ads(ACT).map((a) => [a.id, a.status]))
  const budgetsBefore = new Map(emulator.ads.adSets(ACT).map((a) => [a.id, a.dailyBudget]))

  const from = emulator.requests().length
  const logicalFrom = emulator.requestCounts().logical
  console.log("[bench] (2) evaluating 20 rules…")
  const started = Date.now()
  const { value: answer, peak } = await withRss(store, () => http<EvaluateAnswer>(`${store.url}/bench/ads/evaluate`, { body: {}, headers, timeoutMs: 300_000 }))
  const wallMs = Date.now() - started
  const calls = emulator.requests().slice(from)
  const logical = emulator.requestCounts().logical - logicalFrom
  const batches = calls.filter((r) => r.method === "POST" && r.subRequests?.length)
  const sizes = batches.map((b) => b.subRequests!.length)
  const operations = batches.flatMap((b) => b.subRequests!)
  const other = calls.length - batches.length
  const refused = operations.filter((op) => (op.status ?? 0) >= 400).length
  const writesAtMeta = emulator.ads.writes({ method: "POST" }).filter((w) => w.outcome === "applied")
  const pausedNow = emulator.ads.ads(ACT).filter((a) => a.status === "PAUSED" && statusBefore.get(a.id) === "ACTIVE").length
  const raised = emulator.ads.adSets(ACT).filter((a) => (a.dailyBudget ?? 0) > (budgetsBefore.get(a.id) ?? 0)).length
  const expensiveAds = EXPENSIVE_CAMPAIGNS * AD_SETS_PER_CAMPAIGN * ADS_PER_AD_SET
  const winningAdSets = WINNING_CAMPAIGNS * AD_SETS_PER_CAMPAIGN
  const [logged] = await db<{ n: string; acted: string }>(`SELECT count(*) AS n, count(*) FILTER (WHERE acted) AS acted FROM meta_ad_rule_decision WHERE deleted_at IS NULL`)
  const [audited] = await db<{ n: string; objects: string; applied: string }>(
    `SELECT count(*) AS n, count(DISTINCT object_meta_id) AS objects, count(*) FILTER (WHERE status = 'applied') AS applied FROM meta_ad_change WHERE actor LIKE 'rule:%' AND deleted_at IS NULL`
  )
  // Where the time went, from PostgreSQL's own clock (now() = each statement's start) against the request's.
  const [phases] = await db<{ first_change: Date; last_applied: Date; first_decision: Date }>(
    `SELECT (SELECT min(created_at) FROM meta_ad_change WHERE actor LIKE 'rule:%') AS first_change,
            (SELECT max(applied_at) FROM meta_ad_change WHERE actor LIKE 'rule:%') AS last_applied,
            (SELECT min(created_at) FROM meta_ad_rule_decision) AS first_decision`
  )
  const at = (d: Date | null) => (d ? new Date(d).getTime() - started : NaN)
  const split = {
    deciding: at(phases.first_change),
    writing: at(phases.last_applied) - at(phases.first_change),
    // Decisions that carry no write go in while the later rules are decided; what is left after the writes.
    afterWrites: wallMs - at(phases.last_applied),
    firstLogged: at(phases.first_decision),
  }
  const minimum = Math.ceil(operations.length / BATCH_LIMIT)
  const batched = sizes.every((n) => n <= BATCH_LIMIT) && batches.length === minimum
  const met = wallMs < EVALUATION_TARGET_MS && batched && refused === 0 && pausedNow === expensiveAds && raised === winningAdSets
  return {
    met,
    rows: [
      { metric: "(2) one evaluation of 20 rules over 10,000 ads (2,000 ad sets): wall time (inside the store)", value: `${fmtS(wallMs)} (${fmtS(answer.ms)})`, target: "< 5 s", met: wallMs < EVALUATION_TARGET_MS },
      {
        metric: "(2) writes · Graph batch calls that carried them (sub-requests per call) · other calls",
        value: `${operations.length} · ${batches.length} (${sizes.join(", ")}) · ${other}`,
        target: `≤ 50 per call; minimum ceil(${operations.length}/50) = ${minimum}`,
        met: batched,
      },
      {
        metric: `(2) where the time went: reading the mirror and deciding the 20 rules (the first decisions logged at) · the writes to Meta (${batches.length} batches with their audit-log entries) · after the writes (the rest of the log, the answer)`,
        value: `${fmtS(split.deciding)} (${fmtS(split.firstLogged)}) · ${fmtS(split.writing)} · ${fmtS(split.afterWrites)}`,
      },
      { metric: "(2) Graph calls as Meta counts them (each sub-request)", value: String(logical) },
      {
        metric: "(2) at Meta afterwards: ads paused · ad sets raised · applied writes · refused",
        value: `${pausedNow} · ${raised} · ${writesAtMeta.length} · ${refused}`,
        target: `${expensiveAds} · ${winningAdSets} · — · 0`,
        met: pausedNow === expensiveAds && raised === winningAdSets && refused === 0,
      },
      { metric: "(2) decisions logged (acted) · audit-log changes (distinct objects, applied)", value: `${logged.n} (${logged.acted}) · ${audited.n} (${audited.objects}, ${audited.applied})` },
      { metric: "(2) store peak RSS during the evaluation", value: fmtMB(peak) },
    ],
    notes: [
      `(2) Rules (created through POST /admin/meta/rules from the templates, then made live): 16 × pause_high_cpm (scope ad, every ad, CPM > 12 … 27, at least 50 impressions, lookback last_3d) and 4 × scale_budget_high_roas (scope ad set, ROAS > 2 … 5, +20 %, at most 12.00 USD per ad set). Performance at the emulator: ${EXPENSIVE_CAMPAIGNS} campaigns (${expensiveAds} ads) at CPM 30, ${WINNING_CAMPAIGNS} campaigns (${winningAdSets} ad sets) selling at a high ROAS, the rest at CPM 6 and a low ROAS; ad-set budgets 10.00 USD.`,
      `(2) What a rule decides is what the later rules of the evaluation see (an ad the first CPM rule pauses is "already paused" for the other 15; an ad set raised to the 12.00 ceiling stays there), so each object is written once; the writes of all 20 rules go in one series of Graph batches after every rule has decided. Every decision — acted or skipped, with its numbers — is logged (20 rules × their objects).`,
      ...(wallMs >= EVALUATION_TARGET_MS
        ? [
            `(2) The target is missed. Every decision — acted or skipped, with its numbers and before / after — is a row of meta_ad_rule_decision (issue 11: "writes every decision … to the log"), here ${logged.n} rows (16 rules × 10,000 ads + 4 × 2,000 ad sets), one set-based INSERT per rule (two at a time) maintaining the table's indexes; the rows that carry no write go in while the later rules are decided, so the log overlaps the deciding. Reading the mirror and deciding took ${fmtS(split.deciding)}, the ${operations.length} writes with their audit log ${fmtS(split.writing)}, what was left after them ${fmtS(split.afterWrites)}.`,
          ]
        : []),
      `(2) Trigger: a bench-only route of the temp copy (POST /bench/ads/evaluate: evaluateMetaAdRulesWorkflow without its sync step — the mirror is the one part (1) wrote); the scheduled job runs the same step after a mirror pass. Wall time client-side; "inside the store" is the route's own measure around the workflow.${answer.not_acted_reasons.length ? ` Not acted: ${answer.not_acted_reasons.join(" | ")}` : ""}`,
    ],
  }
}

async function main() {
  const parts: Part[] = []
  // The emulator's clock: real time until the measured parts start, then still.
  let frozenAt: number | undefined
  const emulator = await startGraphEmulator({ port: 0, now: () => frozenAt ?? Date.now() })
  const appDir = snapshotAppDir("meta-bench-ads-", "ads", { "admin-user": ADMIN_USER_ROUTE, evaluate: EVALUATE_ROUTE })
  const port = await freePort()
  const store: Store = { name: "store", port, url: `http://localhost:${port}`, log: "" }
  let bootedMs = NaN
  let seedMs = NaN
  try {
    const s = await setup(emulator, store, appDir)
    bootedMs = s.bootedMs
    seedMs = s.seedMs
    frozenAt = Date.now()
    parts.push(await syncPart(s))
    parts.push(await rulesPart(s))
    parts.push(await productionMirrorPart(emulator, appDir))
  } catch (error) {
    console.error(`[bench] failed: ${(error as Error).stack ?? error}`)
    if (store.log) console.error(`[bench] last store output:\n${store.log.slice(-3000)}`)
    parts.push({ met: false, rows: [], notes: [`Not fully measured in this run: ${(error as Error).message.split("\n")[0]}`] })
  } finally {
    await stopGroup(store.child)
    await emulator.close()
    await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).catch(() => undefined)
    rmSync(appDir, { recursive: true, force: true })
  }
  const rows = parts.flatMap((p) => p.rows)
  const notes = [
    `Store: one \`medusa start\` process (TypeScript sources as \`medusa develop\` runs them, without its file watcher; NODE_ENV=development, admin off, local event bus, in-process workflow engine, MEDUSA_WORKER_MODE=server so no scheduled job runs) of a snapshot of this repository in a temp directory, on a scratch PostgreSQL database on localhost; the emulator (Graph ${DEFAULT_API_VERSION}, standard access tier) in the bench's process on the same 2 cores. Migrated and booted ${Number.isFinite(bootedMs) ? fmtS(bootedMs) : "(not reached)"} after the bench started; the account seeded in the emulator (seedAccount, ${HISTORY_DAYS} days of delivery) in ${Number.isFinite(seedMs) ? fmtS(seedMs) : "—"} meanwhile.`,
    ...parts.flatMap((p) => p.notes),
    `This run: ${fmtS(Date.now() - benchStarted)} in all. Traffic only on 127.0.0.1/localhost.`,
  ]
  if (rows.length && RECORDED) recordBenchmark("ads", "Ads: mirroring 10,000 ads and evaluating 20 rules (issue 11)", rows, notes)
  else console.log(JSON.stringify({ rows, notes }, null, 2))
  if (parts.some((p) => !p.met)) process.exitCode = 1
}

main()
