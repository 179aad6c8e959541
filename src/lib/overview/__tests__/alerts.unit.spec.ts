import { DEFAULT_ALERT_SETTINGS, evaluateAlerts, resolveAlertSettings, type AlertSignals } from "../alerts"

const NOW = Date.parse("2026-06-10T18:00:00Z")
const DAY = 86_400_000
const quiet: AlertSignals = {
  connection: { id: "conn_1", status: "active", token_expires_at: new Date(NOW + 40 * DAY), data_access_expires_at: new Date(NOW + 60 * DAY), last_error: null },
  failedPublications: [],
  catalog: { errors: 0 },
  capi: { failing: 0, last_error: null },
  ruleActions: [],
  spend: null,
}
const kinds = (signals: Partial<AlertSignals>, settings = DEFAULT_ALERT_SETTINGS, now = NOW) =>
  evaluateAlerts({ ...quiet, ...signals }, settings, now).map((c) => c.cause_key)

describe("resolveAlertSettings", () => {
  it("fills the defaults and ignores what is not valid", () => {
    expect(resolveAlertSettings(null)).toEqual(DEFAULT_ALERT_SETTINGS)
    const settings = resolveAlertSettings({
      token: { enabled: false },
      catalog_errors: { threshold: 0 },
      capi_failing: { threshold: 2.5, enabled: "yes" },
      spend_pacing: { daily_ceiling: "12,5" },
      rule_acted: { enabled: true },
      email_recipients: ["a@b.c", 3],
      unknown: { enabled: true },
    })
    expect(settings.token.enabled).toBe(false)
    expect(settings.catalog_errors.threshold).toBe(10)
    expect(settings.capi_failing).toEqual({ enabled: true, threshold: 5 })
    expect(settings.spend_pacing.daily_ceiling).toBeNull()
    expect(settings.rule_acted.enabled).toBe(true)
    expect(settings.email_recipients).toEqual(["a@b.c"])
  })
})

