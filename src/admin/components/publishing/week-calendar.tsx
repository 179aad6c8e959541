import { clx } from "@medusajs/ui"
import { Fragment, useEffect, useRef } from "react"
import type { MetaPublication, MetaPublishingAccount } from "../../../types/http/publishing"
import { groupByDay, isSameDay, toDateParam, weekDays, weekdayFormat } from "./calendar-dates"
import { PublicationChip } from "./publication-chip"
import { PublicationDropTarget } from "./publication-drop-target"

const HOURS = Array.from({ length: 24 }, (_, hour) => hour)
/** The hour the grid opens scrolled to; the night stays a scroll away. */
const FIRST_VISIBLE_HOUR = 7
const COLUMNS = "grid grid-cols-[56px_repeat(7,minmax(0,1fr))] gap-px"

const hourFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric" })

type Props = {
  anchor: Date
  publications: MetaPublication[]
  accountsById: Map<string, MetaPublishingAccount>
  onOpen: (publication: MetaPublication) => void
  /** A chip dropped in an hour row takes that hour and keeps its minutes. */
  onMove: (publicationId: string, day: Date, hour: number) => void
}

/** The week as seven day columns of hour rows. */
export const WeekCalendar = ({ anchor, publications, accountsById, onOpen, onMove }: Props) => {
  const days = weekDays(anchor)
  const byHour = groupByDay(publications, true)
  const today = new Date()
  const scroller = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>(`[data-hour="${FIRST_VISIBLE_HOUR}"]`)
    if (scroller.current && row) scroller.current.scrollTop = row.offsetTop
  }, [])

  return (
    <div
      className="bg-ui-border-base shadow-borders-base flex flex-col gap-px overflow-hidden rounded-lg"
      data-testid="meta-publishing-week"
    >
      <div className={COLUMNS}>
        <div className="bg-ui-bg-subtle" />
        {days.map((day) => (
          <div
            key={day.getTime()}
            className={clx(
              "bg-ui-bg-subtle txt-compact-xsmall-plus px-2 py-1.5",
              isSameDay(day, today) ? "text-ui-fg-interactive" : "text-ui-fg-subtle"
            )}
          >
            {weekdayFormat.format(day)} {day.getDate()}
          </div>
        ))}
      </div>
      <div ref={scroller} className={clx(COLUMNS, "relative max-h-[640px] overflow-y-auto")}>
        {HOURS.map((hour) => (
          <Fragment key={hour}>
            <div data-hour={hour} className="bg-ui-bg-subtle txt-compact-xsmall text-ui-fg-muted px-2 py-1 text-right">
              {hourFormat.format(new Date(2000, 0, 1, hour))}
            </div>
            {days.map((day) => (
              <PublicationDropTarget
                key={day.getTime()}
                testId={`meta-publishing-slot-${toDateParam(day)}-${hour}`}
                className="bg-ui-bg-base flex min-h-[48px] min-w-0 flex-col gap-y-1 p-1"
                onDropPublication={(id) => onMove(id, day, hour)}
              >
                {(byHour.get(`${toDateParam(day)}T${hour}`) ?? []).map((publication) => (
                  <PublicationChip
                    key={publication.id}
                    publication={publication}
                    account={accountsById.get(publication.account_id)}
                    onOpen={onOpen}
                  />
                ))}
              </PublicationDropTarget>
            ))}
          </Fragment>
        ))}
      </div>
    </div>
  )
}
