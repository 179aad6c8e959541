import {
  presentUserDataKeys,
  summarizeMatchQuality,
  summarizeMatchQualityGroups,
  type UserDataKeyGroup,
} from "../match-quality"

const ZERO_SHARE = { em: 0, ph: 0, fbc: 0, fbp: 0, external_id: 0, client_ip_address: 0 }
const ZERO_RATINGS = { great: 0, good: 0, ok: 0, poor: 0 }

describe("presentUserDataKeys", () => {
  it.each([
    [{ ph: ["h"], em: ["h"] }, ["em", "ph"]],
    [{ em: [], ph: [""] }, ["ph"]],
    [{ fbp: "", fbc: "fb.1.1.x", client_ip_address: "1.2.3.4" }, ["client_ip_address", "fbc"]],
    [{ em: null, ph: 17, fn: { h: 1 }, ln: true }, []],
    [{ em: ["h"], foo: ["x"], bar: "y", constructor: "z" }, ["em"]],
    ["em", []],
    [["em"], []],
    [{}, []],
    [null, []],
    [undefined, []],
  ])("%j → %j", (userData, keys) => {
    expect(presentUserDataKeys(userData as Record<string, unknown> | null | undefined)).toEqual(keys)
  })
})

describe("summarizeMatchQualityGroups", () => {
  it.each<[string, UserDataKeyGroup[], { events: number; share: Partial<typeof ZERO_SHARE>; ratings: typeof ZERO_RATINGS }]>([
    ["no events", [], { events: 0, share: ZERO_SHARE, ratings: ZERO_RATINGS }],
    [
      "counts weigh each key set",
      [
        { keys: ["em", "ph", "fbp"], events: 3 },
        { keys: ["em"], events: 1 },
      ],
      { events: 4, share: { em: 1, ph: 0.75, fbp: 0.75, fbc: 0 }, ratings: { great: 3, good: 0, ok: 1, poor: 0 } },
    ],
    [
      "key order and duplicate keys do not matter",
      [
        { keys: ["fbc", "em", "em"], events: 2 },
        { keys: ["ph", "ph"], events: 2 },
      ],
      { events: 4, share: { em: 0.5, ph: 0.5, fbc: 0.5 }, ratings: { great: 0, good: 2, ok: 2, poor: 0 } },
    ],
    [
      "thirds round to three decimals",
      [
        { keys: ["external_id"], events: 1 },
        { keys: ["external_id", "client_ip_address"], events: 1 },
        { keys: [], events: 1 },
      ],
      { events: 3, share: { external_id: 0.667, client_ip_address: 0.333, em: 0 }, ratings: { great: 0, good: 0, ok: 0, poor: 3 } },
    ],
    [
      "counts as PostgreSQL's bigint strings",
      [{ keys: ["em", "ph", "fbc"], events: "100000" as unknown as number }],
      { events: 100_000, share: { em: 1, ph: 1, fbc: 1, fbp: 0 }, ratings: { great: 100_000, good: 0, ok: 0, poor: 0 } },
    ],
    [
      "zero, negative, fractional and junk counts count nothing",
      [
        { keys: ["em"], events: 0 },
        { keys: ["em"], events: -2 },
        { keys: ["em"], events: 1.5 },
        { keys: ["em"], events: Number.NaN },
        { keys: ["em"], events: "lots" as unknown as number },
        { keys: ["ph"], events: 1 },
      ],
      { events: 1, share: { em: 0, ph: 1 }, ratings: { great: 0, good: 0, ok: 1, poor: 0 } },
    ],
    [
      "keys that are not Meta user_data keys neither count nor lift the rating",
      [{ keys: ["em", "foo", "bar", "baz", "qux"], events: 1 }],
      { events: 1, share: { em: 1 }, ratings: { great: 0, good: 0, ok: 1, poor: 0 } },
    ],
    [
      "five keys with one strong key rate good without browser ids",
      [{ keys: ["em", "fn", "ln", "ct", "zp"], events: 2 }],
      { events: 2, share: { em: 1, ph: 0 }, ratings: { great: 0, good: 2, ok: 0, poor: 0 } },
    ],
  ])("%s", (_, groups, expected) => {
    const summary = summarizeMatchQualityGroups(groups)
    expect(summary.events).toBe(expected.events)
    expect(summary.share).toMatchObject(expected.share)
    expect(summary.ratings).toEqual(expected.ratings)
  })

  it("splitting a key set over several groups gives the same summary as one group", () => {
    const merged = summarizeMatchQualityGroups([
      { keys: ["em", "fbp"], events: 5 },
      { keys: [], events: 2 },
    ])
    const split = summarizeMatchQualityGroups([
      { keys: ["fbp", "em"], events: 2 },
      { keys: [], events: 1 },
      { keys: ["em", "fbp"], events: 3 },
      { keys: [], events: 1 },
    ])
    expect(split).toEqual(merged)
  })

  it("agrees with the per-event summary of the same events", () => {
    const userDatas: Array<Record<string, unknown> | null> = [
      { em: ["h"], ph: ["h"], fbp: "fb.1.1.1", client_ip_address: "1.2.3.4" },
      { em: ["h"], fbc: "fb.1.1.x" },
      { em: ["h"], fn: ["h"], ln: ["h"], ct: ["h"], zp: ["h"] },
      { em: [], fbp: "" },
      { external_id: ["h"] },
      null,
      { em: ["h"], ph: ["h"], fbp: "fb.1.1.1", client_ip_address: "5.6.7.8" },
    ]
    const counted = new Map<string, UserDataKeyGroup>()
    for (const userData of userDatas) {
      const keys = presentUserDataKeys(userData)
      const group = counted.get(keys.join()) ?? { keys, events: 0 }
      counted.set(keys.join(), { keys, events: group.events + 1 })
    }
    expect(counted.size).toBeLessThan(userDatas.length)
    expect(summarizeMatchQualityGroups([...counted.values()])).toEqual(summarizeMatchQuality(userDatas))
  })
})
