import { DEFAULT_APP, EmulatorState, type SystemUserTokenInput } from "./emulator-state"
import { loadWorld, WorldWriter } from "./persistence"
import { startServer } from "./server"
import { EmulatorWebhooks } from "./routes/webhooks"
import { EmulatorSubscriptions } from "./routes/webhook-subscriptions"
import { catalogItemsOf, productSetsOf, type EmulatedCatalogItem } from "./routes/catalog"
import { receivedPixelEvents, type ReceivedPixelEvent } from "./routes/pixel-events"
import { EmulatorPublishing } from "./routes/publishing"
import { EmulatorInsights } from "./routes/insights"
import { EmulatorAds } from "./ads"
import type {
  FaultSpec,
  LogicalRequest,
  RecordedRequest,
  RequestCounts,
  RequestFilter,
  StartGraphEmulatorOptions,
  TokenInfo,
} from "./types"
import type { World } from "./world"

export type {
  EmulatorApp,
  FaultKind,
  FaultSpec,
  LogicalRequest,
  RecordedRequest,
  RecordedSubRequest,
  RequestCounts,
  RequestFilter,
  StartGraphEmulatorOptions,
  TokenInfo,
  TokenRecord,
} from "./types"
export type { World } from "./world"
export { SEED_IDS } from "./seed"
export { DEFAULT_APP } from "./emulator-state"
export { appsecretProof } from "./auth"
export type { CommentInput, DeliveryResult, EmulatorWebhooks, LeadInput, LeadRecord, SignatureMode, WebhookEnvelope } from "./routes/webhooks"
export type { CallbackVerification, EmulatorSubscriptions } from "./routes/webhook-subscriptions"
export type { EmulatedCatalogItem } from "./routes/catalog"
export type { ReceivedPixelEvent } from "./routes/pixel-events"
export type {
  EmulatedComment,
  EmulatedContainer,
  EmulatedIgMedia,
  EmulatedPagePhoto,
  EmulatedPagePost,
  EmulatorPublishing,
} from "./routes/publishing"
export type { ContainerMediaType, ContainerStatusCode, MediaError } from "./routes/publishing-store"
export type { EmulatorInsights, InsightsConfig } from "./routes/insights"
export type { MetricOverride, MetricOverrides } from "./routes/insights-store"
export { MAX_BATCH_OPERATIONS } from "./routes/graph-batch"
export type {
  AccessTier,
  AdsConfigInput,
  EmulatedAd,
  EmulatedAdAccount,
  EmulatedAdSet,
  EmulatedCampaign,
  EmulatedCreative,
  EmulatedInsights,
  EmulatedRule,
  EmulatedRuleRun,
  EmulatorAds,
  PerformanceInput,
  SeedAccountInput,
  SeededAccount,
  WriteRecord,
} from "./ads"

