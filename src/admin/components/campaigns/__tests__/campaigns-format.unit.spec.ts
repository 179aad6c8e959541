import type { MetaAdMetrics, MetaCampaign } from "../../../../types/http/ads"
import {
  budgetOf,
  changeValueLines,
  chartRows,
  describeAction,
  effectiveStatusOf,
  formatAdMoney,
  formatBudget,
  formatCtr,
  formatRoas,
  objectiveLabel,
  parseActor,
  parseBudgetInput,
  pickAdRange,
  reviewFeedbackLines,
  summarizeCampaigns,
  syncSummary,
} from "../campaigns-format"

/** Intl separates a currency code from the amount with a no-break space; the tests read it as a space. */
const plain = (text: string) => text.replace(/\u00a0/g, " ")

const metrics = (overrides: Partial<MetaAdMetrics> = {}): MetaAdMetrics => ({
  spend: "0",
  impressions: 0,
  reach: null,
  frequency: null,
  clicks: 0,
  link_clicks: null,
  cpm: null,
  cpc: null,
  ctr: null,
  purchases: 0,
  purchase_value: "0",
  roas: null,
  cost_per_purchase: null,
  store_orders: 0,
  store_revenue: "0",
  store_roas: null,
  store_revenue_other_currencies: [],
  ...overrides,
})

const campaign = (id: string, byRange: MetaCampaign["metrics"], overrides: Partial<MetaCampaign> = {}): MetaCampaign => ({
  id,
  meta_id: `meta_${id}`,
  ad_account_id: "acc_1",
  name: `Campaign ${id}`,
  objective: "OUTCOME_SALES",
  status: "ACTIVE",
  effective_status: "ACTIVE",
  daily_budget: "40.00",
  daily_budget_minor: "4000",
  lifetime_budget: null,
  lifetime_budget_minor: null,
  bid_strategy: null,
  special_ad_categories: [],
  start_time: null,
  stop_time: null,
  metrics: byRange,
  synced_at: null,
  ...overrides,
})

describe("pickAdRange", () => {
  it("keeps a range the picker offers", () => {
    expect(pickAdRange("today")).toBe("today")
    expect(pickAdRange("last_30d")).toBe("last_30d")
  })

  it("falls back to 7 days for anything else, including a range the page does not offer", () => {
    expect(pickAdRange(null)).toBe("last_7d")
    expect(pickAdRange("last_90d")).toBe("last_7d")
    expect(pickAdRange("last_3d")).toBe("last_7d")
  })
})

describe("formatAdMoney", () => {
  it("formats in the account currency with that currency's digits", () => {
    expect(formatAdMoney("1234.5", "USD", "en-US")).toBe("$1,234.50")
    expect(formatAdMoney("1000", "JPY", "en-US")).toBe("¥1,000")
    expect(plain(formatAdMoney("1234.5", "EUR", "de-DE"))).toBe("1.234,50 €")
    expect(plain(formatAdMoney("1.2", "KWD", "en-US"))).toBe("KWD 1.200")
  })

  it("rounds exactly, never through floats", () => {
    expect(formatAdMoney("0.125", "USD", "en-US")).toBe("$0.13")
    expect(formatAdMoney("12345678901234.565", "USD", "en-US")).toBe("$12,345,678,901,234.57")
  })

  it("shows a dash when there is no amount, and zero as zero", () => {
    expect(formatAdMoney(null, "USD", "en-US")).toBe("—")
    expect(formatAdMoney(undefined, "USD", "en-US")).toBe("—")
    expect(formatAdMoney("0", "USD", "en-US")).toBe("$0.00")
  })
})

describe("formatCtr and formatRoas", () => {
  it("reads Meta's CTR as a percentage", () => {
    expect(formatCtr("1.5", "en-US")).toBe("1.50%")
    expect(formatCtr("0.0312", "en-US")).toBe("0.03%")
    expect(formatCtr(null, "en-US")).toBe("—")
  })

  it("writes ROAS as a multiple", () => {
    expect(formatRoas("3.2", "en-US")).toBe("3.20×")
    expect(formatRoas("0", "en-US")).toBe("0.00×")
    expect(formatRoas(null, "en-US")).toBe("—")
  })
})

