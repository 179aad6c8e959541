import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { GraphBatchItem, GraphBatchRequest, GraphClient } from "../../../lib/graph"
import {
  MIN_FOLLOWERS_FOR_ONLINE_FOLLOWERS,
  accountInsightsQueries,
  classifyInsightsError,
  parseInsightMetrics,
  parseInsightSeries,
  parseOnlineFollowers,
} from "../../../lib/insights"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type { AccountInsightWrite, AccountPostWrite } from "../../../modules/meta-publishing/insights-repository"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import { pageTokens } from "../page-tokens"
import type { RefreshInsightsInput } from "./refresh-publication-insights"

export type RefreshedAccounts = { refreshed: number; calls: number }

const DAY_MS = 86_400_000
/** Account figures are read once a day by the job (a little early, so the hourly job doesn't slip a day). */
const STALE_MS = 20 * 60 * 60_000
const FORCED_STALE_MS = 60_000
/**
 * The first refresh of an account reads 29 days back: Meta refuses a since … until wider than 30 days
 * ("There cannot be more than 30 days between since and until"), and online_followers covers only the last 30.
 */
const BACKFILL_DAYS = 29
/** Later refreshes re-read the last 2 days: Meta settles a day's figures up to 48 hours late. */
const DAILY_DAYS = 2
/** The account's posts are listed back to two years ago the first time (Meta keeps insights for two years). */
const HISTORY_MS = 2 * 365 * DAY_MS
const POSTS_PAGE = 100
const MAX_POST_PAGES = 40

const REASON_NO_TOKEN = "The connection no longer has this account's Page: reconnect Meta to read its figures."
const REASON_FEW_FOLLOWERS = "Meta reports when followers are online only for accounts with at least 100 followers."

/** Why an account read failed, in the merchant's words (the classifier speaks of posts). */
function accountReason(error: unknown): string {
  const reason = classifyInsightsError(error as never).reason ?? "Meta did not answer; the figures are read again tomorrow."
  return reason.replace(/for this post/g, "for this account").replace(/this post/g, "this account")
}

const unix = (ms: number) => Math.floor(ms / 1000)
const dayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

type Post = {
  id: string
  timestamp?: string
  created_time?: string
  like_count?: number
  comments_count?: number
  reactions?: { summary?: { total_count?: number } }
  comments?: { summary?: { total_count?: number } }
  shares?: { count?: number }
}

function postsOf(body: unknown): { posts: AccountPostWrite[]; next: string | null } {
  const page = body as { data?: Post[]; paging?: { next?: string; cursors?: { after?: string } } } | undefined
  const posts: AccountPostWrite[] = []
  for (const p of page?.data ?? []) {
    const at = p.timestamp ?? p.created_time
    if (!p.id || !at || !Number.isFinite(Date.parse(at))) continue
    const engagement =
      (p.like_count ?? p.reactions?.summary?.total_count ?? 0) + (p.comments_count ?? p.comments?.summary?.total_count ?? 0) + (p.shares?.count ?? 0)
    posts.push({ meta_id: p.id, published_at: new Date(Date.parse(at)).toISOString(), engagement })
  }
  return { posts, next: page?.paging?.next ? page.paging.cursors?.after ?? null : null }
}

function postsRequest(account: { platform: string; meta_id: string }, after?: string): string {
  const base =
    account.platform === "instagram"
      ? `${account.meta_id}/media?fields=id,timestamp,like_count,comments_count`
      : `${account.meta_id}/published_posts?fields=id,created_time,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares`
  return `${base}&limit=${POSTS_PAGE}${after ? `&after=${encodeURIComponent(after)}` : ""}`
}

/**
 * One account's daily refresh as one Graph batch: the profile (followers), the day totals of the days not
 * yet settled, the follower series, `online_followers` and the first page of the account's posts; older
 * posts are paged only until the ones already known (two years back the first time).
 */
