import type { MetaPublicationKind, MetaPublishingPlatform } from "../../types/http/publishing"
import {
  FB_MULTI_PHOTO_MAX_ITEMS,
  FB_MULTI_PHOTO_MIN_ITEMS,
  IG_CAROUSEL_MAX_ITEMS,
  IG_CAROUSEL_MIN_ITEMS,
} from "./limits"

/**
 * What each kind of publication takes, as Meta's publishing guides describe it:
 * https://developers.facebook.com/docs/instagram-platform/content-publishing (image, carousel, reel, story)
 * https://developers.facebook.com/docs/pages-api/posts (text/link post, photo, multi-photo, video)
 * https://developers.facebook.com/docs/video-api/guides/reels-publishing (Facebook reel)
 */
export type MediaType = "image" | "video"

export type KindSpec = {
  platform: MetaPublishingPlatform
  /** How merchants see the kind, for messages ("An Instagram reel …"). */
  label: string
  minMedia: number
  maxMedia: number
  accepts: readonly MediaType[]
  /** Which image rules apply: Instagram feed (JPEG, 8 MiB, 4:5–1.91:1), Instagram story (no ratio), Facebook. */
  images: "instagram_feed" | "instagram_story" | "facebook" | null
  videos: "instagram_reel" | "instagram_story" | "instagram_carousel" | "facebook" | "facebook_reel" | null
  /** Meta takes alt text on Instagram feed images and carousel images only. */
  altText: boolean
  /** Instagram stories are published without a caption. */
  caption: boolean
  /** A comment can be posted under it (stories take none). */
  comments: boolean
  /** A multi-item kind's limit is ours, not Meta's (say so in messages). */
  ownLimit?: boolean
}

export const KIND_SPECS: Record<MetaPublicationKind, KindSpec> = {
  instagram_image: { platform: "instagram", label: "An Instagram image post", minMedia: 1, maxMedia: 1, accepts: ["image"], images: "instagram_feed", videos: null, altText: true, caption: true, comments: true },
  instagram_carousel: { platform: "instagram", label: "An Instagram carousel", minMedia: IG_CAROUSEL_MIN_ITEMS, maxMedia: IG_CAROUSEL_MAX_ITEMS, accepts: ["image", "video"], images: "instagram_feed", videos: "instagram_carousel", altText: true, caption: true, comments: true },
  instagram_reel: { platform: "instagram", label: "An Instagram reel", minMedia: 1, maxMedia: 1, accepts: ["video"], images: null, videos: "instagram_reel", altText: false, caption: true, comments: true },
  instagram_story: { platform: "instagram", label: "An Instagram story", minMedia: 1, maxMedia: 1, accepts: ["image", "video"], images: "instagram_story", videos: "instagram_story", altText: false, caption: false, comments: false },
  facebook_post: { platform: "facebook", label: "A Facebook text post", minMedia: 0, maxMedia: 0, accepts: [], images: null, videos: null, altText: false, caption: true, comments: true },
  facebook_photo: { platform: "facebook", label: "A Facebook photo post", minMedia: 1, maxMedia: 1, accepts: ["image"], images: "facebook", videos: null, altText: false, caption: true, comments: true },
  facebook_multi_photo: { platform: "facebook", label: "A Facebook multi-photo post", minMedia: FB_MULTI_PHOTO_MIN_ITEMS, maxMedia: FB_MULTI_PHOTO_MAX_ITEMS, accepts: ["image"], images: "facebook", videos: null, altText: false, caption: true, comments: true, ownLimit: true },
  facebook_video: { platform: "facebook", label: "A Facebook video post", minMedia: 1, maxMedia: 1, accepts: ["video"], images: null, videos: "facebook", altText: false, caption: true, comments: true },
  facebook_reel: { platform: "facebook", label: "A Facebook reel", minMedia: 1, maxMedia: 1, accepts: ["video"], images: null, videos: "facebook_reel", altText: false, caption: true, comments: true },
}

export function kindSpec(kind: unknown): KindSpec | undefined {
  return typeof kind === "string" && Object.prototype.hasOwnProperty.call(KIND_SPECS, kind)
    ? KIND_SPECS[kind as MetaPublicationKind]
    : undefined
}

export function platformOfKind(kind: MetaPublicationKind): MetaPublishingPlatform {
  return KIND_SPECS[kind].platform
}

/** Every kind, in the order the admin offers them (the model's enum and the routes' validators use it). */
export const PUBLICATION_KINDS = Object.keys(KIND_SPECS) as MetaPublicationKind[]
