import { Badge } from "@medusajs/ui"
import { USER_DATA_KEY_LABEL } from "./capi-event-labels"

/** The user_data keys an event carried, as badges (the values themselves are hashes and stay hidden). */
export const MatchQualityKeys = ({ keys }: { keys: string[] }) =>
  keys.length ? (
    <div className="flex flex-wrap gap-1">
      {keys.map((key) => (
        <Badge key={key} size="2xsmall" color="grey">
          {USER_DATA_KEY_LABEL[key] ?? key}
        </Badge>
      ))}
    </div>
  ) : (
    <span className="text-ui-fg-subtle">No customer information</span>
  )
