import { json, type Reply, type RouteContext } from "../context"
import { requestErrors } from "../errors"
import { stringParam } from "../http"
import { paginate } from "../paging"
import { allocateObjectId, type IgAccountRecord, type World } from "../world"
import { authorizeIg, COMMENT_SCOPES } from "./instagram-access"
import { boolParam, fieldsParam, projectRecord, type Resolvers } from "./publishing-params"
import { graphTime, publishingOf, type CommentRecord } from "./publishing-store"

/**
 * Comments on published IG media: POST /{ig-media-id}/comments (the "first comment"),
 * POST /{ig-comment-id}/replies, POST /{ig-comment-id} hide=true|false, GET and DELETE
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment).
 */

function commentResolvers(world: World): Resolvers<CommentRecord> {
  return {
    id: (c) => c.id,
    text: (c) => c.message,
    timestamp: (c) => graphTime(c.createdAt),
    username: (c) => c.from.name,
    from: (c) => ({ id: c.from.id, username: c.from.name }),
    hidden: (c) => c.hidden,
    like_count: () => 0,
    media: (c) => ({ id: c.objectId }),
    parent_id: (c) => c.parentId,
    replies: (c) => ({
      data: [...publishingOf(world).comments.values()].filter((r) => r.parentId === c.id).map((r) => ({ id: r.id, text: r.message })),
    }),
  }
}

export function addComment(ctx: RouteContext, ig: IgAccountRecord, objectId: string, parentId?: string): Reply {
  const message = stringParam(ctx.request.params, "message")
  if (!message) throw requestErrors.missingParam("message")
  const comment: CommentRecord = {
    id: allocateObjectId(ctx.world),
    platform: "instagram",
    ownerId: ig.id,
    objectId,
    ...(parentId ? { parentId } : {}),
    message,
    from: { id: ig.id, name: ig.username },
    createdAt: ctx.now(),
    hidden: false,
  }
  publishingOf(ctx.world).comments.set(comment.id, comment)
  return json({ id: comment.id })
}

export function listComments(ctx: RouteContext, filter: (c: CommentRecord) => boolean): Reply {
  const rows = [...publishingOf(ctx.world).comments.values()].filter(filter).sort((a, b) => a.createdAt - b.createdAt)
  const page = paginate(rows, (c) => c.id, ctx.request)
  const resolvers = commentResolvers(ctx.world)
  const fields = fieldsParam(ctx.request.params)
  return json({ ...page, data: page.data.map((c) => projectRecord(c, resolvers, fields, ["timestamp", "text", "id"], "IGComment")) })
}

export function commentNode(ctx: RouteContext, comment: CommentRecord, ig: IgAccountRecord, edge: string | undefined): Reply | undefined {
  const method = ctx.request.method
  if (edge === "replies") {
    authorizeIg(ctx, ig, comment.id, COMMENT_SCOPES)
    if (method === "GET") return listComments(ctx, (c) => c.parentId === comment.id)
    if (method !== "POST") return undefined
    if (comment.parentId) throw requestErrors.invalidParam("Replies can only be made to top-level comments")
    return addComment(ctx, ig, comment.objectId, comment.id)
  }
  if (edge !== undefined) return undefined
  authorizeIg(ctx, ig, comment.id, COMMENT_SCOPES)
  if (method === "GET") return json(projectRecord(comment, commentResolvers(ctx.world), fieldsParam(ctx.request.params), ["timestamp", "text", "id"], "IGComment"))
  if (method === "DELETE") {
    publishingOf(ctx.world).comments.delete(comment.id)
    return json({ success: true })
  }
  if (method !== "POST") return undefined
  if (ctx.request.params.hide === undefined) throw requestErrors.missingParam("hide")
  comment.hidden = boolParam(ctx.request.params, "hide", false)
  return json({ success: true })
}
