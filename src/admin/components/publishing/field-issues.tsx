import { Hint, Text } from "@medusajs/ui"
import type { MetaPublicationIssue } from "../../../types/http/publishing"

/** What the validate route found about one field: errors (they block saving) in red, warnings in orange. */
export const FieldIssues = ({ issues }: { issues: MetaPublicationIssue[] }) =>
  issues.length ? (
    <ul className="flex flex-col gap-y-1" data-testid="meta-compose-issues">
      {issues.map((issue, index) => (
        <li key={index}>
          {issue.severity === "error" ? (
            <Hint variant="error">{issue.message}</Hint>
          ) : (
            <Text size="xsmall" className="text-ui-tag-orange-text">
              {issue.message}
            </Text>
          )}
        </li>
      ))}
    </ul>
  ) : null

const FORM_FIELDS = ["account_id", "kind", "caption", "media", "first_comment", "scheduled_at", "product_ids"]
const MEDIA_ENTRY = /^media\.(\d+)(\..+)?$/

export const issuesAt = (issues: MetaPublicationIssue[], field: string) => issues.filter((issue) => issue.field === field)

/** Issues about the product tags, any tag or field of one (shown under the tags). */
export const productTagIssuesOf = (issues: MetaPublicationIssue[]) =>
  issues.filter((issue) => issue.field === "product_tags" || issue.field.startsWith("product_tags."))

/** A media entry's issues, but for its alt text (shown under the alt text input). */
export const mediaEntryIssues = (issues: MetaPublicationIssue[], index: number) =>
  issues.filter((issue) => {
    const match = MEDIA_ENTRY.exec(issue.field)
    return match && Number(match[1]) === index && match[2] !== ".alt_text"
  })

/** Issues about no field the form shows: listed at its top. */
export const unplacedIssues = (issues: MetaPublicationIssue[], mediaCount: number) =>
  issues.filter((issue) => {
    const match = MEDIA_ENTRY.exec(issue.field)
    if (issue.field.startsWith("product_tags")) return false
    return match ? Number(match[1]) >= mediaCount : !FORM_FIELDS.includes(issue.field)
  })
