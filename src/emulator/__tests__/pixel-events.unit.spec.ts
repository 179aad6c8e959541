import { createHash } from "node:crypto"
import { startGraphEmulator, type GraphEmulator } from "../index"
import { graphSend } from "./emulator-test-client"

const sha = (v: string) => createHash("sha256").update(v).digest("hex")
const PIXEL = "60001"

describe("emulator: POST /{pixel_id}/events (Conversions API)", () => {
  let emulator: GraphEmulator
  let token: string
  const now = () => Math.floor(Date.now() / 1000)
  const event = (patch: Record<string, unknown> = {}) => ({
    event_name: "Purchase",
    event_time: now() - 60,
    event_id: "order_1",
    action_source: "website",
    event_source_url: "https://shop.example.com/checkout",
    user_data: { em: [sha("a@b.co")], client_ip_address: "203.0.113.1", client_user_agent: "Mozilla/5.0", fbp: "fb.1.1596403881668.1116446470" },
    custom_data: { value: 19.99, currency: "USD" },
    ...patch,
  })
  const send = (data: unknown, extra: Record<string, unknown> = {}) => graphSend(emulator, "POST", `${PIXEL}/events`, token, { data, ...extra })

  beforeAll(async () => {
    emulator = await startGraphEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(() => {
    emulator.reset()
    token = emulator.createSystemUserToken()
  })

  it("accepts a valid batch, answers events_received and keeps the events for inspection", async () => {
    const reply = await send([event(), event({ event_id: "order_2" })], { test_event_code: "TEST123", partner_agent: "medusa-plugin-meta" })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ events_received: 2, messages: [] })
    expect(reply.body.fbtrace_id).toEqual(expect.any(String))
    const received = emulator.receivedEvents(PIXEL)
    expect(received.map((r) => r.event.event_id)).toEqual(["order_1", "order_2"])
    expect(received[0]).toMatchObject({ testEventCode: "TEST123", partnerAgent: "medusa-plugin-meta" })
    const control = await fetch(new URL(`/_emulator/pixel-events?pixel_id=${PIXEL}`, emulator.url)).then((r) => r.json())
    expect(control.events).toHaveLength(2)
  })

  it("accepts data as a JSON string (form-encoded SDK calls)", async () => {
    expect((await send(JSON.stringify([event()]))).body.events_received).toBe(1)
  })

  it.each([
    ["event_name missing", { event_name: undefined }, "event_name"],
    ["event_time older than 7 days", { event_time: Math.floor(Date.now() / 1000) - 8 * 86400 }, "within 7 days"],
    ["event_time in the future", { event_time: Math.floor(Date.now() / 1000) + 3600 }, "future"],
    ["event_time in milliseconds", { event_time: Date.now() }, "future"],
    ["bad action_source", { action_source: "web" }, "action_source"],
    ["website without event_source_url", { event_source_url: undefined }, "event_source_url"],
    ["website without user agent", { user_data: { em: [sha("x@y.z")] } }, "client_user_agent"],
    ["unhashed email", { user_data: { em: ["jane@example.com"], client_user_agent: "UA" } }, "user_data.em must be hashed"],
    ["uppercase hash", { user_data: { ph: [sha("1").toUpperCase()], client_user_agent: "UA" } }, "user_data.ph must be hashed"],
    ["hashed IP", { user_data: { client_ip_address: sha("1.2.3.4"), client_user_agent: "UA", em: [sha("a")] } }, "client_ip_address"],
    ["malformed fbp", { user_data: { fbp: "1116446470", client_user_agent: "UA" } }, "fbp"],
    ["too little customer information", { action_source: "other", user_data: { ct: [sha("paris")] } }, "at least one of"],
    ["Purchase without value", { custom_data: { currency: "USD" } }, "custom_data.value"],
    ["Purchase without currency", { custom_data: { value: 1 } }, "custom_data.currency"],
  ])("rejects the whole batch when one event has %s", async (_label, patch, reason) => {
    const reply = await send([event({ event_id: "good" }), event(patch)])
    expect(reply.status).toBe(400)
    expect(reply.body.error).toMatchObject({ code: 100, message: "(#100) Invalid parameter" })
    expect(reply.body.error.error_user_msg).toContain("data[1]")
    expect(reply.body.error.error_user_msg).toContain(reason)
    expect(emulator.receivedEvents(PIXEL)).toEqual([])
  })

  it("rejects more than 1,000 events, an empty or missing data, and data that is not an array", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => event({ event_id: `e${i}` }))
    expect((await send(many)).body.error.message).toContain("at most 1000")
    expect((await send([])).status).toBe(400)
    expect((await graphSend(emulator, "POST", `${PIXEL}/events`, token, {})).body.error.message).toContain("data is required")
    expect((await send("not json")).body.error.message).toContain("must be an array")
  })

  it("accepts exactly 1,000 events", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => event({ event_id: `e${i}` }))
    expect((await send(many)).body.events_received).toBe(1000)
  })

  it("refuses calls without a token or for a pixel of another business", async () => {
    const anonymous = await fetch(new URL(`/v25.0/${PIXEL}/events`, emulator.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: [event()] }),
    })
    expect(anonymous.status).toBe(400)
    expect((await graphSend(emulator, "POST", "99999/events", token, { data: [event()] })).status).toBe(400)
  })

  it("honours injected faults", async () => {
    emulator.injectFault({ kind: "5xx", path: "/events", times: 1, status: 503 })
    expect((await send([event()])).status).toBe(503)
    expect((await send([event()])).status).toBe(200)
    expect(emulator.receivedEvents(PIXEL)).toHaveLength(1)
  })
})
