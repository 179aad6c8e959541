import { highestUsage, outlookText } from "../overview-format"

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.parse("2026-12-03T10:00:00Z")
const at = (ms: number) => new Date(ms).toISOString()

describe("outlookText", () => {
  it("names the renewal day of a token with more than 7 days left", () => {
    const text = outlookText({ kind: "renews_automatically", on: at(NOW + 43 * DAY) }, at(NOW + 50 * DAY), NOW)
    expect(text).toMatch(/^Renews automatically on .*2027\.$/)
    expect(text).not.toMatch(/expires/)
  })

  it("says a token in its last 7 days expires soon, with its date, and what to do if renewal fails", () => {
    const text = outlookText({ kind: "renews_automatically", on: at(NOW) }, at(NOW + 3 * DAY), NOW)
    expect(text).toMatch(/^The token expires soon, on .*2026/)
    expect(text).toContain("Dec")
    expect(text).toContain("6")
    expect(text).toContain("reconnect in Settings → Meta")
  })

  it("treats exactly 7 days left as expiring (the refresh job's window), 7 days and a minute as not", () => {
    expect(outlookText({ kind: "renews_automatically", on: at(NOW) }, at(NOW + 7 * DAY), NOW)).toMatch(/expires soon/)
    expect(outlookText({ kind: "renews_automatically", on: at(NOW + 60_000) }, at(NOW + 7 * DAY + 60_000), NOW)).toMatch(/^Renews automatically/)
  })

  it("keeps the renewal sentence when the expiry is unknown or unreadable", () => {
    expect(outlookText({ kind: "renews_automatically", on: at(NOW) }, null, NOW)).toMatch(/^Renews automatically/)
    expect(outlookText({ kind: "renews_automatically", on: at(NOW) }, "not a date", NOW)).toMatch(/^Renews automatically/)
    expect(outlookText({ kind: "renews_automatically", on: at(NOW) }, undefined, NOW)).toMatch(/^Renews automatically/)
  })

  it("words the other outlooks", () => {
    expect(outlookText({ kind: "reconnect_before", before: at(NOW + 2 * DAY) }, null, NOW)).toMatch(/^Reconnect before .*: Meta only renews data access/)
    expect(outlookText({ kind: "never_expires" })).toBe("The token does not expire.")
    expect(outlookText({ kind: "expired", since: null })).toBe("The token has expired: reconnect.")
    expect(outlookText({ kind: "expired", since: at(NOW - DAY) })).toMatch(/^The token expired on .*: reconnect\.$/)
    expect(outlookText({ kind: "needs_reconnect", reason: "Access was revoked at Meta." })).toBe("Reconnect: Access was revoked at Meta.")
  })
})

describe("highestUsage", () => {
  it("is null without any reading", () => {
    expect(highestUsage({ app: null, objects: [] } as never)).toBeNull()
  })

  it("picks the fullest budget across the app and the objects", () => {
    const usage = {
      app: { call_count: 12, total_cputime: 3, total_time: 5 },
      objects: [
        { type: "ad_account", id: "act_1", call_count: 4, total_cputime: 71, total_time: 9 },
        { type: "instagram", id: "17841", call_count: 30, total_cputime: 0, total_time: 0 },
      ],
    }
    expect(highestUsage(usage as never)).toEqual({ percent: 71, label: "ad_account act_1" })
  })
})
