import { toast } from "@medusajs/ui"
import type { MetaPublication } from "../../../types/http/publishing"
import { useUpdateMetaPublication } from "../../hooks/api/publishing"
import { formatDateTime } from "../../lib/format-date"
import { movedTime } from "./calendar-dates"

/** Moves a dropped publication to another day (or hour) and says how it went. */
export const useReschedulePublication = () => {
  const update = useUpdateMetaPublication()
  return (publication: MetaPublication, day: Date, hour?: number) => {
    const at = movedTime(publication, day, hour)
    if (publication.scheduled_at && Date.parse(publication.scheduled_at) === at.getTime()) return
    update.mutate(
      { id: publication.id, body: { scheduled_at: at.toISOString() } },
      {
        onSuccess: () => toast.success(`Scheduled for ${formatDateTime(at.toISOString())}`),
        onError: (e) => toast.error(e.message),
      }
    )
  }
}
