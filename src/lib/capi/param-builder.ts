/**
 * Meta's own normalizers from capi-param-builder-nodejs (src/piiUtil). Its public `getNormalizedAndHashedPII`
 * appends a param-builder appendix and hashes with a pure-JS SHA-256, so we call the normalizers it is built
 * on and hash with node:crypto. The package declares no `exports` map, so these paths are reachable.
 *
 * Each type goes straight to the normalizer PIIUtil.getNormalizedPII would pick for it: that dispatcher
 * re-validates the type name on every call (an Object.values scan and a regex), which costs more than most
 * of the normalizers themselves, for a type that is a constant here.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
type Normalizer = (value: string) => string | null
const { getNormalizedEmail } = require("capi-param-builder-nodejs/src/piiUtil/emailUtil") as { getNormalizedEmail: Normalizer }
const { getNormalizedDOB } = require("capi-param-builder-nodejs/src/piiUtil/dobUtil") as { getNormalizedDOB: Normalizer }
const { getNormalizedGender } = require("capi-param-builder-nodejs/src/piiUtil/genderUtil") as { getNormalizedGender: Normalizer }
const { getNormalizedZipCode } = require("capi-param-builder-nodejs/src/piiUtil/zipCodeUtil") as { getNormalizedZipCode: Normalizer }
const strings = require("capi-param-builder-nodejs/src/piiUtil/stringUtil") as Record<
  "getNormalizedName" | "getNormalizedState" | "getNormalizedCountry" | "getNormalizedExternalID",
  Normalizer
>
/* eslint-enable @typescript-eslint/no-require-imports */

export type ParamBuilderPiiType =
  | "email"
  | "first_name"
  | "last_name"
  | "date_of_birth"
  | "gender"
  | "state"
  | "country"
  | "external_id"
  | "zip_code"

/** The same type → normalizer table as PIIUtil.getNormalizedPII. */
const NORMALIZERS: Record<ParamBuilderPiiType, Normalizer> = {
  email: getNormalizedEmail,
  first_name: strings.getNormalizedName,
  last_name: strings.getNormalizedName,
  date_of_birth: getNormalizedDOB,
  gender: getNormalizedGender,
  state: strings.getNormalizedState,
  country: strings.getNormalizedCountry,
  external_id: strings.getNormalizedExternalID,
  zip_code: getNormalizedZipCode,
}

export function paramBuilderNormalize(value: string, type: ParamBuilderPiiType): string | null {
  if (!value) return null
  try {
    const normalized = NORMALIZERS[type](value)
    return normalized ? normalized : null
  } catch {
    return null
  }
}
