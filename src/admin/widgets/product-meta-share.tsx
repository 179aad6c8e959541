import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import type { MetaPublication } from "../../types/http/publishing"
import { AccountAvatar } from "../components/publishing/account-avatar"
import { ComposeDrawer } from "../components/publishing/compose-drawer"
import { PublicationDrawer } from "../components/publishing/publication-drawer"
import { KIND_LABEL, PUBLICATION_STATUS } from "../components/publishing/publication-labels"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../components/meta-feature-notice"
import { SectionError } from "../components/webhooks/section-error"
import { useMetaPublications, useMetaPublishingAccounts, useProductForPublishing } from "../hooks/api/publishing"
import { formatRelative } from "../lib/format-date"

const RECENT_PUBLICATIONS = 5

/** Share this product on the store's Instagram account or Facebook Page, and what was posted about it. */
const ProductMetaShareWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const [compose, setCompose] = useState<{ open: boolean; publication?: MetaPublication }>({ open: false })
  const [selected, setSelected] = useState<MetaPublication | null>(null)
  const full = useProductForPublishing(product.id)
  // The page's own product (without variant prices) when the full read fails: the post just starts without a price.
  const shared = full.data?.product ?? (full.isError ? product : undefined)
  const recent = useMetaPublications({ product_id: product.id }, { limit: RECENT_PUBLICATIONS })
  const accountsById = new Map((useMetaPublishingAccounts().data?.accounts ?? []).map((a) => [a.id, a]))
  const publications = recent.data?.publications ?? []
  const { readiness } = useMetaFeatureReadiness("publishing")
  // Composing a post that can never be published is a trap: sharing waits until publishing is ready.
  const canShare = readiness?.state === "ready"

  return (
    <Container className="divide-y p-0" data-testid="meta-product-share">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">Share to Instagram / Facebook</Heading>
        <Button
          size="small"
          variant="secondary"
          disabled={!shared || !canShare}
          title={!canShare && readiness ? readiness.title : undefined}
          onClick={() => setCompose({ open: true })}
        >
          Share
        </Button>
      </div>
      {readiness && readiness.state !== "ready" && (
        <div className="px-6 py-4">
          <MetaFeatureNotice readiness={readiness} />
        </div>
      )}
      {recent.isPending && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {recent.isError && <SectionError what="The posts" message={recent.error.message} onRetry={() => recent.refetch()} />}
      {recent.data && !publications.length && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          Not shared yet. A post starts with the product's title, price, images and link.
        </Text>
      )}
      {publications.length > 0 && (
        <ul className="flex flex-col gap-y-3 px-6 py-4">
          {publications.map((publication) => {
            const status = PUBLICATION_STATUS[publication.status]
            const at = publication.published_at ?? publication.scheduled_at
            return (
              <li key={publication.id}>
                <button
                  type="button"
                  className="flex w-full items-center gap-x-2 text-left"
                  onClick={() => setSelected(publication)}
                >
                  <AccountAvatar account={accountsById.get(publication.account_id)} />
                  <div className="min-w-0 flex-1">
                    <Text size="small" className="truncate">
                      {KIND_LABEL[publication.kind]}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {at ? formatRelative(at) : "Not scheduled"}
                    </Text>
                  </div>
                  <StatusBadge color={status.color}>{status.label}</StatusBadge>
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <div className="flex justify-end px-6 py-4">
        <Button size="small" variant="transparent" asChild>
          <Link to="/meta/publishing">Publishing calendar</Link>
        </Button>
      </div>
      <ComposeDrawer
        open={compose.open}
        onOpenChange={(open) => setCompose((current) => ({ ...current, open }))}
        publication={compose.publication}
        product={compose.publication ? undefined : shared}
        onSaved={(publication) => publication.status === "publishing" && setSelected(publication)}
      />
      <PublicationDrawer
        publication={selected}
        account={selected ? accountsById.get(selected.account_id) : undefined}
        onClose={() => setSelected(null)}
        onEdit={(publication) => {
          setSelected(null)
          setCompose({ open: true, publication })
        }}
      />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductMetaShareWidget
