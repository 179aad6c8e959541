import { createHash } from "node:crypto"

/** JSON with object keys sorted, so the same content always gives the same text. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null"
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : stableStringify(v))).join(",")}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`
}

/** Hash of what Meta would receive for an item: unchanged hash → nothing to send. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(stableStringify(value)).digest("base64url").slice(0, 32)
}
