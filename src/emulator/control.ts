import type { ServerResponse } from "node:http"
import type { EmulatorState } from "./emulator-state"
import { sendJson, stringParam, type ParsedRequest } from "./http"
import { receivedPixelEvents } from "./routes/pixel-events"
import { EmulatorPublishing } from "./routes/publishing"
import { configureInsights, EmulatorInsights, insightsCatalog } from "./routes/insights"
import { adsControlState, configureAdsFromControl } from "./ads"
import { publishingOf } from "./routes/publishing-store"
import type { FaultSpec } from "./types"

/**
 * The emulator's own HTTP control API under /_emulator (not part of Graph): what tests and the dev
 * sandbox use to inspect requests, inject faults and mint or break tokens.
 */
export const CONTROL_PREFIX = "/_emulator/"

function bodyObject(request: ParsedRequest): Record<string, unknown> {
  const body = request.body
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

function requestedToken(request: ParsedRequest): string {
  const token = stringParam(bodyObject(request), "token")
  if (!token) throw new ControlError(400, "Body must be {\"token\": \"…\"}")
  return token
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

function route(request: ParsedRequest, state: EmulatorState): unknown {
  const action = `${request.method} ${request.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, "")}`
  switch (action) {
    case "GET requests": {
      // ?logical=true lists Graph calls as rate limits count them (each batch operation on its own).
      const filter = { method: request.query.method, path: request.query.path }
      const requests = request.query.logical === "true" ? state.recorder.logical(filter) : state.recorder.list(filter)
      return { requests, counts: state.recorder.counts(filter) }
    }
    case "POST reset":
      state.reset()
      return { reset: true }
    case "GET faults":
      return { faults: state.faults.list() }
    case "POST faults": {
      const specs = (Array.isArray(request.body) ? request.body : [request.body]) as FaultSpec[]
      for (const spec of specs) {
        if (!spec || typeof spec !== "object") throw new ControlError(400, "Body must be a FaultSpec or an array of them")
        try {
          state.faults.add(spec)
        } catch (error) {
          throw new ControlError(400, (error as Error).message)
        }
      }
      return { faults: state.faults.list() }
    }
    case "DELETE faults":
      state.faults.clear()
      return { faults: [] }
    case "POST system-user-tokens": {
      const body = bodyObject(request)
      const scopes = body.scopes
      if (scopes !== undefined && (!Array.isArray(scopes) || scopes.some((s) => typeof s !== "string"))) {
        throw new ControlError(400, "scopes must be an array of permission names")
      }
      const expiresIn = body.expires_in ?? body.expiresIn
      if (expiresIn !== undefined && (typeof expiresIn !== "number" || expiresIn < 0)) {
        throw new ControlError(400, "expires_in must be a number of seconds (0 = never)")
      }
      try {
        const accessToken = state.createSystemUserToken({
          scopes: scopes as string[] | undefined,
          businessId: stringParam(body, "business_id") ?? stringParam(body, "businessId"),
          expiresIn: expiresIn as number | undefined,
        })
        const info = state.tokenInfo(accessToken)
        return {
          access_token: accessToken,
          token_type: "bearer",
          ...(expiresIn ? { expires_in: expiresIn } : {}),
          user_id: info?.userId,
          business_id: info?.businessId,
        }
      } catch (error) {
        throw new ControlError(400, (error as Error).message)
      }
    }
    case "POST tokens/revoke":
      if (!state.revokeToken(requestedToken(request))) throw new ControlError(404, "Unknown token")
      return { revoked: true }
    case "POST tokens/expire":
      if (!state.expireToken(requestedToken(request))) throw new ControlError(404, "Unknown token")
      return { expired: true }
    case "GET pixel-events":
      return { events: receivedPixelEvents(state.world, request.query.pixel_id) }
    case "GET publishing": {
      const publishing = new EmulatorPublishing(state)
      return {
        containers: publishing.containers(),
        media: publishing.media(),
        posts: publishing.pagePosts(),
        photos: publishing.pagePhotos(),
        reels: publishing.reels(),
        comments: [...publishingOf(state.world).comments.values()],
      }
    }
    case "POST publishing/config": {
      // {"image_ms": 0, "video_ms": 0, "quotas": {"<ig-user-id>": 2}}
      const body = bodyObject(request)
      const publishing = new EmulatorPublishing(state)
      try {
        publishing.setContainerDelays({ imageMs: body.image_ms as number | undefined, videoMs: body.video_ms as number | undefined })
        for (const [igUserId, total] of Object.entries((body.quotas ?? {}) as Record<string, number>)) publishing.setPublishingQuota(igUserId, total)
      } catch (error) {
        throw new ControlError(400, (error as Error).message)
      }
      return { configured: true }
    }
    case "GET insights": {
      const insights = new EmulatorInsights(state)
      return { ...insights.config(), requests: insights.requestCounts(), metrics: insightsCatalog() }
    }
    case "POST insights/config": {
      const insights = new EmulatorInsights(state)
      try {
        configureInsights(insights, bodyObject(request))
      } catch (error) {
        throw new ControlError(400, (error as Error).message)
      }
      return insights.config()
    }
    case "GET ads":
      return adsControlState(state, request.query)
    case "POST ads/config":
      try {
        return configureAdsFromControl(state, bodyObject(request))
      } catch (error) {
        throw new ControlError(400, (error as Error).message)
      }
    case "GET state":
      return state.world
    default:
      throw new ControlError(404, `No emulator control endpoint ${request.method} ${request.pathname}`)
  }
}

export function handleControl(request: ParsedRequest, res: ServerResponse, state: EmulatorState): void {
  try {
    sendJson(res, 200, route(request, state))
  } catch (error) {
    const status = error instanceof ControlError ? error.status : 500
    sendJson(res, status, { error: { message: (error as Error).message } })
  }
}
