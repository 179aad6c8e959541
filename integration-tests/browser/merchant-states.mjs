#!/usr/bin/env node
// `node integration-tests/browser/merchant-states.mjs` (part of `npm test`'s browser suite): every Meta screen
// tells the merchant the truth in every state of the connection. Boots the development store as `npm run dev`
// does (its own database, ports and state dir), and in headless Chromium walks the states
//   never connected → connected → test mode → Catalog sync and Ads switched off → token revoked at Meta →
//   disconnected,
// visiting in each the Meta overview, Catalog, Events, Inbox, Publishing, Insights, Campaigns, Rules, App Review,
// Settings → Meta, a product page (its widgets) and an order page (its Purchase card). Each screen must show the
// shared readiness notice ([data-testid=meta-feature-notice] with data-state) exactly when its feature is not
// ready, with the step that fixes it, and its real data when it is. A screenshot of every (state, screen) is
// written to a directory under the OS temp dir; React console errors and warnings raised by the plugin's own
// components fail the run. Every failing (state, screen) is listed at the end, not only the first.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { launchChromium, root, seconds, startDevStore, storeConfig, storeSession, tail } from "./lib/dev-store.mjs"

const config = storeConfig({ port: "9110", emulatorPort: "9799", database: "medusa_plugin_meta_browser_states" })
const { storeUrl, emulatorUrl } = config
const log = (message) => console.log(`[states] ${message}`)
const session = storeSession(config, log)

/** A test event code as Events Manager → Test Events hands it out. */
const TEST_EVENT_CODE = "TEST48213"
/** The features the "feature off" state switches off: one sync feature and the one behind two screens. */
const SWITCHED_OFF = ["catalog", "ads"]
const NOTICE = "[data-testid=meta-feature-notice]"
const SETTINGS_HREF = "/app/settings/meta"

/**
 * The screens walked in every state. `feature`: the feature whose readiness the screen shows (null: the
 * connection only). `data`: what the screen shows once its feature is ready. `testMode`: where the text
 * "Test mode" must be while a test event code is set.
 */
const SCREENS = [
  { name: "overview", path: () => "/app/meta", feature: null, data: "[data-testid=meta-overview]" },
  { name: "catalog", path: () => "/app/meta/catalog", feature: "catalog", data: "[data-testid=meta-catalog-items]" },
  { name: "events", path: () => "/app/meta/events", feature: "capi", data: "[data-testid=meta-capi-events-log]", testMode: true },
  { name: "inbox", path: () => "/app/meta/webhooks", feature: "webhooks", data: "[data-testid=meta-webhook-log]" },
  { name: "publishing", path: () => "/app/meta/publishing", feature: "publishing", data: "[data-testid=meta-publishing] [data-testid=meta-publishing-range]" },
  { name: "insights", path: () => "/app/meta/insights", feature: "insights", data: "[data-testid=meta-insights], [data-testid=meta-insights-no-accounts]" },
  { name: "campaigns", path: () => "/app/meta/campaigns", feature: "ads", data: "[data-testid=meta-campaigns-empty], [data-testid=meta-campaigns-list]" },
  { name: "rules", path: () => "/app/meta/rules", feature: "ads", data: "[data-testid=meta-rules-list]" },
  { name: "app-review", path: () => "/app/meta/app-review", feature: null, data: "[data-testid=meta-app-review-permissions]" },
  { name: "settings", path: () => SETTINGS_HREF, settings: true, data: "[data-testid=meta-connection-status]", testMode: true },
  { name: "product", path: (ids) => `/app/products/${ids.product}`, feature: "catalog", data: "[data-testid=meta-product-catalog]" },
  { name: "order", path: (ids) => `/app/orders/${ids.order}`, feature: "capi", data: "[data-testid=meta-order-purchase]", testMode: true },
]

/**
 * What a screen must show in a walk state: the notice's state (null: no notice at all, and the data), plus
 * the controls the state calls for.
 */
