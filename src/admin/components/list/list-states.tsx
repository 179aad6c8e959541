import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { SectionError } from "../webhooks/section-error"

type Props = {
  query: { isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown }
  /** Rows the list has (undefined while loading or after an error). */
  count: number | undefined
  /** What failed to load, for the error: "The webhook log". */
  what: string
  /** Shown when the list is empty. */
  empty: ReactNode
  /** The rows, shown when there are some. */
  children: ReactNode
}

/** A list section's body: loading, an error with "Try again", the empty message, or the rows. */
export const ListStates = ({ query, count, what, empty, children }: Props) => (
  <>
    {query.isPending && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
    {query.isError && <SectionError what={what} message={query.error?.message ?? "unknown error"} onRetry={() => query.refetch()} />}
    {count === 0 && <Text className="px-6 py-4 text-ui-fg-subtle">{empty}</Text>}
    {!!count && children}
  </>
)
