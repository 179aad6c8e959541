import type { ParsedRequest } from "../http"
import type { AdAccountRecord, World } from "../world"
import { activeAdCount } from "./delivery"
import { AdsApiError } from "./errors"
import { adsOf, type AccessTier, type AccountAds } from "./store"

/**
 * Marketing API throttling (https://developers.facebook.com/docs/marketing-api/overview/rate-limiting),
 * which "is excluded from all the Graph API rate limitations" (no X-App-Usage on these calls):
 *
 * - Ad-account level: every call scores 1 (read) or 3 (write); the score decays over 300 s; at the
 *   maximum (60 for development access, 9000 for standard access) calls fail with code 17, subcode
 *   2446079 "User request limit reached" for the blocking period (300 s / 60 s). Reported in
 *   `X-Ad-Account-Usage` {acc_id_util_pct, reset_time_duration (seconds), ads_api_access_tier}.
 * - Business use case (https://developers.facebook.com/docs/graph-api/overview/rate-limiting#buc-rate-limits):
 *   calls per rolling hour, ads_management 300 + 40 × active ads (development) or 100000 + 40 × active
 *   ads (standard); ads_insights 600 + 400 × active ads or 190000 + 400 × active ads. Over the quota:
 *   80004 (ads management) / 80000 (ads insights), subcode 2446079. Reported in
 *   `X-Business-Use-Case-Usage` keyed by the ad account id, `estimated_time_to_regain_access` in minutes.
 */

const DECAY_MS = 300 * 1000
const HOUR_MS = 3600 * 1000
const TIERS: Record<AccessTier, { maxScore: number; blockMs: number; management: number; insights: number }> = {
  development_access: { maxScore: 60, blockMs: 300 * 1000, management: 300, insights: 600 },
  standard_access: { maxScore: 9000, blockMs: 60 * 1000, management: 100000, insights: 190000 },
}

export type BucType = "ads_management" | "ads_insights"

/** Usage headers of each request, read by the server when it answers (the call's own ad account). */
const requestHeaders = new WeakMap<ParsedRequest, Record<string, string>>()

export function adsUsageHeaders(request: ParsedRequest): Record<string, string> {
  return requestHeaders.get(request) ?? {}
}

/**
 * The quotas follow the number of active ads, which is recounted once per minute of the ads clock rather
 * than on every call: counting means rebuilding the delivery rates of every ad of the account, and a
 * batch of 50 status writes on a 10,000-ad account would otherwise rebuild them 50 times.
 */
const QUOTA_RECOUNT_MS = 60 * 1000

function quotaActiveAds(world: World, account: AdAccountRecord, state: AccountAds, nowMs: number): number {
  const counted = state.usage.quotaAds
  if (counted && nowMs >= counted.at && nowMs - counted.at < QUOTA_RECOUNT_MS) return counted.count
  const count = activeAdCount(world, account, state)
  state.usage.quotaAds = { count, at: nowMs }
  return count
}

function bucQuota(world: World, account: AdAccountRecord, state: AccountAds, type: BucType, nowMs: number): number {
  const tier = TIERS[adsOf(world).config.accessTier]
  const active = quotaActiveAds(world, account, state, nowMs)
  return type === "ads_insights" ? tier.insights + 400 * active : tier.management + 40 * active
}

function windowed<T extends { at: number }>(entries: T[], since: number): T[] {
  let first = 0
  while (first < entries.length && entries[first].at <= since) first += 1
  if (first > 0) entries.splice(0, first)
  return entries
}

function scoreNow(state: AccountAds, nowMs: number): number {
  return windowed(state.usage.score, nowMs - DECAY_MS).reduce((sum, e) => sum + e.points, 0)
}

function bucCalls(state: AccountAds, type: BucType, nowMs: number): number {
  const entries = (state.usage.buc[type] ??= [])
  return windowed(entries, nowMs - HOUR_MS).reduce((sum, e) => sum + e.calls, 0)
}

function pct(value: number, max: number): number {
  return Math.round((value * 10000) / max) / 100
}

type Snapshot = { accountPct: number; resetSeconds: number; bucPct: number; regainMinutes: number }

