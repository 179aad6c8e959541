import { StatusBadge } from "@medusajs/ui"
import { effectiveStatusOf } from "./campaigns-format"

/** Meta's delivery state of a campaign, ad set or ad, in the dashboard's status colours. */
export const EffectiveStatusBadge = ({ status }: { status: string }) => {
  const { label, color } = effectiveStatusOf(status)
  return (
    <StatusBadge color={color} className="whitespace-nowrap">
      {label}
    </StatusBadge>
  )
}
