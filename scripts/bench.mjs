#!/usr/bin/env node
// `npm run bench [-- <name> ...]`: runs bench/<name>.bench.ts, each in its own process, in name order.
// Each benchmark prints its figures and records them (machine + date) in BENCHMARKS.md.
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"

const root = new URL("..", import.meta.url).pathname
const wanted = process.argv.slice(2)
const benches = readdirSync(`${root}bench`)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort()

if (benches.length === 0) {
  console.log(wanted.length ? `No benchmark named ${wanted.join(", ")}` : "No benchmarks yet")
  process.exit(wanted.length ? 1 : 0)
}
let failed = 0
for (const name of benches) {
  console.log(`\n=== bench: ${name} ===`)
  const result = spawnSync("npx", ["ts-node", "--swc", "--transpile-only", `bench/${name}.bench.ts`], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", TS_NODE_PROJECT: "bench/tsconfig.json" },
  })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
