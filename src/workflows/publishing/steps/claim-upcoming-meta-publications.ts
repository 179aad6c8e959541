import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"

/** Making a container is one call (a carousel's, a few): a short lease, so the due-time claim never waits long on a dead process. */
export const PREPARATION_LEASE_MS = 60_000

export type ClaimUpcomingMetaPublicationsInput = { limit: number; ahead_ms: number }

/**
 * Leases scheduled Instagram publications due within `ahead_ms` whose container is not made yet (one
 * UPDATE … FOR UPDATE SKIP LOCKED, as for the due ones), without changing their status.
 */
export const claimUpcomingMetaPublicationsStep = createStep(
  "claim-upcoming-meta-publications",
  async (input: ClaimUpcomingMetaPublicationsInput, { container }) => {
    const service = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const claimed = await service.claimUpcomingPublications({ limit: input.limit, leaseMs: PREPARATION_LEASE_MS, aheadMs: input.ahead_ms })
    return new StepResponse(claimed, claimed.map((c) => ({ id: c.id, claim_token: c.claim_token })))
  },
  // The preparation failed before it began: give the leases back so the due-time claim is not held up.
  async (leases, { container }) => {
    if (!leases?.length) return
    const service = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    for (const lease of leases) await service.savePreparation(lease.id, lease.claim_token, { release: true })
  }
)
