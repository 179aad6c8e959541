import type { MedusaContainer } from "@medusajs/framework/types"
import { metaService } from "../../modules/meta/resolve-meta-service"
import { currentTestEventCode } from "./outbox"

export type CapiTarget = { pixelId: string; testEventCode: string | null }

/**
 * Where events go: the connection's pixel, if CAPI is enabled. A connection whose token needs attention
 * still gets rows recorded (they wait in the outbox); no pixel or CAPI switched off → nothing recorded.
 */
export async function resolveCapiTarget(container: MedusaContainer): Promise<CapiTarget | null> {
  const svc = metaService(container)
  const connection = await svc.retrieveLiveConnection()
  if (!connection?.pixel_id || !svc.featureFlags(connection).capi.enabled) return null
  return { pixelId: connection.pixel_id, testEventCode: await currentTestEventCode(svc) }
}
