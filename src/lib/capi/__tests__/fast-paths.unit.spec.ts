import { createHash } from "node:crypto"
import { isHashed, sha256Hex } from "../hash"
import { minorToDecimalString, toMetaValue, toMinorUnits } from "../money"
import {
  normalizeCity,
  normalizeCountry,
  normalizeName,
  normalizePhone,
  normalizePhoneForCountryCode,
  normalizeState,
  normalizeStateForCountryCode,
  normalizeZip,
  normalizeZipForCountryCode,
} from "../normalize"
import { paramBuilderNormalize, type ParamBuilderPiiType } from "../param-builder"
import { buildUserData } from "../user-data"

// The shortcuts taken for speed (bench/capi.bench.ts part d) must give exactly what the long way gives.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const piiUtil = require("capi-param-builder-nodejs/src/piiUtil/PIIUtil") as {
  getNormalizedPII(value: string, dataType: string): string | null
}

describe("normalizeCountry: two-letter codes skip capi-param-builder's name table", () => {
  const letters = [..."abcdefghijklmnopqrstuvwxyz"]
  const pairs = letters.flatMap((a) => letters.map((b) => a + b))
  const viaParamBuilder = (code: string) => {
    const normalized = piiUtil.getNormalizedPII(code, "country")
    return normalized && /^[a-z]{2}$/.test(normalized) ? normalized : null
  }

  it.each([
    ["lowercase", (p: string) => p],
    ["uppercase", (p: string) => p.toUpperCase()],
    ["mixed case", (p: string) => p[0].toUpperCase() + p[1]],
    ["padded", (p: string) => ` ${p.toUpperCase()}\t`],
  ])("all 676 pairs, %s, as capi-param-builder normalizes them", (_, shape) => {
    for (const pair of pairs) expect([pair, normalizeCountry(shape(pair))]).toEqual([pair, viaParamBuilder(shape(pair).trim())])
  })

  it.each([
    ["United States", "us"],
    ["USA", "us"],
    ["Deutschland", "de"],
    ["Côte d'Ivoire", "ci"],
    ["d3", null],
    ["é", null],
  ])("names still go through the table: %j → %j", (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected)
  })
})

