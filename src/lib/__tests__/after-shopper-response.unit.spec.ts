import LocalEventBus from "@medusajs/event-bus-local"
import RedisEventBus from "@medusajs/event-bus-redis"
import { AFTER_SHOPPER_RESPONSE_MS, afterShopperResponse, deliversInShopperProcess } from "../after-shopper-response"

/** An instance of a class, built without running its constructor (no logger, no Redis connection). */
const instanceOf = (cls: { prototype: object }) => Object.create(cls.prototype)

async function elapsed(run: () => Promise<void>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

describe("deliversInShopperProcess", () => {
  it("is true for the event bus Medusa installs by default (@medusajs/event-bus-local)", () => {
    expect(deliversInShopperProcess(instanceOf(LocalEventBus.service))).toBe(true)
  })

  it("is false for Medusa's Redis event bus, whose subscribers run on workers", () => {
    expect(deliversInShopperProcess(instanceOf(RedisEventBus.service))).toBe(false)
  })

  it("is false for any other bus and for things that are not a bus", () => {
    class RabbitEventBusService {}
    class LocalEventBus {}
    for (const bus of [new RabbitEventBusService(), new LocalEventBus(), {}, Object.create(null), null, undefined, "LocalEventBusService", 0]) {
      expect(deliversInShopperProcess(bus)).toBe(false)
    }
  })

  it("does not mistake an object that merely has a constructor-named property", () => {
    expect(deliversInShopperProcess({ constructor: "LocalEventBusService" })).toBe(false)
    expect(deliversInShopperProcess({ name: "LocalEventBusService" })).toBe(false)
  })
})

describe("afterShopperResponse", () => {
  it("waits on the local bus, so the shopper's answer goes out first", async () => {
    const ms = await elapsed(() => afterShopperResponse(instanceOf(LocalEventBus.service)))
    expect(ms).toBeGreaterThanOrEqual(AFTER_SHOPPER_RESPONSE_MS - 5)
  })

  it("does not wait on the Redis bus: a waiting subscriber would only hold the worker's event slot", async () => {
    const ms = await elapsed(() => afterShopperResponse(instanceOf(RedisEventBus.service)))
    expect(ms).toBeLessThan(AFTER_SHOPPER_RESPONSE_MS / 5)
  })

  it("does not wait when the bus is unknown", async () => {
    expect(await elapsed(() => afterShopperResponse(undefined))).toBeLessThan(AFTER_SHOPPER_RESPONSE_MS / 5)
  })
})
