import { randomBytes, createHash } from "node:crypto"
import { hostname } from "node:os"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService, generateEntityId } from "@medusajs/framework/utils"
import { GraphClient, GraphError, UsageReports } from "../../lib/graph"
import { TokenVault } from "../../lib/vault"
import { META_API_USAGE_READ, type MetaApiUsageReadData } from "./events"
import {
  OAUTH_STATE_TTL_MS,
  buildOAuthDialogUrl,
  dialogScopesFor,
  signOAuthState,
  verifyOAuthState,
} from "../../lib/oauth"
import { connectionStatus, effectiveFeatures } from "../../lib/connection"
import { MetaAsset } from "./models/meta-asset"
import { MetaConnection } from "./models/meta-connection"
import { MetaOAuthState } from "./models/meta-oauth-state"
import { MetaComment } from "./models/meta-comment"
import { MetaDataDeletionRequest } from "./models/meta-data-deletion-request"
import { MetaLead } from "./models/meta-lead"
import { MetaWebhookEvent } from "./models/meta-webhook-event"
import { MetaWebhookSubscription } from "./models/meta-webhook-subscription"
import { CapiOutboxRepository } from "./capi-outbox-repository"
import { type CapiEventFilters, countCapiEventsByUserDataKeys } from "./capi-match-quality-repository"
import { WebhookChangeRow, claimWebhookEvent, insertWebhookChanges, listDueWebhookEvents } from "./webhook-repository"
import { MetaCapiEvent } from "./models/meta-capi-event"
import { MetaCapiSetting } from "./models/meta-capi-setting"
import { MetaCatalogItem } from "./models/meta-catalog-item"
import { MetaCatalogBatch } from "./models/meta-catalog-batch"
import { MetaCatalogRun } from "./models/meta-catalog-run"
import { MetaCatalogCursor } from "./models/meta-catalog-cursor"
import { MetaCatalogProductSet } from "./models/meta-catalog-product-set"
import { CatalogItemRepository, type CatalogItemOutcome } from "./catalog-item-repository"
import { contextSqlExecutor, type SqlExecutor } from "./sql-executor"
import { CatalogProductSetRepository, type ProductSetSourceRef } from "./catalog-product-set-repository"
import { capiCounts, webhookCounts } from "./overview-repository"
import { MetaCartContext } from "./models/meta-cart-context"
import {
  MetaFeatureName,
  MetaPluginOptions,
  ResolvedMetaOptions,
  resolveMetaOptions,
} from "./options"

/** The catalog cursor row of the price watcher. */
const PRICE_CURSOR = "prices"

export type OAuthStateCheck =
  | { ok: true; userId: string }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" | "used" | "unknown" }

/**
 * Owns all Meta state. Besides the generated CRUD methods it holds the plugin options (subscribers
 * and jobs don't receive them at runtime in Medusa 2.21) and hands out the one Graph client and the
 * token vault.
 */
