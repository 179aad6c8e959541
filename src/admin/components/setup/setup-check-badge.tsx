import { StatusBadge } from "@medusajs/ui"
import type { MetaSetupCheckStatus } from "../../../types/http/setup"

const BADGE: Record<MetaSetupCheckStatus, { color: "green" | "orange" | "red"; label: string }> = {
  ok: { color: "green", label: "OK" },
  warning: { color: "orange", label: "Check" },
  failed: { color: "red", label: "Not working" },
}

export const SetupCheckBadge = ({ status }: { status: MetaSetupCheckStatus }) => (
  <StatusBadge color={BADGE[status].color} className="shrink-0 whitespace-nowrap" data-status={status}>
    {BADGE[status].label}
  </StatusBadge>
)
