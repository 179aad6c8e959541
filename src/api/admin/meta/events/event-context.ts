import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { connectionStatus } from "../../../../lib/connection/status"
import type { CapiConnectionState } from "../../../../lib/capi"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import { ORDER_ID_PREFIX, type EventContext } from "./present-event"

/** Whether the outbox can send now: no live connection, one Meta refuses, or a usable one. */
async function connectionState(scope: MedusaContainer): Promise<CapiConnectionState> {
  const connection = await scope.resolve<MetaModuleService>(META_MODULE).retrieveLiveConnection()
  if (!connection) return "not_connected"
  const status = connectionStatus(connection.status, connection.token_expires_at)
  return status === "revoked" || status === "expired" || status === "error" ? "needs_reconnect" : "connected"
}

/** The order numbers of a page of events, in one query (never one per row). */
async function orderDisplayIds(scope: MedusaContainer, subjectIds: (string | null)[]): Promise<Map<string, number>> {
  const ids = [...new Set(subjectIds.filter((id): id is string => !!id?.startsWith(ORDER_ID_PREFIX)))]
  if (!ids.length) return new Map()
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: ids } })
  return new Map(
    (data as { id: string; display_id: number | null }[])
      .filter((order) => typeof order.display_id === "number")
      .map((order) => [order.id, order.display_id as number])
  )
}

export async function readEventContext(scope: MedusaContainer, rows: { subject_id: string | null }[]): Promise<EventContext> {
  const [connection, displayIds] = await Promise.all([
    connectionState(scope),
    orderDisplayIds(scope, rows.map((row) => row.subject_id)),
  ])
  return { connection, displayIds }
}