describe("summarizeCampaigns", () => {
  it("adds money exactly and recomputes the ratios from the totals", () => {
    const summary = summarizeCampaigns(
      [
        campaign("a", { last_7d: metrics({ spend: "0.1", impressions: 1000, clicks: 10, purchases: 1, purchase_value: "1.1" }) }),
        campaign("b", { last_7d: metrics({ spend: "0.2", impressions: 3000, clicks: 20, purchases: 2, purchase_value: "0.1" }) }),
      ],
      "last_7d"
    )
    expect(summary).toEqual({
      reported: 2,
      spend: "0.3",
      purchase_value: "1.2",
      purchases: 3,
      impressions: 4000,
      clicks: 30,
      roas: "4",
      cpm: "0.075",
      ctr: "0.75",
    })
  })

  it("leaves out campaigns without figures for the range", () => {
    const summary = summarizeCampaigns(
      [campaign("a", { today: metrics({ spend: "5" }) }), campaign("b", { last_7d: metrics({ spend: "9" }) })],
      "today"
    )
    expect(summary?.reported).toBe(1)
    expect(summary?.spend).toBe("5")
  })

  it("is null when no campaign has figures, and ratios are null without a denominator", () => {
    expect(summarizeCampaigns([campaign("a", {})], "today")).toBeNull()
    expect(summarizeCampaigns([], "today")).toBeNull()
    const idle = summarizeCampaigns([campaign("a", { today: metrics() })], "today")
    expect(idle).toMatchObject({ spend: "0", roas: null, cpm: null, ctr: null })
  })
})

describe("chartRows", () => {
  it("keeps campaigns that spent or sold, most spend first, at most `max`", () => {
    const rows = chartRows(
      [
        campaign("idle", { last_7d: metrics() }),
        campaign("small", { last_7d: metrics({ spend: "10", purchase_value: "30" }) }),
        campaign("none", {}),
        campaign("big", { last_7d: metrics({ spend: "100.5", purchase_value: "80" }) }),
        campaign("free", { last_7d: metrics({ purchase_value: "5" }) }),
      ],
      "last_7d",
      2
    )
    expect(rows).toEqual([
      { id: "big", name: "Campaign big", spend: 100.5, purchase_value: 80 },
      { id: "small", name: "Campaign small", spend: 10, purchase_value: 30 },
    ])
  })
})

describe("budgets", () => {
  it("reads the budget an object runs on", () => {
    expect(budgetOf({ daily_budget: "40.00", daily_budget_minor: "4000", lifetime_budget: null, lifetime_budget_minor: null })).toEqual({
      field: "daily_budget",
      amount: "40.00",
    })
    expect(budgetOf({ daily_budget: null, daily_budget_minor: null, lifetime_budget: "900", lifetime_budget_minor: "900" })).toEqual({
      field: "lifetime_budget",
      amount: "900",
    })
    expect(budgetOf({ daily_budget: null, daily_budget_minor: null, lifetime_budget: null, lifetime_budget_minor: null })).toBeNull()
  })

  it("words a budget with its period", () => {
    expect(formatBudget("daily_budget", "40.00", "USD", "en-US")).toBe("$40.00 a day")
    expect(formatBudget("lifetime_budget", "1000", "JPY", "en-US")).toBe("¥1,000 lifetime")
  })
})

describe("parseBudgetInput", () => {
  it("accepts a plain decimal in the main unit", () => {
    expect(parseBudgetInput(" 25 ", "USD")).toEqual({ ok: true, amount: "25" })
    expect(parseBudgetInput("25.50", "usd")).toEqual({ ok: true, amount: "25.50" })
    expect(parseBudgetInput("50000", "COP")).toEqual({ ok: true, amount: "50000" })
    expect(parseBudgetInput("50000.00", "COP")).toEqual({ ok: true, amount: "50000.00" })
  })

  it("refuses what Meta would not read as the merchant meant it", () => {
    expect(parseBudgetInput("", "USD")).toEqual({ ok: false, message: "Enter an amount" })
    expect(parseBudgetInput("1,000", "USD")).toMatchObject({ ok: false, message: expect.stringContaining("such as 25.00") })
    expect(parseBudgetInput("$25", "USD")).toMatchObject({ ok: false })
    expect(parseBudgetInput("-5", "USD")).toMatchObject({ ok: false })
    expect(parseBudgetInput("1,000", "JPY")).toMatchObject({ ok: false, message: expect.stringContaining("such as 50000") })
    expect(parseBudgetInput("0.00", "USD")).toEqual({ ok: false, message: "The budget must be more than 0" })
  })

  it("holds the decimals to Meta's offset for the currency, not ISO's", () => {
    expect(parseBudgetInput("25.505", "USD")).toEqual({ ok: false, message: "USD budgets can have at most 2 decimals at Meta" })
    expect(parseBudgetInput("50000.5", "COP")).toEqual({ ok: false, message: "COP budgets are whole COP at Meta (no decimals)" })
    expect(parseBudgetInput("1000.5", "JPY")).toMatchObject({ ok: false })
    // BHD has 3 ISO decimals but offset 100 at Meta.
    expect(parseBudgetInput("1.125", "BHD")).toMatchObject({ ok: false })
    expect(parseBudgetInput("1.12", "BHD")).toEqual({ ok: true, amount: "1.12" })
  })
})

