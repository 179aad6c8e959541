import type { MetaApiUsage } from "../../types/http/connection"
import type { GraphUsageSnapshot } from "../graph"

/** A discovered asset, as far as naming a budget needs it. */
export type UsageAsset = { type: string; meta_id: string; name: string }

/**
 * Business-use-case budget types as Meta names them in X-Business-Use-Case-Usage
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting#buc-rate-limits).
 */
const BUDGET_LABELS: Record<string, string> = {
  pages: "Page calls",
  instagram: "Instagram calls",
  ads_management: "Ads management calls",
  ads_insights: "Ads insights calls",
  ad_account: "Ad account calls",
  custom_audience: "Custom audience calls",
  leadgen: "Lead ads calls",
  messenger: "Messenger calls",
  catalog_management: "Catalog calls",
  catalog_batch: "Catalog batch calls",
}

const ASSET_LABELS: Record<string, string> = {
  page: "the Page",
  instagram_account: "the Instagram account",
  ad_account: "the ad account",
  business: "the business",
  catalog: "the catalog",
  pixel: "the pixel",
}

/** What an unknown object of a budget type most likely is (Meta keys the header by the object's id). */
const UNKNOWN_OWNER: Record<string, string> = {
  pages: "a Page",
  instagram: "an Instagram account",
  ads_management: "an ad account",
  ads_insights: "an ad account",
  ad_account: "an ad account",
  custom_audience: "an ad account",
  leadgen: "a Page",
  catalog_management: "a catalog",
  catalog_batch: "a catalog",
}

/** Ad accounts are `act_<id>` in the usage headers and sometimes bare digits in stored assets, or the other way round. */
const bareId = (id: string) => id.replace(/^act_/, "")

function budgetLabel(type: string): string {
  return BUDGET_LABELS[type] ?? `${type.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase())} calls`
}

function ownerOf(id: string, type: string, assets: UsageAsset[]): { owner: string; name: string | null } {
  const asset = assets.find((a) => a.meta_id === id) ?? assets.find((a) => bareId(a.meta_id) === bareId(id))
  if (asset) {
    const what = ASSET_LABELS[asset.type] ?? "the Meta object"
    return { owner: `${what} “${asset.name}”`, name: asset.name }
  }
  return { owner: `${UNKNOWN_OWNER[type] ?? "a Meta object"} with id ${id}`, name: null }
}

/**
 * The last rate-limit figures Meta reported (X-App-Usage, X-Business-Use-Case-Usage,
 * X-Ad-Account-Usage), for the admin, each object budget named after the Page, Instagram account,
 * ad account… it belongs to (from the connection's discovered assets). Percentages of the budget;
 * Meta throttles at 100.
 */
export function presentUsage(snapshot: GraphUsageSnapshot, assets: UsageAsset[] = []): MetaApiUsage {
  const objects: MetaApiUsage["objects"] = []
  for (const [id, usage] of Object.entries(snapshot.businessUseCase)) {
    for (const entry of usage.entries) {
      const { owner, name } = ownerOf(id, entry.type, assets)
      objects.push({
        id,
        type: entry.type,
        label: `${budgetLabel(entry.type)} of ${owner}`,
        name,
        call_count: entry.callCount,
        total_cputime: entry.totalCputime,
        total_time: entry.totalTime,
        regain_access_minutes: entry.estimatedTimeToRegainAccessMinutes,
        updated_at: new Date(usage.updatedAt).toISOString(),
      })
    }
  }
  for (const [id, usage] of Object.entries(snapshot.adAccounts)) {
    const { owner, name } = ownerOf(id, "ad_account", assets)
    objects.push({
      id,
      type: "ad_account",
      label: `${budgetLabel("ad_account")} of ${owner}`,
      name,
      call_count: usage.accIdUtilPct,
      total_cputime: 0,
      total_time: 0,
      regain_access_minutes: 0,
      updated_at: new Date(usage.updatedAt).toISOString(),
    })
  }
  return {
    app: snapshot.app
      ? {
          call_count: snapshot.app.callCount,
          total_cputime: snapshot.app.totalCputime,
          total_time: snapshot.app.totalTime,
          updated_at: new Date(snapshot.app.updatedAt).toISOString(),
        }
      : null,
    objects: objects.sort((a, b) => b.call_count - a.call_count),
  }
}
