import { clx, Label, Text, Textarea } from "@medusajs/ui"
import { captionLength, countHashtags, countMentions } from "../../../lib/publishing/caption"
import {
  FB_MESSAGE_MAX_CHARS,
  IG_CAPTION_MAX_CHARS,
  IG_CAPTION_MAX_HASHTAGS,
  IG_CAPTION_MAX_MENTIONS,
} from "../../../lib/publishing/limits"
import type { MetaPublicationIssue, MetaPublishingPlatform } from "../../../types/http/publishing"
import { LINK_PLACEHOLDER } from "./compose-form"
import { FieldIssues } from "./field-issues"

type Props = {
  value: string
  platform: MetaPublishingPlatform
  issues: MetaPublicationIssue[]
  onChange: (caption: string) => void
}

/** "12 / 2,200": red once over. */
const Count = ({ prefix = "", count, max }: { prefix?: string; count: number; max: number }) => (
  <span className={clx(count > max && "text-ui-fg-error")}>
    {prefix}
    {count.toLocaleString()} / {max.toLocaleString()}
  </span>
)

/**
 * Counted as Meta counts (code points; hashtags and @-tags outside links), with the same functions as
 * the server's checks, so the counter and the validation never disagree.
 */
const CaptionCounter = ({ value, platform }: Pick<Props, "value" | "platform">) => (
  <Text size="xsmall" className="text-ui-fg-subtle" data-testid="meta-compose-caption-counter">
    {platform === "instagram" ? (
      <>
        <Count count={captionLength(value)} max={IG_CAPTION_MAX_CHARS} /> ·{" "}
        <Count prefix="#" count={countHashtags(value)} max={IG_CAPTION_MAX_HASHTAGS} /> ·{" "}
        <Count prefix="@" count={countMentions(value)} max={IG_CAPTION_MAX_MENTIONS} />
      </>
    ) : (
      <Count count={captionLength(value)} max={FB_MESSAGE_MAX_CHARS} />
    )}
  </Text>
)

export const CaptionField = ({ value, platform, issues, onChange }: Props) => (
  <div className="flex flex-col gap-y-2">
    <div className="flex items-baseline justify-between">
      <Label size="small" weight="plus" htmlFor="meta-compose-caption">
        Caption
      </Label>
      <CaptionCounter value={value} platform={platform} />
    </div>
    <Textarea
      id="meta-compose-caption"
      data-testid="meta-compose-caption"
      rows={6}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
    {value.includes(LINK_PLACEHOLDER) && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {LINK_PLACEHOLDER} becomes the product's storefront link, tagged for this post, when it is saved.
        {platform === "instagram" && " Instagram does not make links in captions clickable."}
      </Text>
    )}
    <FieldIssues issues={issues} />
  </div>
)
