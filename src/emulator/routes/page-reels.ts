import { readVideoDuration } from "../../lib/publishing/video-duration"
import { json, type Reply, type RouteContext } from "../context"
import { GraphApiError, requestErrors, tokenErrors } from "../errors"
import { accessTokenOf, stringParam } from "../http"
import { paginate } from "../paging"
import { resolveToken } from "../tokens"
import { allocateObjectId, type PageRecord, type World } from "../world"
import { fetchMedia } from "./media-fetch"
import { authorizePage, READ_SCOPES } from "./page-access"
import { fieldsParam, projectRecord, type Resolvers } from "./publishing-params"
import { DAY_MS, graphTime } from "./publishing-store"

/**
 * Facebook Page reels (https://developers.facebook.com/docs/video-api/guides/reels-publishing):
 * `POST /{page-id}/video_reels upload_phase=start` → `{ video_id, upload_url }`; the upload URL (Meta's
 * rupload.facebook.com/video-upload/{version}/{video-id}, here this server's /video-upload/…) takes a
 * hosted file (`Authorization: OAuth <page token>`, `file_url: <url>`), fetched and read at once;
 * `upload_phase=finish&video_id=…&video_state=PUBLISHED` publishes it. The guide's limits are held:
 * 3–90 seconds, 30 API-published reels per Page in a 24-hour moving window (enforced at finish, as the
 * guide says). Meta documents the rules, not the error texts for breaking them: those are the emulator's.
 */

export const REEL_MIN_SECONDS = 3
export const REEL_MAX_SECONDS = 90
export const REELS_PER_DAY = 30
/** What the emulator downloads of a hosted reel (Meta states no size; reels are short). */
const MAX_REEL_BYTES = 1024 * 1024 * 1024

export type ReelRecord = {
  id: string
  pageId: string
  /** Emulator clock (ms). */
  createdAt: number
  upload: "not_started" | "complete" | "error"
  uploadError?: string
  fileUrl?: string
  /** From the uploaded file's movie header; null when it is not an MP4/MOV the emulator can read. */
  durationSeconds?: number | null
  state: "uploading" | "published" | "draft"
  description?: string
  /** Emulator clock (ms). */
  publishedAt?: number
}

const reelWorlds = new WeakMap<World, Map<string, ReelRecord>>()

export function reelsOf(world: World): Map<string, ReelRecord> {
  let reels = reelWorlds.get(world)
  if (!reels) {
    reels = new Map()
    reelWorlds.set(world, reels)
  }
  return reels
}

const reelErrors = {
  unknownVideo: (id: string) => new GraphApiError({ code: 100, message: `(#100) ${id} is not a reel upload session of this Page. Start one with upload_phase=start.` }),
  notUploaded: () => new GraphApiError({ code: 6000, message: "(#6000) There was a problem uploading your video file. Please upload it before you finish." }),
  alreadyPublished: (id: string) => new GraphApiError({ code: 100, message: `(#100) The reel ${id} has already been published.` }),
  unreadable: () => new GraphApiError({ code: 352, message: "(#352) Sorry, the video file you selected is in a format that we don't support." }),
  duration: (seconds: number) =>
    new GraphApiError({
      code: 100,
      subcode: 1363130,
      message: `(#100) Reels must be ${REEL_MIN_SECONDS} to ${REEL_MAX_SECONDS} seconds long; this video is ${Math.round(seconds * 100) / 100} seconds.`,
      userTitle: "Video length not supported",
      userMessage: `Reels must be between ${REEL_MIN_SECONDS} and ${REEL_MAX_SECONDS} seconds long.`,
    }),
  limit: () =>
    new GraphApiError({
      code: 9,
      message: `(#9) This Page has published ${REELS_PER_DAY} reels through the API in the last 24 hours, the most the Reels API allows. Try again later.`,
    }),
  unfetchable: () => new GraphApiError({ code: 389, message: "(#389) Unable to fetch video file from URL." }),
}

function versionOf(pathname: string): string {
  return /^\/(v\d+\.\d+)\//.exec(pathname)?.[1] ?? "v25.0"
}

function publishedInWindow(world: World, pageId: string, nowMs: number): number {
  let count = 0
  for (const reel of reelsOf(world).values()) {
    if (reel.pageId === pageId && reel.state === "published" && (reel.publishedAt ?? 0) > nowMs - DAY_MS) count += 1
  }
  return count
}

function start(ctx: RouteContext, page: PageRecord): Reply {
  const reel: ReelRecord = { id: allocateObjectId(ctx.world), pageId: page.id, createdAt: ctx.now(), upload: "not_started", state: "uploading" }
  reelsOf(ctx.world).set(reel.id, reel)
  return json({ video_id: reel.id, upload_url: `${ctx.request.origin}/video-upload/${versionOf(ctx.request.pathname)}/${reel.id}` })
}