describe("evaluateAlerts", () => {
  it("a healthy store has no alert", () => {
    expect(kinds({})).toEqual([])
    expect(kinds({ connection: null })).toEqual([])
  })

  it("a token in its last 7 days alerts once per expiry date; a renewal is a new cause", () => {
    const expiring = new Date(NOW + 3 * DAY)
    const [key] = kinds({ connection: { ...quiet.connection!, token_expires_at: expiring } })
    expect(key).toBe(`token:conn_1:token:${expiring.toISOString()}`)
    expect(kinds({ connection: { ...quiet.connection!, token_expires_at: new Date(NOW + 7 * DAY + 1) } })).toEqual([])
    expect(kinds({ connection: { ...quiet.connection!, token_expires_at: new Date(NOW + 7 * DAY) } })).toHaveLength(1)
    const [renewed] = kinds({ connection: { ...quiet.connection!, token_expires_at: new Date(NOW + 5 * DAY) } })
    expect(renewed).not.toBe(key)
  })

  it("data access ending soon alerts apart from the token; a token without expiry never does", () => {
    const keys = kinds({ connection: { ...quiet.connection!, token_expires_at: null, data_access_expires_at: new Date(NOW + DAY) } })
    expect(keys).toEqual([expect.stringMatching(/^token:conn_1:data_access:/)])
  })

  it("revoked, expired or refused tokens alert by status, whatever the dates", () => {
    for (const status of ["revoked", "expired", "error"]) {
      const causes = evaluateAlerts({ ...quiet, connection: { ...quiet.connection!, status, last_error: "Error validating access token" } }, DEFAULT_ALERT_SETTINGS, NOW)
      expect(causes.map((c) => c.cause_key)).toEqual([`token:conn_1:${status}`])
      expect(causes[0].description).toMatch(/Error validating access token/)
      expect(causes[0].link).toBe("/settings/meta")
    }
  })

  it("each failed publication is its own cause, named by its attempt", () => {
    const causes = evaluateAlerts(
      {
        ...quiet,
        failedPublications: [
          { id: "pub_1", caption: "x".repeat(200), reason: "The image is not a JPEG.", attempts: 1, failed_at: new Date(NOW) },
          { id: "pub_2", caption: null, reason: null, attempts: 3, failed_at: new Date(NOW) },
        ],
      },
      DEFAULT_ALERT_SETTINGS,
      NOW
    )
    expect(causes.map((c) => c.cause_key)).toEqual(["publication_failed:pub_1:1", "publication_failed:pub_2:3"])
    expect(causes[0].description.length).toBeLessThan(160)
    expect(causes[0].description).toMatch(/not a JPEG/)
    expect(causes[1].link).toBe("/meta/publishing?view=list&status=failed")
    expect(causes[1].description).toBe("Meta refused it. Open it in Publishing to fix and retry.")
  })

  it("ends Meta's reason with a full stop before saying what to do (Meta's messages often have none)", () => {
    const reason = "The media could not be fetched from this uri: https://cdn.example.com/a.jpg"
    const [cause] = evaluateAlerts(
      { ...quiet, failedPublications: [{ id: "pub_3", caption: "Autumn", reason, attempts: 1, failed_at: new Date(NOW) }] },
      DEFAULT_ALERT_SETTINGS,
      NOW
    )
    expect(cause.description).toBe(`"Autumn": ${reason}. Open it in Publishing to fix and retry.`)
    const [kept] = evaluateAlerts(
      { ...quiet, failedPublications: [{ id: "pub_4", caption: null, reason: "Is it a JPEG? ", attempts: 1, failed_at: new Date(NOW) }] },
      DEFAULT_ALERT_SETTINGS,
      NOW
    )
    expect(kept.description).toBe("Is it a JPEG? Open it in Publishing to fix and retry.")
  })

  it("catalog errors and Conversions API failures alert from their thresholds", () => {
    expect(kinds({ catalog: { errors: 9 } })).toEqual([])
    expect(kinds({ catalog: { errors: 10 } })).toEqual(["catalog_errors"])
    expect(kinds({ capi: { failing: 4, last_error: "x" } })).toEqual([])
    expect(kinds({ capi: { failing: 5, last_error: "(#100) Invalid parameter" } })).toEqual(["capi_failing"])
    const lower = resolveAlertSettings({ catalog_errors: { threshold: 1 } })
    expect(kinds({ catalog: { errors: 1 } }, lower)).toEqual(["catalog_errors"])
  })

  it("a rule that acted alerts only when that alert is turned on (off by default)", () => {
    const ruleActions = [{ evaluation_id: "ev_1", rule_id: "rule_1", rule_name: "Stop expensive ads", changes: 2, evaluated_at: new Date(NOW) }]
    expect(kinds({ ruleActions })).toEqual([])
    expect(kinds({ ruleActions }, resolveAlertSettings({ rule_acted: { enabled: true } }))).toEqual(["rule_acted:ev_1"])
  })

  it("a kind that is turned off never alerts", () => {
    const off = resolveAlertSettings(Object.fromEntries(["token", "publication_failed", "catalog_errors", "capi_failing", "spend_pacing"].map((k) => [k, { enabled: false }])))
    expect(
      kinds(
        {
          connection: { ...quiet.connection!, status: "revoked" },
          failedPublications: [{ id: "p", caption: null, reason: null, attempts: 1, failed_at: new Date(NOW) }],
          catalog: { errors: 100 },
          capi: { failing: 100, last_error: null },
          spend: { account_id: "act_1", currency: "USD", time_zone: "UTC", day: "2026-06-10", spend_today: "500", account_ceiling: "10" },
        },
        off
      )
    ).toEqual([])
  })

  describe("spend pacing", () => {
    const spend = (spend_today: string, extra: Partial<NonNullable<AlertSignals["spend"]>> = {}) => ({
      spend: { account_id: "act_1", currency: "USD", time_zone: "UTC", day: "2026-06-10", spend_today, account_ceiling: "100", ...extra },
    })

    it("spend already above the ceiling", () => {
      const [cause] = evaluateAlerts({ ...quiet, ...spend("100.01") }, DEFAULT_ALERT_SETTINGS, NOW)
      expect(cause).toMatchObject({ kind: "spend_pacing", cause_key: "spend_pacing:act_1:2026-06-10", title: expect.stringMatching(/above/) })
      // Exactly at the ceiling is not above it (yesterday: no projection, the day is complete).
      expect(kinds(spend("100", { day: "2026-06-09" }))).toEqual([])
    })

    it("the pace projected to the end of the day (18:00 UTC = 3/4 of the day)", () => {
      // 76 spent by 18:00 → 101.33 by midnight; 74 → 98.67.
      const [cause] = evaluateAlerts({ ...quiet, ...spend("76") }, DEFAULT_ALERT_SETTINGS, NOW)
      expect(cause.numbers.projected).toBe("101.33")
      expect(cause.title).toMatch(/pacing/)
      expect(kinds(spend("74"))).toEqual([])
    })

    it("no projection in the first hour of the day; the account's own zone decides the hour", () => {
      const early = Date.parse("2026-06-10T00:30:00Z")
      expect(kinds(spend("10"), DEFAULT_ALERT_SETTINGS, early)).toEqual([])
      // 18:00 UTC is 11:00 in Los Angeles: 50 spent projects to ~109 for that day.
      expect(kinds(spend("50", { time_zone: "America/Los_Angeles" }))).toEqual(["spend_pacing:act_1:2026-06-10"])
    })

    it("the alert setting's ceiling wins over the account's; no ceiling at all means no alert", () => {
      expect(kinds(spend("60"), resolveAlertSettings({ spend_pacing: { daily_ceiling: "50" } }))).toHaveLength(1)
      expect(kinds(spend("500", { account_ceiling: null }))).toEqual([])
      expect(kinds(spend("500", { account_ceiling: "0" }))).toEqual([])
    })

    it("a day that is over counts its whole spend", () => {
      expect(kinds(spend("99", { day: "2026-06-09" }))).toEqual([])
      expect(kinds(spend("101", { day: "2026-06-09" }))).toEqual(["spend_pacing:act_1:2026-06-09"])
    })
  })
})
