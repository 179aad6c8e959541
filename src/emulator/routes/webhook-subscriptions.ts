import { randomInt } from "node:crypto"
import { GraphApiError, requestErrors } from "../errors"
import { stringParam } from "../http"
import { requireAnyScope } from "../nodes"
import type { PageRecord } from "../world"
import type { Edge, EdgeContext } from "./edges"
import type { EmulatorState } from "../emulator-state"

/**
 * Meta's side of a webhook subscription. A Page sends its changes only to the apps subscribed to it:
 * GET|POST /{page_id}/subscribed_apps with the Page's own token and pages_manage_metadata
 * (https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/). And before Meta sends
 * anything to a callback URL it verifies it: a GET with hub.mode=subscribe, hub.challenge and the
 * verify token, answered with the challenge (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests).
 */

/** Page fields an app can subscribe to (the Page object's webhook fields this emulator knows). */
export const PAGE_WEBHOOK_FIELDS = ["feed", "leadgen", "mention", "messages", "ratings", "name", "picture"]

function requirePageToken(ec: EdgeContext, page: PageRecord): string {
  const caller = ec.caller
  if (caller.kind !== "token" || caller.token.type !== "PAGE" || caller.token.pageId !== page.id) {
    throw new GraphApiError({ code: 210, message: "(#210) A page access token is required to request this resource." })
  }
  requireAnyScope(caller, ["pages_manage_metadata"])
  return caller.app.appId
}

export const SUBSCRIBED_APPS_EDGE: Edge<PageRecord> = {
  list: (page, ec) => {
    requirePageToken(ec, page)
    const subscribed = ec.ctx.world.pageSubscriptions[page.id] ?? {}
    return {
      rows: Object.entries(subscribed).map(([appId, fields]) => {
        const app = ec.ctx.apps.byId(appId)
        return {
          category: "Business",
          link: `https://www.facebook.com/games/?app_id=${appId}`,
          name: app?.name ?? "Sandbox App",
          id: appId,
          subscribed_fields: fields,
        }
      }),
      keyOf: (row) => String(row.id),
    }
  },
  create: (page, ec) => {
    const appId = requirePageToken(ec, page)
    const raw = stringParam(ec.ctx.request.params, "subscribed_fields")
    if (!raw) throw requestErrors.missingParam("subscribed_fields")
    const fields = raw.split(",").map((f) => f.trim()).filter(Boolean)
    fields.forEach((field, index) => {
      if (!PAGE_WEBHOOK_FIELDS.includes(field)) {
        throw requestErrors.invalidParam(`Param subscribed_fields[${index}] must be one of {${PAGE_WEBHOOK_FIELDS.join(", ")}} - got "${field}"`)
      }
    })
    const byApp = (ec.ctx.world.pageSubscriptions[page.id] ??= {})
    byApp[appId] = [...new Set([...(byApp[appId] ?? []), ...fields])]
    return { success: true }
  },
}

export type CallbackVerification = { verified: boolean; status: number; body: string }

/** Meta's subscription control for tests and the sandbox: verify a callback URL as the App Dashboard does. */
export class EmulatorSubscriptions {
  constructor(private readonly state: EmulatorState) {}

  /**
   * What "Verify and save" in the App Dashboard → Webhooks does: GET the callback with a fresh challenge
   * and the verify token typed there; verified when the answer is 200 with exactly the challenge.
   */
  async verifyCallback(callbackUrl: string, verifyToken: string): Promise<CallbackVerification> {
    const challenge = String(randomInt(1_000_000_000, 2_000_000_000))
    const url = new URL(callbackUrl)
    url.searchParams.set("hub.mode", "subscribe")
    url.searchParams.set("hub.challenge", challenge)
    url.searchParams.set("hub.verify_token", verifyToken)
    const res = await fetch(url, { redirect: "manual" })
    const body = await res.text()
    return { verified: res.status === 200 && body === challenge, status: res.status, body }
  }

  /** The fields the Page sends to each subscribed app, by app id. */
  subscribedApps(pageId: string): Record<string, string[]> {
    return { ...(this.state.world.pageSubscriptions[pageId] ?? {}) }
  }
}
