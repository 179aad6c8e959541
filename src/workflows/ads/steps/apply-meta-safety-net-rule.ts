import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { toAdRulesLibraryParams, type MetaRuleBody, type SafetyNetKind } from "../../../lib/ads"
import { GraphError } from "../../../lib/graph"
import { findSafetyNetRule, safetyNetConnection, safetyNetRefusal } from "../safety-net-graph"
import type { SafetyNetPlanItem } from "./plan-meta-safety-net"

export type ApplyMetaSafetyNetRuleInput = { act: string; item: SafetyNetPlanItem }

/** What Meta now holds for one rule of the net (nothing sent for "none" and "remove"; removals come last). */
export type AppliedMetaSafetyNetRule = {
  kind: SafetyNetKind
  action: SafetyNetPlanItem["action"]
  row_id: string | null
  meta_rule_id: string | null
  threshold: string | null
  spec: MetaRuleBody | null
  previous: { threshold: string; status: "ENABLED" | "DISABLED"; spec: MetaRuleBody } | null
}

type Undo = { undo: "nothing" } | { undo: "delete"; meta_rule_id: string } | { undo: "restore"; meta_rule_id: string; body: MetaRuleBody }

/**
 * Creates or updates one of Meta's rules for the net.
 *
 * A new rule (`POST /act_{id}/adrules_library`, https://developers.facebook.com/docs/marketing-api/reference/ad-account/adrules_library/#Creating)
 * is looked for first — an earlier attempt may have made it and lost the answer — and sent once otherwise (no
 * automatic retry; after a failure without Meta's answer it is looked for again). An existing rule gets its whole
 * spec and status (`POST /{ad_rule_id}`, https://developers.facebook.com/docs/marketing-api/reference/ad-rule/#Updating),
 * an absolute write a retry cannot double. Compensation deletes a rule this step made and puts back the spec and
 * status of one it changed. Meta's refusal is a 400 on the request's field with Meta's message.
 */
export const applyMetaSafetyNetRuleStep = createStep(
  "apply-meta-safety-net-rule",
  async ({ act, item }: ApplyMetaSafetyNetRuleInput, { container }) => {
    const done = (meta_rule_id: string | null): AppliedMetaSafetyNetRule => ({
      kind: item.kind,
      action: item.action,
      row_id: item.row_id,
      meta_rule_id,
      threshold: item.action === "create" || item.action === "update" ? item.threshold : null,
      spec: item.action === "create" || item.action === "update" ? item.body : null,
      previous: item.action === "update" || item.action === "remove" ? item.previous : null,
    })
    const nothing: Undo = { undo: "nothing" }
    if (item.action === "none") return new StepResponse<AppliedMetaSafetyNetRule, Undo>(done(null), nothing)
    if (item.action === "remove") return new StepResponse<AppliedMetaSafetyNetRule, Undo>(done(item.meta_rule_id), nothing)
    const { graph, token } = await safetyNetConnection(container)

    if (item.action === "update") {
      try {
        await graph.post(item.meta_rule_id, { token, body: toAdRulesLibraryParams(item.body), retry: true })
      } catch (error) {
        throw safetyNetRefusal(item.kind, error)
      }
      return new StepResponse<AppliedMetaSafetyNetRule, Undo>(done(item.meta_rule_id), {
        undo: "restore",
        meta_rule_id: item.meta_rule_id,
        body: { ...item.previous.spec, status: item.previous.status },
      })
    }

    const earlier = await findSafetyNetRule(graph, token, act, item.body)
    let id = earlier?.id
    if (earlier && earlier.status !== item.body.status) {
      await graph.post(earlier.id, { token, body: { status: item.body.status }, retry: true }).catch((error) => {
        throw safetyNetRefusal(item.kind, error)
      })
    }
    if (!id) {
      try {
        id = (await graph.post<{ id: string }>(`${act}/adrules_library`, { token, body: toAdRulesLibraryParams(item.body), retry: false })).id
      } catch (error) {
        if (error instanceof GraphError && error.category === "invalid") throw safetyNetRefusal(item.kind, error)
        const found = await findSafetyNetRule(graph, token, act, item.body).catch(() => undefined)
        if (!found) throw safetyNetRefusal(item.kind, error)
        id = found.id
      }
    }
    return new StepResponse<AppliedMetaSafetyNetRule, Undo>(done(id), { undo: "delete", meta_rule_id: id })
  },
  async (undo, { container }) => {
    if (!undo || undo.undo === "nothing") return
    const { graph, token } = await safetyNetConnection(container)
    // https://developers.facebook.com/docs/marketing-api/reference/ad-rule/#Deleting
    if (undo.undo === "delete") await graph.delete(undo.meta_rule_id, { token })
    else await graph.post(undo.meta_rule_id, { token, body: toAdRulesLibraryParams(undo.body), retry: true })
  }
)
