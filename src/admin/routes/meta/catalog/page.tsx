import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { CatalogItemErrors } from "../../../components/catalog/catalog-item-errors"
import { CATALOG_STATUS, CATALOG_STATUS_FILTERS } from "../../../components/catalog/catalog-status"
import { META_CATALOG_PAGE_SIZE, useMetaCatalogItems } from "../../../hooks/api/catalog"
import { formatRelative } from "../../../lib/format-date"
import type { MetaCatalogItemStatus } from "../../../../types/http/catalog"
import { FilterSelect } from "../../../components/list/filter-select"
import { ListStates } from "../../../components/list/list-states"
import { OffsetPagination } from "../../../components/offset-pagination"

const isStatus = (value: string | null): value is MetaCatalogItemStatus =>
  !!value && (CATALOG_STATUS_FILTERS as string[]).includes(value)

/** The catalog items by status — first of all the ones a merchant must fix before Meta can show them. */
const MetaCatalogPage = () => {
  const [params, setParams] = useSearchParams()
  const requested = params.get("status")
  const status = requested === "all" ? undefined : isStatus(requested) ? requested : "needs_attention"
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const query = useMetaCatalogItems(status, offset)
  const { data } = query

  const setStatus = (value: string | undefined) => setParams({ status: value ?? "all" })
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
        <FilterSelect
          className="w-48"
          value={status}
          all="All statuses"
          options={CATALOG_STATUS_FILTERS.map((value) => ({ value, label: CATALOG_STATUS[value].label }))}
          onChange={setStatus}
        />
      </div>
      <ListStates
        query={query}
        count={data?.count}
        what="The catalog items"
        empty={status ? `No items with status "${CATALOG_STATUS[status].label}".` : "No catalog items yet."}
      >
        {data && (
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
      </ListStates>
    </Container>
  )
}

// A sub-item of the "Meta" sidebar entry (routes/meta/page.tsx): nested by its path, ordered by rank.
export const config = defineRouteConfig({
  label: "Catalog",
  rank: 10,
})

export default MetaCatalogPage
