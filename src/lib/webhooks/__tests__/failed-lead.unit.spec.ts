import { explainLeadFailure, presentFailedLead } from "../failed-lead"
import { WEBHOOKS_OFF_ERROR } from "../feature-gate"

const NOT_CONNECTED =
  "The Meta connection is not active (revoked, expired or disconnected); the lead will be fetched after reconnecting"

describe("explainLeadFailure", () => {
  it("tells the merchant to reconnect when the connection was not active", () => {
    const view = explainLeadFailure(NOT_CONNECTED, true)
    expect(view.reason).toMatch(/not connected when this lead arrived/)
    expect(view.next_step).toMatch(/^Reconnect in Settings → Meta, then retry/)
    expect(view.retry_can_help).toBe(true)
  })

  it("tells the merchant to turn Webhooks back on when the lead waited because it was off", () => {
    expect(explainLeadFailure(WEBHOOKS_OFF_ERROR, true)).toEqual({
      reason: "Webhooks was switched off when this lead arrived, so it was not processed.",
      next_step: "Turn on Webhooks in Settings → Meta, then retry this lead.",
      retry_can_help: true,
    })
  })

  it("says a retry will not help when the form collected no email or phone", () => {
    const view = explainLeadFailure("Lead 123 has neither an email nor a phone number, so it cannot become a customer", false)
    expect(view.reason).toBe("The form collected neither an email nor a phone number, so no customer could be created.")
    expect(view.next_step).toMatch(/retrying this lead will not help/)
    expect(view.retry_can_help).toBe(false)
  })

  it.each([
    "(#200) Requires leads_retrieval permission to manage the object",
    "(#10) Application does not have permission for this action",
    "Permissions error",
  ])("explains a missing permission: %s", (error) => {
    const view = explainLeadFailure(error, false)
    expect(view.reason).toMatch(/lacks lead access \(leads_retrieval\) or a role on the Page/)
    expect(view.next_step).toMatch(/allow access to leads/)
  })

  it("explains throttling, and says nothing is needed when it is retried automatically", () => {
    expect(explainLeadFailure("(#80005) There have been too many leadgen api calls", true)).toEqual({
      reason: "Meta asked the store to slow down (rate limit) while reading this lead.",
      next_step: "It is retried automatically; nothing to do.",
      retry_can_help: true,
    })
    expect(explainLeadFailure("(#4) Application request limit reached", false).next_step).toBe("Retry this lead in a few minutes.")
  })

  it("explains a token Meta no longer accepts", () => {
    const view = explainLeadFailure("Error validating access token: Session has expired on Friday", true)
    expect(view.reason).toMatch(/no longer accepts the store's access token/)
  })

  it("quotes an unknown error, collapsed and bounded, and says whether it is retried automatically", () => {
    const long = `Service\n  temporarily   unavailable ${"x".repeat(1000)}`
    const view = explainLeadFailure(long, true)
    expect(view.reason.startsWith("The lead could not be processed: Service temporarily unavailable x")).toBe(true)
    expect(view.reason.length).toBeLessThan(400)
    expect(view.next_step).toMatch(/retried automatically/)
    expect(explainLeadFailure("boom", false).next_step).toBe("Retry this lead once the cause is fixed.")
  })

  it.each([null, "", "   "])("never answers an empty reason (%p)", (error) => {
    expect(explainLeadFailure(error, false).reason).toBe("The lead could not be processed: no reason was recorded")
  })
})

describe("presentFailedLead", () => {
  it("reads the lead, form, Page and submission time from the leadgen change", () => {
    const view = presentFailedLead({
      entry_id: "30001",
      payload: { leadgen_id: "777", form_id: "81234", page_id: "30001", ad_id: "1", adgroup_id: "2", created_time: 1764806400 },
      last_error: NOT_CONNECTED,
      next_attempt_at: new Date(),
    })
    expect(view).toEqual(
      expect.objectContaining({
        leadgen_id: "777",
        form_id: "81234",
        page_id: "30001",
        submitted_at: "2025-12-04T00:00:00.000Z",
        retry_can_help: true,
      })
    )
  })

  it("falls back to the entry's Page and tolerates a payload that is not a leadgen notice", () => {
    expect(presentFailedLead({ entry_id: "30001", payload: { leadgen_id: 888 }, last_error: null, next_attempt_at: null })).toEqual(
      expect.objectContaining({ leadgen_id: "888", page_id: "30001", form_id: null, submitted_at: null })
    )
    expect(presentFailedLead({ entry_id: "x", payload: "garbage", last_error: "boom", next_attempt_at: null })).toEqual(
      expect.objectContaining({ leadgen_id: null, form_id: null, page_id: null, submitted_at: null })
    )
    expect(
      presentFailedLead({ entry_id: "1", payload: { leadgen_id: "9", created_time: Number.MAX_VALUE }, last_error: null, next_attempt_at: null })
        .submitted_at
    ).toBeNull()
  })
})
