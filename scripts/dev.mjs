#!/usr/bin/env node
// `npm run dev`: the whole development store from one command. Fills the env file, makes the database,
// migrates, seeds once, starts the Meta Graph API emulator (the offline "sandbox" Meta) and then
// `medusa develop`, which serves the store API and the admin with this plugin's extensions on one port.
//
// Overrides (used by the browser test so it never touches the developer's store):
//   DEV_STORE_DB (medusa_plugin_meta_dev), PORT (9000), META_EMULATOR_PORT (9797),
//   DEV_STORE_DIR (.dev-store), DEV_STORE_ENV_FILE (.env)
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { addMissingEnvKeys, readEnvFile } from "./lib/env-file.mjs"
import { ensureDatabase, parseDatabaseUrl, queryDatabase, redactUrl } from "./lib/ensure-postgres.mjs"
import { descendantPids, isPortInUse, terminatePids, waitForHttp } from "./lib/processes.mjs"

const require = createRequire(import.meta.url)
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")

const ADMIN_EMAIL = "admin@medusa-test.com"
const ADMIN_PASSWORD = "supersecret"
const HEALTH_TIMEOUT_MS = 180_000
const EMULATOR_TIMEOUT_MS = 60_000
const EMULATOR_CLI = "src/emulator/cli.ts"
const WATCH_IGNORES = "scripts/lib/develop-watch-ignores.cjs"

const port = process.env.PORT || "9000"
const emulatorPort = process.env.META_EMULATOR_PORT || "9797"
const storeDir = resolve(root, process.env.DEV_STORE_DIR || ".dev-store")
const envFile = resolve(root, process.env.DEV_STORE_ENV_FILE || ".env")
const defaultDatabase = process.env.DEV_STORE_DB || "medusa_plugin_meta_dev"

const log = (message) => console.log(`[dev] ${message}`)
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`
const secret = () => randomBytes(24).toString("base64url")

function envDefaults() {
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`
  return [
    {
      key: "DATABASE_URL",
      value: `postgres://postgres@localhost:5432/${defaultDatabase}`,
    },
    { key: "JWT_SECRET", value: secret },
    { key: "COOKIE_SECRET", value: secret },
    { key: "MEDUSA_BACKEND_URL", value: `http://localhost:${port}` },
    { key: "MEDUSA_DISABLE_TELEMETRY", value: "true" },
    { key: "META_APP_ID", value: "1234567890" },
    { key: "META_APP_SECRET", value: "sandbox-app-secret" },
    { key: "META_GRAPH_API_URL", value: emulatorUrl },
    { key: "META_OAUTH_DIALOG_URL", value: emulatorUrl },
    { key: "META_WEBHOOK_VERIFY_TOKEN", value: secret },
    // Catalog items need a product link, and Meta only takes https links: the Next.js starter's port, over https.
    { key: "META_STOREFRONT_URL", value: "https://localhost:8000" },
    { key: "META_ENCRYPTION_KEY", value: () => randomBytes(32).toString("base64") },
  ]
}

