import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { removeMetaConnectionStep } from "../steps/remove-meta-connection"
import { revokeMetaPermissionsStep } from "../steps/revoke-meta-permissions"

export const disconnectMetaWorkflowId = "disconnect-meta"

/** Disconnects: local removal first (compensable), then a best-effort revoke at Meta. */
export const disconnectMetaWorkflow = createWorkflow(disconnectMetaWorkflowId, () => {
  const removed = removeMetaConnectionStep()
  const revoked = revokeMetaPermissionsStep(
    transform({ removed }, ({ removed }) => ({
      sealed_token: removed.sealed_token,
      method: removed.method,
    }))
  )
  return new WorkflowResponse(
    transform({ removed, revoked }, ({ removed, revoked }) => ({
      connection_id: removed.connection_id,
      revoked_at_meta: revoked.revoked_at_meta,
    }))
  )
})
