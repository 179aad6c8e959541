import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { json, type Reply, type RouteContext } from "./context"
import { CONTROL_PREFIX, handleControl } from "./control"
import type { EmulatorState } from "./emulator-state"
import { GraphApiError, requestErrors } from "./errors"
import { faultError } from "./faults"
import { readRequest, redirect, sendHtml, sendJson, type ParsedRequest } from "./http"
import { handleGraphObject } from "./routes/assets"
import { EmulatorWebhooks, WEBHOOK_CONTROL_PREFIX, getLead, getLeadForm, handleWebhookControl, isLeadFormId, isLeadId } from "./routes/webhooks"
import { handleCatalogRoute } from "./routes/catalog"
import { handlePublishingRoute } from "./routes/publishing"
import { handlePixelEvents } from "./routes/pixel-events"
import { handleInsightsRoute } from "./routes/insights"
import { adsUsageHeaders, handleAdsRoute } from "./ads"
import { isBatchCall, nestedBatchError, redactBatchRecord, runBatch, type GraphOutcome } from "./routes/graph-batch"
import { isMultiIdRead, readMultipleIds } from "./routes/multi-id"
import { debugToken } from "./routes/debug-token"
import { confirmDialog, exchangeToken, showDialog } from "./routes/oauth"
import type { FaultSpec, RecordedRequest } from "./types"

/** Graph answers unversioned calls with the app's default version. */
const DEFAULT_VERSION = "v25.0"
const VERSION_SEGMENT = /^v\d+\.\d+$/

function splitVersion(pathname: string): { version: string; segments: string[] } {
  const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent)
  if (segments[0] && VERSION_SEGMENT.test(segments[0])) return { version: segments[0], segments: segments.slice(1) }
  return { version: DEFAULT_VERSION, segments }
}

/** Most routes answer synchronously; a few (publishing calls that fetch a media URL) answer with a promise. */
function route(ctx: RouteContext, version: string): Reply | Promise<Reply> {
  const [first, second, third] = ctx.segments
  const method = ctx.request.method
  const depth = ctx.segments.length
  if (first === "dialog" && second === "oauth") {
    if (depth === 2 && method === "GET") return showDialog(ctx, version)
    if (depth === 3 && third === "confirm" && method === "POST") return confirmDialog(ctx)
  }
  if (first === "oauth" && second === "access_token" && depth === 2) return exchangeToken(ctx)
  if (first === "debug_token" && depth === 1 && method === "GET") return debugToken(ctx)
  if (depth === 2 && second === "events" && method === "POST" && ctx.world.pixels[first]) return handlePixelEvents(ctx, first)
  if (depth === 1 && method === "GET" && isLeadId(ctx.world, first)) return getLead(ctx, first)
  if (depth === 1 && method === "GET" && isLeadFormId(ctx.world, first)) return getLeadForm(ctx, first)
  if (depth === 0) return json({ name: "Meta Graph API emulator", version, apps: ctx.apps.all.map((a) => a.appId) })
  return handleInsightsRoute(ctx) ?? handleAdsRoute(ctx) ?? handlePublishingRoute(ctx) ?? handleCatalogRoute(ctx) ?? handleGraphObject(ctx)
}

/** The object id a call concerns (for a BUC throttle without an explicit objectId). */
function objectIdOf(segments: string[]): string | undefined {
  return segments[0] && segments[0] !== "me" && /^(act_)?\d+$/.test(segments[0]) ? segments[0] : undefined
}

export type RunningServer = { url: string; close(): Promise<void> }

