import { GraphError, type GraphClient } from "../../lib/graph"
import { formatWait, throttleStop, usageVerdict, type AccountUsageReading } from "../../lib/ads/marketing-api-usage"
import { isTooMuchDataError, REPORT_RUN_MAX_WAIT_MS, reportPollDelayMs, reportRunState, type InsightsMode } from "../../lib/ads/report-runs"

export type Listed = Record<string, any>

/** Meta's largest page for the ads edges and insights. */
const PAGE = 500

/** The usage the Graph client recorded for an ad account from responses since `since` (ms). */
export function accountUsage(graph: GraphClient, act: string, since: number): AccountUsageReading {
  const usage = graph.usage()
  const fresh = (at: number) => at >= since
  const account = usage.adAccounts[act]
  // BUC headers are keyed by the bare account id.
  const buc = usage.businessUseCase[act.replace(/^act_/, "")] ?? usage.businessUseCase[act]
  return {
    accountPct: account && fresh(account.updatedAt) ? account.accIdUtilPct : null,
    resetSeconds: account && fresh(account.updatedAt) ? account.resetTimeDurationSec : null,
    businessUseCases: buc && fresh(buc.updatedAt) ? buc.entries : [],
  }
}

/** The reader made no call and will make none before `waitMs` has passed: Meta's limits say so. */
export class SyncStopped extends Error {
  constructor(
    readonly reason: string,
    readonly waitMs: number
  ) {
    super(reason)
    this.name = "SyncStopped"
  }
}

/** A report run Meta is still preparing after the bounded wait; read it again later. */
export class ReportStillRunning extends Error {
  constructor(
    readonly runId: string,
    readonly percent: number
  ) {
    super(`Meta's report run ${runId} is still being prepared (${percent} %)`)
    this.name = "ReportStillRunning"
  }
}

/** A range's figures could not be had this run (a failed report run whose direct read failed too). */
export class InsightsUnavailable extends Error {
  name = "InsightsUnavailable"
}

