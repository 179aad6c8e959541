import { authenticate } from "../auth"
import type { RouteContext } from "../context"
import { GraphApiError, requestErrors } from "../errors"
import { canSee, requireAnyScope } from "../nodes"
import type { PageRecord } from "../world"

/**
 * Who may call Page publishing (https://developers.facebook.com/docs/pages-api/posts): writes need a Page
 * access token of that Page with pages_manage_posts + pages_read_engagement (comments:
 * pages_manage_engagement); reads accept any token that can see the Page, with pages_read_engagement.
 */

const tokenErrors = {
  /** What Graph answers a user token posting to a Page's feed. */
  postingNeedsPageToken: () =>
    new GraphApiError({
      code: 200,
      message:
        "(#200) If posting to a group, requires app being installed in the group, and either publish_to_groups permission with user token, or both pages_read_engagement and pages_manage_posts permission with page token; If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission",
    }),
  pageTokenRequired: () => new GraphApiError({ code: 210, message: "(#210) A page access token is required to request this resource." }),
}

export type Access = "read" | "post" | "page_token"

/**
 * read: any token that can see the Page, with pages_read_engagement. post (feed, photos, videos) and
 * page_token (scheduled_posts, comments): a Page token of this Page, else code 200 / 210 like Graph.
 */
export function authorizePage(ctx: RouteContext, page: PageRecord, id: string, access: Access, scopes: string[][]): void {
  const caller = authenticate(ctx)
  if (!canSee(ctx.world, caller, { type: "Page", record: page })) throw requestErrors.unsupported(ctx.request.method, id)
  ctx.usage.objectId = page.id
  ctx.usage.bucType = "pages"
  if (access !== "read" && (caller.kind !== "token" || caller.token.type !== "PAGE")) {
    throw access === "post" ? tokenErrors.postingNeedsPageToken() : tokenErrors.pageTokenRequired()
  }
  for (const anyOf of scopes) requireAnyScope(caller, anyOf)
}

export const POST_SCOPES = [["pages_manage_posts"], ["pages_read_engagement"]]
export const READ_SCOPES = [["pages_read_engagement"]]
export const ENGAGE_SCOPES = [["pages_manage_engagement"], ["pages_read_engagement"]]
