import { FEATURE_NAMES, type FeatureName } from "../../connection/features"
import { RECENT_EVENT_DAYS, type SetupHealthInput, setupHealthChecks, setupIsHealthy } from "../setup-health"

const NOW = new Date("2026-12-04T12:00:00Z")
const DAY = 86_400_000

function allFeatures(enabled = true): SetupHealthInput["features"] {
  return Object.fromEntries(FEATURE_NAMES.map((f) => [f, { enabled, missingPermissions: [] }])) as SetupHealthInput["features"]
}

function input(overrides: Partial<SetupHealthInput> = {}): SetupHealthInput {
  return {
    now: NOW,
    token: { reachable: true, valid: true, error: null, expiresAt: null },
    features: allFeatures(),
    selected: { page_id: "30001", instagram_account_id: "40001", ad_account_id: "act_50001", pixel_id: "60001", catalog_id: "70001" },
    assetNames: { "30001": "Acme Store", "40001": "@acmestore", act_50001: "Acme Ads", "60001": "Acme Pixel", "70001": "Acme (Medusa)" },
    catalog: { state: "ok", name: "Acme (Medusa)", productCount: 12 },
    pixel: { state: "ok", lastFiredAt: new Date(NOW.getTime() - DAY) },
    lastSentEventAt: null,
    webhook: { verifyTokenConfigured: true, verifiedAt: new Date("2026-12-01T08:00:00Z") },
    pageSubscription: { state: "ok", subscribed: true },
    ...overrides,
  }
}

const check = (i: SetupHealthInput, key: string) => setupHealthChecks(i).find((c) => c.key === key)