function expectationFor(state, screen) {
  if (state.name === "never-connected" || state.name === "disconnected") {
    return screen.settings ? { connectButton: true } : { notice: "not_connected", settingsLink: true }
  }
  if (state.name === "token-revoked") {
    return screen.settings ? { reconnect: true } : { notice: "needs_reconnect", reconnect: true }
  }
  if (state.name === "feature-off" && SWITCHED_OFF.includes(screen.feature)) {
    return { notice: "feature_off", settingsLink: true }
  }
  return { notice: null, testMode: state.name === "test-mode" && !!screen.testMode }
}

/**
 * Console messages attributed to the plugin: they name its package or its admin sources, or a component of
 * ours in React's component stack. The names are read from src/admin, so a new component is covered.
 */
function pluginComponentNames() {
  const names = new Set()
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) {
        if (entry !== "__tests__") walk(path)
      } else if (path.endsWith(".tsx")) {
        const source = readFileSync(path, "utf8")
        for (const match of source.matchAll(/(?:const|function)\s+([A-Z][A-Za-z0-9]+)\s*(?:=\s*(?:\(|<|memo|forwardRef)|\()/g)) {
          names.add(match[1])
        }
      }
    }
  }
  walk(join(root, "src/admin"))
  return names
}

// One-word names (Section, Row, Message) are left out: the dashboard has components of the same name.
const componentNames = new Set([...pluginComponentNames()].filter((name) => /^[A-Z][a-z0-9]+[A-Z]/.test(name)))
/** The plugin's admin sources as the dev server serves them (the dashboard's own come from node_modules). */
const PLUGIN_SOURCE = /medusa-plugin-meta|^(?!.*\/node_modules\/).*\/src\/admin\//

/**
 * Raised by the plugin: a frame of React's component stack (or the location) is in the plugin's admin sources,
 * or the message or a frame without a source names one of our components ("Check the render method of `X`").
 */
function raisedByPlugin(text, url) {
  if (url && PLUGIN_SOURCE.test(url)) return true
  for (const line of text.split("\n")) {
    const frame = /^\s*at (\S+)(?: \((.*)\))?$/.exec(line)
    if (frame) {
      if (frame[2] ? PLUGIN_SOURCE.test(frame[2]) : componentNames.has(frame[1])) return true
    } else if (PLUGIN_SOURCE.test(line)) {
      return true
    }
  }
  for (const match of text.matchAll(/`([A-Z][A-Za-z0-9]+)`/g)) {
    if (componentNames.has(match[1])) return true
  }
  return false
}

/**
 * Medusa's dashboard and Chromium write these on every page, whatever the plugin does; they are listed in the
 * run's output but do not fail it.
 */
const KNOWN_NOISE = [
  { pattern: /^Failed to load resource/, why: "Chromium's line for any 4xx/5xx response (401s before login); the plugin's 5xx responses are checked separately" },
  { pattern: /React Router Future Flag Warning/, why: "the dashboard's react-router v6 announcing v7 behaviour" },
  { pattern: /\[vite\]/, why: "Vite's dev-server messages (dependency optimisation reloads)" },
  { pattern: /Download the React DevTools/, why: "React's development-build banner" },
]

/** Records console errors/warnings and page errors, sorted into the plugin's (failures) and the rest. */
function watchConsole(page, where) {
  const plugin = []
  const ignored = new Map()
  const serverErrors = []
  const note = (text, url) => {
    const current = `${where.state}/${where.screen}`
    const known = KNOWN_NOISE.find((n) => n.pattern.test(text))
    if (!known && raisedByPlugin(text, url)) {
      plugin.push(`${current}: ${text.split("\n").slice(0, 4).join(" | ").slice(0, 400)}`)
      return
    }
    const key = known ? known.why : text.split("\n")[0].slice(0, 160)
    const entry = ignored.get(key) ?? { count: 0, first: `${current}: ${text}` }
    entry.count += 1
    ignored.set(key, entry)
  }
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") note(message.text(), message.location()?.url)
  })
  page.on("pageerror", (error) => note(`pageerror: ${error.message}\n${error.stack ?? ""}`, ""))
  page.on("response", (response) => {
    const url = new URL(response.url())
    if (response.status() >= 500 && (url.pathname.startsWith("/admin/meta") || url.pathname.startsWith("/meta/"))) {
      serverErrors.push(`${where.state}/${where.screen}: HTTP ${response.status()} ${response.request().method()} ${url.pathname}`)
    }
  })
  return { plugin, ignored, serverErrors }
}

