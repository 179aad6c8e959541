/**
 * The safety net: two of Meta's own automated rules (https://developers.facebook.com/docs/marketing-api/ad-rules)
 * that keep watching the ad account while the store — and with it the plugin's own rules — is down:
 *
 * - spend cap: pause every ad whose spend today (midnight in the account's time zone) exceeds X, X in the account
 *   currency's main unit, sent in Meta's offset units;
 * - frequency cap: pause every ad whose frequency over the last 7 days (today included) exceeds F.
 *
 * Both are schedule-based PAUSE rules on the AD level, evaluated every 30 minutes (SEMI_HOURLY, the most frequent
 * schedule: https://developers.facebook.com/docs/marketing-api/ad-rules/guides/scheduled-based-rules). Meta refuses
 * cost conditions on rules that turn ads off (error 2703 in
 * https://developers.facebook.com/docs/marketing-api/reference/ad-account/adrules_library/); `spent` and
 * `frequency` are not cost metrics, so both can pause. Cost rules ("pause if CPM > X") stay with the plugin's
 * evaluator.
 *
 * This file decides what to send (planSafetyNet) and reads what Meta reports back from a rule's history edge
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-rule/history/).
 */
import { fromMetaBudget, toMetaBudget } from "./currency-offset"
import { buildFrequencyCapRule, buildSpendCapRule, MetaRuleRefusedError, type MetaRuleBody } from "./meta-rule-spec"
import { AdsValueError, formatDecimal, tryParseDecimal } from "./money"

export const SAFETY_NET_KINDS = ["spend_cap", "frequency_cap"] as const
export type SafetyNetKind = (typeof SAFETY_NET_KINDS)[number]

export type SafetyNetField = "spend_cap_daily" | "max_frequency"

/** The request field each rule is set from (and a refusal is reported on). */
export const SAFETY_NET_FIELDS: Readonly<Record<SafetyNetKind, SafetyNetField>> = Object.freeze({
  spend_cap: "spend_cap_daily",
  frequency_cap: "max_frequency",
})

/**
 * What the merchant asks for. `enabled: false` disables the rules at Meta and keeps their values; a value left
 * out keeps the one set before; `null` removes that rule (deleted at Meta).
 */
export type SafetyNetRequest = { enabled: boolean; spend_cap_daily?: string | null; max_frequency?: string | null }

/** A rule of the net as the plugin keeps it. */
export type SafetyNetRuleState = {
  kind: SafetyNetKind
  meta_rule_id: string
  threshold: string
  status: "ENABLED" | "DISABLED"
  spec: MetaRuleBody
}

export type SafetyNetPrevious = { threshold: string; status: "ENABLED" | "DISABLED"; spec: MetaRuleBody }

export type SafetyNetAction =
  | { kind: SafetyNetKind; action: "none" }
  | { kind: SafetyNetKind; action: "create"; threshold: string; body: MetaRuleBody }
  | { kind: SafetyNetKind; action: "update"; meta_rule_id: string; threshold: string; body: MetaRuleBody; previous: SafetyNetPrevious }
  | { kind: SafetyNetKind; action: "remove"; meta_rule_id: string; previous: SafetyNetPrevious }

/** A value the net cannot be built from, on the request field at fault. */
export class SafetyNetInputError extends Error {
  readonly field: SafetyNetField
  constructor(field: SafetyNetField, message: string) {
    super(message)
    this.name = "SafetyNetInputError"
    this.field = field
  }
}

/** A rule evaluation is at most this often (SEMI_HOURLY). */
export const SAFETY_NET_SCHEDULE_MINUTES = 30

function refusedOn(field: SafetyNetField, error: unknown): SafetyNetInputError {
  const message = error instanceof Error ? error.message : String(error)
  // The spec builder names its own parameter ("spend_cap: …"); the merchant typed spend_cap_daily.
  const own = /^(spend_cap|max_frequency)\b/.exec(message)
  return new SafetyNetInputError(field, own ? `${field}${message.slice(own[0].length)}` : `${field}: ${message}`)
}

