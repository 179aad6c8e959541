import { authenticate } from "../auth"
import { json, type Reply, type RouteContext } from "../context"
import { GraphApiError, requestErrors } from "../errors"
import { canSee, hasAnyScope, requireAnyScope } from "../nodes"
import type { AdAccountRecord, World } from "../world"
import { createAd, copyAd, copyAdSet, updateAd } from "./ads"
import { createAdSet, updateAdSet } from "./ad-sets"
import { createCampaign, updateCampaign } from "./campaigns"
import { makeCall, type AdsCall } from "./context"
import { createCreative, updateCreative } from "./creatives"
import { settle } from "./delivery"
import { requestedFields } from "./insights"
import { minimumBudgets } from "./money"
import {
  AD,
  AD_ACCOUNT,
  AD_SET,
  adIdsOfCampaign,
  adSetsEdge,
  adsEdge,
  CAMPAIGN,
  campaignsEdge,
  CREATIVE,
  creativesEdge,
  insightsRows,
  project,
  RULE,
  rulesEdge,
  type InsightsTarget,
} from "./nodes"
import { pageOf, type EdgeSource } from "./paging"
import { integerParam, isValidateOnly, text } from "./params"
import { createReportRun, readReportRun, reportRunInsights } from "./report-runs"
import { createRule, ruleHistoryPage, runRule, updateRule } from "./rules"
import { parseSelection } from "./selection"
import { adsNow, adsOf, type AdRecord, type AdSetRecord, type CampaignRecord, type CreativeRecord, type ReportRunRecord, type RuleRecord } from "./store"
import { chargeCall, type BucType } from "./usage"
import { applyChange, SUCCESS } from "./write"

/**
 * The Marketing API's routes: /act_{id} and its edges, and /{id}[/{edge}] for campaigns, ad sets, ads,
 * creatives, ad rules and report runs. Reads need ads_read or ads_management, writes ads_management;
 * every call counts against the ad account's usage and carries its usage headers.
 */

type Target =
  | { kind: "account"; account: AdAccountRecord }
  | { kind: "campaign"; account: AdAccountRecord; record: CampaignRecord }
  | { kind: "adset"; account: AdAccountRecord; record: AdSetRecord }
  | { kind: "ad"; account: AdAccountRecord; record: AdRecord }
  | { kind: "creative"; account: AdAccountRecord; record: CreativeRecord }
  | { kind: "rule"; account: AdAccountRecord; record: RuleRecord }
  | { kind: "report_run"; account: AdAccountRecord; record: ReportRunRecord }

function findTarget(world: World, id: string): Target | undefined {
  if (id.startsWith("act_")) {
    const account = world.adAccounts[id]
    return account ? { kind: "account", account } : undefined
  }
  if (!/^\d+$/.test(id)) return undefined
  const ads = adsOf(world)
  const found = <K extends Exclude<Target["kind"], "account">>(kind: K, record: Extract<Target, { kind: K }>["record"] | undefined) => {
    const account = record ? world.adAccounts[record.accountId] : undefined
    // TypeScript can't pair `kind` with its record type through the generic; they are paired by the signature.
    return account && record ? ({ kind, account, record } as Target) : undefined
  }
  return (
    found("campaign", ads.campaigns.get(id)) ??
    found("adset", ads.adSets.get(id)) ??
    found("ad", ads.ads.get(id)) ??
    found("creative", ads.creatives.get(id)) ??
    found("rule", ads.rules.get(id)) ??
    found("report_run", ads.reportRuns.get(id))
  )
}

type Handler<T extends Target> = { write: boolean; buc?: BucType; run: (call: AdsCall, target: T, source: EdgeSource) => unknown }
type Handlers<T extends Target> = Record<string, Handler<T>>

const read = <T extends Target>(run: Handler<T>["run"], buc?: BucType): Handler<T> => ({ write: false, buc, run })
const write = <T extends Target>(run: Handler<T>["run"]): Handler<T> => ({ write: true, run })

function insightsPage(call: AdsCall, target: InsightsTarget) {
  const rows = insightsRows(call, target, call.params, requestedFields(call.params))
  return pageOf(call, rows, (r) => r.key, { kind: "request" }, (r) => r.row)
}

/** DELETE /{id}: the object is DELETED (irreversibly); Graph answers {success: true}. */
function deleteObject(call: AdsCall, record: { status: string; updatedAt: number }) {
  if (isValidateOnly(call.params)) return SUCCESS
  applyChange(call, () => {
    record.status = "DELETED"
    record.updatedAt = call.now
  })
  return SUCCESS
}

