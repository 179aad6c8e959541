import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs"
import path from "node:path"
import { Job, Queue } from "bullmq"
import Redis from "ioredis"
import { Client } from "pg"
import { installPackedPlugin } from "../helpers/install-packed-plugin"

/**
 * The production topology as a store owner runs it: the packed plugin installed by name into
 * integration-tests/topology/app, `medusa build`, `medusa db:migrate` once, then `medusa start` from
 * .medusa/server as one server (with the admin dashboard) and two workers, on one PostgreSQL database
 * and one Redis database, talking to the project's Graph API emulator. Each instance's output goes to
 * a log file; a worker can be killed (SIGKILL) and started again.
 */

const root = path.join(__dirname, "../..")
export const APP_DIR = path.join(__dirname, "app")
const BUILT_DIR = path.join(APP_DIR, ".medusa/server")
const CLI = require.resolve("@medusajs/cli/cli.js", { paths: [root] })

export type InstanceName = "server" | "worker-1" | "worker-2" | "server-2"

/** What `startAll` starts: one server and two workers. A second server is started by the tests that need it. */
const MAIN_INSTANCES: InstanceName[] = ["server", "worker-1", "worker-2"]

export type TopologyOptions = {
  /** PostgreSQL database created (dropped first) for this run. */
  database: string
  /** Redis database number for this run (flushed first): the event bus, workflow engine, locking and cache share it. */
  redisDb: number
  /** Graph API emulator the plugin talks to. */
  graphApiUrl: string
  /** Ports of the instances this run starts (the server's at least). */
  ports: Partial<Record<InstanceName, number>> & { server: number }
  /**
   * Worker mode per instance, when not the topology's own (server / worker-1, worker-2 / server-2):
   * `{ server: "shared" }` makes the server the whole store in one process, as in development.
   */
  workerModes?: Partial<Record<InstanceName, WorkerMode>>
  /** Environment added to every instance and CLI run (e.g. TOPOLOGY_WITHOUT_PLUGIN=true for the same app without the plugin). */
  env?: NodeJS.ProcessEnv
}

export type WorkerMode = "server" | "worker" | "shared"

export type SeededStore = { publishableKey: string; regionId: string; variantId: string; sku: string }

/** One run of a scheduled job as BullMQ (Medusa's Redis workflow engine) recorded it. */
export type ScheduledRun = {
  id: string
  /** The instance that ran it (each instance names its queue workers). */
  processedBy?: string
  attemptsMade: number
  finishedOn?: number
  failedReason?: string
}

/** Queue of Medusa's Redis workflow engine that holds the scheduled jobs (one repeatable job each). */
const JOBS_QUEUE = "medusa-workflows-jobs"

type Instance = { name: InstanceName; mode: WorkerMode; port?: number; logFile: string; child?: ChildProcess }

export const ADMIN = { email: "owner@topology.example.com", password: "topology-password" }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const runOf = (job: Job): ScheduledRun => ({
  id: job.id!,
  processedBy: job.processedBy,
  attemptsMade: job.attemptsMade,
  finishedOn: job.finishedOn,
  failedReason: job.failedReason,
})

export class Topology {
  readonly databaseUrl: string
  readonly redisUrl: string
  readonly logDir: string
  readonly instances: Record<InstanceName, Instance>
  store?: SeededStore

  constructor(readonly options: TopologyOptions) {
    this.databaseUrl = `postgres://postgres@127.0.0.1:5432/${options.database}`
    this.redisUrl = `redis://127.0.0.1:6379/${options.redisDb}`
    this.logDir = path.join(APP_DIR, ".medusa/topology-logs", options.database)
    const instance = (name: InstanceName, mode: WorkerMode): Instance => ({
      name,
      mode: options.workerModes?.[name] ?? mode,
      port: options.ports[name],
      logFile: path.join(this.logDir, `${name}.log`),
    })
    this.instances = {
      server: instance("server", "server"),
      "worker-1": instance("worker-1", "worker"),
      "worker-2": instance("worker-2", "worker"),
      "server-2": instance("server-2", "server"),
    }
  }

  url(name: InstanceName = "server"): string {
    return `http://127.0.0.1:${this.instances[name].port}`
  }

