import { Metadata, isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type MetadataJson } from "libphonenumber-js/core"
import minMetadata from "libphonenumber-js/metadata.min.json"

/**
 * The E.164 number libphonenumber-js finds in a typed phone number, when it is a possible one:
 * `parsePhoneNumberFromString(text, { defaultCountry })?.isPossible() ? number : null`, with the
 * library's default ("min") metadata.
 *
 * Why not just call that: it costs 4–28 µs per number (~9 µs on bench/capi.bench.ts part d's orders,
 * two thirds of what the Business SDK spends on a whole event), because the library compiles a RegExp
 * from its metadata at every step of every call, and for a calling code that several countries share
 * (+1, +44, +61, …) it tries each country's number-type patterns in turn.
 *
 * So a number typed with ASCII digits and the usual punctuation (spaces, dashes, dots, slashes,
 * brackets, a leading "+") goes through the same steps as libphonenumber-js's `parse()` — same order,
 * same metadata, read through its `Metadata` class — with each numbering plan's patterns compiled once.
 * Anything else (letters, an extension, other scripts' digits, a "+" inside) goes to the library
 * itself. __tests__/phone.unit.spec.ts checks both ways agree, for every country in the metadata.
 */

/** The numbering-plan readers libphonenumber-js's parser uses (present at runtime; its typings only declare a few). */
type NumberingPlanReader = {
  callingCode(): string
  IDDPrefix(): string
  nationalNumberPattern(): string
  possibleLengths(): number[] | undefined
  nationalPrefixForParsing(): string | undefined
  nationalPrefixTransformRule(): string | undefined
  leadingDigits(): string | undefined
  type(type: NumberType): { pattern(): string; possibleLengths(): number[] | undefined } | undefined
}
type MetadataReader = {
  selectNumberingPlan(countryOrCallingCode: string): void
  numberingPlan: NumberingPlanReader
  hasCallingCode(callingCode: string): boolean | undefined
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined
}

/** The types getNumberType tries, fixed line first (libphonenumber-js helpers/getNumberType). */
const NUMBER_TYPES = [
  "FIXED_LINE",
  "MOBILE",
  "PREMIUM_RATE",
  "TOLL_FREE",
  "SHARED_COST",
  "VOIP",
  "PERSONAL_NUMBER",
  "PAGER",
  "UAN",
  "VOICEMAIL",
] as const
type NumberType = (typeof NUMBER_TYPES)[number]

// libphonenumber-js constants.js
const MIN_LENGTH_FOR_NSN = 2
const MAX_LENGTH_FOR_NSN = 17
const MAX_LENGTH_COUNTRY_CODE = 3
const MAX_INPUT_STRING_LENGTH = 250

/** One numbering plan's metadata with its patterns compiled. */
type Plan = {
  callingCode: string
  iddPrefix: RegExp
  nationalNumber: RegExp
  possibleLengths: number[] | undefined
  nationalPrefix: RegExp | undefined
  nationalPrefixTransformRule: string | undefined
  leadingDigits: RegExp | undefined
  types: Array<{ lengths: number[] | undefined; pattern: RegExp }>
}

/** The metadata `import "libphonenumber-js"` uses (the JSON's inferred type has strings where MetadataJson has CountryCode). */
const metadataJson = minMetadata as unknown as MetadataJson
// Metadata's typings declare no argument; at runtime it takes the metadata JSON, as the core functions do.
const metadata = new (Metadata as unknown as new (json: MetadataJson) => MetadataReader)(metadataJson)

/** Compiled plans by country ("US") or calling code ("1"): at most the ~250 entries of the metadata. */
const plans = new Map<string, Plan>()

function planOf(countryOrCallingCode: string): Plan {
  let plan = plans.get(countryOrCallingCode)
  if (!plan) {
    metadata.selectNumberingPlan(countryOrCallingCode)
    const reader = metadata.numberingPlan
    const nationalPrefix = reader.nationalPrefixForParsing()
    const leadingDigits = reader.leadingDigits()
    plan = {
      callingCode: reader.callingCode(),
      iddPrefix: new RegExp(reader.IDDPrefix()),
      nationalNumber: new RegExp(`^(?:${reader.nationalNumberPattern()})$`),
      possibleLengths: reader.possibleLengths(),
      nationalPrefix: nationalPrefix ? new RegExp(`^(?:${nationalPrefix})`) : undefined,
      nationalPrefixTransformRule: reader.nationalPrefixTransformRule(),
      leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
      types: NUMBER_TYPES.flatMap((name) => {
        const type = reader.type(name)
        const pattern = type?.pattern()
        return type && pattern ? [{ lengths: type.possibleLengths(), pattern: new RegExp(`^(?:${pattern})$`) }] : []
      }),
    }
    plans.set(countryOrCallingCode, plan)
  }
  return plan
}

