/**
 * A lead's answers as the merchant reads them: Meta's standard questions under their usual labels and
 * first, the merchant's own questions after them in the form's order
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving: `field_data` names the
 * standard questions email, full_name, phone_number, … and custom ones by the key the merchant gave).
 */
export type LeadAnswerRow = { key: string; label: string; value: string }

const STANDARD_LABELS: [key: string, label: string][] = [
  ["full_name", "Full name"],
  ["first_name", "First name"],
  ["last_name", "Last name"],
  ["email", "Email"],
  ["work_email", "Work email"],
  ["phone_number", "Phone number"],
  ["work_phone_number", "Work phone number"],
  ["street_address", "Street address"],
  ["city", "City"],
  ["state", "State"],
  ["province", "Province"],
  ["zip_code", "ZIP code"],
  ["post_code", "Postcode"],
  ["country", "Country"],
  ["date_of_birth", "Date of birth"],
  ["gender", "Gender"],
  ["marital_status", "Relationship status"],
  ["job_title", "Job title"],
  ["company_name", "Company name"],
]
const STANDARD = new Map(STANDARD_LABELS)
const ORDER = new Map(STANDARD_LABELS.map(([key], index) => [key, index]))

/** "favourite_colour" → "Favourite colour"; a question written with spaces keeps its words. */
export function leadQuestionLabel(key: string): string {
  const known = STANDARD.get(key.toLowerCase())
  if (known) return known
  const words = key.replace(/[_\s]+/g, " ").trim()
  if (!words) return "Question"
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function answerText(value: unknown): string {
  if (Array.isArray(value)) return value.map(answerText).filter(Boolean).join(", ")
  if (typeof value === "string") return value.trim()
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  return ""
}

/** The answers in reading order; empty answers are left out. */
export function leadAnswerRows(answers: Record<string, unknown> | null | undefined): LeadAnswerRow[] {
  const entries = Object.entries(answers && typeof answers === "object" ? answers : {})
  const rows = entries
    .map(([key, value], index) => ({ key, label: leadQuestionLabel(key), value: answerText(value), index }))
    .filter((row) => row.value !== "")
  rows.sort((a, b) => {
    const oa = ORDER.get(a.key.toLowerCase()) ?? ORDER.size + a.index
    const ob = ORDER.get(b.key.toLowerCase()) ?? ORDER.size + b.index
    return oa - ob
  })
  return rows.map(({ key, label, value }) => ({ key, label, value }))
}

/** Who sent the lead, for a list: the customer's name, else the form's name, email or phone answer. */
export function leadPersonLabel(lead: {
  customer?: { name: string | null; email: string | null; phone: string | null } | null
  answers: Record<string, unknown> | null | undefined
}): string {
  const answers = lead.answers && typeof lead.answers === "object" ? lead.answers : {}
  const first = (...keys: string[]) => keys.map((k) => answerText(answers[k])).find(Boolean)
  const fromParts = [first("first_name"), first("last_name")].filter(Boolean).join(" ")
  return (
    lead.customer?.name ||
    first("full_name", "name") ||
    fromParts ||
    lead.customer?.email ||
    first("email", "work_email") ||
    lead.customer?.phone ||
    first("phone_number", "work_phone_number") ||
    "Name not given"
  )
}

/** A consent key as a label: "marketing_terms" → "Marketing terms". */
export function leadConsentRows(consents: Record<string, unknown> | null | undefined): { key: string; label: string; accepted: boolean }[] {
  return Object.entries(consents && typeof consents === "object" ? consents : {}).map(([key, accepted]) => ({
    key,
    label: leadQuestionLabel(key),
    accepted: accepted === true,
  }))
}
