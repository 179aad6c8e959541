import { Text } from "@medusajs/ui"
import type { MetaPublicationError } from "../../../types/http/publishing"

/** Meta's last error for a publication, and what the merchant can do about it. */
export const PublicationError = ({ error }: { error: MetaPublicationError | null }) =>
  error ? (
    <div className="flex flex-col gap-y-0.5">
      <Text size="small" className="text-ui-fg-error">
        {error.message}
      </Text>
      {error.hint && error.hint !== error.message && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {error.hint}
        </Text>
      )}
    </div>
  ) : (
    <Text size="small" className="text-ui-fg-subtle">
      —
    </Text>
  )
