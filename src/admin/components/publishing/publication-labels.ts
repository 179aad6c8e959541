import type { MetaPublicationKind, MetaPublicationStatus, MetaPublishingPlatform } from "../../../types/http/publishing"

type StatusColor = "green" | "orange" | "red" | "blue" | "grey"

export const PUBLICATION_STATUS: Record<MetaPublicationStatus, { label: string; color: StatusColor }> = {
  draft: { label: "Draft", color: "grey" },
  scheduled: { label: "Scheduled", color: "blue" },
  publishing: { label: "Publishing", color: "orange" },
  published: { label: "Published", color: "green" },
  failed: { label: "Failed", color: "red" },
  cancelled: { label: "Cancelled", color: "grey" },
  missed: { label: "Missed", color: "red" },
}

export const PUBLICATION_STATUSES = Object.keys(PUBLICATION_STATUS) as MetaPublicationStatus[]

/** The dot of a calendar chip, in the StatusBadge's own colours. */
export const STATUS_DOT_CLASS: Record<StatusColor, string> = {
  green: "bg-ui-tag-green-icon",
  orange: "bg-ui-tag-orange-icon",
  red: "bg-ui-tag-red-icon",
  blue: "bg-ui-tag-blue-icon",
  grey: "bg-ui-tag-neutral-icon",
}

export const KIND_LABEL: Record<MetaPublicationKind, string> = {
  instagram_image: "Instagram image",
  instagram_carousel: "Instagram carousel",
  instagram_reel: "Instagram reel",
  instagram_story: "Instagram story",
  facebook_post: "Facebook post",
  facebook_photo: "Facebook photo",
  facebook_multi_photo: "Facebook multi-photo",
  facebook_video: "Facebook video",
  facebook_reel: "Facebook reel",
}

export const PLATFORM_LABEL: Record<MetaPublishingPlatform, string> = {
  instagram: "Instagram",
  facebook: "Facebook",
}

// What the routes accept in each status: edits and new times until the publish call went out
// (the server still answers 409 when it went out in the meantime).
const CHANGEABLE: MetaPublicationStatus[] = ["draft", "scheduled", "failed", "missed"]

export const canReschedule = (status: MetaPublicationStatus) => CHANGEABLE.includes(status)
export const canEdit = canReschedule
export const canPublishNow = canReschedule
export const canCancel = (status: MetaPublicationStatus) => status === "scheduled" || status === "failed" || status === "missed"
export const canDelete = (status: MetaPublicationStatus) => status !== "published" && status !== "publishing"