class MetaModuleService extends MedusaService({
  MetaConnection,
  MetaAsset,
  MetaOAuthState,
  MetaWebhookEvent,
  MetaWebhookSubscription,
  MetaLead,
  MetaComment,
  MetaDataDeletionRequest,
  MetaCapiEvent,
  MetaCartContext,
  MetaCapiSetting,
  MetaCatalogItem,
  MetaCatalogBatch,
  MetaCatalogRun,
  MetaCatalogCursor,
  MetaCatalogProductSet,
}) {
  protected readonly options_: ResolvedMetaOptions
  protected readonly graph_: GraphClient
  protected readonly vault_: TokenVault
  /** The module container: raw SQL for webhook writes that must be idempotent under races. */
  protected readonly moduleContainer_: { manager: unknown }

  constructor(container: Record<string, unknown>, options: MetaPluginOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.moduleContainer_ = container as unknown as { manager: unknown }
    this.options_ = resolveMetaOptions(options)
    this.vault_ = TokenVault.fromKeys(this.options_.encryptionKeys)
    this.graph_ = new GraphClient({
      graphApiUrl: this.options_.graphApiUrl,
      apiVersion: this.options_.apiVersion,
      appId: this.options_.appId,
      appSecret: this.options_.appSecret,
      timeoutMs: this.options_.requestTimeoutMs,
      onUsage: () => this.usageReports_.changed(),
    })
  }

  /** This process in the usage readings (a worker makes most of the calls; each process reports its own). */
  static readonly processKey = `${hostname()}:${process.pid}`

  /**
   * Hands this process's usage figures to the event bus at most every 30 s; the subscriber stores them
   * (meta_api_usage), so the admin shows what every server and worker spent, not only the process it asks.
   */
  protected readonly usageReports_ = new UsageReports(30_000, () => {
    const bus = (this as unknown as { eventBusModuleService_?: { emit(msg: unknown): Promise<void> } }).eventBusModuleService_
    const data: MetaApiUsageReadData = { process_key: MetaModuleService.processKey, snapshot: this.graph_.usage() }
    bus?.emit({ name: META_API_USAGE_READ, data }).catch(() => undefined)
  })

  getOptions(): ResolvedMetaOptions {
    return this.options_
  }

  /**
   * The module's set-based statements, on the caller's context: inside a caller's transaction
   * (`sharedContext.transactionManager`) they join it, otherwise they run on the module's manager.
   * Callers use the service's methods; the statements themselves (the *-repository.ts files beside it) are the
   * same functions the catalog pass thread runs on its own connection.
   */
  protected sql(sharedContext: Context = {}): SqlExecutor {
    return contextSqlExecutor(sharedContext, this.moduleContainer_.manager)
  }

  protected catalogItems_(sharedContext: Context): CatalogItemRepository {
    return new CatalogItemRepository(this.sql(sharedContext))
  }

  protected capiOutbox_(sharedContext: Context): CapiOutboxRepository {
    return new CapiOutboxRepository(this.sql(sharedContext))
  }

  protected productSets_(sharedContext: Context): CatalogProductSetRepository {
    return new CatalogProductSetRepository(this.sql(sharedContext))
  }

  /** Webhooks: stores verified changes once each; returns the ids of the new ones. */
  @InjectManager()
  async recordWebhookChanges(rows: WebhookChangeRow[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return insertWebhookChanges(this.sql(sharedContext), rows)
  }

  /** Webhooks: moves a change to "processing" for exactly one worker; null when another has it. */
  @InjectManager()
  async claimWebhookEvent(id: string, options: { staleMs: number; force?: boolean }, @MedusaContext() sharedContext: Context = {}) {
    return claimWebhookEvent(this.sql(sharedContext), id, options)
  }

  /** Webhooks: changes due for an attempt (retry job). */
  @InjectManager()
  async listDueWebhookEvents(options: { limit: number; staleMs: number; receivedBeforeMs: number }, @MedusaContext() sharedContext: Context = {}) {
    return listDueWebhookEvents(this.sql(sharedContext), options)
  }

  /**
   * Webhooks: Meta just verified the callback URL (the subscription handshake succeeded). One row for the
   * store; a second one created by a concurrent handshake is harmless, the newest timestamp is read.
   */
  async recordWebhookVerification(at: Date): Promise<void> {
    const [row] = await this.listMetaWebhookSubscriptions({}, { take: 1, order: { created_at: "ASC" } })
    if (row) {
      await this.updateMetaWebhookSubscriptions({ id: row.id, last_verified_at: at })
    } else {
      await this.createMetaWebhookSubscriptions({ last_verified_at: at })
    }
  }

  /** Webhooks: when Meta last verified the callback URL, or null when it never has. */
  async webhookVerifiedAt(): Promise<Date | null> {
    const [row] = await this.listMetaWebhookSubscriptions(
      { last_verified_at: { $ne: null } },
      { take: 1, order: { last_verified_at: "DESC" } }
    )
    return row?.last_verified_at ? new Date(row.last_verified_at) : null
  }


  /** Conversions API: events matching the filters, counted per set of user_data keys (the match-quality summary). */
  @InjectManager()
  async countCapiEventsByUserDataKeys(filters: CapiEventFilters, @MedusaContext() sharedContext: Context = {}) {
    return countCapiEventsByUserDataKeys(this.sql(sharedContext), filters)
  }

  /** Conversions API: leases up to `limit` due pending events to this run (never the same row to two runs). */
  @InjectManager()
  async claimDueCapiEvents(limit: number, now: Date, leaseUntil: Date, @MedusaContext() sharedContext: Context = {}) {
    return this.capiOutbox_(sharedContext).claimDue(limit, now, leaseUntil)
  }

  /** Conversions API: Meta accepted these events (one response for all). */
  @InjectManager()
  async markCapiEventsSent(ids: string[], sentAt: Date, response: Record<string, unknown>, @MedusaContext() sharedContext: Context = {}) {
    return this.capiOutbox_(sharedContext).markSent(ids, sentAt, response)
  }

  /** Conversions API: a failed attempt; tried again at `nextAttemptAt` (`code`: Meta's error code, null when Meta did not answer). */
  @InjectManager()
  async scheduleCapiEventRetry(
    ids: string[],
    attempts: number,
    nextAttemptAt: Date,
    message: string,
    code: number | null = null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return this.capiOutbox_(sharedContext).scheduleRetry(ids, attempts, nextAttemptAt, message, code)
  }

  /** Conversions API: not attempted (no connection), so no attempt counted. */
  @InjectManager()
  async postponeCapiEvents(ids: string[], nextAttemptAt: Date, message: string, @MedusaContext() sharedContext: Context = {}) {
    return this.capiOutbox_(sharedContext).postpone(ids, nextAttemptAt, message)
  }

  /** Conversions API: older than Meta's 7-day window, never to be sent. */
  @InjectManager()
  async markCapiEventsExpired(ids: string[], message: string, @MedusaContext() sharedContext: Context = {}) {
    return this.capiOutbox_(sharedContext).markExpired(ids, message)
  }

  /** Catalog: upserts items for these variants and marks them dirty (see CatalogItemRepository.markDirty). */
  @InjectManager()
  async markCatalogItemsDirty(
    variants: { variant_id: string; product_id?: string | null }[],
    options: { unlessMarkedSince?: string } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return this.catalogItems_(sharedContext).markDirty(variants, options)
  }

  /** Catalog: every known item of these products is dirty (variants Medusa no longer lists included). */
  @InjectManager()
  async markCatalogProductsDirty(productIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.catalogItems_(sharedContext).markProductsDirty(productIds)
  }

  /** Catalog: every known item is dirty; returns the database time the marking started. */
  @InjectManager()
  async markAllCatalogItemsDirty(@MedusaContext() sharedContext: Context = {}): Promise<string> {
    return this.catalogItems_(sharedContext).markAllDirty()
  }

  /** Catalog: a product's variants in or out of the catalog (marked dirty, so Meta follows). */
  @InjectManager()
  async setCatalogItemsExcluded(productId: string, variantIds: string[], excluded: boolean, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.catalogItems_(sharedContext).setExcluded(productId, variantIds, excluded)
  }

  /** Catalog: how many dirty items may be sent now, and their oldest and newest change. */
  @InjectManager()
  async summarizeDueCatalogItems(@MedusaContext() sharedContext: Context = {}) {
    return this.catalogItems_(sharedContext).dirtySummary()
  }

  /** Catalog: the items a batch carried, with what was sent for each. */
  @InjectManager()
  async listCatalogBatchItems(batchId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.catalogItems_(sharedContext).itemsOfBatch(batchId)
  }

  /** Catalog: what Meta answered for each item of a batch; releases their claim. */
  @InjectManager()
  async recordCatalogItemOutcomes(outcomes: CatalogItemOutcome[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.catalogItems_(sharedContext).recordOutcomes(outcomes)
  }

  /** Catalog: a batch's call failed or was not made; its items go back, to be tried again after `retryInMs`. */
  @InjectManager()
  async releaseCatalogBatchForRetry(
    batchId: string,
    retryInMs: number | null,
    countAttempt: boolean,
    error?: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return this.catalogItems_(sharedContext).releaseBatchForRetry(batchId, retryInMs, countAttempt, error)
  }

  /** Catalog: leases a submitted batch's status check to this worker; false when another has it. */
  @InjectManager()
  async claimCatalogBatchPoll(batchId: string, leaseMs: number, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    return this.catalogItems_(sharedContext).claimBatchPoll(batchId, leaseMs)
  }

  /** Catalog: Meta finished a batch; returns how many of its items Meta rejected. */
  @InjectManager()
  async recordCatalogBatchSynced(batchId: string, rejectedRetailerIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return this.catalogItems_(sharedContext).recordBatchSynced(batchId, rejectedRetailerIds)
  }

  /** Catalog: claims older than this (a worker that died mid pass) are let go. */
  @InjectManager()
  async releaseStaleCatalogClaims(olderThanMs: number, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return this.catalogItems_(sharedContext).releaseStaleClaims(olderThanMs)
  }

  /** Catalog: items last sent to another catalog are sent to this one instead of being skipped as unchanged. */
  @InjectManager()
  async forgetOtherCatalogs(catalogId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.catalogItems_(sharedContext).forgetOtherCatalogs(catalogId)
  }

  /** Catalog: live items per status, with the dirty, excluded and in-flight counts. */
  @InjectManager()
  async countCatalogItemsByStatus(@MedusaContext() sharedContext: Context = {}) {
    return this.catalogItems_(sharedContext).countByStatus()
  }

  /** Catalog reconcile: which of these retailer ids the store knows. */
  @InjectManager()
  async knownCatalogRetailerIds(retailerIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Set<string>> {
    return this.catalogItems_(sharedContext).knownRetailerIds(retailerIds)
  }

  /** Catalog reconcile: items Meta has that the store does not become durable DELETEs. */
  @InjectManager()
  async enqueueCatalogOrphanDeletes(retailerIds: string[], catalogId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.catalogItems_(sharedContext).enqueueOrphanDeletes(retailerIds, catalogId)
  }

  /** Catalog reconcile: these retailer ids were listed by Meta during the run that started at `at`. */
  @InjectManager()
  async markCatalogItemsSeen(retailerIds: string[], at: Date, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.catalogItems_(sharedContext).markSeen(retailerIds, at)
  }

  /** Catalog reconcile: items Meta did not list since `since` are sent again. */
  @InjectManager()
  async resendUnseenCatalogItems(since: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return this.catalogItems_(sharedContext).resendUnseen(since)
  }

  /** Catalog product sets: upserts sets for these collections/categories and marks them dirty. */
  @InjectManager()
  async markCatalogProductSetsDirty(sources: ProductSetSourceRef[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return this.productSets_(sharedContext).markDirty(sources)
  }

  /** Catalog product sets: the sets that held any of these retailer ids when last sent. */
  @InjectManager()
  async markProductSetsHoldingDirty(retailerIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    return this.productSets_(sharedContext).markHoldingDirty(retailerIds)
  }

  /**
   * Catalog price watcher: its watermark (timestamptz text, microseconds kept), or null before its first
   * run. The first read also starts it at the database's clock, so only changes from then on count.
   */
  @InjectManager()
  async readPriceWatermark(@MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const db = this.sql(sharedContext)
    const [cursor] = await db.execute<{ position: string }[]>(
      `SELECT "position"::text AS position FROM "meta_catalog_cursor" WHERE "name" = ? AND "deleted_at" IS NULL`,
      [PRICE_CURSOR]
    )
    if (cursor) return cursor.position
    await db.execute(
      `INSERT INTO "meta_catalog_cursor" ("id", "name", "position") VALUES (?, ?, clock_timestamp())
       ON CONFLICT ("name") WHERE "deleted_at" IS NULL DO NOTHING`,
      [generateEntityId(undefined, "metacc"), PRICE_CURSOR]
    )
    return null
  }

  /** Catalog price watcher: moves the watermark to the newest change it has marked (never backwards). */
  @InjectManager()
  async advancePriceWatermark(position: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.sql(sharedContext).execute(
      `UPDATE "meta_catalog_cursor" SET "position" = ?::timestamptz, "updated_at" = now()
        WHERE "name" = ? AND "deleted_at" IS NULL AND "position" < ?::timestamptz`,
      [position, PRICE_CURSOR, position]
    )
  }

  /** Overview: Conversions API events per status, in the period, and failing lately (one statement). */
  @InjectManager()
  async capiCounts(input: { periodStart: Date; periodEnd: Date; failingSince: Date }, @MedusaContext() sharedContext: Context = {}) {
    return capiCounts(this.sql(sharedContext), input)
  }

  /** Overview: webhook changes failed, and received in the period (one statement). */
  @InjectManager()
  async webhookCounts(input: { periodStart: Date; periodEnd: Date }, @MedusaContext() sharedContext: Context = {}) {
    return webhookCounts(this.sql(sharedContext), input)
  }

  getGraphClient(): GraphClient {
    return this.graph_
  }

  getVault(): TokenVault {
    return this.vault_
  }

  sealSecret(plain: string): string {
    return this.getVault().encrypt(plain)
  }

  openSecret(sealed: string): string {
    return this.getVault().decrypt(sealed)
  }

  /** The redirect URI registered in the Meta app; byte-identical in the dialog and the code exchange. */
  oauthRedirectUri(): string {
    return `${this.options_.backendUrl}/meta/oauth/callback`
  }

  adminSettingsUrl(params: Record<string, string> = {}): string {
    const url = new URL(`${this.options_.adminUrl}/settings/meta`)
    for (const [key, value] of Object.entries(params)) {
      url.searchParams.set(key, value)
    }
    return url.toString()
  }

  /** Feature flags: plugin options, overridden by what an admin chose for this connection. */
  featureFlags(
    connection?: { feature_overrides?: unknown } | null
  ): Record<MetaFeatureName, { enabled: boolean; source: "options" | "admin" }> {
    return effectiveFeatures(this.options_.features, connection?.feature_overrides)
  }

  /** The secret that signs OAuth states: derived from the current encryption key, never stored. */
  protected oauthStateSecret(): string {
    return createHash("sha256")
      .update(`medusa-plugin-meta:oauth-state:${this.options_.encryptionKeys[0]}`)
      .digest("hex")
  }

  /** Starts the OAuth dialog for an admin: records a single-use nonce and returns the dialog URL. */
  async createOAuthDialogUrl(userId: string, featureOverrides?: unknown): Promise<string> {
    const nonce = randomBytes(18).toString("base64url")
    const expiresAt = Date.now() + OAUTH_STATE_TTL_MS
    await this.createMetaOAuthStates({
      nonce,
      user_id: userId,
      expires_at: new Date(expiresAt),
    })
    return buildOAuthDialogUrl({
      oauthDialogUrl: this.options_.oauthDialogUrl,
      apiVersion: this.options_.apiVersion,
      appId: this.options_.appId,
      redirectUri: this.oauthRedirectUri(),
      state: signOAuthState({ nonce, userId, expiresAt }, this.oauthStateSecret()),
      scopes: dialogScopesFor(this.featureFlags({ feature_overrides: featureOverrides })),
    })
  }

  /** Verifies a returned `state` and burns it: a state works once, within 10 minutes, unaltered. */
  async consumeOAuthState(state: string): Promise<OAuthStateCheck> {
    const verified = verifyOAuthState(state, this.oauthStateSecret())
    if (!verified.ok) {
      return { ok: false, reason: verified.reason }
    }
    const [row] = await this.listMetaOAuthStates({ nonce: verified.nonce })
    if (!row || row.user_id !== verified.userId) {
      return { ok: false, reason: "unknown" }
    }
    if (row.used_at) {
      return { ok: false, reason: "used" }
    }
    await this.updateMetaOAuthStates({ id: row.id, used_at: new Date() })
    return { ok: true, userId: verified.userId }
  }

  /** The store's live connection (not disconnected), or null. */
  async retrieveLiveConnection() {
    const [connection] = await this.listMetaConnections(
      {},
      { order: { created_at: "DESC" }, take: 1 }
    )
    return connection ?? null
  }

  /** The user/system-user token of the live connection, for calls that need it. */
  async getConnectionToken(): Promise<{ connectionId: string; token: string } | null> {
    const connection = await this.retrieveLiveConnection()
    if (!connection?.access_token) {
      return null
    }
    // Work needing Meta pauses while the connection needs attention (or its token has run out).
    const status = connectionStatus(connection.status, connection.token_expires_at)
    if (status !== "active" && status !== "expiring") {
      return null
    }
    return { connectionId: connection.id, token: this.openSecret(connection.access_token) }
  }

  /**
   * The Page tokens of the live connection, by Page id, read in one query (Pages publish, read insights,
   * moderate comments and fetch leads with their own token; an Instagram account with its linked Page's).
   * A Page the connection no longer has, or one Meta gave no token for, is absent. Empty while the
   * connection needs attention, like `getConnectionToken`.
   * https://developers.facebook.com/docs/pages-api/overview#page-access-tokens
   */
  async getPageTokens(pageIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(pageIds.filter(Boolean))]
    const live = ids.length ? await this.getConnectionToken() : null
    if (!live) return new Map()
    const pages = await this.listMetaAssets({ type: "page", meta_id: ids }, { take: null })
    return new Map(pages.filter((p) => p.access_token).map((p) => [p.meta_id, this.openSecret(p.access_token as string)]))
  }

  /**
   * Key rotation: re-seals every stored token (connection and page tokens) that was sealed with an
   * older key, so the old key can be removed from `encryptionKeys` afterwards. Disconnected rows hold
   * no tokens (a disconnect wipes them), so only live rows are visited.
   */
  async reencryptSecrets(): Promise<number> {
    const vault = this.getVault()
    let count = 0
    const connections = await this.listMetaConnections({}, { take: null })
    for (const row of connections) {
      if (row.access_token && vault.needsReencrypt(row.access_token)) {
        await this.updateMetaConnections({ id: row.id, access_token: vault.reencrypt(row.access_token) })
        count++
      }
    }
    const assets = await this.listMetaAssets({}, { take: null })
    for (const row of assets) {
      if (row.access_token && vault.needsReencrypt(row.access_token)) {
        await this.updateMetaAssets({ id: row.id, access_token: vault.reencrypt(row.access_token) })
        count++
      }
    }
    return count
  }

  /**
   * Any Graph call that fails with an auth error (190/102) means the connection needs attention:
   * mark it so that work needing it pauses and the admin shows why, instead of retrying.
   */
  async recordGraphFailure(connectionId: string, error: unknown): Promise<void> {
    if (!(error instanceof GraphError) || error.category !== "auth") {
      return
    }
    // 458 = the user removed the app; 463 = expired; others invalidate the session.
    const status =
      error.subcode === 458 ? "revoked" : error.subcode === 463 ? "expired" : "error"
    await this.updateMetaConnections({
      id: connectionId,
      status,
      last_error: error.message,
      last_error_code: error.code ?? null,
      last_error_at: new Date(),
    })
  }
}

export default MetaModuleService
