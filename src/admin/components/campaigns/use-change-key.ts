import { useRef } from "react"
import { newIdempotencyKey } from "../../hooks/api/ads"

/**
 * One idempotency key per intended change. The same change sent again — a second click before the first answer,
 * or trying again after an answer that never arrived — carries the same key, so the server makes it once; a
 * change that went through, or a different one (another status, another amount), gets a new key.
 */
export const useChangeKey = () => {
  const current = useRef<{ intent: string; key: string } | null>(null)
  return {
    keyFor: (intent: string) => {
      if (current.current?.intent !== intent) current.current = { intent, key: newIdempotencyKey() }
      return current.current.key
    },
    /** The change went through: the next one is a new change. */
    settle: () => {
      current.current = null
    },
  }
}
