import type { Caller, RouteContext } from "../context"
import type { AdAccountRecord, World } from "../world"
import type { Params } from "./params"
import { accountAds, adsOf, type AccountAds, type AdsWorld } from "./store"

/** One Marketing API call: who calls, on which account, at which ads-clock time and Graph version. */
export type AdsCall = {
  ctx: RouteContext
  world: World
  ads: AdsWorld
  caller: Caller
  account: AdAccountRecord
  state: AccountAds
  /** Ads clock (ms). */
  now: number
  /** "v25.0" and 25. */
  version: string
  major: number
  params: Params
}

const VERSION = /^\/(v(\d+)\.\d+)\//

/** The Graph version of the call (the path's, else the emulator's default v25.0). */
export function versionOf(ctx: RouteContext): { version: string; major: number } {
  const match = VERSION.exec(ctx.request.pathname)
  return match ? { version: match[1], major: Number(match[2]) } : { version: "v25.0", major: 25 }
}

export function makeCall(ctx: RouteContext, caller: Caller, account: AdAccountRecord, now: number): AdsCall {
  const { version, major } = versionOf(ctx)
  return {
    ctx,
    world: ctx.world,
    ads: adsOf(ctx.world),
    caller,
    account,
    state: accountAds(ctx.world, account, now),
    now,
    version,
    major,
    params: ctx.request.params,
  }
}
