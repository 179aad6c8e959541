import { GraphApiError } from "../errors"
import type { MediaError } from "./publishing-store"

/**
 * Instagram content-publishing errors, with the codes, subcodes and user messages of
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
 * (HTTP 400, type OAuthException; error_user_msg carries the user message).
 */

const media = (code: number, subcode: number, message: string, userTitle?: string): MediaError => ({
  code,
  subcode,
  message,
  ...(userTitle ? { userTitle } : {}),
})

/** Fetch-time failures: a container turns ERROR with one of these, and media_publish answers it. */
export const mediaErrors = {
  downloadTimeout: () => media(-2, 2207003, "It takes too long to download the media."),
  notFetched: (uri: string) => media(9004, 2207052, `The media could not be fetched from this uri: ${uri}`),
  imageTooLarge: () => media(36000, 2207004, "The image is too large to download. It should be less than 8 MiB.", "Image size too large"),
  imageFormat: (format: string) => media(36001, 2207005, `The image format ${format} is not supported. Supported formats are: JPEG.`),
  aspectRatio: (ratio: number) =>
    media(36003, 2207009, `The submitted image with aspect ratio ('${Number(ratio.toFixed(4))}') cannot be published. Please submit an image with a valid aspect ratio.`),
  videoFormat: () => media(352, 2207026, "The video format is not supported. Please check spec for supported video format"),
}

export function mediaErrorToGraph(error: MediaError): GraphApiError {
  return new GraphApiError({
    code: error.code,
    subcode: error.subcode,
    message: error.message,
    userTitle: error.userTitle,
    userMessage: error.message,
  })
}

const graph = (code: number, subcode: number, message: string, extra: { userTitle?: string; userMessage?: string } = {}) =>
  new GraphApiError({ code, subcode, message, userTitle: extra.userTitle, userMessage: extra.userMessage ?? message })

export const igErrors = {
  /** The envelope Meta answers for media_publish before FINISHED (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish). */
  notReady: () =>
    graph(9007, 2207027, "Media ID is not available", {
      userTitle: "Cannot Publish",
      userMessage: "The media is not ready for publishing, please wait for a moment",
    }),
  expired: () => graph(-2, 2207020, "The media you are trying to access has expired. Please try to upload again."),
  notFound: (id: string) => graph(24, 2207006, `The media with ${id} cannot be found`),
  publishLimit: () =>
    graph(9, 2207042, "Application request limit reached", {
      userMessage: "You reached maximum number of posts that is allowed to be published by Content Publishing API.",
    }),
  unknownMediaType: (type: string, hint = "") => graph(100, 2207023, `The media type ${type} is unknown.${hint}`),
  carouselSize: () =>
    graph(100, 2207028, "Your post won't work as a carousel. Carousels need at least 2 photos/videos and no more than 10 photos/videos."),
  tooManyMentions: (max: number) => graph(100, 2207040, `Cannot use more than ${max} tags per created media.`),
  captionTooLong: (length: number, max: number) =>
    graph(
      36004,
      2207010,
      `The submitted image's caption was ${length} characters long. The maximum number of characters permitted for a caption is ${max}. Please submit media with a shorter caption.`
    ),
  tooManyHashtags: (count: number, max: number) =>
    graph(36004, 2207010, `The submitted caption has ${count} hashtags. The maximum number of hashtags permitted for a caption is ${max}. Please submit media with fewer hashtags.`),
  /** Product tags (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes, 2207035–37). */
  tagPositionOnVideo: () => graph(100, 2207035, "Product tag positions should not be specified for video media."),
  tagPositionMissing: () => graph(100, 2207036, "Product tag positions are required for photo media."),
  tagNotAdded: () =>
    graph(100, 2207037, "We couldn't add all of your product tags. The product ID may be incorrect, the product may be deleted, or you may not have permission to tag the product."),
  /** Emulator wording: Meta states the limit (5 per media) but not its error. */
  tooManyProductTags: (count: number, max: number) => new GraphApiError({ code: 100, message: `(#100) Param product_tags must have at most ${max} tags; it has ${count}` }),
  /** Emulator wording: an account without an approved Shop cannot tag. */
  notTagEligible: () => new GraphApiError({ code: 100, message: "(#100) This Instagram account is not eligible for product tagging (shopping_product_tag_eligibility is false)" }),
  /** Emulator wording: Meta documents the 400-containers/24 h limit but not its error. */
  containerLimit: (max: number) =>
    new GraphApiError({ code: 9, message: `(#9) This Instagram account has created ${max} media containers in the past 24 hours. Wait before creating more.` }),
  /** Emulator wording: a second media_publish of a published container never creates a second media. */
  alreadyPublished: (id: string) => new GraphApiError({ code: 100, message: `(#100) This media has already been published (creation_id ${id})` }),
}