async function refreshAccount(
  graph: GraphClient,
  publishing: MetaPublishingModuleService,
  account: { id: string; platform: "instagram" | "facebook"; meta_id: string; followers_count: number | null },
  token: string,
  apiVersion: string,
  firstTime: boolean
): Promise<number> {
  const now = Date.now()
  const today = dayStart(now)
  const days = firstTime ? BACKFILL_DAYS : DAILY_DAYS
  const requests: GraphBatchRequest[] = []
  const handlers: ((item: GraphBatchItem) => void)[] = []
  const byDay = new Map<string, AccountInsightWrite>()
  const dayRow = (day: string) => {
    let row = byDay.get(day)
    if (!row) byDay.set(day, (row = { account_id: account.id, day, followers_count: null, metrics: {}, online_followers: null }))
    return row
  }
  let followers = account.followers_count
  let unavailable: string | null = null
  const note = (item: GraphBatchItem) => {
    if (!item.error || unavailable) return
    unavailable = accountReason(item.error)
  }
  const add = (relative_url: string, handle: (body: unknown) => void) => {
    requests.push({ method: "GET", relative_url })
    handlers.push((item) => (item.error ? note(item) : handle(item.body)))
  }

  add(`${account.meta_id}?fields=followers_count`, (body) => {
    const n = (body as { followers_count?: number })?.followers_count
    if (typeof n === "number") followers = n
  })
  const since = today - days * DAY_MS
  for (const query of accountInsightsQueries({ platform: account.platform, apiVersion, at: new Date(now) })) {
    const metric = query.metrics.join(",")
    const params = Object.entries(query.params)
      .map(([k, v]) => `&${k}=${v}`)
      .join("")
    if (query.purpose === "daily_totals") {
      // total_value answers one total for since … until: one read per day.
      for (let d = since; d <= today; d += DAY_MS) {
        add(`${account.meta_id}/insights?metric=${metric}${params}&since=${unix(d)}&until=${unix(d + DAY_MS)}`, (body) => {
          Object.assign(dayRow(isoDay(d)).metrics, parseInsightMetrics(body))
        })
      }
    } else if (query.purpose === "online_followers") {
      if (account.followers_count !== null && account.followers_count < MIN_FOLLOWERS_FOR_ONLINE_FOLLOWERS) {
        unavailable = REASON_FEW_FOLLOWERS
        continue
      }
      add(`${account.meta_id}/insights?metric=${metric}${params}&since=${unix(now - BACKFILL_DAYS * DAY_MS)}&until=${unix(now)}`, (body) => {
        for (const d of parseOnlineFollowers(body)) dayRow(d.date).online_followers = d.hours
      })
    } else {
      add(`${account.meta_id}/insights?metric=${metric}${params}&since=${unix(since)}&until=${unix(now)}`, (body) => {
        for (const d of parseInsightSeries(body)) {
          Object.assign(dayRow(d.day).metrics, d.metrics)
        }
      })
    }
  }
  let after: string | null = null
  const posts: AccountPostWrite[] = []
  add(postsRequest(account), (body) => {
    const page = postsOf(body)
    posts.push(...page.posts)
    after = page.next
  })

  let calls = 1
  const answers = await graph.batch(requests, { token })
  answers.forEach((item, i) => handlers[i](item))

  // Older posts: page on until the ones already known, or two years back the first time.
  const known = await publishing.newestAccountPost(account.id)
  const stopAt = known ? known.getTime() : now - HISTORY_MS
  for (let pages = 1; after && pages < MAX_POST_PAGES; pages++) {
    const oldest = posts.length ? Math.min(...posts.slice(-POSTS_PAGE).map((p) => Date.parse(p.published_at))) : now
    if (oldest <= stopAt) break
    const body = await graph.get<unknown>(postsRequest(account, after), { token }).catch(() => null)
    calls++
    if (!body) break
    const page = postsOf(body)
    posts.push(...page.posts)
    after = page.next
  }

  const rows = [...byDay.values()]
  if (followers !== null) {
    const todayRow = dayRow(isoDay(today))
    todayRow.followers_count = followers
    if (!rows.includes(todayRow)) rows.push(todayRow)
  }
  await publishing.saveAccountPosts(account.id, posts.filter((p) => Date.parse(p.published_at) >= now - HISTORY_MS))
  await publishing.saveAccountInsights({ accountId: account.id, days: rows, unavailableReason: unavailable, followersCount: followers })
  return calls
}

/**
 * Once a day per enabled account (claimed in PostgreSQL, so one process does it): followers, the day's
 * figures, when followers are online, and the account's posts for the best-time ranking.
 */
export const refreshAccountInsightsStep = createStep(
  "refresh-meta-account-insights",
  async (input: RefreshInsightsInput, { container }) => {
    const meta = container.resolve<MetaModuleService>(META_MODULE)
    const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const result: RefreshedAccounts = { refreshed: 0, calls: 0 }
    if (!(await meta.getConnectionToken())) return new StepResponse(result)
    const graph = meta.getGraphClient()
    const apiVersion = meta.getOptions().apiVersion
    const claimed = await publishing.claimAccountRefresh({ staleMs: input.force ? FORCED_STALE_MS : STALE_MS, accountId: input.account_id })
    if (!claimed.length) return new StepResponse(result)
    const tokens = await pageTokens(meta, claimed)
    const seen = await publishing.listMetaAccountInsights({ account_id: claimed.map((a) => a.id) }, { select: ["account_id"], take: null })
    const withHistory = new Set(seen.map((s) => s.account_id))
    for (const account of claimed) {
      const token = tokens.get(account.meta_id)
      if (!token) {
        await publishing.saveAccountInsights({ accountId: account.id, days: [], unavailableReason: REASON_NO_TOKEN, followersCount: null })
        continue
      }
      try {
        result.calls += await refreshAccount(graph, publishing, account, token, apiVersion, !withHistory.has(account.id))
        result.refreshed++
      } catch (error) {
        await publishing.saveAccountInsights({ accountId: account.id, days: [], unavailableReason: accountReason(error), followersCount: null })
        result.calls++
      }
    }
    return new StepResponse(result)
  }
)
