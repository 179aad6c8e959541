import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from ".."
import { MetaCatalogItem } from "../models/meta-catalog-item"
import MetaModuleService from "../service"

jest.setTimeout(60_000)

const options = {
  appId: "1234567890",
  appSecret: "module-test-app-secret",
  encryptionKey: "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
  graphApiUrl: "http://127.0.0.1:9",
  oauthDialogUrl: "http://127.0.0.1:9",
  backendUrl: "https://shop.example.com",
}

const variants = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ variant_id: `variant_${String(from + i).padStart(3, "0")}`, product_id: "prod_1" }))
const outcome = (id: string) => ({ id, status: "synced", content_hash: "h", retailer_id: null, errors: null, synced: true })

moduleIntegrationTestRunner<MetaModuleService>({
  moduleName: META_MODULE,
  moduleModels: [MetaCatalogItem],
  resolve: "./src/modules/meta",
  moduleOptions: options,
  testSuite: ({ service }) => {
    describe("catalog items during a full sync", () => {
      it("leaves an item claimed during the sweep in its batch instead of holding it back for a call of its own", async () => {
        const store = service.catalogItemStore()
        await store.markDirty(variants(3))
        await store.recordOutcomes((await store.claimDue("metacb_first", 10)).map((r) => outcome(r.id)))
        expect((await store.dirtySummary()).count).toBe(0)

        // The full sync: every known item marked, then the store's variants paged through (the known
        // ones again, and two new ones); a worker claims the known items between the two.
        const since = await store.markAllDirty()
        const claimed = await store.claimDue("metacb_during", 10)
        expect(claimed).toHaveLength(3)
        await store.markDirty(variants(5), { unlessMarkedSince: since })
        await store.recordOutcomes(claimed.map((r) => outcome(r.id)))

        // Only the two new variants are left; the claimed three went out with their batch, once.
        const left = await store.claimDue("metacb_after", 10)
        expect(left.map((r) => r.variant_id).sort()).toEqual(["variant_003", "variant_004"])
      })

      it("still re-marks an item whose last change is older than the sweep", async () => {
        const store = service.catalogItemStore()
        await store.markDirty(variants(1, 100))
        await store.recordOutcomes((await store.claimDue("metacb_old", 10)).map((r) => outcome(r.id)))
        const [{ at }] = await (service as any).sql().execute(`SELECT clock_timestamp()::text AS at`)
        expect(await store.markDirty(variants(1, 100), { unlessMarkedSince: at })).toBe(1)
        expect((await store.claimDue("metacb_new", 10)).map((r) => r.variant_id)).toEqual(["variant_100"])
      })

      it("without the option, a change after the claim keeps the item dirty for the next flush", async () => {
        const store = service.catalogItemStore()
        await store.markDirty(variants(1, 200))
        const [row] = await store.claimDue("metacb_claim", 10)
        await store.markDirty(variants(1, 200))
        await store.recordOutcomes([outcome(row.id)])
        expect((await store.claimDue("metacb_next", 10)).map((r) => r.variant_id)).toEqual(["variant_200"])
      })
    })
  },
})
