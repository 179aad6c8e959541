/**
 * Request and response types of `/admin/meta/setup*` and the whole-setup health check: what the merchant
 * pastes into Meta's dashboards, and whether each part of the setup works. The admin imports them type-only.
 * No type here carries the app secret, a token or the encryption key.
 */

import type { SetupCheckStatus, SetupSheet, SetupValue, SetupValueKey } from "../../lib/setup/setup-values"

// One definition: the route answers what src/lib/setup builds.
export type MetaSetupCheckStatus = SetupCheckStatus
export type MetaSetupValueKey = SetupValueKey
export type MetaSetupValue = SetupValue
export type MetaSetup = SetupSheet

/** `GET /admin/meta/setup`. Answers also when the store is not connected (the redirect URI comes first). */
export type MetaSetupResponse = { setup: MetaSetup }

export type MetaSetupHealthCheckKey =
  | "token"
  | "feature.catalog"
  | "feature.capi"
  | "feature.publishing"
  | "feature.insights"
  | "feature.ads"
  | "feature.webhooks"
  | "pixel_events"
  | "webhook_callback"
  | "webhook_page_subscription"
  | "catalog_reachable"

/** One part of the setup in the health check: its verdict, in the merchant's words, and the step that fixes it. */
export type MetaSetupHealthCheck = {
  key: MetaSetupHealthCheckKey
  title: string
  status: MetaSetupCheckStatus
  message: string
  fix: { label: string; to: string } | null
}

/** `POST /admin/meta/setup/page-subscription`: the chosen Page now sends its webhooks to the app. */
export type MetaPageSubscriptionResponse = { page_id: string; subscribed: true; subscribed_fields: string[] }
