import type { CountryCode } from "libphonenumber-js"
import { paramBuilderNormalize } from "./param-builder"
import { possibleE164 } from "./phone"

/**
 * Meta's normalization rules for user_data before hashing (Conversions API "Customer information
 * parameters"; https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters). Each function returns the normalized plain value, or null
 * when the input cannot be made into something Meta could match (then the key is left out: a wrong
 * value only costs match quality).
 */

/**
 * ASCII text is the same in every Unicode normalization form and has no combining marks, so most values
 * (emails, phones, codes, many names and cities) skip ICU: about 1 µs per Purchase (bench/capi.bench.ts part d).
 */
const NON_ASCII = /[^\x00-\x7f]/

function clean(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null
  const raw = typeof value === "string" ? value : String(value)
  // NFC so that "é" typed as e + combining accent hashes like the precomposed "é" a pixel would hash.
  const text = (NON_ASCII.test(raw) ? raw.normalize("NFC") : raw).trim()
  return text === "" ? null : text
}

/** "São Paulo" → "Sao Paulo": Meta recommends roman a–z for city and state. */
function foldDiacritics(value: string): string {
  return NON_ASCII.test(value) ? value.normalize("NFD").replace(/\p{M}+/gu, "") : value
}

/** em: trimmed, lowercase, a plausible address (capi-param-builder's RFC-2822 approximation). */
export function normalizeEmail(value: unknown): string | null {
  const text = clean(value)
  return text ? paramBuilderNormalize(text, "email") : null
}

const TWO_ASCII_LETTERS = /^[A-Za-z]{2}$/

/** ISO-3166 alpha-2, lowercase ("US", "usa", "United States" → "us"). */
export function normalizeCountry(value: unknown): string | null {
  const text = clean(value)
  if (!text) return null
  // Medusa stores country_code as two letters; for those capi-param-builder's rules reduce to lowercasing
  // (checked for all 676 pairs in the tests), without its name table scan.
  if (TWO_ASCII_LETTERS.test(text)) return text.toLowerCase()
  const normalized = paramBuilderNormalize(foldDiacritics(text), "country")
  return normalized && /^[a-z]{2}$/.test(normalized) ? normalized : null
}

/**
 * ph: digits only, with the country code, without "+", "00" or a trunk "0" (Meta: "+44 844 412 4653" →
 * "448444124653"). capi-param-builder only strips non-digits and leading zeros, which turns a national
 * number such as "06 12 34 56 78" into "612345678" (no country code, no match). So the number is parsed
 * with the address's country first (libphonenumber-js, see phone.ts) and formatted as E.164.
 */
export function normalizePhone(value: unknown, country?: string | null): string | null {
  return normalizePhoneForCountryCode(value, normalizeCountry(country))
}

const SPELLED_OUT = /[a-z]{3,}/i
const TRAILING_EXTENSION = /\b(ext|x)\.?\s*\d+$/i
const INTERNATIONAL_00 = /^\s*00(?=\s*[1-9])/
const NON_DIGITS = /\D/g
const E164_DIGITS = /^[1-9]\d{7,14}$/

/** normalizePhone for a country already normalized by normalizeCountry (an address reads it once). */
export function normalizePhoneForCountryCode(value: unknown, countryCode: string | null): string | null {
  const text = clean(value)
  if (!text) return null
  if (SPELLED_OUT.test(text.replace(TRAILING_EXTENSION, ""))) return null
  // "00" is the international prefix in most of the world; libphonenumber only knows it for some regions.
  const international = text.replace(INTERNATIONAL_00, "+")
  const region = countryCode?.toUpperCase() as CountryCode | undefined
  const e164 = possibleE164(international, region)
  if (e164) return e164.slice(1)
  if (region || international.startsWith("+")) return null
  // No country to go by: only a number that already carries a country code (no trunk "0") is usable.
  const digits = international.replace(NON_DIGITS, "")
  return E164_DIGITS.test(digits) ? digits : null
}

/** fn/ln: lowercase, no spaces or punctuation, letters kept in UTF-8 ("O'Brien" → "obrien", "José" → "josé"). */
export function normalizeName(value: unknown): string | null {
  const text = clean(value)
  if (!text) return null
  const normalized = paramBuilderNormalize(text, "first_name")
  return normalized && /\p{L}/u.test(normalized) ? normalized : null
}