const ACCOUNT: Handlers<Extract<Target, { kind: "account" }>> = {
  "GET ": read((call, t, source) => project(call, t.account, AD_ACCOUNT, source.kind === "request" ? source.fields : undefined)),
  "POST ": write((call, t) => {
    const spendCap = integerParam(call.params, "spend_cap")
    const name = text(call.params, "name")
    if (isValidateOnly(call.params)) return SUCCESS
    if (spendCap !== undefined) call.state.spendCap = spendCap
    if (name) t.account.name = name
    return SUCCESS
  }),
  "GET campaigns": read((call, _t, source) => campaignsEdge(call, call.state.campaignIds, source)),
  "POST campaigns": write((call) => createCampaign(call)),
  "GET adsets": read((call, _t, source) => adSetsEdge(call, call.state.adSetIds, source)),
  "POST adsets": write((call) => createAdSet(call)),
  "GET ads": read((call, _t, source) => adsEdge(call, call.state.adIds, source)),
  "POST ads": write((call) => createAd(call)),
  "GET adcreatives": read((call, _t, source) => creativesEdge(call, call.state.creativeIds, source)),
  "POST adcreatives": write((call) => createCreative(call)),
  "GET adrules_library": read((call, _t, source) => rulesEdge(call, call.state.ruleIds, source)),
  "POST adrules_library": write((call) => createRule(call)),
  "GET adrules_history": read((call, _t, source) => ruleHistoryPage(call, undefined, source)),
  "GET minimum_budgets": read((call) => ({ data: [minimumBudgets(call.account.currency)] })),
  "GET insights": read((call, t) => insightsPage(call, { level: "account", account: t.account }), "ads_insights"),
  "POST insights": read((call, t) => createReportRun(call, { level: "account", account: t.account }), "ads_insights"),
}

const CAMPAIGN_ROUTES: Handlers<Extract<Target, { kind: "campaign" }>> = {
  "GET ": read((call, t, source) => project(call, t.record, CAMPAIGN, source.kind === "request" ? source.fields : undefined)),
  "POST ": write((call, t) => updateCampaign(call, t.record)),
  "DELETE ": write((call, t) => deleteObject(call, t.record)),
  "GET adsets": read((call, t, source) => adSetsEdge(call, t.record.adSetIds, source)),
  "GET ads": read((call, t, source) => adsEdge(call, adIdsOfCampaign(call.ads, t.record), source)),
  "GET insights": read((call, t) => insightsPage(call, { level: "campaign", campaign: t.record }), "ads_insights"),
  "POST insights": read((call, t) => createReportRun(call, { level: "campaign", campaign: t.record }), "ads_insights"),
}

const AD_SET_ROUTES: Handlers<Extract<Target, { kind: "adset" }>> = {
  "GET ": read((call, t, source) => project(call, t.record, AD_SET, source.kind === "request" ? source.fields : undefined)),
  "POST ": write((call, t) => updateAdSet(call, t.record)),
  "DELETE ": write((call, t) => deleteObject(call, t.record)),
  "GET ads": read((call, t, source) => adsEdge(call, t.record.adIds, source)),
  "GET copies": read((call, t, source) =>
    adSetsEdge(call, call.state.adSetIds.filter((id) => call.ads.adSets.get(id)?.sourceAdSetId === t.record.id), source)
  ),
  "POST copies": write((call, t) => copyAdSet(call, t.record)),
  "GET insights": read((call, t) => insightsPage(call, { level: "adset", adSet: t.record }), "ads_insights"),
  "POST insights": read((call, t) => createReportRun(call, { level: "adset", adSet: t.record }), "ads_insights"),
}

const AD_ROUTES: Handlers<Extract<Target, { kind: "ad" }>> = {
  "GET ": read((call, t, source) => project(call, t.record, AD, source.kind === "request" ? source.fields : undefined)),
  "POST ": write((call, t) => updateAd(call, t.record)),
  "DELETE ": write((call, t) => deleteObject(call, t.record)),
  "GET adcreatives": read((call, t, source) => creativesEdge(call, [t.record.creativeId], source)),
  "POST copies": write((call, t) => copyAd(call, t.record)),
  "GET insights": read((call, t) => insightsPage(call, { level: "ad", ad: t.record }), "ads_insights"),
  "POST insights": read((call, t) => createReportRun(call, { level: "ad", ad: t.record }), "ads_insights"),
}

const CREATIVE_ROUTES: Handlers<Extract<Target, { kind: "creative" }>> = {
  "GET ": read((call, t, source) => project(call, t.record, CREATIVE, source.kind === "request" ? source.fields : undefined)),
  "POST ": write((call, t) => updateCreative(call, t.record)),
  "DELETE ": write((call, t) => {
    if (!isValidateOnly(call.params)) t.record.status = "DELETED"
    return SUCCESS
  }),
}

