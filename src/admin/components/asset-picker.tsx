import { Label, Select } from "@medusajs/ui"
import type { MetaAsset } from "../../types/http/connection"

// Radix Select keeps the empty value for "nothing selected" (shows the
// placeholder), so clearing goes through this item; Meta ids are numeric or
// `act_<digits>`, so it never collides with one.
const NO_ASSET = "__none__"

type AssetPickerProps = {
  id: string
  label: string
  placeholder: string
  assets: MetaAsset[]
  value: string | null
  onChange: (value: string | null) => void
  disabled?: boolean
}

export const AssetPicker = ({ id, label, placeholder, assets, value, onChange, disabled }: AssetPickerProps) => {
  // Keep a selection the last discovery no longer returned visible, by id.
  const unlistedValue = value !== null && !assets.some((asset) => asset.meta_id === value) ? value : null
  const isEmpty = !assets.length && value === null

  return (
    <div className="text-ui-fg-subtle grid grid-cols-2 items-center gap-x-4 px-6 py-3">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Select
        size="small"
        value={value ?? ""}
        onValueChange={(next) => onChange(next === NO_ASSET ? null : next)}
        disabled={disabled || isEmpty}
      >
        <Select.Trigger id={id} data-testid={id}>
          <Select.Value placeholder={isEmpty ? "None found" : placeholder} />
        </Select.Trigger>
        <Select.Content>
          {value !== null && <Select.Item value={NO_ASSET}>None</Select.Item>}
          {unlistedValue && <Select.Item value={unlistedValue}>{unlistedValue}</Select.Item>}
          {assets.map((asset) => (
            <Select.Item key={asset.meta_id} value={asset.meta_id}>
              {asset.name}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}
