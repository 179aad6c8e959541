import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { GraphError } from "../../../lib/graph"
import { MAX_PUBLISH_ATTEMPTS, classifyPublishError, notReadyDelayMs, retryDelayMs } from "../../../lib/publishing"
import { ContainerError, publishFacebookReel, publishToFacebook, publishToInstagram, type PublishOutcome } from "../../../lib/publishing/publisher"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import type { ClaimedPublication } from "../../../modules/meta-publishing/service"
import { accountGraphResolver, type AccountGraph } from "./resolve-account-graph"
import { tagInstagramWork } from "./resolve-instagram-product-tags"

/** How long one advance keeps polling an Instagram container before it lets the next run look again. */
const POLL_BUDGET_MS = 20_000
/**
 * Publications advanced side by side by one run: each spends most of its time waiting for Meta (the
 * container's processing), so a whole round of the job runs at once.
 */
const CONCURRENCY = 25
/** Images are usually ready within a second or two; the first look comes soon, later ones back off. */
const firstPollDelay = (poll: number) => (poll === 0 ? 1000 : notReadyDelayMs(poll - 1))
/** A Facebook reel is processed after finish; its status is read this often while it is. */
const REEL_POLL_DELAY_MS = 2000
/** Waiting for a reconnect: look again this often. */
const RECONNECT_WAIT_MS = 5 * 60_000
/** The quota is a moving 24-hour window: look again within the hour. */
const QUOTA_WAIT_MS = 30 * 60_000

export type AdvanceResult = { id: string; status: "published" | "failed" | "waiting" | "aborted"; reason?: string }

/** What one round learned for all of its publications, written once at its end. */
type RoundRecord = {
  quotas: Map<string, { usage: number; total: number; duration: number; checkedAt: Date }>
  published: { id: string; meta_post_id: string }[]
}

function errorBody(message: string, hint: string | null, code?: number, subcode?: number) {
  return { message, hint, code: code ?? null, subcode: subcode ?? null }
}

async function advanceOne(
  container: MedusaContainer,
  claimed: ClaimedPublication,
  accountGraph: (accountId: string) => Promise<AccountGraph>,
  round: RoundRecord
): Promise<AdvanceResult> {
  const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const save = (patch: Record<string, unknown>) => publishing.saveProgress(claimed.id, claimed.claim_token, patch)
  const wait = async (ms: number, error: ReturnType<typeof errorBody>, reason: string): Promise<AdvanceResult> => {
    await save({ next_attempt_at: new Date(Date.now() + ms), last_error: error, release: true })
    return { id: claimed.id, status: "waiting", reason }
  }
  const fail = async (error: ReturnType<typeof errorBody>): Promise<AdvanceResult> => {
    const ok = await save({ status: "failed", last_error: error, release: true })
    return { id: claimed.id, status: ok ? "failed" : "aborted", reason: error.message }
  }

  const { account, graph } = await accountGraph(claimed.account_id)
  if (!graph) {
    return wait(RECONNECT_WAIT_MS, errorBody("Meta is not connected or the connection needs a reconnect.", "Reconnect Meta in Settings → Meta; the post goes out once the connection works again."), "reconnect")
  }
  const now = () => new Date()
  let outcome: PublishOutcome
  try {
    // Product tags are decided before the container is made; what cannot be tagged is left off, on record.
    let work = claimed
    if (account.platform === "instagram") {
      const tagged = await tagInstagramWork(container, graph, account, claimed)
      work = tagged.work
      if (tagged.warnings?.length) await save({ publish_warnings: tagged.warnings })
    }
    outcome =
      account.platform === "instagram"
        ? await publishToInstagram(graph, account.meta_id, work, save, {
            pollBudgetMs: POLL_BUDGET_MS,
            pollDelayMs: firstPollDelay,
            sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
            now,
            onQuota: async (quota) => {
              round.quotas.set(account.id, { ...quota, checkedAt: new Date() })
            },
          })
        : claimed.kind === "facebook_reel"
          ? await publishFacebookReel(graph, account.meta_id, claimed, save, {
              now,
              pollBudgetMs: POLL_BUDGET_MS,
              pollDelayMs: REEL_POLL_DELAY_MS,
              sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
            })
          : await publishToFacebook(graph, account.meta_id, claimed, save, now)
  } catch (error) {
    if (error instanceof ContainerError) {
      const verdict = classifyPublishError({ subcode: error.subcode, message: error.message })
      if (verdict.action === "new_container" && claimed.attempts < MAX_PUBLISH_ATTEMPTS) {
        await save({ container_id: null, child_container_ids: null })
        return wait(retryDelayMs(claimed.attempts), errorBody(error.message, verdict.hint, undefined, error.subcode), "new_container")
      }
      if (verdict.action === "retry" && claimed.attempts < MAX_PUBLISH_ATTEMPTS) {
        await save({ container_id: null, child_container_ids: null })
        return wait(retryDelayMs(claimed.attempts), errorBody(error.message, verdict.hint, undefined, error.subcode), "retry")
      }
      return fail(errorBody(error.message, verdict.hint, undefined, error.subcode))
    }
    if (!(error instanceof GraphError)) {
      // A lost answer or a network fault: the state saved so far tells the next attempt where to look.
      logger.warn(`Meta publishing: ${claimed.id} will be retried: ${(error as Error).message}`)
      if (claimed.attempts >= MAX_PUBLISH_ATTEMPTS) return fail(errorBody((error as Error).message, "Meta did not answer; try again later."))
      return wait(retryDelayMs(claimed.attempts), errorBody((error as Error).message, "Meta did not answer; the post is retried automatically."), "retry")
    }
    const verdict = classifyPublishError({
      code: error.code,
      subcode: error.subcode,
      httpStatus: error.httpStatus,
      message: error.message,
      category: error.category,
    })
    const body = errorBody(error.userMessage ?? error.message, verdict.hint, error.code, error.subcode)
    switch (verdict.action) {
      case "reconnect": {
        const live = await meta.getConnectionToken()
        if (live) await meta.recordGraphFailure(live.connectionId, error)
        return wait(RECONNECT_WAIT_MS, body, "reconnect")
      }
      case "wait_quota":
        return wait(QUOTA_WAIT_MS, body, "quota")
      case "wait_not_ready":
        return wait(notReadyDelayMs(0), body, "not_ready")
      case "new_container":
        if (claimed.attempts < MAX_PUBLISH_ATTEMPTS) {
          await save({ container_id: null, child_container_ids: null })
          return wait(retryDelayMs(claimed.attempts), body, "new_container")
        }
        return fail(body)
      case "retry":
        if (claimed.attempts < MAX_PUBLISH_ATTEMPTS) return wait(error.retryAfterMs ?? retryDelayMs(claimed.attempts), body, "retry")
        return fail(body)
      default:
        return fail(body)
    }
  }
  switch (outcome.outcome) {
    case "aborted":
      return { id: claimed.id, status: "aborted" }
    case "not_ready":
      await save({ next_attempt_at: new Date(Date.now() + outcome.retryInMs), release: true })
      return { id: claimed.id, status: "waiting", reason: "not_ready" }
    case "quota_used":
      return wait(
        QUOTA_WAIT_MS,
        errorBody(
          `Instagram's publishing limit is used (${outcome.usage} of ${outcome.total} posts in 24 hours).`,
          "It is published automatically when the limit frees up."
        ),
        "quota"
      )
    case "published": {
      const firstCommentError = outcome.first_comment_error as { message?: string } | undefined
      const ok = await save({
        status: "published",
        published_at: new Date(),
        next_attempt_at: null,
        last_error: firstCommentError
          ? errorBody(`Published, but the first comment failed: ${firstCommentError.message ?? "unknown error"}`, "Add the comment by hand from the post.")
          : null,
        release: true,
      })
      if (ok && outcome.meta_post_id) round.published.push({ id: claimed.id, meta_post_id: outcome.meta_post_id })
      return { id: claimed.id, status: ok ? "published" : "aborted" }
    }
  }
}

