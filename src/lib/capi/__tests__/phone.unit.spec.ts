import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js"
import examples from "libphonenumber-js/mobile/examples"
import { normalizePhoneForCountryCode } from "../normalize"
import { possibleE164 } from "../phone"

// phone.ts follows libphonenumber-js's parse() with compiled patterns; whatever it answers must be what the
// library answers, as normalize.ts used it before: parsePhoneNumberFromString(text, { defaultCountry }),
// kept when isPossible().

function viaLibrary(text: string, country?: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined)
  return parsed?.isPossible() ? parsed.number : null
}

/** The bench's ten countries (bench/lib/capi/orders.ts), no country, and a code the metadata does not know. */
const COUNTRIES = ["DE", "US", "GB", "FR", "BR", "NL", "ES", "IT", "CA", "AU", undefined, "XX"] as Array<CountryCode | undefined>

describe("possibleE164: the E.164 number libphonenumber-js finds", () => {
  it.each([
    // national, with the trunk "0" (or "1" in North America, "8" in Russia/Kazakhstan)
    ["0221 123456", "DE", "+49221123456"],
    ["0151-12345678", "DE", "+4915112345678"],
    ["020 7946 0958", "GB", "+442079460958"],
    ["07700 900123", "GB", "+447700900123"],
    ["06 12 34 56 78", "FR", "+33612345678"],
    ["01.42.12.34.56", "FR", "+33142123456"],
    ["020 123 4567", "NL", "+31201234567"],
    ["06-12345678", "NL", "+31612345678"],
    ["0412 345 678", "AU", "+61412345678"],
    ["(02) 9876 5432", "AU", "+61298765432"],
    ["1-303-555-0199", "US", "+13035550199"],
    ["8 (700) 123 45 67", "KZ", "+77001234567"],
    // national without a trunk prefix; Italy keeps its leading 0
    ["(415) 555-2671", "US", "+14155552671"],
    ["646.555.0123", "US", "+16465550123"],
    ["(514) 555-0100", "CA", "+15145550100"],
    ["11 91234-5678", "BR", "+5511912345678"],
    ["612 34 56 78", "ES", "+34612345678"],
    ["06 1234 5678", "IT", "+390612345678"],
    ["333 123 4567", "IT", "+393331234567"],
    // Brazil's carrier code and Argentina's mobile "15" are rewritten by the trunk-prefix rule
    ["0 15 11 91234-5678", "BR", "+5511912345678"],
    ["011 15 1234-5678", "AR", "+5491112345678"],
    // "+", also with the "(0)" Germans and Britons write
    ["+49 (0)30 901820", "DE", "+4930901820"],
    ["+44 (0)20 7946 0958", "GB", "+442079460958"],
    ["+39 06 1234 5678", "IT", "+390612345678"],
    ["+1 416 555 0123", "CA", "+14165550123"],
    ["+49 30 1234567", undefined, "+49301234567"],
    // "00" and other international prefixes of the reader's country
    ["0049 (0)89 1234567", "DE", "+49891234567"],
    ["0044 161 496 0000", "GB", "+441614960000"],
    ["011 44 20 7946 0958", "US", "+442079460958"],
    ["0011 44 20 7946 0958", "AU", "+442079460958"],
    // the calling code typed without "+"
    ["49 30 1234567", "DE", "+49301234567"],
    ["33 6 12 34 56 78", "FR", "+33612345678"],
    // calling codes several countries share: the exact country decides which lengths are possible
    ["+1 310 1234", "US", "+13101234"],
    ["310 1234", "CA", "+13101234"],
    ["555 0123", "US", null],
    ["01534 123456", "GB", "+441534123456"],
    ["+44 1624 123456", "GB", "+441624123456"],
    ["01624 12345", "GB", "+440162412345"],
    ["08 9162 1234", "AU", "+61891621234"],
    ["8 (700) 123 45 67", "RU", "+77001234567"],
    // no country: only a number with its calling code
    ["0221 123456", undefined, null],
    ["4155552671", undefined, null],
    ["+800 1234 5678", undefined, "+80012345678"],
    // not a number
    ["+0 123 4567", undefined, null],
    ["+999 123456", undefined, null],
    ["123", "DE", null],
    ["+1", "US", null],
    ["12", undefined, null],
    ["123456789012345678901", "DE", null],
    // handed to the library: extensions, other digits, "+" after a bracket
    ["+1 415 555 2671 ext. 12", "US", "+14155552671"],
    ["020 7946 0958 x123", "GB", "+442079460958"],
    ["０２２１ １２３４５６", "DE", "+49221123456"],
    ["+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨", undefined, "+442079460958"],
    ["(+49) 30 1234567", undefined, "+49301234567"],
  ] as Array<[string, CountryCode | undefined, string | null]>)("%j in %j → %j, as libphonenumber-js", (text, country, expected) => {
    expect(possibleE164(text, country)).toBe(expected)
    expect(viaLibrary(text, country)).toBe(expected)
  })

  const nasty = [
    ...["0221 123456", "030 901820", "0151-12345678", "020 7946 0958", "07700 900123", "06 12 34 56 78", "0412 345 678"],
    ...["(02) 9876 5432", "1-303-555-0199", "1 (415) 555-2671", "0 15 11 91234-5678", "015 11 91234 5678"],
    ...["+49 30 1234567", "+49 (0)30 901820", "+1 212 555 0123", "+44 7700 900123", "+33 6 12 34 56 78", "+55 21 912345678"],
    ...["+31 6 12345678", "+34 912 345 678", "+39 06 1234 5678", "+1 416 555 0123", "+61 2 9876 5432", "+61 8 9162 1234"],
    ...["0049 (0)89 1234567", "0044 161 496 0000", "0034 612345678", "0039 02 12345678", "00 1 415 555 2671", "011 44 20 7946 0958"],
    ...["0011 61 2 9876 5432", "00 0 123", "0049", "49 30 1234567", "1 415 555 2671", "61 412 345 678", "39 333 123 4567"],
    ...["(415) 555-2671", "646.555.0123", "415/555/2671", "-415-555-2671-", "(31) 91234-5678", "612 34 56 78", "333 123 4567"],
    ...["310 1234", "+1 310 1234", "555 0123", "01624 123456", "01624 12345", "+44 1481 123456", "1300 123 456"],
    ...["+1 415 555 2671 ext. 12", "020 7946 0958 x123", "(415) 555-2671 #12", "+49 30 1234567;ext=5", "+44 20 7946 0958,,12"],
    ...["tel:+49-30-1234567", "call me", "+49 30 1234567 (mobile)", "phone: 0221 123456", "+49 30 CALL NOW", "1-800-FLOWERS"],
    ...["０２２１ １２３４５６", "+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨", "(+49) 30 1234567", "+49 30 1234567+", "+4930+1234567", "0221\t123456"],
    ...["", " ", "-", "+", "0", "00", "12", "123", "+0 123 4567", "+999 123456", "+800 1234 5678", "1".repeat(18), "1".repeat(260)],
  ]

  it.each(COUNTRIES)("%j: every nasty case as libphonenumber-js reads it", (country) => {
    for (const text of nasty) expect([text, possibleE164(text, country)]).toEqual([text, viaLibrary(text, country)])
  })
})

