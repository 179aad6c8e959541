import { readLeadgenNotice } from "./classify-change"

/**
 * A lead-ad submission Meta announced but the store could not turn into a customer, read from its
 * webhook change: which lead and form it was, why it failed in the merchant's words, and what to do.
 */
export type FailedLeadView = {
  leadgen_id: string | null
  form_id: string | null
  page_id: string | null
  /** When the person submitted the form (Meta's created_time), else null. */
  submitted_at: string | null
  reason: string
  next_step: string
  /** Whether retrying as things stand can succeed (false: the lead itself lacks what is needed). */
  retry_can_help: boolean
}

type FailedChange = {
  entry_id: string
  payload: unknown
  last_error: string | null
  next_attempt_at: Date | string | null
}

type Explanation = Pick<FailedLeadView, "reason" | "next_step" | "retry_can_help">

const RULES: { test: RegExp; explain: (automatic: boolean) => Explanation }[] = [
  {
    // process-webhook-event: the Webhooks feature was off (WEBHOOKS_OFF_ERROR).
    test: /Webhooks is switched off/i,
    explain: () => ({
      reason: "Webhooks was switched off when this lead arrived, so it was not processed.",
      next_step: "Turn on Webhooks in Settings → Meta, then retry this lead.",
      retry_can_help: true,
    }),
  },
  {
    // fetch-meta-lead: the connection was revoked, expired or removed when the lead arrived.
    test: /connection is not active|not connected|needs a reconnect/i,
    explain: () => ({
      reason: "Meta was not connected when this lead arrived, so the store could not read the answers.",
      next_step: "Reconnect in Settings → Meta, then retry this lead.",
      retry_can_help: true,
    }),
  },
  {
    test: /neither an email nor a phone/i,
    explain: () => ({
      reason: "The form collected neither an email nor a phone number, so no customer could be created.",
      next_step: "Add an email or phone question to the form in Meta Ads Manager; retrying this lead will not help.",
      retry_can_help: false,
    }),
  },
  {
    // Graph permission errors: (#10), (#200–#299), leads_retrieval missing, no role on the Page.
    test: /leads_retrieval|permission|\(#(10|2\d\d)\)/i,
    explain: () => ({
      reason: "Meta did not let the store read this lead: the connection lacks lead access (leads_retrieval) or a role on the Page.",
      next_step: "Reconnect in Settings → Meta and allow access to leads, then retry this lead.",
      retry_can_help: true,
    }),
  },
  {
    // Rate limits (#4, #17, #32, #613, #80000–80014): Meta asks to wait.
    test: /rate limit|too many calls|\(#(4|17|32|341|613|800\d\d)\)/i,
    explain: (automatic) => ({
      reason: "Meta asked the store to slow down (rate limit) while reading this lead.",
      next_step: automatic ? "It is retried automatically; nothing to do." : "Retry this lead in a few minutes.",
      retry_can_help: true,
    }),
  },
  {
    // Invalid or expired tokens (#190, #102).
    test: /access token|session has expired|\(#(190|102)\)/i,
    explain: () => ({
      reason: "Meta no longer accepts the store's access token, so the lead could not be read.",
      next_step: "Reconnect in Settings → Meta, then retry this lead.",
      retry_can_help: true,
    }),
  },
]

const MAX_DETAIL = 300

function isoOrNull(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** Why a lead failed and what to do, from the error its processing recorded. */
export function explainLeadFailure(lastError: string | null, retriesAutomatically: boolean): Explanation {
  const error = (lastError ?? "").trim()
  for (const rule of RULES) {
    if (rule.test.test(error)) return rule.explain(retriesAutomatically)
  }
  const detail = error ? error.replace(/\s+/g, " ").slice(0, MAX_DETAIL) : "no reason was recorded"
  return {
    reason: `The lead could not be processed: ${detail}`,
    next_step: retriesAutomatically ? "It is retried automatically; you can also retry it now." : "Retry this lead once the cause is fixed.",
    retry_can_help: true,
  }
}

/** A failed `page`/`leadgen` change as the Leads list shows it. */
export function presentFailedLead(change: FailedChange): FailedLeadView {
  const notice = readLeadgenNotice(change.payload, change.entry_id)
  return {
    leadgen_id: notice?.leadgen_id ?? null,
    form_id: notice?.form_id ?? null,
    page_id: notice?.page_id ?? null,
    submitted_at: isoOrNull(notice?.created_time ?? null),
    ...explainLeadFailure(change.last_error, change.next_attempt_at !== null),
  }
}