export async function startServer(
  state: EmulatorState,
  options: { port: number; host: string; log: boolean; afterRequest: () => void }
): Promise<RunningServer> {
  /** Requests held by "timeout" faults; released (unanswered) when the server closes. */
  const held = new Set<() => void>()

  function hold(res: ServerResponse, delayMs: number | undefined): Promise<boolean> {
    return new Promise((resolve) => {
      const release = (answered: boolean) => {
        held.delete(cancel)
        if (timer) clearTimeout(timer)
        res.off("close", onClose)
        resolve(answered)
      }
      const cancel = () => release(false)
      const onClose = () => release(false)
      const timer = delayMs !== undefined ? setTimeout(() => release(true), delayMs) : undefined
      held.add(cancel)
      res.on("close", onClose)
    })
  }

  function usageHeaders(ctx: RouteContext, version: string): Record<string, string> {
    // Marketing API calls count against their ad account only, not the platform limit (ads/usage.ts).
    const adsUsage = adsUsageHeaders(ctx.request)
    if (Object.keys(adsUsage).length) return { "facebook-api-version": version, ...adsUsage }
    const appId = ctx.usage.appId ?? state.apps.defaultApp.appId
    const headers: Record<string, string> = {
      "X-App-Usage": JSON.stringify(state.usage.recordAppCall(appId)),
      "facebook-api-version": version,
    }
    const { objectId, bucType } = ctx.usage
    if (objectId && bucType) {
      const buc = state.usage.recordObjectCall(objectId, bucType)
      headers["X-Business-Use-Case-Usage"] = JSON.stringify(buc)
      if (objectId.startsWith("act_")) {
        const [entry] = buc[objectId]
        headers["X-Ad-Account-Usage"] = JSON.stringify({
          acc_id_util_pct: entry.call_count,
          reset_time_duration: 0,
          ads_api_access_tier: "standard_access",
        })
      }
    }
    return headers
  }

  /** "lost_response" faults: the call was handled, but the connection dies before any byte of the answer. */
  function dropAnswer(res: ServerResponse): undefined {
    res.socket?.destroy()
    res.destroy()
    return undefined
  }

  /**
   * Handles one Graph call up to its answer (status, headers, body) without writing it anywhere: the HTTP
   * server sends it, a batch request collects it. `entry` is the HTTP request's log entry (absent for the
   * operations of a batch, which cannot nest another batch).
   */
  async function execute(request: ParsedRequest, fault: FaultSpec | undefined, entry?: RecordedRequest): Promise<GraphOutcome> {
    const { version, segments } = splitVersion(request.pathname)
    const ctx: RouteContext = { request, segments, world: state.world, apps: state.apps, now: state.now, usage: {}, acceptLocalImageLinks: state.acceptLocalImageLinks }
    try {
      const injected = fault ? faultError(fault, objectIdOf(segments)) : undefined
      if (injected) throw injected
      if (request.bodyError) throw requestErrors.invalidParam(request.bodyError)
      if (isBatchCall(ctx)) {
        if (!entry) throw nestedBatchError()
        const batch = await runBatch(ctx, version, dispatchOperation)
        state.recorder.attachSubRequests(entry, batch.subRequests)
        redactBatchRecord(entry)
        const headers = batch.headers["X-App-Usage"] ? batch.headers : { ...usageHeaders(ctx, version), ...batch.headers }
        return { status: 200, headers, reply: json(batch.body) }
      }
      if (isMultiIdRead(ctx)) {
        const read = await readMultipleIds(ctx, version, (sub) => execute(sub, undefined))
        if (entry) state.recorder.attachSubRequests(entry, read.subRequests)
        return read.outcome
      }
      const reply = await route(ctx, version)
      return { status: reply.kind === "redirect" ? 302 : (reply.status ?? 200), headers: usageHeaders(ctx, version), reply }
    } catch (error) {
      const graphError =
        error instanceof GraphApiError
          ? error
          : new GraphApiError({ code: 1, status: 500, isTransient: true, message: "An unknown error has occurred." })
      if (!(error instanceof GraphApiError)) console.error("[meta-graph-emulator] handler failed:", (error as Error).message)
      const headers = { ...usageHeaders(ctx, version), ...graphError.headers }
      if (graphError.code === 190 && !headers["WWW-Authenticate"]) {
        headers["WWW-Authenticate"] = `OAuth "Facebook Platform" "invalid_token" "${graphError.message.replace(/"/g, "'")}"`
      }
      return { status: graphError.status, headers, reply: json(graphError.toBody(), graphError.status) }
    }
  }

  /**
   * One operation of a batch: faults apply to it as to a request of its own; a "timeout" without delayMs
   * or a "lost_response" leaves it unanswered (null in the batch answer, as Meta's timed-out operations are).
   */
  async function dispatchOperation(request: ParsedRequest): Promise<GraphOutcome | null> {
    const fault = state.faults.take(request.method, request.pathname, request.params)
    if (fault?.kind === "timeout" && fault.delayMs === undefined) return null
    if (fault?.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    const outcome = await execute(request, fault)
    return fault?.kind === "lost_response" ? null : outcome
  }

  async function handleGraph(request: ParsedRequest, res: ServerResponse, entry: RecordedRequest): Promise<number | undefined> {
    const fault: FaultSpec | undefined = state.faults.take(request.method, request.pathname, request.params)
    if (fault && (fault.kind === "timeout" || fault.delayMs !== undefined)) {
      const answered = await hold(res, fault.delayMs)
      if (!answered) return undefined
    }
    const outcome = await execute(request, fault, entry)
    if (fault?.kind === "lost_response") return dropAnswer(res)
    const { reply, headers, status } = outcome
    if (reply.kind === "redirect") redirect(res, reply.location, headers)
    else if (reply.kind === "html") sendHtml(res, status, reply.html, headers)
    else sendJson(res, status, reply.body, headers)
    return status
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    let request: ParsedRequest
    try {
      request = await readRequest(req)
    } catch (error) {
      sendJson(res, 413, new GraphApiError({ code: 100, message: (error as Error).message }).toBody())
      return
    }
    if (request.pathname.startsWith(WEBHOOK_CONTROL_PREFIX)) {
      await handleWebhookControl(request, res, new EmulatorWebhooks(state))
      options.afterRequest()
      return
    }
    if (request.pathname.startsWith(CONTROL_PREFIX)) {
      handleControl(request, res, state)
      options.afterRequest()
      return
    }
    const entry = state.recorder.record({
      at: state.now(),
      method: request.method,
      path: request.pathname,
      query: request.query,
      body: request.body,
      clientPort: req.socket.remotePort,
    })
    const status = await handleGraph(request, res, entry)
    entry.status = status
    options.afterRequest()
    if (options.log) {
      console.log(`[meta-graph-emulator] ${request.method} ${request.pathname} → ${status ?? "no answer"} (${Date.now() - started} ms)`)
    }
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: Error) => {
      console.error("[meta-graph-emulator] request failed:", error.message)
      if (!res.headersSent) sendJson(res, 500, { error: { message: "Emulator failure", code: 1, is_transient: true } })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port, options.host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const hostForUrl = address.family === "IPv6" ? `[${address.address}]` : address.address
  return {
    url: `http://${hostForUrl}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const release of [...held]) release()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
