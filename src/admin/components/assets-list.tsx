import { Badge, Table, Text } from "@medusajs/ui"
import { ASSET_TYPE_LABEL } from "../lib/meta-labels"
import type { MetaAsset, MetaSelectedAssets } from "../../types/http/connection"

type AssetsListProps = {
  assets: MetaAsset[]
  selected: MetaSelectedAssets
}

// Everything discovery found with the connection's token, whether or not it
// is selected.
export const AssetsList = ({ assets, selected }: AssetsListProps) => {
  const selectedIds = new Set(Object.values(selected).filter((id): id is string => !!id))

  if (!assets.length) {
    return (
      <div className="px-6 py-4" data-testid="meta-assets">
        <Text size="small" className="text-ui-fg-subtle">
          No assets were found for this connection. Check that the account has access to a business in Meta
          Business settings, then run a health check.
        </Text>
      </div>
    )
  }

  return (
    <div data-testid="meta-assets">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Name</Table.HeaderCell>
            <Table.HeaderCell>Type</Table.HeaderCell>
            <Table.HeaderCell>ID</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {assets.map((asset) => (
            <Table.Row key={asset.id} data-testid={`meta-asset-${asset.meta_id}`}>
              <Table.Cell>{asset.name}</Table.Cell>
              <Table.Cell>{ASSET_TYPE_LABEL[asset.type] ?? asset.type}</Table.Cell>
              <Table.Cell className="text-ui-fg-subtle">{asset.meta_id}</Table.Cell>
              <Table.Cell className="text-right">
                {selectedIds.has(asset.meta_id) && (
                  <Badge size="2xsmall" color="green">
                    Selected
                  </Badge>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
