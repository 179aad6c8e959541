import { createHmac } from "node:crypto"

/**
 * `appsecret_proof` = lowercase hex HMAC-SHA256 keyed with the app secret over the access token
 * (https://developers.facebook.com/docs/graph-api/securing-requests#appsecret_proof; Meta's Node SDK computes it the same way). Apps with "Require App Secret" reject
 * server calls without it, and it makes a leaked token useless without the secret.
 */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac("sha256", appSecret).update(accessToken).digest("hex")
}
