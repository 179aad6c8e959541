import { createHash } from "node:crypto"

/** Headers a shopper's browser sends with store API calls: they become the event's client_user_agent and client_ip_address. */
export const SHOPPER_BROWSER = {
  "user-agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15",
  "x-forwarded-for": "203.0.113.42",
}

/** The Pixel's `_fbp` cookie value the storefront hands over. */
export const SHOPPER_FBP = "fb.1.1596403881668.1116446470"

/** SHA-256 in hex, as Meta expects hashed user_data. */
export const sha256Hex = (value: string) => createHash("sha256").update(value).digest("hex")
