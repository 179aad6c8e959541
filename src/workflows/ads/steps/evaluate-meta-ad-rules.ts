import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import {
  deriveAdMetrics,
  evaluateRule,
  validateRule,
  type AdRule,
  type InsightsRow,
  type RuleDecision,
  type RuleLookback,
  type RuleMetricSnapshot,
  type RuleObject,
} from "../../../lib/ads"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"
import type { AdObjectType } from "../../../modules/meta-ads/service"
import { sendAdWrite } from "../send-ad-write"
import { duplicateMetaAdSetWorkflow } from "../workflows/duplicate-meta-ad-set"

export type EvaluateRulesInput = { rule_id?: string; preview?: boolean }
export type RuleEvaluation = { rule_id: string; evaluation_id: string; decisions: (RuleDecision & { change_id: string | null })[] }

/** The job evaluates a rule at most this often (Meta's own rules run every 30 minutes at most). */
const INTERVAL_MS = 25 * 60_000
const DAY_MS = 86_400_000

const snapshot = (row: unknown): RuleMetricSnapshot | null => {
  if (!row) return null
  const m = deriveAdMetrics(row as InsightsRow)
  return { cpm: m.cpm, cpc: m.cpc, ctr: m.ctr, roas: m.roas, spend: m.spend, cost_per_purchase: m.cost_per_purchase, frequency: m.frequency, impressions: m.impressions }
}

const metricsOf = (insights: unknown): Partial<Record<RuleLookback, RuleMetricSnapshot | null>> => {
  const byRange = (insights ?? {}) as Partial<Record<RuleLookback, unknown>>
  return { today: snapshot(byRange.today), last_3d: snapshot(byRange.last_3d), last_7d: snapshot(byRange.last_7d), last_30d: snapshot(byRange.last_30d) }
}

/** Whether each product can be sold now: a variant without managed inventory, or one with stock left. */
async function stockOf(container: MedusaContainer, productIds: string[]): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>()
  if (!productIds.length) return out
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "variants.manage_inventory",
      "variants.inventory_items.inventory.location_levels.stocked_quantity",
      "variants.inventory_items.inventory.location_levels.reserved_quantity",
    ],
    filters: { id: productIds },
  })
  for (const product of data as any[]) {
    const sellable = (product.variants ?? []).some((v: any) => {
      if (!v.manage_inventory) return true
      return (v.inventory_items ?? []).some((item: any) =>
        (item.inventory?.location_levels ?? []).some((l: any) => Number(l.stocked_quantity ?? 0) - Number(l.reserved_quantity ?? 0) > 0)
      )
    })
    out.set(product.id, sellable)
  }
  return out
}

const LEVEL_TYPE: Record<RuleObject["level"], AdObjectType> = { campaign: "campaign", ad_set: "ad_set", ad: "ad" }

/**
 * Evaluates automated rules on the mirror's fresh figures and the store's truth (stock of the advertised
 * products), writes every decision — acted or skipped, with the numbers and before / after — and carries out
 * the acted ones through the audit log with absolute values (a retry changes nothing twice). Rules are
 * claimed in PostgreSQL, so two evaluators never act on one rule in the same round; the account's switch
 * stops them all; dry run and preview send nothing to Meta.
 */