describe("setupHealthChecks", () => {
  it("is all ok for a complete setup, in the order a merchant fixes things", () => {
    const checks = setupHealthChecks(input())
    expect(checks.map((c) => [c.key, c.status])).toEqual([
      ["token", "ok"],
      ["feature.catalog", "ok"],
      ["feature.capi", "ok"],
      ["feature.publishing", "ok"],
      ["feature.insights", "ok"],
      ["feature.ads", "ok"],
      ["feature.webhooks", "ok"],
      ["catalog_reachable", "ok"],
      ["pixel_events", "ok"],
      ["webhook_callback", "ok"],
      ["webhook_page_subscription", "ok"],
    ])
    expect(checks.every((c) => c.fix === null)).toBe(true)
    expect(setupIsHealthy(checks)).toBe(true)
  })

  it("names the assets a feature uses, never only their ids", () => {
    expect(check(input(), "feature.publishing")!.message).toBe("Permissions granted; uses “Acme Store” and “@acmestore”.")
    expect(check(input(), "catalog_reachable")!.message).toBe("Meta's catalog “Acme (Medusa)” answers (12 items).")
    expect(check(input({ catalog: { state: "ok", name: "One", productCount: 1 } }), "catalog_reachable")!.message).toMatch(/\(1 item\)/)
    expect(check(input({ catalog: { state: "ok", name: "One", productCount: null } }), "catalog_reachable")!.message).toBe("Meta's catalog “One” answers.")
  })

  it("falls back to the id for an asset it has no name for", () => {
    expect(check(input({ assetNames: {} }), "feature.ads")!.message).toBe("Permissions granted; uses “act_50001”.")
  })

  describe("token", () => {
    it("fails a token Meta refuses, with Reconnect, and ignores stale permissions", () => {
      const i = input({ token: { reachable: true, valid: false, error: "Error validating access token", expiresAt: null } })
      i.features.catalog.missingPermissions = ["catalog_management"]
      const token = check(i, "token")!
      expect(token).toEqual(expect.objectContaining({ status: "failed", fix: { label: "Reconnect", to: "/settings/meta" } }))
      expect(token.message).toBe(
        "Meta no longer accepts the store's access (\"Error validating access token\"): reconnect to Meta; until then nothing is sent or read."
      )
      expect(check(i, "feature.catalog")!.status).toBe("ok")
      expect(setupIsHealthy(setupHealthChecks(i))).toBe(false)
    })

    it("only warns when Meta did not answer (nothing is known to be broken)", () => {
      const token = check(input({ token: { reachable: false, valid: true, error: "socket hang up", expiresAt: null } }), "token")!
      expect(token.status).toBe("warning")
      expect(token.message).toMatch(/^Meta did not answer \(socket hang up\), so the setup could not be checked: try again/)
    })

    it("says until when a token works", () => {
      const token = check(input({ token: { reachable: true, valid: true, error: null, expiresAt: new Date("2027-02-01T10:30:00Z") } }), "token")!
      expect(token.message).toBe("Meta accepts the store's access until 1 Feb 2027, 10:30 UTC; the store renews it before then.")
    })
  })

  describe("features", () => {
    it("lists a switched-off feature nowhere, with the checks only it needs", () => {
      const features = allFeatures()
      features.catalog.enabled = false
      features.webhooks.enabled = false
      const keys = setupHealthChecks(input({ features })).map((c) => c.key)
      expect(keys).not.toContain("feature.catalog")
      expect(keys).not.toContain("catalog_reachable")
      expect(keys).not.toContain("webhook_callback")
      expect(keys).not.toContain("webhook_page_subscription")
      expect(keys).toContain("pixel_events")
    })

    it("with every feature off, only the token is checked", () => {
      expect(setupHealthChecks(input({ features: allFeatures(false) })).map((c) => c.key)).toEqual(["token"])
    })

    it("fails missing permissions with Reconnect, one or several", () => {
      const features = allFeatures()
      features.ads.missingPermissions = ["ads_read"]
      features.webhooks.missingPermissions = ["pages_manage_metadata", "leads_retrieval", "instagram_manage_comments"]
      const i = input({ features })
      expect(check(i, "feature.ads")).toEqual({
        key: "feature.ads",
        title: "Ads",
        status: "failed",
        message: "Meta did not grant ads_read: reconnect and allow it.",
        fix: { label: "Reconnect", to: "/settings/meta" },
      })
      expect(check(i, "feature.webhooks")!.message).toBe(
        "Meta did not grant pages_manage_metadata, leads_retrieval and instagram_manage_comments: reconnect and allow them."
      )
    })

    it("fails a feature without its asset, with Choose in settings", () => {
      const i = input({ selected: { page_id: null, instagram_account_id: null, ad_account_id: null, pixel_id: null, catalog_id: null } })
      expect(check(i, "feature.capi")).toEqual(
        expect.objectContaining({ status: "failed", message: "None is chosen yet: choose a pixel (dataset) in the Meta settings.", fix: { label: "Choose in settings", to: "/settings/meta" } })
      )
      expect(check(i, "feature.publishing")!.message).toBe("None is chosen yet: choose a Facebook Page or an Instagram account in the Meta settings.")
      // Nothing chosen, nothing to read.
      for (const key of ["catalog_reachable", "pixel_events", "webhook_page_subscription"]) expect(check(i, key)).toBeUndefined()
      expect(check(i, "webhook_callback")).toBeDefined()
    })

    it("an Instagram account alone is enough for publishing", () => {
      const i = input({ selected: { ...input().selected, page_id: null } })
      expect(check(i, "feature.publishing")!.status).toBe("ok")
    })

    it("tells both problems at once, Reconnect first", () => {
      const features = allFeatures()
      features.catalog.missingPermissions = ["catalog_management"]
      const i = input({ features, selected: { ...input().selected, catalog_id: null } })
      expect(check(i, "feature.catalog")).toEqual(
        expect.objectContaining({
          message: "Meta did not grant catalog_management: reconnect and allow it. None is chosen yet: choose a catalog in the Meta settings.",
          fix: { label: "Reconnect", to: "/settings/meta" },
        })
      )
    })
  })

  describe("catalog", () => {
    it("fails a catalog Meta no longer has", () => {
      const c = check(input({ catalog: { state: "missing", error: "Unsupported get request" } }), "catalog_reachable")!
      expect(c.status).toBe("failed")
      expect(c.message).toMatch(/^Meta no longer has the catalog “Acme \(Medusa\)”/)
      expect(c.fix).toEqual({ label: "Choose in settings", to: "/settings/meta" })
    })

    it("fails a refused catalog and quotes Meta", () => {
      expect(check(input({ catalog: { state: "refused", error: "(#200) Permissions error" } }), "catalog_reachable")!.message).toMatch(
        /refused access to the catalog “Acme \(Medusa\)” \(\(#200\) Permissions error\)/
      )
    })

    it("only warns when Meta is down", () => {
      expect(check(input({ catalog: { state: "unreachable", error: "timeout" } }), "catalog_reachable")).toEqual(
        expect.objectContaining({ status: "warning", fix: null })
      )
    })

    it("is not listed when it was not read", () => {
      expect(check(input({ catalog: null }), "catalog_reachable")).toBeUndefined()
    })
  })

  describe("pixel", () => {
    it("takes the newest of Meta's last_fired_time and the store's last sent event", () => {
      const sent = new Date(NOW.getTime() - 2 * 3600_000)
      const c = check(input({ pixel: { state: "ok", lastFiredAt: new Date(NOW.getTime() - 40 * DAY) }, lastSentEventAt: sent }), "pixel_events")!
      expect(c.status).toBe("ok")
      expect(c.message).toBe("Meta received the latest event from the pixel “Acme Pixel” on 4 Dec 2026, 10:00 UTC.")
    })

    it("is ok exactly at the edge of the window, and warns past it", () => {
      const edge = new Date(NOW.getTime() - RECENT_EVENT_DAYS * DAY)
      expect(check(input({ pixel: { state: "ok", lastFiredAt: edge } }), "pixel_events")!.status).toBe("ok")
      const past = check(input({ pixel: { state: "ok", lastFiredAt: new Date(edge.getTime() - 1000) } }), "pixel_events")!
      expect(past.status).toBe("warning")
      expect(past.message).toMatch(/^The last event Meta received from the pixel “Acme Pixel” was on 27 Nov 2026/)
      expect(past.fix).toEqual({ label: "Open events", to: "/meta/events" })
    })

    it("warns, with a next step, when no event ever arrived", () => {
      const c = check(input({ pixel: { state: "ok", lastFiredAt: null } }), "pixel_events")!
      expect(c).toEqual(expect.objectContaining({ status: "warning", fix: { label: "Open events", to: "/meta/events" } }))
      expect(c.message).toMatch(/has not received any event from the pixel “Acme Pixel” yet: place a test order/)
    })

    it("fails a pixel Meta refuses to show, warns when Meta is down", () => {
      expect(check(input({ pixel: { state: "refused", error: "no" } }), "pixel_events")!.status).toBe("failed")
      expect(check(input({ pixel: { state: "missing", error: "gone" } }), "pixel_events")!.status).toBe("failed")
      expect(check(input({ pixel: { state: "unreachable", error: "503" } }), "pixel_events")!.status).toBe("warning")
    })
  })

  describe("webhooks", () => {
    it("warns until Meta verified the URL", () => {
      const c = check(input({ webhook: { verifyTokenConfigured: true, verifiedAt: null } }), "webhook_callback")!
      expect(c.status).toBe("warning")
      expect(c.message).toMatch(/^Meta has not verified the webhooks URL yet/)
    })

    it("says when Meta verified it", () => {
      expect(check(input(), "webhook_callback")!.message).toBe("Meta verified the webhooks URL on 1 Dec 2026, 08:00 UTC.")
    })

    it("fails without a verify token, even after an old verification", () => {
      const c = check(input({ webhook: { verifyTokenConfigured: false, verifiedAt: new Date() } }), "webhook_callback")!
      expect(c.status).toBe("failed")
      expect(c.message).toMatch(/webhookVerifyToken \(or META_WEBHOOK_VERIFY_TOKEN\)/)
    })

    it("warns with a Subscribe step when the Page is not subscribed", () => {
      const c = check(input({ pageSubscription: { state: "ok", subscribed: false } }), "webhook_page_subscription")!
      expect(c).toEqual(expect.objectContaining({ status: "warning", fix: { label: "Subscribe the Page", to: "/settings/meta" } }))
      expect(c.message).toBe("The Page “Acme Store” is not subscribed to this app, so Meta sends none of its comments or leads: subscribe it.")
    })

    it("fails when Meta refuses the Page's subscriptions, with Reconnect", () => {
      expect(check(input({ pageSubscription: { state: "refused", error: "(#210)" } }), "webhook_page_subscription")).toEqual(
        expect.objectContaining({ status: "failed", fix: { label: "Reconnect", to: "/settings/meta" } })
      )
    })
  })
})

describe("setupIsHealthy", () => {
  it("is healthy with warnings only", () => {
    const checks = setupHealthChecks(input({ webhook: { verifyTokenConfigured: true, verifiedAt: null }, pixel: { state: "ok", lastFiredAt: null } }))
    expect(checks.some((c) => c.status === "warning")).toBe(true)
    expect(setupIsHealthy(checks)).toBe(true)
  })

  it("is not healthy with one failure", () => {
    const features = allFeatures()
    features.insights.missingPermissions = ["read_insights"]
    expect(setupIsHealthy(setupHealthChecks(input({ features })))).toBe(false)
  })

  it("every feature has a check when on", () => {
    const keys = setupHealthChecks(input()).map((c) => c.key)
    for (const feature of FEATURE_NAMES as readonly FeatureName[]) expect(keys).toContain(`feature.${feature}`)
  })
})