// Step a: the env file gets every key it lacks; existing values always win.
function prepareEnv() {
  const inRepo = !relative(root, envFile).startsWith("..")
  const fileName = inRepo ? relative(root, envFile) : envFile
  const before = readEnvFile(envFile)
  // A rotation list counts as "a key is set": never generate a competing one.
  const hasKeys = before.META_ENCRYPTION_KEYS || process.env.META_ENCRYPTION_KEYS
  const defaults = envDefaults().filter(({ key }) => !(key === "META_ENCRYPTION_KEY" && hasKeys))
  const written = addMissingEnvKeys(envFile, defaults)
  if (written.length > 0) {
    log(`Wrote defaults to ${fileName}: ${written.join(", ")}`)
  } else {
    log(`Using ${fileName}`)
  }
  if (written.includes("META_ENCRYPTION_KEY")) {
    log(
      `Generated META_ENCRYPTION_KEY and saved it to ${fileName} — keep it: tokens stored in the database are encrypted with it`
    )
  }
  // Like dotenv: a variable already in the environment beats the file.
  const env = {
    ...readEnvFile(envFile),
    ...process.env,
    NODE_ENV: "development",
    PORT: port,
    MEDUSA_DISABLE_TELEMETRY: process.env.MEDUSA_DISABLE_TELEMETRY || "true",
    // medusa-config.ts then skips reading .env: the env file chosen here is the only source.
    MEDUSA_PLUGIN_META_ENV_LOADED: "1",
  }
  const backendPort = (() => {
    try {
      return new URL(env.MEDUSA_BACKEND_URL).port || "80"
    } catch {
      return undefined
    }
  })()
  if (backendPort !== port) {
    log(
      `Note: MEDUSA_BACKEND_URL is ${env.MEDUSA_BACKEND_URL} but the store listens on port ${port}; ` +
        "the Meta OAuth redirect uses MEDUSA_BACKEND_URL."
    )
  }
  return env
}

function medusaCli(args, env, { quiet }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [require.resolve("@medusajs/cli/cli.js"), ...args], {
      cwd: root,
      env,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    })
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    child.stderr?.on("data", (chunk) => (output += chunk))
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      if (code === 0) {
        resolvePromise(output)
        return
      }
      if (quiet) {
        process.stderr.write(output.split("\n").slice(-80).join("\n") + "\n")
      }
      reject(new Error(`medusa ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`))
    })
  })
}

async function isSeeded(databaseUrl) {
  const rows = await queryDatabase(
    databaseUrl,
    'SELECT 1 FROM "user" WHERE email = $1 AND deleted_at IS NULL',
    [ADMIN_EMAIL]
  )
  return (rows?.length ?? 0) > 0
}

// Stores seeded before the demo images were shipped show them from a remote bucket (broken offline); the
// seed moves them to the store's own files (LEGACY_DEMO_IMAGE_HOST in dev/demo-catalog.ts).
async function hasRemoteDemoImages(databaseUrl) {
  const rows = await queryDatabase(
    databaseUrl,
    "SELECT 1 FROM product WHERE thumbnail LIKE $1 AND deleted_at IS NULL LIMIT 1",
    ["https://medusa-public-images.s3.eu-west-1.amazonaws.com/%"]
  ).catch(() => undefined)
  return (rows?.length ?? 0) > 0
}

async function publishableKey(databaseUrl) {
  const rows = await queryDatabase(
    databaseUrl,
    "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1"
  ).catch(() => undefined)
  return rows?.[0]?.token
}

const children = new Set()
let stopping = false

async function stopAll(exitCode) {
  if (stopping) {
    return
  }
  stopping = true
  log("Stopping the store and the emulator…")
  const pids = new Set([...descendantPids(process.pid), ...[...children].map((child) => child.pid)])
  await terminatePids([...pids].filter(Boolean), { graceMs: 10_000 })
  process.exit(exitCode)
}

function startChild(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] })
  children.add(child)
  child.on("exit", () => children.delete(child))
  child.on("error", (error) => log(`${name} failed to start: ${error.message}`))
  return child
}

async function assertPortFree(portNumber, what, variable) {
  if (await isPortInUse(portNumber)) {
    throw new Error(
      `Port ${portNumber} (${what}) is already in use — stop the other process or set ${variable} to another port.`
    )
  }
}

