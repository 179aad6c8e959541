import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { productLink } from "../../../lib/catalog/map-variant"
import { publicationLink } from "../../../lib/publishing"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import type { MetaPublicationKind, MetaPublicationProductTag } from "../../../types/http/publishing"
import type { ResolvedMedia } from "./resolve-publication-media"

export type CreatePublicationInput = {
  account_id: string
  kind: MetaPublicationKind
  caption?: string | null
  media: ResolvedMedia[]
  product_ids?: string[]
  product_tags?: MetaPublicationProductTag[]
  scheduled_at?: string | Date | null
  first_comment?: string | null
}

const storedMedia = (media: ResolvedMedia[]) => media.map(({ probe_error: _, duration_error: __, ...m }) => m)

/** The storefront link of the first product shown, with UTM parameters naming the publication. */
export async function linkFor(
  container: MedusaContainer,
  publicationId: string,
  kind: string,
  productIds: string[] | undefined
): Promise<string | null> {
  if (!productIds?.length) return null
  const options = container.resolve<MetaModuleService>(META_MODULE).getOptions()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "handle"], filters: { id: productIds[0] } })
  const product = data[0] as { id: string; handle: string | null } | undefined
  if (!product) return null
  const url = productLink(
    { id: product.id, handle: product.handle } as never,
    { id: "" } as never,
    { productUrlTemplate: options.productUrlTemplate, storefrontUrl: options.storefrontUrl } as never
  )
  return url ? publicationLink(url, { publicationId, platform: kind.startsWith("instagram") ? "instagram" : "facebook" }) : null
}

export const createMetaPublicationStep = createStep(
  "create-meta-publication",
  async (input: CreatePublicationInput, { container }) => {
    const service = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const id = generateEntityId(undefined, "metapub")
    const scheduled = input.scheduled_at ? new Date(input.scheduled_at) : null
    const created = await service.createMetaPublications({
      id,
      account_id: input.account_id,
      kind: input.kind,
      status: scheduled ? "scheduled" : "draft",
      caption: input.caption ?? null,
      media: storedMedia(input.media) as never,
      product_ids: input.product_ids ?? [],
      product_tags: (input.product_tags?.length ? input.product_tags : null) as never,
      link_url: await linkFor(container, id, input.kind, input.product_ids),
      first_comment: input.first_comment ?? null,
      scheduled_at: scheduled,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE).deleteMetaPublications(id)
  }
)
