/**
 * Response types of the public routes Meta (or the person a deletion is about) calls: webhooks
 * (`/meta/webhooks`), deauthorize (`/meta/deauthorize`) and data deletion (`/meta/data-deletion*`).
 * They carry no Medusa credentials; a signature or a signed request authenticates them.
 */
import type { MetaErrorResponse } from "./errors"

/** `POST /meta/webhooks`: how many changes the delivery held and how many were new. */
export type MetaWebhookDeliveryResponse = { received: number; stored: number } | MetaErrorResponse

/** `POST /meta/deauthorize`. */
export type MetaDeauthorizeResponse = { success: true; connection_revoked: boolean } | MetaErrorResponse

/**
 * `POST /meta/data-deletion`: what Meta shows the person — the status page and the code
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback).
 */
export type MetaDataDeletionResponse = { url: string; confirmation_code: string } | MetaErrorResponse

export type MetaDataDeletionStatus = "pending" | "completed" | "failed"

/** A deletion request as its status page shows it, and nothing more. */
export type MetaDataDeletionRequest = {
  confirmation_code: string
  status: MetaDataDeletionStatus
  requested_at: string
  completed_at: string | null
}

/** `GET /meta/data-deletion/:code` with `Accept: application/json` (HTML otherwise). */
export type MetaDataDeletionStatusResponse = { data_deletion_request: MetaDataDeletionRequest } | MetaErrorResponse
