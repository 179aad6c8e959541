import { clx, Tooltip } from "@medusajs/ui"
import type { MetaPublication, MetaPublishingAccount } from "../../../types/http/publishing"
import { formatTime } from "../../lib/format-date"
import { AccountAvatar, accountLabel } from "./account-avatar"
import { publicationTime } from "./calendar-dates"
import { canReschedule, KIND_LABEL, PUBLICATION_STATUS, STATUS_DOT_CLASS } from "./publication-labels"

/** The drag data type of a publication chip: the publication id. */
export const PUBLICATION_DRAG_TYPE = "application/x-meta-publication"

type Props = {
  publication: MetaPublication
  account: MetaPublishingAccount | undefined
  onOpen: (publication: MetaPublication) => void
}

/** A publication on the calendar: status dot, account, time and the caption's start; drag it to move it. */
export const PublicationChip = ({ publication, account, onOpen }: Props) => {
  const status = PUBLICATION_STATUS[publication.status]
  const time = publicationTime(publication)
  const movable = canReschedule(publication.status)
  return (
    <Tooltip
      content={[status.label, KIND_LABEL[publication.kind], account && accountLabel(account)].filter(Boolean).join(" · ")}
    >
      <button
        type="button"
        draggable={movable}
        onDragStart={(event) => {
          event.dataTransfer.setData(PUBLICATION_DRAG_TYPE, publication.id)
          event.dataTransfer.effectAllowed = "move"
        }}
        onClick={() => onOpen(publication)}
        className={clx(
          "bg-ui-bg-base shadow-borders-base hover:bg-ui-bg-base-hover flex w-full min-w-0 items-center gap-x-1.5 rounded-md px-1.5 py-1 text-left",
          movable ? "cursor-grab" : "cursor-pointer"
        )}
        data-testid={`meta-publication-chip-${publication.id}`}
      >
        <span className={clx("size-2 shrink-0 rounded-full", STATUS_DOT_CLASS[status.color])} />
        <AccountAvatar account={account} />
        {time && <span className="txt-compact-xsmall-plus text-ui-fg-base shrink-0">{formatTime(time)}</span>}
        <span className="txt-compact-xsmall text-ui-fg-subtle truncate">
          {publication.caption || KIND_LABEL[publication.kind]}
        </span>
      </button>
    </Tooltip>
  )
}