function headersFor(world: World, account: AdAccountRecord, type: BucType, snap: Snapshot): Record<string, string> {
  const tier = adsOf(world).config.accessTier
  const bucPct = Math.min(100, Math.round(snap.bucPct))
  const headers: Record<string, string> = {
    "X-Ad-Account-Usage": JSON.stringify({ acc_id_util_pct: snap.accountPct, reset_time_duration: snap.resetSeconds, ads_api_access_tier: tier }),
    "X-Business-Use-Case-Usage": JSON.stringify({
      [account.accountId]: [
        {
          type,
          call_count: bucPct,
          total_cputime: Math.round(bucPct / 2),
          total_time: Math.round(bucPct / 3),
          estimated_time_to_regain_access: snap.regainMinutes,
          ads_api_access_tier: tier,
        },
      ],
    }),
  }
  if (type === "ads_insights") {
    headers["X-FB-Ads-Insights-Throttle"] = JSON.stringify({ app_id_util_pct: 0, acc_id_util_pct: snap.accountPct, ads_api_access_tier: tier })
  }
  return headers
}

function resetSeconds(state: AccountAds, nowMs: number): number {
  const blocked = state.usage.blockedUntil && state.usage.blockedUntil > nowMs ? state.usage.blockedUntil - nowMs : 0
  const last = state.usage.score.length ? state.usage.score[state.usage.score.length - 1].at + DECAY_MS - nowMs : 0
  return Math.max(0, Math.ceil(Math.max(blocked, last) / 1000))
}

/**
 * Counts one call on the account and sets the response's usage headers; throws Meta's throttling error
 * (the call is then not handled) when the ad-account score or the business-use-case quota is used up.
 */
export function chargeCall(
  world: World,
  request: ParsedRequest,
  account: AdAccountRecord,
  state: AccountAds,
  kind: "read" | "write",
  type: BucType,
  nowMs: number
): void {
  const tier = TIERS[adsOf(world).config.accessTier]
  const quota = bucQuota(world, account, state, type, nowMs)
  const snapshot = (extraScore = 0): Snapshot => ({
    accountPct: pct(scoreNow(state, nowMs) + extraScore, tier.maxScore),
    resetSeconds: resetSeconds(state, nowMs),
    bucPct: (bucCalls(state, type, nowMs) * 100) / quota,
    regainMinutes: 0,
  })

  const points = kind === "write" ? 3 : 1
  const blocked = state.usage.blockedUntil !== undefined && state.usage.blockedUntil > nowMs
  if (blocked || scoreNow(state, nowMs) + points > tier.maxScore) {
    if (!blocked) state.usage.blockedUntil = nowMs + tier.blockMs
    const snap = { ...snapshot(), accountPct: Math.max(100, pct(scoreNow(state, nowMs), tier.maxScore)) }
    const headers = headersFor(world, account, type, snap)
    requestHeaders.set(request, headers)
    throw new AdsApiError({
      code: 17,
      subcode: 2446079,
      isTransient: true,
      message: "(#17) User request limit reached",
      userTitle: "Ad Account Has Too Many API Calls",
      userMessage: "There have been too many calls from this ad-account. Please wait a bit and try again.",
      headers,
    })
  }

  const calls = bucCalls(state, type, nowMs)
  if (calls + 1 > quota) {
    const oldest = state.usage.buc[type][0]?.at ?? nowMs
    const regainMinutes = Math.max(1, Math.ceil((oldest + HOUR_MS - nowMs) / 60000))
    const headers = headersFor(world, account, type, { ...snapshot(), bucPct: 100, regainMinutes })
    requestHeaders.set(request, headers)
    const code = type === "ads_insights" ? 80000 : 80004
    throw new AdsApiError({
      code,
      subcode: 2446079,
      isTransient: true,
      message: `(#${code}) There have been too many calls ${type === "ads_insights" ? "from" : "to"} this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.`,
      headers,
    })
  }

  state.usage.score.push({ at: nowMs, points })
  ;(state.usage.buc[type] ??= []).push({ at: nowMs, calls: 1 })
  requestHeaders.set(request, headersFor(world, account, type, snapshot()))
}

/**
 * setUsage: the account's usage as if earlier calls had used `pct` % of the ad-account score (default)
 * or of a business-use-case quota; 100 makes the next call throttled.
 */
export function setAccountUsage(world: World, account: AdAccountRecord, state: AccountAds, percent: number, type: "account" | BucType, nowMs: number): void {
  if (!Number.isFinite(percent) || percent < 0) throw new Error("Usage must be a non-negative percentage")
  if (type === "account") {
    const tier = TIERS[adsOf(world).config.accessTier]
    state.usage.score = percent > 0 ? [{ at: nowMs, points: (percent * tier.maxScore) / 100 }] : []
    state.usage.blockedUntil = undefined
    return
  }
  const quota = bucQuota(world, account, state, type, nowMs)
  state.usage.buc[type] = percent > 0 ? [{ at: nowMs, calls: Math.ceil((percent * quota) / 100) }] : []
}
