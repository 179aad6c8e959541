import { sellableQuantity, type VariantInventoryInput } from ".."

const level = (stocked: number | string | null, reserved: number | string | null = 0) => ({ stocked_quantity: stocked, reserved_quantity: reserved })

describe("sellableQuantity", () => {
  it.each<[string, VariantInventoryInput[] | null | undefined, number | null]>([
    ["no inventory item: unknown, as Medusa says", [], null],
    ["no inventory data at all", null, null],
    ["one item, one location", [{ required_quantity: 1, levels: [level(10, 3)] }], 7],
    ["locations add up", [{ required_quantity: 1, levels: [level(10, 3), level(5, 0)] }], 12],
    ["an item with no level at a counted location has nothing", [{ required_quantity: 1, levels: [] }], 0],
    ["everything reserved", [{ required_quantity: 1, levels: [level(4, 4)] }], 0],
    ["over-reserved location takes from the others (Medusa sums)", [{ required_quantity: 1, levels: [level(5, 0), level(0, 2)] }], 3],
    ["negative overall stays negative (Meta mapping clamps)", [{ required_quantity: 1, levels: [level(1, 4)] }], -3],
    ["pack of two: rounds down", [{ required_quantity: 2, levels: [level(7)] }], 3],
    ["pack of two, one unit left: none sellable", [{ required_quantity: 2, levels: [level(1)] }], 0],
    ["pack of two, negative: rounds toward fewer units", [{ required_quantity: 2, levels: [level(0, 3)] }], -2],
    ["pack of two, all reserved", [{ required_quantity: 2, levels: [level(2, 2)] }], 0],
    [
      "kit: the scarcest part limits the variant",
      [
        { required_quantity: 1, levels: [level(100)] },
        { required_quantity: 2, levels: [level(9), level(1)] },
        { required_quantity: 3, levels: [level(20, 2)] },
      ],
      5,
    ],
    ["kit: a part without stock makes the kit unsellable", [{ required_quantity: 1, levels: [level(50)] }, { required_quantity: 1, levels: [] }], 0],
    ["decimal columns arrive as strings", [{ required_quantity: "2", levels: [level("10.000", "1")] }], 4],
    ["half a unit per variant doubles the count", [{ required_quantity: 0.5, levels: [level(3)] }], 6],
    ["missing required quantity is Medusa's default 1", [{ required_quantity: null, levels: [level(3)] }], 3],
    ["zero required quantity does not divide by zero", [{ required_quantity: 0, levels: [level(3)] }], 3],
    ["null quantities count as 0", [{ required_quantity: 1, levels: [level(null, null), level(2, null)] }], 2],
    ["garbage quantities count as 0", [{ required_quantity: 1, levels: [level("n/a", 1), level(5, "x")] }], 4],
  ])("%s", (_, items, expected) => {
    expect(sellableQuantity(items)).toBe(expected)
  })
})
