import { Text } from "@medusajs/ui"
import type { MetaCatalogItem } from "../../../types/http/catalog"

/** Why an item is not in Meta as it should be, and what to change in Medusa. */
export const CatalogItemErrors = ({ item }: { item: MetaCatalogItem }) => {
  if (!item.errors.length) {
    return <Text size="small" className="text-ui-fg-subtle">—</Text>
  }
  return (
    <ul className="flex flex-col gap-y-1">
      {item.errors.map((error, index) => (
        <li key={index}>
          <Text size="small" className="text-ui-fg-error">
            {error.field ? `${error.field}: ` : ""}
            {error.message}
          </Text>
          {error.hint && error.hint !== error.message && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {error.hint}
            </Text>
          )}
        </li>
      ))}
    </ul>
  )
}
