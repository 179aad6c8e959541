import type { MetaBestTimeSlot, MetaBestTimesResponse } from "../../types/http/insights"

/**
 * Best time to post, from the account's own data: when its followers are online (Instagram's
 * `online_followers`, https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights)
 * blended with how the account's own posts did at each hour of the week. Slots are hours of the week in UTC
 * (0 = Sunday 00:00–00:59 UTC … 167 = Saturday 23:00–23:59 UTC); the admin shows them in the merchant's zone.
 * Everything is one pass over the inputs plus fixed work on 168 slots, so two years of posts rank in a few ms.
 */

/**
 * The time zone of `online_followers`' days and hour keys. Meta does not say so on the metric; its insights
 * days are Pacific days (a Page's daily values end at 07:00/08:00 UTC — "end_time" in
 * https://developers.facebook.com/docs/graph-api/reference/insights), and the hour keys are read the same way,
 * following daylight saving. This one constant is what changes if Meta ever documents otherwise.
 */
export const ONLINE_FOLLOWERS_TIME_ZONE = "America/Los_Angeles"

const offsetFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: ONLINE_FOLLOWERS_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
})

/** Minutes the reporting zone is ahead of UTC at `utcMs` (Los Angeles: −480 in winter, −420 in summer). */
function reportingOffsetMinutes(utcMs: number): number {
  const parts: Record<string, number> = {}
  for (const p of offsetFormat.formatToParts(new Date(utcMs))) if (p.type !== "literal") parts[p.type] = Number(p.value)
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute)
  return Math.round((wall - Math.floor(utcMs / 60_000) * 60_000) / 60_000)
}

/** The UTC hour-of-week slot of hour `hour` of reporting day `dayMs` (midnight of that date, as UTC). */
function utcSlotOfReportingHour(dayMs: number, hour: number): number {
  const wall = dayMs + hour * 3_600_000
  // The offset at the wall time read as UTC is at most one DST step off; one correction settles it.
  let utc = wall - reportingOffsetMinutes(wall) * 60_000
  utc = wall - reportingOffsetMinutes(utc) * 60_000
  const at = new Date(utc)
  return at.getUTCDay() * 24 + at.getUTCHours()
}

/** Meta reports online_followers (and follower_count) only for accounts with at least 100 followers. */
export const MIN_FOLLOWERS_FOR_ONLINE_FOLLOWERS = 100

/** Below this many posts with reach and engagement, the account's own history is not used. */
export const MIN_POSTS_FOR_ENGAGEMENT = 10

/** A post's weight halves every year: last year's posts count twice as much as the year before's. */
export const ENGAGEMENT_HALF_LIFE_DAYS = 365

/**
 * Shrinkage: every slot starts with this many "average" posts, so a slot with one post moves only part way
 * toward that post's result, and a slot with many posts speaks for itself.
 */
export const ENGAGEMENT_PRIOR_POSTS = 4

/** A single post's engagement counts as at most this many times (and at least 1/this) the account's usual. */
export const MAX_POST_LIFT = 3

/** Weight of the neighbouring hours (same weekday ±1 h) when pooling posts per slot. */
export const NEIGHBOUR_HOUR_WEIGHT = 0.5

const SLOTS = 168
const DAY_MS = 24 * 60 * 60 * 1000

export type BestTimesInput = {
  /** online_followers per day (parseOnlineFollowers); hour keys as Meta sent them. */
  onlineFollowers: readonly { date: string; hours: readonly (number | null | undefined)[] }[]
  posts: readonly { publishedAt: Date; engagement: number | null; reach: number | null }[]
  followersCount: number | null
  now: Date
  /**
   * The store's usual offset from UTC in minutes (e.g. -300 for New York in winter). Only places the default
   * curve at local lunch and evening; 0 when omitted.
   */
  utcOffsetMinutes?: number
}

export type BestTimes = Omit<MetaBestTimesResponse, "account_id">

/**
 * The curve for accounts without data of their own: weekday lunchtime and evening first, weekend late
 * morning next, nights last. Values are 0–1 by local weekday (0 = Sunday) and local hour.
 */
export function defaultCurveValue(weekday: number, hour: number): number {
  const weekend = weekday === 0 || weekday === 6
  if (hour < 6) return 0.05
  if (weekend) {
    if (hour >= 10 && hour <= 12) return hour === 11 ? 0.8 : 0.75
    if (hour >= 18 && hour <= 20) return 0.65
    return hour >= 23 ? 0.15 : 0.35
  }
  if (hour >= 11 && hour <= 13) return hour === 12 ? 1 : 0.9
  if (hour >= 18 && hour <= 21) return hour === 19 || hour === 20 ? 0.95 : 0.85
  if (hour >= 7 && hour <= 9) return 0.6
  return hour >= 23 ? 0.15 : 0.4
}

