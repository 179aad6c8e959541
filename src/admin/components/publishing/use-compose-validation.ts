import type { MetaPublicationCreateBody, MetaPublicationIssue } from "../../../types/http/publishing"
import { useValidateMetaPublication } from "../../hooks/api/publishing"
import { useDebouncedValue } from "../../hooks/use-debounced-value"

const VALIDATE_DELAY_MS = 400

/**
 * The validate route's verdict on what is being typed, asked 400 ms after the last keystroke. A refused
 * request (a malformed URL, a caption over any limit) is an error too: the create would be refused alike.
 */
export const useComposeValidation = (body: MetaPublicationCreateBody | undefined) => {
  const debounced = useDebouncedValue(body, VALIDATE_DELAY_MS)
  const query = useValidateMetaPublication(debounced)
  const issues: MetaPublicationIssue[] = !body
    ? []
    : query.isError
      ? [{ field: "", message: query.error.message, severity: "error" }]
      : (query.data?.issues ?? [])
  return { issues, hasErrors: issues.some((issue) => issue.severity === "error") }
}
