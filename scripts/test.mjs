#!/usr/bin/env node
// `npm test`: every suite, in order — unit (no database), module integration and HTTP integration
// (PostgreSQL + the Graph API emulator), the built plugin installed into a fixture app (with the installed
// Medusa, the highest supported, and again with the lowest of the peer range), the built plugin
// in the production topology (server + two workers on Redis), and the browser tests (the connect flow, and
// every Meta screen in every state of the connection).
// Prints one closing line: "Tests: N passed, N failed".
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { dropDatabase, queryDatabase } from "./lib/ensure-postgres.mjs"
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
/**
 * Medusa's test runner keeps a database that already exists (createDatabase with errorIfExist: false): one
 * left by a run that was killed before its teardown still holds that run's admin user and data, and the
 * next run of the file fails on them ("user already exists"). Each spec's database is its own, so the
 * HTTP and built suites start by dropping what is left of theirs.
 */
async function dropLeftoverTestDatabases() {
  const adminUrl = `postgres://${process.env.DB_USERNAME ?? "postgres"}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? "5432"}/postgres`
  const rows = (await queryDatabase(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE 'meta-it-%'`)) ?? []
  for (const { datname } of rows) await dropDatabase(`${adminUrl.replace(/\/postgres$/, "")}/${datname}`)
  if (rows.length) console.log(`(dropped ${rows.length} database(s) left by an earlier run: ${rows.map((r) => r.datname).join(", ")})`)
}

if (wanted("http") || wanted("built") || wanted("built-lowest")) await dropLeftoverTestDatabases()
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
  // One after the other: each boots its own development store, and the machine is shared.
  for (const [file, name] of [
    ["integration-tests/browser/connect-flow.mjs", "connect flow"],
    ["integration-tests/browser/merchant-states.mjs", "merchant states (every screen in every connection state)"],
  ]) {
    if (run("node", [file]) === 0) {
      passed += 1
    } else {
      failed += 1
      problems.push(`browser: ${name} failed`)
    }
  }
}

for (const problem of problems) console.log(`! ${problem}`)
console.log(`\nTests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
