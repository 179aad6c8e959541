import { Input, Select } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { CatalogListParams } from "../../../lib/catalog/catalog-list-params"
import type { MetaCatalogItemOrder } from "../../../types/http/catalog"
import { FilterSelect } from "../list/filter-select"
import { CATALOG_STATUS, CATALOG_STATUS_FILTERS } from "./catalog-status"

const ORDERS: { value: MetaCatalogItemOrder; label: string }[] = [
  { value: "status", label: "Problems first" },
  { value: "title", label: "Product A–Z" },
  { value: "-title", label: "Product Z–A" },
  { value: "-updated_at", label: "Recently changed" },
  { value: "last_synced_at", label: "Synced longest ago" },
  { value: "-last_synced_at", label: "Synced most recently" },
]

/** Typing pauses this long before the list is asked again. */
const SEARCH_DEBOUNCE_MS = 300

type Props = {
  list: CatalogListParams
  onChange: (change: Partial<CatalogListParams>) => void
}

/** Search (product title, SKU, Meta id), status and exclusion filters, and the order. */
export const CatalogItemsToolbar = ({ list, onChange }: Props) => {
  const [text, setText] = useState(list.q)
  useEffect(() => setText(list.q), [list.q])
  useEffect(() => {
    if (text === list.q) return
    const timer = setTimeout(() => onChange({ q: text }), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, list.q, onChange])

  return (
    <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="meta-catalog-toolbar">
      <Input
        type="search"
        size="small"
        className="w-64"
        placeholder="Search product, SKU or Meta id"
        aria-label="Search the catalog items by product title, SKU or Meta id"
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
      />
      <FilterSelect
        className="w-44"
        testId="meta-catalog-status-filter"
        value={list.status}
        all="All statuses"
        options={CATALOG_STATUS_FILTERS.map((value) => ({ value, label: CATALOG_STATUS[value].label }))}
        onChange={(status) => onChange({ status: status as CatalogListParams["status"] })}
      />
      <FilterSelect
        className="w-40"
        testId="meta-catalog-excluded-filter"
        value={list.excluded === undefined ? undefined : String(list.excluded)}
        all="Included and excluded"
        options={[
          { value: "false", label: "Included" },
          { value: "true", label: "Excluded" },
        ]}
        onChange={(value) => onChange({ excluded: value === undefined ? undefined : value === "true" })}
      />
      <div className="w-48" data-testid="meta-catalog-order">
        <Select size="small" value={list.order} onValueChange={(order) => onChange({ order })}>
          <Select.Trigger aria-label="Sort the catalog items">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {ORDERS.map((o) => (
              <Select.Item key={o.value} value={o.value}>
                {o.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
    </div>
  )
}