export const evaluateMetaAdRulesStep = createStep("evaluate-meta-ad-rules", async (input: EvaluateRulesInput, { container }) => {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const live = await meta.getConnectionToken()
  const connection = await meta.retrieveLiveConnection()
  const [account] = connection?.ad_account_id ? await ads.listMetaAdAccounts({ meta_id: connection.ad_account_id }) : []
  if (!live || !account) {
    if (input.preview) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "No ad account is mirrored yet: connect Meta, choose an ad account and sync campaigns first.")
    return new StepResponse<RuleEvaluation[]>([])
  }
  if (account.rules_paused && !input.preview) return new StepResponse<RuleEvaluation[]>([])

  const rules = input.preview
    ? (await ads.listMetaAdRules({ id: input.rule_id })).map((r) => ({ id: r.id, name: r.name, definition: r.definition as Record<string, unknown> }))
    : await ads.claimDueRules({ intervalMs: input.rule_id ? 0 : INTERVAL_MS, ruleId: input.rule_id })
  if (input.preview && !rules.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `rule with id: ${input.rule_id} was not found`)
  if (!rules.length) return new StepResponse<RuleEvaluation[]>([])

  const campaigns = await ads.listMetaCampaigns({ ad_account_id: account.id }, { take: null })
  const adSets = await ads.listMetaAdSets({ campaign_id: campaigns.map((c) => c.id) }, { take: null })
  const adList = await ads.listMetaAds({ ad_set_id: adSets.map((s) => s.id) }, { take: null })
  const stock = await stockOf(container, [...new Set(adList.flatMap((a) => a.product_ids ?? []))])
  const campaignActive = new Map(campaigns.map((c) => [c.id, c.status === "ACTIVE"]))
  let total = 0n
  for (const c of campaigns) if (c.status === "ACTIVE" && c.daily_budget) total += BigInt(c.daily_budget)
  for (const s of adSets) if (s.status === "ACTIVE" && campaignActive.get(s.campaign_id) && s.daily_budget) total += BigInt(s.daily_budget)
  const objects: RuleObject[] = [
    ...campaigns.map((c) => ({ id: c.meta_id, level: "campaign" as const, status: c.status, daily_budget: c.daily_budget, lifetime_budget: c.lifetime_budget, currency: account.currency, metrics: metricsOf(c.insights) })),
    ...adSets.map((s) => ({ id: s.meta_id, level: "ad_set" as const, status: s.status, daily_budget: s.daily_budget, lifetime_budget: s.lifetime_budget, currency: account.currency, metrics: metricsOf(s.insights) })),
    ...adList.map((a) => ({
      id: a.meta_id,
      level: "ad" as const,
      status: a.status,
      currency: account.currency,
      metrics: metricsOf(a.insights),
      products: (a.product_ids ?? []).map((id) => ({ product_id: id, in_stock: stock.get(id) ?? false })),
    })),
  ]
  const minimums = (account.minimum_budgets ?? {}) as Record<string, unknown>
  const now = new Date()
  const results: RuleEvaluation[] = []
  for (const stored of rules) {
    const checked = validateRule({ ...stored.definition, id: stored.id }, { currency: account.currency })
    if (!checked.ok) continue
    const rule: AdRule = input.preview ? { ...checked.rule, dry_run: true } : checked.rule
    const levels: RuleObject["level"][] = rule.scope === "account" ? ["campaign", "ad_set", "ad"] : [rule.scope]
    const history = (await ads.ruleHistory(rule.id, new Date(now.getTime() - 31 * DAY_MS))).map((h) => ({
      rule_id: rule.id,
      object_id: h.object_meta_id,
      acted_at: h.evaluated_at,
      action: h.action as never,
      acted: true,
    }))
    const decisions = evaluateRule(rule, {
      objects: objects.filter((o) => levels.includes(o.level)),
      history,
      account: {
        currency: account.currency,
        timezone: account.timezone_name,
        daily_budget_ceiling: account.daily_budget_ceiling,
        total_daily_budget: total.toString(),
        min_daily_budget: minimums.min_daily_budget_imp !== undefined ? String(minimums.min_daily_budget_imp) : null,
      },
      now,
    })
    const evaluationId = `${rule.id}:${now.toISOString()}`
    const done: RuleEvaluation["decisions"] = []
    for (const decision of decisions) {
      let changeId: string | null = null
      if (decision.acted && decision.write && !input.preview && decision.level) {
        const key = `rule:${rule.id}:${evaluationId}:${decision.object_id}`
        try {
          if (decision.action === "duplicate_ad_set") {
            const { result } = await duplicateMetaAdSetWorkflow(container).run({
              input: { id: adSets.find((s) => s.meta_id === decision.object_id)!.id, actor: `rule:${rule.id}`, idempotency_key: key },
            })
            changeId = result.change_id
          } else {
            changeId = await sendAdWrite(meta, ads, live.token, {
              object_type: LEVEL_TYPE[decision.level],
              object_meta_id: decision.object_id,
              actor: `rule:${rule.id}`,
              action: decision.action,
              before: { ...decision.before },
              after: { ...decision.after },
              params: decision.write.params,
              idempotency_key: key,
            })
          }
          if (decision.after.daily_budget && decision.before.daily_budget) {
            total += BigInt(decision.after.daily_budget) - BigInt(decision.before.daily_budget)
          }
        } catch (error) {
          done.push({ ...decision, acted: false, skipped_reason: `Meta refused: ${(error as Error).message}`, change_id: null })
          continue
        }
      }
      done.push({ ...decision, change_id: changeId })
    }
    if (!input.preview) {
      await ads.saveRuleDecisions(
        done.map((d) => ({
          rule_id: rule.id,
          evaluation_id: evaluationId,
          object_type: d.level ?? "ad",
          object_meta_id: d.object_id,
          acted: d.acted,
          action: d.action,
          skip_code: d.skip_code ?? null,
          skipped_reason: d.skipped_reason ?? null,
          note: d.note ?? null,
          lookback: d.lookback,
          numbers: d.numbers,
          before: d.before,
          after: d.after,
          dry_run: d.dry_run,
          change_id: d.change_id,
          evaluated_at: now.toISOString(),
        }))
      )
    }
    results.push({ rule_id: rule.id, evaluation_id: evaluationId, decisions: done })
  }
  return new StepResponse(results)
})
