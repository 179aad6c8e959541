import type { MetaSafetyNetRun } from "../../../types/http/ads"

/** The safety net's form fields, as the route names them in a 400. */
export type SafetyNetField = "spend_cap_daily" | "max_frequency"

const FIELDS: SafetyNetField[] = ["spend_cap_daily", "max_frequency"]

/**
 * A 400 of `POST /admin/meta/rules/safety-net` spread onto the field it names ("spend_cap_daily: …",
 * "Invalid request: max_frequency must be …", "… for field 'spend_cap_daily' …"); the rest is the form's own error.
 */
export function safetyNetErrors(message: string): { field: SafetyNetField | null; message: string } {
  const text = message.replace(/^Invalid request:\s*/, "")
  const field = FIELDS.find((f) => text.startsWith(f) || text.includes(`'${f}'`)) ?? null
  return { field, message: text }
}

/** What a field holds for the request: the trimmed text, or null once emptied (that rule is removed). */
export function fieldValue(text: string): string | null {
  const trimmed = text.trim()
  return trimmed ? trimmed : null
}

/** "Paused 2 ads: Summer sale, 123456" for a run of the history. */
export function describeRun(run: MetaSafetyNetRun): string {
  const paused = run.objects.filter((o) => o.new_status === "PAUSED")
  const changed = paused.length ? paused : run.objects
  if (!changed.length) return run.exception_message ?? "No change"
  const verb = paused.length ? "Paused" : "Changed"
  const noun = changed.every((o) => o.type === "AD") ? (changed.length === 1 ? "ad" : "ads") : changed.length === 1 ? "object" : "objects"
  return `${verb} ${changed.length} ${noun}: ${changed.map((o) => o.name ?? o.id).join(", ")}`
}

export const SAFETY_NET_KIND_LABEL: Record<MetaSafetyNetRun["kind"], string> = {
  spend_cap: "Spend cap",
  frequency_cap: "Frequency cap",
}
