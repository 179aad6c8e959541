import { Text } from "@medusajs/ui"
import type { MetaPublication, MetaPublishingAccount } from "../../../types/http/publishing"
import { PublicationChip } from "./publication-chip"

type Props = {
  drafts: MetaPublication[]
  accountsById: Map<string, MetaPublishingAccount>
  onOpen: (publication: MetaPublication) => void
}

/** Drafts have no time, so no place on the calendar: they wait here until dragged onto a day. */
export const DraftsTray = ({ drafts, accountsById, onOpen }: Props) =>
  drafts.length ? (
    <div className="flex flex-col gap-y-2" data-testid="meta-publishing-drafts">
      <Text size="small" className="text-ui-fg-subtle">
        Drafts — drag one onto a day to schedule it.
      </Text>
      <div className="flex flex-wrap gap-2">
        {drafts.map((draft) => (
          <div key={draft.id} className="w-56">
            <PublicationChip publication={draft} account={accountsById.get(draft.account_id)} onOpen={onOpen} />
          </div>
        ))}
      </div>
    </div>
  ) : null
