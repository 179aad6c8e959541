import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingBag } from "@medusajs/icons"
import { Container, Heading, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { CatalogItemErrors } from "../../../components/catalog/catalog-item-errors"
import { CATALOG_STATUS, CATALOG_STATUS_FILTERS } from "../../../components/catalog/catalog-status"
import { SectionError } from "../../../components/webhooks/section-error"
import { META_CATALOG_PAGE_SIZE, useMetaCatalogItems } from "../../../hooks/api/catalog"
import { formatRelative } from "../../../lib/format-date"
import type { MetaCatalogItemStatus } from "../../../types/meta-catalog"
import { OffsetPagination } from "../../../components/offset-pagination"

const isStatus = (value: string | null): value is MetaCatalogItemStatus =>
  !!value && (CATALOG_STATUS_FILTERS as string[]).includes(value)

/** The catalog items by status — first of all the ones a merchant must fix before Meta can show them. */
const MetaCatalogPage = () => {
  const [params, setParams] = useSearchParams()
  const requested = params.get("status")
  const status = requested === "all" ? undefined : isStatus(requested) ? requested : "needs_attention"
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const { data, isPending, isError, error, refetch } = useMetaCatalogItems(status, offset)

  const setStatus = (value: string) => setParams({ status: value })
  const setOffset = (value: number) => setParams({ status: status ?? "all", offset: String(value) })

  return (
    <Container className="divide-y p-0" data-testid="meta-catalog-items">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Meta catalog</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Items Meta does not show as they should, with what to fix in Medusa. Fixed items are sent again
            automatically.
          </Text>
        </div>
        <div className="w-48">
          <Select size="small" value={status ?? "all"} onValueChange={setStatus}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">All statuses</Select.Item>
              {CATALOG_STATUS_FILTERS.map((value) => (
                <Select.Item key={value} value={value}>
                  {CATALOG_STATUS[value].label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {isPending && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {isError && <SectionError what="The catalog items" message={error.message} onRetry={() => refetch()} />}
      {data && data.count === 0 && (
        <Text className="px-6 py-4 text-ui-fg-subtle">
          {status ? `No items with status "${CATALOG_STATUS[status].label}".` : "No catalog items yet."}
        </Text>
      )}
      {data && data.count > 0 && (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Item</Table.HeaderCell>
                <Table.HeaderCell>Product</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Reason and fix</Table.HeaderCell>
                <Table.HeaderCell>Last sync</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell>
                    <Text size="small">{item.retailer_id ?? item.variant_id}</Text>
                    {item.excluded && (
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        Excluded
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {item.product_id ? (
                      <Link className="text-ui-fg-interactive" to={`/products/${item.product_id}`}>
                        {item.product_id}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={CATALOG_STATUS[item.status].color}>{CATALOG_STATUS[item.status].label}</StatusBadge>
                  </Table.Cell>
                  <Table.Cell className="max-w-md whitespace-normal">
                    <CatalogItemErrors item={item} />
                  </Table.Cell>
                  <Table.Cell>{item.last_synced_at ? formatRelative(item.last_synced_at) : "Never"}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <OffsetPagination count={data.count} offset={offset} pageSize={META_CATALOG_PAGE_SIZE} onOffsetChange={setOffset} />
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Meta catalog",
  icon: ShoppingBag,
})

export default MetaCatalogPage