async function main() {
  log(`Development store in ${root}`)
  const env = prepareEnv()
  mkdirSync(storeDir, { recursive: true })

  // Step b: PostgreSQL and the database.
  const { database } = parseDatabaseUrl(env.DATABASE_URL)
  const { created } = await ensureDatabase(env.DATABASE_URL, log)
  log(`${created ? "Created" : "Found"} database ${database} (${redactUrl(env.DATABASE_URL)})`)

  await assertPortFree(port, "store", "PORT")
  await assertPortFree(emulatorPort, "Meta emulator", "META_EMULATOR_PORT")

  // Step c: migrations. Only "safe" link changes run unattended (no table of links is dropped).
  let started = Date.now()
  log("Running database migrations (medusa db:migrate)…")
  await medusaCli(["db:migrate", "--execute-safe-links"], env, { quiet: true })
  log(`Migrations done in ${seconds(started)}`)

  // Step d: seed once per database (and again while its demo images are remote); the admin user is the
  // last thing the seed creates.
  if ((await isSeeded(env.DATABASE_URL)) && !(await hasRemoteDemoImages(env.DATABASE_URL))) {
    log("Demo data already present (skipping seed)")
  } else {
    started = Date.now()
    log("Seeding demo data (medusa exec ./dev/seed.ts)…")
    await medusaCli(["exec", "./dev/seed.ts"], env, { quiet: false })
    log(`Seed done in ${seconds(started)}`)
  }

  // Step e: the Graph API emulator, Meta's stand-in, with its world saved per database.
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`
  if (!existsSync(join(root, EMULATOR_CLI))) {
    throw new Error(`${EMULATOR_CLI} is missing: the Meta Graph API emulator cannot start.`)
  }
  const emulatorEnv = {
    ...env,
    META_EMULATOR_PORT: emulatorPort,
    META_EMULATOR_HOST: env.META_EMULATOR_HOST || "127.0.0.1",
    META_EMULATOR_STATE: join(storeDir, `emulator-${database}.json`),
  }
  started = Date.now()
  log("Starting the Meta Graph API emulator…")
  const emulator = startChild(
    "emulator",
    [require.resolve("ts-node/dist/bin.js"), "--swc", EMULATOR_CLI],
    emulatorEnv
  )
  await waitForHttp(`${emulatorUrl}/_emulator/state`, { timeoutMs: EMULATOR_TIMEOUT_MS, child: emulator })
  log(`Emulator answers at ${emulatorUrl} (${seconds(started)})`)
  emulator.on("exit", (code, signal) => {
    if (!stopping) {
      log(`The Meta emulator stopped (${signal ?? `exit code ${code}`}); connecting to Meta will fail until you restart npm run dev.`)
    }
  })

  // Step f: the store and admin.
  started = Date.now()
  log(`Starting medusa develop on port ${port}…`)
  // The preload makes develop's file watcher skip what .gitignore lists (logs, test output, uploads).
  const medusa = startChild(
    "medusa develop",
    ["--require", join(root, WATCH_IGNORES), require.resolve("@medusajs/cli/cli.js"), "develop", "--port", port],
    env
  )
  medusa.on("exit", (code, signal) => {
    if (!stopping) {
      log(`medusa develop exited (${signal ?? `exit code ${code}`})`)
      stopAll(code ?? 1)
    }
  })
  const storeUrl = `http://localhost:${port}`
  await waitForHttp(`${storeUrl}/health`, {
    timeoutMs: HEALTH_TIMEOUT_MS,
    child: medusa,
    accept: (status) => status === 200,
  })
  const key = await publishableKey(env.DATABASE_URL)
  console.log(
    [
      "",
      `[dev] Store ready in ${seconds(started)}`,
      `[dev]   Store API      ${storeUrl}/store${key ? `   (x-publishable-api-key: ${key})` : ""}`,
      `[dev]   Admin          ${storeUrl}/app   (the first load compiles the admin: allow up to a minute)`,
      `[dev]   Admin login    ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
      `[dev]   Meta emulator  ${emulatorUrl}   (sandbox Meta: Settings → Meta → Connect)`,
      "",
    ].join("\n")
  )
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => stopAll(signal === "SIGINT" ? 130 : 143))
}

main().catch(async (error) => {
  console.error(`[dev] ${error.message}`)
  await stopAll(1)
})
