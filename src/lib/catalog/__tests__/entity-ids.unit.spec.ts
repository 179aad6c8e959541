import { entityIds } from "../entity-ids"

const ULID = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{26}$/

describe("entityIds", () => {
  it.each([0, -1])("gives nothing for count %p", (count) => {
    expect(entityIds("metaci", count)).toEqual([])
  })

  it("gives prefix_ULID ids, as Medusa's generateEntityId does", () => {
    for (const id of entityIds("metaci", 50)) {
      const [prefix, ulid] = id.split("_")
      expect(prefix).toBe("metaci")
      expect(ulid).toMatch(ULID)
    }
  })

  it.each([
    [0, "0000000000"],
    [1, "0000000001"],
    [32, "0000000010"],
    // The largest 48-bit time a ULID holds.
    [2 ** 48 - 1, "7ZZZZZZZZZ"],
    // The ULID specification's example.
    [1469918176385, "01ARYZ6S41"],
  ])("encodes time %p in the first ten characters", (now, expected) => {
    expect(entityIds("x", 1, now)[0].slice(2, 12)).toBe(expected)
  })

  it("sorts ids of a later millisecond after earlier ones", () => {
    const [earlier] = entityIds("metaci", 1, 1_700_000_000_000)
    const [later] = entityIds("metaci", 1, 1_700_000_000_001)
    expect(earlier.slice(0, 17) < later.slice(0, 17)).toBe(true)
  })

  it("never repeats an id in a large batch", () => {
    const ids = entityIds("metaci", 100_000)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
