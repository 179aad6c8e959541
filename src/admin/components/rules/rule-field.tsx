import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A labelled input with the route's message for it underneath. */
export const RuleField = ({ label, error, hint, htmlFor, children }: { label: string; error?: string; hint?: string; htmlFor?: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small" weight="plus" htmlFor={htmlFor}>
      {label}
    </Label>
    {children}
    {error ? <Hint variant="error">{error}</Hint> : hint ? <Hint>{hint}</Hint> : null}
  </div>
)
