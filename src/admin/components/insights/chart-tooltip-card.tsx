import type { ReactNode } from "react"

type Row = { label: string; value: ReactNode; color?: string }

/** A chart's hover card, dressed like @medusajs/ui's Tooltip so the charts read as part of the admin. */
export const ChartTooltipCard = ({ title, rows }: { title: ReactNode; rows: Row[] }) => (
  <div className="bg-ui-bg-base shadow-elevation-tooltip txt-compact-xsmall flex min-w-32 flex-col gap-y-1 rounded-lg px-2.5 py-1.5">
    <span className="txt-compact-xsmall-plus text-ui-fg-base">{title}</span>
    {rows.map((row) => (
      <span key={row.label} className="text-ui-fg-subtle flex items-center justify-between gap-x-3">
        <span className="flex items-center gap-x-1.5">
          {row.color && <span className="size-2 rounded-full" style={{ backgroundColor: row.color }} />}
          {row.label}
        </span>
        <span className="text-ui-fg-base tabular-nums">{row.value}</span>
      </span>
    ))}
  </div>
)
