import path from "node:path"
import { Worker, type ResourceLimits } from "node:worker_threads"
import type { ClientConfig } from "pg"
import type { CatalogPassInput, CatalogPassResult } from "./prepare-catalog-pass"

export type CatalogPassRequest = { id: number; input: CatalogPassInput } | { id: number; close: true }
export type CatalogPassReply = {
  id: number
  result?: CatalogPassResult
  closed?: boolean
  /** `unavailable`: the thread could not do the work at all (no database); the pass did not start. */
  error?: { message: string; unavailable?: boolean }
}

/** The thread could not run the pass (it would not start, could not connect, or died): run it elsewhere. */
export class CatalogPassThreadUnavailable extends Error {}

/**
 * The thread's V8 heap. A full sync maps every variant, and on the main thread the garbage of that work
 * grows V8's heap to several times the store's live data before V8 collects it (V8 sizes the allowed
 * growth from the machine's memory). A thread with its old space capped is collected at a small size
 * instead; 256 MB is far above what one pass keeps alive (the sources of ≤5,000 variants, their items
 * and encoded bodies), and a pass that still runs out is redone on the main thread.
 */
const RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 }
/** An idle thread is closed (its connection with it); the next pass starts a new one. */
const IDLE_CLOSE_MS = 30_000
/** After this many failures in a row the thread rests for a while: passes run on the main thread. */
const MAX_FAILURES = 3
const REST_AFTER_FAILURES_MS = 10 * 60_000

/**
 * Runs catalog passes (prepareCatalogPass) on a worker thread with its own small heap and database
 * connection, so a 100k-variant sync neither grows the store's heap nor holds its event loop. One thread
 * per process, started on demand; passes are queued on its one connection.
 */
export class CatalogPassThread {
  #worker?: Worker
  #key?: string
  #pending = new Map<number, { worker: Worker; resolve(result: CatalogPassResult): void; reject(error: Error): void }>()
  #nextId = 1
  #idle?: NodeJS.Timeout
  #failures = 0
  #restingUntil = 0
  #resourceLimits: ResourceLimits = RESOURCE_LIMITS

  /** False for 10 minutes after the thread failed MAX_FAILURES times in a row (a database outage, say). */
  get available(): boolean {
    return Date.now() >= this.#restingUntil
  }

  /** Tests: other heap limits (e.g. one too small for a pass), from the next pass on a new thread. */
  async configure(options: { resourceLimits?: ResourceLimits }): Promise<void> {
    this.#resourceLimits = options.resourceLimits ?? RESOURCE_LIMITS
    this.#failures = 0
    this.#restingUntil = 0
    await this.close()
  }

