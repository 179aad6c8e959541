/**
 * The rules merchants ask for first, as fill-in-the-blank templates for the rule editor. `build` returns a
 * rule draft (everything but the id) that passes validateRule once the merchant's values are in; the editor
 * shows `parameters` as inputs. New rules start in dry run, so the first evaluations only preview.
 */
import type { AdRule } from "./rule-definition"

export type RuleDraft = Omit<AdRule, "id">

export type RuleTemplateParameter = {
  key: string
  label: string
  /** money: account currency, main unit; ratio: "2" = 2×; percent: "20" = 20 %. */
  kind: "money" | "ratio" | "percent" | "count"
  required: boolean
  default?: string
}

export type RuleTemplate = {
  key: "pause_high_cpm" | "scale_budget_high_roas" | "pause_out_of_stock"
  title: string
  description: string
  parameters: RuleTemplateParameter[]
  build(values: Record<string, string | undefined>): RuleDraft
}

function text(values: Record<string, string | undefined>, key: string, fallback?: string): string {
  const value = values[key]
  return typeof value === "string" && value.trim() ? value.trim() : (fallback ?? "")
}

function optional(values: Record<string, string | undefined>, key: string): string | null {
  const value = text(values, key)
  return value ? value : null
}

export const RULE_TEMPLATES: readonly RuleTemplate[] = [
  {
    key: "pause_high_cpm",
    title: "Pause ads whose CPM is above X",
    description:
      "Pauses an ad when its cost per 1,000 impressions over the last 3 days is above X, once it has had enough impressions to judge. Meta's own rules cannot pause on cost metrics (error 2703), so the plugin runs this one.",
    parameters: [
      { key: "max_cpm", label: "Highest CPM", kind: "money", required: true },
      { key: "min_impressions", label: "Impressions before judging", kind: "count", required: false, default: "1000" },
    ],
    build: (values) => ({
      scope: "ad",
      object_ids: "all",
      conditions: [{ metric: "cpm", operator: "gt", value: text(values, "max_cpm") }],
      lookback: "last_3d",
      min_impressions: Number(text(values, "min_impressions", "1000")),
      action: { type: "pause" },
      cooldown_minutes: 60,
      max_changes_per_day: 1,
      dry_run: true,
    }),
  },
  {
    key: "scale_budget_high_roas",
    title: "Raise the budget 20 % when ROAS is above Y",
    description:
      "Raises an ad set's daily budget by 20 % (at most once a day) while its return on ad spend over the last 7 days is above Y. The account's daily budget ceiling and the optional per-ad-set ceiling always hold.",
    parameters: [
      { key: "min_roas", label: "ROAS above", kind: "ratio", required: true },
      { key: "min_spend", label: "Spend before judging", kind: "money", required: false },
      { key: "budget_ceiling", label: "Highest daily budget per ad set", kind: "money", required: false },
      { key: "raise_percent", label: "Raise by", kind: "percent", required: false, default: "20" },
    ],
    build: (values) => ({
      scope: "ad_set",
      object_ids: "all",
      conditions: [{ metric: "roas", operator: "gt", value: text(values, "min_roas") }],
      lookback: "last_7d",
      min_spend: optional(values, "min_spend"),
      action: { type: "raise_budget_pct", value: text(values, "raise_percent", "20") },
      budget_ceiling: optional(values, "budget_ceiling"),
      // Once a day: Meta anchors a day's spending cap to the highest budget set that day, and advises few changes.
      cooldown_minutes: 24 * 60,
      max_changes_per_day: 1,
      dry_run: true,
    }),
  },
  {
    key: "pause_out_of_stock",
    title: "Pause ads whose products are out of stock, resume when back",
    description:
      "Pauses an ad when none of the products it advertises is in stock in the store, and activates it again when one is back — only ads this rule paused, never ones paused by hand.",
    parameters: [],
    build: () => ({
      scope: "ad",
      object_ids: "all",
      conditions: [{ metric: "stock", operator: "eq", value: "0" }],
      lookback: "today",
      action: { type: "pause" },
      resume_when_clear: true,
      cooldown_minutes: 0,
      // Enough for a product that sells out and is restocked a few times a day, few enough to stop a flapping feed.
      max_changes_per_day: 6,
      dry_run: true,
    }),
  },
]

export function findRuleTemplate(key: string): RuleTemplate | undefined {
  return RULE_TEMPLATES.find((template) => template.key === key)
}
