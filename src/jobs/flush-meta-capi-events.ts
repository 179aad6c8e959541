import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { flushMetaCapiEventsWorkflow } from "../workflows/capi"

/**
 * Every minute: delivers Conversions API events that are due (first attempts whose immediate send did
 * not happen, retries after their backoff), expires those past Meta's 7-day window.
 */
export default async function flushMetaCapiEventsJob(container: MedusaContainer) {
  const { result } = await flushMetaCapiEventsWorkflow(container).run({ input: {} })
  if (result.selected) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(
        `Meta CAPI flush: ${result.sent} sent, ${result.retry} to retry, ${result.failed} failed, ${result.expired} expired in ${result.calls} call(s)`
      )
  }
}

export const config = {
  name: "meta-flush-capi-events",
  schedule: "* * * * *",
}
