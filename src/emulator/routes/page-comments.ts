import { json, type Reply, type RouteContext } from "../context"
import { requestErrors } from "../errors"
import { stringParam } from "../http"
import { paginate } from "../paging"
import { allocateObjectId, type PageRecord } from "../world"
import { authorizePage, ENGAGE_SCOPES, READ_SCOPES } from "./page-access"
import { boolParam, fieldsParam, projectRecord, type Resolvers } from "./publishing-params"
import { graphTime, publishingOf, type CommentRecord } from "./publishing-store"

/**
 * Comments on Page posts (https://developers.facebook.com/docs/graph-api/reference/object/comments):
 * POST /{post-id}/comments (the "first comment"), POST /{comment-id}/comments (a reply),
 * POST /{comment-id} is_hidden=true|false, GET and DELETE. Comments are made as the Page.
 */

const COMMENT_RESOLVERS: Resolvers<CommentRecord> = {
  id: (c) => c.id,
  message: (c) => c.message,
  created_time: (c) => graphTime(c.createdAt),
  from: (c) => c.from,
  is_hidden: (c) => c.hidden,
  parent: (c) => (c.parentId ? { id: c.parentId } : undefined),
  like_count: () => 0,
}
const COMMENT_DEFAULTS = ["created_time", "from", "message", "id"]

export function addComment(ctx: RouteContext, page: PageRecord, postId: string, parentId?: string): Reply {
  const message = stringParam(ctx.request.params, "message")
  if (!message) throw requestErrors.missingParam("message")
  const comment: CommentRecord = {
    id: `${postId.split("_")[1]}_${allocateObjectId(ctx.world)}`,
    platform: "facebook",
    ownerId: page.id,
    objectId: postId,
    ...(parentId ? { parentId } : {}),
    message,
    from: { id: page.id, name: page.name },
    createdAt: ctx.now(),
    hidden: false,
  }
  publishingOf(ctx.world).comments.set(comment.id, comment)
  return json({ id: comment.id })
}

export function listComments(ctx: RouteContext, filter: (c: CommentRecord) => boolean): Reply {
  const rows = [...publishingOf(ctx.world).comments.values()].filter(filter).sort((a, b) => a.createdAt - b.createdAt)
  const paged = paginate(rows, (c) => c.id, ctx.request)
  const fields = fieldsParam(ctx.request.params)
  return json({ ...paged, data: paged.data.map((c) => projectRecord(c, COMMENT_RESOLVERS, fields, COMMENT_DEFAULTS, "Comment")) })
}

export function commentNode(ctx: RouteContext, page: PageRecord, comment: CommentRecord, edge: string | undefined): Reply | undefined {
  const method = ctx.request.method
  if (edge === "comments") {
    if (method === "GET") {
      authorizePage(ctx, page, comment.id, "read", READ_SCOPES)
      return listComments(ctx, (c) => c.parentId === comment.id)
    }
    if (method !== "POST") return undefined
    authorizePage(ctx, page, comment.id, "page_token", ENGAGE_SCOPES)
    return addComment(ctx, page, comment.objectId, comment.parentId ?? comment.id)
  }
  if (edge !== undefined) return undefined
  if (method === "GET") {
    authorizePage(ctx, page, comment.id, "read", READ_SCOPES)
    return json(projectRecord(comment, COMMENT_RESOLVERS, fieldsParam(ctx.request.params), COMMENT_DEFAULTS, "Comment"))
  }
  if (method !== "POST" && method !== "DELETE") return undefined
  authorizePage(ctx, page, comment.id, "page_token", ENGAGE_SCOPES)
  if (method === "DELETE") {
    publishingOf(ctx.world).comments.delete(comment.id)
    return json({ success: true })
  }
  const params = ctx.request.params
  if (params.is_hidden === undefined && params.message === undefined) throw requestErrors.missingParam("is_hidden")
  if (params.is_hidden !== undefined) comment.hidden = boolParam(params, "is_hidden", false)
  const message = stringParam(params, "message")
  if (message) comment.message = message
  return json({ success: true })
}
