import { ArrowDownMini, ArrowUpMini, XMarkMini } from "@medusajs/icons"
import { Button, IconButton, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { KIND_SPECS } from "../../../lib/publishing/kinds"
import type { MetaPublicationIssue, MetaPublicationKind } from "../../../types/http/publishing"
import { guessMediaType, MAX_MEDIA, type ComposeMedia } from "./compose-form"
import { FieldIssues, issuesAt, mediaEntryIssues } from "./field-issues"
import { MediaPreview } from "./media-preview"

type Props = {
  media: ComposeMedia[]
  kind: MetaPublicationKind | undefined
  issues: MetaPublicationIssue[]
  onChange: (media: ComposeMedia[]) => void
}

const isHttpUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

const moved = <T,>(list: T[], from: number, to: number) => {
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item)
  return next
}

/** Add a media URL; Meta fetches it from there, so it must be public. */
const AddMedia = ({ disabled, onAdd }: { disabled: boolean; onAdd: (url: string) => void }) => {
  const [url, setUrl] = useState("")
  const valid = isHttpUrl(url.trim())
  const add = () => {
    if (!valid) return
    onAdd(url.trim())
    setUrl("")
  }
  return (
    <div className="flex gap-x-2">
      <Input
        id="meta-compose-media-url"
        size="small"
        type="url"
        placeholder="https://… (a public image or video URL)"
        value={url}
        disabled={disabled}
        onChange={(event) => setUrl(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return
          event.preventDefault()
          add()
        }}
      />
      <Button size="small" variant="secondary" type="button" disabled={disabled || !valid} onClick={add}>
        Add
      </Button>
    </div>
  )
}

/** The media in publishing order, with previews, alt text where Instagram takes it, reorder and remove. */
export const MediaList = ({ media, kind, issues, onChange }: Props) => {
  const spec = kind ? KIND_SPECS[kind] : undefined
  const limit = Math.min(spec?.maxMedia ?? MAX_MEDIA, MAX_MEDIA)
  const update = (index: number, entry: ComposeMedia) => onChange(media.map((m, i) => (i === index ? entry : m)))

  return (
    <div className="flex flex-col gap-y-2" data-testid="meta-compose-media">
      <div className="flex items-baseline justify-between">
        <Label size="small" weight="plus" htmlFor="meta-compose-media-url">
          Media
        </Label>
        {spec && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {spec.maxMedia === 0 ? "This kind takes no media" : `${media.length} / ${spec.maxMedia}`}
          </Text>
        )}
      </div>
      {media.length > 0 && (
        <ol className="flex flex-col gap-y-2">
          {media.map((entry, index) => {
            const showAltText = !!spec?.altText && guessMediaType(entry.url) === "image"
            return (
              <li key={`${entry.url}-${index}`} className="shadow-borders-base flex flex-col gap-y-2 rounded-md p-2">
                <div className="flex items-center gap-x-3">
                  <MediaPreview url={entry.url} className="size-14 shrink-0" />
                  <Text size="xsmall" className="text-ui-fg-subtle min-w-0 flex-1 truncate" title={entry.url}>
                    {entry.url}
                  </Text>
                  <div className="flex gap-x-1">
                    <IconButton
                      size="small"
                      variant="transparent"
                      type="button"
                      aria-label="Move up"
                      disabled={index === 0}
                      onClick={() => onChange(moved(media, index, index - 1))}
                    >
                      <ArrowUpMini />
                    </IconButton>
                    <IconButton
                      size="small"
                      variant="transparent"
                      type="button"
                      aria-label="Move down"
                      disabled={index === media.length - 1}
                      onClick={() => onChange(moved(media, index, index + 1))}
                    >
                      <ArrowDownMini />
                    </IconButton>
                    <IconButton
                      size="small"
                      variant="transparent"
                      type="button"
                      aria-label="Remove"
                      onClick={() => onChange(media.filter((_, i) => i !== index))}
                    >
                      <XMarkMini />
                    </IconButton>
                  </div>
                </div>
                <FieldIssues issues={mediaEntryIssues(issues, index)} />
                {showAltText && (
                  <>
                    <Input
                      size="small"
                      placeholder="Alt text: what the image shows, for people using screen readers"
                      aria-label={`Alt text of media ${index + 1}`}
                      value={entry.alt_text}
                      onChange={(event) => update(index, { ...entry, alt_text: event.target.value })}
                    />
                    <FieldIssues issues={issuesAt(issues, `media.${index}.alt_text`)} />
                  </>
                )}
              </li>
            )
          })}
        </ol>
      )}
      <AddMedia disabled={media.length >= limit} onAdd={(url) => onChange([...media, { url, alt_text: "" }])} />
      <FieldIssues issues={issuesAt(issues, "media")} />
    </div>
  )
}