export type InsightsRequest = {
  level: "campaign" | "adset" | "ad"
  range: string
  fields: string
  mode: InsightsMode
  /** A report run created earlier for this level and range (a previous run stopped while Meta prepared it). */
  runId?: string
  /** Told the report run's id as soon as Meta gives it, so a stop while polling does not lose it. */
  onReportRun?: (runId: string) => void
}
export type InsightsResult = { rows: Listed[]; note?: string }

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Reads one ad account through the Graph client the way Meta's Marketing API rate limits want it
 * (https://developers.facebook.com/docs/marketing-api/overview/rate-limiting): every response's
 * X-Ad-Account-Usage / X-Business-Use-Case-Usage is looked at before the next call, and at the high-water
 * mark or on a throttling answer (17, 80000, 80004, …) the reader stops for good — every later call
 * throws the same SyncStopped without reaching Meta. Counts the calls it makes.
 */
export class MarketingApiReader {
  calls = 0
  /** Report runs created. */
  reportRuns = 0
  #stopped?: SyncStopped

  constructor(
    private readonly graph: GraphClient,
    private readonly token: string,
    private readonly act: string,
    private readonly opts: { since: number; sleep?: (ms: number) => Promise<void>; now?: () => number }
  ) {}

  get stopped(): SyncStopped | undefined {
    return this.#stopped
  }

  /** What Meta reported for this account since the reader started (older figures describe another time). */
  reading(): AccountUsageReading {
    return accountUsage(this.graph, this.act, this.opts.since)
  }

  get<T = Listed>(path: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.#call<T>("GET", path, params)
  }

  post<T = Listed>(path: string, params: Record<string, unknown>): Promise<T> {
    return this.#call<T>("POST", path, params)
  }

  /** Every row of a paged edge, 500 per call. */
  async listAll(path: string, params: Record<string, unknown>): Promise<Listed[]> {
    const out: Listed[] = []
    let after: string | undefined
    do {
      const page = await this.get<{ data?: Listed[]; paging?: { next?: string; cursors?: { after?: string } } }>(path, {
        ...params,
        limit: PAGE,
        ...(after ? { after } : {}),
      })
      out.push(...(page.data ?? []))
      after = page.paging?.next ? page.paging.cursors?.after : undefined
    } while (after)
    return out
  }

  /**
   * One level's figures over one range. "sync": `GET {act}/insights` pages, falling back to a report run
   * when Meta answers that the request asks for too much. "async" (or a run already created): the report
   * run is created, polled with back-off for at most REPORT_RUN_MAX_WAIT_MS and its rows paged; a run
   * that fails ("Job Failed"/"Job Skipped") is read once directly instead.
   */
  async insights(request: InsightsRequest): Promise<InsightsResult> {
    const params = { level: request.level, date_preset: request.range, fields: request.fields }
    if (request.mode === "sync" && !request.runId) {
      try {
        return { rows: await this.listAll(`${this.act}/insights`, params) }
      } catch (error) {
        if (!(error instanceof GraphError) || !isTooMuchDataError(error)) throw error
      }
    }
    const runId = request.runId ?? (await this.#createReportRun(params))
    request.onReportRun?.(runId)
    const state = await this.#waitForReport(runId)
    if (state.state === "completed") return { rows: await this.listAll(`${runId}/insights`, {}) }
    const what = `${request.level} insights (${request.range})`
    try {
      const rows = await this.listAll(`${this.act}/insights`, params)
      return { rows, note: `Meta's report run for ${what} ended "${state.status}"; read directly instead` }
    } catch (error) {
      if (!(error instanceof GraphError)) throw error
      throw new InsightsUnavailable(`Meta's report run for ${what} ended "${state.status}" and the direct read failed: ${error.userMessage ?? error.message}`)
    }
  }

  async #createReportRun(params: Record<string, unknown>): Promise<string> {
    const answer = await this.post<{ report_run_id?: string | number }>(`${this.act}/insights`, params)
    if (answer.report_run_id === undefined || answer.report_run_id === null || `${answer.report_run_id}` === "") {
      throw new GraphError({ message: "Meta answered the report run request without a report_run_id", category: "invalid", method: "POST", path: `${this.act}/insights` })
    }
    this.reportRuns++
    return String(answer.report_run_id)
  }

  async #waitForReport(runId: string) {
    const now = this.opts.now ?? Date.now
    const sleep = this.opts.sleep ?? sleepFor
    const deadline = now() + REPORT_RUN_MAX_WAIT_MS
    for (let attempt = 0; ; attempt++) {
      await sleep(reportPollDelayMs(attempt))
      const state = reportRunState(await this.get(runId, { fields: "id,async_status,async_percent_completion" }))
      if (state.state !== "running") return state
      if (now() + reportPollDelayMs(attempt + 1) > deadline) throw new ReportStillRunning(runId, state.percent)
    }
  }

  async #call<T>(method: "GET" | "POST", path: string, params: Record<string, unknown>): Promise<T> {
    this.#gate()
    this.calls++
    try {
      return method === "GET"
        ? await this.graph.get<T>(path, { token: this.token, params, usageKey: this.act })
        : await this.graph.post<T>(path, { token: this.token, body: params, usageKey: this.act })
    } catch (error) {
      if (error instanceof GraphError && error.category === "throttled") {
        const stop = throttleStop({ code: error.code, subcode: error.subcode, message: error.message, retryAfterMs: error.retryAfterMs }, this.reading())
        this.#stopped ??= new SyncStopped(stop.reason, stop.waitMs)
        throw this.#stopped
      }
      throw error
    }
  }

  #gate(): void {
    if (this.#stopped) throw this.#stopped
    const verdict = usageVerdict(this.reading())
    if (verdict.stop) {
      this.#stopped = new SyncStopped(verdict.reason, verdict.waitMs)
      throw this.#stopped
    }
  }
}

/** "waits 5 min": how the stop reads in the sync state. */
export function describeStop(stop: SyncStopped, resumesAt: Date): string {
  return `${stop.reason}: no call to Meta for ${formatWait(stop.waitMs)}, the sync resumes after ${resumesAt.toISOString()}`
}

/**
 * Runs `work` over the items, at most `limit` at a time; an item's error does not stop the others, except
 * a SyncStopped, after which no further item starts. Answers the errors.
 */
export async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = []
  let next = 0
  let halted = false
  const worker = async () => {
    while (!halted && next < items.length) {
      const item = items[next++]
      try {
        await work(item)
      } catch (error) {
        errors.push(error)
        if (error instanceof SyncStopped) halted = true
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return errors
}
