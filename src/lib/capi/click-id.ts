/**
 * The Pixel's cookies (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc): `_fbp` = fb.{subdomainIndex}.{creationTimeMs}.{random},
 * `_fbc` = fb.{subdomainIndex}.{creationTimeMs}.{fbclid}, optionally with a 5th "appendix" segment added by
 * newer Meta tooling. Cookies are passed through byte for byte; only the shape is checked.
 */
const COOKIE_SHAPE = /^fb\.[0-2]\.\d{10,13}\.[^\s.]+(\.[A-Za-z0-9_-]{1,16})?$/

export function isFbCookie(value: string): boolean {
  return COOKIE_SHAPE.test(value)
}

/** fbclid as Meta puts it in the landing URL: never re-cased, decoded or truncated. */
const FBCLID_SHAPE = /^[A-Za-z0-9_-]{10,500}$/

export function isFbclid(value: string): boolean {
  return FBCLID_SHAPE.test(value)
}

/**
 * fbc built from a landing page's `fbclid` when there is no `_fbc` cookie: `fb.1.<ms>.<fbclid>`, with the
 * time in milliseconds (a frequent mistake is seconds) and subdomain index 1 (the eTLD+1, e.g. example.com).
 */
export function fbcFromFbclid(fbclid: string, clickTimeMs: number): string {
  return `fb.1.${Math.floor(clickTimeMs)}.${fbclid}`
}

/** The cookie wins; an fbclid only fills in when the browser had no `_fbc` yet. */
export function resolveFbc(input: { fbc?: string | null; fbclid?: string | null; clickTimeMs: number }): string | null {
  if (input.fbc && isFbCookie(input.fbc)) return input.fbc
  if (input.fbclid && isFbclid(input.fbclid)) return fbcFromFbclid(input.fbclid, input.clickTimeMs)
  return null
}