describe("paramBuilderNormalize calls the normalizer PIIUtil.getNormalizedPII picks for the type", () => {
  const samples: Record<ParamBuilderPiiType, string[]> = {
    email: [" John.Doe@Example.COM ", "not-an-email", "a@b.c", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    first_name: ["Zoë", "O'Brien", "Jean-Luc", " ", "王"],
    last_name: ["D'Arcy", "van der Berg", "St. John"],
    date_of_birth: ["1990-02-14", "14/02/1990", "02/14/1990", "19900214", "junk"],
    gender: ["Female", "m", "F ", "x", "male"],
    state: ["California", "ca", "New York", "Ontario", "nordrhein-westfalen", "1"],
    country: ["United States", "USA", "de", "Germany", "x"],
    external_id: [" Cus_01ABC ", "a b\tc"],
    zip_code: ["94025-1234", "SW1A 1AA", " 50667 "],
  }
  for (const [type, values] of Object.entries(samples) as Array<[ParamBuilderPiiType, string[]]>) {
    it.each(values)(`${type}: %j`, (value) => {
      expect(paramBuilderNormalize(value, type)).toBe(piiUtil.getNormalizedPII(value, type) || null)
    })
  }

  it("an empty value is null, as getNormalizedPII has it", () => {
    expect(paramBuilderNormalize("", "email")).toBeNull()
  })
})

describe("normalize…ForCountryCode: the address's country read once gives what the raw country gives", () => {
  const phones = [
    "0221 123456",
    "+49 (0)30 901820",
    "0049 89 1234567",
    "(415) 555-2671",
    "+1 416 555 0123",
    "1-303-555-0199",
    "(514) 555-0100",
    "020 7946 0958",
    "07700 900123",
    "+44 7700 900123",
    "0044 161 496 0000",
    "0412 345 678",
    "+61 2 9876 5432",
    "(02) 9876 5432",
    "+39 06 1234 5678",
    "333 123 4567",
    "06 12 34 56 78",
    "11 91234-5678",
    "+1 415 555 2671 ext. 12",
    "call me",
    "0612345678",
    "4155552671",
    "",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  ]
  const countries = ["de", "DE", " us ", "CA", "gb", "United Kingdom", "au", "it", "fr", "br", "xx", "", null, undefined]

  it.each(countries)("phones in %j", (country) => {
    for (const phone of phones) {
      expect([phone, normalizePhoneForCountryCode(phone, normalizeCountry(country))]).toEqual([phone, normalizePhone(phone, country)])
    }
  })

  it.each(countries)("states and ZIPs in %j", (country) => {
    for (const state of ["California", "us-ca", "NW", "Île-de-France", "Quebec", "", "12"]) {
      expect(normalizeStateForCountryCode(state, normalizeCountry(country))).toBe(normalizeState(state, country))
    }
    for (const zip of ["94025-1234", "SW1A 1AA", "50667", "H2X 1Y4", "1012 AB", "x"]) {
      expect(normalizeZipForCountryCode(zip, normalizeCountry(country))).toBe(normalizeZip(zip, country))
    }
  })

  it.each([
    // Calling codes shared by several countries (libphonenumber picks the exact one by the number).
    ["(514) 555-0100", "ca", "15145550100"],
    ["+1 416 555 0123", "de", "14165550123"],
    ["07700 900123", "gb", "447700900123"],
    ["0044 161 496 0000", "fr", "441614960000"],
    ["0412 345 678", "au", "61412345678"],
    ["(02) 9876 5432", "au", "61298765432"],
    ["333 123 4567", "it", "393331234567"],
    ["+39 06 1234 5678", null, "390612345678"],
    ["0221 123456", null, null],
  ])("%j in %j → %j", (phone, countryCode, expected) => {
    expect(normalizePhoneForCountryCode(phone, countryCode)).toBe(expected)
  })
})

describe("sha256Hex (one-shot crypto.hash)", () => {
  it.each(["", "a", "zoë", "王", "shopper+1@example.com", "x".repeat(1000)])("%j hashes like createHash", (value) => {
    expect(sha256Hex(value)).toBe(createHash("sha256").update(value, "utf8").digest("hex"))
  })
})

describe("isHashed checks the length before the pattern", () => {
  it.each([
    ["a".repeat(64), true],
    ["A".repeat(64), true],
    ["0".repeat(32), true],
    ["a".repeat(63), false],
    ["a".repeat(65), false],
    ["a".repeat(33), false],
    ["g".repeat(64), false],
    ["", false],
  ])("%j → %j", (value, expected) => {
    expect(isHashed(value)).toBe(expected)
  })
})

describe("toMetaValue: a number already at the currency's precision is used as it is", () => {
  const viaMinorUnits = (amount: number, currency: string) => {
    const minor = toMinorUnits(amount, currency)
    return minor === null ? null : Number(minorToDecimalString(minor, currency))
  }

  it.each([
    [44.8, "EUR"],
    [19.95, "EUR"],
    [0.1 + 0.2, "EUR"],
    [19.999, "EUR"],
    [0.005, "EUR"],
    [-5.5, "EUR"],
    [1500, "JPY"],
    [1500.5, "JPY"],
    [1.234, "KWD"],
    [1.2345, "KWD"],
    [1e20, "USD"],
    [1e21, "USD"],
    [1e-7, "USD"],
    [Number.MAX_SAFE_INTEGER, "USD"],
    [0, "USD"],
  ])("%j %s as the decimal-string path gives it", (amount, currency) => {
    expect(Object.is(toMetaValue(amount, currency), viaMinorUnits(amount, currency))).toBe(true)
  })

  it("-0 becomes 0, as on the decimal-string path", () => {
    expect(Object.is(toMetaValue(-0, "EUR"), 0)).toBe(true)
  })

  it("agrees with the decimal-string path on 5,000 amounts with 0–4 decimals", () => {
    for (let k = 0; k < 5_000; k++) {
      const amount = ((k * 7919) % 1_000_003) / 10 ** (k % 5)
      for (const currency of ["EUR", "JPY", "KWD"]) {
        expect([amount, currency, toMetaValue(amount, currency)]).toEqual([amount, currency, viaMinorUnits(amount, currency)])
      }
    }
  })

  it.each([NaN, Infinity])("%j is not a value", (amount) => {
    expect(toMetaValue(amount, "EUR")).toBeNull()
  })
})

describe("buildUserData reads an address given twice (billing = shipping) once", () => {
  const shipping = { first_name: "Zoë", last_name: "D'Arcy", phone: "0221 123456", city: "Köln", province: "NW", postal_code: "50667", country_code: "de" }

  it("the same user_data as with the address once", () => {
    expect(buildUserData({ addresses: [shipping, { ...shipping }] })).toEqual(buildUserData({ addresses: [shipping] }))
  })

  it("a billing address that differs in one field still adds its values", () => {
    const data = buildUserData({ addresses: [{ ...shipping, phone: "+44 7700 900123", country_code: "gb" }, shipping] })
    expect(data.ph).toEqual([sha256Hex("447700900123"), sha256Hex("49221123456")])
    expect(data.country).toEqual([sha256Hex("gb"), sha256Hex("de")])
  })

  it("a country given as a digest passes through and gives phone, state and ZIP no country", () => {
    const digest = sha256Hex("de")
    const data = buildUserData({ addresses: [{ ...shipping, country_code: digest.toUpperCase() }] })
    expect(data.country).toEqual([digest])
    expect(data.ph).toBeUndefined()
  })
})

describe("normalization skips ICU for ASCII text", () => {
  it("every ASCII character is its own NFC and NFD, and none is a combining mark", () => {
    const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join("")
    expect(ascii.normalize("NFC")).toBe(ascii)
    expect(ascii.normalize("NFD")).toBe(ascii)
    expect(ascii).not.toMatch(/\p{M}/u)
  })

  it.each([
    ["name", normalizeName, "Zoe\u0308", "zoë"],
    ["name", normalizeName, "Zoë", "zoë"],
    ["city", normalizeCity, "Sa\u0303o Paulo", "saopaulo"],
    ["city", normalizeCity, "São Paulo", "saopaulo"],
    ["city", normalizeCity, "Sao Paulo", "saopaulo"],
  ])("%s %j (combining accents or not) → %j", (_, normalize, input, expected) => {
    expect(normalize(input)).toBe(expected)
  })

  it.each([
    ["I\u0302le-de-France", "fr", "iledefrance"],
    ["Île-de-France", "fr", "iledefrance"],
    ["Que\u0301bec", "ca", "qc"],
    ["Quebec", "ca", "qc"],
  ])("state %j in %j → %j", (input, country, expected) => {
    expect(normalizeStateForCountryCode(input, country)).toBe(expected)
  })
})
