#!/usr/bin/env node
// `npm test`: every suite, in order — unit (no database), module integration and HTTP integration
// (PostgreSQL + the Graph API emulator), the built plugin installed into a fixture app, the built plugin
// in the production topology (server + two workers on Redis), and the browser test of the connect flow.
// Prints one closing line: "Tests: N passed, N failed".
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, existsSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const root = new URL("..", import.meta.url).pathname
const only = process.argv.slice(2)
const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
const outDir = mkdtempSync(join(tmpdir(), "meta-tests-"))
let passed = 0
let failed = 0
const problems = []

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } })
  return result.status ?? 1
}

function jestSuite(type) {
  const file = join(outDir, `${type.replace(/\W/g, "-")}.json`)
  console.log(`\n=== ${type} tests ===`)
  const code = run(
    "npx",
    ["jest", "--silent=false", "--runInBand", "--forceExit", "--json", `--outputFile=${file}`],
    { TEST_TYPE: type, NODE_OPTIONS: "--experimental-vm-modules" }
  )
  if (!existsSync(file)) {
    failed += 1
    problems.push(`${type}: jest produced no report (exit ${code})`)
    return
  }
  const report = JSON.parse(readFileSync(file, "utf8"))
  passed += report.numPassedTests
  failed += report.numFailedTests
  if (report.numTotalTests === 0) {
    failed += 1
    problems.push(`${type}: no test ran`)
  } else if (code !== 0 && report.numFailedTests === 0) {
    failed += 1
    problems.push(`${type}: jest exited ${code} (suite failed to run)`)
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
