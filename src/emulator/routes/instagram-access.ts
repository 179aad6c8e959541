import { authenticate } from "../auth"
import type { Caller, RouteContext } from "../context"
import { requestErrors } from "../errors"
import { canSee, requireAnyScope } from "../nodes"
import type { IgAccountRecord } from "../world"

/**
 * Who may call Instagram publishing (https://developers.facebook.com/docs/instagram-platform/content-publishing):
 * instagram_basic + instagram_content_publish (comments: instagram_manage_comments), with a token that can
 * act for the IG account's Page. Meta answers missing Instagram permissions with code 10.
 */

/** Caller of an IG user's edge: the Page token, or a user/system-user token that can see the Page. */
export function authorizeIg(ctx: RouteContext, ig: IgAccountRecord, id: string, scopes: string[][]): Caller {
  const caller = authenticate(ctx)
  if (!canSee(ctx.world, caller, { type: "IGUser", record: ig })) throw requestErrors.unsupported(ctx.request.method, id)
  for (const anyOf of scopes) requireAnyScope(caller, anyOf, 10)
  ctx.usage.objectId = ig.id
  ctx.usage.bucType = "instagram"
  return caller
}

export const PUBLISH_SCOPES = [["instagram_basic"], ["instagram_content_publish"]]
export const READ_SCOPES = [["instagram_basic"]]
export const COMMENT_SCOPES = [["instagram_basic"], ["instagram_manage_comments"]]