  async run(connection: ClientConfig, input: CatalogPassInput): Promise<CatalogPassResult> {
    const worker = this.#workerFor(connection)
    clearTimeout(this.#idle)
    const id = this.#nextId++
    // Keeps the process up while a pass is out (a script awaiting a sync); an idle thread never does.
    worker.ref()
    try {
      const result = await new Promise<CatalogPassResult>((resolve, reject) => {
        this.#pending.set(id, { worker, resolve, reject })
        worker.postMessage({ id, input } satisfies CatalogPassRequest)
      })
      this.#failures = 0
      return result
    } catch (error) {
      if (error instanceof CatalogPassThreadUnavailable) this.#failed()
      throw error
    } finally {
      this.#pending.delete(id)
      if (![...this.#pending.values()].some((p) => p.worker === worker)) {
        worker.unref()
        if (this.#worker === worker) {
          this.#idle = setTimeout(() => void this.close(), IDLE_CLOSE_MS)
          this.#idle.unref()
        }
      }
    }
  }

  /** Closes the thread's connection, then the thread (terminated if it has not finished within 5 s). */
  async close(): Promise<void> {
    const worker = this.#worker
    if (!worker) return
    this.#worker = undefined
    this.#key = undefined
    clearTimeout(this.#idle)
    let timer: NodeJS.Timeout | undefined
    await new Promise<void>((resolve) => {
      worker.once("exit", () => resolve())
      worker.on("message", (reply: CatalogPassReply) => {
        if (reply.closed) void worker.terminate()
      })
      timer = setTimeout(() => void worker.terminate().finally(resolve), 5_000)
      timer.unref()
      worker.postMessage({ id: 0, close: true } satisfies CatalogPassRequest)
    })
    clearTimeout(timer)
  }

  #failed(): void {
    if (++this.#failures < MAX_FAILURES) return
    this.#failures = 0
    this.#restingUntil = Date.now() + REST_AFTER_FAILURES_MS
  }

  #workerFor(connection: ClientConfig): Worker {
    const key = JSON.stringify(connection)
    if (this.#worker && this.#key === key) return this.#worker
    if (this.#worker) void this.close()
    let worker: Worker
    try {
      worker = startWorker(connection, this.#resourceLimits)
    } catch (error) {
      this.#failed()
      throw new CatalogPassThreadUnavailable(`the catalog pass thread did not start: ${(error as Error).message}`)
    }
    worker.unref()
    worker.on("message", (reply: CatalogPassReply) => {
      const pending = this.#pending.get(reply.id)
      if (!pending) return
      if (reply.result) pending.resolve(reply.result)
      else if (reply.error?.unavailable) pending.reject(new CatalogPassThreadUnavailable(reply.error.message))
      else pending.reject(new Error(reply.error?.message ?? "the catalog pass failed"))
    })
    const fail = (reason: string) => {
      if (this.#worker === worker) {
        this.#worker = undefined
        this.#key = undefined
      }
      for (const [id, pending] of this.#pending) {
        if (pending.worker !== worker) continue
        this.#pending.delete(id)
        pending.reject(new CatalogPassThreadUnavailable(reason))
      }
    }
    worker.on("error", (error) => fail(`the catalog pass thread failed: ${error.message}`))
    worker.on("exit", (code) => fail(`the catalog pass thread exited (code ${code})`))
    this.#worker = worker
    this.#key = key
    return worker
  }
}

/** Compiled JavaScript starts as it is; the TypeScript sources (development, tests) through ts-node. */
function startWorker(connection: ClientConfig, resourceLimits: ResourceLimits): Worker {
  const file = path.join(__dirname, `catalog-pass-worker${path.extname(__filename)}`)
  const options = { workerData: { connection }, resourceLimits }
  if (!file.endsWith(".ts")) return new Worker(file, options)
  const tsNode = require.resolve("ts-node", { paths: [__dirname] })
  const source = `require(${JSON.stringify(tsNode)}).register({ projectSearchDir: ${JSON.stringify(__dirname)} }); require(${JSON.stringify(file)})`
  return new Worker(source, { ...options, eval: true })
}

/** The one catalog pass thread of this process. */
export const catalogPassThread = new CatalogPassThread()

/** The thread's connection in pg_stat_activity, unless Medusa's connection names itself. */
export const THREAD_APPLICATION_NAME = "medusa-plugin-meta catalog pass"

const CONNECTION_FIELDS = [
  "connectionString",
  "host",
  "port",
  "user",
  "password",
  "database",
  "ssl",
  "options",
  "application_name",
  "connectionTimeoutMillis",
  "keepAlive",
  "keepAliveInitialDelayMillis",
] as const

/**
 * What the thread needs to open its own connection like Medusa's (knex's connection settings and search
 * path), or null when that cannot cross to a thread (a password or TLS option given as a function).
 */
export function threadConnectionConfig(knex: unknown): ClientConfig | null {
  const client = (knex as { client?: { connectionSettings?: unknown; config?: { connection?: unknown; searchPath?: unknown } } })?.client
  const settings = client?.connectionSettings ?? client?.config?.connection
  if (!settings) return null
  const source: Record<string, unknown> = typeof settings === "string" ? { connectionString: settings } : (settings as Record<string, unknown>)
  const config: Record<string, unknown> = {}
  for (const field of CONNECTION_FIELDS) if (source[field] !== undefined) config[field] = source[field]
  // So a DBA can tell the catalog thread's connection from the store's own.
  config.application_name ??= THREAD_APPLICATION_NAME
  const searchPath = client?.config?.searchPath
  const schemas = Array.isArray(searchPath) ? searchPath : typeof searchPath === "string" ? [searchPath] : []
  if (schemas.length && schemas.join(",") !== "public") config.options = `${config.options ?? ""} -c search_path=${schemas.join(",")}`.trim()
  try {
    structuredClone(config)
  } catch {
    return null
  }
  return config as ClientConfig
}
