/**
 * The storefront half of the plugin: loads Meta's Pixel, keeps it in step with the shopper's consent, and
 * hands the browser context (the Pixel's cookies, the ad click id) to the store so the order's server-side
 * Purchase can be matched and deduplicated. Dependency-free; ships as `medusa-plugin-meta/browser`.
 *
 * Dedup rule (Meta, "Handling duplicate Pixel and Conversions API events"): a browser event and a server
 * event with the same event_name and eventID/event_id count once. The server's Purchase uses the order id,
 * so the browser's Purchase must too — `purchase(order)` does that.
 */
import { isAdLanding } from "../lib/ads/ad-landing"
import { publicationIdFromLanding } from "../lib/publishing/publication-link"

/** The Pixel's function as Meta's base code defines it (https://developers.facebook.com/docs/meta-pixel/reference). */
type Fbq = ((...args: unknown[]) => void) & {
  callMethod?: (...args: unknown[]) => void
  queue: unknown[][]
  push: Fbq
  loaded: boolean
  version: string
}

type PixelWindow = { fbq?: Fbq; _fbq?: Fbq }

const PIXEL_SCRIPT = "https://connect.facebook.net/en_US/fbevents.js"

/** Same shapes the store routes accept (src/lib/capi/click-id.ts); anything else would fail the whole call. */
const FB_COOKIE = /^fb\.[0-2]\.\d{10,13}\.[^\s.]+(\.[A-Za-z0-9_-]{1,16})?$/
const FBCLID = /^[A-Za-z0-9_-]{10,500}$/
/** Meta's fbc is only useful for 90 days after the click (the _fbc cookie's own lifetime). */
const CLICK_TTL_MS = 90 * 24 * 60 * 60 * 1000
const CLICK_STORAGE_KEY = "medusa_meta_click"
/** A post or an ad is credited with orders placed within 7 days of the visit it brought (the usual click window). */
const LANDING_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** Holds the last landing from a publication or a Meta ad (the key predates ad landings; kept so stored landings survive). */
const LANDING_STORAGE_KEY = "medusa_meta_publication_landing"

/** Standard events the store mirrors server-side (POST /store/meta/events). Purchase is the server's own. */
export const MIRRORED_EVENTS = ["ViewContent", "AddToCart", "InitiateCheckout", "AddPaymentInfo", "Search", "Lead"] as const
export type MirroredEventName = (typeof MIRRORED_EVENTS)[number]

export type MetaCustomData = {
  value?: number
  currency?: string
  content_ids?: string[]
  contents?: Array<{ id: string; quantity: number; item_price?: number }>
  content_type?: "product" | "product_group"
  content_name?: string
  content_category?: string
  num_items?: number
  search_string?: string
}

/**
 * Advanced matching for `fbq('init', id, data)`: plain values, the Pixel normalizes and hashes them itself
 * (https://developers.facebook.com/docs/meta-pixel/advanced/advanced-matching).
 */
export type AdvancedMatching = {
  em?: string | null
  ph?: string | null
  fn?: string | null
  ln?: string | null
  ct?: string | null
  st?: string | null
  zp?: string | null
  country?: string | null
  external_id?: string | null
}

export type CartContextBody = {
  cart_id: string
  consent: boolean
  fbp?: string
  fbc?: string
  fbclid?: string
  fbclid_at?: number
  event_source_url?: string
  landing_url?: string
}

export type StoredClick = { fbclid: string; at: number }
/** The storefront URL the shopper landed on from a publication or a Meta ad, and when. */
export type StoredLanding = { url: string; at: number }

// ——— Pure parts (unit-tested) ———

/** `document.cookie` → name/value pairs. Values are decoded; a malformed escape is kept as it came. */
export function parseCookies(cookie: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (cookie ?? "").split(";")) {
    const eq = part.indexOf("=")
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (!name || name in out) continue
    let value = part.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1)
    try {
      value = decodeURIComponent(value)
    } catch {
      // A stray "%" is legal in a cookie value; keep it raw.
    }
    out[name] = value
  }
  return out
}

