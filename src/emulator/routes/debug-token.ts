import { authenticate } from "../auth"
import { json, type Reply, type RouteContext } from "../context"
import { requestErrors } from "../errors"
import { stringParam } from "../http"
import { businessIdsOf } from "../nodes"
import { tokenProblem } from "../tokens"
import type { TokenRecord } from "../types"
import type { World } from "../world"

/** Which assets each asset-scoped permission covers (debug_token granular_scopes.target_ids). */
function targetIds(world: World, token: TokenRecord, scope: string): string[] | undefined {
  const businesses = businessIdsOf(world, token)
  const pageIds =
    token.type === "PAGE" && token.pageId
      ? [token.pageId]
      : Object.values(world.pages).filter((p) => businesses.includes(p.businessId)).map((p) => p.id)
  if (scope === "business_management") return businesses
  if (scope.startsWith("pages_") || scope === "read_insights") return pageIds
  if (scope.startsWith("instagram_")) {
    return Object.values(world.igAccounts).filter((ig) => pageIds.includes(ig.pageId)).map((ig) => ig.id)
  }
  if (scope === "ads_management" || scope === "ads_read") {
    return Object.values(world.adAccounts).filter((a) => businesses.includes(a.businessId)).map((a) => a.accountId)
  }
  if (scope === "catalog_management") {
    return Object.values(world.catalogs).filter((c) => businesses.includes(c.businessId)).map((c) => c.id)
  }
  return undefined
}

function describe(ctx: RouteContext, record: TokenRecord, applicationName: string): Record<string, unknown> {
  const problem = tokenProblem(ctx.world, record, ctx.now())
  return {
    app_id: record.appId,
    type: record.type,
    application: applicationName,
    data_access_expires_at: record.dataAccessExpiresAt,
    ...(problem ? { error: { code: problem.code, message: problem.message, subcode: problem.subcode } } : {}),
    expires_at: record.expiresAt,
    is_valid: problem === undefined,
    issued_at: record.issuedAt,
    ...(record.pageId ? { profile_id: record.pageId } : {}),
    scopes: record.scopes,
    granular_scopes: record.scopes.map((scope) => {
      const ids = targetIds(ctx.world, record, scope)
      return ids ? { scope, target_ids: ids } : { scope }
    }),
    user_id: record.userId,
  }
}

/**
 * GET /{v}/debug_token?input_token=…: called with the app token (or a valid token of the app). An input
 * token that is not valid still answers 200 with is_valid false and the 190 error it would cause.
 */
export function debugToken(ctx: RouteContext): Reply {
  const caller = authenticate(ctx)
  const input = stringParam(ctx.request.params, "input_token")
  if (!input) throw requestErrors.missingParam("input_token")
  const applicationName = caller.app.name ?? "Sandbox App"

  if (input.includes("|")) {
    const [appId, secret] = input.split("|", 2)
    const inputApp = ctx.apps.byId(appId)
    const isValid = inputApp !== undefined && inputApp.appSecret === secret
    return json({
      data: isValid
        ? { app_id: appId, type: "APP", application: inputApp?.name ?? "Sandbox App", is_valid: true, scopes: [] }
        : { error: { code: 190, message: "Invalid OAuth access token signature." }, is_valid: false, scopes: [] },
    })
  }
  const record = ctx.world.tokens[input]
  if (!record) {
    return json({ data: { error: { code: 190, message: "Invalid OAuth access token." }, is_valid: false, scopes: [] } })
  }
  if (record.appId !== caller.app.appId) {
    throw requestErrors.invalidParam("The App_id in the input_token did not match the Viewing App")
  }
  return json({ data: describe(ctx, record, applicationName) })
}
