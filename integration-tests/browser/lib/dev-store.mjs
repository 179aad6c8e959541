// What the browser tests share: the development store booted as `npm run dev` boots it (its own database,
// ports, env file and state dir, so the developer's store is never touched), headless Debian Chromium, and
// the merchant's and the shopper's first steps (log into the admin, connect through the emulator's consent
// page, check out through the store API).
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { dropDatabase, ensureDatabase, queryDatabase } from "../../../scripts/lib/ensure-postgres.mjs"
import { isPortInUse, terminateGroup, waitForHttp } from "../../../scripts/lib/processes.mjs"

const require = createRequire(import.meta.url)
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..")

export const CHROMIUM = "/usr/bin/chromium"
export const ADMIN_EMAIL = "admin@medusa-test.com"
export const ADMIN_PASSWORD = "supersecret"
const HEALTH_TIMEOUT_MS = 180_000
const LOGIN_FORM_TIMEOUT_MS = 300_000

export const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`

// Keys that would point the store at the developer's own database or Meta app; the test sets its own.
const INHERITED_KEYS_TO_DROP = /^(DATABASE_URL|MEDUSA_BACKEND_URL|JWT_SECRET|COOKIE_SECRET|NODE_ENV|META_.*)$/

/** The ports and database of one test's store, and the URLs derived from them. */
export function storeConfig({ port, emulatorPort, database }) {
  return {
    port,
    emulatorPort,
    database,
    storeUrl: `http://localhost:${port}`,
    emulatorUrl: `http://127.0.0.1:${emulatorPort}`,
    databaseUrl: `postgres://postgres@localhost:5432/${database}`,
  }
}

function devEnv(config, tempDir, extraEnv) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED_KEYS_TO_DROP.test(key)))
  return {
    ...env,
    DEV_STORE_DB: config.database,
    PORT: config.port,
    META_EMULATOR_PORT: config.emulatorPort,
    DEV_STORE_ENV_FILE: join(tempDir, "env"),
    DEV_STORE_DIR: join(tempDir, "store"),
    ...extraEnv,
  }
}

/**
 * Starts `scripts/dev.mjs` on a fresh database, its log in a temporary directory (`medusa develop`
 * restarts on any new file in the repository). `stop()` ends the whole process group and removes the
 * temporary directory, after handing its log to `keepLog` when given. Fails at once without Chromium or
 * when a port is taken.
 */