/** The Pixel's `_fbp` and `_fbc` cookies, only when they have Meta's shape (fb.<n>.<ms>.<id>). */
export function fbCookiesOf(cookie: string | null | undefined): { fbp: string | null; fbc: string | null } {
  const jar = parseCookies(cookie)
  const valid = (value: string | undefined) => (value && FB_COOKIE.test(value) ? value : null)
  return { fbp: valid(jar._fbp), fbc: valid(jar._fbc) }
}

/** `fbclid` from a landing URL, exactly as Meta wrote it (never re-cased or truncated), or null. */
export function fbclidOf(url: string | null | undefined): string | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  const value = parsed.searchParams.get("fbclid")
  return value && FBCLID.test(value) ? value : null
}

/** The URL an event happened on, without its fragment; only http(s) (the store route accepts nothing else). */
export function eventSourceUrlOf(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null
    parsed.hash = ""
    const href = parsed.toString()
    return href.length <= 2048 ? href : null
  } catch {
    return null
  }
}

/** A remembered ad click, if it is still within Meta's 90-day attribution window. */
export function parseStoredClick(raw: string | null | undefined, now: number): StoredClick | null {
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<StoredClick>
    if (typeof value.fbclid !== "string" || !FBCLID.test(value.fbclid)) return null
    if (typeof value.at !== "number" || !Number.isFinite(value.at) || value.at > now || now - value.at > CLICK_TTL_MS) return null
    return { fbclid: value.fbclid, at: Math.floor(value.at) }
  } catch {
    return null
  }
}

/**
 * A landing an order can be credited to: from one of our publications (its utm_content), or from a Meta ad (the
 * url_tags the plugin sets on its ads, or a merchant's own ad_id parameter; see src/lib/ads/ad-landing.ts).
 */
export function isMetaLanding(url: string | null | undefined): boolean {
  return !!url && (publicationIdFromLanding(url) !== null || isAdLanding(url))
}

/** A remembered landing from a publication or an ad, if it is still within the 7-day window they are credited for. */
export function parseStoredLanding(raw: string | null | undefined, now: number): StoredLanding | null {
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as Partial<StoredLanding>
    if (typeof value.url !== "string" || !isMetaLanding(value.url) || eventSourceUrlOf(value.url) !== value.url) return null
    if (typeof value.at !== "number" || !Number.isFinite(value.at) || value.at > now || now - value.at > LANDING_TTL_MS) return null
    return { url: value.url, at: Math.floor(value.at) }
  } catch {
    return null
  }
}

/**
 * The body of `POST /store/meta/cart-context`. Without consent only the refusal is sent. The `_fbc` cookie
 * wins over an fbclid; the fbclid of the current URL over a remembered one (its click time is now). The
 * landing is the current page when it came from a publication or an ad, else the remembered one (last click).
 */
export function buildCartContextBody(input: {
  cartId: string
  consent: boolean
  cookie: string | null | undefined
  url: string | null | undefined
  now: number
  storedClick?: StoredClick | null
  storedLanding?: StoredLanding | null
}): CartContextBody {
  if (!input.consent) return { cart_id: input.cartId, consent: false }
  const { fbp, fbc } = fbCookiesOf(input.cookie)
  const body: CartContextBody = { cart_id: input.cartId, consent: true }
  if (fbp) body.fbp = fbp
  if (fbc) body.fbc = fbc
  else {
    const fromUrl = fbclidOf(input.url)
    const click = fromUrl ? { fbclid: fromUrl, at: input.now } : input.storedClick ?? null
    if (click) {
      body.fbclid = click.fbclid
      body.fbclid_at = click.at
    }
  }
  const source = eventSourceUrlOf(input.url)
  if (source) body.event_source_url = source
  const landing = source && isMetaLanding(source) ? source : input.storedLanding?.url
  if (landing) body.landing_url = landing
  return body
}

/** Advanced matching without empty values (an empty string would tell the Pixel "no email"). */
export function advancedMatchingOf(data: AdvancedMatching | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(data ?? {})) {
    const trimmed = typeof value === "string" ? value.trim() : ""
    if (trimmed) out[key] = trimmed
  }
  return out
}

