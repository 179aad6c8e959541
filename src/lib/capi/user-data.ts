import { isHashed, sha256Hex } from "./hash"
import {
  normalizeCity,
  normalizeCountry,
  normalizeDateOfBirth,
  normalizeEmail,
  normalizeExternalId,
  normalizeGender,
  normalizeName,
  normalizePhoneForCountryCode,
  normalizeStateForCountryCode,
  normalizeZipForCountryCode,
} from "./normalize"

/** The hashed user_data keys (Meta: "must be hashed"; external_id: "recommended", we hash it consistently). */
export const HASHED_USER_DATA_KEYS = ["em", "ph", "fn", "ln", "ge", "db", "ct", "st", "zp", "country", "external_id"] as const
export type HashedUserDataKey = (typeof HASHED_USER_DATA_KEYS)[number]

/** Keys Meta forbids hashing: IP, user agent and the Pixel's cookies travel as they are. */
export const PLAIN_USER_DATA_KEYS = ["client_ip_address", "client_user_agent", "fbc", "fbp"] as const
export type PlainUserDataKey = (typeof PLAIN_USER_DATA_KEYS)[number]

export type UserData = Partial<Record<HashedUserDataKey, string[]>> & Partial<Record<PlainUserDataKey, string>>

/** An address as Medusa stores it (order shipping/billing address, customer address). */
export type AddressLike = {
  first_name?: string | null
  last_name?: string | null
  phone?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
}

/** What the store knows about the buyer: contact data, addresses, and the browser context. */
export type UserDataInput = {
  emails?: Array<string | null | undefined>
  phones?: Array<string | null | undefined>
  externalIds?: Array<string | null | undefined>
  addresses?: Array<AddressLike | null | undefined>
  genders?: Array<string | null | undefined>
  datesOfBirth?: Array<string | Date | null | undefined>
  clientIpAddress?: string | null
  clientUserAgent?: string | null
  fbc?: string | null
  fbp?: string | null
}

/** A value that is already a digest, lowercased (Meta's SDKs pass such values through), or null. */
function digestOf(raw: unknown): string | null {
  if (typeof raw !== "string") return null
  const text = raw.trim()
  return isHashed(text) ? text.toLowerCase() : null
}

function addDigest(target: UserData, key: HashedUserDataKey, digest: string): void {
  const list = (target[key] ??= [])
  if (!list.includes(digest)) list.push(digest)
}

function addHashed(target: UserData, key: HashedUserDataKey, raw: unknown, normalize: (value: unknown) => string | null): void {
  const digest = digestOf(raw)
  if (digest) return addDigest(target, key, digest)
  const normalized = normalize(raw)
  if (normalized) addDigest(target, key, sha256Hex(normalized))
}

/** addHashed for the fields read with the address's country (normalized once per address). */
function addHashedIn(
  target: UserData,
  key: HashedUserDataKey,
  raw: unknown,
  countryCode: string | null,
  normalize: (value: unknown, countryCode: string | null) => string | null
): void {
  const digest = digestOf(raw)
  if (digest) return addDigest(target, key, digest)
  const normalized = normalize(raw, countryCode)
  if (normalized) addDigest(target, key, sha256Hex(normalized))
}

const ADDRESS_FIELDS = ["first_name", "last_name", "phone", "city", "province", "postal_code", "country_code"] as const

/** Billing and shipping are often the same address: reading it twice would only add the same hashes again. */
function sameAddress(a: AddressLike, b: AddressLike): boolean {
  return ADDRESS_FIELDS.every((field) => a[field] === b[field])
}

function plain(value: string | null | undefined): string | undefined {
  const text = value?.trim()
  return text ? text : undefined
}

/**
 * user_data for a server event: every hashed key as a de-duplicated array (Meta accepts several values per
 * key; the Business SDK always sends arrays), plain keys as single strings, empty keys left out.
 * An address's phone, state and ZIP are read with that address's country.
 */
export function buildUserData(input: UserDataInput): UserData {
  const data: UserData = {}
  for (const email of input.emails ?? []) addHashed(data, "em", email, normalizeEmail)
  const addresses: AddressLike[] = []
  for (const address of input.addresses ?? []) {
    if (address && !addresses.some((seen) => sameAddress(seen, address))) addresses.push(address)
  }
  const countryCodes = addresses.map((a) => normalizeCountry(a.country_code))
  const defaultCountry = countryCodes.find(Boolean) ?? null
  for (const phone of input.phones ?? []) addHashedIn(data, "ph", phone, defaultCountry, normalizePhoneForCountryCode)
  addresses.forEach((address, i) => {
    const countryCode = countryCodes[i]
    addHashedIn(data, "ph", address.phone, countryCode, normalizePhoneForCountryCode)
    addHashed(data, "fn", address.first_name, normalizeName)
    addHashed(data, "ln", address.last_name, normalizeName)
    addHashed(data, "ct", address.city, normalizeCity)
    addHashedIn(data, "st", address.province, countryCode, normalizeStateForCountryCode)
    addHashedIn(data, "zp", address.postal_code, countryCode, normalizeZipForCountryCode)
    const countryDigest = digestOf(address.country_code)
    if (countryDigest) addDigest(data, "country", countryDigest)
    else if (countryCode) addDigest(data, "country", sha256Hex(countryCode))
  })
  for (const gender of input.genders ?? []) addHashed(data, "ge", gender, normalizeGender)
  for (const dob of input.datesOfBirth ?? []) addHashed(data, "db", dob, normalizeDateOfBirth)
  for (const id of input.externalIds ?? []) addHashed(data, "external_id", id, normalizeExternalId)

  const ip = plain(input.clientIpAddress)
  const ua = plain(input.clientUserAgent)
  const fbc = plain(input.fbc)
  const fbp = plain(input.fbp)
  if (ip) data.client_ip_address = ip
  if (ua) data.client_user_agent = ua
  if (fbc) data.fbc = fbc
  if (fbp) data.fbp = fbp
  return data
}
