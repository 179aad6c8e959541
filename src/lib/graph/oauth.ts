import { GraphError } from "./graph-error"
import type { GraphClient } from "./graph-client"

/**
 * Facebook Login server-side calls (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm). They carry the app secret (as client_secret
 * or inside the app token), which the client scrubs from every error message.
 */

export type AppCredentials = { appId: string; appSecret: string }

export type OAuthTokenResult = { accessToken: string; tokenType?: string; expiresIn?: number }

export type DebugTokenData = {
  app_id?: string
  type?: string
  application?: string
  is_valid: boolean
  issued_at?: number
  /** Unix seconds; 0 = never (e.g. page tokens from a long-lived user token). */
  expires_at?: number
  data_access_expires_at?: number
  scopes?: string[]
  /** target_ids absent = the grant covers all assets of that kind. */
  granular_scopes?: { scope: string; target_ids?: string[] }[]
  user_id?: string
  error?: { code: number; message: string; subcode?: number }
}

type GraphTransport = Pick<GraphClient, "get" | "delete">

function invalidResponse(message: string, path: string): GraphError {
  return new GraphError({ message, category: "invalid", method: "GET", path })
}

function parseTokenResponse(body: unknown, path: string): OAuthTokenResult {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {}
  const accessToken = record.access_token
  if (typeof accessToken !== "string" || accessToken === "") {
    throw invalidResponse("Meta's token response has no access_token", path)
  }
  const expiresIn = Number(record.expires_in)
  return {
    accessToken,
    tokenType: typeof record.token_type === "string" ? record.token_type : undefined,
    // Meta omits expires_in for tokens that do not expire.
    expiresIn: record.expires_in !== undefined && Number.isFinite(expiresIn) ? expiresIn : undefined,
  }
}

/** `GET /oauth/access_token?client_id&redirect_uri&client_secret&code` → user access token. */
export async function exchangeCode(
  client: GraphTransport,
  credentials: AppCredentials,
  input: { code: string; redirectUri: string }
): Promise<OAuthTokenResult> {
  if (!input.code) throw new Error("exchangeCode: code is required")
  const body = await client.get<unknown>("oauth/access_token", {
    params: {
      client_id: credentials.appId,
      redirect_uri: input.redirectUri,
      client_secret: credentials.appSecret,
      code: input.code,
    },
  })
  return parseTokenResponse(body, "oauth/access_token")
}

/**
 * `grant_type=fb_exchange_token` turns a short-lived user token into a ~60-day one. There is no refresh
 * token: an expired token cannot be exchanged, the user must log in again.
 */
export async function exchangeForLongLivedToken(
  client: GraphTransport,
  credentials: AppCredentials,
  token: string
): Promise<OAuthTokenResult> {
  if (!token) throw new Error("exchangeForLongLivedToken: token is required")
  const body = await client.get<unknown>("oauth/access_token", {
    params: {
      grant_type: "fb_exchange_token",
      client_id: credentials.appId,
      client_secret: credentials.appSecret,
      fb_exchange_token: token,
    },
  })
  return parseTokenResponse(body, "oauth/access_token")
}

/**
 * `GET /debug_token?input_token=…` with the app token `{app_id}|{app_secret}`. An expired or revoked
 * input token is not an error here: Meta answers `is_valid: false` with `data.error`, which callers
 * need to tell "expired" from "revoked".
 */
export async function debugToken(client: GraphTransport, appAccessToken: string, inputToken: string): Promise<DebugTokenData> {
  if (!inputToken) throw new Error("debugToken: inputToken is required")
  const body = await client.get<{ data?: unknown } | undefined>("debug_token", {
    token: appAccessToken,
    params: { input_token: inputToken },
  })
  const data = body?.data
  if (typeof data !== "object" || data === null || typeof (data as { is_valid?: unknown }).is_valid !== "boolean") {
    throw invalidResponse("Meta's debug_token response has no data.is_valid", "debug_token")
  }
  return data as DebugTokenData
}

/** `DELETE /me/permissions` de-authorises the app for the token's user (Meta answers `{ success: true }`). */
export async function revokePermissions(client: GraphTransport, token: string): Promise<void> {
  if (!token) throw new Error("revokePermissions: token is required")
  const body = await client.delete<unknown>("me/permissions", { token })
  const success = body === true || (typeof body === "object" && body !== null && (body as { success?: unknown }).success === true)
  if (!success) {
    throw new GraphError({ message: "Meta did not confirm the permission revocation", category: "invalid", method: "DELETE", path: "me/permissions" })
  }
}