type LengthCheck = "IS_POSSIBLE" | "TOO_SHORT" | "TOO_LONG" | "INVALID_LENGTH"

/** helpers/checkNumberLength (general description, no type). */
function checkNumberLength(nationalNumber: string, plan: Plan): LengthCheck {
  const lengths = plan.possibleLengths
  if (!lengths) return "IS_POSSIBLE"
  const length = nationalNumber.length
  if (lengths[0] === length) return "IS_POSSIBLE"
  if (lengths[0] > length) return "TOO_SHORT"
  if (lengths[lengths.length - 1] < length) return "TOO_LONG"
  return lengths.indexOf(length, 1) >= 0 ? "IS_POSSIBLE" : "INVALID_LENGTH"
}

/** helpers/getNumberType, reduced to "has a type" (all getCountryByNationalNumber asks). */
function hasNumberType(nationalNumber: string, plan: Plan): boolean {
  if (!plan.nationalNumber.test(nationalNumber)) return false
  return plan.types.some(
    (type) => (!type.lengths || type.lengths.includes(nationalNumber.length)) && type.pattern.test(nationalNumber)
  )
}

/** helpers/getCountryByCallingCode + getCountryByNationalNumber: the exact country when a calling code is shared. */
function countryByCallingCode(callingCode: string, nationalNumber: string): string | undefined {
  const countries = metadata.getCountryCodesForCallingCode(callingCode)
  if (!countries) return undefined
  if (countries.length === 1) return countries[0]
  for (const country of countries) {
    const plan = planOf(country)
    if (plan.leadingDigits) {
      if (nationalNumber && nationalNumber.search(plan.leadingDigits) === 0) return country
    } else if (hasNumberType(nationalNumber, plan)) {
      return country
    }
  }
  return undefined
}

/** helpers/extractNationalNumberFromPossiblyIncompleteNumber: strip the national (trunk) prefix. */
function stripNationalPrefix(number: string, plan: Plan): string {
  if (!number || !plan.nationalPrefix) return number
  const match = plan.nationalPrefix.exec(number)
  if (!match) return number
  const groups = match.length - 1
  const hasCapturedGroups = groups > 0 && match[groups]
  if (plan.nationalPrefixTransformRule && hasCapturedGroups) {
    return number.replace(plan.nationalPrefix, plan.nationalPrefixTransformRule)
  }
  return number.slice(match[0].length)
}

/** helpers/extractNationalNumber: keep the prefix when the number without it is not a number of the plan. */
function extractNationalNumber(number: string, plan: Plan): string {
  const nationalNumber = stripNationalPrefix(number, plan)
  if (nationalNumber === number) return number
  if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(nationalNumber)) return number
  if (plan.possibleLengths) {
    const country = countryByCallingCode(plan.callingCode, nationalNumber)
    const length = checkNumberLength(nationalNumber, country ? planOf(country) : plan)
    if (length === "TOO_SHORT" || length === "INVALID_LENGTH") return number
  }
  return nationalNumber
}

/** helpers/stripIddPrefix: "011 44 …" dialled from the US → "44 …". */
function stripIddPrefix(number: string, plan: Plan): string | undefined {
  const match = plan.iddPrefix.exec(number)
  if (!match || match.index !== 0) return undefined
  const rest = number.slice(match[0].length)
  return rest[0] === "0" ? undefined : rest
}

type CallingCodeSplit = { callingCode?: string; number?: string }

/** The "+…" branch of helpers/extractCountryCallingCode: the shortest known calling code. */
function splitInternational(digits: string): CallingCodeSplit {
  if (digits[0] === "0") return {}
  for (let length = 1; length <= MAX_LENGTH_COUNTRY_CODE && length <= digits.length; length++) {
    const callingCode = digits.slice(0, length)
    if (metadata.hasCallingCode(callingCode)) return { callingCode, number: digits.slice(length) }
  }
  return {}
}

