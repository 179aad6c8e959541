import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { prepareInstagramContainer } from "../../../lib/publishing/publisher"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import type { ClaimedPublication } from "../../../modules/meta-publishing/service"
import { accountGraphResolver } from "./resolve-account-graph"
import { tagInstagramWork } from "./resolve-instagram-product-tags"

/** Containers made side by side: each is one call to Meta and one write. */
const CONCURRENCY = 25

export type PrepareResult = { id: string; status: "prepared" | "left_for_due_time" | "aborted"; reason?: string }

/**
 * Makes the Instagram container of each leased upcoming publication, so that at its due time only
 * media_publish remains (Meta fetches and processes the media when the container is made: seconds for an
 * image, up to minutes for a video — https://developers.facebook.com/docs/instagram-platform/content-publishing).
 * Nothing is published here. Whatever goes wrong (Meta refuses, no token, a fault) is left to the
 * publisher at the due time, which handles and reports it as it always does; the lease is given back
 * either way. Unpublished containers are invisible and expire after 24 hours, so one made for a
 * publication that is then edited or cancelled costs nothing; nothing to compensate.
 */
export const prepareMetaContainersStep = createStep(
  "prepare-meta-containers",
  async (claimed: ClaimedPublication[], { container }) => {
    const service = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const accountGraph = accountGraphResolver(container)
    const results: PrepareResult[] = []
    const prepareOne = async (work: ClaimedPublication): Promise<PrepareResult> => {
      const { account, graph } = await accountGraph(work.account_id)
      if (!graph || account.platform !== "instagram") return { id: work.id, status: "left_for_due_time", reason: "no_token" }
      const save = (patch: Record<string, unknown>) => service.savePreparation(work.id, work.claim_token, patch)
      const tagged = await tagInstagramWork(container, graph, account, work)
      if (tagged.warnings?.length) await save({ publish_warnings: tagged.warnings })
      const outcome = await prepareInstagramContainer(graph, account.meta_id, tagged.work, save)
      return { id: work.id, status: outcome }
    }
    const queue = [...claimed]
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          try {
            results.push(await prepareOne(next))
          } catch (error) {
            logger.info(`Meta publishing: the container of ${next.id} is left for its due time: ${(error as Error).message}`)
            results.push({ id: next.id, status: "left_for_due_time", reason: (error as Error).message })
          }
          await service.savePreparation(next.id, next.claim_token, { release: true }).catch(() => false)
        }
      })
    )
    return new StepResponse(results)
  }
)
