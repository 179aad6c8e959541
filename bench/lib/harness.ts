import { spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import path from "node:path"
import { Client } from "pg"

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A TCP port free on loopback right now (for a store or emulator a benchmark boots). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on("error", reject)
  })
}

/** One statement on its own connection (creating/dropping scratch databases, seeding, reading results). */
export async function query<T = Record<string, unknown>>(connectionString: string, sql: string, params?: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows as T[]
  } finally {
    await client.end()
  }
}

/**
 * A Medusa app in a temp directory on the repository's node_modules: package.json (the CLI recognises a
 * Medusa project by its @medusajs/medusa dependency) and a medusa-config.js with the admin off, the
 * database from DATABASE_URL and, when given, this plugin resolved from `pluginRoot` (its package exports:
 * the build in .medusa/server). The caller removes the directory.
 */
export function medusaAppDir(prefix: string, repositoryRoot: string, pluginRoot?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  symlinkSync(path.join(repositoryRoot, "node_modules"), path.join(dir, "node_modules"))
  const medusaVersion = require(require.resolve("@medusajs/medusa/package.json", { paths: [repositoryRoot] })).version
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: prefix.replace(/-$/, ""), version: "0.0.0", private: true, dependencies: { "@medusajs/medusa": medusaVersion } }))
  const plugins = pluginRoot ? `\n  plugins: [{ resolve: ${JSON.stringify(pluginRoot)}, options: {} }],` : ""
  writeFileSync(
    path.join(dir, "medusa-config.js"),
    `const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { storeCors: "http://localhost:8000", adminCors: "http://localhost:9000", authCors: "http://localhost:9000", jwtSecret: "bench-jwt-secret", cookieSecret: "bench-cookie-secret" },
  },
  admin: { disable: true },${plugins}
})
`
  )
  return dir
}

/** Stops a detached child and everything it started (its process group): SIGTERM, SIGKILL after 10 s. */
export function stopGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // already gone
      }
    }, 10_000)
    child.once("exit", () => {
      clearTimeout(kill)
      resolve()
    })
    try {
      process.kill(-child.pid!, "SIGTERM")
    } catch {
      resolve()
    }
  })
}

/** Runs the Medusa CLI in its own process group; fails with its last output, killed after the timeout. */
export function runMedusaCli(
  cli: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  what: string,
  timeoutMs = 300_000
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, detached: true })
    let out = ""
    child.stdout.on("data", (c) => (out = (out + c).slice(-8000)))
    child.stderr.on("data", (c) => (out = (out + c).slice(-8000)))
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // gone
      }
    }, timeoutMs)
    child.on("exit", (code) => {
      clearTimeout(timer)
      code === 0 ? resolve() : reject(new Error(`${what} failed (${code}):\n${out}`))
    })
  })
}
