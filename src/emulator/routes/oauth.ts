import { randomBytes } from "node:crypto"
import { renderConsentPage, renderDialogError } from "../consent-page"
import { json, type Reply, type RouteContext } from "../context"
import { GraphApiError, oauthErrors, requestErrors } from "../errors"
import { stringParam } from "../http"
import { grantableScopes, parseScopeParam } from "../permissions"
import { issueToken, LONG_LIVED_SECONDS, resolveToken, SHORT_LIVED_SECONDS } from "../tokens"
import type { EmulatorApp } from "../types"
import { authorizationKey, type UserRecord } from "../world"

/** Authorization codes are single use and live 10 minutes (Facebook Login "Manually build a login flow"). */
const CODE_TTL_MS = 10 * 60 * 1000

type DialogRequest = { app: EmulatorApp; redirectUri: string; state: string; scopes: string[]; unknownScopes: string[]; user: UserRecord }

const htmlError = (title: string, detail: string): Reply => ({ kind: "html", status: 400, html: renderDialogError(title, detail) })

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === "http:" || url.protocol === "https:"
  } catch {
    return false
  }
}

/** The checks Meta's dialog makes before it shows the consent step; a Reply is the error page to show. */
function validateDialog(ctx: RouteContext): DialogRequest | Reply {
  const params = ctx.request.params
  const clientId = stringParam(params, "client_id")
  if (!clientId) return htmlError("Missing app ID", "The parameter app_id (client_id) is required.")
  const app = ctx.apps.byId(clientId)
  if (!app) return htmlError("Invalid App ID", `The provided app ID "${clientId}" does not look like a valid app ID.`)
  ctx.usage.appId = app.appId

  const redirectUri = stringParam(params, "redirect_uri")
  if (!redirectUri) return htmlError("URL blocked", "The parameter redirect_uri is required.")
  // Meta: redirect_uri must exactly match one of the app's Valid OAuth Redirect URIs.
  const allowed = app.redirectUris?.length ? app.redirectUris.includes(redirectUri) : isHttpUrl(redirectUri)
  if (!allowed) {
    return htmlError(
      "URL blocked",
      `This redirect failed because the redirect URI "${redirectUri}" is not whitelisted in the app's Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.`
    )
  }
  const responseType = stringParam(params, "response_type")
  if (responseType !== "code") {
    return htmlError(
      "Unsupported response_type",
      `response_type must be "code" (the server-side login flow); got ${responseType ? `"${responseType}"` : "nothing"}.`
    )
  }
  const state = stringParam(params, "state")
  if (!state) {
    return htmlError("Missing state", "The parameter state is required: it protects the redirect against CSRF and is echoed back unchanged.")
  }
  const user = Object.values(ctx.world.users).find((u) => !u.isSystemUser)
  if (!user) return htmlError("No one to log in as", "This emulator world has no person (it was started without the seed).")
  const { granted, unknown } = grantableScopes(parseScopeParam(stringParam(params, "scope")))
  return { app, redirectUri, state, scopes: granted, unknownScopes: unknown, user }
}

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return url.toString()
}

/** GET /{v}/dialog/oauth: the consent page. */
export function showDialog(ctx: RouteContext, version: string): Reply {
  const dialog = validateDialog(ctx)
  if ("kind" in dialog) return dialog
  return {
    kind: "html",
    html: renderConsentPage({
      appName: dialog.app.name ?? "Sandbox App",
      userName: dialog.user.name,
      scopes: dialog.scopes,
      unknownScopes: dialog.unknownScopes,
      action: `/${version}/dialog/oauth/confirm`,
      hidden: {
        client_id: dialog.app.appId,
        redirect_uri: dialog.redirectUri,
        state: dialog.state,
        response_type: "code",
        scope: [...dialog.scopes, ...dialog.unknownScopes].join(","),
      },
    }),
  }
}

