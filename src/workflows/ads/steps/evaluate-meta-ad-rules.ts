import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import {
  buildRuleDraft,
  deriveAdMetrics,
  evaluateRule,
  ruleErrorsMessage,
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
import { sendAdWritesBatched, type AdWrite } from "../send-ad-write"
import { attachStoreRevenue } from "../attach-store-revenue"
import { duplicateMetaAdSetWorkflow } from "../workflows/duplicate-meta-ad-set"

export type EvaluateRulesInput = {
  rule_id?: string
  preview?: boolean
  /**
   * With `preview`: a rule that is not saved, as `POST /admin/meta/rules` takes it (template + values and/or
   * definition fields); it is judged like a saved rule with no past changes.
   */
  draft?: Record<string, unknown>
}

/** The id a previewed draft carries in its decisions; never stored. */
export const DRAFT_RULE_ID = "draft"

/**
 * A rule run on demand (`rule_id` without `preview`) is not run again within this time: a second click, or a
 * run just after the job's, has nothing new to judge and its decisions are already in the log.
 */
export const RUN_NOW_INTERVAL_MS = 60_000
export type RuleEvaluation = {
  rule_id: string
  evaluation_id: string
  /** The rule as judged, with its own dry_run (a preview is always judged as a dry run). */
  rule: AdRule
  decisions: (RuleDecision & { change_id: string | null })[]
}

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
 * the acted ones through the audit log with absolute values (a retry changes nothing twice) — the status
 * and budget writes of all the rules in Graph batches of up to 50 once every rule has decided. Rules are
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
    if (input.preview || input.rule_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "No ad account is mirrored yet: connect Meta, choose an ad account and sync campaigns first.")
    return new StepResponse<RuleEvaluation[]>([])
  }
  if (account.rules_paused && !input.preview) {
    if (input.rule_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "All rules are paused: switch them on again (POST /admin/meta/rules/pause-all) to run one.")
    return new StepResponse<RuleEvaluation[]>([])
  }
  const isDraft = !!(input.preview && input.draft)

  let rules: { id: string; name: string; definition: Record<string, unknown> }[]
  if (isDraft) {
    // Checked here, against the account's currency, so a draft's mistakes come back as a 400 naming the field.
    const checked = buildRuleDraft(input.draft!, { id: DRAFT_RULE_ID, currency: account.currency })
    if (!checked.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, ruleErrorsMessage(checked))
    rules = [{ id: DRAFT_RULE_ID, name: String(input.draft!.name ?? ""), definition: checked.rule as unknown as Record<string, unknown> }]
  } else if (input.preview) {
    rules = (await ads.listMetaAdRules({ id: input.rule_id })).map((r) => ({ id: r.id, name: r.name, definition: r.definition as Record<string, unknown> }))
    if (!rules.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `rule with id: ${input.rule_id} was not found`)
  } else if (input.rule_id) {
    const [stored] = await ads.listMetaAdRules({ id: input.rule_id })
    if (!stored) throw new MedusaError(MedusaError.Types.NOT_FOUND, `rule with id: ${input.rule_id} was not found`)
    if (!stored.enabled) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The rule is turned off: turn it on to run it.")
    rules = await ads.claimDueRules({ intervalMs: RUN_NOW_INTERVAL_MS, ruleId: input.rule_id })
    // Not CONFLICT: Medusa answers a 409 with a generic message, and this one says what to do.
    if (!rules.length) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The rule was evaluated less than a minute ago; its decisions are in the log.")
  } else {
    rules = await ads.claimDueRules({ intervalMs: INTERVAL_MS })
  }
  if (!rules.length) return new StepResponse<RuleEvaluation[]>([])

  // Plain rows rather than ORM entities: hydrating 10,000 ads with their figures took seconds.
  const { campaigns, adSets, ads: adList } = await ads.readRuleMirror(account.id)
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
  await attachStoreRevenue(ads, account, objects)
  const minimums = (account.minimum_budgets ?? {}) as Record<string, unknown>
  const now = new Date()
  const results: RuleEvaluation[] = []
  // The evaluation's status and budget writes, sent together in Graph batches once every rule has decided.
  const queued: { write: AdWrite & { idempotency_key: string }; done: RuleEvaluation["decisions"]; index: number }[] = []
  // Each rule's decisions are one statement (a rule over 10,000 ads logs 10,000 rows). Those that carry no
  // write go in the moment the rule has decided, two statements at a time, while the next rules are decided
  // (PostgreSQL inserts while Node decides); the decisions carried by writes go in once Meta has answered.
  const logging = [Promise.resolve(), Promise.resolve()]
  const unsaved: unknown[] = []
  let statements = 0
  const log = (rows: Record<string, unknown>[]) => {
    if (!rows.length) return
    const lane = statements++ % logging.length
    logging[lane] = logging[lane].then(() => ads.saveRuleDecisions(rows)).catch((error) => void unsaved.push(error))
  }
  const awaitingWrites: { rows: () => Record<string, unknown>[] }[] = []
  const objectByKey = new Map(objects.map((o) => [`${o.level}:${o.id}`, o]))
  // Writes whose answer was lost but which the fresh mirror shows applied count as done before the rules judge again.
  if (!input.preview && !isDraft) await ads.confirmPendingChanges(rules.map((r) => `rule:${r.id}`))
  for (const stored of rules) {
    const checked = validateRule({ ...stored.definition, id: stored.id }, { currency: account.currency })
    if (!checked.ok) {
      // The job skips a rule the account no longer fits (e.g. another currency); one asked for by name says why.
      if (input.rule_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `The rule no longer fits the ad account: ${ruleErrorsMessage(checked)}`)
      continue
    }
    const rule: AdRule = input.preview ? { ...checked.rule, dry_run: true } : checked.rule
    const levels: RuleObject["level"][] = rule.scope === "account" ? ["campaign", "ad_set", "ad"] : [rule.scope]
    const past = isDraft ? [] : await ads.ruleHistory(rule.id, new Date(now.getTime() - 31 * DAY_MS))
    const history = past.map((h) => ({
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
            queued.push({
              write: {
                object_type: LEVEL_TYPE[decision.level],
                object_meta_id: decision.object_id,
                actor: `rule:${rule.id}`,
                action: decision.action,
                before: { ...decision.before },
                after: { ...decision.after },
                params: decision.write.params,
                idempotency_key: key,
              },
              done,
              index: done.length,
            })
            // The later rules of this evaluation judge the object as this write leaves it.
            const object = objectByKey.get(`${decision.level}:${decision.object_id}`)
            if (object && decision.after.status) object.status = decision.after.status
            if (object && decision.after.daily_budget) object.daily_budget = decision.after.daily_budget
          }
          // Counted before the batch is sent: a write Meta refuses only leaves more room under the ceiling.
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
      const row = (d: RuleEvaluation["decisions"][number]) => ({
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
      })
      const waiting = new Set(queued.filter((q) => q.done === done).map((q) => q.index))
      log(done.filter((_, i) => !waiting.has(i)).map(row))
      if (waiting.size) awaitingWrites.push({ rows: () => [...waiting].map((i) => row(done[i])) })
    }
    results.push({ rule_id: rule.id, evaluation_id: evaluationId, rule: checked.rule, decisions: done })
  }
  let outcomes: Awaited<ReturnType<typeof sendAdWritesBatched>> = []
  try {
    outcomes = queued.length ? await sendAdWritesBatched(meta, ads, live.token, queued.map((q) => q.write), { act: account.meta_id }) : []
  } catch (error) {
    await Promise.all(logging)
    throw error
  }
  queued.forEach(({ done, index }, i) => {
    const outcome = outcomes[i]
    // A write not applied keeps its audit entry (failed, or pending after a lost answer) next to the decision.
    done[index] = outcome.applied
      ? { ...done[index], change_id: outcome.change_id }
      : { ...done[index], acted: false, skipped_reason: outcome.reason ?? "Meta did not take the change", change_id: outcome.change_id }
  })
  for (const rule of awaitingWrites) log(rule.rows())
  await Promise.all(logging)
  if (unsaved.length) throw unsaved[0]
  return new StepResponse(results)
})
