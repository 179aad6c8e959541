import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GraphError, type GraphClient } from "../../../lib/graph"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"
import type { AdObjectType } from "../../../modules/meta-ads/service"

/** The four objects a new campaign is made of, in the order Meta needs them. */
export type MetaAdObjectKind = "campaign" | "ad_set" | "creative" | "ad"

export type CreateMetaAdObjectInput = {
  kind: MetaAdObjectKind
  /** The creation's key: this object's change row is keyed `<key>:<kind>`, so a repeated request finds it. */
  creation_key: string
  /** The change row of the whole creation (the campaign's); absent for the campaign itself. */
  creation_change_id?: string
  /** What the creation is ("create_boost", "create_catalog_sales"): the campaign row's action. */
  creation_action?: string
  /** A digest of the request: the same key with another request is refused. Campaign only. */
  fingerprint?: string
  actor: string
  /** The ad account ("act_…"): the object the change concerns until the new one has an id. */
  account_id: string
  /** The edge it is created on: "act_…/campaigns", "act_…/adsets", "act_…/adcreatives", "act_…/ads". */
  path: string
  /** Where a copy made by an earlier attempt would be listed ("<campaign>/adsets"), and whether it takes `filtering`. */
  lookup: { path: string; filterable: boolean }
  /** Its name; the change's reference is appended so an earlier attempt's object can be recognised. */
  name: string
  params: Record<string, unknown>
  /** Meta's parameter (or its prefix) → the request field it came from, to name the field of a refusal. */
  request_fields?: Record<string, string>
}

export type CreatedMetaAdObject = {
  kind: MetaAdObjectKind
  meta_id: string
  change_id: string
  /** The change row of the whole creation (the campaign's). */
  creation_change_id: string
  /** The creation had finished before (a repeated request): nothing was sent. */
  already_complete: boolean
}

/** Creatives have no object type of their own in the audit log: they belong to their ad. */
const CHANGE_OBJECT_TYPE: Record<MetaAdObjectKind, AdObjectType> = { campaign: "campaign", ad_set: "ad_set", creative: "ad", ad: "ad" }
const LABEL: Record<MetaAdObjectKind, string> = { campaign: "campaign", ad_set: "ad set", creative: "creative", ad: "ad" }

/**
 * Meta's refusal as the merchant should read it: the field first (from `blame_field_specs`, named as the
 * request named it where the plan says how), then Meta's text for people (`error_user_msg`), else its
 * technical message.
 */
