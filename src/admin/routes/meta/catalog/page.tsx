import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text, toast } from "@medusajs/ui"
import { useCallback, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { readCatalogListParams, writeCatalogListParams, type CatalogListParams } from "../../../../lib/catalog/catalog-list-params"
import type { MetaCatalogItemOrder } from "../../../../types/http/catalog"
import { CatalogBulkBar } from "../../../components/catalog/catalog-bulk-bar"
import { CatalogItemsTable } from "../../../components/catalog/catalog-items-table"
import { CatalogItemsToolbar } from "../../../components/catalog/catalog-items-toolbar"
import { CatalogSection } from "../../../components/catalog/catalog-section"
import { CATALOG_STATUS } from "../../../components/catalog/catalog-status"
import { ListStates } from "../../../components/list/list-states"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../../../components/meta-feature-notice"
import { OffsetPagination } from "../../../components/offset-pagination"
import {
  META_CATALOG_PAGE_SIZE,
  useMetaCatalogBulkAction,
  useMetaCatalogItems,
  useMetaCatalogWholeProduct,
  type MetaCatalogBulkAction,
} from "../../../hooks/api/catalog"

const variants = (n: number) => (n === 1 ? "1 variant" : `${n.toLocaleString()} variants`)

/** The toast after a bulk action, saying what happens at Meta (or that nothing does until catalog sync is ready). */
function bulkDoneMessage(action: MetaCatalogBulkAction, updated: number, ready: boolean): string {
  if (action === "sync") return `${variants(updated)} checked and sent to Meta where they changed.`
  const verb = action === "exclude" ? "excluded" : "included"
  const atMeta = action === "exclude" ? "removed from Meta's catalog" : "sent to Meta's catalog"
  return ready ? `${variants(updated)} ${verb}: they are ${atMeta} within seconds.` : `${variants(updated)} ${verb}: they are ${atMeta} once catalog sync is ready.`
}

function emptyMessage(list: CatalogListParams): string {
  if (list.q) return `No catalog item matches "${list.q.trim()}"${list.status ? ` with status "${CATALOG_STATUS[list.status].label}"` : ""}.`
  if (list.status) return `No items with status "${CATALOG_STATUS[list.status].label}".`
  if (list.excluded !== undefined) return list.excluded ? "No variant is excluded." : "No included items."
  return "No catalog items yet: they appear as soon as products are created or a full sync runs."
}

/**
 * The Meta catalog: totals and the full sync, then every item by product and variant name — search,
 * filters, sorting, a link to the place that fixes each problem, whole-product and bulk include/exclude,
 * and "sync selected". Above it all, the readiness notice when catalog sync cannot send.
 */
const MetaCatalogPage = () => {
  const { readiness } = useMetaFeatureReadiness("catalog")
  const ready = readiness?.state === "ready"
  const [params, setParams] = useSearchParams()
  const list = readCatalogListParams(params)
  const query = useMetaCatalogItems({ ...list, q: list.q.trim(), order: list.order as MetaCatalogItemOrder })
  const { data } = query
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const bulk = useMetaCatalogBulkAction()
  const wholeProduct = useMetaCatalogWholeProduct()

  const change = useCallback(
    (next: Partial<CatalogListParams>) => {
      const current = readCatalogListParams(params)
      // A new filter, search or order starts again at the first page, with nothing selected.
      setParams(writeCatalogListParams({ ...current, ...next, offset: next.offset ?? 0 }))
      if (next.offset === undefined) setSelected(new Set())
    },
    [params, setParams]
  )

  const toggle = (variantId: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous)
      if (on) next.add(variantId)
      else next.delete(variantId)
      return next
    })

  const togglePage = (on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous)
      for (const item of data?.items ?? []) {
        if (!item.variant) continue
        if (on) next.add(item.variant_id)
        else next.delete(item.variant_id)
      }
      return next
    })

  const runBulk = (action: MetaCatalogBulkAction) =>
    bulk.mutate(
      { action, variant_ids: [...selected] },
      {
        onSuccess: ({ updated }) => {
          toast.success(bulkDoneMessage(action, updated, ready))
          setSelected(new Set())
        },
        onError: (e) => toast.error(e.message),
      }
    )

  const runWholeProduct = (productId: string, action: "include" | "exclude") =>
    wholeProduct.mutate(
      { productId, action },
      {
        onSuccess: ({ items }) => toast.success(bulkDoneMessage(action, items.length, ready)),
        onError: (e) => toast.error(e.message),
      }
    )

  const syncBlocked = readiness && !ready ? `${readiness.title}: "Sync selected" would send nothing.` : null

  return (
    <div className="flex flex-col gap-y-3">
      <MetaFeatureNotice readiness={readiness} />
      <CatalogSection linkToList={false} />
      <Container className="divide-y p-0" data-testid="meta-catalog-items">
        <div className="px-6 py-4">
          <Heading>Catalog items</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every variant as Meta's catalog knows it, with what to fix in Medusa when Meta cannot show it. Fixed items are
            sent again automatically.
            {data ? ` ${variants(data.count)}${list.q || list.status || list.excluded !== undefined ? " match" : ""}.` : ""}
          </Text>
        </div>
        <CatalogItemsToolbar list={list} onChange={change} />
        {selected.size > 0 && (
          <CatalogBulkBar
            count={selected.size}
            busy={bulk.isPending ? bulk.variables?.action ?? null : null}
            syncBlocked={syncBlocked}
            onAction={runBulk}
            onClear={() => setSelected(new Set())}
          />
        )}
        <ListStates query={query} count={data?.count} what="The catalog items" empty={emptyMessage(list)}>
          {data && (
            <>
              <CatalogItemsTable
                items={data.items}
                selected={selected}
                onToggle={toggle}
                onTogglePage={togglePage}
                busy={wholeProduct.isPending}
                onWholeProduct={runWholeProduct}
              />
              <OffsetPagination
                count={data.count}
                offset={list.offset}
                pageSize={META_CATALOG_PAGE_SIZE}
                onOffsetChange={(offset) => change({ offset })}
              />
            </>
          )}
        </ListStates>
      </Container>
    </div>
  )
}

// A sub-item of the "Meta" sidebar entry (routes/meta/page.tsx): nested by its path, ordered by rank.
export const config = defineRouteConfig({
  label: "Catalog",
  rank: 10,
})

export default MetaCatalogPage
