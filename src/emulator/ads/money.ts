/**
 * Money and time of an ad account, as the Marketing API counts them.
 *
 * Budgets, bids, `amount_spent` and `spend_cap` are integers in the account currency's Meta *offset*
 * (https://developers.facebook.com/docs/marketing-api/currencies): offset 1 for CLP, COP, CRC, HUF, ISK,
 * IDR, JPY, KRW, PYG and TWD, 100 for every other currency (BHD and JOD included, whatever ISO 4217
 * says). Insights report `spend` as a decimal string in the main unit. Dates are in the account's
 * time zone.
 */

const OFFSET_ONE = new Set(["CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD"])

export function currencyOffset(currency: string): 1 | 100 {
  return OFFSET_ONE.has(currency) ? 1 : 100
}

/**
 * About one US dollar in each currency's offset units: the base of the emulated minimum budgets and of
 * the emulated cost figures (a CLP account read min_daily_budget_imp=918, per the reference notes).
 * Currencies not listed count like USD.
 */
const ONE_DOLLAR: Record<string, number> = {
  USD: 100, EUR: 92, GBP: 79, CAD: 137, AUD: 152, NZD: 165, CHF: 88, SEK: 1050, NOK: 1080, DKK: 690,
  PLN: 400, CZK: 2300, RON: 460, BGN: 180, TRY: 3400, ZAR: 1850, MXN: 1750, BRL: 520, ARS: 95000,
  PEN: 375, UYU: 4000, INR: 8400, PKR: 28000, BDT: 11800, PHP: 5700, THB: 3500, VND: 2500000, MYR: 450,
  SGD: 135, HKD: 780, CNY: 720, AED: 367, SAR: 375, QAR: 364, KWD: 31, BHD: 38, JOD: 71, OMR: 38,
  ILS: 370, EGP: 4900, NGN: 155000, KES: 13000, MAD: 1000, UAH: 4100,
  CLP: 918, COP: 4000, CRC: 510, HUF: 360, ISK: 138, IDR: 16000, JPY: 150, KRW: 1350, PYG: 7500, TWD: 32,
}

export function oneDollar(currency: string): number {
  return ONE_DOLLAR[currency] ?? currencyOffset(currency)
}

/** Minimum daily budgets by billing category (GET /act_{id}/minimum_budgets), in offset units. */
export type MinimumBudgets = {
  currency: string
  min_daily_budget_imp: number
  min_daily_budget_high_freq: number
  min_daily_budget_low_freq: number
  min_daily_budget_video_views: number
}

/**
 * The account's floors (https://developers.facebook.com/docs/marketing-api/reference/ad-account/minimum_budgets/),
 * emulated from Meta's published US-dollar guidance — $1 a day for impressions, $5 for clicks, likes,
 * video views or post engagement, $40 for low-frequency events such as app installs — converted with
 * the table above.
 */
export function minimumBudgets(currency: string): MinimumBudgets {
  const dollar = oneDollar(currency)
  return {
    currency,
    min_daily_budget_imp: dollar,
    min_daily_budget_high_freq: 5 * dollar,
    min_daily_budget_low_freq: 40 * dollar,
    min_daily_budget_video_views: dollar,
  }
}

/** Which floor applies to an ad set: it follows what the ad set is charged for (billing_event). */
export function minimumFor(currency: string, billingEvent: string | undefined): { amount: number; kind: keyof MinimumBudgets } {
  const floors = minimumBudgets(currency)
  switch (billingEvent) {
    case "LINK_CLICKS":
    case "CLICKS":
    case "PAGE_LIKES":
    case "POST_ENGAGEMENT":
      return { amount: floors.min_daily_budget_high_freq, kind: "min_daily_budget_high_freq" }
    case "APP_INSTALLS":
    case "OFFER_CLAIMS":
    case "PURCHASE":
      return { amount: floors.min_daily_budget_low_freq, kind: "min_daily_budget_low_freq" }
    case "THRUPLAY":
    case "VIDEO_VIEWS":
    case "TWO_SECOND_CONTINUOUS_VIDEO_VIEWS":
      return { amount: floors.min_daily_budget_video_views, kind: "min_daily_budget_video_views" }
    default:
      return { amount: floors.min_daily_budget_imp, kind: "min_daily_budget_imp" }
  }
}

/** An amount in offset units as Meta writes it for people: "US$5.00", "COP 4000". */
export function formatOffsetAmount(amount: number, currency: string): string {
  const text = currencyOffset(currency) === 1 ? String(amount) : mainUnitText(amount * 1000, currency)
  return currency === "USD" ? `$${text}` : `${currency}${text}`
}

/**
 * Milli-offset units (the accumulator's unit) as a main-unit decimal string, truncated to the currency's
 * decimals: 123456 milli-cents of USD → "1.23"; for offset-1 currencies whole units → "123".
 */
export function mainUnitText(milli: number, currency: string): string {
  const units = Math.floor(milli / 1000)
  if (currencyOffset(currency) === 1) return String(units)
  const whole = Math.floor(units / 100)
  const cents = units % 100
  return `${whole}.${String(cents).padStart(2, "0")}`
}

/** a / b with `decimals` places (truncated), from integers, without floating point error. */
export function ratioText(numerator: number, denominator: number, decimals: number): string | undefined {
  if (denominator <= 0) return undefined
  const scale = 10n ** BigInt(decimals)
  const scaled = (BigInt(Math.round(numerator)) * scale) / BigInt(Math.round(denominator))
  const whole = scaled / scale
  const fraction = scaled % scale
  return decimals === 0 ? String(whole) : `${whole}.${String(fraction).padStart(decimals, "0")}`
}

// ---- Time zones ---------------------------------------------------------------------------------

export const DAY_MS = 24 * 3600 * 1000

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name)
    return true
  } catch {
    return false
  }
}

/** The zone's offset from UTC at that instant, in ms (Los Angeles in winter: -8 h). */
export function zoneOffsetMs(timeZone: string, atMs: number): number {
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(atMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value)
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return asUtc - (atMs - (((atMs % 1000) + 1000) % 1000))
}

/** The account-local calendar date of an instant, "YYYY-MM-DD". */
export function localDate(timeZone: string, atMs: number): string {
  return new Date(atMs + zoneOffsetMs(timeZone, atMs)).toISOString().slice(0, 10)
}

/** The instant a local date begins (local midnight), DST-aware. */
export function startOfLocalDate(timeZone: string, date: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`)
  let guess = utcMidnight - zoneOffsetMs(timeZone, utcMidnight)
  guess = utcMidnight - zoneOffsetMs(timeZone, guess)
  return guess
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Graph's timestamp format, in the account's zone as Marketing API objects show it: "2026-12-01T09:30:00-0800". */
export function accountTime(timeZone: string, atMs: number): string {
  const offset = zoneOffsetMs(timeZone, atMs)
  const local = new Date(atMs + offset).toISOString().slice(0, 19)
  const minutes = Math.round(offset / 60000)
  const sign = minutes < 0 ? "-" : "+"
  const abs = Math.abs(minutes)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`
}