type OrderLike = {
  id: string
  total?: number | null
  currency_code?: string | null
  items?: Array<{ quantity?: number | null; unit_price?: number | null; variant_sku?: string | null; variant_id?: string | null; variant?: { id?: string | null; sku?: string | null } | null }> | null
}

/**
 * The browser Purchase for a Medusa order, matching the server's: value = order total (Medusa keeps
 * amounts in the currency's main unit), contents keyed by the catalog retailer id (SKU, else variant id).
 */
export function purchaseDataOf(order: OrderLike): MetaCustomData {
  const contents: NonNullable<MetaCustomData["contents"]> = []
  for (const item of order.items ?? []) {
    const id = (item.variant_sku ?? item.variant?.sku)?.trim() || item.variant_id || item.variant?.id
    const quantity = Number(item.quantity ?? 0)
    if (!id || !(quantity > 0)) continue
    contents.push({ id, quantity, ...(typeof item.unit_price === "number" ? { item_price: item.unit_price } : {}) })
  }
  return {
    value: Number(order.total ?? 0),
    currency: (order.currency_code ?? "").toUpperCase(),
    content_type: "product",
    content_ids: contents.map((c) => c.id),
    contents,
    num_items: contents.reduce((sum, c) => sum + c.quantity, 0),
  }
}

// ——— Browser side ———

export type MetaPixelOptions = {
  /** The Medusa backend, e.g. process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL. */
  backendUrl: string
  /** The storefront's publishable API key (the store routes need it). */
  publishableKey: string
  /** Whether the shopper has agreed to tracking. When false the Pixel loads but sends nothing. */
  consent: boolean
  /** Also send ViewContent/AddToCart/… to the store, which forwards them with the same eventID. Default true. */
  mirror?: boolean
}

export type MetaPixel = {
  /** The pixel id the store uses, or null when Meta is not connected (then every call is a no-op). */
  readonly pixelId: string | null
  pageView(): void
  track(eventName: MirroredEventName, data: MetaCustomData, options: { eventID: string; cartId?: string }): void
  /** Purchase with eventID = order id: Meta counts it once together with the server's Purchase. */
  purchase(order: OrderLike): void
  grantConsent(cartId?: string | null): Promise<void>
  revokeConsent(cartId?: string | null): Promise<void>
  /** Hands the browser context to the store for this cart; call when checkout starts. */
  sendCartContext(cartId: string): Promise<void>
}

function browserWindow(): (Window & PixelWindow) | null {
  return typeof window === "undefined" ? null : (window as Window & PixelWindow)
}

/** Meta's Pixel base code, as a function: a queue until fbevents.js has loaded. */
function loadFbq(win: Window & PixelWindow): Fbq {
  if (win.fbq) return win.fbq
  const fbq = function (...args: unknown[]) {
    if (fbq.callMethod) fbq.callMethod(...args)
    else fbq.queue.push(args)
  } as Fbq
  fbq.push = fbq
  fbq.loaded = true
  fbq.version = "2.0"
  fbq.queue = []
  win.fbq = fbq
  if (!win._fbq) win._fbq = fbq
  const script = win.document.createElement("script")
  script.async = true
  script.src = PIXEL_SCRIPT
  win.document.head.appendChild(script)
  return fbq
}

function readStoredClick(win: Window, now: number): StoredClick | null {
  try {
    return parseStoredClick(win.localStorage.getItem(CLICK_STORAGE_KEY), now)
  } catch {
    return null
  }
}

function rememberClick(win: Window, url: string, now: number): void {
  const fbclid = fbclidOf(url)
  if (!fbclid) return
  try {
    win.localStorage.setItem(CLICK_STORAGE_KEY, JSON.stringify({ fbclid, at: now }))
  } catch {
    // Storage can be disabled (private mode); the _fbc cookie still carries the click.
  }
}

function readStoredLanding(win: Window, now: number): StoredLanding | null {
  try {
    return parseStoredLanding(win.localStorage.getItem(LANDING_STORAGE_KEY), now)
  } catch {
    return null
  }
}

