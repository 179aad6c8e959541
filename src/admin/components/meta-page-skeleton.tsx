import { Container, Skeleton } from "@medusajs/ui"

export const MetaPageSkeleton = () => (
  <Container className="divide-y p-0" data-testid="meta-loading" aria-busy>
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <Skeleton className="h-6 w-24" />
      <Skeleton className="h-4 w-72" />
    </div>
    {[0, 1, 2].map((row) => (
      <div key={row} className="grid grid-cols-2 px-6 py-4">
        <Skeleton className="h-4 w-32" />
        <Skeleton className="h-4 w-48" />
      </div>
    ))}
  </Container>
)
