import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { MetaAdCreationPlan } from "../meta-ad-creation-plan"
import { createMetaAdObjectStep, finishMetaAdCreationStep, type CreateMetaAdObjectInput, type CreatedMetaAdObject } from "../steps/create-meta-ad-object"
import { syncMetaAdsStep } from "../steps/sync-meta-ads"

/** Two requests with the same key wait for each other (the second then finds what the first made). */
const LOCK_WAIT_S = 30
const LOCK_TTL_S = 120

function objectInput(plan: MetaAdCreationPlan, kind: CreateMetaAdObjectInput["kind"], campaign?: CreatedMetaAdObject): Omit<CreateMetaAdObjectInput, "path" | "lookup"> {
  return {
    kind,
    creation_key: plan.key,
    ...(campaign ? { creation_change_id: campaign.creation_change_id } : { creation_action: plan.action, fingerprint: plan.fingerprint }),
    actor: plan.actor,
    account_id: plan.account_id,
    name: plan[kind].name,
    params: plan[kind].params,
    request_fields: plan.request_fields,
  }
}

/**
 * The body of every creation workflow, once a plan exists: under a lock on the creation's key, the campaign,
 * ad set, creative and ad in that order (each exactly once, each deleted again if a later one fails), a mirror
 * pass, and the creation marked done. Called inside createWorkflow.
 */
export function composeMetaAdCreation(plan: WorkflowData<MetaAdCreationPlan>) {
  acquireLockStep(transform({ plan }, ({ plan }) => ({ key: `meta-ads-create:${plan.key}`, timeout: LOCK_WAIT_S, ttl: LOCK_TTL_S })))
  const campaign = createMetaAdObjectStep(
    transform({ plan }, ({ plan }): CreateMetaAdObjectInput => ({
      ...objectInput(plan, "campaign"),
      path: `${plan.account_id}/campaigns`,
      lookup: { path: `${plan.account_id}/campaigns`, filterable: true },
    }))
  ).config({ name: "create-meta-campaign" })
  const adSet = createMetaAdObjectStep(
    transform({ plan, campaign }, ({ plan, campaign }): CreateMetaAdObjectInput => ({
      ...objectInput(plan, "ad_set", campaign),
      params: { ...plan.ad_set.params, campaign_id: campaign.meta_id },
      path: `${plan.account_id}/adsets`,
      lookup: { path: `${campaign.meta_id}/adsets`, filterable: true },
    }))
  ).config({ name: "create-meta-ad-set" })
  const creative = createMetaAdObjectStep(
    transform({ plan, campaign }, ({ plan, campaign }): CreateMetaAdObjectInput => ({
      ...objectInput(plan, "creative", campaign),
      path: `${plan.account_id}/adcreatives`,
      // Meta documents no `filtering` on the creatives edge: the lookup pages through it.
      lookup: { path: `${plan.account_id}/adcreatives`, filterable: false },
    }))
  ).config({ name: "create-meta-ad-creative" })
  const ad = createMetaAdObjectStep(
    transform({ plan, campaign, adSet, creative }, ({ plan, campaign, adSet, creative }): CreateMetaAdObjectInput => ({
      ...objectInput(plan, "ad", campaign),
      params: { ...plan.ad.params, adset_id: adSet.meta_id, creative: { creative_id: creative.meta_id } },
      path: `${plan.account_id}/ads`,
      lookup: { path: `${adSet.meta_id}/ads`, filterable: true },
    }))
  ).config({ name: "create-meta-ad" })
  syncMetaAdsStep()
  const done = finishMetaAdCreationStep(transform({ plan, campaign, ad }, ({ plan, campaign, ad }) => ({ campaign, ad, product_ids: plan.product_ids })))
  releaseLockStep(transform({ plan }, ({ plan }) => ({ key: `meta-ads-create:${plan.key}` })))
  return transform({ done, plan }, ({ done, plan }) => ({ ...done, warnings: plan.warnings }))
}
