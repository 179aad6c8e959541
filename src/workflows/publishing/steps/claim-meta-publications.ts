import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import type { ClaimedPublication } from "../../../modules/meta-publishing/service"

/** A lease outlives one advance (polling included) with room to spare; a dead process's lease lapses. */
export const PUBLICATION_LEASE_MS = 3 * 60_000

export type ClaimMetaPublicationsInput = { publication_id?: string; limit?: number }

/**
 * Leases the publications to advance now (one named publication, or the due ones). The claim is one
 * UPDATE … FOR UPDATE SKIP LOCKED, so two job runners never lease the same publication.
 */
export const claimMetaPublicationsStep = createStep(
  "claim-meta-publications",
  async (input: ClaimMetaPublicationsInput, { container }) => {
    const service = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const claimed = await service.claimDuePublications({
      limit: input.limit ?? 25,
      leaseMs: PUBLICATION_LEASE_MS,
      publicationId: input.publication_id,
    })
    return new StepResponse(claimed, claimed.map((c) => ({ id: c.id, claim_token: c.claim_token })))
  },
  // A later step failed before it advanced anything: give the leases back so the next run takes them.
  async (leases, { container }) => {
    if (!leases?.length) return
    const service = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    for (const lease of leases) await service.saveProgress(lease.id, lease.claim_token, { release: true })
  }
)

export type { ClaimedPublication }
