import { isHashed, sha256Hex } from "./hash"
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

/** A value that is already a digest is passed through (lowercased), as Meta's SDKs do. */
function hashNormalized(raw: unknown, normalize: (value: unknown) => string | null): string | null {
  if (typeof raw === "string" && isHashed(raw.trim())) return raw.trim().toLowerCase()
  const normalized = normalize(raw)
  return normalized ? sha256Hex(normalized) : null
}

function addHashed(
  target: UserData,
  key: HashedUserDataKey,
  raw: unknown,
  normalize: (value: unknown) => string | null
): void {
  const hashed = hashNormalized(raw, normalize)
  if (!hashed) return
  const list = (target[key] ??= [])
  if (!list.includes(hashed)) list.push(hashed)
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
  const addresses = (input.addresses ?? []).filter((a): a is AddressLike => !!a)
  const defaultCountry = addresses.map((a) => normalizeCountry(a.country_code)).find(Boolean) ?? null
  for (const phone of input.phones ?? []) addHashed(data, "ph", phone, (v) => normalizePhone(v, defaultCountry))
  for (const address of addresses) {
    const country = address.country_code
    addHashed(data, "ph", address.phone, (v) => normalizePhone(v, country))
    addHashed(data, "fn", address.first_name, normalizeName)
    addHashed(data, "ln", address.last_name, normalizeName)
    addHashed(data, "ct", address.city, normalizeCity)
    addHashed(data, "st", address.province, (v) => normalizeState(v, country))
    addHashed(data, "zp", address.postal_code, (v) => normalizeZip(v, country))
    addHashed(data, "country", country, normalizeCountry)
  }
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
