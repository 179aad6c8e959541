/**
 * `medusa exec` script for bench/ads.bench.ts, run in the production app (the built plugin): connects Meta
 * (the emulator's seeded ad account, a system-user token), then runs one mirror pass of the whole account as
 * POST /admin/meta/campaigns/sync does, sampling this process's RSS every 50 ms. Writes the figures as JSON
 * to $BENCH_OUT.
 */
import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import type * as Workflows from "../../../src/workflows"

// The plugin's workflows: its build when this script runs compiled in the production app (BENCH_WORKFLOWS_MODULE).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { connectMetaWorkflow, syncMetaAdsWorkflow }: typeof Workflows = require(process.env.BENCH_WORKFLOWS_MODULE ?? "../../../src/workflows")

export default async function runAdsMirror({ container }: ExecArgs) {
  await connectMetaWorkflow(container).run({
    input: { method: "system_user", access_token: process.env.BENCH_TOKEN!, user_id: "bench", selection: { ad_account_id: process.env.BENCH_AD_ACCOUNT } } as any,
  })
  // Booted, connected, nothing mirrored yet: what the pass adds is read against this.
  global.gc?.()
  const idleRss = process.memoryUsage().rss
  let peakRss = idleRss
  let atPeak = process.memoryUsage()
  const idleHeap = atPeak.heapUsed
  let peakHeap = idleHeap
  let samples = 0
  const sampler = setInterval(() => {
    const usage = process.memoryUsage()
    samples++
    peakHeap = Math.max(peakHeap, usage.heapUsed)
    if (usage.rss > peakRss) [peakRss, atPeak] = [usage.rss, usage]
  }, 50)
  const started = performance.now()
  const { result } = await syncMetaAdsWorkflow(container).run()
  const ms = performance.now() - started
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  writeFileSync(process.env.BENCH_OUT!, JSON.stringify({ ms, idleRss, peakRss, atPeak, idleHeap, peakHeap, samples, sync: result }))
}
