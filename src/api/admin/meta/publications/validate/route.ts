import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_PUBLISHING_MODULE } from "../../../../../modules/meta-publishing"
import type { MetaPublicationValidateResponse } from "../../../../../types/http/publishing"
import { publicationIssues } from "../../../../../workflows/publishing/steps/validate-meta-publication"
import { resolveMedia } from "../../../../../workflows/publishing/steps/resolve-publication-media"
import type { PostMetaPublicationType } from "../validators"

/** The checks of a create, without creating anything or calling Meta: what the compose drawer shows as you type. */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaPublicationType>,
  res: MedusaResponse<MetaPublicationValidateResponse>
) => {
  const body = req.validatedBody
  const media = await Promise.all(body.media.map((m) => resolveMedia(m.url ?? "", m.alt_text ?? null)))
  const issues = await publicationIssues(req.scope.resolve(META_PUBLISHING_MODULE), { ...body, media })
  res.json({ valid: !issues.some((i) => i.severity === "error"), issues })
}
