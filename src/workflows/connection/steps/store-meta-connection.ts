import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import {
  AssetSelection,
  EMPTY_SELECTION,
  SELECTION_TYPES,
  chooseSelections,
  pageInstagramMismatch,
  unknownSelections,
} from "../../../lib/connection"
import type { DiscoveredMetaAsset } from "./discover-meta-assets"
import type { MetaTokenInspection } from "./inspect-meta-token"
import { metaService } from "../../../modules/meta/resolve-meta-service"

export type StoreMetaConnectionInput = {
  method: "oauth" | "system_user"
  user_id: string
  sealed_token: string
  inspection: MetaTokenInspection
  assets: DiscoveredMetaAsset[]
  warnings: string[]
  /** Assets the merchant chose up front (system-user connect); they must be among the discovered. */
  selection?: Partial<AssetSelection>
}

const CONNECTION_FIELDS = [
  "status",
  "method",
  "meta_user_id",
  "meta_user_name",
  "token_type",
  "access_token",
  "token_expires_at",
  "data_access_expires_at",
  "granted_scopes",
  "declined_scopes",
  "business_id",
  "page_id",
  "instagram_account_id",
  "ad_account_id",
  "pixel_id",
  "catalog_id",
  "last_error",
  "last_error_code",
  "last_error_at",
  "last_refreshed_at",
  "connected_by",
] as const

type Snapshot = {
  connection_id: string
  created: boolean
  restored: boolean
  previous: Record<string, unknown> | null
  created_asset_ids: string[]
  previous_assets: Record<string, unknown>[]
}

/**
 * Saves the connection and its assets. A reconnect reuses the store's connection row (restoring it if
 * it was disconnected) and upserts assets by (type, meta_id), so ids and choices survive.
 */
export const storeMetaConnectionStep = createStep(
  "store-meta-connection",
  async (input: StoreMetaConnectionInput, { container }) => {
    const service = metaService(container)
    const requested = Object.fromEntries(
      Object.entries(input.selection ?? {}).filter(([, id]) => id !== undefined)
    ) as Partial<AssetSelection>
    const unknown = unknownSelections(requested, input.assets)
    if (unknown.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        unknown
          .map((key) => `${key}: ${requested[key]} is not a ${SELECTION_TYPES[key].replace("_", " ")} this token can use`)
          .join("; ")
      )
    }
    const mismatch = pageInstagramMismatch(
      { page_id: requested.page_id ?? null, instagram_account_id: requested.instagram_account_id ?? null },
      input.assets
    )
    if (mismatch) throw new MedusaError(MedusaError.Types.INVALID_DATA, mismatch)
    let connection = await service.retrieveLiveConnection()
    let restored = false
    if (!connection) {
      const [previous] = await service.listMetaConnections(
        {},
        { withDeleted: true, order: { created_at: "DESC" }, take: 1 }
      )
      if (previous) {
        await service.restoreMetaConnections([previous.id])
        connection = previous
        restored = true
      }
    }
    const previousRow = connection
      ? Object.fromEntries(CONNECTION_FIELDS.map((f) => [f, (connection as any)[f]]))
      : null

    const selection = chooseSelections(
      {
        ...(connection
          ? {
              business_id: connection.business_id,
              page_id: connection.page_id,
              instagram_account_id: connection.instagram_account_id,
              ad_account_id: connection.ad_account_id,
              pixel_id: connection.pixel_id,
              catalog_id: connection.catalog_id,
            }
          : EMPTY_SELECTION),
        ...requested,
      },
      input.assets
    )
    const fields = {
      status: "active" as const,
      method: input.method,
      meta_user_id: input.inspection.meta_user_id,
      meta_user_name: input.inspection.meta_user_name,
      token_type: input.inspection.token_type,
      access_token: input.sealed_token,
      token_expires_at: input.inspection.expires_at ? new Date(input.inspection.expires_at) : null,
      data_access_expires_at: input.inspection.data_access_expires_at
        ? new Date(input.inspection.data_access_expires_at)
        : null,
      granted_scopes: input.inspection.granted_scopes,
      declined_scopes: input.inspection.declined_scopes,
      ...selection,
      last_error: input.warnings.length ? input.warnings.join("; ") : null,
      last_error_code: null,
      last_error_at: input.warnings.length ? new Date() : null,
      last_refreshed_at: new Date(),
      connected_by: input.user_id,
    }
    const created = !connection
    const saved = connection
      ? await service.updateMetaConnections({ id: connection.id, ...fields })
      : await service.createMetaConnections(fields)

    // Upsert assets by (type, meta_id), including rows soft-deleted by an earlier disconnect.
    const existing = await service.listMetaAssets({}, { withDeleted: true, take: null })
    const previousAssets = existing.map((a) => ({ ...a, connection_id: (a as any).connection_id }))
    const byKey = new Map(existing.map((a) => [`${a.type}:${a.meta_id}`, a]))
    const createdAssetIds: string[] = []
    const seen = new Set<string>()
    for (const found of input.assets) {
      const key = `${found.type}:${found.meta_id}`
      seen.add(key)
      const data = {
        type: found.type,
        meta_id: found.meta_id,
        name: found.name,
        parent_meta_id: found.parent_meta_id,
        metadata: found.metadata,
        access_token: found.sealed_token,
        connection_id: saved.id,
      }
      const row = byKey.get(key)
      if (row) {
        if (row.deleted_at) {
          await service.restoreMetaAssets([row.id])
        }
        await service.updateMetaAssets({ id: row.id, ...data })
      } else {
        const createdAsset = await service.createMetaAssets(data)
        createdAssetIds.push(createdAsset.id)
      }
    }
    const gone = existing.filter((a) => !a.deleted_at && !seen.has(`${a.type}:${a.meta_id}`))
    if (gone.length) {
      await service.softDeleteMetaAssets(gone.map((a) => a.id))
    }

    return new StepResponse<{ connection_id: string }, Snapshot>(
      { connection_id: saved.id },
      {
        connection_id: saved.id,
        created,
        restored,
        previous: previousRow,
        created_asset_ids: createdAssetIds,
        previous_assets: previousAssets,
      }
    )
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const service = metaService(container)
    if (snapshot.created_asset_ids.length) {
      await service.deleteMetaAssets(snapshot.created_asset_ids)
    }
    for (const asset of snapshot.previous_assets) {
      const { deleted_at, created_at, updated_at, connection, ...rest } = asset as any
      // Soft-deleted rows cannot be updated: bring each back, reset it, then delete it again if it was.
      await service.restoreMetaAssets([rest.id])
      await service.updateMetaAssets(rest)
      if (deleted_at) {
        await service.softDeleteMetaAssets([rest.id])
      }
    }
    if (snapshot.created) {
      await service.deleteMetaConnections([snapshot.connection_id])
      return
    }
    if (snapshot.previous) {
      await service.updateMetaConnections({ id: snapshot.connection_id, ...snapshot.previous })
    }
    if (snapshot.restored) {
      await service.softDeleteMetaConnections([snapshot.connection_id])
    }
  }
)
