/**
 * Response types of the storefront routes (`/store/meta/*`, publishable key). The routes answer with
 * these, and a storefront (or the `medusa-plugin-meta/browser` helper) reads the same shapes.
 */
import type { MetaErrorResponse } from "./errors"

/** `GET /store/meta/pixel`: the pixel id for `fbq('init', …)` — the only Meta id that reaches the browser. */
export type StoreMetaPixelResponse = {
  /** Null when no pixel is chosen or the Conversions API feature is off. */
  pixel_id: string | null
}

/** `POST /store/meta/cart-context`: what was kept for the cart's Purchase event. */
export type StoreMetaCartContextResponse = { cart_context: { cart_id: string; consent: boolean } }

/** `POST /store/meta/events` (202), or 429 when one client sends too many. */
export type StoreMetaEventResponse =
  | {
      event: {
        event_id: string
        /** False when nothing was recorded (no consent, feature off, or the event id was seen already). */
        accepted: boolean
      }
    }
  | MetaErrorResponse
