import { Badge, Label, Text, clx } from "@medusajs/ui"
import { useState, type MouseEvent } from "react"
import { IG_PRODUCT_TAGS_MAX_PER_MEDIA } from "../../../lib/publishing/product-tags"
import type { MetaPublicationIssue, MetaPublicationProductTag, MetaPublishingAccount } from "../../../types/http/publishing"
import { useProductTitles } from "../../hooks/api/publishing"
import { guessMediaType, type ComposeMedia } from "./compose-form"
import { FieldIssues } from "./field-issues"
import { MediaPreview } from "./media-preview"

type Props = {
  account: MetaPublishingAccount
  media: ComposeMedia[]
  productIds: string[]
  tags: MetaPublicationProductTag[]
  issues: MetaPublicationIssue[]
  onChange: (tags: MetaPublicationProductTag[]) => void
}

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000

/**
 * Instagram product tags: pick a product shown, then click the image where its tag goes (a click on a
 * tag removes it). Products not placed are tagged at spread-out spots on the first image; videos take
 * tags without a spot (https://developers.facebook.com/docs/instagram-platform/shopping-api/product-tagging).
 */
export const ProductTagsField = ({ account, media, productIds, tags, issues, onChange }: Props) => {
  const [selected, setSelected] = useState<string | undefined>(productIds[0])
  const titles = useProductTitles(productIds)
  const titleOf = (id: string) => titles.data?.products.find((p) => p.id === id)?.title ?? id
  const current = selected && productIds.includes(selected) ? selected : productIds[0]
  const placed = new Set(tags.map((t) => t.product_id))

  const place = (mediaIndex: number, video: boolean, event: MouseEvent<HTMLDivElement>) => {
    if (!current) return
    const box = event.currentTarget.getBoundingClientRect()
    // Instagram places tags on videos itself: a video's tag has no spot.
    const spot = video ? {} : { x: round((event.clientX - box.left) / box.width), y: round((event.clientY - box.top) / box.height) }
    const others = tags.filter((t) => !(t.product_id === current && (t.media_index ?? 0) === mediaIndex))
    onChange([...others, { product_id: current, media_index: mediaIndex, ...spot }])
  }
  const remove = (tag: MetaPublicationProductTag) => onChange(tags.filter((t) => t !== tag))

  return (
    <div className="flex flex-col gap-y-2" data-testid="meta-compose-product-tags">
      <Label size="small" weight="plus">
        Product tags
      </Label>
      {account.product_tag_eligible === false ? (
        <Text size="xsmall" className="text-ui-tag-orange-text">
          Instagram does not let {account.username ? `@${account.username}` : account.name} tag products (it needs an approved Instagram Shop).
          The post goes out without tags.
        </Text>
      ) : (
        <Text size="xsmall" className="text-ui-fg-subtle">
          Choose a product, then click an image where its tag goes. Products you do not place are tagged automatically on the first
          image (at most {IG_PRODUCT_TAGS_MAX_PER_MEDIA} per image; only products in the synced catalog).
        </Text>
      )}
      <div className="flex flex-wrap gap-1">
        {productIds.map((id) => (
          <button key={id} type="button" onClick={() => setSelected(id)} aria-pressed={id === current}>
            <Badge size="small" color={id === current ? "blue" : "grey"}>
              {titleOf(id)}
              {placed.has(id) ? "" : " · automatic"}
            </Badge>
          </button>
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2">
        {media.map((item, index) => {
          const video = guessMediaType(item.url) === "video"
          const onMedia = tags.filter((t) => (t.media_index ?? 0) === index)
          return (
            <div
              key={`${item.url}-${index}`}
              role="button"
              tabIndex={0}
              aria-label={`Place the tag of ${current ? titleOf(current) : "a product"} on media ${index + 1}`}
              onClick={(event) => place(index, video, event)}
              className={clx("relative overflow-hidden rounded-md", video ? "cursor-pointer" : "cursor-crosshair")}
            >
              <MediaPreview url={item.url} className="aspect-square w-full" />
              {onMedia.map((tag) => (
                <button
                  key={tag.product_id}
                  type="button"
                  title={`${titleOf(tag.product_id)} (click to remove)`}
                  onClick={(event) => {
                    event.stopPropagation()
                    remove(tag)
                  }}
                  className="bg-ui-bg-base shadow-elevation-card-rest absolute -translate-x-1/2 -translate-y-1/2 rounded px-1 text-[10px]"
                  style={video || tag.x === undefined ? { left: "50%", top: "90%" } : { left: `${tag.x * 100}%`, top: `${(tag.y ?? 0.5) * 100}%` }}
                >
                  {titleOf(tag.product_id)}
                </button>
              ))}
            </div>
          )
        })}
      </div>
      <FieldIssues issues={issues} />
    </div>
  )
}
