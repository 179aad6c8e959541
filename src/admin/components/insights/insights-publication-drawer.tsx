import { toast } from "@medusajs/ui"
import { useEffect } from "react"
import { useNavigate } from "react-router-dom"
import type { MetaPublishingAccount } from "../../../types/http/publishing"
import { useMetaPublication } from "../../hooks/api/publishing"
import { PublicationDrawer } from "../publishing/publication-drawer"
import { PUBLISHING_PATH } from "./insights-links"

type Props = {
  /** The publication to show (from the page's `publication_id` parameter); undefined closes the drawer. */
  publicationId: string | undefined
  accountsById: Map<string, MetaPublishingAccount>
  onClose: () => void
}

/**
 * The Publishing page's publication drawer, opened from the Insights page by id: the drawer opens once the
 * publication is read. Editing happens on the Publishing page, where the compose drawer lives.
 */
export const InsightsPublicationDrawer = ({ publicationId, accountsById, onClose }: Props) => {
  const navigate = useNavigate()
  const { data, error } = useMetaPublication(publicationId)
  const publication = publicationId && data?.publication.id === publicationId ? data.publication : null

  useEffect(() => {
    if (!publicationId || !error) return
    toast.error(`The publication could not be loaded: ${error.message}`)
    onClose()
  }, [publicationId, error])

  return (
    <PublicationDrawer
      publication={publication}
      account={publication ? accountsById.get(publication.account_id) : undefined}
      onClose={onClose}
      onEdit={() => navigate(PUBLISHING_PATH)}
    />
  )
}