export function describeMetaRefusal(kind: MetaAdObjectKind, error: unknown, requestFields: Record<string, string> = {}): string {
  if (!(error instanceof GraphError)) return (error as Error).message
  const text = [error.userTitle, error.userMessage].filter(Boolean).join(": ") || error.message
  const fields = error.blameFields ?? []
  if (!fields.length) return `Meta refused the ${LABEL[kind]}: ${text}`
  const requestFieldOf = (metaField: string) =>
    Object.entries(requestFields).find(([prefix]) => metaField === prefix || metaField.startsWith(`${prefix}.`))?.[1] ?? metaField
  const named = [...new Set(fields.map(requestFieldOf))]
  const meta = fields.filter((f) => !named.includes(f))
  return `${named.join(", ")}: Meta refused the ${LABEL[kind]}: ${text}${meta.length ? ` (Meta's ${meta.join(", ")})` : ""}`
}

/** An earlier attempt's object: named with this change's reference and not deleted (Meta lists none of those by default). */
async function findEarlierCopy(graph: GraphClient, token: string, input: CreateMetaAdObjectInput, reference: string): Promise<string | undefined> {
  const params: Record<string, unknown> = { fields: "id,name" }
  // https://developers.facebook.com/docs/marketing-api/reference/ad-account/campaigns/ (filtering)
  if (input.lookup.filterable) params.filtering = [{ field: "name", operator: "CONTAIN", value: reference.replace(/^ · /, "") }]
  for await (const item of graph.paginate<{ id: string; name?: string }>(input.lookup.path, { token, params, pageSize: 500 })) {
    if (item.name?.endsWith(reference)) return item.id
  }
  return undefined
}

/**
 * The create call, sent once (no automatic retry: a POST may have taken effect before it failed). Without
 * Meta's answer — a timeout, a dropped connection, a 5xx — the object may exist all the same, so it is
 * looked for once before the failure counts.
 */
async function sendCreation(graph: GraphClient, token: string, input: CreateMetaAdObjectInput, reference: string): Promise<string> {
  try {
    const made = await graph.post<{ id: string }>(input.path, { token, body: { ...input.params, name: `${input.name}${reference}` }, retry: false })
    return made.id
  } catch (error) {
    if (error instanceof GraphError && error.category === "invalid") throw error
    const found = await findEarlierCopy(graph, token, input, reference).catch(() => undefined)
    if (found) return found
    throw error
  }
}

/**
 * Creates one object of a new campaign (campaign, ad set, creative or ad) exactly once. Creating is not an
 * absolute write, so: the change row is written first (keyed by the creation's key and the object), the
 * object is named with the change's reference, the id is written the moment Meta returns it, and a repeated
 * request either finds the id in the row or looks for the named object at Meta before it creates again.
 * Compensation deletes the object at Meta (`DELETE /{id}`) unless the creation as a whole had finished.
 * https://developers.facebook.com/docs/marketing-api/reference/ad-account/campaigns/#Creating (and /adsets, /adcreatives, /ads)
 */
export const createMetaAdObjectStep = createStep(
  "create-meta-ad-object",
  async (input: CreateMetaAdObjectInput, { container }) => {
    const meta = container.resolve<MetaModuleService>(META_MODULE)
    const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const live = await meta.getConnectionToken()
    if (!live) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Meta is not connected: connect it in Settings → Meta first.")
    const graph = meta.getGraphClient()
    const isCampaign = input.kind === "campaign"

    const change = await ads.beginChange({
      object_type: CHANGE_OBJECT_TYPE[input.kind],
      object_meta_id: input.account_id,
      actor: input.actor,
      action: isCampaign ? input.creation_action ?? "create_campaign" : `create_${input.kind}`,
      before: null,
      after: isCampaign && input.fingerprint ? { fingerprint: input.fingerprint } : null,
      request: { method: "POST", path: input.path, params: { name: input.name, ...input.params } },
      idempotency_key: `${input.creation_key}:${input.kind}`,
    })
    const creationChangeId = isCampaign ? change.id : input.creation_change_id ?? change.id
    const [row] = change.created ? [] : await ads.listMetaAdChanges({ id: change.id })
    const recorded = row?.after as { id?: string; fingerprint?: string } | null | undefined
    if (isCampaign && row && input.fingerprint && recorded?.fingerprint && recorded.fingerprint !== input.fingerprint) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "idempotency_key: this key was already used for a different request; use a new key for a new campaign")
    }
    if (row && row.status !== "failed" && recorded?.id) {
      const [creation] = isCampaign ? [row] : await ads.listMetaAdChanges({ id: creationChangeId })
      return new StepResponse<CreatedMetaAdObject>({
        kind: input.kind,
        meta_id: recorded.id,
        change_id: change.id,
        creation_change_id: creationChangeId,
        already_complete: creation?.status === "applied",
      })
    }

    const reference = ` · ref ${change.id.slice(-10)}`
    // A row without an id may belong to an attempt whose answer was lost after Meta created the object.
    let metaId = change.created ? undefined : await findEarlierCopy(graph, live.token, input, reference)
    if (!metaId) {
      try {
        metaId = await sendCreation(graph, live.token, input, reference)
      } catch (error) {
        const refused = error instanceof GraphError && error.category === "invalid"
        const message = refused
          ? describeMetaRefusal(input.kind, error, input.request_fields)
          : `Meta did not create the ${LABEL[input.kind]}: ${error instanceof GraphError ? error.userMessage ?? error.message : (error as Error).message}`
        await ads.finishChange({ id: change.id, object_type: CHANGE_OBJECT_TYPE[input.kind], object_meta_id: input.account_id, applied: false, error: message })
        throw new MedusaError(refused ? MedusaError.Types.INVALID_DATA : MedusaError.Types.UNEXPECTED_STATE, message)
      }
    }
    // The campaign's row is the creation's: it stays pending until the ad exists (finishMetaAdCreationStep).
    await ads.recordCreatedObject({ id: change.id, object_meta_id: metaId, applied: !isCampaign })
    return new StepResponse<CreatedMetaAdObject>({ kind: input.kind, meta_id: metaId, change_id: change.id, creation_change_id: creationChangeId, already_complete: false })
  },
  async (data, { container }) => {
    if (!data || data.already_complete) return
    const meta = container.resolve<MetaModuleService>(META_MODULE)
    const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const [creation] = await ads.listMetaAdChanges({ id: data.creation_change_id })
    // A creation that finished (an earlier request's) keeps its objects even if this run fails later.
    if (creation?.status === "applied") return
    const live = await meta.getConnectionToken()
    let error = "Rolled back: deleted at Meta because a later step of the creation failed"
    try {
      if (!live) throw new Error("Meta is not connected")
      // DELETE is absolute (deleting a deleted object changes nothing), so the client may retry it.
      await meta.getGraphClient().delete(data.meta_id, { token: live.token })
    } catch (cause) {
      error = `Rollback failed: ${data.meta_id} may still exist at Meta (${cause instanceof GraphError ? cause.userMessage ?? cause.message : (cause as Error).message})`
    }
    await ads.finishChange({ id: data.change_id, object_type: CHANGE_OBJECT_TYPE[data.kind], object_meta_id: data.meta_id, applied: false, error })
  }
)

export type FinishMetaAdCreationInput = {
  campaign: CreatedMetaAdObject
  ad: CreatedMetaAdObject
  /** Medusa products the ad shows. */
  product_ids: string[]
}

export type FinishedMetaAdCreation = {
  change_id: string
  campaign_meta_id: string
  ad_meta_id: string
}

/**
 * The last step of a creation, after the mirror pass: the ad's products go on its mirror row, and the
 * creation's change row is marked applied — from then on a repeated request returns the same campaign and
 * a failure of a later run deletes nothing.
 */
export const finishMetaAdCreationStep = createStep("finish-meta-ad-creation", async (input: FinishMetaAdCreationInput, { container }) => {
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  await ads.setAdProductIds(input.ad.meta_id, input.product_ids)
  if (!input.campaign.already_complete) {
    await ads.finishChange({ id: input.campaign.change_id, object_type: "campaign", object_meta_id: input.campaign.meta_id, applied: true })
  }
  return new StepResponse<FinishedMetaAdCreation>({ change_id: input.campaign.change_id, campaign_meta_id: input.campaign.meta_id, ad_meta_id: input.ad.meta_id })
})
