import { Alert, Button, Container, Heading, InlineTip, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { pageInstagramMismatch } from "../../lib/connection/select-assets"
import { useUpdateMetaAssets } from "../hooks/api/connection"
import { ASSET_TYPES } from "../lib/meta-labels"
import type { MetaConnection, MetaConnectionAssetsBody } from "../../types/http/connection"
import { AssetPicker } from "./asset-picker"
import { AssetsList } from "./assets-list"

export const AssetsSection = ({ connection }: { connection: MetaConnection }) => {
  // Only the pickers the merchant changed are sent, so saving one choice never
  // overwrites another made elsewhere in the meantime.
  const [changes, setChanges] = useState<MetaConnectionAssetsBody>({})
  const hasChanges = Object.keys(changes).length > 0
  const chosen = (field: keyof MetaConnectionAssetsBody) =>
    field in changes ? changes[field] ?? null : connection.selected[field]
  // The server refuses the pair too; saying so before Save keeps the merchant's other choices on screen.
  const mismatch = pageInstagramMismatch(
    { page_id: chosen("page_id"), instagram_account_id: chosen("instagram_account_id") },
    connection.assets
  )

  const { mutate, isPending } = useUpdateMetaAssets({
    onSuccess: () => {
      setChanges({})
      toast.success("Meta assets saved")
    },
    onError: (error) => toast.error("Could not save the Meta assets", { description: error.message }),
  })

  return (
    <Container className="divide-y p-0" data-testid="meta-assets-section">
      <div className="px-6 py-4">
        <Heading level="h2">Assets</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Choose which business, Page, Instagram account, ad account, pixel and catalog this store uses.
        </Text>
      </div>

      {connection.auto_setup.error && (
        <div className="px-6 py-4">
          <InlineTip label="Automatic setup" variant="warning" data-testid="meta-auto-setup-error">
            {connection.auto_setup.error}
          </InlineTip>
        </div>
      )}

      <div className="py-1">
        {ASSET_TYPES.map(({ type, field, label, placeholder }) => (
          <AssetPicker
            key={type}
            id={`meta-asset-select-${type}`}
            label={label}
            placeholder={placeholder}
            assets={connection.assets.filter((asset) => asset.type === type)}
            value={chosen(field)}
            onChange={(value) => setChanges((prev) => ({ ...prev, [field]: value }))}
            disabled={isPending}
          />
        ))}
      </div>

      {mismatch && (
        <div className="px-6 py-4">
          <Alert variant="warning" data-testid="meta-assets-mismatch">
            {mismatch}
          </Alert>
        </div>
      )}

      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        <Button
          size="small"
          variant="secondary"
          onClick={() => setChanges({})}
          disabled={!hasChanges || isPending}
        >
          Reset
        </Button>
        <Button
          size="small"
          onClick={() => mutate(changes)}
          disabled={!hasChanges || (!!mismatch && ("page_id" in changes || "instagram_account_id" in changes))}
          isLoading={isPending}
          data-testid="meta-assets-save"
        >
          Save
        </Button>
      </div>

      <AssetsList assets={connection.assets} selected={connection.selected} />
    </Container>
  )
}
