import { Table } from "@medusajs/ui"

/** Medusa's table pagination driven by the API's `offset` / `count`, for the plugin's list pages. */
export const OffsetPagination = ({
  count,
  offset,
  pageSize,
  onOffsetChange,
}: {
  count: number
  offset: number
  pageSize: number
  onOffsetChange: (offset: number) => void
}) => (
  <Table.Pagination
    count={count}
    pageSize={pageSize}
    pageIndex={Math.floor(offset / pageSize)}
    pageCount={Math.ceil(count / pageSize)}
    canPreviousPage={offset > 0}
    canNextPage={offset + pageSize < count}
    previousPage={() => onOffsetChange(Math.max(0, offset - pageSize))}
    nextPage={() => onOffsetChange(offset + pageSize)}
  />
)
