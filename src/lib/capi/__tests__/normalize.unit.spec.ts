import {
  normalizeCity,
  normalizeCountry,
  normalizeDateOfBirth,
  normalizeEmail,
  normalizeExternalId,
  normalizeGender,
  normalizeName,
  normalizePhone,
  normalizeState,
  normalizeZip,
} from "../normalize"

describe("normalizeEmail", () => {
  it.each([
    ["  John.Doe@Example.COM ", "john.doe@example.com"],
    ["o'connor@example.ie", "o'connor@example.ie"],
    ["first+tag@sub.example.co.uk", "first+tag@sub.example.co.uk"],
    ["\tjane@EXAMPLE.com\n", "jane@example.com"],
    ["", null],
    ["   ", null],
    ["not-an-email", null],
    ["jane@", null],
    ["@example.com", null],
    ["jane doe@example.com", null],
    [null, null],
    [undefined, null],
    [42, null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected)
  })
})

describe("normalizePhone (E.164 digits, address country first)", () => {
  it.each([
    ["+44 844 412 4653", null, "448444124653"],
    ["+1 (415) 555-2671", "us", "14155552671"],
    ["(415) 555-2671", "US", "14155552671"],
    ["415.555.2671", "us", "14155552671"],
    ["0044 844 412 4653", "gb", "448444124653"],
    ["0044 844 412 4653", "us", "448444124653"],
    ["00 33 6 12 34 56 78", "de", "33612345678"],
    ["06 12 34 56 78", "fr", "33612345678"],
    ["06-12-34-56-78", "FR", "33612345678"],
    ["020 7946 0958", "gb", "442079460958"],
    ["07700 900123", "GB", "447700900123"],
    ["030 901820", "de", "4930901820"],
    ["+49 (0)30 901820", "de", "4930901820"],
    ["11 91234-5678", "br", "5511912345678"],
    ["+33 6 12 34 56 78", "us", "33612345678"],
    ["4155552671", null, "4155552671"],
    ["14155552671", null, "14155552671"],
    ["0612345678", null, null],
    ["123", "us", null],
    ["call me maybe", "us", null],
    ["", "us", null],
    ["   ", null, null],
    [null, "us", null],
    ["+1 415 555 2671 ext. 12", "us", "14155552671"],
  ])("%j in %j → %j", (input, country, expected) => {
    expect(normalizePhone(input, country)).toBe(expected)
  })
})

describe("normalizeName (lowercase, no spaces/punctuation, UTF-8 letters kept)", () => {
  it.each([
    ["John", "john"],
    ["  MARY  ", "mary"],
    ["O'Brien", "obrien"],
    ["Jean-Luc", "jeanluc"],
    ["José", "josé"],
    ["Jose\u0301", "josé"],
    ["Zoë", "zoë"],
    ["Ólafur Þór", "ólafurþór"],
    ["van der Berg", "vanderberg"],
    ["St. John", "stjohn"],
    ["Müller", "müller"],
    ["王", "王"],
    ["", null],
    ["'", null],
    ["---", null],
    [null, null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeName(input)).toBe(expected)
  })
})

describe("normalizeCity (roman a–z, no spaces or punctuation)", () => {
  it.each([
    ["New York", "newyork"],
    ["San Francisco ", "sanfrancisco"],
    ["São Paulo", "saopaulo"],
    ["Köln", "koln"],
    ["Saint-Étienne", "saintetienne"],
    ["L'Aquila", "laquila"],
    ["Winston-Salem", "winstonsalem"],
    ["12345", null],
    ["", null],
    ["!!!", null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeCity(input)).toBe(expected)
  })
})

describe("normalizeState", () => {
  it.each([
    ["CA", "us", "ca"],
    ["ca", "US", "ca"],
    ["California", "us", "ca"],
    ["  california ", "US", "ca"],
    ["New York", "us", "ny"],
    ["us-ny", "us", "ny"],
    ["US-TX", "US", "tx"],
    ["Ontario", "ca", "on"],
    ["Québec", "ca", "qc"],
    ["British Columbia", "CA", "bc"],
    ["Greater London", "gb", "greaterlondon"],
    ["Île-de-France", "fr", "iledefrance"],
    ["fr-idf", "fr", "idf"],
    ["Bayern", "de", "bayern"],
    ["NSW", "au", "nsw"],
    ["Texas", null, "texas"],
    ["", "us", null],
    ["123", "us", null],
    [null, "us", null],
  ])("%j in %j → %j", (input, country, expected) => {
    expect(normalizeState(input, country)).toBe(expected)
  })
})

describe("normalizeZip", () => {
  it.each([
    ["94025", "us", "94025"],
    ["94025-1234", "us", "94025"],
    ["94025 1234", "US", "94025"],
    ["941", "us", null],
    ["ABCDE", "us", null],
    ["SW1A 1AA", "gb", "sw1a1"],
    ["sw1a1aa", "GB", "sw1a1"],
    ["M1 1AE", "gb", "m11"],
    ["EC1A 1BB", "gb", "ec1a1"],
    ["SW1A", "gb", "sw1a"],
    ["K1A 0B1", "ca", "k1a0b1"],
    ["01310-100", "br", "01310100"],
    ["75008", "fr", "75008"],
    ["1010", "at", "1010"],
    ["", "us", null],
    ["-", "de", null],
    ["1", "de", null],
    [null, "us", null],
  ])("%j in %j → %j", (input, country, expected) => {
    expect(normalizeZip(input, country)).toBe(expected)
  })
})

describe("normalizeCountry", () => {
  it.each([
    ["US", "us"],
    ["us", "us"],
    [" GB ", "gb"],
    ["United States", "us"],
    ["USA", "us"],
    ["Germany", "de"],
    ["", null],
    ["1", null],
    [null, null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected)
  })
})

describe("normalizeGender, normalizeDateOfBirth, normalizeExternalId", () => {
  it.each([
    ["Female", "f"],
    ["F", "f"],
    ["male", "m"],
    [" M ", "m"],
    ["other", null],
    ["", null],
  ])("gender %j → %j", (input, expected) => {
    expect(normalizeGender(input)).toBe(expected)
  })

  it.each([
    ["1997-02-16", "19970216"],
    ["02/16/1997", "19970216"],
    ["16.02.1997", "19970216"],
    ["19970216", "19970216"],
    [new Date("1997-02-16T00:00:00Z"), "19970216"],
    ["yesterday", null],
    ["1700-01-01", null],
    ["", null],
  ])("db %j → %j", (input, expected) => {
    expect(normalizeDateOfBirth(input)).toBe(expected)
  })

  it.each([
    [" Cus_01ABC ", "cus_01abc"],
    ["cus 01 abc", "cus01abc"],
    ["", null],
  ])("external_id %j → %j", (input, expected) => {
    expect(normalizeExternalId(input)).toBe(expected)
  })
})
