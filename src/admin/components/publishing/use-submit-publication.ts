import type { MetaPublication } from "../../../types/http/publishing"
import { useCreateMetaPublication, usePublishMetaPublication, useUpdateMetaPublication } from "../../hooks/api/publishing"
import { captionWithLink, createBody, updateBody, type ComposeState } from "./compose-form"

/**
 * Saves the compose drawer: create (or update), fill in the product link once the server made it, then
 * publish when asked. `onSaved` hears the id as soon as it exists, so a failed publish is retried as an
 * update of the same publication, never as a second one.
 */
export const useSubmitPublication = () => {
  const create = useCreateMetaPublication()
  const update = useUpdateMetaPublication()
  const publish = usePublishMetaPublication()

  const submit = async (state: ComposeState, savedId: string | undefined, onSaved: (id: string) => void): Promise<MetaPublication> => {
    let { publication } = savedId
      ? await update.mutateAsync({ id: savedId, body: updateBody(state) })
      : await create.mutateAsync(createBody(state)!)
    onSaved(publication.id)
    const caption = captionWithLink(publication.caption, publication.link_url)
    if (caption !== undefined) ({ publication } = await update.mutateAsync({ id: publication.id, body: { caption } }))
    if (state.when === "now") ({ publication } = await publish.mutateAsync(publication.id))
    return publication
  }

  return { submit, isPending: create.isPending || update.isPending || publish.isPending }
}
