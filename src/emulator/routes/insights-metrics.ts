/**
 * The insights metrics the emulator answers, by object, with the names, periods and media product types
 * Meta documents; anything else is refused the way Graph refuses it. Sources:
 * - Instagram media: https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights
 *   (views for FEED/STORY/REELS; impressions, plays, clips_replays_count, ig_reels_aggregated_all_plays_count
 *   deprecated for all versions since 2025-04-21, video_views deprecated) and the 2025-12-03 additions
 *   (https://developers.facebook.com/blog/post/2025/12/03/instragram-api-updates/: reels_skip_rate, reposts,
 *   crossposted_views, facebook_views).
 * - Instagram account: https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights
 * - Page and Page post: https://developers.facebook.com/docs/graph-api/reference/insights and the deprecated list
 *   https://developers.facebook.com/docs/pages-api/platforminsights/page/deprecated-metrics (page_impressions*,
 *   post_impressions*, page_posts_impressions*, page_fans*, page_fan_adds*, page_engaged_users … all invalid).
 */

export type MediaProductType = "FEED" | "REELS" | "STORY"

export type MetricInfo = { title: string; description: string }
export type MediaMetric = MetricInfo & { types: MediaProductType[] }

const ALL: MediaProductType[] = ["FEED", "REELS", "STORY"]
const FEED_REELS: MediaProductType[] = ["FEED", "REELS"]
const FEED_STORY: MediaProductType[] = ["FEED", "STORY"]

/** GET /{ig-media-id}/insights: metric → the media product types it exists for. */
export const MEDIA_METRICS: Record<string, MediaMetric> = {
  views: { types: ALL, title: "Views", description: "The number of times your reel, post or story was played or displayed." },
  reach: { types: ALL, title: "Accounts reached", description: "The number of unique accounts that have seen your media at least once." },
  likes: { types: FEED_REELS, title: "Likes", description: "The number of likes on your post." },
  comments: { types: FEED_REELS, title: "Comments", description: "The number of comments on your post." },
  shares: { types: ALL, title: "Shares", description: "The number of shares of your post." },
  saved: { types: FEED_REELS, title: "Saved", description: "The number of saves of your post." },
  total_interactions: {
    types: ALL,
    title: "Interactions",
    description: "The number of likes, saves, comments and shares on your post, minus unlikes, unsaves and deleted comments (stories: replies and shares).",
  },
  follows: { types: FEED_STORY, title: "Follows", description: "The number of accounts that started following you from this media." },
  profile_visits: { types: FEED_STORY, title: "Profile visits", description: "The number of times your profile was visited from this media." },
  profile_activity: {
    types: FEED_STORY,
    title: "Profile activity",
    description: "The number of actions people took on your profile after engaging with this media.",
  },
  replies: { types: ["STORY"], title: "Replies", description: "The number of replies to your story." },
  navigation: {
    types: ["STORY"],
    title: "Navigation",
    description: "The number of taps forward, taps back, exits and swipes forward on your story.",
  },
  ig_reels_avg_watch_time: { types: ["REELS"], title: "Average watch time", description: "The average time your reel was played, in milliseconds." },
  ig_reels_video_view_total_time: {
    types: ["REELS"],
    title: "Watch time",
    description: "The total time your reel was played, replays included, in milliseconds.",
  },
  reels_skip_rate: {
    types: ["REELS"],
    title: "Skip rate",
    description: "The percentage of views in which the viewer skipped your reel within its first 3 seconds.",
  },
  reposts: { types: FEED_REELS, title: "Reposts", description: "The number of times your media was reposted." },
  crossposted_views: {
    types: ["REELS"],
    title: "Crossposted views",
    description: "Views of your reel on Instagram and, when it was crossposted, on Facebook.",
  },
  facebook_views: { types: ["REELS"], title: "Facebook views", description: "Views of your reel crossposted to Facebook, on Facebook." },
  total_likes: { types: FEED_REELS, title: "Total likes", description: "Likes on your post, ads containing it included." },
  total_comments: { types: FEED_REELS, title: "Total comments", description: "Comments on your post, ads containing it included." },
  total_views: { types: FEED_REELS, title: "Total views", description: "Views of your post, ads containing it included." },
}

/** Media metrics Meta retired; asking for one fails the whole call like any unknown name. */
export const DEPRECATED_MEDIA_METRICS = [
  "impressions",
  "plays",
  "clips_replays_count",
  "ig_reels_aggregated_all_plays_count",
  "video_views",
  "engagement",
  "exits",
  "taps_forward",
  "taps_back",
  "carousel_album_engagement",
  "carousel_album_impressions",
  "carousel_album_reach",
  "carousel_album_saved",
  "carousel_album_video_views",
]

