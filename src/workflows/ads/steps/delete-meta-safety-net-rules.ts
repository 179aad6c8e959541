import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GraphError } from "../../../lib/graph"
import { safetyNetConnection, safetyNetRefusal } from "../safety-net-graph"
import type { AppliedMetaSafetyNetRule } from "./apply-meta-safety-net-rule"

/**
 * Deletes at Meta the rules whose value was set to null (`DELETE /{ad_rule_id}`,
 * https://developers.facebook.com/docs/marketing-api/reference/ad-rule/#Deleting). Deleting cannot be undone, so it
 * is the workflow's last step: nothing after it can fail and ask for it back. A rule Meta no longer has counts as
 * deleted.
 */
export const deleteMetaSafetyNetRulesStep = createStep("delete-meta-safety-net-rules", async (applied: AppliedMetaSafetyNetRule[], { container }) => {
  const removals = applied.filter((a) => a.action === "remove" && a.meta_rule_id)
  if (!removals.length) return new StepResponse({ deleted: [] as string[] })
  const { graph, token } = await safetyNetConnection(container)
  const deleted: string[] = []
  for (const removal of removals) {
    try {
      await graph.delete(removal.meta_rule_id as string, { token })
    } catch (error) {
      // Graph answers an id it no longer has with code 100 (subcode 33, "does not exist").
      if (!(error instanceof GraphError && error.code === 100 && error.subcode === 33)) throw safetyNetRefusal(removal.kind, error)
    }
    deleted.push(removal.meta_rule_id as string)
  }
  return new StepResponse({ deleted })
})
