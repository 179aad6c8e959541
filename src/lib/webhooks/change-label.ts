import { classifyChange } from "./classify-change"

/** What a logged webhook change was, in the merchant's words (Meta's object/field stay in the drawer). */
export function webhookChangeLabel(change: { object: string; field: string; payload: unknown }): string {
  switch (classifyChange(change.object, change.field, change.payload)) {
    case "leadgen":
      return "Lead-form submission"
    case "page_comment":
      return "Comment on your Facebook Page"
    case "instagram_comment":
      return "Comment on Instagram"
    case "instagram_mention":
      return "Mention on Instagram"
    case "permissions":
      return `Permission change (${change.field})`
    default:
      return `Other update (${change.object} / ${change.field})`
  }
}