async function openScreen(page, path) {
  await page.goto(`${storeUrl}${path}`, { waitUntil: "domcontentloaded", timeout: 90_000 })
}

/** Until the screen's requests are answered (and Vite's reloads done): only then is "no notice" a verdict. */
const settle = (page) => page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {})

/** The problems of one screen against its expectation; empty when the screen tells the truth. */
async function judgeScreen(page, expectation, screen) {
  const problems = []
  const notices = page.locator(NOTICE)
  if (expectation.notice) {
    const wanted = page.locator(`${NOTICE}[data-state=${expectation.notice}]`).first()
    const shown = await wanted.waitFor({ state: "visible", timeout: 15_000 }).then(() => true, () => false)
    if (!shown) {
      const states = await notices.evaluateAll((all) => all.map((n) => n.getAttribute("data-state")))
      problems.push(states.length ? `shows notices ${JSON.stringify(states)}, not ${expectation.notice}` : `shows no notice (expected data-state=${expectation.notice})`)
    } else {
      if (expectation.settingsLink && !(await wanted.locator(`a[href="${SETTINGS_HREF}"]`).count())) {
        problems.push(`its ${expectation.notice} notice has no link to ${SETTINGS_HREF}`)
      }
      if (expectation.reconnect && !(await wanted.getByText(/Reconnect/).count())) {
        problems.push('its needs_reconnect notice has no "Reconnect" control')
      }
      const others = await notices.evaluateAll((all, state) => all.map((n) => n.getAttribute("data-state")).filter((s) => s !== state), expectation.notice)
      if (others.length) problems.push(`also shows notices ${JSON.stringify(others)}`)
    }
  } else if (expectation.connectButton) {
    const shown = await page.locator("[data-testid=meta-connect-button]").waitFor({ state: "visible", timeout: 10_000 }).then(() => true, () => false)
    if (!shown) problems.push('offers no "Connect" button')
  } else if (expectation.reconnect) {
    const reconnect = page.getByRole("button", { name: /Reconnect/ }).or(page.getByRole("link", { name: /Reconnect/ })).first()
    const shown = await reconnect.waitFor({ state: "visible", timeout: 10_000 }).then(() => true, () => false)
    if (!shown) problems.push('offers no "Reconnect" control')
  } else {
    const data = page.locator(screen.data).first()
    const shown = await data.waitFor({ state: "visible", timeout: 15_000 }).then(() => true, () => false)
    if (!shown) problems.push(`does not show its data (${screen.data})`)
    await settle(page)
    const states = await notices.evaluateAll((all) => all.map((n) => n.getAttribute("data-state")))
    if (states.length) problems.push(`shows notices ${JSON.stringify(states)} though its feature is ready`)
  }
  if (expectation.testMode) {
    const shown = await page.getByText("Test mode", { exact: false }).first().waitFor({ state: "visible", timeout: 10_000 }).then(() => true, () => false)
    if (!shown) problems.push('does not say "Test mode" while a test event code is set')
  }
  return problems
}

/** Meta's side: every user and system-user token of the store's app invalidated (the person changed their password). */
async function revokeTokensAtMeta() {
  const world = await fetch(`${emulatorUrl}/_emulator/state`).then((r) => r.json())
  const tokens = Object.values(world.tokens ?? {}).filter((t) => (t.type === "USER" || t.type === "SYSTEM_USER") && !t.invalidated)
  if (!tokens.length) throw new Error("the emulator holds no valid user token to revoke")
  for (const { token } of tokens) {
    const answer = await fetch(`${emulatorUrl}/_emulator/tokens/revoke`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    })
    if (!answer.ok) throw new Error(`the emulator did not revoke a token: ${answer.status}`)
  }
  return tokens.length
}

