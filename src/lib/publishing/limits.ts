/**
 * Meta's publishing limits, each with the page that states it. Sizes Meta gives in MiB are MiB; sizes it
 * gives as "MB" are read as decimal megabytes (the stricter reading).
 */

const IG_MEDIA = "https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media"
const IG_PUBLISHING = "https://developers.facebook.com/docs/instagram-platform/content-publishing"
const IG_ERRORS = "https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes"
const PAGE_POSTS = "https://developers.facebook.com/docs/pages-api/posts"
const FB_REELS = "https://developers.facebook.com/docs/video-api/guides/reels-publishing"

export const SOURCES = { IG_MEDIA, IG_PUBLISHING, IG_ERRORS, PAGE_POSTS, FB_REELS } as const

const MiB = 1024 * 1024
const MB = 1000 * 1000

// ── Captions ─────────────────────────────────────────────────────────────────────────────────────────

/** IG_MEDIA, `caption`: at most 2,200 characters, 30 hashtags and 20 @-tags (IG_ERRORS 36004/2207010, 100/2207040). */
export const IG_CAPTION_MAX_CHARS = 2200
export const IG_CAPTION_MAX_HASHTAGS = 30
export const IG_CAPTION_MAX_MENTIONS = 20
/**
 * Instagram announced (Dec 2025, @creators) that captions of posts and reels take at most 5 hashtags in the
 * app. IG_MEDIA still documents 30 for the API, so above 5 we warn instead of refusing.
 */
export const IG_CAPTION_ADVISED_HASHTAGS = 5

/** Facebook post text (`message` on PAGE_POSTS): 63,206 characters, Facebook's long-standing limit for a post. */
export const FB_MESSAGE_MAX_CHARS = 63_206

/**
 * The first comment goes through the comment endpoint; we hold it to the caption's limits (2,200 characters,
 * 30 hashtags) on both platforms, which is within what either accepts.
 */
export const FIRST_COMMENT_MAX_CHARS = 2200
export const FIRST_COMMENT_MAX_HASHTAGS = 30

// ── Instagram media ──────────────────────────────────────────────────────────────────────────────────

/** IG_MEDIA image specifications: JPEG only (extended JPEG such as MPO and JPS is not supported); IG_ERRORS 36001/2207005. */
export const IG_IMAGE_MIMES = ["image/jpeg"] as const
/** IG_MEDIA: 8 MB maximum; IG_ERRORS 36000/2207004 spells it out: "It should be less than 8 MiB." */
export const IG_IMAGE_MAX_BYTES = 8 * MiB
/**
 * IG_MEDIA: feed images within 4:5 to 1.91:1 (IG_ERRORS 36003/2207009 otherwise). Held as the
 * integer fractions 4/5 and 191/100 so the check is exact for pixel sizes.
 */
export const IG_FEED_ASPECT_MIN = { numerator: 4, denominator: 5 } as const
export const IG_FEED_ASPECT_MAX = { numerator: 191, denominator: 100 } as const
/** IG_MEDIA: width 320–1440; narrower images are scaled up (so only a warning: they look soft). */
export const IG_IMAGE_MIN_WIDTH = 320

/** IG_MEDIA video specifications: MOV or MP4 (MPEG-4 Part 14) containers; IG_ERRORS 352/2207026 otherwise. */
export const IG_VIDEO_MIMES = ["video/mp4", "video/quicktime"] as const
/** IG_MEDIA Reels specifications: 3 seconds to 15 minutes, 300 MB maximum. */
export const IG_REEL_MIN_SECONDS = 3
export const IG_REEL_MAX_SECONDS = 15 * 60
export const IG_REEL_MAX_BYTES = 300 * MB
/** IG_MEDIA Stories video: 3 to 60 seconds, 100 MB maximum. */
export const IG_STORY_MIN_SECONDS = 3
export const IG_STORY_MAX_SECONDS = 60
export const IG_STORY_MAX_BYTES = 100 * MB

/** IG_PUBLISHING carousel posts: up to 10 images, videos or a mix (the app allows 20, the API does not); IG_ERRORS 100/2207028. */
export const IG_CAROUSEL_MIN_ITEMS = 2
export const IG_CAROUSEL_MAX_ITEMS = 10

/** IG_MEDIA `alt_text`: at most 1,000 characters; images only, not reels or stories. */
export const IG_ALT_TEXT_MAX_CHARS = 1000

// ── Facebook media ───────────────────────────────────────────────────────────────────────────────────

/** Page photos: Meta refuses a photo over 4 MB or other than JPG/PNG with subcode 1366046 (seen in production). */
export const FB_PHOTO_MIMES = ["image/jpeg", "image/png"] as const
export const FB_PHOTO_MAX_BYTES = 4 * MB
/**
 * Multi-photo posts attach unpublished photos to one feed post (PAGE_POSTS, `attached_media`). Meta states
 * no maximum; 2–10 is our own conservative limit, the same as an Instagram carousel.
 */
export const FB_MULTI_PHOTO_MIN_ITEMS = 2
export const FB_MULTI_PHOTO_MAX_ITEMS = 10

/** FB_REELS specifications: 3 to 90 seconds, 9:16 (at least 540×960), MP4 recommended. */
export const FB_REEL_MIN_SECONDS = 3
export const FB_REEL_MAX_SECONDS = 90
/** FB_REELS rate limit: 30 API-published reels per Page in a 24-hour moving window (enforced at publish). */
export const FB_REEL_MAX_PER_DAY = 30

// ── Schedule ─────────────────────────────────────────────────────────────────────────────────────────

/** A time this far in the past is taken as "now" (the form was filled in a minute ago); older is an error. */
export const SCHEDULE_PAST_TOLERANCE_MS = 60_000
/**
 * Page feed `scheduled_publish_time` must lie between 10 minutes and 75 days after the request (PAGE_POSTS).
 * We schedule ourselves on both platforms, but keep Facebook's far bound for both.
 */
export const SCHEDULE_MAX_AHEAD_MS = 75 * 24 * 60 * 60 * 1000
