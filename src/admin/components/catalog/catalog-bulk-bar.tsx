import { Button, Text } from "@medusajs/ui"
import type { MetaCatalogBulkAction } from "../../hooks/api/catalog"

type Props = {
  count: number
  busy: MetaCatalogBulkAction | null
  /** Why "Sync selected" would send nothing now (catalog sync not ready); null when it can. */
  syncBlocked: string | null
  onAction: (action: MetaCatalogBulkAction) => void
  onClear: () => void
}

/** What can be done with the selected rows: exclude, include, sync now. */
export const CatalogBulkBar = ({ count, busy, syncBlocked, onAction, onClear }: Props) => (
  <div className="bg-ui-bg-subtle flex flex-wrap items-center justify-between gap-2 px-6 py-3" data-testid="meta-catalog-bulk-bar">
    <Text size="small" weight="plus">
      {count === 1 ? "1 variant selected" : `${count.toLocaleString()} variants selected`}
    </Text>
    <div className="flex flex-wrap items-center gap-2">
      {syncBlocked && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="meta-catalog-bulk-sync-blocked">
          {syncBlocked}
        </Text>
      )}
      <Button size="small" variant="secondary" disabled={!!busy} isLoading={busy === "exclude"} onClick={() => onAction("exclude")}>
        Exclude
      </Button>
      <Button size="small" variant="secondary" disabled={!!busy} isLoading={busy === "include"} onClick={() => onAction("include")}>
        Include
      </Button>
      <Button size="small" variant="secondary" disabled={!!busy || !!syncBlocked} isLoading={busy === "sync"} onClick={() => onAction("sync")}>
        Sync selected
      </Button>
      <Button size="small" variant="transparent" disabled={!!busy} onClick={onClear}>
        Clear selection
      </Button>
    </div>
  </div>
)
