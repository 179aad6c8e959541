import { createHash, randomBytes } from "node:crypto"
import { generateEncryptionKey, keyIdOf, parseEncryptionKey, TokenVault, VaultError } from ".."

const KEY_A = randomBytes(32).toString("base64")
const KEY_B = randomBytes(32).toString("hex")
const KEY_C = generateEncryptionKey()

function vaultError(fn: () => unknown): VaultError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(VaultError)
    return e as VaultError
  }
  throw new Error("expected a VaultError")
}

/** Replaces one character of segment `index` with a different base64url character of the same class. */
function tamperSegment(sealed: string, index: number, position = 2): string {
  const parts = sealed.split(".")
  const segment = parts[index]
  const c = segment[position]
  const replacement = c === "A" ? "B" : "A"
  parts[index] = segment.slice(0, position) + replacement + segment.slice(position + 1)
  return parts.join(".")
}

describe("TokenVault", () => {
  describe("round trip", () => {
    const vault = TokenVault.fromKeys([KEY_A])

    it.each([
      ["a Meta token", "EAAGm0PX4ZCpsBAOZBZC1234567890abcdef"],
      ["the empty string", ""],
      ["unicode", "Ünïcødé ✓ 中文 🚀 \u0000 nul and \r\n"],
      ["a long value", "x".repeat(100_000)],
      ["dots and JSON", '{"a":"b.c.d.e"}'],
    ])("encrypts and decrypts %s", (_name, plain) => {
      const sealed = vault.encrypt(plain)
      expect(vault.decrypt(sealed)).toBe(plain)
    })

    it("produces v1.<kid>.<iv>.<tag>.<ciphertext> with a 12-byte IV and 16-byte tag", () => {
      const sealed = vault.encrypt("token")
      const [version, kid, iv, tag, ct] = sealed.split(".")
      expect(version).toBe("v1")
      expect(kid).toBe(createHash("sha256").update(Buffer.from(KEY_A, "base64")).digest("hex").slice(0, 8))
      expect(kid).toBe(vault.currentKeyId)
      expect(Buffer.from(iv, "base64url")).toHaveLength(12)
      expect(Buffer.from(tag, "base64url")).toHaveLength(16)
      expect(Buffer.from(ct, "base64url")).toHaveLength(5)
      expect(sealed).toMatch(/^v1\.[0-9a-f]{8}(\.[A-Za-z0-9_-]+){3}$/)
    })

    it("seals the empty string with an empty ciphertext segment", () => {
      const sealed = vault.encrypt("")
      expect(sealed.endsWith(".")).toBe(true)
      expect(vault.decrypt(sealed)).toBe("")
    })

    it("never repeats an IV or output for the same input", () => {
      const outputs = new Set(Array.from({ length: 200 }, () => vault.encrypt("same")))
      expect(outputs.size).toBe(200)
      const ivs = new Set([...outputs].map((s) => s.split(".")[2]))
      expect(ivs.size).toBe(200)
    })

    it("does not contain the plaintext", () => {
      expect(vault.encrypt("EAAsecret-token")).not.toContain("EAAsecret")
    })

    it("refuses non-string input", () => {
      expect(() => vault.encrypt(undefined as unknown as string)).toThrow(TypeError)
    })
  })

  describe("rotation", () => {
    it("encrypts with the first key and decrypts with any", () => {
      const old = TokenVault.fromKeys([KEY_A])
      const sealedOld = old.encrypt("old token")
      const rotated = TokenVault.fromKeys([KEY_B, KEY_A])
      expect(rotated.currentKeyId).toBe(keyIdOf(Buffer.from(KEY_B, "hex")))
      expect(rotated.decrypt(sealedOld)).toBe("old token")
      const sealedNew = rotated.encrypt("new token")
      expect(sealedNew.split(".")[1]).toBe(rotated.currentKeyId)
      expect(vaultError(() => old.decrypt(sealedNew)).code).toBe("unknown_key")
    })

    it("tells which values need re-encryption and re-encrypts them", () => {
      const sealedOld = TokenVault.fromKeys([KEY_A]).encrypt("tok")
      const rotated = TokenVault.fromKeys([KEY_B, KEY_A])
      expect(rotated.needsReencrypt(sealedOld)).toBe(true)
      const fresh = rotated.reencrypt(sealedOld)
      expect(fresh).not.toBe(sealedOld)
      expect(rotated.needsReencrypt(fresh)).toBe(false)
      expect(rotated.reencrypt(fresh)).toBe(fresh)
      // after the old key is dropped, the re-encrypted value still opens
      expect(TokenVault.fromKeys([KEY_B]).decrypt(fresh)).toBe("tok")
    })

    it("reports a value sealed with an unconfigured key as needing re-encryption, and cannot re-encrypt it", () => {
      const foreign = TokenVault.fromKeys([KEY_C]).encrypt("x")
      const vault = TokenVault.fromKeys([KEY_A])
      expect(vault.needsReencrypt(foreign)).toBe(true)
      expect(vaultError(() => vault.reencrypt(foreign)).code).toBe("unknown_key")
    })

    it("ignores a key listed twice (same key in two encodings)", () => {
      const raw = randomBytes(32)
      const vault = TokenVault.fromKeys([raw.toString("base64"), raw.toString("hex")])
      expect(vault.decrypt(vault.encrypt("a"))).toBe("a")
    })
  })

  describe("wrong key and tampering", () => {
    const vault = TokenVault.fromKeys([KEY_A, KEY_B])
    const sealed = vault.encrypt("EAAtoken-value-to-protect")

    it("says unknown_key for a value from another key, naming the kid and the option", () => {
      const error = vaultError(() => TokenVault.fromKeys([KEY_C]).decrypt(sealed))
      expect(error.code).toBe("unknown_key")
      expect(error.message).toContain(sealed.split(".")[1])
      expect(error.message).toContain("encryptionKeys")
    })

    it("detects a changed IV, tag or ciphertext as tampered", () => {
      for (const index of [2, 3, 4]) {
        expect(vaultError(() => vault.decrypt(tamperSegment(sealed, index))).code).toBe("tampered")
      }
    })

    it("detects a key id swapped to another configured key as tampered", () => {
      const other = keyIdOf(Buffer.from(KEY_B, "hex"))
      const parts = sealed.split(".")
      parts[1] = other
      expect(vaultError(() => vault.decrypt(parts.join("."))).code).toBe("tampered")
    })

    it("detects a key id changed to an unknown one as unknown_key", () => {
      expect(vaultError(() => vault.decrypt(sealed.replace(/^v1\.[0-9a-f]{8}/, "v1.00000000"))).code).toBe("unknown_key")
    })

    it("detects a changed version as malformed", () => {
      expect(vaultError(() => vault.decrypt(sealed.replace(/^v1/, "v2"))).code).toBe("malformed")
    })

    it("detects truncation and appended data", () => {
      expect(vaultError(() => vault.decrypt(sealed.slice(0, -2))).code).toBe("tampered")
      expect(vaultError(() => vault.decrypt(sealed + "AAAA")).code).toBe("tampered")
      expect(vaultError(() => vault.decrypt(sealed + ".AAAA")).code).toBe("malformed")
    })

    it("detects a swapped ciphertext from another value", () => {
      const other = vault.encrypt("another token with same size!").split(".")
      const parts = sealed.split(".")
      parts[4] = other[4]
      expect(vaultError(() => vault.decrypt(parts.join("."))).code).toBe("tampered")
    })

    it("does not put the plaintext or key in error messages", () => {
      const error = vaultError(() => vault.decrypt(tamperSegment(sealed, 4)))
      expect(error.message).not.toContain("EAAtoken")
      expect(error.message).not.toContain(KEY_A)
    })
  })

  describe("malformed input", () => {
    const vault = TokenVault.fromKeys([KEY_A])
    const good = vault.encrypt("x")
    const [, kid, iv, tag, ct] = good.split(".")

    it.each([
      ["empty", ""],
      ["plain text", "EAAplaintexttoken"],
      ["too few segments", `v1.${kid}.${iv}.${tag}`],
      ["too many segments", `v1.${kid}.${iv}.${tag}.${ct}.x`],
      ["uppercase kid", `v1.${kid.toUpperCase()}.${iv}.${tag}.${ct}`],
      ["short kid", `v1.${kid.slice(0, 7)}.${iv}.${tag}.${ct}`],
      ["non-base64url IV", `v1.${kid}.${iv.slice(0, -1)}+.${tag}.${ct}`],
      ["padded IV", `v1.${kid}.${iv}==.${tag}.${ct}`],
      ["short IV", `v1.${kid}.${iv.slice(0, 8)}.${tag}.${ct}`],
      ["empty tag", `v1.${kid}.${iv}..${ct}`],
      ["long tag", `v1.${kid}.${iv}.${tag}AAAA.${ct}`],
      ["whitespace", ` ${good}`],
      ["no version", good.slice(3)],
    ])("rejects %s as malformed", (_name, sealed) => {
      expect(vaultError(() => vault.decrypt(sealed)).code).toBe("malformed")
    })

    it("rejects a non-canonical base64url tag (spare bits set) as malformed", () => {
      const parts = good.split(".")
      const last = parts[3][parts[3].length - 1]
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
      // the 22nd character of a 16-byte value carries 2 data bits and 4 spare bits
      const sibling = alphabet[(alphabet.indexOf(last) & ~0xf) | ((alphabet.indexOf(last) + 1) & 0xf)]
      parts[3] = parts[3].slice(0, -1) + sibling
      expect(Buffer.from(parts[3], "base64url")).toEqual(Buffer.from(tag, "base64url"))
      expect(vaultError(() => vault.decrypt(parts.join("."))).code).toBe("malformed")
    })

    it("rejects non-strings as malformed", () => {
      expect(vaultError(() => vault.decrypt(null as unknown as string)).code).toBe("malformed")
      expect(vaultError(() => vault.needsReencrypt(42 as unknown as string)).code).toBe("malformed")
    })
  })

  describe("configuration", () => {
    it("needs at least one key and names the options", () => {
      const error = vaultError(() => TokenVault.fromKeys([]))
      expect(error.code).toBe("missing_key")
      expect(error.message).toMatch(/encryptionKey/)
      expect(error.message).toMatch(/META_ENCRYPTION_KEY/)
    })

    it("names the offending entry of encryptionKeys", () => {
      const error = vaultError(() => TokenVault.fromKeys([KEY_A, "short"]))
      expect(error.code).toBe("invalid_key")
      expect(error.message).toContain("encryptionKeys[1]")
    })

    it("uses the option name it is given for a single key", () => {
      expect(vaultError(() => TokenVault.fromKeys(["nope"], "encryptionKey")).message).toContain("option encryptionKey ")
    })
  })
})

