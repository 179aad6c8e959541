import { Select } from "@medusajs/ui"

type Props = {
  /** The chosen option; undefined shows the "all" entry. */
  value: string | undefined
  /** Label of the entry that clears the filter, e.g. "All statuses". */
  all: string
  options: { value: string; label: string }[]
  onChange: (value: string | undefined) => void
  testId?: string
  className?: string
}

/** A list's filter: one option or all of them. */
export const FilterSelect = ({ value, all, options, onChange, testId, className = "w-44" }: Props) => (
  <div className={className} data-testid={testId}>
    <Select size="small" value={value ?? "all"} onValueChange={(v) => onChange(v === "all" ? undefined : v)}>
      <Select.Trigger>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value="all">{all}</Select.Item>
        {options.map((o) => (
          <Select.Item key={o.value} value={o.value}>
            {o.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)
