import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { parseSignedRequest, verifyWebhookSignature } from "../../lib/webhooks"
import { startGraphEmulator, type GraphEmulator } from "../index"
import { APP_SECRET, graphGet } from "./emulator-test-client"

type Received = { body: string; signature?: string }

describe("emulator: leads and webhook deliveries", () => {
  let emulator: GraphEmulator
  let target: Server
  let targetUrl: string
  const received: Received[] = []

  beforeAll(async () => {
    emulator = await startGraphEmulator()
    // A stand-in store: answers 200 when the signature verifies, 401 otherwise.
    target = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on("data", (c: Buffer) => chunks.push(c))
      req.on("end", () => {
        const body = Buffer.concat(chunks)
        received.push({ body: body.toString(), signature: req.headers["x-hub-signature-256"] as string | undefined })
        const check = verifyWebhookSignature(body, req.headers["x-hub-signature-256"], APP_SECRET)
        res.writeHead(check.ok ? 200 : 401).end(check.ok ? "ok" : check.reason)
      })
    })
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve))
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/meta/webhooks`
  })

  afterAll(async () => {
    await emulator.close()
    await new Promise((resolve) => target.close(resolve))
  })

  beforeEach(() => {
    emulator.reset()
    received.length = 0
  })

  it("serves a lead's field_data to a token with leads_retrieval that can act for the Page", async () => {
    const lead = emulator.webhooks.createLead({ answers: { email: "a@b.co", full_name: "Ada L" }, consents: { terms: true } })
    const token = emulator.createSystemUserToken()
    const res = await graphGet(emulator, lead.id, token, { fields: "field_data,form_id,custom_disclaimer_responses" })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      id: lead.id,
      form_id: lead.formId,
      field_data: [
        { name: "email", values: ["a@b.co"] },
        { name: "full_name", values: ["Ada L"] },
      ],
      custom_disclaimer_responses: [{ checkbox_key: "terms", is_checked: "1" }],
    })
  })

  it("refuses a token without leads_retrieval (#200)", async () => {
    const lead = emulator.webhooks.createLead({ answers: { email: "a@b.co" } })
    const res = await graphGet(emulator, lead.id, emulator.createSystemUserToken({ scopes: ["pages_show_list", "business_management"] }))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(200)
  })

  it("answers 100/33 for an unknown lead and a nonexisting field", async () => {
    const token = emulator.createSystemUserToken()
    expect((await graphGet(emulator, "99999999", token)).body.error.error_subcode).toBe(33)
    const lead = emulator.webhooks.createLead({ answers: { email: "a@b.co" } })
    expect((await graphGet(emulator, lead.id, token, { fields: "secret" })).body.error.message).toMatch(/nonexisting field \(secret\)/)
  })

  it("serves a lead form's name to a token that can act for its Page, and refuses one without lead access", async () => {
    const lead = emulator.webhooks.createLead({ formId: "81234", formName: "Spring sign-up", answers: { email: "a@b.co" } })
    // a form keeps the name it was first given
    emulator.webhooks.createLead({ formId: "81234", formName: "Renamed?", answers: { email: "c@d.co" } })
    const token = emulator.createSystemUserToken()
    const res = await graphGet(emulator, lead.formId, token, { fields: "name,status" })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ id: "81234", name: "Spring sign-up", status: "ACTIVE" })
    expect((await graphGet(emulator, "81234", token)).body).toEqual({ id: "81234", name: "Spring sign-up" })
    expect((await graphGet(emulator, "81234", token, { fields: "questions_secret" })).body.error.message).toMatch(/nonexisting field/)
    const noLeads = emulator.createSystemUserToken({ scopes: ["pages_show_list", "business_management"] })
    expect((await graphGet(emulator, "81234", noLeads)).body.error.code).toBe(200)
    emulator.webhooks.createLead({ formId: "81235", answers: { email: "e@f.co" } })
    expect((await graphGet(emulator, "81235", token)).body.name).toBe("Lead form 81235")
  })

  it("signs deliveries like Meta, and can forge, omit or tamper with the signature", async () => {
    const envelope = emulator.webhooks.leadNotification(emulator.webhooks.createLead({ answers: { email: "a@b.co" } }))
    expect((await emulator.webhooks.deliver(targetUrl, envelope)).status).toBe(200)
    expect((await emulator.webhooks.deliver(targetUrl, envelope, "forged")).body).toBe("mismatch")
    expect((await emulator.webhooks.deliver(targetUrl, envelope, "missing")).body).toBe("missing")
    expect((await emulator.webhooks.deliver(targetUrl, envelope, "tampered")).body).toBe("mismatch")
    expect(JSON.parse(received[0].body)).toEqual({
      object: "page",
      entry: [{ id: "30001", time: expect.any(Number), changes: [{ field: "leadgen", value: expect.objectContaining({ page_id: "30001" }) }] }],
    })
  })

  it("escapes non-ASCII in the signed body as Meta does", async () => {
    const envelope = emulator.webhooks.commentNotification({ platform: "instagram", mediaId: "1", text: "café ❤" })
    expect((await emulator.webhooks.deliver(targetUrl, envelope)).status).toBe(200)
    expect(received[0].body).toContain("caf\\u00e9")
    expect(JSON.parse(received[0].body).entry[0].changes[0].value.text).toBe("café ❤")
  })

  it("sends duplicates and bursts", async () => {
    const envelope = emulator.webhooks.mentionNotification({ mediaId: "5" })
    const dupes = await emulator.webhooks.deliverDuplicates(targetUrl, envelope, 3)
    expect(dupes.map((d) => d.status)).toEqual([200, 200, 200])
    expect(new Set(received.map((r) => r.body)).size).toBe(1)
    const burst = await emulator.webhooks.burst(targetUrl, [
      emulator.webhooks.permissionNotification({ userId: "10001", permission: "email", verb: "revoked" }),
      emulator.webhooks.commentNotification({ platform: "facebook", mediaId: "30001_1", text: "hi" }),
    ])
    expect(burst.map((b) => b.status)).toEqual([200, 200])
  })

  it("builds signed_request payloads the plugin accepts, and forged ones it refuses", () => {
    const signed = emulator.webhooks.signedRequest({ user_id: "10001" })
    expect(parseSignedRequest(signed, APP_SECRET)).toEqual({ ok: true, payload: expect.objectContaining({ user_id: "10001", algorithm: "HMAC-SHA256" }) })
    expect(parseSignedRequest(emulator.webhooks.signedRequest({ user_id: "10001" }, "other"), APP_SECRET)).toEqual({ ok: false, reason: "bad_signature" })
  })

  it("offers the same over the control API", async () => {
    const signed = await fetch(`${emulator.url}/_emulator/webhooks/signed-request`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ user_id: "10001" }),
    }).then((r) => r.json())
    expect(parseSignedRequest(signed.signed_request, APP_SECRET).ok).toBe(true)
    const delivered = await fetch(`${emulator.url}/_emulator/webhooks/deliver`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ target_url: targetUrl, kind: "lead", answers: { email: "c@d.co" }, times: 2, signature: "valid" }),
    }).then((r) => r.json())
    expect(delivered.deliveries).toEqual([{ status: 200 }, { status: 200 }])
    const bad = await fetch(`${emulator.url}/_emulator/webhooks/deliver`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ target_url: targetUrl, kind: "nope" }),
    })
    expect(bad.status).toBe(400)
  })
})
