import { createHmac } from "node:crypto"
import { OAUTH_STATE_TTL_MS, signOAuthState, verifyOAuthState } from ".."

const SECRET = "state-secret-0123456789"
const NOW = 1_800_000_000_000
const input = { nonce: "n0nce-abc", userId: "user_01HXYZ", expiresAt: NOW + OAUTH_STATE_TTL_MS }

function b64url(value: string): string {
  return Buffer.from(value, "utf8").toString("base64url")
}

function forge(payload: unknown, secret = SECRET): string {
  const encoded = b64url(JSON.stringify(payload))
  return `${encoded}.${createHmac("sha256", secret).update(encoded).digest("base64url")}`
}

describe("OAuth state", () => {
  it("has a 10-minute lifetime", () => {
    expect(OAUTH_STATE_TTL_MS).toBe(600_000)
  })

  it("round-trips nonce, user and expiry", () => {
    const state = signOAuthState(input, SECRET)
    expect(verifyOAuthState(state, SECRET, NOW)).toEqual({ ok: true, ...input })
  })

  it("is URL-safe and shaped payload.signature with the payload {nonce,userId,exp}", () => {
    const state = signOAuthState(input, SECRET)
    expect(state).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(encodeURIComponent(state)).toBe(state)
    const payload = JSON.parse(Buffer.from(state.split(".")[0], "base64url").toString("utf8"))
    expect(payload).toEqual({ nonce: input.nonce, userId: input.userId, exp: input.expiresAt })
  })

  it("survives unicode and dots in the user id", () => {
    const state = signOAuthState({ ...input, userId: "ü.ser.ñ 🚀" }, SECRET)
    expect(verifyOAuthState(state, SECRET, NOW)).toMatchObject({ ok: true, userId: "ü.ser.ñ 🚀" })
  })

  describe("expiry", () => {
    const state = signOAuthState(input, SECRET)
    it("is valid one millisecond before expiry", () => {
      expect(verifyOAuthState(state, SECRET, input.expiresAt - 1).ok).toBe(true)
    })
    it("is expired at and after expiresAt", () => {
      expect(verifyOAuthState(state, SECRET, input.expiresAt)).toEqual({ ok: false, reason: "expired" })
      expect(verifyOAuthState(state, SECRET, input.expiresAt + 86_400_000)).toEqual({ ok: false, reason: "expired" })
    })
    it("uses the current time by default", () => {
      const past = signOAuthState({ ...input, expiresAt: Date.now() - 1 }, SECRET)
      expect(verifyOAuthState(past, SECRET)).toEqual({ ok: false, reason: "expired" })
      const future = signOAuthState({ ...input, expiresAt: Date.now() + 60_000 }, SECRET)
      expect(verifyOAuthState(future, SECRET).ok).toBe(true)
    })
  })

  describe("tampering", () => {
    const state = signOAuthState(input, SECRET)
    const [payload, signature] = state.split(".")

    it("rejects a state signed with another secret", () => {
      expect(verifyOAuthState(state, "other-secret", NOW)).toEqual({ ok: false, reason: "bad_signature" })
    })

    it("rejects a changed payload (another user, a later expiry)", () => {
      const otherUser = b64url(JSON.stringify({ nonce: input.nonce, userId: "attacker", exp: input.expiresAt }))
      expect(verifyOAuthState(`${otherUser}.${signature}`, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" })
      const later = b64url(JSON.stringify({ nonce: input.nonce, userId: input.userId, exp: input.expiresAt + 1e9 }))
      expect(verifyOAuthState(`${later}.${signature}`, SECRET, input.expiresAt + 1)).toEqual({ ok: false, reason: "bad_signature" })
    })

    it("rejects a changed, truncated, extended or empty-equivalent signature", () => {
      const flipped = signature.slice(0, 5) + (signature[5] === "A" ? "B" : "A") + signature.slice(6)
      expect(verifyOAuthState(`${payload}.${flipped}`, SECRET, NOW).ok).toBe(false)
      expect(verifyOAuthState(`${payload}.${signature.slice(0, -1)}`, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" })
      expect(verifyOAuthState(`${payload}.${signature}AA`, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" })
      expect(verifyOAuthState(`${payload}.AAAA`, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" })
    })

    it("rejects a signature whose spare bits were changed (only one spelling is accepted)", () => {
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
      const i = alphabet.indexOf(signature[42])
      const sibling = signature.slice(0, 42) + alphabet[(i & ~0x3) | ((i + 1) & 0x3)]
      expect(Buffer.from(sibling, "base64url")).toEqual(Buffer.from(signature, "base64url"))
      expect(verifyOAuthState(`${payload}.${sibling}`, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" })
    })

    it("rejects a swapped payload and signature from another state", () => {
      const other = signOAuthState({ ...input, nonce: "other" }, SECRET)
      expect(verifyOAuthState(`${payload}.${other.split(".")[1]}`, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" })
    })
  })

  describe("malformed", () => {
    it.each([
      ["empty", ""],
      ["no dot", "abcdef"],
      ["three parts", "a.b.c"],
      ["empty payload", ".abc"],
      ["empty signature", "abc."],
      ["non-base64url characters", "ab+c.de/f"],
      ["padding", "YWJj.ZGVm=="],
      ["whitespace", " YWJj.ZGVm"],
      ["huge", "a".repeat(5000) + ".b"],
    ])("%s", (_name, state) => {
      expect(verifyOAuthState(state, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" })
    })

    it("rejects non-string states", () => {
      expect(verifyOAuthState(undefined as unknown as string, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" })
      expect(verifyOAuthState(42 as unknown as string, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" })
    })

    it.each([
      ["not JSON", "not json"],
      ["a JSON array", [1, 2]],
      ["a JSON string", "str"],
      ["null", null],
      ["missing nonce", { userId: "u", exp: NOW + 1000 }],
      ["empty nonce", { nonce: "", userId: "u", exp: NOW + 1000 }],
      ["numeric userId", { nonce: "n", userId: 7, exp: NOW + 1000 }],
      ["string exp", { nonce: "n", userId: "u", exp: String(NOW + 1000) }],
      ["missing exp", { nonce: "n", userId: "u" }],
    ])("rejects a correctly signed payload that is %s", (name, payload) => {
      const state =
        name === "not JSON"
          ? (() => {
              const encoded = b64url("not json")
              return `${encoded}.${createHmac("sha256", SECRET).update(encoded).digest("base64url")}`
            })()
          : forge(payload)
      expect(verifyOAuthState(state, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" })
    })

    it("checks the signature before reading the payload", () => {
      expect(verifyOAuthState(`${b64url("not json")}.${"A".repeat(43)}`, SECRET, NOW)).toEqual({ ok: false, reason: "bad_signature" })
    })
  })

  describe("misuse", () => {
    it("refuses an empty secret on both sides", () => {
      expect(() => signOAuthState(input, "")).toThrow(/secret/)
      expect(() => verifyOAuthState("a.b", "", NOW)).toThrow(/secret/)
    })

    it("refuses an empty nonce/userId or a non-finite expiry", () => {
      expect(() => signOAuthState({ ...input, nonce: "" }, SECRET)).toThrow(/nonce/)
      expect(() => signOAuthState({ ...input, userId: "" }, SECRET)).toThrow(/userId/)
      expect(() => signOAuthState({ ...input, expiresAt: NaN }, SECRET)).toThrow(/expiresAt/)
      expect(() => signOAuthState({ ...input, expiresAt: Infinity }, SECRET)).toThrow(/expiresAt/)
    })
  })
})
