import type { MetaAdRule, MetaAdRuleDecision, MetaAdRuleDefinition, MetaAdRuleDraftDecision } from "../../../../types/http/ads"

type Row = Record<string, any>

export function presentRule(r: Row): MetaAdRule {
  return {
    ...(r.definition as MetaAdRuleDefinition),
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    template: r.template ?? null,
    last_evaluated_at: r.last_evaluated_at ? new Date(r.last_evaluated_at).toISOString() : null,
  }
}

export function presentDecision(d: Row, ruleId?: string): MetaAdRuleDecision {
  return {
    id: d.id ?? null,
    rule_id: d.rule_id ?? ruleId,
    object_type: d.object_type ?? d.level ?? "ad",
    object_meta_id: d.object_meta_id ?? d.object_id,
    acted: d.acted,
    action: d.action,
    skip_code: d.skip_code ?? null,
    skipped_reason: d.skipped_reason ?? null,
    note: d.note ?? null,
    lookback: d.lookback,
    numbers: d.numbers ?? {},
    before: d.before,
    after: d.after,
    dry_run: !!d.dry_run,
    change_id: d.change_id ?? null,
    evaluated_at: new Date(d.evaluated_at ?? Date.now()).toISOString(),
  }
}

/** A decision of an unsaved draft: no id, no rule, no change. */
export function presentDraftDecision(d: Row): MetaAdRuleDraftDecision {
  const { id: _id, rule_id: _rule, change_id: _change, ...decision } = presentDecision(d)
  return decision
}