describe("labels", () => {
  it("names Meta's delivery states, and humanizes one it adds later", () => {
    expect(effectiveStatusOf("CAMPAIGN_PAUSED")).toEqual({ label: "Campaign paused", color: "grey" })
    expect(effectiveStatusOf("DISAPPROVED")).toEqual({ label: "Rejected", color: "red" })
    expect(effectiveStatusOf("SOMETHING_NEW")).toEqual({ label: "Something new", color: "grey" })
  })

  it("names ODAX objectives", () => {
    expect(objectiveLabel("OUTCOME_SALES")).toBe("Sales")
    expect(objectiveLabel("LINK_CLICKS")).toBe("Link clicks")
    expect(objectiveLabel(null)).toBe("—")
  })
})

describe("reviewFeedbackLines", () => {
  it("reads global and per-placement reasons", () => {
    expect(
      reviewFeedbackLines({
        global: { "Non-Functional Landing Page": "Ads can't lead to pages that don't work." },
        placement_specific: { instagram: { PROHIBITED_CONTENT: "Not allowed on Instagram." } },
      })
    ).toEqual([
      { where: "All placements", reason: "Non-Functional Landing Page", detail: "Ads can't lead to pages that don't work." },
      { where: "Instagram", reason: "Prohibited content", detail: "Not allowed on Instagram." },
    ])
  })

  it("is empty without feedback", () => {
    expect(reviewFeedbackLines(null)).toEqual([])
    expect(reviewFeedbackLines({})).toEqual([])
  })
})

describe("audit log", () => {
  it("describes the action and who made it", () => {
    expect(describeAction({ action: "pause", object_type: "ad_set" })).toBe("Paused ad set")
    expect(describeAction({ action: "set_budget", object_type: "campaign" })).toBe("Changed the budget of campaign")
    expect(parseActor("user:usr_01")).toEqual({ kind: "user", id: "usr_01" })
    expect(parseActor("rule:rul_9")).toEqual({ kind: "rule", id: "rul_9" })
    expect(parseActor("system")).toEqual({ kind: "other", text: "system" })
  })

  it("shows logged budgets (Meta units) as money in the account currency", () => {
    expect(changeValueLines({ before: { daily_budget: "4000" }, after: { daily_budget: "40000" } }, "USD", { locale: "en-US" })).toEqual([
      { label: "Daily budget", before: "$40.00", after: "$400.00" },
    ])
    expect(changeValueLines({ before: { lifetime_budget: "50000" }, after: { lifetime_budget: "60000" } }, "JPY", { locale: "en-US" })).toEqual([
      { label: "Lifetime budget", before: "¥50,000", after: "¥60,000" },
    ])
  })

  it("shows statuses by name and a value that was not set as none", () => {
    expect(changeValueLines({ before: { status: "ACTIVE" }, after: { status: "PAUSED" } }, "USD")).toEqual([
      { label: "Status", before: "Active", after: "Paused" },
    ])
    expect(changeValueLines({ before: { daily_budget: null }, after: { daily_budget: "100" } }, "USD", { locale: "en-US" })).toEqual([
      { label: "Daily budget", before: "none", after: "$1.00" },
    ])
    expect(changeValueLines({ before: null, after: null }, "USD")).toEqual([])
  })

  it("names a copy, also when its result was logged as a list", () => {
    const names = new Map([["120200000000078", "Ad set 1 (copy fc2c946f)"]])
    const logged = { before: null, after: [null, { copied_adset_id: "120200000000078" }] as unknown as Record<string, unknown> }
    expect(changeValueLines(logged, "USD", { names })).toEqual([
      { label: "Paused copy", before: "none", after: "Ad set 1 (copy fc2c946f)" },
    ])
    expect(changeValueLines({ before: null, after: { copied_adset_id: "9" } }, "USD")).toEqual([
      { label: "Paused copy", before: "none", after: "Meta id 9" },
    ])
  })
})

describe("syncSummary", () => {
  it("counts what was mirrored", () => {
    expect(syncSummary({ synced: true, campaigns: 3, ad_sets: 1, ads: 12, calls: 14 })).toEqual({
      ok: true,
      title: "Synced from Meta",
      description: "3 campaigns, 1 ad set and 12 ads in 14 calls to Meta.",
    })
  })

  it("says why nothing was synced", () => {
    expect(syncSummary({ synced: false, reason: "no ad account selected", campaigns: 0, ad_sets: 0, ads: 0, calls: 0 })).toMatchObject({
      ok: false,
      description: "No ad account selected: choose one in Settings → Meta.",
    })
    expect(syncSummary({ synced: false, reason: "token_expired", campaigns: 0, ad_sets: 0, ads: 0, calls: 0 }).description).toBe(
      "Token expired"
    )
  })
})