describe("possibleE164 agrees with libphonenumber-js for every country of its metadata", () => {
  // Deterministic variations of each country's example mobile number, typed the ways shoppers type them,
  // read with its own country, with a country that shares its calling code, with another one, and with none.
  let seed = 7
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
  }
  const countries = getCountries()
  const byCallingCode = new Map<string, CountryCode[]>()
  for (const country of countries) {
    const code = getCountryCallingCode(country)
    byCallingCode.set(code, [...(byCallingCode.get(code) ?? []), country])
  }

  it.each(countries.filter((country) => examples[country]))("%s", (home) => {
    const callingCode = getCountryCallingCode(home)
    const sharing = byCallingCode.get(callingCode)!
    const readers = [home, sharing[random(sharing.length)], countries[random(countries.length)], undefined]
    for (let variant = 0; variant < 6; variant++) {
      const example = examples[home]!
      // Keep the leading digits (they pick the area and the type), vary the rest and sometimes the length.
      const keep = Math.max(1, example.length - 1 - random(4))
      const tail = Array.from({ length: example.length - keep + random(3) - 1 }, () => String(random(10))).join("")
      const national = example.slice(0, keep) + tail
      const parsed = parsePhoneNumberFromString(`+${callingCode}${national}`)
      const typed = [
        national,
        `0${national}`,
        `+${callingCode} ${national}`,
        `00${callingCode}${national}`,
        `${callingCode}${national}`,
        `+${callingCode} (0) ${national}`,
        ...(parsed ? [parsed.formatNational(), parsed.formatInternational(), parsed.formatNational().replace(/ /g, "-")] : []),
      ]
      for (const text of typed) {
        for (const reader of readers) {
          expect([text, reader, possibleE164(text, reader)]).toEqual([text, reader, viaLibrary(text, reader)])
        }
      }
    }
  })
})

