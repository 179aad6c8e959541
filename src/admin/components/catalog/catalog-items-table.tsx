import { EllipsisHorizontal, Photo } from "@medusajs/icons"
import { Button, Checkbox, Copy, DropdownMenu, IconButton, StatusBadge, Table, Text, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaCatalogListItem } from "../../../types/http/catalog"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import { CatalogItemErrors } from "./catalog-item-errors"
import { CATALOG_STATUS } from "./catalog-status"

const ProductThumbnail = ({ src }: { src: string | null }) =>
  src ? (
    <img src={src} alt="" className="h-8 w-6 shrink-0 rounded-sm object-cover" />
  ) : (
    <div className="bg-ui-bg-component flex h-8 w-6 shrink-0 items-center justify-center rounded-sm" aria-hidden>
      <Photo className="text-ui-fg-subtle" />
    </div>
  )

/** The variant as the merchant names it: its title and SKU; the variant id only when Medusa no longer has it. */
const VariantCell = ({ item }: { item: MetaCatalogListItem }) => {
  if (!item.variant) {
    return (
      <div className="flex flex-col">
        <Text size="small" className="text-ui-fg-subtle">
          Variant deleted in Medusa
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          {item.retailer_id ?? item.variant_id}
        </Text>
      </div>
    )
  }
  return (
    <div className="flex flex-col">
      <Text size="small">{item.variant.title ?? "Untitled variant"}</Text>
      <div className="flex items-center gap-x-1">
        <Text size="xsmall" className="text-ui-fg-subtle">
          {item.variant.sku ? `SKU ${item.variant.sku}` : "No SKU"}
        </Text>
        {item.retailer_id && item.retailer_id !== item.variant.sku && (
          <Text size="xsmall" className="text-ui-fg-muted">
            · Meta id {item.retailer_id}
          </Text>
        )}
      </div>
    </div>
  )
}

const ProductCell = ({ item }: { item: MetaCatalogListItem }) => {
  if (!item.product) {
    return (
      <div className="flex items-center gap-x-3">
        <ProductThumbnail src={null} />
        <div className="flex flex-col">
          <Text size="small" className="text-ui-fg-subtle">
            {item.product_id ? "Product deleted in Medusa" : "Not a Medusa product (left in Meta's catalog)"}
          </Text>
          {item.product_id && (
            <Text size="xsmall" className="text-ui-fg-muted">
              {item.product_id}
            </Text>
          )}
        </div>
      </div>
    )
  }
  return (
    <div className="flex items-center gap-x-3">
      <ProductThumbnail src={item.product.thumbnail} />
      <div className="flex min-w-0 flex-col">
        <Link className="text-ui-fg-interactive txt-compact-small truncate" to={`/products/${item.product.id}`}>
          {item.product.title}
        </Link>
        <div className="flex items-center gap-x-1">
          <Text size="xsmall" className="text-ui-fg-muted truncate">
            {item.product.id}
          </Text>
          <Copy content={item.product.id} className="text-ui-fg-muted" />
        </div>
      </div>
    </div>
  )
}

type RowMenuProps = {
  item: MetaCatalogListItem
  busy: boolean
  onWholeProduct: (productId: string, action: "include" | "exclude") => void
}

/** Whole-product include/exclude: every variant of the row's product at once. */
const RowMenu = ({ item, busy, onWholeProduct }: RowMenuProps) => {
  if (!item.product) return null
  const productId = item.product.id
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={`Actions for ${item.product.title}`} disabled={busy}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        <DropdownMenu.Item onClick={() => onWholeProduct(productId, "exclude")}>Exclude the whole product</DropdownMenu.Item>
        <DropdownMenu.Item onClick={() => onWholeProduct(productId, "include")}>Include the whole product</DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}

type CatalogItemsTableProps = {
  items: MetaCatalogListItem[]
  selected: Set<string>
  onToggle: (variantId: string, on: boolean) => void
  onTogglePage: (on: boolean) => void
  busy: boolean
  onWholeProduct: RowMenuProps["onWholeProduct"]
}

/** The catalog list's rows: product and variant by name, status, what is wrong with a link to fix it, last sync. */
export const CatalogItemsTable = ({ items, selected, onToggle, onTogglePage, busy, onWholeProduct }: CatalogItemsTableProps) => {
  // A row whose variant Medusa no longer has cannot be included, excluded or synced: it only waits for Meta to drop it.
  const selectable = items.filter((item) => item.variant)
  const onPage = selectable.filter((item) => selected.has(item.variant_id)).length
  const pageState = onPage === 0 ? false : onPage === selectable.length ? true : "indeterminate"
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell className="w-10">
            <Checkbox
              aria-label="Select every row on this page"
              disabled={!selectable.length}
              checked={pageState}
              onCheckedChange={(value) => onTogglePage(value === true)}
            />
          </Table.HeaderCell>
          <Table.HeaderCell>Product</Table.HeaderCell>
          <Table.HeaderCell>Variant</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Reason and fix</Table.HeaderCell>
          <Table.HeaderCell>Last sync</Table.HeaderCell>
          <Table.HeaderCell className="w-10" />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {items.map((item) => (
          <Table.Row key={item.id} data-testid="meta-catalog-item-row" data-status={item.status}>
            <Table.Cell>
              <Checkbox
                aria-label={`Select ${item.product?.title ?? "item"} ${item.variant?.title ?? ""}`.trim()}
                disabled={!item.variant}
                checked={selected.has(item.variant_id)}
                onCheckedChange={(value) => onToggle(item.variant_id, value === true)}
              />
            </Table.Cell>
            <Table.Cell className="max-w-xs">
              <ProductCell item={item} />
            </Table.Cell>
            <Table.Cell>
              <VariantCell item={item} />
            </Table.Cell>
            <Table.Cell>
              <div className="flex flex-col items-start gap-y-1">
                <StatusBadge color={CATALOG_STATUS[item.status].color}>{CATALOG_STATUS[item.status].label}</StatusBadge>
                {item.excluded && (
                  <Tooltip content="Kept out of Meta's catalog: include it to send it again.">
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      Excluded
                    </Text>
                  </Tooltip>
                )}
              </div>
            </Table.Cell>
            <Table.Cell className="max-w-md whitespace-normal">
              <div className="flex flex-col items-start gap-y-1">
                <CatalogItemErrors item={item} />
                {item.fix && (
                  <Button size="small" variant="transparent" className="text-ui-fg-interactive px-0" asChild>
                    <Link to={item.fix.to}>{item.fix.label}</Link>
                  </Button>
                )}
              </div>
            </Table.Cell>
            <Table.Cell>
              {item.last_synced_at ? (
                <span title={formatDateTime(item.last_synced_at)}>{formatRelative(item.last_synced_at)}</span>
              ) : (
                "Never"
              )}
            </Table.Cell>
            <Table.Cell>
              <RowMenu item={item} busy={busy} onWholeProduct={onWholeProduct} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