/**
 * Advances each leased publication as far as it can go now: published, waiting (not ready, quota,
 * reconnect, retry after a fault) or failed with a reason and a hint. Posts cannot be taken back, so
 * there is no compensation; what was done is saved as it happens.
 */
export const advanceMetaPublicationsStep = createStep(
  "advance-meta-publications",
  async (claimed: ClaimedPublication[], { container }) => {
    const results: AdvanceResult[] = []
    const queue = [...claimed]
    const accountGraph = accountGraphResolver(container)
    const round: RoundRecord = { quotas: new Map(), published: [] }
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          try {
            results.push(await advanceOne(container, next, accountGraph, round))
          } catch (error) {
            container.resolve(ContainerRegistrationKeys.LOGGER).error(`Meta publishing: ${next.id}: ${(error as Error).message}`)
            await container
              .resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
              .saveProgress(next.id, next.claim_token, { next_attempt_at: new Date(Date.now() + retryDelayMs(next.attempts)), release: true })
            results.push({ id: next.id, status: "waiting", reason: "error" })
          }
        }
      })
    )
    await recordRound(container, round)
    return new StepResponse(results)
  }
)

/**
 * After the round: the last quota Meta reported per account (the admin shows it) in one statement, and
 * comments that arrived by webhook before a post was ours on record now belong to its publication.
 */
async function recordRound(container: MedusaContainer, round: RoundRecord): Promise<void> {
  const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  try {
    if (round.quotas.size) {
      await publishing.recordQuotaReadings(
        [...round.quotas].map(([id, q]) => ({ id, usage: q.usage, total: q.total, duration: q.duration, checked_at: q.checkedAt }))
      )
    }
    if (round.published.length) {
      const publicationByMedia = new Map(round.published.map((p) => [p.meta_post_id, p.id]))
      const early = await meta.listMetaComments({ media_id: [...publicationByMedia.keys()] }, { select: ["id", "media_id"] })
      for (const comment of early) {
        const publicationId = publicationByMedia.get(comment.media_id as string)
        if (publicationId) await meta.updateMetaComments({ id: comment.id, publication_id: publicationId })
      }
    }
  } catch (error) {
    // Bookkeeping only: the posts are out and on record, and the quota is read again before the next publish.
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Meta publishing: recording the round failed: ${(error as Error).message}`)
  }
}