describe("parseEncryptionKey", () => {
  const raw = randomBytes(32)

  it.each([
    ["base64", raw.toString("base64")],
    ["base64 without padding", raw.toString("base64").replace(/=+$/, "")],
    ["base64url", raw.toString("base64url")],
    ["lower-case hex", raw.toString("hex")],
    ["upper-case hex", raw.toString("hex").toUpperCase()],
    ["base64 with surrounding whitespace", `  ${raw.toString("base64")}\n`],
  ])("accepts %s", (_name, value) => {
    expect(parseEncryptionKey(value, "encryptionKey").equals(raw)).toBe(true)
  })

  it.each([
    ["empty", "", "missing_key", /not set/],
    ["blank", "   ", "missing_key", /not set/],
    ["a passphrase", "correct horse battery staple", "invalid_key", /not a valid encryption key/],
    ["16 bytes of hex", randomBytes(16).toString("hex"), "invalid_key", /16 bytes; 32 are required/],
    ["16 bytes of base64", randomBytes(16).toString("base64"), "invalid_key", /16 bytes; 32 are required/],
    ["33 bytes of base64", randomBytes(33).toString("base64"), "invalid_key", /33 bytes; 32 are required/],
    ["64 bytes of hex", randomBytes(64).toString("hex"), "invalid_key", /64 bytes; 32 are required/],
    ["hex with a non-hex character", raw.toString("hex").slice(0, 63) + "g", "invalid_key", /not a valid/],
    ["an all-zero placeholder", "0".repeat(64), "invalid_key", /placeholder/],
    ["an all-A base64 placeholder", "A".repeat(43) + "=", "invalid_key", /placeholder/],
  ])("rejects %s", (_name, value, code, message) => {
    const error = vaultError(() => parseEncryptionKey(value, "encryptionKey"))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(error.message).toContain("encryptionKey")
    expect(error.message).toMatch(/randomBytes\(32\)/)
    if (value.trim() !== "") expect(error.message).not.toContain(value.trim())
  })

  it("rejects base64 whose spare bits are set (not a real encoding of 32 bytes)", () => {
    const b64 = raw.toString("base64").replace(/=+$/, "")
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    const i = alphabet.indexOf(b64[42])
    const tweaked = b64.slice(0, 42) + alphabet[(i & ~0x3) | ((i + 1) & 0x3)]
    expect(vaultError(() => parseEncryptionKey(tweaked, "encryptionKey")).code).toBe("invalid_key")
  })

  it("mentions META_ENCRYPTION_KEY for a missing key", () => {
    expect(vaultError(() => parseEncryptionKey("", "encryptionKey")).message).toContain("META_ENCRYPTION_KEY")
  })
})

describe("generateEncryptionKey", () => {
  it("returns a fresh base64 32-byte key that parses", () => {
    const a = generateEncryptionKey()
    const b = generateEncryptionKey()
    expect(a).toHaveLength(44)
    expect(a).not.toBe(b)
    expect(parseEncryptionKey(a, "encryptionKey")).toHaveLength(32)
  })
})
