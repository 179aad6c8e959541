import type { MedusaContainer } from "@medusajs/framework/types"
import { safetyNetValues, type SafetyNetKind } from "../../../../../lib/ads"
import { META_MODULE } from "../../../../../modules/meta"
import type MetaModuleService from "../../../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../../../modules/meta-ads"
import type { NativeRuleRunRead } from "../../../../../modules/meta-ads/native-rule-repository"
import type MetaAdsModuleService from "../../../../../modules/meta-ads/service"
import type { MetaSafetyNet, MetaSafetyNetRun } from "../../../../../types/http/ads"

/** Runs shown: a day of both rules pausing something at every evaluation. */
const HISTORY_LIMIT = 100

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)

type RunResult = { object_id: string; object_type: string; actions: { action: string; field: string | null; old_value: string | null; new_value: string | null }[] }

function presentRun(run: NativeRuleRunRead, names: Map<string, string>): MetaSafetyNetRun {
  const results = (run.results ?? []) as RunResult[]
  return {
    id: run.id,
    kind: run.kind as SafetyNetKind,
    meta_rule_id: run.meta_rule_id,
    ran_at: iso(run.ran_at) as string,
    is_manual: run.is_manual,
    objects: run.object_ids.map((id) => {
      const result = results.find((r) => r.object_id === id)
      const status = result?.actions.find((a) => a.field === "status")
      return { id, type: result?.object_type ?? "AD", name: names.get(id) ?? null, old_status: status?.old_value ?? null, new_status: status?.new_value ?? null }
    }),
    exception_code: run.exception_code,
    exception_message: run.exception_message,
  }
}

/** The connection's safety net: its rules as last saved or mirrored, and the runs mirrored by the ads sync. */
export async function readSafetyNet(scope: MedusaContainer): Promise<MetaSafetyNet> {
  const ads = scope.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const act = (await scope.resolve<MetaModuleService>(META_MODULE).retrieveLiveConnection())?.ad_account_id ?? null
  if (!act) return { ad_account_id: null, currency: null, enabled: false, spend_cap_daily: null, max_frequency: null, rules: [], history: [] }
  const [[account], rules, runs] = await Promise.all([
    ads.listMetaAdAccounts({ meta_id: act }),
    ads.listMetaAdNativeRules({ ad_account_meta_id: act }, { order: { kind: "DESC" } }),
    ads.recentNativeRuleRuns(act, HISTORY_LIMIT),
  ])
  const objectIds = [...new Set(runs.flatMap((run) => run.object_ids))]
  const named = objectIds.length ? await ads.listMetaAds({ meta_id: objectIds }, { select: ["meta_id", "name"], take: null }) : []
  const names = new Map(named.map((ad) => [ad.meta_id, ad.name]))
  return {
    ad_account_id: act,
    currency: account?.currency ?? null,
    ...safetyNetValues(rules),
    rules: rules.map((rule) => ({
      id: rule.id,
      kind: rule.kind,
      meta_rule_id: rule.meta_rule_id,
      status: rule.status,
      threshold: rule.threshold,
      spec: rule.spec as Record<string, unknown>,
      history_synced_at: iso(rule.history_synced_at),
      created_at: iso(rule.created_at) as string,
      updated_at: iso(rule.updated_at) as string,
    })),
    history: runs.map((run) => presentRun(run, names)),
  }
}