const RULE_ROUTES: Handlers<Extract<Target, { kind: "rule" }>> = {
  "GET ": read((call, t, source) => project(call, t.record, RULE, source.kind === "request" ? source.fields : undefined)),
  "POST ": write((call, t) => updateRule(call, t.record)),
  "DELETE ": write((call, t) => {
    if (!isValidateOnly(call.params)) t.record.status = "DELETED"
    return SUCCESS
  }),
  "GET history": read((call, t, source) => ruleHistoryPage(call, t.record, source)),
  // POST /{rule_id}/execute runs the rule now (https://developers.facebook.com/docs/marketing-api/reference/ad-rule/).
  "POST execute": write((call, t) => {
    if (t.record.status === "DELETED") throw requestErrors.unsupported("POST", `${t.record.id}/execute`)
    runRule(call.world, call.account, call.state, t.record, call.now, true)
    return SUCCESS
  }),
}

const REPORT_RUN_ROUTES: Handlers<Extract<Target, { kind: "report_run" }>> = {
  "GET ": read((call, t) => readReportRun(call, t.record), "ads_insights"),
  "GET insights": read((call, t, source) => reportRunInsights(call, t.record, source), "ads_insights"),
}

const NODE_TYPES: Record<Target["kind"], string> = {
  account: "AdAccount",
  campaign: "Campaign",
  adset: "AdSet",
  ad: "Ad",
  creative: "AdCreative",
  rule: "AdRule",
  report_run: "AdReportRun",
}

function handlerFor(target: Target, key: string): Handler<Target> | undefined {
  const tables: Record<Target["kind"], Handlers<never>> = {
    account: ACCOUNT,
    campaign: CAMPAIGN_ROUTES,
    adset: AD_SET_ROUTES,
    ad: AD_ROUTES,
    creative: CREATIVE_ROUTES,
    rule: RULE_ROUTES,
    report_run: REPORT_RUN_ROUTES,
  }
  return (tables[target.kind] as Handlers<Target>)[key]
}

function redactedParams(params: Record<string, unknown>): Record<string, unknown> {
  const { access_token: _token, appsecret_proof: _proof, ...rest } = params
  return rest
}

function authorizeAndRun(ctx: RouteContext, target: Target, handler: Handler<Target>): { call: AdsCall; body: unknown } {
  const caller = authenticate(ctx)
  if (!canSee(ctx.world, caller, { type: "AdAccount", record: target.account })) throw requestErrors.unsupported(ctx.request.method, ctx.segments[0])
  if (handler.write) requireAnyScope(caller, ["ads_management"])
  else if (!hasAnyScope(caller, ["ads_management", "ads_read"])) {
    throw new GraphApiError({ code: 200, message: "(#200) Ad account owner has NOT grant ads_management or ads_read permission" })
  }
  const call = makeCall(ctx, caller, target.account, adsNow(ctx.world, ctx.now))
  chargeCall(ctx.world, ctx.request, target.account, call.state, handler.write ? "write" : "read", handler.buc ?? "ads_management", call.now)
  settle(ctx.world, target.account, call.state, call.now)
  const source: EdgeSource = { kind: "request", fields: parseSelection(text(call.params, "fields")) }
  return { call, body: handler.run(call, target, source) }
}

/**
 * A Marketing API call, or undefined when the id is not an ads object (another route answers). Every
 * write that reaches an ads object is logged (writes()), applied, validated only or refused.
 */
export function handleAdsRoute(ctx: RouteContext): Reply | undefined {
  const [id, edge, ...rest] = ctx.segments
  if (!id || rest.length > 0) return undefined
  const target = findTarget(ctx.world, id)
  if (!target) return undefined
  const method = ctx.request.method
  const handler = handlerFor(target, `${method} ${edge ?? ""}`)
  if (!handler) {
    authenticate(ctx)
    if (method === "GET" && edge !== undefined) throw requestErrors.nonexistingField(edge, NODE_TYPES[target.kind])
    throw requestErrors.unsupported(method, edge ? `${id}/${edge}` : id)
  }
  if (!handler.write) return json(authorizeAndRun(ctx, target, handler).body)
  const params = ctx.request.params
  const entry = {
    at: new Date(ctx.now()).toISOString(),
    method: method as "POST" | "DELETE",
    path: ctx.request.pathname,
    params: redactedParams(params),
    validateOnly: (() => {
      try {
        return isValidateOnly(params)
      } catch {
        return false
      }
    })(),
  }
  const writes = adsOf(ctx.world).writes
  try {
    const { body } = authorizeAndRun(ctx, target, handler)
    writes.push({ ...entry, outcome: entry.validateOnly ? "validated" : "applied" })
    return json(body)
  } catch (error) {
    const refused = error instanceof GraphApiError ? { code: error.code, ...(error.subcode !== undefined ? { subcode: error.subcode } : {}) } : { code: 1 }
    writes.push({ ...entry, outcome: "refused", error: refused })
    throw error
  }
}
