import { Text } from "@medusajs/ui"
import { ReactNode } from "react"

type SectionRowProps = {
  title: string
  value: ReactNode
  testId?: string
}

// A label/value row as on the dashboard's detail pages.
export const SectionRow = ({ title, value, testId }: SectionRowProps) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4">
    <Text size="small" leading="compact" weight="plus">
      {title}
    </Text>
    {typeof value === "string" ? (
      <Text size="small" leading="compact" className="text-pretty" data-testid={testId}>
        {value}
      </Text>
    ) : (
      <div className="flex flex-wrap items-center gap-1" data-testid={testId}>
        {value}
      </div>
    )}
  </div>
)
