import { Alert, Button, Container, Heading } from "@medusajs/ui"

type MetaLoadErrorProps = {
  message: string
  onRetry: () => void
}

export const MetaLoadError = ({ message, onRetry }: MetaLoadErrorProps) => (
  <Container className="divide-y p-0" data-testid="meta-load-error">
    <div className="px-6 py-4">
      <Heading>Meta</Heading>
    </div>
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <Alert variant="error">The Meta connection could not be loaded: {message}</Alert>
      <div className="flex justify-end">
        <Button size="small" variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  </Container>
)
