import { createHmac, timingSafeEqual } from "node:crypto"
import type { Caller, RouteContext } from "./context"
import { requestErrors, tokenErrors } from "./errors"
import { accessTokenOf, stringParam } from "./http"
import { resolveToken } from "./tokens"
import type { EmulatorApp } from "./types"

export function appsecretProof(appSecret: string, token: string): string {
  return createHmac("sha256", appSecret).update(token).digest("hex")
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * appsecret_proof = hex HMAC-SHA256(app secret, access token). With "Require App Secret" on, every call
 * made with a user/page/system-user token must carry it; a proof that is present must always match.
 */
function checkProof(ctx: RouteContext, app: EmulatorApp, token: string, required: boolean): void {
  const proof = stringParam(ctx.request.params, "appsecret_proof")
  if (!proof) {
    if (required) throw requestErrors.appsecretProofMissing()
    return
  }
  if (!sameHex(proof.toLowerCase(), appsecretProof(app.appSecret, token))) throw requestErrors.appsecretProofInvalid()
}

/** The app behind an "{app_id}|{app_secret}" app access token, or the 190 error for a wrong one. */
export function appFromAppToken(ctx: RouteContext, token: string): EmulatorApp {
  const [appId, secret] = token.split("|", 2)
  const app = ctx.apps.byId(appId)
  if (!app || app.appSecret !== secret) throw tokenErrors.badAppToken()
  return app
}

/** Resolves and checks the request's access token; `/me` calls without one answer 2500 like Graph. */
export function authenticate(ctx: RouteContext, options: { forMe?: boolean } = {}): Caller {
  const token = accessTokenOf(ctx.request)
  if (!token) throw options.forMe ? tokenErrors.noUserContext() : tokenErrors.missing()
  if (token.includes("|")) {
    const app = appFromAppToken(ctx, token)
    ctx.usage.appId = app.appId
    // The app token embeds the secret, so a proof is optional; a wrong one is still refused.
    checkProof(ctx, app, token, false)
    return { kind: "app", app }
  }
  const record = resolveToken(ctx.world, token, ctx.now())
  const app = ctx.apps.byId(record.appId)
  if (!app) throw tokenErrors.unparseable()
  ctx.usage.appId = app.appId
  checkProof(ctx, app, token, app.requireAppSecretProof !== false)
  return { kind: "token", app, token: record }
}
