import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { validatePublication } from "../../../lib/publishing"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import type { MetaPublicationIssue, MetaPublicationKind, MetaPublicationProductTag } from "../../../types/http/publishing"
import type { ResolvedMedia } from "./resolve-publication-media"

export type PublicationDraftInput = {
  account_id: string
  kind: MetaPublicationKind
  caption?: string | null
  media: ResolvedMedia[]
  first_comment?: string | null
  scheduled_at?: string | Date | null
  /** Products shown: a Facebook post links to the first one; Instagram tags them where it can. */
  product_ids?: string[] | null
  product_tags?: MetaPublicationProductTag[] | null
}

/** Every check we can make before Meta sees the post: the account and its platform, then the kind's rules. */
export async function publicationIssues(
  publishing: MetaPublishingModuleService,
  draft: PublicationDraftInput
): Promise<MetaPublicationIssue[]> {
  const [account] = await publishing.listMetaPublishingAccounts({ id: draft.account_id })
  if (!account) return [{ field: "account_id", message: `There is no publishing account ${draft.account_id}.`, severity: "error" }]
  const issues: MetaPublicationIssue[] = []
  if (!draft.kind.startsWith(`${account.platform}_`)) {
    issues.push({ field: "kind", message: `${draft.kind} cannot be published to a ${account.platform === "instagram" ? "Instagram account" : "Facebook Page"}.`, severity: "error" })
  }
  if (!account.enabled) {
    issues.push({ field: "account_id", message: `Publishing is off for ${account.name}; turn it on under Publishing → Accounts.`, severity: "warning" })
  }
  issues.push(
    ...validatePublication(
      {
        kind: draft.kind,
        caption: draft.caption ?? null,
        media: draft.media.map((m) => ({
          url: m.url,
          alt_text: m.alt_text,
          probe: m.type
            ? { type: m.type, mime: m.mime, width: m.width, height: m.height, bytes: m.bytes, duration_seconds: m.duration_seconds ?? null, duration_error: m.duration_error ?? null }
            : null,
          probe_error: m.probe_error,
        })),
        first_comment: draft.first_comment ?? null,
        scheduled_at: draft.scheduled_at ?? null,
        // The storefront link is built from the first product when the publication is saved.
        link: draft.product_ids?.length ? `product:${draft.product_ids[0]}` : null,
        product_ids: draft.product_ids ?? null,
        product_tags: draft.product_tags ?? null,
      },
      { now: new Date() }
    )
  )
  return issues
}

/** Refuses a draft with errors: 400 naming the first field and listing every error. */
export const validateMetaPublicationStep = createStep(
  "validate-meta-publication",
  async (draft: PublicationDraftInput, { container }) => {
    const issues = await publicationIssues(container.resolve(META_PUBLISHING_MODULE), draft)
    const errors = issues.filter((i) => i.severity === "error")
    if (errors.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, errors.map((e) => `${e.field}: ${e.message}`).join(" "))
    }
    return new StepResponse(issues)
  }
)
