import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { GraphClient } from "../../../lib/graph"
import {
  planInsightBatches,
  publicationInsightsQuery,
  readBatchAnswers,
  type InsightBatch,
  type InsightRead,
  type InsightReadItem,
} from "../../../lib/insights"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import type { MetaPublicationKind } from "../../../types/http/publishing"
import { pageTokens } from "../page-tokens"

export type RefreshInsightsInput = { account_id?: string; force?: boolean }
export type RefreshedPublications = { refreshed: number; read: number; calls: number }

const DAY_MS = 86_400_000
/** Publications of the last 30 days are refreshed (older figures hardly move). */
const WINDOW_MS = 30 * DAY_MS
/** A publication's figures are read at most once an hour by the job, once a minute on demand. */
const STALE_MS = 50 * 60_000
const FORCED_STALE_MS = 60_000
/** Publications claimed per round; rounds go on until nothing is due (bounded). */
const ROUND = 1_000
const MAX_ROUNDS = 10
/** Batch calls in flight at once. */
const CONCURRENCY = 4

const REASON_NO_TOKEN = "The connection no longer has this account's Page: reconnect Meta to read its figures."

async function runBatch(graph: GraphClient, batch: InsightBatch, now: Date): Promise<InsightRead[]> {
  try {
    const answers = await graph.batch(
      batch.requests.map((r) => ({ method: r.method, relative_url: r.relative_url, token: r.token })),
      { token: batch.token }
    )
    return readBatchAnswers(batch, answers, now)
  } catch (error) {
    // The whole call failed (Meta down, throttled, token refused): every item says so and is read next time.
    return readBatchAnswers(batch, batch.items.map(() => ({ code: null, error: error as never })), now)
  }
}

async function runBatches(graph: GraphClient, batches: InsightBatch[], now: Date): Promise<InsightRead[]> {
  const out: InsightRead[] = []
  let next = 0
  const worker = async () => {
    while (next < batches.length) out.push(...(await runBatch(graph, batches[next++], now)))
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, batches.length) }, worker))
  return out
}

/**
 * Reads the figures of the publications of the last 30 days with Graph batch requests (50 reads per HTTP
 * call, each with its account's Page token), asking each only for metrics the configured API version
 * supports; a metric Meta still refuses is dropped and the read asked again once. Writes figures (or the
 * reason there are none) in one statement per round. Reads change nothing at Meta, so there is nothing to
 * compensate.
 */
export const refreshPublicationInsightsStep = createStep(
  "refresh-meta-publication-insights",
  async (input: RefreshInsightsInput, { container }) => {
    const meta = container.resolve<MetaModuleService>(META_MODULE)
    const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const result: RefreshedPublications = { refreshed: 0, read: 0, calls: 0 }
    if (!(await meta.getConnectionToken())) return new StepResponse(result)
    const graph = meta.getGraphClient()
    const apiVersion = meta.getOptions().apiVersion
    const accounts = await publishing.listMetaPublishingAccounts(input.account_id ? { id: input.account_id } : {}, { take: null })
    const accountById = new Map(accounts.map((a) => [a.id, a]))
    const tokens = await pageTokens(meta, accounts)

    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = new Date()
      const targets = await publishing.claimInsightTargets({
        since: new Date(now.getTime() - WINDOW_MS),
        limit: ROUND,
        staleMs: input.force ? FORCED_STALE_MS : STALE_MS,
        accountId: input.account_id,
      })
      if (!targets.length) break
      const day = now.toISOString().slice(0, 10)
      const writes = new Map<string, { publication_id: string; day: string; metrics: Record<string, number> | null; unavailable_reason: string | null }>()
      const items: InsightReadItem[] = []
      for (const t of targets) {
        const account = accountById.get(t.account_id)
        const token = account ? tokens.get(account.meta_id) : null
        if (!account || !token) {
          writes.set(t.id, { publication_id: t.id, day, metrics: null, unavailable_reason: REASON_NO_TOKEN })
          continue
        }
        const query = publicationInsightsQuery({ platform: account.platform, kind: t.kind as MetaPublicationKind, apiVersion, at: now })
        items.push({ publicationId: t.id, mediaId: t.meta_post_id, token, metrics: query.metrics, edge: query.edge, kind: t.kind as MetaPublicationKind, publishedAt: t.published_at })
      }
      const batches = planInsightBatches(items)
      let reads = await runBatches(graph, batches, now)
      result.calls += batches.length
      // One refused metric fails the whole read (Meta: "(#100) … must be a valid insights metric"): ask again without it.
      const refused = new Map(reads.filter((r) => r.outcome === "invalid_metric" && r.metrics_refused?.length).map((r) => [r.publicationId, r.metrics_refused!]))
      if (refused.size) {
        const again = items
          .filter((i) => refused.has(i.publicationId))
          .map((i) => ({ ...i, metrics: i.metrics.filter((m) => !refused.get(i.publicationId)!.includes(m)) }))
          .filter((i) => i.metrics.length)
        const retryBatches = planInsightBatches(again)
        const retried = new Map((await runBatches(graph, retryBatches, now)).map((r) => [r.publicationId, r]))
        result.calls += retryBatches.length
        reads = reads.map((r) => retried.get(r.publicationId) ?? r)
      }
      for (const r of reads) {
        const figures = r.outcome === "figures"
        if (figures) result.refreshed++
        writes.set(r.publicationId, { publication_id: r.publicationId, day, metrics: figures ? (r.metrics as Record<string, number>) : null, unavailable_reason: figures ? null : r.reason })
      }
      result.read += targets.length
      await publishing.savePublicationInsights([...writes.values()])
      if (targets.length < ROUND) break
    }
    return new StepResponse(result)
  }
)
