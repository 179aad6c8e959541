import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"

/** Records a single-use OAuth state for the admin and returns Meta's login dialog URL. */
export const createOAuthDialogUrlStep = createStep(
  "create-oauth-dialog-url",
  async (input: { user_id: string }, { container }) => {
    const service = metaService(container)
    const connection = await service.retrieveLiveConnection()
    const before = new Date()
    const url = await service.createOAuthDialogUrl(input.user_id, connection?.feature_overrides)
    return new StepResponse({ url }, { user_id: input.user_id, since: before.toISOString() })
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const service = metaService(container)
    const states = await service.listMetaOAuthStates({
      user_id: created.user_id,
      created_at: { $gte: new Date(created.since) },
    })
    if (states.length) {
      await service.deleteMetaOAuthStates(states.map((s) => s.id))
    }
  }
)