export type MetricType = "total_value" | "time_series"
export type AccountMetric = MetricInfo & {
  periods: string[]
  metricTypes: MetricType[]
  /** "not available on Instagram business or creator accounts with fewer than 100 followers". */
  needsHundredFollowers?: boolean
  /** Only the last 30 days are available. */
  lastThirtyDays?: boolean
}

const totalValueOnly = (title: string, description: string): AccountMetric => ({ title, description, periods: ["day"], metricTypes: ["total_value"] })

/** GET /{ig-user-id}/insights. */
export const ACCOUNT_METRICS: Record<string, AccountMetric> = {
  reach: {
    title: "Accounts reached",
    description: "The number of unique accounts that have seen your content at least once.",
    periods: ["day"],
    metricTypes: ["total_value", "time_series"],
  },
  views: totalValueOnly("Views", "The number of times your content was played or displayed."),
  accounts_engaged: totalValueOnly("Accounts engaged", "The number of accounts that have interacted with your content."),
  total_interactions: totalValueOnly("Content interactions", "The number of likes, saves, comments, shares and replies on your content."),
  likes: totalValueOnly("Likes", "The number of likes on your posts, reels and videos."),
  comments: totalValueOnly("Comments", "The number of comments on your posts, reels, videos and live videos."),
  shares: totalValueOnly("Shares", "The number of shares of your posts, stories, reels, videos and live videos."),
  saves: totalValueOnly("Saves", "The number of saves of your posts, reels and videos."),
  replies: totalValueOnly("Replies", "The number of replies to your stories."),
  reposts: totalValueOnly("Reposts", "The number of times your media was reposted."),
  profile_links_taps: totalValueOnly("Profile links taps", "The number of taps on your business address, call, email and text buttons."),
  follows_and_unfollows: totalValueOnly("Follows", "The number of accounts that followed your account."),
  follower_count: {
    title: "Follower count",
    description: "The number of accounts that started following your account each day.",
    periods: ["day"],
    metricTypes: ["time_series"],
    needsHundredFollowers: true,
    lastThirtyDays: true,
  },
  online_followers: {
    title: "Online followers",
    description: "The number of your followers who were on Instagram in each hour of the day (hours of Meta's reporting day, America/Los_Angeles).",
    periods: ["lifetime"],
    metricTypes: ["time_series"],
    needsHundredFollowers: true,
    lastThirtyDays: true,
  },
}

/** Account metrics removed at v22 with a message of their own (Graph's answer for `impressions`). */
export const RETIRED_ACCOUNT_METRICS = ["impressions"]

export type PageMetric = MetricInfo & { periods: string[]; level: "page" | "post"; breakdownObject?: boolean }

const pageDaily = (title: string, description: string, periods = ["day", "week", "days_28"]): PageMetric => ({ title, description, periods, level: "page" })
const postLifetime = (title: string, description: string, breakdownObject = false): PageMetric => ({
  title,
  description,
  periods: ["lifetime"],
  level: "post",
  ...(breakdownObject ? { breakdownObject } : {}),
})

/** GET /{page-id}/insights and GET /{page-post-id}/insights. */
export const PAGE_METRICS: Record<string, PageMetric> = {
  page_follows: pageDaily("Page follows", "The number of people who follow your Page.", ["day"]),
  page_daily_follows: pageDaily("Daily follows", "The number of times your Page was followed.", ["day"]),
  page_daily_follows_unique: pageDaily("Daily new follows", "The number of people who followed your Page."),
  page_daily_unfollows_unique: pageDaily("Daily unfollows", "The number of people who unfollowed your Page."),
  page_total_media_view_unique: pageDaily("Viewers", "The number of people who saw any content from or about your Page."),
  page_media_view: pageDaily("Views", "The number of times your Page's content was played or displayed."),
  page_post_engagements: pageDaily("Post engagements", "The number of times people engaged with your posts through reactions, comments, shares and more."),
  page_views_total: pageDaily("Page views", "The number of times your Page's profile was viewed."),
  post_total_media_view_unique: postLifetime("Viewers", "The number of people who saw your post."),
  post_media_view: postLifetime("Views", "The number of times your post was played or displayed."),
  post_clicks: postLifetime("Post clicks", "The number of times people clicked anywhere in your post."),
  post_clicks_by_type: postLifetime("Post clicks by type", "Clicks on your post, by type (link clicks, photo view, other clicks).", true),
  post_reactions_like_total: postLifetime("Like reactions", "The number of Like reactions on your post."),
  post_reactions_love_total: postLifetime("Love reactions", "The number of Love reactions on your post."),
  post_reactions_wow_total: postLifetime("Wow reactions", "The number of Wow reactions on your post."),
  post_reactions_haha_total: postLifetime("Haha reactions", "The number of Haha reactions on your post."),
  post_reactions_sorry_total: postLifetime("Sorry reactions", "The number of Sorry reactions on your post."),
  post_reactions_anger_total: postLifetime("Anger reactions", "The number of Anger reactions on your post."),
  post_reactions_by_type_total: postLifetime("Reactions by type", "The reactions on your post, by type.", true),
}