function finish(ctx: RouteContext, page: PageRecord): Reply {
  const params = ctx.request.params
  const videoId = stringParam(params, "video_id")
  if (!videoId) throw requestErrors.missingParam("video_id")
  const reel = reelsOf(ctx.world).get(videoId)
  if (!reel || reel.pageId !== page.id) throw reelErrors.unknownVideo(videoId)
  const videoState = stringParam(params, "video_state") ?? "PUBLISHED"
  if (videoState !== "PUBLISHED" && videoState !== "DRAFT") throw requestErrors.invalidParam("Param video_state must be one of {PUBLISHED, DRAFT}")
  if (reel.state === "published") throw reelErrors.alreadyPublished(reel.id)
  if (reel.upload !== "complete") throw reelErrors.notUploaded()
  if (reel.durationSeconds === null || reel.durationSeconds === undefined) throw reelErrors.unreadable()
  if (reel.durationSeconds < REEL_MIN_SECONDS || reel.durationSeconds > REEL_MAX_SECONDS) throw reelErrors.duration(reel.durationSeconds)
  const now = ctx.now()
  if (videoState === "PUBLISHED" && publishedInWindow(ctx.world, page.id, now) >= REELS_PER_DAY) throw reelErrors.limit()
  const description = stringParam(params, "description")
  if (description) reel.description = description
  reel.state = videoState === "PUBLISHED" ? "published" : "draft"
  if (reel.state === "published") reel.publishedAt = now
  return json({ success: true })
}

function createOrFinish(ctx: RouteContext, page: PageRecord): Reply {
  const phase = stringParam(ctx.request.params, "upload_phase")
  if (phase === "start") return start(ctx, page)
  if (phase === "finish") return finish(ctx, page)
  throw requestErrors.invalidParam("Param upload_phase must be one of {start, finish}")
}

/** The Video node's `status`, phase by phase (reels publishing guide, step 4). */
function statusOf(reel: ReelRecord): Record<string, unknown> {
  const uploaded = reel.upload === "complete"
  const published = reel.state === "published"
  return {
    video_status: reel.upload === "error" ? "error" : published ? "ready" : uploaded ? "upload_complete" : "uploading",
    uploading_phase: {
      status: reel.upload === "not_started" ? "in_progress" : reel.upload,
      ...(reel.uploadError ? { errors: [{ code: 389, message: reel.uploadError }] } : {}),
    },
    processing_phase: { status: reel.state === "uploading" ? "not_started" : "complete" },
    publishing_phase: {
      status: published ? "complete" : "not_started",
      publish_status: published ? "published" : reel.state === "draft" ? "draft" : "not_published",
      ...(reel.publishedAt ? { publish_time: graphTime(reel.publishedAt) } : {}),
    },
  }
}

const REEL_RESOLVERS: Resolvers<ReelRecord> = {
  id: (r) => r.id,
  description: (r) => r.description,
  created_time: (r) => graphTime(r.createdAt),
  updated_time: (r) => graphTime(r.publishedAt ?? r.createdAt),
  // Graph answers a Video's permalink as a path.
  permalink_url: (r) => (r.state === "published" ? `/reel/${r.id}/` : undefined),
  length: (r) => r.durationSeconds ?? undefined,
  status: (r) => statusOf(r),
}

function listReels(ctx: RouteContext, page: PageRecord): Reply {
  const rows = [...reelsOf(ctx.world).values()]
    .filter((r) => r.pageId === page.id && r.state === "published")
    .sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0) || Number(b.id) - Number(a.id))
  const paged = paginate(rows, (r) => r.id, ctx.request)
  const fields = fieldsParam(ctx.request.params)
  return json({ ...paged, data: paged.data.map((r) => projectRecord(r, REEL_RESOLVERS, fields, ["id", "description", "updated_time"], "Video")) })
}

/** "<METHOD> video_reels" of /{page-id}/video_reels. */
export const REEL_EDGES = {
  "POST video_reels": createOrFinish,
  "GET video_reels": listReels,
} as const

/** GET /{video-id} of a reel. */
export function reelNode(ctx: RouteContext, reel: ReelRecord): Reply | undefined {
  const page = ctx.world.pages[reel.pageId]
  if (!page || ctx.request.method !== "GET") return undefined
  authorizePage(ctx, page, reel.id, "read", READ_SCOPES)
  return json(projectRecord(reel, REEL_RESOLVERS, fieldsParam(ctx.request.params), ["id", "description", "updated_time"], "Video"))
}

/**
 * POST /video-upload/{version}/{video-id} (rupload): the Page token in `Authorization: OAuth …` (no
 * appsecret_proof: the upload host does not take one) and the hosted file in `file_url`.
 */
export async function handleReelUpload(ctx: RouteContext): Promise<Reply> {
  const [, , videoId] = ctx.segments
  const reel = videoId ? reelsOf(ctx.world).get(videoId) : undefined
  const token = accessTokenOf(ctx.request)
  if (!token) throw tokenErrors.missing()
  const record = resolveToken(ctx.world, token, ctx.now())
  if (!reel) throw reelErrors.unknownVideo(videoId ?? "")
  if (record.type !== "PAGE" || record.pageId !== reel.pageId) {
    throw new GraphApiError({ code: 210, message: "(#210) A page access token of the reel's Page is required to upload it." })
  }
  const fileUrl = ctx.request.fileUrl
  if (!fileUrl) throw requestErrors.missingParam("file_url")
  const fetched = await fetchMedia(fileUrl, MAX_REEL_BYTES)
  if (fetched.kind !== "fetched") {
    reel.upload = "error"
    reel.uploadError = "Unable to fetch video file from URL."
    throw reelErrors.unfetchable()
  }
  const bytes = fetched.bytes
  const duration = await readVideoDuration(async (at, length) => (at < bytes.length ? new Uint8Array(bytes.subarray(at, at + length)) : null))
  reel.fileUrl = fileUrl
  reel.upload = "complete"
  reel.durationSeconds = duration.seconds
  return json({ success: true })
}

/** Whether the call is a rupload of a reel (`/video-upload/{version}/{video-id}`). */
export function isReelUpload(ctx: RouteContext): boolean {
  return ctx.request.method === "POST" && ctx.segments[0] === "video-upload" && ctx.segments.length === 3
}
