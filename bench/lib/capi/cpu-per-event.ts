/**
 * bench/capi.bench.ts part (d): the CPU cost of turning an order into a Purchase event, ours (build +
 * Meta's normalization + E.164 phones + SHA-256) next to facebook-nodejs-business-sdk's
 * UserData/CustomData/ServerEvent normalize() on the same distinct orders.
 */
import { buildPurchaseEvent, type BrowserContext } from "../../../src/lib/capi"
import { benchOrder } from "./orders"

/** Median µs of process CPU (user + system) per event, over 5 runs of `count` distinct orders: ours, and the SDK's. */
export function measureCpuPerEvent(count: number, browser: BrowserContext & { fbp: string }): { ours: number; sdk: number } {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const bizSdk = require("facebook-nodejs-business-sdk")
  // Distinct orders (ten countries, every phone format): neither side can profit from repeated values.
  const inputs = Array.from({ length: count }, (_, i) => benchOrder(i))
  const ours = () => {
    for (const o of inputs) buildPurchaseEvent(o, browser)
  }
  const sdk = () => {
    for (const o of inputs) {
      const a = o.shipping_address
      const userData = new bizSdk.UserData()
        .setEmails([o.email])
        .setPhones([a.phone])
        .setFirstNames([a.first_name])
        .setLastNames([a.last_name])
        .setCities([a.city])
        .setStates([a.province])
        .setZips([a.postal_code])
        .setCountries([a.country_code])
        .setClientIpAddress(browser.clientIpAddress)
        .setClientUserAgent(browser.clientUserAgent)
        .setFbp(browser.fbp)
      if (o.customer_id) userData.setExternalIds([o.customer_id])
      const items = o.items!.map((item) => item!)
      const contents = items.map((item) =>
        new bizSdk.Content().setId(item.variant_sku).setQuantity(item.quantity).setItemPrice(item.unit_price)
      )
      const customData = new bizSdk.CustomData()
        .setValue(o.total)
        .setCurrency(o.currency_code)
        .setContents(contents)
        .setContentIds(items.map((item) => item.variant_sku))
        .setContentType("product")
        .setNumItems(items.reduce((sum, item) => sum + Number(item.quantity), 0))
        .setOrderId(o.id)
      new bizSdk.ServerEvent()
        .setEventName("Purchase")
        .setEventTime(Math.floor((o.created_at as Date).getTime() / 1000))
        .setEventId(o.id)
        .setActionSource("website")
        .setEventSourceUrl(browser.eventSourceUrl)
        .setUserData(userData)
        .setCustomData(customData)
        .normalize()
    }
  }
  const time = (fn: () => void) => {
    fn() // warm-up: JIT, libphonenumber metadata
    const samples: number[] = []
    for (let r = 0; r < 5; r++) {
      const before = process.cpuUsage()
      fn()
      const used = process.cpuUsage(before)
      samples.push(((used.user + used.system) / count))
    }
    return samples.sort((x, y) => x - y)[2] // median µs per event
  }
  return { ours: time(ours), sdk: time(sdk) }
}
