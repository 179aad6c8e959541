import { clx, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

type Props = {
  label: string
  value: string
  /** The screen that explains the number. */
  to: string
  /** "attention": shown in red when the number is not zero (failures, errors). */
  tone?: "attention"
  testId: string
}

const isZero = (value: string) => /^[^1-9]*$/.test(value)

/** One figure of the overview: the number, what it counts, and a link to the screen behind it. */
export const OverviewFigure = ({ label, value, to, tone, testId }: Props) => (
  <Link
    to={to}
    data-testid={testId}
    className="hover:bg-ui-bg-base-hover focus-visible:shadow-borders-focus flex flex-col gap-y-0.5 rounded-md px-3 py-2 outline-none transition-colors"
  >
    <span
      className={clx("txt-compact-large-plus tabular-nums", tone === "attention" && !isZero(value) ? "text-ui-fg-error" : "text-ui-fg-base")}
    >
      {value}
    </span>
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
  </Link>
)

/** A section's row of figures (or why there are none). */
export const FigureRow = ({ title, children, note }: { title: string; children: React.ReactNode; note?: React.ReactNode }) => (
  <div className="flex flex-col gap-y-1 px-6 py-4">
    <Text size="small" weight="plus">
      {title}
    </Text>
    {note && (
      <Text size="small" className="text-ui-fg-subtle">
        {note}
      </Text>
    )}
    <div className="-mx-3 grid grid-cols-2 gap-1 md:grid-cols-4">{children}</div>
  </div>
)