function defaultLabel(weekday: number, hour: number): string {
  const weekend = weekday === 0 || weekday === 6
  if (hour < 6) return "Most people are asleep at this hour"
  if (!weekend && hour >= 11 && hour <= 13) return "A typical good time to post: weekday lunchtime"
  if (!weekend && hour >= 18 && hour <= 21) return "A typical good time to post: weekday evening"
  if (weekend && hour >= 10 && hour <= 12) return "A typical good time to post: weekend late morning"
  if (weekend && hour >= 18 && hour <= 20) return "A fair time to post: weekend evening"
  return "Outside the usual peak times"
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m
}

function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`
}

function parseDay(date: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  const ms = Date.parse(`${date}T00:00:00Z`)
  // Date.parse rolls "2024-02-31" over to March; a date that does not round-trip is not a date.
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date ? ms : undefined
}

type OnlineSignal = { average: Float64Array; share: Float64Array } | null

/** online_followers averaged per UTC weekday × hour (hour keys converted from the reporting zone); slots Meta never reported borrow the same hour's mean. */
function onlineSignal(days: BestTimesInput["onlineFollowers"], nowMs: number): OnlineSignal {
  const latest = new Map<string, readonly (number | null | undefined)[]>()
  for (const day of days) if (day && typeof day.date === "string" && Array.isArray(day.hours)) latest.set(day.date, day.hours)
  const sum = new Float64Array(SLOTS)
  const count = new Float64Array(SLOTS)
  let points = 0
  for (const [date, hours] of latest) {
    const dayMs = parseDay(date)
    if (dayMs === undefined || dayMs > nowMs + DAY_MS) continue
    for (let hour = 0; hour < 24; hour++) {
      const value = hours[hour]
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) continue
      const slot = utcSlotOfReportingHour(dayMs, hour)
      sum[slot] += value
      count[slot] += 1
      points++
    }
  }
  if (points === 0) return null
  const hourSum = new Float64Array(24)
  const hourCount = new Float64Array(24)
  let allSum = 0
  let allCount = 0
  for (let slot = 0; slot < SLOTS; slot++) {
    if (count[slot] === 0) continue
    const avg = sum[slot] / count[slot]
    hourSum[slot % 24] += avg
    hourCount[slot % 24] += 1
    allSum += avg
    allCount += 1
  }
  const average = new Float64Array(SLOTS)
  let max = 0
  for (let slot = 0; slot < SLOTS; slot++) {
    const h = slot % 24
    average[slot] = count[slot] > 0 ? sum[slot] / count[slot] : hourCount[h] > 0 ? hourSum[h] / hourCount[h] : allSum / allCount
    if (average[slot] > max) max = average[slot]
  }
  // All zeros says nothing about when followers are online.
  if (max <= 0) return null
  const share = new Float64Array(SLOTS)
  for (let slot = 0; slot < SLOTS; slot++) share[slot] = average[slot] / max
  return { average, share }
}

type EngagementSignal = {
  used: boolean
  usable: number
  /** Zero engagement on every usable post: no shape to learn from. */
  allZero: boolean
  /** Shrunk lift per slot: what the ranking uses. */
  lift: Float64Array
  /** What the posts near the slot did (weighted geometric mean, unshrunk): what the reason tells. */
  observedLift: Float64Array
  exactCount: Int32Array
  windowCount: Int32Array
  effectivePosts: number
}

/**
 * Each post's engagement rate (interactions ÷ reach) relative to the account's usual rate (recency-weighted,
 * robust to outliers), pooled per slot on a log scale with the neighbouring hours at half weight, and shrunk
 * toward "usual" by ENGAGEMENT_PRIOR_POSTS. The log scale, the cap and the robust centre make one viral post
 * move its slot, not own it.
 */
function engagementSignal(posts: BestTimesInput["posts"], nowMs: number): EngagementSignal {
  const n = posts.length
  const slots = new Int32Array(n)
  const weights = new Float64Array(n)
  const rates = new Float64Array(n)
  let usable = 0
  let totalWeight = 0
  let weightedRate = 0
  for (const post of posts) {
    if (!post) continue
    const t = post.publishedAt instanceof Date ? post.publishedAt.getTime() : NaN
    const { engagement, reach } = post
    if (!Number.isFinite(t) || t > nowMs + 60 * 60 * 1000) continue
    if (typeof engagement !== "number" || !Number.isFinite(engagement) || engagement < 0) continue
    if (typeof reach !== "number" || !Number.isFinite(reach) || reach <= 0) continue
    const at = new Date(t)
    const ageDays = Math.max(0, (nowMs - t) / DAY_MS)
    const weight = 0.5 ** (ageDays / ENGAGEMENT_HALF_LIFE_DAYS)
    const rate = engagement / reach
    slots[usable] = at.getUTCDay() * 24 + at.getUTCHours()
    weights[usable] = weight
    rates[usable] = rate
    usable++
    totalWeight += weight
    weightedRate += weight * rate
  }
  const lift = new Float64Array(SLOTS).fill(1)
  const observedLift = new Float64Array(SLOTS).fill(1)
  const exactCount = new Int32Array(SLOTS)
  const windowCount = new Int32Array(SLOTS)
  const mean = totalWeight > 0 ? weightedRate / totalWeight : 0
  const allZero = usable > 0 && mean <= 0
  const used = usable >= MIN_POSTS_FOR_ENGAGEMENT && mean > 0
  if (!used) return { used, usable, allZero, lift, observedLift, exactCount, windowCount, effectivePosts: totalWeight }

  // "Usual engagement": a viral post inflates the plain mean, so the centre is a recency-weighted geometric
  // mean of rates clipped around the mean, re-clipped once around that result (each step one linear pass).
  const rough = clippedGeometricMean(rates, weights, usable, totalWeight, mean)
  const average = clippedGeometricMean(rates, weights, usable, totalWeight, rough)
  const slotWeight = new Float64Array(SLOTS)
  const slotLog = new Float64Array(SLOTS)
  const minLog = Math.log(1 / MAX_POST_LIFT)
  const maxLog = Math.log(MAX_POST_LIFT)
  for (let i = 0; i < usable; i++) {
    const ratio = rates[i] / average
    const log = ratio > 0 ? Math.min(maxLog, Math.max(minLog, Math.log(ratio))) : minLog
    slotWeight[slots[i]] += weights[i]
    slotLog[slots[i]] += weights[i] * log
    exactCount[slots[i]] += 1
  }
  for (let slot = 0; slot < SLOTS; slot++) {
    const prev = mod(slot - 1, SLOTS)
    const next = mod(slot + 1, SLOTS)
    const pooledWeight = slotWeight[slot] + NEIGHBOUR_HOUR_WEIGHT * (slotWeight[prev] + slotWeight[next])
    const pooledLog = slotLog[slot] + NEIGHBOUR_HOUR_WEIGHT * (slotLog[prev] + slotLog[next])
    lift[slot] = Math.exp(pooledLog / (pooledWeight + ENGAGEMENT_PRIOR_POSTS))
    if (pooledWeight > 0) observedLift[slot] = Math.exp(pooledLog / pooledWeight)
    windowCount[slot] = exactCount[prev] + exactCount[slot] + exactCount[next]
  }
  return { used, usable, allZero, lift, observedLift, exactCount, windowCount, effectivePosts: totalWeight }
}

/** Weighted geometric mean of `rates[0..n)`, each clipped to [reference / MAX_POST_LIFT, reference × MAX_POST_LIFT]. */
function clippedGeometricMean(rates: Float64Array, weights: Float64Array, n: number, totalWeight: number, reference: number): number {
  const low = reference / MAX_POST_LIFT
  const high = reference * MAX_POST_LIFT
  let logSum = 0
  for (let i = 0; i < n; i++) logSum += weights[i] * Math.log(Math.min(high, Math.max(low, rates[i])))
  return Math.exp(logSum / totalWeight)
}

/** Lift → 0–1: usual engagement is 0.5, 2.8× or more is 1, a third or less is 0. */
function engagementScore(lift: number): number {
  return Math.min(1, Math.max(0, 0.5 + Math.log2(lift) / 3))
}

function onlineReason(average: number, share: number): string {
  const who = share >= 0.85 ? "Most of your followers are online" : share >= 0.5 ? "Many of your followers are online" : "Fewer of your followers are online"
  return `${who} (${grouped(average)} on average)`
}

function engagementReason(lift: number, exact: number, window: number): string | undefined {
  if (window === 0) return undefined
  const where = exact === window ? "at this hour" : "around this hour"
  const posts = plural(window, "post")
  if (lift >= 1.1) return `Your posts ${where} get ${lift.toFixed(1)}× your usual engagement (${posts})`
  if (lift <= 0.9) return `Your posts ${where} get ${Math.round((1 - lift) * 100)}% less engagement than usual (${posts})`
  return `Your posts ${where} get about your usual engagement (${posts})`
}

function noteFor(input: {
  online: boolean
  engagement: EngagementSignal
  followersCount: number | null
}): string | null {
  const { online, engagement, followersCount } = input
  const fewFollowers = typeof followersCount === "number" && followersCount < MIN_FOLLOWERS_FOR_ONLINE_FOLLOWERS
  const onlineMissing = fewFollowers
    ? `Fewer than ${MIN_FOLLOWERS_FOR_ONLINE_FOLLOWERS} followers: Meta does not report when they are online.`
    : "Meta has not reported when your followers are online."
  const postsMissing = engagement.allZero && engagement.usable >= MIN_POSTS_FOR_ENGAGEMENT
    ? "Your posts have no recorded engagement yet, so they do not count."
    : `Your own posts count once ${MIN_POSTS_FOR_ENGAGEMENT} of them have insights (${engagement.usable} so far).`
  if (online && engagement.used) return null
  if (online) return `Based on when your followers are online. ${postsMissing}`
  if (engagement.used) return `${onlineMissing} This ranking is based on how your own posts did.`
  return `${onlineMissing} ${postsMissing} Until then these are typical good times: weekday lunchtime and evening.`
}

/**
 * All 168 hour-of-week slots, best first (ties broken by weekday, then hour, so the answer is stable), with
 * a 0–100 score relative to the best slot and the reason in the merchant's words.
 */
export function rankBestTimes(input: BestTimesInput): BestTimes {
  const nowMs = input.now instanceof Date ? input.now.getTime() : NaN
  if (!Number.isFinite(nowMs)) throw new Error("rankBestTimes: now must be a valid Date")
  const online = onlineSignal(input.onlineFollowers ?? [], nowMs)
  const engagement = engagementSignal(input.posts ?? [], nowMs)
  const offsetHours = Math.round((Number.isFinite(input.utcOffsetMinutes) ? (input.utcOffsetMinutes as number) : 0) / 60)

  const confidence = engagement.effectivePosts / (engagement.effectivePosts + 20)
  let wOnline = 0
  let wEngagement = 0
  let wDefault = 1
  if (online && engagement.used) {
    wEngagement = 0.6 * confidence
    wDefault = 0.05
    wOnline = 1 - wEngagement - wDefault
  } else if (online) {
    wOnline = 0.95
    wDefault = 0.05
  } else if (engagement.used) {
    wEngagement = 0.8
    wDefault = 0.2
  }

  const raw = new Float64Array(SLOTS)
  const local = new Int32Array(SLOTS)
  let max = 0
  for (let slot = 0; slot < SLOTS; slot++) {
    local[slot] = mod(slot + offsetHours, SLOTS)
    const d = defaultCurveValue(Math.floor(local[slot] / 24), local[slot] % 24)
    const o = online ? online.share[slot] : 0
    const e = engagement.used ? engagementScore(engagement.lift[slot]) : 0
    raw[slot] = wOnline * o + wEngagement * e + wDefault * d
    if (raw[slot] > max) max = raw[slot]
  }

  const order = Array.from({ length: SLOTS }, (_, i) => i)
  order.sort((a, b) => raw[b] - raw[a] || a - b)

  const slots: MetaBestTimeSlot[] = order.map((slot) => {
    const parts: string[] = []
    if (online) parts.push(onlineReason(online.average[slot], online.share[slot]))
    const postsPart = engagement.used
      ? engagementReason(engagement.observedLift[slot], engagement.exactCount[slot], engagement.windowCount[slot])
      : undefined
    if (postsPart) parts.push(postsPart)
    if (!online && !postsPart) parts.push(defaultLabel(Math.floor(local[slot] / 24), local[slot] % 24))
    return {
      weekday: Math.floor(slot / 24),
      hour: slot % 24,
      score: max > 0 ? Math.round((100 * raw[slot]) / max) : 0,
      reason: parts.join(". "),
    }
  })

  const basis: BestTimes["basis"] = []
  if (online) basis.push("followers_online")
  if (engagement.used) basis.push("engagement")
  if (basis.length === 0) basis.push("default")

  return {
    slots,
    basis,
    posts_considered: engagement.used ? engagement.usable : 0,
    note: noteFor({ online: online !== null, engagement, followersCount: input.followersCount }),
  }
}
