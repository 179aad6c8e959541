import { Button, Hint, Skeleton, Text, Tooltip } from "@medusajs/ui"
import { useMemo } from "react"
import { useMetaBestTimes } from "../../hooks/api/insights"
import { suggestedTimes } from "./best-time-slots"

type Props = {
  accountId: string
  /** The time picked now, so the matching suggestion shows as chosen. */
  selected: Date | null
  onPick: (at: Date) => void
}

const SUGGESTIONS = 3

const chipFormat = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
})

/** The schedule picker's shortcuts: the next three of the account's best times, each with its reason. */
export const BestTimeSuggestions = ({ accountId, selected, onPick }: Props) => {
  const query = useMetaBestTimes(accountId)
  const suggestions = useMemo(
    () => (query.data ? suggestedTimes(query.data.slots, new Date(), SUGGESTIONS) : []),
    [query.data]
  )

  if (query.isPending) {
    return (
      <div className="flex gap-x-2" aria-busy>
        {Array.from({ length: SUGGESTIONS }, (_, index) => (
          <Skeleton key={index} className="h-7 w-32" />
        ))}
      </div>
    )
  }
  if (query.isError) return <Hint>The best times to post could not be loaded: {query.error.message}</Hint>
  if (suggestions.length === 0) return null

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="meta-compose-best-times">
      <Text size="xsmall" className="text-ui-fg-subtle">
        Best times:
      </Text>
      {suggestions.map(({ slot, at }) => {
        const chosen = selected?.getTime() === at.getTime()
        return (
          <Tooltip key={at.getTime()} content={slot.reason}>
            <Button
              type="button"
              size="small"
              variant={chosen ? "primary" : "secondary"}
              aria-pressed={chosen}
              onClick={() => onPick(at)}
            >
              {chipFormat.format(at)}
            </Button>
          </Tooltip>
        )
      })}
    </div>
  )
}
