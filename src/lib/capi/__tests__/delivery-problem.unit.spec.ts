import { capiDeliveryProblem, isConnectionRefusal, type CapiDeliveryRow } from "../delivery-problem"

const row = (over: Partial<CapiDeliveryRow> = {}): CapiDeliveryRow => ({
  status: "pending",
  attempts: 0,
  last_error: null,
  last_error_code: null,
  ...over,
})

describe("capiDeliveryProblem", () => {
  it("has nothing to say about a sent event, whatever the connection is now", () => {
    expect(capiDeliveryProblem(row({ status: "sent", attempts: 1 }), "needs_reconnect")).toBeNull()
    expect(capiDeliveryProblem(row({ status: "sent", last_error: "old" }), "not_connected")).toBeNull()
  })

  it("has nothing to say about an event simply waiting its first send", () => {
    expect(capiDeliveryProblem(row(), "connected")).toBeNull()
  })

  it("tells a Meta outage (no code: timeout, network) from a refusal, and says it retries", () => {
    expect(capiDeliveryProblem(row({ attempts: 2, last_error: "Request timed out after 10000 ms" }), "connected")).toEqual({
      kind: "meta_unavailable",
      message: "Meta did not answer (Request timed out after 10000 ms); the event is retried automatically.",
    })
  })

  it.each([
    [1, "API Unknown"],
    [2, "API Service"],
    [4, "app throttled"],
    [17, "user throttled"],
    [613, "custom rate limit"],
    [80004, "business use case throttle"],
  ])("code %i (%s) is Meta not answering, not a reconnect", (code) => {
    expect(capiDeliveryProblem(row({ attempts: 1, last_error: "x", last_error_code: code }), "connected")?.kind).toBe("meta_unavailable")
  })

  it.each([
    [190, "token invalid"],
    [102, "session invalid"],
    [10, "permission not granted"],
    [200, "permission family"],
    [299, "permission family, last"],
  ])("code %i (%s) needs a reconnect even while the connection still looks active", (code) => {
    const problem = capiDeliveryProblem(row({ attempts: 1, last_error: "Meta said no", last_error_code: code }), "connected")
    expect(problem?.kind).toBe("needs_reconnect")
    expect(problem?.message).toMatch(/reconnect to Meta/)
    expect(problem?.message).toMatch(/Meta said no/)
  })

  it("needs a reconnect while Meta refuses the connection, even before any attempt", () => {
    expect(capiDeliveryProblem(row(), "needs_reconnect")).toMatchObject({ kind: "needs_reconnect" })
  })

  it("waits for a connection when there is none, over any older error", () => {
    expect(capiDeliveryProblem(row({ attempts: 3, last_error: "timeout", last_error_code: 190 }), "not_connected")).toMatchObject({
      kind: "not_connected",
      message: expect.stringMatching(/not connected to Meta/),
    })
  })

  it("an event Meta rejected is rejected, with Meta's reason, whatever the connection", () => {
    expect(capiDeliveryProblem(row({ status: "failed", attempts: 1, last_error: "Invalid parameter (#100)", last_error_code: 100 }), "not_connected")).toEqual({
      kind: "rejected",
      message: "Meta did not accept this event: Invalid parameter (#100)",
    })
    expect(capiDeliveryProblem(row({ status: "failed" }), "connected")?.message).toBe("Meta did not accept this event.")
  })

  it("an expired event is too old, never a reconnect", () => {
    expect(capiDeliveryProblem(row({ status: "expired", last_error_code: 190 }), "needs_reconnect")?.kind).toBe("expired")
  })

  it("a postponed event (not connected then, connected now) is just waiting", () => {
    expect(capiDeliveryProblem(row({ last_error: "The store is not connected to Meta" }), "connected")).toBeNull()
  })
})

describe("isConnectionRefusal", () => {
  it("is true for auth and permission codes only", () => {
    expect([190, 102, 10, 200, 250].every(isConnectionRefusal)).toBe(true)
    expect([null, undefined, 1, 2, 4, 100, 300, 613].some(isConnectionRefusal)).toBe(false)
  })
})