  /** Environment every instance (and the CLI runs) shares: one configuration, as in production. */
  private env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith("META_") && !key.startsWith("DB_") && key !== "NODE_OPTIONS")
    )
    return {
      ...inherited,
      NODE_ENV: "production",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      META_GRAPH_API_URL: this.options.graphApiUrl,
      MEDUSA_BACKEND_URL: this.url("server"),
      ...this.options.env,
      ...extra,
    }
  }

  /** The plugin packed and installed by name, then the app built as `medusa build` does for a deploy. */
  async build(): Promise<void> {
    rmSync(this.logDir, { recursive: true, force: true })
    installPackedPlugin(APP_DIR)
    // Local iteration only: reuse the last build of the app (the plugin tarball is always fresh).
    if (process.env.TOPOLOGY_REUSE_BUILD === "true" && existsSync(path.join(BUILT_DIR, "medusa-config.js"))) return
    await this.cli(["build"], "medusa build", {}, APP_DIR)
  }

  /** A fresh PostgreSQL database and Redis database, the migrations run once, the store seeded. */
  async prepare(): Promise<void> {
    const admin = new Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" })
    await admin.connect()
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.options.database}" WITH (FORCE)`)
      await admin.query(`CREATE DATABASE "${this.options.database}"`)
    } finally {
      await admin.end()
    }
    await this.redis((r) => r.flushdb())
    await this.cli(["db:migrate"], "medusa db:migrate")
    const seedOut = path.join(this.logDir, "store.json")
    await this.cli(["exec", path.join(__dirname, "seed-store.ts")], "seed (medusa exec)", {
      TOPOLOGY_SEED_OUT: seedOut,
      TOPOLOGY_ADMIN_EMAIL: ADMIN.email,
      TOPOLOGY_ADMIN_PASSWORD: ADMIN.password,
    })
    this.store = JSON.parse(readFileSync(seedOut, "utf8"))
  }

  /** Starts `medusa start` for an instance (its output appended to its log file) and waits for /health. */
  async start(name: InstanceName, timeoutMs = 180_000): Promise<void> {
    const instance = this.instances[name]
    if (instance.port === undefined) throw new Error(`no port for ${name} in this topology's options`)
    if (instance.child && instance.child.exitCode === null && instance.child.signalCode === null) {
      throw new Error(`${name} is already running`)
    }
    const log = openSync(instance.logFile, "a")
    const env = this.env({
      MEDUSA_WORKER_MODE: instance.mode,
      MEDUSA_INSTANCE_NAME: name,
      // Names the instance's PostgreSQL connections (pg_stat_activity.application_name).
      PGAPPNAME: `topology ${name}`,
      ...(instance.mode === "worker" ? { DISABLE_MEDUSA_ADMIN: "true" } : {}),
    })
    instance.child = spawn(process.execPath, [CLI, "start", "--port", String(instance.port)], {
      cwd: BUILT_DIR,
      env,
      detached: true,
      stdio: ["ignore", log, log],
    })
    closeSync(log)
    const child = instance.child
    const until = Date.now() + timeoutMs
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) while starting:\n${this.logTail(name)}`)
      }
      try {
        if ((await fetch(`${this.url(name)}/health`, { signal: AbortSignal.timeout(2000) })).ok) return
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`${name} not healthy after ${timeoutMs / 1000} s:\n${this.logTail(name)}`)
      await sleep(500)
    }
  }

  async startAll(): Promise<void> {
    await Promise.all(MAIN_INSTANCES.map((name) => this.start(name)))
  }

  /** SIGKILL: the process dies at once, mid-request or mid-job, as a crashed machine would. */
  async kill(name: InstanceName): Promise<void> {
    await this.signal(name, "SIGKILL")
  }

  /** SIGTERM: Medusa's graceful shutdown (closes the queue workers, waits for running jobs). */
  async stop(name: InstanceName): Promise<void> {
    await this.signal(name, "SIGTERM", 30_000)
  }

  async stopAll(): Promise<void> {
    await Promise.all((Object.keys(this.instances) as InstanceName[]).map((name) => this.stop(name)))
  }

  isRunning(name: InstanceName): boolean {
    const child = this.instances[name].child
    return !!child && child.exitCode === null && child.signalCode === null
  }

  private signal(name: InstanceName, signal: NodeJS.Signals, escalateAfterMs?: number): Promise<void> {
    const child = this.instances[name].child
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
    return new Promise((resolve) => {
      const timer =
        escalateAfterMs !== undefined
          ? setTimeout(() => {
              try {
                process.kill(-child.pid!, "SIGKILL")
              } catch {
                // already gone
              }
            }, escalateAfterMs)
          : undefined
      child.once("exit", () => {
        if (timer) clearTimeout(timer)
        resolve()
      })
      try {
        process.kill(-child.pid!, signal)
      } catch {
        resolve()
      }
    })
  }

  log(name: InstanceName): string {
    const file = this.instances[name].logFile
    return existsSync(file) ? readFileSync(file, "utf8") : ""
  }

  logTail(name: InstanceName, chars = 4000): string {
    return `--- ${this.instances[name].logFile} (tail)\n${this.log(name).slice(-chars)}`
  }

  /** Lines any instance logged at level error (the logger's JSON lines in production). */
  errors(): { instance: InstanceName; message: string }[] {
    const found: { instance: InstanceName; message: string }[] = []
    for (const name of Object.keys(this.instances) as InstanceName[]) {
      for (const line of this.log(name).split("\n")) {
        if (!line.startsWith("{")) continue
        try {
          const entry = JSON.parse(line) as { level?: string; message?: string }
          if (entry.level === "error") found.push({ instance: name, message: String(entry.message) })
        } catch {
          // not a logger line
        }
      }
    }
    return found
  }

  async sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl })
    await client.connect()
    try {
      return (await client.query(text, params)).rows as T[]
    } finally {
      await client.end()
    }
  }

  async redis<T>(use: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis(this.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 })
    await redis.connect()
    try {
      return await use(redis)
    } finally {
      redis.disconnect()
    }
  }

  /** BullMQ's view of the scheduled jobs, on its own connection. */
  async jobsQueue<T>(use: (queue: Queue) => Promise<T>): Promise<T> {
    const connection = new Redis(this.redisUrl, { maxRetriesPerRequest: null })
    const queue = new Queue(JOBS_QUEUE, { connection })
    try {
      return await use(queue)
    } finally {
      await queue.close()
      connection.disconnect()
    }
  }

  /**
   * The next due time of a scheduled job (config.name), brought forward to now: its delayed repeat job
   * is promoted, so one of the workers takes it exactly as it would at that time. Resolves with the
   * run's id once it has finished.
   */
  async runScheduledJobNow(name: string, timeoutMs = 120_000): Promise<ScheduledRun> {
    const id = await this.jobsQueue(async (queue) => {
      const next = (await queue.getDelayed()).find((job) => job.data?.jobId === `job-${name}`)
      if (!next) throw new Error(`no scheduled run of ${name} is waiting in ${JOBS_QUEUE}`)
      await next.promote()
      return next.id!
    })
    return this.waitForScheduledRun(id, timeoutMs)
  }

  /**
   * Two runs of a scheduled job at the same moment, as when a run outlasts the job's interval and the
   * next one starts on the other worker (a worker runs one scheduled job at a time).
   */
  async runScheduledJobTwiceAtOnce(name: string, timeoutMs = 120_000): Promise<ScheduledRun[]> {
    const ids = await this.jobsQueue(async (queue) => {
      const [repeatable] = (await queue.getDelayed()).filter((job) => job.data?.jobId === `job-${name}`)
      if (!repeatable) throw new Error(`${name} is not scheduled in ${JOBS_QUEUE}`)
      const jobs = await queue.addBulk(
        [1, 2].map(() => ({ name: "schedule", data: repeatable.data, opts: { removeOnComplete: { age: 86400 } } }))
      )
      return jobs.map((job) => job.id!)
    })
    return Promise.all(ids.map((id) => this.waitForScheduledRun(id, timeoutMs)))
  }

  async waitForScheduledRun(id: string, timeoutMs = 120_000): Promise<ScheduledRun> {
    const until = Date.now() + timeoutMs
    return this.jobsQueue(async (queue) => {
      for (;;) {
        const job = await Job.fromId(queue, id)
        if (job && (job.finishedOn || job.failedReason)) return runOf(job)
        if (Date.now() > until) throw new Error(`scheduled run ${id} did not finish within ${timeoutMs / 1000} s`)
        await sleep(200)
      }
    })
  }

  /** Every recorded run of a scheduled job (completed, failed or running), oldest first. */
  async scheduledRuns(name: string): Promise<ScheduledRun[]> {
    return this.jobsQueue(async (queue) => {
      const jobs = await queue.getJobs(["completed", "failed", "active"], 0, -1)
      return jobs
        .filter((job) => job.data?.jobId === `job-${name}`)
        .sort((a, b) => a.timestamp - b.timestamp)
        .map(runOf)
    })
  }

  /**
   * Medusa's Redis event bus, as BullMQ recorded it (the app keeps completed event jobs for an hour):
   * for each handled event of that name, which worker took it and how long its subscribers held it.
   */
  async handledEvents(name: string): Promise<{ id: string; by?: string; heldMs: number }[]> {
    const connection = new Redis(this.redisUrl, { maxRetriesPerRequest: null })
    const queue = new Queue("events-queue", { connection, prefix: "RedisEventBusService" })
    try {
      const jobs = await queue.getJobs(["completed"], 0, -1)
      return jobs
        .filter((job) => job.name === name && job.processedOn && job.finishedOn)
        .map((job) => ({ id: job.id!, by: job.processedBy, heldMs: job.finishedOn! - job.processedOn! }))
    } finally {
      await queue.close()
      connection.disconnect()
    }
  }

  /** Removes the events of that name still waiting in the Redis event bus (none taken yet); returns how many. */
  async removeQueuedEvents(name: string): Promise<number> {
    const connection = new Redis(this.redisUrl, { maxRetriesPerRequest: null })
    const queue = new Queue("events-queue", { connection, prefix: "RedisEventBusService" })
    try {
      const waiting = (await queue.getJobs(["waiting", "delayed", "prioritized"], 0, -1)).filter((job) => job.name === name)
      for (const job of waiting) await job.remove()
      return waiting.length
    } finally {
      await queue.close()
      connection.disconnect()
    }
  }

  /**
   * The instance that owns the local end of a loopback TCP connection (`ss -tnp`): the emulator records
   * each request's client port, so this names the process that made a given Graph call.
   */
  instanceOfClientPort(port: number | undefined): InstanceName | undefined {
    if (port === undefined) return undefined
    const out = execFileSync("ss", ["-tnpH", "state", "established", `( sport = :${port} )`], { encoding: "utf8" })
    const pids = [...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]))
    return (Object.keys(this.instances) as InstanceName[]).find((name) => pids.includes(this.instances[name].child?.pid ?? -1))
  }

  async dropDatabase(): Promise<void> {
    const admin = new Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" })
    await admin.connect()
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${this.options.database}" WITH (FORCE)`)
    } finally {
      await admin.end()
    }
    await this.redis((r) => r.flushdb())
  }

  /** A Medusa CLI command (from the built app unless `cwd` says otherwise), its output in the log directory. */
  private cli(args: string[], what: string, extra: NodeJS.ProcessEnv = {}, cwd = BUILT_DIR, timeoutMs = 300_000): Promise<void> {
    mkdirSync(this.logDir, { recursive: true })
    const logFile = path.join(this.logDir, `${args[0].replace(/\W/g, "-")}.log`)
    const log = openSync(logFile, "a")
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: this.env({ MEDUSA_WORKER_MODE: "server", ...extra }),
      detached: true,
      stdio: ["ignore", log, log],
    })
    closeSync(log)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL")
        } catch {
          // gone
        }
      }, timeoutMs)
      child.once("exit", (code, signal) => {
        clearTimeout(timer)
        if (code === 0) return resolve()
        const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-4000) : ""
        reject(new Error(`${what} failed (${code ?? signal}), ${logFile}:\n${tail}`))
      })
    })
  }
}
