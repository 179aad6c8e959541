import { Switch, toast } from "@medusajs/ui"
import type { MetaAdStatus } from "../../../types/http/ads"
import { useSetMetaAdStatus, type MetaAdLevel } from "../../hooks/api/ads"
import { canToggleStatus, OBJECT_TYPE_LABEL, STATUS_LABEL } from "./campaigns-format"
import { useChangeKey } from "./use-change-key"

type Props = {
  level: MetaAdLevel
  object: { id: string; name: string; status: MetaAdStatus }
}

/**
 * On = ACTIVE, off = PAUSED, at Meta. The switch moves at once and goes back with Meta's reason when the change
 * fails; it stays disabled while its change is out, so a double click is one change.
 */
export const StatusToggle = ({ level, object }: Props) => {
  const setStatus = useSetMetaAdStatus()
  const changeKey = useChangeKey()
  const what = OBJECT_TYPE_LABEL[level]
  const active = object.status === "ACTIVE"
  const toggleable = canToggleStatus(object.status)

  const onCheckedChange = (checked: boolean) => {
    const status = checked ? "ACTIVE" : "PAUSED"
    setStatus.mutate(
      { level, id: object.id, status, idempotency_key: changeKey.keyFor(`${object.id}:${status}`) },
      {
        onSuccess: () => {
          changeKey.settle()
          toast.success(`${what[0].toUpperCase()}${what.slice(1)} ${status === "ACTIVE" ? "activated" : "paused"}`, {
            description: object.name,
          })
        },
        onError: (e) =>
          toast.error(`The ${what} could not be ${status === "ACTIVE" ? "activated" : "paused"}`, { description: e.message }),
      }
    )
  }

  return (
    <Switch
      size="small"
      checked={active}
      disabled={!toggleable || setStatus.isPending}
      onCheckedChange={onCheckedChange}
      onClick={(event) => event.stopPropagation()}
      aria-label={toggleable ? `${active ? "Pause" : "Activate"} ${what} ${object.name}` : `${STATUS_LABEL[object.status]} ${what}`}
      title={toggleable ? undefined : `${STATUS_LABEL[object.status]}: it cannot be turned on again`}
      data-testid={`meta-ad-status-${object.id}`}
    />
  )
}
