import { XMarkMini } from "@medusajs/icons"
import { Badge, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { useProductsForPublishing, useProductTitles } from "../../hooks/api/publishing"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import type { PublishingProduct } from "./compose-form"

const SEARCH_DELAY_MS = 300

type Props = {
  productIds: string[]
  onPick: (product: PublishingProduct) => void
  onRemove: (productId: string) => void
}

const ProductResults = ({ search, productIds, onPick }: { search: string } & Omit<Props, "onRemove">) => {
  const { data, isPending, isError, error } = useProductsForPublishing(search)
  if (isPending) return <Text size="small" className="text-ui-fg-subtle px-3 py-2">Searching…</Text>
  if (isError) return <Text size="small" className="text-ui-fg-error px-3 py-2">{error.message}</Text>
  if (!data.products.length) return <Text size="small" className="text-ui-fg-subtle px-3 py-2">No product matches.</Text>
  return (
    <ul className="max-h-64 overflow-y-auto">
      {data.products.map((product) => (
        <li key={product.id}>
          <button
            type="button"
            disabled={productIds.includes(product.id)}
            onClick={() => onPick(product)}
            className="hover:bg-ui-bg-base-hover flex w-full items-center gap-x-3 px-3 py-2 text-left disabled:opacity-50"
          >
            {product.thumbnail ? (
              <img src={product.thumbnail} alt="" className="size-8 rounded object-cover" />
            ) : (
              <span className="bg-ui-bg-component size-8 rounded" />
            )}
            <Text size="small" className="truncate">
              {product.title}
            </Text>
          </button>
        </li>
      ))}
    </ul>
  )
}

/** Links products: search Medusa's products; a pick brings its images and (if empty) the caption. */
export const ProductPicker = ({ productIds, onPick, onRemove }: Props) => {
  const [query, setQuery] = useState("")
  const search = useDebouncedValue(query.trim(), SEARCH_DELAY_MS)
  const titles = useProductTitles(productIds)
  const titleOf = (id: string) => titles.data?.products.find((p) => p.id === id)?.title ?? id

  return (
    <div className="flex flex-col gap-y-2" data-testid="meta-compose-products">
      <Label size="small" weight="plus" htmlFor="meta-compose-product-search">
        Products
      </Label>
      {productIds.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {productIds.map((id) => (
            <Badge key={id} size="small" color="grey" className="gap-x-1">
              {titleOf(id)}
              <button type="button" aria-label={`Unlink ${titleOf(id)}`} onClick={() => onRemove(id)}>
                <XMarkMini />
              </button>
            </Badge>
          ))}
        </div>
      )}
      <Input
        id="meta-compose-product-search"
        size="small"
        type="search"
        placeholder="Search products to link"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {search && (
        <div className="shadow-borders-base rounded-md">
          <ProductResults
            search={search}
            productIds={productIds}
            onPick={(product) => {
              setQuery("")
              onPick(product)
            }}
          />
        </div>
      )}
    </div>
  )
}