/**
 * The threshold as it is kept and shown: a spend cap in the main unit with the currency's decimals at Meta
 * ("50" USD → "50.00", "3000" JPY → "3000"), a frequency in its shortest form ("3.50" → "3.5").
 */
export function normalizeThreshold(kind: SafetyNetKind, value: string, currency: string): string {
  const field = SAFETY_NET_FIELDS[kind]
  if (typeof value !== "string" || !value.trim()) throw new SafetyNetInputError(field, `${field} must be a decimal such as ${kind === "spend_cap" ? '"50.00"' : '"3.5"'}`)
  if (kind === "spend_cap") {
    try {
      const units = toMetaBudget(value, currency)
      if (units === "0") throw new SafetyNetInputError(field, `${field} must be greater than 0`)
      return fromMetaBudget(units, currency)
    } catch (error) {
      if (error instanceof SafetyNetInputError) throw error
      throw refusedOn(field, error instanceof AdsValueError ? error : new Error("is not a valid amount"))
    }
  }
  const decimal = tryParseDecimal(value)
  if (!decimal || decimal.units <= 0n) throw new SafetyNetInputError(field, `${field} must be a number greater than 0, like 3 or 2.5`)
  return formatDecimal(decimal)
}

/** The rule Meta is asked to keep for one kind and threshold (thrown as SafetyNetInputError when Meta would refuse it). */
export function buildSafetyNetRule(kind: SafetyNetKind, threshold: string, currency: string): MetaRuleBody {
  const field = SAFETY_NET_FIELDS[kind]
  const normalized = normalizeThreshold(kind, threshold, currency)
  try {
    return kind === "spend_cap"
      ? buildSpendCapRule({ entity_type: "AD", spend_cap: normalized, currency, time_preset: "TODAY" })
      : buildFrequencyCapRule({ entity_type: "AD", max_frequency: normalized, time_preset: "LAST_7_DAYS" })
  } catch (error) {
    if (error instanceof MetaRuleRefusedError) throw refusedOn(field, error)
    throw error
  }
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`
  }
  return JSON.stringify(value)
}

/** Whether two rule bodies ask Meta for the same rule (name, evaluation, execution and schedule; status aside). */
export function sameRuleBody(a: MetaRuleBody, b: MetaRuleBody): boolean {
  const strip = ({ status: _status, ...rest }: MetaRuleBody) => rest
  return canonical(strip(a)) === canonical(strip(b))
}

/**
 * What to do at Meta for each rule of the net, given what the plugin keeps: create a rule that does not exist yet,
 * update one whose spec or status differs (whole spec and status, absolute: the same values twice change
 * nothing), keep the values but disable the rules when the net is turned off, delete a rule whose value is set
 * to null. Throws SafetyNetInputError for a value Meta would refuse, and when the net is turned on with no value.
 */
export function planSafetyNet(request: SafetyNetRequest, current: readonly SafetyNetRuleState[], currency: string): SafetyNetAction[] {
  const status = request.enabled ? "ENABLED" : "DISABLED"
  const actions = SAFETY_NET_KINDS.map((kind): SafetyNetAction => {
    const existing = current.find((rule) => rule.kind === kind)
    const previous = existing ? { threshold: existing.threshold, status: existing.status, spec: existing.spec } : undefined
    const requested = request[SAFETY_NET_FIELDS[kind]]
    if (requested === null) return existing && previous ? { kind, action: "remove", meta_rule_id: existing.meta_rule_id, previous } : { kind, action: "none" }
    const threshold = requested ?? existing?.threshold
    if (threshold === undefined) return { kind, action: "none" }
    // Checked when turning off too: a wrong value is a wrong request either way.
    const normalized = normalizeThreshold(kind, threshold, currency)
    const body: MetaRuleBody = { ...buildSafetyNetRule(kind, normalized, currency), status }
    if (!existing || !previous) return request.enabled ? { kind, action: "create", threshold: normalized, body } : { kind, action: "none" }
    if (existing.status === status && existing.threshold === normalized && sameRuleBody(existing.spec, body)) return { kind, action: "none" }
    return { kind, action: "update", meta_rule_id: existing.meta_rule_id, threshold: normalized, body, previous }
  })
  const inForce = actions.filter((a, index) =>
    a.action === "create" || a.action === "update" ? true : a.action === "none" && current.some((rule) => rule.kind === SAFETY_NET_KINDS[index] && rule.status === "ENABLED")
  )
  if (request.enabled && inForce.length === 0) {
    throw new SafetyNetInputError("spend_cap_daily", "turning the safety net on needs spend_cap_daily, max_frequency or both")
  }
  return actions
}

// ---- History ------------------------------------------------------------------------------------

/** One entry of `GET /{rule_id}/history`, as Meta sends it. */
export type MetaRuleHistoryEntry = {
  timestamp?: string
  is_manual?: boolean
  results?: { object_id?: string; object_type?: string; actions?: { action?: string; field?: string; old_value?: string; new_value?: string }[] }[]
  exception_code?: number
  exception_message?: string
}

export type SafetyNetRunAction = { action: string; field: string | null; old_value: string | null; new_value: string | null }
export type SafetyNetRunResult = { object_id: string; object_type: string; actions: SafetyNetRunAction[] }

export type SafetyNetRun = {
  ran_at: Date
  is_manual: boolean
  results: SafetyNetRunResult[]
  /** The objects the run changed (paused), once each. */
  object_ids: string[]
  exception_code: number | null
  exception_message: string | null
}

const META_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})$/

/** A Graph timestamp ("2026-12-02T10:30:00-0800", "…+0000", "…Z", "…+05:30") as a Date; null for anything else. */
export function parseMetaTimestamp(text: unknown): Date | null {
  if (typeof text !== "string") return null
  const match = META_TIME.exec(text.trim())
  if (!match) return null
  const zone = match[2] === "Z" ? "Z" : `${match[2].slice(0, 3)}:${match[2].slice(-2)}`
  const ms = Date.parse(`${match[1]}${zone}`)
  return Number.isFinite(ms) ? new Date(ms) : null
}

/** A history entry as the plugin keeps it; null when it has no readable timestamp (it could not be told apart). */
export function parseRuleHistoryEntry(entry: MetaRuleHistoryEntry): SafetyNetRun | null {
  const ranAt = parseMetaTimestamp(entry?.timestamp)
  if (!ranAt) return null
  const results: SafetyNetRunResult[] = (Array.isArray(entry.results) ? entry.results : [])
    .filter((r) => r && typeof r.object_id === "string" && r.object_id)
    .map((r) => ({
      object_id: String(r.object_id),
      object_type: String(r.object_type ?? "AD"),
      actions: (Array.isArray(r.actions) ? r.actions : []).map((a) => ({
        action: String(a?.action ?? ""),
        field: a?.field ?? null,
        old_value: a?.old_value ?? null,
        new_value: a?.new_value ?? null,
      })),
    }))
  const changed = results.filter((r) => r.actions.some((a) => a.action !== "NOTIFICATION" && a.old_value !== a.new_value)).map((r) => r.object_id)
  return {
    ran_at: ranAt,
    is_manual: entry.is_manual === true,
    results,
    object_ids: [...new Set(changed)],
    exception_code: typeof entry.exception_code === "number" ? entry.exception_code : null,
    exception_message: typeof entry.exception_message === "string" ? entry.exception_message : null,
  }
}

/** The safety net's current values as the merchant set them (null where that rule does not exist). */
export function safetyNetValues(rules: readonly Pick<SafetyNetRuleState, "kind" | "threshold" | "status">[]) {
  const of = (kind: SafetyNetKind) => rules.find((rule) => rule.kind === kind)?.threshold ?? null
  return {
    enabled: rules.some((rule) => rule.status === "ENABLED"),
    spend_cap_daily: of("spend_cap"),
    max_frequency: of("frequency_cap"),
  }
}
