import { randomBytes, createHash } from "node:crypto"
import { hostname } from "node:os"
import { MedusaService } from "@medusajs/framework/utils"
import { GraphClient, GraphError, UsageReports } from "../../lib/graph"
import { TokenVault } from "../../lib/vault"
import { META_API_USAGE_READ, type MetaApiUsageReadData } from "./events"
import {
  OAUTH_STATE_TTL_MS,
  buildOAuthDialogUrl,
  requestedScopesFor,
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
import { CapiOutboxStore } from "./capi-outbox-store"
import { type CapiEventFilters, countCapiEventsByUserDataKeys } from "./capi-match-quality-store"
import { WebhookChangeRow, claimWebhookEvent, insertWebhookChanges, listDueWebhookEvents } from "./webhook-store"
import { MetaCapiEvent } from "./models/meta-capi-event"
import { MetaCapiSetting } from "./models/meta-capi-setting"
import { MetaCatalogItem } from "./models/meta-catalog-item"
import { MetaCatalogBatch } from "./models/meta-catalog-batch"
import { MetaCatalogRun } from "./models/meta-catalog-run"
import { MetaCatalogCursor } from "./models/meta-catalog-cursor"
import { MetaCatalogProductSet } from "./models/meta-catalog-product-set"
import { CatalogItemStore } from "./catalog-store"
import { boundSqlExecutor, type SqlExecutor } from "./sql-executor"
import { CatalogProductSetStore } from "./catalog-product-set-store"
import { capiCounts, webhookCounts } from "./overview-store"
import { MetaCartContext } from "./models/meta-cart-context"
import {
  MetaFeatureName,
  MetaPluginOptions,
  ResolvedMetaOptions,
  resolveMetaOptions,
} from "./options"

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

  /** The module's database for set-based statements (parameters sent as bind values). */
  protected sql(): SqlExecutor {
    return boundSqlExecutor(this.moduleContainer_.manager)
  }

  /** Webhooks: stores verified changes once each; returns the ids of the new ones. */
  async recordWebhookChanges(rows: WebhookChangeRow[]): Promise<string[]> {
    return insertWebhookChanges(this.sql(), rows)
  }

  /** Webhooks: moves a change to "processing" for exactly one worker; null when another has it. */
  async claimWebhookEvent(id: string, options: { staleMs: number; force?: boolean }) {
    return claimWebhookEvent(this.sql(), id, options)
  }

  /** Webhooks: changes due for an attempt (retry job). */
  async listDueWebhookEvents(options: { limit: number; staleMs: number; receivedBeforeMs: number }) {
    return listDueWebhookEvents(this.sql(), options)
  }

  /** Conversions API: set-based outbox statements (a backlog after an outage can be 100,000 rows). */
  capiOutboxStore(): CapiOutboxStore {
    return new CapiOutboxStore(this.sql())
  }

  /** Conversions API: events matching the filters, counted per set of user_data keys (the match-quality summary). */
  async countCapiEventsByUserDataKeys(filters: CapiEventFilters) {
    return countCapiEventsByUserDataKeys(this.sql(), filters)
  }

  /** Catalog: set-based statements over catalog items (a full sync touches every variant). */
  catalogItemStore(): CatalogItemStore {
    return new CatalogItemStore(this.sql())
  }

  catalogProductSetStore(): CatalogProductSetStore {
    return new CatalogProductSetStore(this.sql())
  }

  /** Overview: Conversions API events per status, in the period, and failing lately (one statement). */
  async capiCounts(input: { periodStart: Date; periodEnd: Date; failingSince: Date }) {
    return capiCounts(this.sql(), input)
  }

  /** Overview: webhook changes failed, and received in the period (one statement). */
  async webhookCounts(input: { periodStart: Date; periodEnd: Date }) {
    return webhookCounts(this.sql(), input)
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
    const features = Object.entries(this.featureFlags({ feature_overrides: featureOverrides }))
      .filter(([, flag]) => flag.enabled)
      .map(([name]) => name as MetaFeatureName)
    return buildOAuthDialogUrl({
      oauthDialogUrl: this.options_.oauthDialogUrl,
      apiVersion: this.options_.apiVersion,
      appId: this.options_.appId,
      redirectUri: this.oauthRedirectUri(),
      state: signOAuthState({ nonce, userId, expiresAt }, this.oauthStateSecret()),
      scopes: requestedScopesFor(features),
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