/** ct: lowercase roman letters only, no spaces or punctuation ("New York" → "newyork", "Köln" → "koln"). */
export function normalizeCity(value: unknown): string | null {
  const text = clean(value)
  if (!text) return null
  const normalized = foldDiacritics(text).toLowerCase().replace(/[^a-z0-9]/g, "")
  return /^[a-z]/.test(normalized) ? normalized : null
}

const TWO_LETTER_STATE_COUNTRIES = new Set(["us", "ca"])

/**
 * st: in the US (and Canada, same convention) the 2-letter code in lowercase ("California" → "ca",
 * capi-param-builder's name table); elsewhere, and when the country is unknown, lowercase without
 * punctuation, special characters or spaces (Meta's rule for states outside the US).
 */
export function normalizeState(value: unknown, country?: string | null): string | null {
  return normalizeStateForCountryCode(value, normalizeCountry(country))
}

/** normalizeState for a country already normalized by normalizeCountry. */
export function normalizeStateForCountryCode(value: unknown, countryCode: string | null): string | null {
  const text = clean(value)
  if (!text) return null
  // Medusa stores provinces as ISO 3166-2 codes ("us-ca", "fr-idf"): keep the subdivision part.
  const subdivision = foldDiacritics(text).replace(/^[a-z]{2}-(?=[a-z0-9]{1,3}$)/i, "")
  if (countryCode && TWO_LETTER_STATE_COUNTRIES.has(countryCode)) {
    const normalized = paramBuilderNormalize(subdivision, "state")
    return normalized && /^[a-z]{2}$/.test(normalized) ? normalized : null
  }
  const normalized = subdivision.toLowerCase().replace(/[^a-z0-9]/g, "")
  return /^[a-z]/.test(normalized) ? normalized : null
}

/**
 * zp: lowercase, no spaces or dashes; US: the first 5 digits ("94025-1234" → "94025"); UK: area,
 * district and sector ("SW1A 1AA" → "sw1a1"), as Meta's customer-information parameters ask.
 */
export function normalizeZip(value: unknown, country?: string | null): string | null {
  return normalizeZipForCountryCode(value, normalizeCountry(country))
}

/** normalizeZip for a country already normalized by normalizeCountry. */
export function normalizeZipForCountryCode(value: unknown, countryCode: string | null): string | null {
  const text = clean(value)
  if (!text) return null
  const compact = text.toLowerCase().replace(/[\s\-–.]/g, "")
  if (countryCode === "us") {
    const match = text.match(/^\s*(\d{5})(?:\s*-?\s*\d{4})?\s*$/)
    return match ? match[1] : null
  }
  if (countryCode === "gb") {
    const match = compact.match(/^([a-z]{1,2}\d[a-z\d]?)(\d)[a-z]{2}$/)
    if (match) return `${match[1]}${match[2]}`
    return /^[a-z]{1,2}\d[a-z\d]?\d?$/.test(compact) ? compact : null
  }
  if (!/^[\p{L}\d]+$/u.test(compact) || compact.length < 2) return null
  return compact
}

/** ge: "f" or "m"; anything else is left out. */
export function normalizeGender(value: unknown): string | null {
  const text = clean(value)
  if (!text) return null
  const normalized = paramBuilderNormalize(text, "gender")
  return normalized === "f" || normalized === "m" ? normalized : null
}

/** db: YYYYMMDD, from any order of day, month and year capi-param-builder can tell apart. */
export function normalizeDateOfBirth(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10).replace(/-/g, "")
  }
  const text = clean(value)
  if (!text) return null
  const normalized = paramBuilderNormalize(text, "date_of_birth")
  return normalized && /^\d{8}$/.test(normalized) ? normalized : null
}

/** external_id: trimmed, lowercase, no whitespace (capi-param-builder), then hashed like the other keys. */
export function normalizeExternalId(value: unknown): string | null {
  const text = clean(value)
  return text ? paramBuilderNormalize(text, "external_id") : null
}
