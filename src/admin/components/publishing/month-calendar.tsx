import { clx } from "@medusajs/ui"
import type { MetaPublication, MetaPublishingAccount } from "../../../types/http/publishing"
import { groupByDay, isSameDay, monthGridDays, toDateParam, weekdayFormat } from "./calendar-dates"
import { PublicationChip } from "./publication-chip"
import { PublicationDropTarget } from "./publication-drop-target"

const CHIPS_PER_DAY = 3

type Props = {
  anchor: Date
  publications: MetaPublication[]
  accountsById: Map<string, MetaPublishingAccount>
  onOpen: (publication: MetaPublication) => void
  onMove: (publicationId: string, day: Date) => void
  /** "+ n more": the week of that day, where every publication of the day is shown. */
  onShowWeek: (day: Date) => void
}

/** The month in whole weeks; a chip dropped on another day keeps its time of day. */
export const MonthCalendar = ({ anchor, publications, accountsById, onOpen, onMove, onShowWeek }: Props) => {
  const days = monthGridDays(anchor)
  const byDay = groupByDay(publications)
  const today = new Date()
  return (
    <div
      className="bg-ui-border-base shadow-borders-base grid grid-cols-7 gap-px overflow-hidden rounded-lg"
      data-testid="meta-publishing-month"
    >
      {days.slice(0, 7).map((day) => (
        <div key={day.getDay()} className="bg-ui-bg-subtle txt-compact-xsmall-plus text-ui-fg-subtle px-2 py-1.5">
          {weekdayFormat.format(day)}
        </div>
      ))}
      {days.map((day) => {
        const items = byDay.get(toDateParam(day)) ?? []
        return (
          <PublicationDropTarget
            key={day.getTime()}
            testId={`meta-publishing-day-${toDateParam(day)}`}
            className={clx(
              "flex min-h-[112px] min-w-0 flex-col gap-y-1 p-1.5",
              day.getMonth() === anchor.getMonth() ? "bg-ui-bg-base" : "bg-ui-bg-subtle"
            )}
            onDropPublication={(id) => onMove(id, day)}
          >
            <span
              className={clx(
                "txt-compact-xsmall-plus self-end rounded-full px-1.5",
                isSameDay(day, today) ? "bg-ui-button-inverted text-ui-fg-on-inverted" : "text-ui-fg-subtle"
              )}
            >
              {day.getDate()}
            </span>
            {items.slice(0, CHIPS_PER_DAY).map((publication) => (
              <PublicationChip
                key={publication.id}
                publication={publication}
                account={accountsById.get(publication.account_id)}
                onOpen={onOpen}
              />
            ))}
            {items.length > CHIPS_PER_DAY && (
              <button
                type="button"
                className="txt-compact-xsmall text-ui-fg-interactive text-left"
                onClick={() => onShowWeek(day)}
              >
                + {items.length - CHIPS_PER_DAY} more
              </button>
            )}
          </PublicationDropTarget>
        )
      })}
    </div>
  )
}
