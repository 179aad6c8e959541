import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { deleteMetaUserDataStep } from "../steps/delete-meta-user-data"
import { completeDataDeletionStep } from "../steps/mark-data-deletion"

export const deleteMetaUserDataWorkflowId = "delete-meta-user-data"

/** Meta's data-deletion callback: delete, then mark the request completed for its status page. */
export const deleteMetaUserDataWorkflow = createWorkflow(
  deleteMetaUserDataWorkflowId,
  (input: { request_id: string; meta_user_id: string }) => {
    const summary = deleteMetaUserDataStep(transform({ input }, ({ input }) => ({ meta_user_id: input.meta_user_id })))
    completeDataDeletionStep(transform({ input, summary }, ({ input, summary }) => ({ request_id: input.request_id, summary })))
    return new WorkflowResponse(summary)
  }
)
