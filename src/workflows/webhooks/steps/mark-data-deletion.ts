import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import type { DeletionSummary } from "./delete-meta-user-data"

/** Records that a data-deletion request is done (the public status page reads this). */
export const completeDataDeletionStep = createStep(
  "complete-data-deletion",
  async (input: { request_id: string; summary: DeletionSummary }, { container }) => {
    const service = metaService(container)
    await service.updateMetaDataDeletionRequests({
      id: input.request_id,
      status: "completed",
      summary: input.summary,
      completed_at: new Date(),
      last_error: null,
    })
    return new StepResponse({ status: "completed" as const }, input.request_id)
  },
  async (requestId, { container }) => {
    if (!requestId) return
    await metaService(container).updateMetaDataDeletionRequests({ id: requestId, status: "pending", completed_at: null })
  }
)
