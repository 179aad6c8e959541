import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AutoSetupAction, planAutoSetup } from "../../../lib/connection"
import { GraphError } from "../../../lib/graph"
import { metaService } from "../../../modules/meta/resolve-meta-service"

type Created = { connection_id: string; catalog_id?: string; pixel_id?: string }

/**
 * Auto-setup (opt out with `autoSetup: false`): gives a freshly connected store a catalog
 * "<store name> (Medusa)" and a pixel when none is selected, and remembers them. It never fails the
 * connection: a refusal (e.g. catalog_management not granted) is recorded and shown instead.
 */
export const autoSetupMetaAssetsStep = createStep(
  "auto-setup-meta-assets",
  async (input: { connection_id: string }, { container }) => {
    const service = metaService(container)
    if (!service.getOptions().autoSetup) {
      return new StepResponse({ skipped: true }, { connection_id: input.connection_id } as Created)
    }
    const connection = await service.retrieveMetaConnection(input.connection_id)
    if (!connection.access_token) {
      return new StepResponse({ skipped: true }, { connection_id: input.connection_id } as Created)
    }
    const assets = await service.listMetaAssets({ connection_id: connection.id }, { take: null })
    const [store] = await container.resolve(Modules.STORE).listStores({}, { take: 1 })
    const plan = planAutoSetup(
      {
        business_id: connection.business_id,
        page_id: connection.page_id,
        instagram_account_id: connection.instagram_account_id,
        ad_account_id: connection.ad_account_id,
        pixel_id: connection.pixel_id,
        catalog_id: connection.catalog_id,
      },
      assets.map((a) => ({
        type: a.type,
        meta_id: a.meta_id,
        name: a.name,
        parent_meta_id: a.parent_meta_id,
        metadata: null,
      })),
      store?.name ?? "Medusa store"
    )

    const graph = service.getGraphClient()
    const token = service.openSecret(connection.access_token)
    const previous = (connection.auto_setup_state ?? {}) as Record<string, unknown>
    const created: Created = { connection_id: connection.id }
    const errors: string[] = []

    async function apply(
      kind: "catalog" | "pixel",
      action: AutoSetupAction
    ): Promise<string | null> {
      if (action.action === "keep" || action.action === "reuse") {
        return action.id
      }
      if (action.action === "skip") {
        return null
      }
      const edge = kind === "catalog" ? "owned_product_catalogs" : "adspixels"
      try {
        const result = await graph.post<{ id: string }>(`${connection.business_id}/${edge}`, {
          token,
          body: { name: action.name },
        })
        await service.createMetaAssets({
          type: kind,
          meta_id: String(result.id),
          name: action.name,
          parent_meta_id: connection.business_id,
          metadata: { created_by_plugin: true },
          connection_id: connection.id,
        })
        created[kind === "catalog" ? "catalog_id" : "pixel_id"] = String(result.id)
        return String(result.id)
      } catch (error) {
        if (error instanceof GraphError && error.category === "auth") {
          await service.recordGraphFailure(connection.id, error)
        }
        errors.push(
          `Could not create the ${kind}: ${error instanceof Error ? error.message : String(error)}`
        )
        return null
      }
    }

    const catalogId = await apply("catalog", plan.catalog)
    const pixelId = await apply("pixel", plan.pixel)
    await service.updateMetaConnections({
      id: connection.id,
      catalog_id: catalogId ?? connection.catalog_id,
      pixel_id: pixelId ?? connection.pixel_id,
      auto_setup_state: {
        catalog_created: previous.catalog_created === true || !!created.catalog_id,
        pixel_created: previous.pixel_created === true || !!created.pixel_id,
        error: errors.length ? errors.join("; ") : null,
      },
    })
    return new StepResponse({ skipped: false, plan, errors }, created)
  },
  async (created, { container }) => {
    if (!created || (!created.catalog_id && !created.pixel_id)) {
      return
    }
    const service = metaService(container)
    const connection = await service.retrieveMetaConnection(created.connection_id)
    await service.updateMetaConnections({
      id: connection.id,
      catalog_id: created.catalog_id ? null : connection.catalog_id,
      pixel_id: created.pixel_id ? null : connection.pixel_id,
    })
    // Meta has no way to delete a pixel; an unused empty catalog is deleted so a retry can reuse the name.
    if (created.catalog_id && connection.access_token) {
      await service
        .getGraphClient()
        .delete(created.catalog_id, { token: service.openSecret(connection.access_token) })
        .catch(() => undefined)
    }
  }
)
