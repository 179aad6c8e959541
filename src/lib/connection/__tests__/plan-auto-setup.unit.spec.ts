import { catalogNameFor, planAutoSetup, pixelNameFor } from "../plan-auto-setup"
import { DiscoveredAsset, EMPTY_SELECTION } from "../select-assets"

const asset = (type: DiscoveredAsset["type"], meta_id: string, name: string, parent = "B1"): DiscoveredAsset => ({
  type,
  meta_id,
  name,
  parent_meta_id: parent,
  metadata: null,
})

const withBusiness = { ...EMPTY_SELECTION, business_id: "B1" }

describe("planAutoSetup", () => {
  it("creates both when the business has no catalog and no pixel", () => {
    expect(planAutoSetup(withBusiness, [], "Acme")).toEqual({
      catalog: { action: "create", name: "Acme (Medusa)" },
      pixel: { action: "create", name: "Acme Pixel" },
    })
  })

  it("keeps what the store already uses", () => {
    expect(planAutoSetup({ ...withBusiness, catalog_id: "C9", pixel_id: "X9" }, [], "Acme")).toEqual({
      catalog: { action: "keep", id: "C9" },
      pixel: { action: "keep", id: "X9" },
    })
  })

  it("reuses the catalog an earlier install created, by name", () => {
    const found = [asset("catalog", "C1", "Someone else's"), asset("catalog", "C2", "Acme (Medusa)")]
    expect(planAutoSetup(withBusiness, found, "Acme").catalog).toEqual({ action: "reuse", id: "C2" })
  })

  it("never takes over another catalog of the business", () => {
    const found = [asset("catalog", "C1", "Facebook feed")]
    expect(planAutoSetup(withBusiness, found, "Acme").catalog).toEqual({ action: "create", name: "Acme (Medusa)" })
  })

  it("reuses the business's pixel rather than making a second one", () => {
    const found = [asset("pixel", "X1", "Main pixel"), asset("pixel", "X2", "Other")]
    expect(planAutoSetup(withBusiness, found, "Acme").pixel).toEqual({ action: "reuse", id: "X1" })
  })

  it("ignores assets of other businesses", () => {
    const found = [asset("pixel", "X1", "Theirs", "B2"), asset("catalog", "C1", "Acme (Medusa)", "B2")]
    const plan = planAutoSetup(withBusiness, found, "Acme")
    expect(plan.pixel.action).toBe("create")
    expect(plan.catalog.action).toBe("create")
  })

  it("skips without a business", () => {
    const plan = planAutoSetup(EMPTY_SELECTION, [], "Acme")
    expect(plan.catalog).toEqual({ action: "skip", reason: "No Meta business is selected" })
    expect(plan.pixel.action).toBe("skip")
  })

  it("names things sensibly even with a blank store name", () => {
    expect(catalogNameFor("  ")).toBe("Medusa store (Medusa)")
    expect(pixelNameFor("Café Ünïcode ")).toBe("Café Ünïcode Pixel")
  })
})
