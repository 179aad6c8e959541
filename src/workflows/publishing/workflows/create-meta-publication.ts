import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import type { MetaPublicationCreateBody } from "../../../types/http/publishing"
import { createMetaPublicationStep } from "../steps/create-meta-publication"
import { resolvePublicationMediaStep } from "../steps/resolve-publication-media"
import { validateMetaPublicationStep } from "../steps/validate-meta-publication"

/** A draft (no time) or a scheduled publication, refused with every problem named when it cannot be published. */
export const createMetaPublicationWorkflow = createWorkflow(
  "create-meta-publication",
  (input: MetaPublicationCreateBody) => {
    const media = resolvePublicationMediaStep({ media: input.media })
    const draft = transform({ input, media }, ({ input, media }) => ({ ...input, media }))
    const issues = validateMetaPublicationStep(draft)
    const publication = createMetaPublicationStep(draft)
    return new WorkflowResponse({ publication, issues })
  }
)