/** helpers/extractCountryCallingCodeFromInternationalNumberWithoutPlusSign: "49 30 …" typed in Germany. */
function splitWithoutPlusSign(digits: string, plan: Plan): CallingCodeSplit | undefined {
  if (!digits.startsWith(plan.callingCode)) return undefined
  const shorter = digits.slice(plan.callingCode.length)
  const shorterNationalNumber = extractNationalNumber(shorter, plan)
  const nationalNumber = extractNationalNumber(digits, plan)
  if (
    (!plan.nationalNumber.test(nationalNumber) && plan.nationalNumber.test(shorterNationalNumber)) ||
    checkNumberLength(nationalNumber, plan) === "TOO_LONG"
  ) {
    return { callingCode: plan.callingCode, number: shorter }
  }
  return undefined
}

/** helpers/extractCountryCallingCode. */
function splitCallingCode(digits: string, international: boolean, defaultCountry: string | undefined): CallingCodeSplit {
  if (international) return splitInternational(digits)
  if (!defaultCountry) return { number: digits }
  const plan = planOf(defaultCountry)
  const withoutIdd = stripIddPrefix(digits, plan)
  if (withoutIdd && withoutIdd !== digits) return splitInternational(withoutIdd)
  return splitWithoutPlusSign(digits, plan) ?? { number: digits }
}

/** parse() + PhoneNumber.isPossible() for "+"? and ASCII digits. */
function possibleE164OfDigits(digits: string, international: boolean, defaultCountry: string | undefined): string | null {
  const split = splitCallingCode(digits, international, defaultCountry)
  let callingCode = split.callingCode
  let country: string | undefined
  let plan: Plan
  if (callingCode) {
    plan = planOf(callingCode)
  } else if (split.number && defaultCountry) {
    country = defaultCountry
    plan = planOf(defaultCountry)
    callingCode = plan.callingCode
  } else {
    return null
  }
  if (!split.number) return null
  const nationalNumber = extractNationalNumber(split.number, plan)
  country = countryByCallingCode(callingCode, nationalNumber) ?? country
  if (nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return null
  return checkNumberLength(nationalNumber, planOf(country ?? callingCode)) === "IS_POSSIBLE" ? `+${callingCode}${nationalNumber}` : null
}

/**
 * ASCII digits with spaces, dashes, dots, slashes and brackets, "+" only first, at least three digits:
 * for such text the library's extraction, viability and extension checks (parse.js parseInput) come
 * down to "keep the digits and the leading +".
 */
const PLAIN_NUMBER = /^\+?[0-9 ()./-]*$/
const NON_DIGITS = /[^0-9]/g

function libraryE164(text: string, country: CountryCode | undefined): string | null {
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : {}, metadataJson)
  return parsed?.isPossible() ? parsed.number : null
}

/**
 * The fast path leans on readers libphonenumber-js has at runtime but does not document. Should a
 * later version of the library drop or change them, every number goes to the library instead: checked
 * once, on load, against the library on numbers that exercise each step (shared calling codes, trunk
 * prefixes, IDD prefixes, a calling code typed without "+").
 */
const SELF_CHECK: Array<[string, CountryCode | undefined]> = [
  ["(201) 555-0123", "US"],
  ["+44 7400 123456", undefined],
  ["07400 123456", "GB"],
  ["030 1234567", "DE"],
  ["49 30 1234567", "DE"],
  ["011 33 1 23 45 67 89", "US"],
  ["+1 416 555 0123", "US"],
  ["0412 345 678", "AU"],
  ["11 91234 5678", "BR"],
  ["12", "FR"],
]
const FAST_PATH_AGREES = (() => {
  try {
    return SELF_CHECK.every(([text, country]) => possibleE164OfDigits(text.replace(NON_DIGITS, ""), text[0] === "+", country) === libraryE164(text, country))
  } catch {
    return false
  }
})()

export function possibleE164(text: string, defaultCountry?: CountryCode): string | null {
  const country = defaultCountry && isSupportedCountry(defaultCountry, metadataJson) ? defaultCountry : undefined
  if (FAST_PATH_AGREES && text.length <= MAX_INPUT_STRING_LENGTH && PLAIN_NUMBER.test(text)) {
    const digits = text.replace(NON_DIGITS, "")
    if (digits.length >= 3) return possibleE164OfDigits(digits, text[0] === "+", country)
  }
  return libraryE164(text, country)
}
