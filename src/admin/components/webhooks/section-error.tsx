import { Alert, Button } from "@medusajs/ui"

export const SectionError = ({ what, message, onRetry }: { what: string; message: string; onRetry: () => void }) => (
  <div className="flex flex-col gap-y-3 px-6 py-4">
    <Alert variant="error">
      {what} could not be loaded: {message}
    </Alert>
    <div className="flex justify-end">
      <Button size="small" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  </div>
)
