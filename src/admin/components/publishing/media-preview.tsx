import { clx } from "@medusajs/ui"
import { mediaTypeOfMime, mimeFromUrl } from "../../../lib/publishing/media-format"

type Props = { url: string; type?: "image" | "video" | null; className?: string }

/** An image or a (muted, paused) video, as Meta will fetch it; the type is guessed from the URL when unknown. */
// Decorative: the URL and the alt text are shown next to it.
export const MediaPreview = ({ url, type, className }: Props) => {
  const classes = clx("bg-ui-bg-component rounded-md object-cover", className)
  return (type ?? mediaTypeOfMime(mimeFromUrl(url))) === "video" ? (
    <video src={url} className={classes} muted preload="metadata" />
  ) : (
    <img src={url} alt="" className={classes} loading="lazy" />
  )
}