const STATES = [
  {
    name: "never-connected",
    enter: async (page, ids) => {
      // An order placed before the store ever connected: its card must not look sent.
      ids.order = (await session.placeOrder()).id
    },
  },
  {
    name: "connected",
    enter: async (page, ids) => {
      await page.goto(`${storeUrl}${SETTINGS_HREF}`, { waitUntil: "domcontentloaded" })
      await session.connectThroughConsentPage(page)
      await page.locator("[data-testid=meta-connection-status]").filter({ hasText: "Active" }).waitFor({ state: "visible", timeout: 60_000 })
      // The merchant's first "Sync from Meta" reads the chosen ad account, which Campaigns and Rules then show.
      await session.showAfterReloads(page, "/app/meta/campaigns", page.locator("[data-testid=meta-campaigns-sync]:enabled"))
      await page.locator("[data-testid=meta-campaigns-sync]").click()
      await page.locator("[data-testid=meta-campaigns-empty], [data-testid=meta-campaigns-list]").first().waitFor({ state: "visible", timeout: 60_000 })
      ids.order = (await session.placeOrder()).id
      // The Purchase reaches Meta through the outbox within seconds; the order card then says so.
      await session.showAfterReloads(page, `/app/orders/${ids.order}`, page.locator("[data-testid=meta-order-purchase]").filter({ hasText: "Sent" }), 90_000)
    },
  },
  {
    name: "test-mode",
    enter: async (page, ids) => {
      await session.adminApi(page, "POST", "/admin/meta/events/settings", { test_event_code: TEST_EVENT_CODE })
      ids.liveOrder = ids.order
      ids.order = (await session.placeOrder()).id
    },
    leave: async (page, ids) => {
      await session.adminApi(page, "POST", "/admin/meta/events/settings", { test_event_code: null })
      ids.order = ids.liveOrder
    },
  },
  {
    name: "feature-off",
    enter: (page) => session.adminApi(page, "POST", "/admin/meta/connection/features", Object.fromEntries(SWITCHED_OFF.map((f) => [f, false]))),
    leave: (page) => session.adminApi(page, "POST", "/admin/meta/connection/features", Object.fromEntries(SWITCHED_OFF.map((f) => [f, true]))),
  },
  {
    name: "token-revoked",
    enter: async (page) => {
      const count = await revokeTokensAtMeta()
      // The health check is the merchant's "Check connection": Meta answers 190 and the connection is marked.
      const deadline = Date.now() + 60_000
      for (;;) {
        await session.adminApi(page, "POST", "/admin/meta/connection/health").catch(() => {})
        const { connection } = await session.adminApi(page, "GET", "/admin/meta/connection")
        if (["revoked", "expired", "error"].includes(connection?.status)) {
          log(`Revoked ${count} token(s) at Meta; the connection is now "${connection.status}"`)
          return
        }
        if (Date.now() > deadline) throw new Error(`after revoking the token at Meta the connection is still "${connection?.status}"`)
        await page.waitForTimeout(2_000)
      }
    },
  },
  {
    name: "disconnected",
    enter: (page) => session.adminApi(page, "DELETE", "/admin/meta/connection"),
  },
]