/** Remembers a landing from one of our publications or a Meta ad (the latest one wins, as the last click does). */
function rememberLanding(win: Window, url: string, now: number): void {
  const source = eventSourceUrlOf(url)
  if (!source || !isMetaLanding(source)) return
  try {
    win.localStorage.setItem(LANDING_STORAGE_KEY, JSON.stringify({ url: source, at: now }))
  } catch {
    // Storage can be disabled; a cart started on the landing page still carries it.
  }
}

function forgetClick(win: Window): void {
  try {
    win.localStorage.removeItem(LANDING_STORAGE_KEY)
    win.localStorage.removeItem(CLICK_STORAGE_KEY)
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/**
 * Fetches the pixel id (GET /store/meta/pixel), loads the Pixel with consent applied first (Meta:
 * `fbq('consent', 'revoke')` must come before `init`), initialises it with advanced matching and sends
 * PageView. Returns a no-op helper on the server or when the store has no pixel.
 */
export async function initMetaPixel(options: MetaPixelOptions & { advancedMatching?: AdvancedMatching; pageView?: boolean }): Promise<MetaPixel> {
  const win = browserWindow()
  const base = options.backendUrl.replace(/\/+$/, "")
  const headers = { "content-type": "application/json", "x-publishable-api-key": options.publishableKey }
  let consent = options.consent
  let pixelId: string | null = null
  if (win) {
    try {
      const res = await fetch(`${base}/store/meta/pixel`, { headers, credentials: "include" })
      if (res.ok) pixelId = ((await res.json()) as { pixel_id: string | null }).pixel_id ?? null
    } catch {
      pixelId = null
    }
  }
  const fbq = win && pixelId ? loadFbq(win) : null
  if (win && fbq && pixelId) {
    fbq("consent", consent ? "grant" : "revoke")
    if (consent) {
      rememberClick(win, win.location.href, Date.now())
      rememberLanding(win, win.location.href, Date.now())
    }
    fbq("init", pixelId, advancedMatchingOf(options.advancedMatching))
    if (options.pageView !== false) fbq("track", "PageView")
  }

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: "POST", headers, credentials: "include", body: JSON.stringify(body), keepalive: true }).then(
      (res) => {
        if (!res.ok) throw new Error(`${path} answered ${res.status}`)
      }
    )

  const sendCartContext = async (cartId: string) => {
    if (!win || !pixelId) return
    const now = Date.now()
    const body = buildCartContextBody({
      cartId,
      consent,
      cookie: win.document.cookie,
      url: win.location.href,
      now,
      storedClick: readStoredClick(win, now),
      storedLanding: readStoredLanding(win, now),
    })
    await post("/store/meta/cart-context", body)
  }

  const setConsent = async (granted: boolean, cartId?: string | null) => {
    consent = granted
    if (win && fbq) fbq("consent", granted ? "grant" : "revoke")
    if (win && !granted) forgetClick(win)
    if (cartId) await sendCartContext(cartId)
  }

  return {
    pixelId,
    pageView: () => {
      if (fbq) fbq("track", "PageView")
    },
    track: (eventName, data, { eventID, cartId }) => {
      if (!win || !fbq) return
      fbq("track", eventName, data, { eventID })
      if (options.mirror === false || !consent) return
      const { fbp, fbc } = fbCookiesOf(win.document.cookie)
      const source = eventSourceUrlOf(win.location.href)
      if (!source) return
      void post("/store/meta/events", {
        event_name: eventName,
        event_id: eventID,
        event_time: Date.now(),
        event_source_url: source,
        consent,
        ...(cartId ? { cart_id: cartId } : {}),
        ...(fbp ? { fbp } : {}),
        ...(fbc ? { fbc } : {}),
        custom_data: data,
      }).catch(() => undefined)
    },
    purchase: (order) => {
      if (fbq) fbq("track", "Purchase", purchaseDataOf(order), { eventID: order.id })
    },
    grantConsent: (cartId) => setConsent(true, cartId),
    revokeConsent: (cartId) => setConsent(false, cartId),
    sendCartContext,
  }
}