export interface GraphEmulator {
  /** http://127.0.0.1:<port>: use as graphApiUrl and as oauthDialogUrl. */
  url: string
  close(): Promise<void>
  /** Back to the seeded world; clears faults and recorded requests. */
  reset(): void
  /**
   * HTTP requests received (control API excluded), with tokens and secrets redacted. A batch request is
   * one entry, its operations under `subRequests` (so are the ids of a multi-id read).
   */
  requests(filter?: RequestFilter): RecordedRequest[]
  /** Graph calls as Meta's rate limits count them: each batch operation (and multi-id id) on its own. */
  logicalRequests(filter?: RequestFilter): LogicalRequest[]
  /** { http, logical, batched }: HTTP requests, the Graph calls they carried, and how many carried several. */
  requestCounts(filter?: RequestFilter): RequestCounts
  /** Conversions API events a pixel accepted (all pixels when omitted): the "Test Events" view. */
  receivedEvents(pixelId?: string): ReceivedPixelEvent[]
  /** The items a catalog holds (items_batch feed fields), ordered by retailer id. */
  catalogItems(catalogId: string): EmulatedCatalogItem[]
  /** The product sets of a catalog: name, filter (parsed), retailer_id, product_count. */
  productSets(catalogId: string): ReturnType<typeof productSetsOf>
  /** Meta's side of webhooks: leads, signed deliveries (forged, duplicated, bursts), signed_request callbacks. */
  readonly webhooks: EmulatorWebhooks
  /**
   * Webhook subscriptions as Meta keeps them: `verifyCallback(url, verifyToken)` plays the App Dashboard's
   * "Verify and save" (a GET with a fresh hub.challenge), `subscribedApps(pageId)` the apps a Page sends to.
   */
  readonly subscriptions: EmulatorSubscriptions
  /**
   * Organic publishing: Instagram containers (`containers(igUserId)`, with statusCode/status as Graph reads
   * them now) and published media (`media(igUserId)`, newest first), Page posts (`pagePosts(pageId)`,
   * with isPublished/permalinkUrl) and photos (`pagePhotos(pageId)`), comments on a media or post
   * (`comments(objectId)`, replies included), `setContainerDelays({ imageMs, videoMs })` (default 300 /
   * 1500 ms from a passed media check to FINISHED) and `setPublishingQuota(igUserId, total)` (default 50
   * per moving 24 h). `reset()` empties it and restores the default delays and quotas.
   */
  readonly publishing: EmulatorPublishing
  /**
   * Insights: figures are deterministic from object ids and grow with the insights clock;
   * `advance(ms)` / `setClockOffset(ms)` move that clock (stories' 24 h included), `setGrowthFactor(f)`
   * scales every figure, `setMediaMetrics(id, { reach: 1200, likes: null })` fixes an IG media's or Page
   * post's figures (null = none), `setOnlineFollowers(igUserId, [24 counts] | { "YYYY-MM-DD": [...] })`,
   * `mediaMetrics(id)` reads what Graph would answer, `requestCounts()` = { http, logical, batched }.
   */
  readonly insights: EmulatorInsights
  /**
   * Marketing API: `accounts()`, `campaigns(act?)`, `adSets(actOrCampaignId?)`, `ads(actOrCampaignOrAdSetId?)`,
   * `creatives(act?)`, `rules(act?)`, `ruleHistory(ruleId?)`, `insights(objectId, { since, until } | { datePreset })`,
   * `seedAccount({ id, currency, timezone, campaigns, adSetsPerCampaign, adsPerAdSet, … })`, `advance(ms)` (the ads
   * clock: ACTIVE objects spend, enabled ad rules run), `setUsage(act, pct, type?)`, `setPerformance(id, { cpm, ctr,
   * purchaseRate, orderValue, frequency })`, `configure({ accessTier, reportSteps, failReportRuns })`, `writes(filter?)`
   * (every POST/DELETE that reached an ads object: applied, validated or refused) and `clearWrites()`.
   */
  readonly ads: EmulatorAds
  /** Faults for matching requests (see FaultKind: "lost_response" handles the call, then drops its answer). */
  injectFault(fault: FaultSpec): void
  clearFaults(): void
  createSystemUserToken(input?: SystemUserTokenInput): string
  revokeToken(token: string): void
  expireToken(token: string): void
  tokenInfo(token: string): TokenInfo | undefined
  /** The live world (users, businesses, pages, igAccounts, adAccounts, pixels, catalogs, tokens, codes). */
  readonly state: World
}

/** Starts the Meta Graph API emulator (see DESIGN.md "Meta is not reachable from here"). */
export async function startGraphEmulator(options: StartGraphEmulatorOptions = {}): Promise<GraphEmulator> {
  const now = options.now ?? Date.now
  const persisted = options.persistPath ? loadWorld(options.persistPath) : undefined
  const state = new EmulatorState(options.apps?.length ? options.apps : [DEFAULT_APP], now, options.seed !== false, persisted)
  state.acceptLocalImageLinks = options.acceptLocalImageLinks === true
  const writer = options.persistPath ? new WorldWriter(options.persistPath, () => state.world) : undefined
  const changed = () => writer?.schedule()
  writer?.flush()

  const server = await startServer(state, {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    log: options.log ?? false,
    afterRequest: changed,
  })

  const requireKnown = (ok: boolean) => {
    if (!ok) throw new Error("Unknown token")
    changed()
  }

  return {
    url: server.url,
    async close() {
      await server.close()
      writer?.flush()
    },
    reset() {
      state.reset()
      changed()
    },
    requests: (filter) => state.recorder.list(filter),
    logicalRequests: (filter) => state.recorder.logical(filter),
    requestCounts: (filter) => state.recorder.counts(filter),
    webhooks: new EmulatorWebhooks(state),
    subscriptions: new EmulatorSubscriptions(state),
    publishing: new EmulatorPublishing(state),
    insights: new EmulatorInsights(state),
    ads: new EmulatorAds(state),
    receivedEvents: (pixelId) => receivedPixelEvents(state.world, pixelId),
    catalogItems: (catalogId) => catalogItemsOf(state.world, catalogId),
    productSets: (catalogId) => productSetsOf(state.world, catalogId),
    injectFault: (fault) => state.faults.add(fault),
    clearFaults: () => state.faults.clear(),
    createSystemUserToken(input) {
      const token = state.createSystemUserToken(input)
      changed()
      return token
    },
    revokeToken: (token) => requireKnown(state.revokeToken(token)),
    expireToken: (token) => requireKnown(state.expireToken(token)),
    tokenInfo: (token) => state.tokenInfo(token),
    get state() {
      return state.world
    },
  }
}
