import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { META_MODULE } from ".."
import { MetaCatalogItem } from "../models/meta-catalog-item"
import { CatalogItemRepository } from "../catalog-item-repository"
import MetaModuleService from "../service"
import { knexSqlExecutor } from "../sql-executor"

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
  testSuite: ({ service, MikroOrmWrapper }) => {
    // The worker's claim is the pass thread's statement (CatalogItemRepository on its own connection): the same here.
    const sql = () => knexSqlExecutor(MikroOrmWrapper.getManager().getKnex())
    const claimDue = (claimId: string) => new CatalogItemRepository(sql()).claimDue(claimId, 10)
    describe("catalog items during a full sync", () => {
      it("leaves an item claimed during the sweep in its batch instead of holding it back for a call of its own", async () => {
        await service.markCatalogItemsDirty(variants(3))
        await service.recordCatalogItemOutcomes((await claimDue("metacb_first")).map((r) => outcome(r.id)))
        expect((await service.summarizeDueCatalogItems()).count).toBe(0)

        // The full sync: every known item marked, then the store's variants paged through (the known
        // ones again, and two new ones); a worker claims the known items between the two.
        const since = await service.markAllCatalogItemsDirty()
        const claimed = await claimDue("metacb_during")
        expect(claimed).toHaveLength(3)
        await service.markCatalogItemsDirty(variants(5), { unlessMarkedSince: since })
        await service.recordCatalogItemOutcomes(claimed.map((r) => outcome(r.id)))

        // Only the two new variants are left; the claimed three went out with their batch, once.
        const left = await claimDue("metacb_after")
        expect(left.map((r) => r.variant_id).sort()).toEqual(["variant_003", "variant_004"])
      })

      it("still re-marks an item whose last change is older than the sweep", async () => {
        await service.markCatalogItemsDirty(variants(1, 100))
        await service.recordCatalogItemOutcomes((await claimDue("metacb_old")).map((r) => outcome(r.id)))
        const [{ at }] = await sql().execute<{ at: string }[]>(`SELECT clock_timestamp()::text AS at`)
        expect(await service.markCatalogItemsDirty(variants(1, 100), { unlessMarkedSince: at })).toBe(1)
        expect((await claimDue("metacb_new")).map((r) => r.variant_id)).toEqual(["variant_100"])
      })

      it("without the option, a change after the claim keeps the item dirty for the next flush", async () => {
        await service.markCatalogItemsDirty(variants(1, 200))
        const [row] = await claimDue("metacb_claim")
        await service.markCatalogItemsDirty(variants(1, 200))
        await service.recordCatalogItemOutcomes([outcome(row.id)])
        expect((await claimDue("metacb_next")).map((r) => r.variant_id)).toEqual(["variant_200"])
      })
    })

    describe("on Medusa's shared context", () => {
      it("joins the caller's transaction: its writes are seen inside it and rolled back with it", async () => {
        const repository = (service as unknown as { baseRepository_: { transaction<T>(task: (manager: unknown) => Promise<T>): Promise<T> } }).baseRepository_
        await expect(
          repository.transaction(async (transactionManager) => {
            await service.markCatalogItemsDirty(variants(2, 300), {}, { transactionManager })
            expect((await service.summarizeDueCatalogItems({ transactionManager })).count).toBe(2)
            expect((await service.summarizeDueCatalogItems()).count).toBe(0)
            throw new Error("the caller failed")
          })
        ).rejects.toThrow("the caller failed")
        expect((await service.summarizeDueCatalogItems()).count).toBe(0)
        expect(await service.countCatalogItemsByStatus()).toEqual({ dirty: 0, excluded: 0, in_flight: 0 })
      })

      it("commits with the caller's transaction", async () => {
        const repository = (service as unknown as { baseRepository_: { transaction<T>(task: (manager: unknown) => Promise<T>): Promise<T> } }).baseRepository_
        await repository.transaction(async (transactionManager) => {
          await service.markCatalogItemsDirty(variants(2, 400), {}, { transactionManager })
        })
        expect((await service.summarizeDueCatalogItems()).count).toBe(2)
      })
    })
  },
})
