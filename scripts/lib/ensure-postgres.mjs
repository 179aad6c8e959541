// Makes the development database exist: reach PostgreSQL (starting the local cluster when it is down),
// then create the database named in DATABASE_URL if it is missing.
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync } from "node:fs"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const { Client } = require("pg")

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", ""])
const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`

/** The database name and a URL of the maintenance database `postgres` on the same server. */
export function parseDatabaseUrl(databaseUrl) {
  const url = new URL(databaseUrl)
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""))
  if (!database) {
    throw new Error(`DATABASE_URL names no database: ${redactUrl(databaseUrl)}`)
  }
  const admin = new URL(url)
  admin.pathname = "/postgres"
  return { database, host: url.hostname, adminUrl: admin.toString() }
}

/** The URL without its password, for log lines. */
export function redactUrl(databaseUrl) {
  try {
    const url = new URL(databaseUrl)
    if (url.password) {
      url.password = "***"
    }
    return url.toString()
  } catch {
    return "<unparseable DATABASE_URL>"
  }
}

async function canConnect(adminUrl) {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return { ok: true }
  } catch (error) {
    return { ok: false, error }
  } finally {
    await client.end().catch(() => {})
  }
}

// Debian/Ubuntu layout: /etc/postgresql/<version>/main. `--skip-systemctl-redirect` because containers
// and CI machines have no systemd.
function startLocalClusters(log) {
  if (!existsSync("/etc/postgresql")) {
    return false
  }
  let started = false
  for (const version of readdirSync("/etc/postgresql")) {
    try {
      execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "pipe" })
      log(`Started PostgreSQL ${version} (pg_ctlcluster ${version} main start)`)
      started = true
    } catch (error) {
      const detail = String(error.stderr || error.message).trim().split("\n")[0]
      if (/already running/i.test(detail)) {
        started = true
      } else {
        log(`Could not start PostgreSQL ${version}: ${detail}`)
      }
    }
  }
  return started
}

async function waitForServer(adminUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  let last
  while (Date.now() < deadline) {
    last = await canConnect(adminUrl)
    if (last.ok) {
      return last
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return last
}

/** Ensures the server answers and the database exists. Returns `{ database, created }`. */
export async function ensureDatabase(databaseUrl, log) {
  const { database, host, adminUrl } = parseDatabaseUrl(databaseUrl)
  let reach = await canConnect(adminUrl)
  if (!reach.ok && LOCAL_HOSTS.has(host) && reach.error?.code === "ECONNREFUSED") {
    log("PostgreSQL is not running; trying to start the local cluster…")
    if (startLocalClusters(log)) {
      reach = await waitForServer(adminUrl, 20_000)
    }
  }
  if (!reach.ok) {
    throw new Error(
      `Cannot reach PostgreSQL at ${redactUrl(adminUrl)}: ${reach.error?.message}. ` +
        "Start PostgreSQL or set DATABASE_URL in your env file."
    )
  }
  const client = new Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
    if (rowCount > 0) {
      return { database, created: false }
    }
    await client.query(`CREATE DATABASE ${quoteIdent(database)}`)
    return { database, created: true }
  } finally {
    await client.end()
  }
}

/** Drops the database (closing other sessions first); for throw-away test stores. */
export async function dropDatabase(databaseUrl) {
  const { database, adminUrl } = parseDatabaseUrl(databaseUrl)
  const client = new Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

/** Runs one query against the database itself; `undefined` when the relation does not exist yet. */
export async function queryDatabase(databaseUrl, sql, params = []) {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } catch (error) {
    if (error.code === "42P01") {
      return undefined
    }
    throw error
  } finally {
    await client.end()
  }
}
