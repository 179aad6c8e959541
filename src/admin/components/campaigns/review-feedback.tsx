import { Alert, Text } from "@medusajs/ui"
import { reviewFeedbackLines } from "./campaigns-format"

/** Why Meta rejected an ad or limits its delivery, per placement, as Meta worded it. */
export const ReviewFeedback = ({ feedback, testId }: { feedback: Record<string, unknown> | null; testId?: string }) => {
  const lines = reviewFeedbackLines(feedback)
  if (lines.length === 0) return null
  return (
    <Alert variant="warning" data-testid={testId}>
      <Text size="small" weight="plus">
        Meta's review
      </Text>
      <ul className="flex flex-col gap-y-1">
        {lines.map((line, index) => (
          <li key={index}>
            <Text size="small">
              <span className="txt-compact-small-plus">{line.reason || line.where}</span>
              {line.reason && line.where !== "All placements" && <span className="text-ui-fg-subtle"> ({line.where})</span>}
              {": "}
              {line.detail}
            </Text>
          </li>
        ))}
      </ul>
    </Alert>
  )
}
