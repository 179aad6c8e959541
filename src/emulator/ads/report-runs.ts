import type { AdsCall } from "./context"
import { invalid } from "./errors"
import { accountTime } from "./money"
import { insightsRows, type InsightsTarget } from "./nodes"
import { pageOf, type EdgeSource } from "./paging"
import { requestedFields } from "./insights"
import { newAdsId, type ReportRunRecord } from "./store"

/**
 * Asynchronous insights (https://developers.facebook.com/docs/marketing-api/insights/best-practices/#asynchronous):
 * POST /{object}/insights answers {report_run_id}; GET /{report_run_id} moves the job along one step per
 * read ("Job Not Started" → "Job Started" → "Job Running" … → "Job Completed" on the read after
 * `reportSteps` unfinished ones, or "Job Failed" when configured to fail) with async_percent_completion; GET /{report_run_id}/insights pages the rows once
 * complete. The figures are those of the moment the job was created.
 */

export function createReportRun(call: AdsCall, target: InsightsTarget): Record<string, unknown> {
  const rows = insightsRows(call, target, call.params, requestedFields(call.params))
  const objectId = target.level === "account" ? target.account.id : target.level === "campaign" ? target.campaign.id : target.level === "adset" ? target.adSet.id : target.ad.id
  const fails = call.ads.config.failReportRuns > 0
  if (fails) call.ads.config.failReportRuns -= 1
  const dates = rows.map((r) => [String(r.row.date_start), String(r.row.date_stop)])
  const run: ReportRunRecord = {
    id: newAdsId(call.ads),
    accountId: call.account.id,
    objectId,
    createdAt: call.now,
    polls: 0,
    steps: Math.max(1, call.ads.config.reportSteps),
    fails,
    dateStart: dates.length ? dates.map((d) => d[0]).sort()[0] : "",
    dateStop: dates.length ? dates.map((d) => d[1]).sort().reverse()[0] : "",
    rows: rows.map((r) => ({ ...r.row, __key: r.key })),
  }
  call.ads.reportRuns.set(run.id, run)
  return { report_run_id: run.id }
}

/** The job after `polls` reads: unfinished for the first `steps` reads, then complete (or failed). */
function progress(run: ReportRunRecord): { status: string; percent: number } {
  if (run.polls > run.steps) return { status: run.fails ? "Job Failed" : "Job Completed", percent: 100 }
  const percent = Math.floor((Math.max(0, run.polls - 1) * 100) / run.steps)
  if (run.polls <= 1) return { status: "Job Not Started", percent: 0 }
  return { status: run.polls === 2 ? "Job Started" : "Job Running", percent }
}

/** GET /{report_run_id}: each read advances the job by one step. */
export function readReportRun(call: AdsCall, run: ReportRunRecord): Record<string, unknown> {
  run.polls += 1
  const { status, percent } = progress(run)
  return {
    id: run.id,
    account_id: run.accountId.replace(/^act_/, ""),
    async_status: status,
    async_percent_completion: percent,
    time_ref: Math.floor(run.createdAt / 1000),
    ...(percent >= 100 ? { time_completed: Math.floor(run.createdAt / 1000) } : {}),
    date_start: run.dateStart,
    date_stop: run.dateStop,
    is_running: percent < 100,
    emails: [],
    friendly_name: "",
    schedule_id: "0",
    created_time: accountTime(call.account.timezoneName, run.createdAt),
  }
}

export function reportRunInsights(call: AdsCall, run: ReportRunRecord, source: EdgeSource) {
  const { status } = run.polls === 0 ? { status: "Job Not Started" } : progress(run)
  if (status !== "Job Completed") {
    throw invalid({
      code: 100,
      title: "Report Not Ready",
      message: `The report run ${run.id} is "${status}": read its insights once async_status is "Job Completed".`,
      field: "report_run_id",
    })
  }
  return pageOf(call, run.rows, (row) => String(row.__key), source, ({ __key: _key, ...row }) => row)
}
