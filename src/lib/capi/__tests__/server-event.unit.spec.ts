import { createHash } from "node:crypto"
import { buildMirroredEvent, buildPurchaseEvent, buildRegistrationEvent, EventBuildError, retailerIdOf } from "../server-event"

const sha = (v: string) => createHash("sha256").update(v).digest("hex")

const order = {
  id: "order_01TEST",
  created_at: "2026-11-20T10:00:00.000Z",
  currency_code: "eur",
  total: 0.1 + 0.2 + 59.6,
  email: "Buyer@Example.com",
  customer_id: "cus_01",
  shipping_address: { first_name: "Zoë", last_name: "D'Arcy", city: "Köln", postal_code: "50667", country_code: "de", phone: "0221 123456" },
  billing_address: null,
  items: [
    { quantity: 2, unit_price: 19.95, variant_id: "variant_1", variant_sku: "TSHIRT-M" },
    { quantity: 1, unit_price: "20", variant_id: "variant_2", variant_sku: "" },
    { quantity: 1, unit_price: 19.95, variant_id: "variant_1", variant_sku: "TSHIRT-M" },
    { quantity: 0, unit_price: 5, variant_id: "variant_3" },
    null,
  ],
}

const browser = {
  eventSourceUrl: "https://shop.example.com/checkout",
  clientIpAddress: "203.0.113.9",
  clientUserAgent: "Mozilla/5.0 (X11)",
  fbp: "fb.1.1596403881668.1116446470",
  fbc: "fb.1.1554763741205.AbCdEfGhIj",
}

describe("buildPurchaseEvent", () => {
  it("builds a website Purchase that dedupes with the browser (event_id = order id)", () => {
    const event = buildPurchaseEvent(order, browser)
    expect(event).toMatchObject({
      event_name: "Purchase",
      event_id: "order_01TEST",
      event_time: Date.parse("2026-11-20T10:00:00.000Z") / 1000,
      action_source: "website",
      event_source_url: "https://shop.example.com/checkout",
    })
    expect(event.custom_data).toEqual({
      value: 59.9,
      currency: "EUR",
      content_type: "product",
      content_ids: ["TSHIRT-M", "variant_2"],
      contents: [
        { id: "TSHIRT-M", quantity: 3, item_price: 19.95 },
        { id: "variant_2", quantity: 1, item_price: 20 },
      ],
      num_items: 4,
      order_id: "order_01TEST",
    })
    expect(event.user_data).toMatchObject({
      em: [sha("buyer@example.com")],
      ph: [sha("49221123456")],
      fn: [sha("zoë")],
      ln: [sha("darcy")],
      ct: [sha("koln")],
      zp: [sha("50667")],
      country: [sha("de")],
      external_id: [sha("cus_01")],
      client_ip_address: "203.0.113.9",
      client_user_agent: "Mozilla/5.0 (X11)",
      fbp: browser.fbp,
      fbc: browser.fbc,
    })
  })

  it("falls back to action_source other when no browser handed over a URL and user agent", () => {
    const event = buildPurchaseEvent(order)
    expect(event.action_source).toBe("other")
    expect(event.event_source_url).toBeUndefined()
    expect(buildPurchaseEvent(order, { eventSourceUrl: "javascript:alert(1)", clientUserAgent: "UA" }).action_source).toBe("other")
  })

  it.each([
    [{ currency_code: "" }],
    [{ currency_code: "euro" }],
    [{ total: "n/a" }],
    [{ created_at: "not a date" }],
  ])("refuses an order it cannot describe: %j", (patch) => {
    expect(() => buildPurchaseEvent({ ...order, ...patch } as never)).toThrow(EventBuildError)
  })

  it("handles zero-decimal currencies and BigNumber-like totals", () => {
    const event = buildPurchaseEvent({ ...order, currency_code: "JPY", total: { value: "3000" }, items: [{ quantity: { value: 3 }, unit_price: "1000", variant_id: "v" }] } as never)
    expect(event.custom_data).toMatchObject({ value: 3000, currency: "JPY", num_items: 3, contents: [{ id: "v", quantity: 3, item_price: 1000 }] })
  })

  it("reads Medusa BigNumber-like quantities and prices (numeric getter, valueOf)", () => {
    const bigNumber = (n: number) => ({ numeric: n, valueOf: () => n })
    const event = buildPurchaseEvent({ ...order, total: bigNumber(39.9), items: [{ quantity: bigNumber(2), unit_price: bigNumber(19.95), variant_sku: "S" }] } as never)
    expect(event.custom_data).toMatchObject({ value: 39.9, num_items: 2, contents: [{ id: "S", quantity: 2, item_price: 19.95 }] })
    const valueOnly = buildPurchaseEvent({ ...order, items: [{ quantity: { valueOf: () => 3 }, unit_price: 1, variant_id: "v" }] } as never)
    expect(valueOnly.custom_data).toMatchObject({ num_items: 3 })
  })

  it("uses the variant's SKU as the retailer id, else its id", () => {
    expect(retailerIdOf({ quantity: 1, unit_price: 1, variant: { id: "v1", sku: " SKU-1 " } })).toBe("SKU-1")
    expect(retailerIdOf({ quantity: 1, unit_price: 1, variant_id: "v1", variant_sku: null })).toBe("v1")
    expect(retailerIdOf({ quantity: 1, unit_price: 1 })).toBeNull()
  })
})

describe("buildRegistrationEvent and buildMirroredEvent", () => {
  it("CompleteRegistration uses the customer id as event_id and hashes the contact data", () => {
    const event = buildRegistrationEvent({ id: "cus_9", created_at: new Date(1_800_000_000_000), email: "NEW@x.io", first_name: "Ann", phone: "+1 212 555 0100" }, browser)
    expect(event).toMatchObject({ event_name: "CompleteRegistration", event_id: "cus_9", event_time: 1_800_000_000, action_source: "website" })
    expect(event.user_data.em).toEqual([sha("new@x.io")])
    expect(event.user_data.ph).toEqual([sha("12125550100")])
    expect(event.user_data.external_id).toEqual([sha("cus_9")])
  })

  it("mirrored browser events keep the browser's eventID", () => {
    const event = buildMirroredEvent({ eventName: "AddToCart", eventId: "atc-123", eventTimeMs: 1_800_000_000_999, customData: { value: 10, currency: "USD" } }, browser)
    expect(event).toMatchObject({ event_name: "AddToCart", event_id: "atc-123", event_time: 1_800_000_000, custom_data: { value: 10, currency: "USD" } })
    expect(buildMirroredEvent({ eventName: "PageView", eventId: "pv", eventTimeMs: 0, customData: {} }, browser).custom_data).toBeUndefined()
  })
})
