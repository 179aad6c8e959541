import { createHmac } from "node:crypto"
import type { GraphEmulator } from "../index"

export const APP_ID = "1234567890"
export const APP_SECRET = "sandbox-app-secret"
export const REDIRECT_URI = "http://localhost:9000/meta/oauth/callback"
export const ALL_SCOPES =
  "business_management,pages_show_list,pages_read_engagement,instagram_basic,catalog_management,ads_management"

export type GraphAnswer = { status: number; body: any; headers: Headers }

export const proofFor = (token: string, secret = APP_SECRET) => createHmac("sha256", secret).update(token).digest("hex")

async function answer(response: Response): Promise<GraphAnswer> {
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers }
}

/** GET with access_token + appsecret_proof in the query, the way the plugin's client calls Graph. */
export async function graphGet(
  emulator: GraphEmulator,
  path: string,
  token?: string,
  params: Record<string, string> = {}
): Promise<GraphAnswer> {
  const url = new URL(`/v25.0/${path.replace(/^\//, "")}`, emulator.url)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  if (token) {
    url.searchParams.set("access_token", token)
    if (!("appsecret_proof" in params)) url.searchParams.set("appsecret_proof", proofFor(token))
  }
  return answer(await fetch(url))
}

export async function graphSend(
  emulator: GraphEmulator,
  method: "POST" | "DELETE",
  path: string,
  token: string,
  body: Record<string, unknown> = {}
): Promise<GraphAnswer> {
  const response = await fetch(new URL(`/v25.0/${path.replace(/^\//, "")}`, emulator.url), {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ access_token: token, appsecret_proof: proofFor(token), ...body }),
  })
  return answer(response)
}

export function dialogUrl(emulator: GraphEmulator, params: Record<string, string | undefined> = {}): string {
  const url = new URL("/v25.0/dialog/oauth", emulator.url)
  const all: Record<string, string | undefined> = {
    client_id: APP_ID,
    redirect_uri: REDIRECT_URI,
    state: "state-123",
    response_type: "code",
    scope: ALL_SCOPES,
    ...params,
  }
  for (const [k, v] of Object.entries(all)) if (v !== undefined) url.searchParams.set(k, v)
  return url.toString()
}

/** Reads the consent form the dialog renders and submits it with the chosen button. */
export async function submitConsent(emulator: GraphEmulator, html: string, decision: "continue" | "cancel"): Promise<URL> {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]
  if (!action) throw new Error("no consent form")
  const form = new URLSearchParams()
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(name, value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">"))
  }
  form.set("decision", decision)
  const response = await fetch(new URL(action, emulator.url), { method: "POST", body: form, redirect: "manual" })
  if (response.status !== 302) throw new Error(`consent answered ${response.status}: ${await response.text()}`)
  return new URL(response.headers.get("location") ?? "")
}

/** Dialog → Continue → the authorization code. */
export async function authorize(emulator: GraphEmulator, params: Record<string, string | undefined> = {}): Promise<string> {
  const page = await fetch(dialogUrl(emulator, params))
  const location = await submitConsent(emulator, await page.text(), "continue")
  const code = location.searchParams.get("code")
  if (!code) throw new Error(`no code in ${location}`)
  return code
}

export async function exchangeCode(emulator: GraphEmulator, code: string, overrides: Record<string, string> = {}) {
  return graphGet(emulator, "oauth/access_token", undefined, {
    client_id: APP_ID,
    client_secret: APP_SECRET,
    redirect_uri: REDIRECT_URI,
    code,
    ...overrides,
  })
}

/** A fresh long-lived user token granted `scope`. */
export async function userToken(emulator: GraphEmulator, scope = ALL_SCOPES): Promise<string> {
  const code = await authorize(emulator, { scope })
  const short = await exchangeCode(emulator, code)
  const long = await graphGet(emulator, "oauth/access_token", undefined, {
    grant_type: "fb_exchange_token",
    client_id: APP_ID,
    client_secret: APP_SECRET,
    fb_exchange_token: short.body.access_token,
  })
  return long.body.access_token
}
