import { LostLeaseError, type GraphPort, type PublicationPatch, type PublicationWork, type PublishOutcome, type SaveProgress } from "./types"

/** Writes progress and mirrors it on the work in hand; a refused write ends the attempt (LostLeaseError). */
export type Persist = (patch: PublicationPatch) => Promise<void>

export function leasedPersist(work: PublicationWork, save: SaveProgress): Persist {
  return async (patch) => {
    if (!(await save(patch))) throw new LostLeaseError("the publication changed or its lease was taken")
    Object.assign(work, patch)
  }
}

/** Runs one attempt; a lost lease (an edit, a cancel, another process) stops it without a trace. */
export async function underLease(attempt: () => Promise<PublishOutcome>): Promise<PublishOutcome> {
  try {
    return await attempt()
  } catch (error) {
    if (error instanceof LostLeaseError) return { outcome: "aborted" }
    throw error
  }
}

/**
 * The optional first comment, posted once: a failure (or a lost answer) is reported, not retried, since
 * a repeat could leave two identical comments under the post.
 */
export async function postFirstComment(graph: GraphPort, work: PublicationWork, persist: Persist): Promise<unknown> {
  if (!work.first_comment || work.first_comment_id || !work.meta_post_id) return undefined
  try {
    const comment = await graph.post<{ id: string }>(`${work.meta_post_id}/comments`, { message: work.first_comment })
    await persist({ first_comment_id: comment.id })
    return undefined
  } catch (error) {
    if (error instanceof LostLeaseError) throw error
    await persist({ first_comment_id: "" })
    return error
  }
}

/** After the post exists: its permalink (read under the given field name), then the first comment. */
export async function finishPublished(
  graph: GraphPort,
  work: PublicationWork,
  persist: Persist,
  permalinkField: "permalink" | "permalink_url"
): Promise<PublishOutcome> {
  if (!work.permalink && work.meta_post_id) {
    const post = await graph.get<Record<string, string | undefined>>(work.meta_post_id, { fields: `id,${permalinkField}` })
    if (post[permalinkField]) await persist({ permalink: post[permalinkField] as string })
  }
  const firstCommentError = await postFirstComment(graph, work, persist)
  return { outcome: "published", meta_post_id: work.meta_post_id, permalink: work.permalink, first_comment_error: firstCommentError }
}
