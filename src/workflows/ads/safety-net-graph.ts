import { MedusaError } from "@medusajs/framework/utils"
import { SAFETY_NET_FIELDS, sameRuleBody, type MetaRuleBody, type SafetyNetKind } from "../../lib/ads"
import { GraphError, type GraphClient } from "../../lib/graph"
import { META_MODULE } from "../../modules/meta"
import type MetaModuleService from "../../modules/meta/service"

type Container = { resolve<T>(key: string): T }

/** The live connection's token, its ad account and the Graph client; a 400 when there is none to put a rule on. */
export async function safetyNetConnection(container: Container): Promise<{ graph: GraphClient; token: string; act: string }> {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const live = await meta.getConnectionToken()
  if (!live) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Meta is not connected: connect it in Settings → Meta first.")
  const act = (await meta.retrieveLiveConnection())?.ad_account_id
  if (!act) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "No ad account is selected: choose one in Settings → Meta first.")
  return { graph: meta.getGraphClient(), token: live.token, act }
}

/**
 * Meta's refusal on the request field the rule came from, with Meta's text for people (`error_user_title`,
 * `error_user_msg`) or else its message; a 400 when Meta refused the rule, otherwise Meta did not answer usefully.
 */
export function safetyNetRefusal(kind: SafetyNetKind, error: unknown): Error {
  if (!(error instanceof GraphError)) return error as Error
  const field = SAFETY_NET_FIELDS[kind]
  const text = [error.userTitle, error.userMessage].filter(Boolean).join(": ") || error.message
  if (error.category === "invalid" || error.category === "permission") {
    return new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: Meta refused the safety net rule: ${text}`)
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${field}: Meta did not take the safety net rule: ${text}`)
}

type ListedRule = { id: string; name?: string; status?: string; evaluation_spec?: unknown; execution_spec?: unknown; schedule_spec?: unknown }

/**
 * A rule an earlier attempt made for this body (its answer lost, or the save after it failed): same name, same
 * specs, not deleted (the library lists no deleted rules).
 * https://developers.facebook.com/docs/marketing-api/reference/ad-account/adrules_library/#Reading
 */
export async function findSafetyNetRule(graph: GraphClient, token: string, act: string, body: MetaRuleBody): Promise<ListedRule | undefined> {
  const params = { fields: "id,name,status,evaluation_spec,execution_spec,schedule_spec" }
  for await (const rule of graph.paginate<ListedRule>(`${act}/adrules_library`, { token, params, pageSize: 500 })) {
    if (rule.name !== body.name || rule.status === "DELETED") continue
    const listed = { ...body, evaluation_spec: rule.evaluation_spec, execution_spec: rule.execution_spec, schedule_spec: rule.schedule_spec } as MetaRuleBody
    if (sameRuleBody(listed, body)) return rule
  }
  return undefined
}
