/**
 * The Marketing API of the Graph API emulator: ad accounts, campaigns, ad sets, creatives, ads,
 * insights (sync and async), copies, the ad rules library and ad-account throttling.
 */
export { handleAdsRoute } from "./routes"
export { adsUsageHeaders } from "./usage"
export { adsControlState, configureAdsFromControl, EmulatorAds } from "./handle"
export type {
  AccessTier,
  AdsConfigInput,
  EmulatedAd,
  EmulatedAdAccount,
  EmulatedAdSet,
  EmulatedCampaign,
  EmulatedCreative,
  EmulatedInsights,
  EmulatedRule,
  EmulatedRuleRun,
  PerformanceInput,
  SeedAccountInput,
  SeededAccount,
  WriteRecord,
} from "./handle"
