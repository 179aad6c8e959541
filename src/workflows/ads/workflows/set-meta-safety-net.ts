import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { SafetyNetRequest } from "../../../lib/ads"
import { applyMetaSafetyNetRuleStep } from "../steps/apply-meta-safety-net-rule"
import { deleteMetaSafetyNetRulesStep } from "../steps/delete-meta-safety-net-rules"
import { planMetaSafetyNetStep } from "../steps/plan-meta-safety-net"
import { saveMetaSafetyNetStep } from "../steps/save-meta-safety-net"

/** Two requests at once wait for each other: the second then plans on what the first made. */
const LOCK_KEY = "meta-safety-net"
const LOCK_WAIT_S = 30
const LOCK_TTL_S = 120

/**
 * Turns the safety net on or off, or changes its values: under a lock, the plan (a 400 for wrong values before
 * anything is sent), the spend-cap rule and the frequency rule created or updated at Meta (each undone if a later
 * step fails), the rows saved, and rules set to null deleted at Meta last.
 */
export const setMetaSafetyNetWorkflow = createWorkflow("set-meta-safety-net", (input: SafetyNetRequest) => {
  acquireLockStep({ key: LOCK_KEY, timeout: LOCK_WAIT_S, ttl: LOCK_TTL_S })
  const plan = planMetaSafetyNetStep(input)
  const spendCap = applyMetaSafetyNetRuleStep(transform({ plan }, ({ plan }) => ({ act: plan.act, item: plan.items.spend_cap }))).config({
    name: "apply-meta-safety-net-spend-cap",
  })
  const frequencyCap = applyMetaSafetyNetRuleStep(transform({ plan }, ({ plan }) => ({ act: plan.act, item: plan.items.frequency_cap }))).config({
    name: "apply-meta-safety-net-frequency-cap",
  })
  const applied = transform({ spendCap, frequencyCap }, ({ spendCap, frequencyCap }) => [spendCap, frequencyCap])
  saveMetaSafetyNetStep(transform({ plan, applied }, ({ plan, applied }) => ({ act: plan.act, applied })))
  deleteMetaSafetyNetRulesStep(applied)
  releaseLockStep({ key: LOCK_KEY })
  return new WorkflowResponse(transform({ applied }, ({ applied }) => applied.map((a) => ({ kind: a.kind, action: a.action, meta_rule_id: a.meta_rule_id }))))
})
