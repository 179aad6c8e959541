import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Switch, Table, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { CatalogItemErrors } from "../components/catalog/catalog-item-errors"
import { CATALOG_STATUS } from "../components/catalog/catalog-status"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../components/meta-feature-notice"
import { SectionError } from "../components/webhooks/section-error"
import { useMetaCatalogProduct, useMetaCatalogProductAction, useProductVariantsForMeta } from "../hooks/api/catalog"
import { formatDateTime, formatRelative } from "../lib/format-date"
import type { MetaCatalogItem } from "../../types/http/catalog"

type VariantRow = { id: string; title: string; sku: string | null; item: MetaCatalogItem | undefined }

/** The product's variants as Meta holds them: status, last sync, errors with their fix, include/exclude, sync now. */
const ProductMetaCatalogWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const status = useMetaCatalogProduct(product.id)
  const variants = useProductVariantsForMeta(product.id)
  const { data } = status
  const isPending = status.isPending || variants.isPending
  const isError = status.isError || variants.isError
  const error = status.error ?? variants.error
  const refetch = () => Promise.all([status.refetch(), variants.refetch()])
  const action = useMetaCatalogProductAction(product.id)
  const { readiness } = useMetaFeatureReadiness("catalog")
  // "Sync now" would send nothing while catalog sync is not ready (the route answers 409 with why).
  const canSync = readiness?.state === "ready"
  const byVariant = new Map((data?.items ?? []).map((item) => [item.variant_id, item]))
  const rows: VariantRow[] = (variants.data?.variants ?? product.variants ?? []).map((variant) => ({
    id: variant.id,
    title: variant.title ?? variant.id,
    sku: variant.sku ?? null,
    item: byVariant.get(variant.id),
  }))

  const onSync = () =>
    action.mutate(
      { action: "sync" },
      {
        onSuccess: () => toast.success("Sent to Meta; the status updates when Meta has processed it"),
        onError: (e) => toast.error(e.message),
      }
    )
  const onToggle = (variantId: string, include: boolean) =>
    action.mutate(
      { action: include ? "include" : "exclude", variant_ids: [variantId] },
      {
        onSuccess: () => toast.success(include ? "The variant will be sent to Meta" : "The variant will be removed from Meta"),
        onError: (e) => toast.error(e.message),
      }
    )

  return (
    <Container className="divide-y p-0" data-testid="meta-product-catalog">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Meta catalog</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Each variant is one item in the Meta catalog (Facebook and Instagram shops, catalog ads).
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          isLoading={action.isPending && action.variables?.action === "sync"}
          disabled={product.status !== "published" || !canSync}
          title={!canSync && readiness ? readiness.title : undefined}
          onClick={onSync}
        >
          Sync now
        </Button>
      </div>
      {readiness && readiness.state !== "ready" && (
        <div className="px-6 py-4">
          <MetaFeatureNotice readiness={readiness} />
        </div>
      )}
      {isPending && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {isError && <SectionError what="The Meta catalog status" message={error?.message ?? "Unknown error"} onRetry={() => refetch()} />}
      {data && product.status !== "published" && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          Only published products are sent to Meta.
        </Text>
      )}
      {data && rows.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Variant</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Last sync</Table.HeaderCell>
              <Table.HeaderCell>Errors and fix</Table.HeaderCell>
              <Table.HeaderCell className="text-right">In Meta</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => {
              const status = row.item ? CATALOG_STATUS[row.item.status] : { label: "Not synced yet", color: "grey" as const }
              return (
                <Table.Row key={row.id}>
                  <Table.Cell>
                    <Text size="small">{row.title}</Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {row.item?.retailer_id ?? row.sku ?? row.id}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={status.color}>{status.label}</StatusBadge>
                    {row.item?.pending && row.item.status !== "pending" && (
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        Change waiting to be sent
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {row.item?.last_synced_at ? (
                      <Text size="small" title={formatDateTime(row.item.last_synced_at)}>
                        {formatRelative(row.item.last_synced_at)}
                      </Text>
                    ) : (
                      <Text size="small">Never</Text>
                    )}
                  </Table.Cell>
                  <Table.Cell className="max-w-xs whitespace-normal">
                    {row.item ? <CatalogItemErrors item={row.item} /> : "—"}
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <Switch
                      aria-label={`Send ${row.title} to Meta`}
                      checked={!row.item?.excluded}
                      disabled={action.isPending}
                      onCheckedChange={(checked) => onToggle(row.id, checked)}
                    />
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
      <div className="flex justify-end px-6 py-4">
        <Button size="small" variant="transparent" asChild>
          <Link to="/meta/catalog?status=needs_attention">All items that need attention</Link>
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductMetaCatalogWidget
