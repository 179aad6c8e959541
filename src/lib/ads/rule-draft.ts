/**
 * A rule as the merchant sends it — a template with its values, whole definition fields, or both (the fields
 * win over what the template built) — turned into the rule the evaluator reads, or the field errors that stop
 * it. The same draft is saved by `POST /admin/meta/rules` and previewed, unsaved, by
 * `POST /admin/meta/rules/preview`, so a preview shows exactly what saving would store.
 */
import { validateRule, type AdRule, type RuleValidation } from "./rule-definition"
import { RULE_TEMPLATES, findRuleTemplate } from "./rule-templates"

/** The fields of a rule's definition (everything the evaluator reads; not its name, switch or template). */
export const RULE_DEFINITION_KEYS = [
  "scope",
  "object_ids",
  "conditions",
  "lookback",
  "min_spend",
  "min_impressions",
  "action",
  "budget_ceiling",
  "cooldown_minutes",
  "max_changes_per_day",
  "active_hours",
  "dry_run",
  "resume_when_clear",
] as const satisfies readonly (keyof Omit<AdRule, "id">)[]

export type RuleDraftInput = {
  /** A built-in template's key; its `build` fills the definition from `values`. */
  template?: string | null
  values?: Record<string, string | undefined> | null
} & { [key: string]: unknown }

export type RuleDraftOptions = {
  /** The stored definition a change starts from (absent for a new rule). */
  base?: Record<string, unknown> | null
  /** The id the validated rule carries; a draft that is not stored yet has none of its own. */
  id?: string
  /** The ad account's currency: amounts are checked against Meta's budget precision for it. */
  currency?: string | null
}

/**
 * The definition a save (or a preview) would store: the base, then the template's draft, then every
 * definition field the input gives, validated as the evaluator will read it. An unknown template is an error
 * on `template`; every other error names the field the way validateRule does ("conditions[0].value").
 */
export function buildRuleDraft(input: RuleDraftInput, options: RuleDraftOptions = {}): RuleValidation {
  let draft: Record<string, unknown> = { ...(options.base ?? {}) }
  if (input.template !== undefined && input.template !== null) {
    const template = findRuleTemplate(input.template)
    if (!template) {
      return {
        ok: false,
        errors: [{ field: "template", message: `template must be one of the built-in templates (${RULE_TEMPLATES.map((t) => t.key).join(", ")})` }],
      }
    }
    draft = { ...draft, ...template.build(input.values ?? {}) }
  }
  for (const key of RULE_DEFINITION_KEYS) if (input[key] !== undefined) draft[key] = input[key]
  return validateRule({ ...draft, id: options.id ?? "draft" }, { currency: options.currency ?? null })
}

/** The errors as one message, "field: message; field: message" (what the admin spreads back onto its fields). */
export function ruleErrorsMessage(validation: Extract<RuleValidation, { ok: false }>): string {
  return validation.errors.map((e) => `${e.field}: ${e.message}`).join("; ")
}