async function walk(page, shotsDir, where, timings) {
  const ids = {}
  const failures = []
  const visited = new Set()
  const { products } = await session.adminApi(page, "GET", "/admin/products?limit=1&fields=id")
  ids.product = products[0].id
  for (const [index, state] of STATES.entries()) {
    const started = Date.now()
    where.state = state.name
    where.screen = "(entering)"
    await state.enter(page, ids)
    for (const screen of SCREENS) {
      where.screen = screen.name
      const path = screen.path(ids)
      const expectation = expectationFor(state, screen)
      await openScreen(page, path)
      let problems = await judgeScreen(page, expectation, screen)
      // The first visit of a route can be cut short by Vite optimising its dependencies: judge it once more.
      if (problems.length && !visited.has(screen.name)) {
        await openScreen(page, path)
        problems = await judgeScreen(page, expectation, screen)
      }
      visited.add(screen.name)
      const file = join(shotsDir, `${index + 1}-${state.name}-${screen.name}.png`)
      writeFileSync(file, await page.screenshot({ fullPage: true }))
      if (problems.length) failures.push({ state: state.name, screen: screen.name, path, problems })
      log(`${state.name} · ${screen.name}: ${problems.length ? `FAIL — ${problems.join("; ")}` : "ok"}`)
    }
    where.screen = "(leaving)"
    await state.leave?.(page, ids)
    timings[state.name] = seconds(started)
  }
  return failures
}

async function main() {
  const shotsDir = mkdtempSync(join(tmpdir(), "meta-merchant-states-"))
  log(`Screenshots: ${shotsDir}`)
  const started = Date.now()
  const store = await startDevStore(config, { log })
  let browser
  let page
  let failed = false
  const timings = {}
  const where = { state: "(boot)", screen: "(login)" }
  let seen = { plugin: [], ignored: new Map(), serverErrors: [] }
  const cleanUp = async () => {
    await browser?.close().catch(() => {})
    await store.stop()
  }
  const interrupt = async () => {
    await cleanUp()
    process.exit(130)
  }
  process.once("SIGINT", interrupt)
  process.once("SIGTERM", interrupt)

  try {
    await store.healthy()
    timings.health = seconds(started)
    log(`Store healthy after ${timings.health} (includes migrations and seed)`)
    ;({ browser, page } = await launchChromium())
    seen = watchConsole(page, where)
    await session.openLoginForm(page)
    await session.logIn(page)
    timings.login = seconds(started)
    const failures = await walk(page, shotsDir, where, timings)

    if (failures.length) {
      failed = true
      console.error(`[states] ${failures.length} (state, screen) pairs do not tell the truth:`)
      for (const f of failures) console.error(`  - ${f.state} · ${f.screen} (${f.path}): ${f.problems.join("; ")}`)
    }
    if (seen.plugin.length) {
      failed = true
      console.error(`[states] ${seen.plugin.length} console errors/warnings raised by the plugin's components:`)
      for (const line of [...new Set(seen.plugin)].slice(0, 30)) console.error(`  - ${line}`)
    }
    if (seen.serverErrors.length) {
      failed = true
      console.error(`[states] The plugin's routes answered with server errors:`)
      for (const line of [...new Set(seen.serverErrors)]) console.error(`  - ${line}`)
    }
  } catch (error) {
    failed = true
    console.error(`[states] FAILED in ${where.state} · ${where.screen}: ${error.message}`)
    if (page) {
      console.error(`[states] Page: ${page.url()}`)
      const png = await page.screenshot().catch(() => undefined)
      if (png) writeFileSync(join(shotsDir, "failure.png"), png)
    }
    console.error(`[states] Last lines of the store log:\n${tail(store.devLog, 60)}`)
  }

  if (seen.ignored.size) {
    // In full (with React's component stacks) beside the screenshots, to check what was left out.
    const file = join(shotsDir, "ignored-console.txt")
    writeFileSync(file, [...seen.ignored.values()].map((e) => `${e.count} ×\n${e.first}\n`).join("\n"))
    log(`Ignored console messages (not raised by the plugin's components; in full in ${file}):`)
    for (const [what, { count }] of seen.ignored) log(`  ${count} × ${what}`)
  }
  log(`Timings: ${JSON.stringify({ ...timings, total: seconds(started) })}`)
  log(`Screenshots: ${shotsDir}`)
  await cleanUp()
  console.log(failed ? "0 passed, 1 failed" : "1 passed, 0 failed")
  process.exit(failed ? 1 : 0)
}

main().catch((error) => {
  console.error(`[states] ${error.message}`)
  console.log("0 passed, 1 failed")
  process.exit(1)
})
