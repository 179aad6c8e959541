import { createHmac } from "node:crypto"
import { signWebhookBody, verifyWebhookSignature } from "../verify-signature"

const SECRET = "sandbox-app-secret"
const body = Buffer.from('{"object":"page","entry":[{"id":"30001","time":1700000000,"changes":[{"field":"feed","value":{"message":"caf\\u00e9"}}]}]}')
const good = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`

describe("verifyWebhookSignature", () => {
  it.each([
    ["the exact header Meta sends", good, { ok: true }],
    ["upper-case hex", good.replace(/[a-f]/g, (c) => c.toUpperCase()).replace("SHA256", "sha256"), { ok: true }],
    ["surrounding whitespace", `  ${good} `, { ok: true }],
    ["a header given twice (first wins)", [good, "sha256=00"], { ok: true }],
    ["no header", undefined, { ok: false, reason: "missing" }],
    ["an empty header", "", { ok: false, reason: "missing" }],
    ["the legacy sha1 header format", `sha1=${createHmac("sha1", SECRET).update(body).digest("hex")}`, { ok: false, reason: "malformed" }],
    ["hex without the sha256= prefix", good.slice(7), { ok: false, reason: "malformed" }],
    ["a truncated digest", good.slice(0, -2), { ok: false, reason: "malformed" }],
    ["a digest with a non-hex character", `${good.slice(0, -1)}z`, { ok: false, reason: "malformed" }],
    ["a digest with one bit flipped", `${good.slice(0, -1)}${good.endsWith("0") ? "1" : "0"}`, { ok: false, reason: "mismatch" }],
    ["a digest signed with the verify token", `sha256=${createHmac("sha256", "verify-token-123").update(body).digest("hex")}`, { ok: false, reason: "mismatch" }],
    ["a digest of re-serialised JSON", `sha256=${createHmac("sha256", SECRET).update(JSON.stringify(JSON.parse(body.toString()))).digest("hex")}`, { ok: false, reason: "mismatch" }],
  ] as const)("%s", (_, header, expected) => {
    expect(verifyWebhookSignature(body, header as any, SECRET)).toEqual(expected)
  })

  it("rejects a body tampered after signing", () => {
    const tampered = Buffer.from(body.toString().replace("30001", "30002"))
    expect(verifyWebhookSignature(tampered, good, SECRET)).toEqual({ ok: false, reason: "mismatch" })
  })

  it("rejects the right digest under another app's secret", () => {
    expect(verifyWebhookSignature(body, good, "another-app-secret")).toEqual({ ok: false, reason: "mismatch" })
  })

  it("signs strings and buffers alike, byte for byte", () => {
    expect(signWebhookBody(body.toString("utf8"), SECRET)).toBe(good)
    expect(signWebhookBody(body, SECRET)).toBe(good)
    expect(verifyWebhookSignature("", signWebhookBody("", SECRET), SECRET)).toEqual({ ok: true })
  })

  it("treats non-ASCII bytes as bytes (Meta's escaped and a raw UTF-8 body differ)", () => {
    const raw = Buffer.from('{"message":"café"}')
    const escaped = Buffer.from('{"message":"caf\\u00e9"}')
    expect(verifyWebhookSignature(escaped, signWebhookBody(raw, SECRET), SECRET).ok).toBe(false)
    expect(verifyWebhookSignature(raw, signWebhookBody(raw, SECRET), SECRET).ok).toBe(true)
  })
})