/** Values of Graph's `period` parameter for Page insights. */
export const PAGE_PERIODS = ["day", "week", "days_28", "month", "lifetime", "total_over_range"]

/**
 * GET /{video-id}/video_insights (https://developers.facebook.com/docs/video-api/guides/insights,
 * https://developers.facebook.com/docs/graph-api/reference/video/video_insights): lifetime figures of a Page
 * video (`total_video_*`) and, with their own names, of a reel (https://developers.facebook.com/blog/post/2022/12/15/introducing-reels-metrics-api/:
 * plays, reach, average watch time, reactions, comments and shares, minutes viewed). `on` says which kind
 * of Video answers the metric.
 */
export type VideoKind = "video" | "reel"
export type VideoMetric = MetricInfo & { on: VideoKind }

const videoMetric = (title: string, description: string): VideoMetric => ({ on: "video", title, description })
const reelMetric = (title: string, description: string): VideoMetric => ({ on: "reel", title, description })

export const VIDEO_METRICS: Record<string, VideoMetric> = {
  total_video_views: videoMetric(
    "Lifetime Total Video Views",
    "Lifetime: Total number of times your video was viewed for 3 seconds or viewed to the end, whichever came first. (Total Count)"
  ),
  total_video_views_unique: videoMetric(
    "Lifetime Unique Video Views",
    "Lifetime: Number of unique people who viewed your video for 3 seconds or viewed to the end, whichever came first. (Unique Users)"
  ),
  total_video_views_autoplayed: videoMetric("Lifetime Auto-Played Video Views", "Lifetime: Number of times your video started playing automatically and was viewed for 3 seconds or to the end. (Total Count)"),
  total_video_views_clicked_to_play: videoMetric("Lifetime Clicked-to-Play Video Views", "Lifetime: Number of times people clicked to play your video and viewed it for 3 seconds or to the end. (Total Count)"),
  total_video_complete_views: videoMetric("Lifetime Complete Video Views", "Lifetime: Number of times your video was viewed to 95% of its length. (Total Count)"),
  total_video_30s_views: videoMetric("Lifetime 30-Second Video Views", "Lifetime: Number of times your video was viewed for 30 seconds or to the end, whichever came first. (Total Count)"),
  total_video_avg_time_watched: videoMetric("Lifetime Average time video viewed", "Lifetime: Average time your video was viewed, in milliseconds. (Total Count)"),
  total_video_view_total_time: videoMetric("Lifetime Total Video View Time", "Lifetime: Total time your video was viewed, replays included, in milliseconds. (Total Count)"),
  total_video_impressions: videoMetric("Lifetime Total Video Impressions", "Lifetime: Number of times your video entered a person's screen. (Total Count)"),
  total_video_impressions_unique: videoMetric("Lifetime Unique Video Impressions", "Lifetime: Number of people who had your video enter their screen. (Unique Users)"),
  total_video_reactions_by_type_total: videoMetric("Lifetime Reactions by type", "Lifetime: The reactions on your video, by type. (Total Count)"),
  blue_reels_play_count: reelMetric("Reel plays", "The number of times your reel started to play after an impression was counted; replays are not counted."),
  fb_reels_replay_count: reelMetric("Reel replays", "The number of times your reel started to play again after its first play."),
  fb_reels_total_plays: reelMetric("Reel total plays", "The number of times your reel started to play, replays included."),
  post_impressions_unique: reelMetric("Reel reach", "The number of people who saw your reel at least once."),
  post_video_avg_time_watched: reelMetric("Average watch time", "The average time your reel was played, in milliseconds."),
  post_video_view_time: reelMetric("Watch time", "The total time your reel was played, replays included, in milliseconds."),
  post_video_followers: reelMetric("Follows", "The number of people who followed your Page after watching your reel."),
  post_video_likes_by_reaction_type: reelMetric("Reactions by type", "The reactions on your reel, by type."),
  post_video_social_actions: reelMetric("Comments and shares", "The comments on and shares of your reel, by type."),
}