export async function startDevStore(config, { log, extraEnv = {} }) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) and run again.`)
  }
  for (const port of [config.port, config.emulatorPort]) {
    if (await isPortInUse(port)) {
      throw new Error(`port ${port} is already in use; stop whatever listens there (a previous test run?)`)
    }
  }
  log(`Fresh database ${config.database}`)
  await ensureDatabase(config.databaseUrl, log)
  await dropDatabase(config.databaseUrl)

  const tempDir = mkdtempSync(join(tmpdir(), "meta-browser-"))
  const devLog = join(tempDir, "dev.log")
  const logFd = openSync(devLog, "a")
  log(`Starting the development store (npm run dev) on port ${config.port}; log: ${devLog}`)
  const dev = spawn(process.execPath, [join(root, "scripts/dev.mjs")], {
    cwd: root,
    env: devEnv(config, tempDir, extraEnv),
    detached: true,
    stdio: ["ignore", logFd, logFd],
  })
  const stop = async (keepLog) => {
    await terminateGroup(dev.pid)
    for (const port of [config.port, config.emulatorPort]) {
      if (await isPortInUse(port)) log(`Warning: something still listens on port ${port} after stopping the store`)
    }
    keepLog?.(devLog)
    rmSync(tempDir, { recursive: true, force: true })
  }
  const healthy = () =>
    waitForHttp(`${config.storeUrl}/health`, { timeoutMs: HEALTH_TIMEOUT_MS, child: dev, accept: (status) => status === 200 })
  return { dev, devLog, healthy, stop }
}

/** Headless Debian Chromium, one page at a desktop size. */
export async function launchChromium() {
  const { chromium } = require("playwright-core")
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
  return { browser, page }
}

export function tail(path, lines) {
  try {
    return readFileSync(path, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

/** The admin and store steps every walk takes, bound to one store. */
export function storeSession(config, log) {
  const { storeUrl, databaseUrl } = config

  // The first cold load makes Vite optimise the dashboard's dependencies, which reloads the page a few
  // times; keep waiting for the form and reload if the page got stuck.
  async function openLoginForm(page) {
    const deadline = Date.now() + LOGIN_FORM_TIMEOUT_MS
    await page.goto(`${storeUrl}/app`, { waitUntil: "domcontentloaded", timeout: LOGIN_FORM_TIMEOUT_MS })
    for (;;) {
      try {
        await page.locator('input[name="email"]').waitFor({ state: "visible", timeout: 45_000 })
        return
      } catch {
        if (Date.now() > deadline) {
          throw new Error(`the admin login form did not appear within ${LOGIN_FORM_TIMEOUT_MS / 1000} s`)
        }
        log("Login form not there yet; reloading the admin")
        await page.reload({ waitUntil: "domcontentloaded", timeout: 60_000 }).catch(() => {})
      }
    }
  }

  async function logIn(page) {
    await page.locator('input[name="email"]').fill(ADMIN_EMAIL)
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname.startsWith("/app") && !url.pathname.startsWith("/app/login"), {
      timeout: 60_000,
    })
  }

  // A newly visited admin route may make Vite optimise more dependencies and reload the page once, so the
  // click is retried after a reload when the consent page does not show up.
  async function connectThroughConsentPage(page) {
    const connect = page.locator("[data-testid=meta-connect-button]")
    const consent = page.locator("[data-testid=emulator-consent-continue]")
    for (let attempt = 1; ; attempt++) {
      await connect.waitFor({ state: "visible", timeout: 90_000 })
      await connect.click()
      try {
        await consent.waitFor({ state: "visible", timeout: 30_000 })
        break
      } catch {
        if (attempt >= 2) {
          throw new Error(`the emulator consent page did not open (now at ${page.url()})`)
        }
        log(`Consent page did not open (at ${page.url()}); reloading and clicking again`)
        await page.goto(`${storeUrl}/app/settings/meta`, { waitUntil: "domcontentloaded" })
      }
    }
    log(`Consent page: ${new URL(page.url()).origin}${new URL(page.url()).pathname}`)
    await consent.click()
    await page.waitForURL((url) => url.origin === storeUrl && url.pathname === "/app/settings/meta", {
      timeout: 60_000,
    })
  }

  /** A shopper's checkout through the store API (the storefront's calls), handing over the browser context. */
  async function placeOrder() {
    const [{ token }] = await queryDatabase(
      databaseUrl,
      "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1"
    )
    const call = async (method, path, body) => {
      const response = await fetch(`${storeUrl}${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          "x-publishable-api-key": token,
          "user-agent": "Mozilla/5.0 (X11; Linux x86_64) browser-test",
        },
        body: body ? JSON.stringify(body) : undefined,
      })
      const data = await response.json()
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(data)}`)
      return data
    }
    const { regions } = await call("GET", "/store/regions")
    const region = regions.find((r) => r.currency_code === "usd") ?? regions[0]
    const { products } = await call("GET", `/store/products?limit=1&region_id=${region.id}&fields=*variants`)
    const { cart } = await call("POST", "/store/carts", { region_id: region.id })
    await call("POST", `/store/carts/${cart.id}/line-items`, { variant_id: products[0].variants[0].id, quantity: 1 })
    const address = { first_name: "Sam", last_name: "Shopper", address_1: "1 Main St", city: "Austin", province: "TX", postal_code: "78701", country_code: "us", phone: "(512) 555-0100" }
    await call("POST", `/store/carts/${cart.id}`, { email: "sam.shopper@example.com", shipping_address: address, billing_address: address })
    await call("POST", "/store/meta/cart-context", { cart_id: cart.id, consent: true, fbp: "fb.1.1700000000000.1234567890", event_source_url: "https://localhost:8000/checkout" })
    const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
    await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
    const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
    await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
    const completed = await call("POST", `/store/carts/${cart.id}/complete`)
    if (completed.type !== "order") throw new Error(`the cart did not complete: ${JSON.stringify(completed)}`)
    return completed.order
  }

  /** Opens an admin page until `locator` shows: the data behind it may still be on its way (webhooks, sync). */
  async function showAfterReloads(page, path, locator, timeoutMs = 90_000) {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      await page.goto(`${storeUrl}${path}`, { waitUntil: "domcontentloaded" })
      try {
        await locator.waitFor({ state: "visible", timeout: 15_000 })
        return
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`${path}: ${error.message.split("\n")[0]}`)
      }
    }
  }

  /** An admin API call from the logged-in page (its session cookie), failing with the route's message. */
  const adminApi = (page, method, path, body) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const response = await fetch(path, {
          method,
          credentials: "include",
          headers: body ? { "content-type": "application/json" } : {},
          body: body ? JSON.stringify(body) : undefined,
        })
        const data = await response.json().catch(() => ({}))
        if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${data.message ?? JSON.stringify(data)}`)
        return data
      },
      { method, path, body }
    )

  return { openLoginForm, logIn, connectThroughConsentPage, placeOrder, showAfterReloads, adminApi }
}