/** POST /{v}/dialog/oauth/confirm: "Continue" issues a code; "Cancel" reports access_denied. */
export function confirmDialog(ctx: RouteContext): Reply {
  const dialog = validateDialog(ctx)
  if ("kind" in dialog) return dialog
  if (stringParam(ctx.request.params, "decision") !== "continue") {
    return {
      kind: "redirect",
      location: withParams(dialog.redirectUri, {
        error: "access_denied",
        error_code: "200",
        error_description: "Permissions error",
        error_reason: "user_denied",
        state: dialog.state,
      }),
    }
  }
  const code = `AQ${randomBytes(48).toString("base64url")}`
  const now = ctx.now()
  ctx.world.codes[code] = {
    code,
    appId: dialog.app.appId,
    redirectUri: dialog.redirectUri,
    userId: dialog.user.id,
    scopes: dialog.scopes,
    expiresAt: now + CODE_TTL_MS,
    used: false,
  }
  ctx.world.authorizations[authorizationKey(dialog.app.appId, dialog.user.id)] = {
    appId: dialog.app.appId,
    userId: dialog.user.id,
    scopes: dialog.scopes,
    grantedAt: now,
  }
  return { kind: "redirect", location: withParams(dialog.redirectUri, { code, state: dialog.state }) }
}

/** client_id + client_secret, checked as Graph's token endpoint does (101 unknown app, 1 wrong secret). */
function authenticateClient(ctx: RouteContext): EmulatorApp {
  const clientId = stringParam(ctx.request.params, "client_id")
  if (!clientId) throw oauthErrors.missingClientId()
  const app = ctx.apps.byId(clientId)
  if (!app) throw oauthErrors.invalidClientId()
  ctx.usage.appId = app.appId
  if (stringParam(ctx.request.params, "client_secret") !== app.appSecret) throw oauthErrors.clientSecret()
  return app
}

const tokenResponse = (accessToken: string, expiresIn?: number) =>
  json({ access_token: accessToken, token_type: "bearer", ...(expiresIn !== undefined ? { expires_in: expiresIn } : {}) })

/** GET /{v}/oauth/access_token: code → short-lived token, fb_exchange_token → 60-day token, client_credentials → app token. */
export function exchangeToken(ctx: RouteContext): Reply {
  const app = authenticateClient(ctx)
  const params = ctx.request.params
  const grantType = stringParam(params, "grant_type")
  if (grantType === "client_credentials") return tokenResponse(`${app.appId}|${app.appSecret}`)
  if (grantType === "fb_exchange_token") return exchangeForLongLived(ctx, app)
  if (grantType !== undefined && grantType !== "authorization_code") {
    throw requestErrors.invalidParam(`Unsupported grant_type "${grantType}"`)
  }

  const redirectUri = stringParam(params, "redirect_uri")
  if (redirectUri === undefined) throw oauthErrors.missingRedirectUri()
  const codeValue = stringParam(params, "code")
  if (!codeValue) throw requestErrors.missingParam("code")
  const code = ctx.world.codes[codeValue]
  if (!code) throw oauthErrors.invalidCode()
  if (code.used) throw oauthErrors.usedCode()
  if (code.expiresAt <= ctx.now()) throw oauthErrors.expiredCode()
  // The code is bound to the app and to the byte-identical redirect_uri of the dialog request.
  if (code.appId !== app.appId || code.redirectUri !== redirectUri) throw oauthErrors.redirectMismatch()
  code.used = true
  const token = issueToken(ctx.world, ctx.now(), {
    type: "USER",
    appId: app.appId,
    userId: code.userId,
    scopes: code.scopes,
    lifetimeSeconds: SHORT_LIVED_SECONDS,
  })
  return tokenResponse(token.token, SHORT_LIVED_SECONDS)
}

/** Short → long-lived user token (~60 days). Expired or invalidated input tokens answer 190. */
function exchangeForLongLived(ctx: RouteContext, app: EmulatorApp): Reply {
  const input = stringParam(ctx.request.params, "fb_exchange_token")
  if (!input) throw requestErrors.missingParam("fb_exchange_token")
  const record = resolveToken(ctx.world, input, ctx.now())
  if (record.appId !== app.appId) {
    throw new GraphApiError({ code: 190, message: `Error validating access token: The token was not issued for application ${app.appId}.` })
  }
  if (record.type !== "USER") throw requestErrors.invalidParam("fb_exchange_token must be a user access token")
  const token = issueToken(ctx.world, ctx.now(), {
    type: "USER",
    appId: app.appId,
    userId: record.userId,
    scopes: record.scopes,
    lifetimeSeconds: LONG_LIVED_SECONDS,
  })
  return tokenResponse(token.token, LONG_LIVED_SECONDS)
}
