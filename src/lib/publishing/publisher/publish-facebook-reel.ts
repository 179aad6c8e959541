import { finishPublished, leasedPersist, underLease, type Persist } from "./lease"
import { ContainerError, type GraphPort, type PublicationWork, type PublishOutcome, type SaveProgress } from "./types"

/**
 * Facebook Page reels, as Meta's Reels Publishing API describes them
 * (https://developers.facebook.com/docs/video-api/guides/reels-publishing):
 * 1. `POST /{page-id}/video_reels upload_phase=start` → `video_id` + `upload_url`;
 * 2. upload a hosted file: `POST {upload_url}` with `Authorization: OAuth <page token>` and `file_url: <url>`;
 * 3. `POST /{page-id}/video_reels upload_phase=finish&video_id=…&video_state=PUBLISHED&description=…`;
 * 4. `GET /{video-id}?fields=status` until `publishing_phase` is complete, then the permalink.
 * Only step 3 makes anything public. The video id is saved the moment start answers (as `container_id`)
 * and `publish_requested_at` before finish goes out; a repeat after a lost answer reads the video's
 * status first and finishes again only when Meta says the reel was never published — never a second reel.
 * The reel is kept by its video id (`meta_post_id`), which comments and video insights take.
 */

/** The Video node's `status` (reels publishing guide, step 4). */
export type ReelStatus = {
  video_status?: string
  uploading_phase?: { status?: string; errors?: { code?: number; message?: string }[] }
  processing_phase?: { status?: string; errors?: { code?: number; message?: string }[] }
  publishing_phase?: { status?: string; publish_status?: string; errors?: { code?: number; message?: string }[] }
}

export type ReelState = "published" | "publishing" | "uploaded" | "not_uploaded" | { error: string }

/** What the status says about the reel: out, on its way, ready to finish, not uploaded, or failed. */
export function reelState(status: ReelStatus | undefined): ReelState {
  const phases = [status?.uploading_phase, status?.processing_phase, status?.publishing_phase]
  const failed = phases.find((p) => p?.status === "error")
  if (failed || status?.video_status === "error") {
    return { error: failed?.errors?.[0]?.message ?? "Facebook could not process the video." }
  }
  const publishing = status?.publishing_phase
  if (publishing?.publish_status === "published" || publishing?.status === "complete") return "published"
  if (publishing?.status === "in_progress") return "publishing"
  return status?.uploading_phase?.status === "complete" ? "uploaded" : "not_uploaded"
}

export type ReelPublishOptions = {
  now: () => Date
  /** How long one attempt waits for Meta to publish after finish before handing back "not_ready". */
  pollBudgetMs: number
  pollDelayMs: number
  sleep: (ms: number) => Promise<void>
}

function description(work: PublicationWork): string | undefined {
  return work.caption?.trim() || undefined
}

async function readState(graph: GraphPort, videoId: string): Promise<ReelState> {
  const video = await graph.get<{ id: string; status?: ReelStatus }>(videoId, { fields: "id,status" })
  return reelState(video.status)
}

/** A fresh upload session and the file sent to it; an unfinished session is never public, so a new one costs nothing. */
async function startAndUpload(graph: GraphPort, pageId: string, work: PublicationWork, persist: Persist): Promise<void> {
  if (!graph.upload) throw new Error("This Graph port cannot upload files.")
  const session = await graph.post<{ video_id: string; upload_url: string }>(`${pageId}/video_reels`, { upload_phase: "start" })
  await persist({ container_id: session.video_id })
  await graph.upload<{ success?: boolean }>(session.upload_url, { file_url: work.media[0].url })
}

export async function publishFacebookReel(
  graph: GraphPort,
  pageId: string,
  work: PublicationWork,
  save: SaveProgress,
  options: ReelPublishOptions
): Promise<PublishOutcome> {
  const persist = leasedPersist(work, save)
  return underLease(async () => {
    let state: ReelState | undefined
    if (!work.meta_post_id && work.container_id) {
      // An earlier attempt got this far; Meta's status says what happened since (a finish may have gone out).
      state = await readState(graph, work.container_id)
      if (typeof state === "object") throw new ContainerError(state.error, undefined, work.container_id)
      if (state === "published") await persist({ meta_post_id: work.container_id })
      else if (state === "publishing") return waitForPublish(graph, work, persist, options)
      else if (work.publish_requested_at) await persist({ publish_requested_at: null })
    }
    if (!work.meta_post_id) {
      if (state !== "uploaded") await startAndUpload(graph, pageId, work, persist)
      const text = description(work)
      await persist({ publish_requested_at: options.now() })
      await graph.post<{ success?: boolean }>(`${pageId}/video_reels`, {
        upload_phase: "finish",
        video_id: work.container_id,
        video_state: "PUBLISHED",
        ...(text ? { description: text } : {}),
      })
      return waitForPublish(graph, work, persist, options)
    }
    return finishReel(graph, work, persist)
  })
}

/** Meta answers a Video's permalink_url as a path ("/{page-id}/videos/{id}/"); kept as a full URL. */
async function finishReel(graph: GraphPort, work: PublicationWork, persist: Persist): Promise<PublishOutcome> {
  if (!work.permalink && work.meta_post_id) {
    const video = await graph.get<{ permalink_url?: string }>(work.meta_post_id, { fields: "id,permalink_url" })
    if (video.permalink_url) await persist({ permalink: new URL(video.permalink_url, "https://www.facebook.com").toString() })
  }
  return finishPublished(graph, work, persist, "permalink_url")
}

/** After finish: Meta publishes the reel once it is processed; polled within the budget, then left to the next run. */
async function waitForPublish(graph: GraphPort, work: PublicationWork, persist: Persist, options: ReelPublishOptions): Promise<PublishOutcome> {
  const videoId = work.container_id as string
  const started = Date.now()
  for (;;) {
    const state = await readState(graph, videoId)
    if (typeof state === "object") throw new ContainerError(state.error, undefined, videoId)
    if (state === "published") {
      await persist({ meta_post_id: videoId })
      return finishReel(graph, work, persist)
    }
    if (Date.now() - started + options.pollDelayMs > options.pollBudgetMs) return { outcome: "not_ready", retryInMs: options.pollDelayMs }
    await options.sleep(options.pollDelayMs)
  }
}
