import Medusa from "@medusajs/js-sdk"

// The dashboard serves the admin from the backend's own origin and keeps the
// session in a cookie, so a relative base URL and session auth are enough.
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  auth: { type: "session" },
})
