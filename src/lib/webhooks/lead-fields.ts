/**
 * A lead as Graph returns it (`GET /{leadgen_id}?fields=…`, https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving): standard questions arrive
 * in `field_data` under Meta's names (email, phone_number, full_name, first_name, last_name), custom
 * questions under the names the merchant gave them, and custom disclaimer checkboxes in
 * `custom_disclaimer_responses`.
 */
export const LEAD_FIELDS =
  "created_time,field_data,ad_id,adset_id,campaign_id,form_id,platform,is_organic,custom_disclaimer_responses"

export type LeadFieldDatum = { name?: unknown; values?: unknown }
export type GraphLead = {
  id?: unknown
  created_time?: unknown
  field_data?: unknown
  custom_disclaimer_responses?: unknown
  ad_id?: unknown
  adset_id?: unknown
  campaign_id?: unknown
  form_id?: unknown
  platform?: unknown
  is_organic?: unknown
}

export type LeadConsent = { key: string; accepted: boolean }

export type LeadCustomerFields = {
  email: string | null
  phone: string | null
  first_name: string | null
  last_name: string | null
  /** Every question and its answer(s), custom ones included (one answer → a string). */
  answers: Record<string, string | string[]>
  consents: LeadConsent[]
}

const EMAIL_FIELDS = ["email", "work_email", "email_address"]
const PHONE_FIELDS = ["phone_number", "phone", "work_phone_number", "mobile_number"]
/** Names of questions a merchant typically uses for an opt-in (custom questions with yes/no answers). */
const CONSENT_NAME = /(consent|opt_?in|newsletter|marketing|subscribe|gdpr|privacy|terms)/i
const YES = /^(yes|y|true|1|agree|i agree|accepted|checked|on|sí|si|oui|ja)$/i
const NO = /^(no|n|false|0|disagree|declined|unchecked|off|non|nein)$/i
const MAX_ANSWER = 2000

/** An email as Meta's form validated it, trimmed and lower-cased; null when it is not an address. */
export function normalizeLeadEmail(value: string | undefined): string | null {
  const email = value?.trim().toLowerCase()
  return email && email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null
}

/** Lead ad phone answers include the country code; keep `+` and digits (E.164 is 7–15 digits). */
export function normalizeLeadPhone(value: string | undefined): string | null {
  if (!value) return null
  const trimmed = value.trim()
  const digits = trimmed.replace(/\D/g, "")
  if (digits.length < 7 || digits.length > 15) return null
  return trimmed.startsWith("+") || trimmed.startsWith("00") ? `+${digits.replace(/^00/, "")}` : digits
}

function clean(value: string | undefined, max = 255): string | null {
  const text = value?.replace(/\s+/g, " ").trim()
  return text ? text.slice(0, max) : null
}

/** Splits "Ada Lovelace King" into first "Ada" and last "Lovelace King". */
export function splitFullName(fullName: string | undefined): { first_name: string | null; last_name: string | null } {
  const name = clean(fullName)
  if (!name) return { first_name: null, last_name: null }
  const [first, ...rest] = name.split(" ")
  return { first_name: first, last_name: rest.length ? rest.join(" ") : null }
}

function readAnswers(fieldData: unknown): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {}
  if (!Array.isArray(fieldData)) return answers
  for (const item of fieldData as LeadFieldDatum[]) {
    if (!item || typeof item !== "object" || typeof item.name !== "string" || item.name.trim() === "") continue
    const values = (Array.isArray(item.values) ? item.values : [item.values])
      .filter((v): v is string | number | boolean => ["string", "number", "boolean"].includes(typeof v))
      .map((v) => String(v).slice(0, MAX_ANSWER))
    if (!values.length) continue
    answers[item.name.trim().slice(0, 128)] = values.length === 1 ? values[0] : values
  }
  return answers
}

function first(answers: Record<string, string | string[]>, names: string[]): string | undefined {
  for (const name of names) {
    const value = answers[name]
    if (value !== undefined) return Array.isArray(value) ? value[0] : value
  }
  return undefined
}

function readConsents(lead: GraphLead, answers: Record<string, string | string[]>): LeadConsent[] {
  const consents: LeadConsent[] = []
  if (Array.isArray(lead.custom_disclaimer_responses)) {
    for (const response of lead.custom_disclaimer_responses as Record<string, unknown>[]) {
      if (!response || typeof response.checkbox_key !== "string") continue
      const checked = response.is_checked
      consents.push({ key: response.checkbox_key, accepted: checked === true || checked === "1" || checked === "true" })
    }
  }
  for (const [name, value] of Object.entries(answers)) {
    const answer = Array.isArray(value) ? value[0] : value
    if (!CONSENT_NAME.test(name) || consents.some((c) => c.key === name)) continue
    if (YES.test(answer.trim())) consents.push({ key: name, accepted: true })
    else if (NO.test(answer.trim())) consents.push({ key: name, accepted: false })
  }
  return consents
}

/** The customer fields a lead gives, plus its answers and consent answers. */
export function leadToCustomerFields(lead: GraphLead): LeadCustomerFields {
  const answers = readAnswers(lead.field_data)
  const split = splitFullName(first(answers, ["full_name", "name"]))
  return {
    email: normalizeLeadEmail(first(answers, EMAIL_FIELDS)),
    phone: normalizeLeadPhone(first(answers, PHONE_FIELDS)),
    first_name: clean(first(answers, ["first_name"])) ?? split.first_name,
    last_name: clean(first(answers, ["last_name"])) ?? split.last_name,
    answers,
    consents: readConsents(lead, answers),
  }
}

/**
 * Fields to write on an existing customer: only those the customer lacks, so a merchant's edits are
 * never overwritten by a form answer. Null when there is nothing to change.
 */
export function customerUpdateFromLead(
  existing: { first_name?: string | null; last_name?: string | null; phone?: string | null; email?: string | null },
  lead: Pick<LeadCustomerFields, "first_name" | "last_name" | "phone" | "email">
): Partial<Record<"first_name" | "last_name" | "phone" | "email", string>> | null {
  const update: Partial<Record<"first_name" | "last_name" | "phone" | "email", string>> = {}
  for (const key of ["first_name", "last_name", "phone", "email"] as const) {
    if (!existing[key] && lead[key]) update[key] = lead[key] as string
  }
  return Object.keys(update).length ? update : null
}
