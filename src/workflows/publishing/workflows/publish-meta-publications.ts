import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { advanceMetaPublicationsStep } from "../steps/advance-meta-publications"
import { claimMetaPublicationsStep, type ClaimMetaPublicationsInput } from "../steps/claim-meta-publications"

export const META_PUBLICATION_PUBLISHED = "meta.publication.published"
export const META_PUBLICATION_FAILED = "meta.publication.failed"

/**
 * Leases due publications (or one named publication), advances each toward Meta, and emits
 * `meta.publication.published` / `meta.publication.failed` for what reached an end.
 */
export const publishMetaPublicationsWorkflow = createWorkflow(
  "publish-meta-publications",
  (input: ClaimMetaPublicationsInput) => {
    const claimed = claimMetaPublicationsStep(input)
    const results = advanceMetaPublicationsStep(claimed)
    const events = transform({ results }, ({ results }) => ({
      published: results.filter((r) => r.status === "published").map((r) => ({ id: r.id })),
      failed: results.filter((r) => r.status === "failed").map((r) => ({ id: r.id, reason: r.reason })),
    }))
    emitEventStep({ eventName: META_PUBLICATION_PUBLISHED, data: events.published }).config({ name: "emit-publication-published" })
    emitEventStep({ eventName: META_PUBLICATION_FAILED, data: events.failed }).config({ name: "emit-publication-failed" })
    return new WorkflowResponse(results)
  }
)
