#!/usr/bin/env node
// `npm test`: every suite, in order — unit (no database), module integration and HTTP integration
// (PostgreSQL + the Graph API emulator), the built plugin installed into a fixture app (with the installed
// Medusa, the highest supported, and again with the lowest of the peer range), the built plugin
// in the production topology (server + two workers on Redis), and the browser test of the connect flow.
// Prints one closing line: "Tests: N passed, N failed".
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { LOWEST_MEDUSA, prepareLowestMedusa } from "./lib/lowest-medusa.mjs"

const root = new URL("..", import.meta.url).pathname
const only = process.argv.slice(2)
const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
const outDir = mkdtempSync(join(tmpdir(), "meta-tests-"))
let passed = 0
let failed = 0
const problems = []

function run(command, args, extraEnv = {}, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...env, ...extraEnv } })
  return result.status ?? 1
}

/**
 * One file at a time. The HTTP suite boots a Medusa app per file and jest keeps some of each in memory, so
 * its files run in one worker process that is replaced once it holds more than 2 GB (in the jest process
 * itself, the 21 files reached Node's 4 GB heap limit).
 */
const ONE_AT_A_TIME = {
  "integration:http": ["--maxWorkers=1", "--workerIdleMemoryLimit=2GB"],
}

function jestSuite(type, cwd = root, label = type) {
  const file = join(outDir, `${label.replace(/\W/g, "-")}.json`)
  console.log(`\n=== ${label} tests ===`)
  const code = run(
    "npx",
    ["jest", "--silent=false", ...(ONE_AT_A_TIME[type] ?? ["--runInBand"]), "--forceExit", "--json", `--outputFile=${file}`],
    { TEST_TYPE: type, NODE_OPTIONS: "--experimental-vm-modules" },
    cwd
  )
  if (!existsSync(file)) {
    failed += 1
    problems.push(`${label}: jest produced no report (exit ${code})`)
    return
  }
  const report = JSON.parse(readFileSync(file, "utf8"))
  passed += report.numPassedTests
  failed += report.numFailedTests
  if (report.numTotalTests === 0) {
    failed += 1
    problems.push(`${label}: no test ran`)
  } else if (code !== 0 && report.numFailedTests === 0) {
    failed += 1
    problems.push(`${label}: jest exited ${code} (suite failed to run)`)
  }
}

const wanted = (name) => only.length === 0 || only.includes(name)

if (wanted("unit")) jestSuite("unit")
if (wanted("modules")) jestSuite("integration:modules")
if (wanted("http")) jestSuite("integration:http")
let pluginBuilt = null
function buildPlugin() {
  if (pluginBuilt === null) {
    console.log("\n=== building the plugin for the fixture apps ===")
    pluginBuilt = run("npx", ["medusa", "plugin:build"]) === 0
    if (!pluginBuilt) problems.push("`medusa plugin:build` failed")
  }
  return pluginBuilt
}
if (wanted("built")) {
  if (buildPlugin()) jestSuite("built")
  else failed += 1
}
// The same built-plugin test against the lowest Medusa of the peer range (a copy of the repository with
// Medusa's packages at that version, installed from the registry): the installed one is the highest.
if (wanted("built-lowest")) {
  try {
    const dir = prepareLowestMedusa(root)
    jestSuite("built", dir, `built (Medusa ${LOWEST_MEDUSA})`)
    rmSync(dir, { recursive: true, force: true })
  } catch (error) {
    failed += 1
    problems.push(`built (Medusa ${LOWEST_MEDUSA}): ${error.message}`)
  }
}
// The built plugin in a production-shaped app (`medusa build`, `medusa start` as one server and two
// workers on Redis); needs Redis on 127.0.0.1:6379.
if (wanted("topology")) {
  if (buildPlugin()) jestSuite("topology")
  else failed += 1
}
if (wanted("browser")) {
  console.log("\n=== browser test ===")
  if (run("node", ["integration-tests/browser/connect-flow.mjs"]) === 0) {
    passed += 1
  } else {
    failed += 1
    problems.push("browser: connect flow failed")
  }
}

for (const problem of problems) console.log(`! ${problem}`)
console.log(`\nTests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
