/**
 * Meta's own normalizers from capi-param-builder-nodejs (src/piiUtil). Its public `getNormalizedAndHashedPII`
 * appends a param-builder appendix and hashes with a pure-JS SHA-256, so we call the normalizers it is built
 * on and hash with node:crypto. The package declares no `exports` map, so these paths are reachable.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const piiUtil = require("capi-param-builder-nodejs/src/piiUtil/PIIUtil") as {
  getNormalizedPII(value: string, dataType: string): string | null
}

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

export function paramBuilderNormalize(value: string, type: ParamBuilderPiiType): string | null {
  try {
    const normalized = piiUtil.getNormalizedPII(value, type)
    return normalized ? normalized : null
  } catch {
    return null
  }
}