describe("possibleE164 calls the library only for what it does not read itself", () => {
  // The module object phone.ts calls through (an `import * as` would be a copy).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require("libphonenumber-js/core") as { parsePhoneNumberFromString: (...args: unknown[]) => unknown }
  afterEach(() => jest.restoreAllMocks())

  it.each([
    ["0221 123456", "DE"],
    ["+1 (415) 555-2671", "US"],
    ["0044 161 496 0000", "GB"],
    ["(31) 91234-5678", "BR"],
  ] as Array<[string, CountryCode]>)("%j in %s: read without the library", (text, country) => {
    const expected = viaLibrary(text, country)
    const library = jest.spyOn(core, "parsePhoneNumberFromString")
    expect(possibleE164(text, country)).toBe(expected)
    expect(library).not.toHaveBeenCalled()
  })

  it.each([
    ["+1 415 555 2671 ext. 12", "US"],
    ["０２２１ １２３４５６", "DE"],
    ["(+49) 30 1234567", "DE"],
  ] as Array<[string, CountryCode]>)("%j in %s: handed to the library", (text, country) => {
    const expected = viaLibrary(text, country)
    const library = jest.spyOn(core, "parsePhoneNumberFromString")
    expect(possibleE164(text, country)).toBe(expected)
    expect(library).toHaveBeenCalledTimes(1)
  })
})

describe("normalizePhoneForCountryCode: the ten countries as shoppers type them", () => {
  it.each([
    ["0221 123456", "de", "49221123456"],
    ["0049 (0)89 1234567", "de", "49891234567"],
    ["(415) 555-2671", "us", "14155552671"],
    ["1-303-555-0199", "us", "13035550199"],
    ["0044 161 496 0000", "gb", "441614960000"],
    ["07700 900123", "gb", "447700900123"],
    ["06 12 34 56 78", "fr", "33612345678"],
    ["(31) 91234-5678", "br", "5531912345678"],
    ["06-12345678", "nl", "31612345678"],
    ["0034 612345678", "es", "34612345678"],
    ["0039 02 12345678", "it", "390212345678"],
    ["(514) 555-0100", "ca", "15145550100"],
    ["(02) 9876 5432", "au", "61298765432"],
    // "00" before a country the reader's metadata has no "00" for still means international
    ["00 1 415 555 2671", "us", "14155552671"],
    ["+1 415 555 2671 ext. 12", "us", "14155552671"],
    ["call 0221 123456", "de", null],
    ["0221 123456", null, null],
    ["49 221 123456", null, "49221123456"],
  ])("%j in %j → %j", (text, country, expected) => {
    expect(normalizePhoneForCountryCode(text, country)).toBe(expected)
  })
})
