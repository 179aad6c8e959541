import type { ParsedRequest } from "./http"
import type { EmulatorApp, TokenRecord } from "./types"
import type { World } from "./world"

export type AppRegistry = {
  readonly all: EmulatorApp[]
  readonly defaultApp: EmulatorApp
  byId(appId: string | undefined): EmulatorApp | undefined
}

export function createAppRegistry(apps: EmulatorApp[]): AppRegistry {
  if (apps.length === 0) throw new Error("The Graph API emulator needs at least one app")
  return {
    all: apps,
    defaultApp: apps[0],
    byId: (appId) => apps.find((app) => app.appId === appId),
  }
}

/** Who the usage headers of a response are about. */
export type UsageTarget = { appId?: string; objectId?: string; bucType?: string }

export type RouteContext = {
  request: ParsedRequest
  /** Path segments after the version prefix. */
  segments: string[]
  world: World
  apps: AppRegistry
  now: () => number
  usage: UsageTarget
  /** Image links on this machine or a private network are taken (the development sandbox serves the store's own images). */
  acceptLocalImageLinks?: boolean
}

/** The caller of a Graph call: an app (app access token) or a user/page/system-user token. */
export type Caller = { kind: "app"; app: EmulatorApp } | { kind: "token"; app: EmulatorApp; token: TokenRecord }
export type TokenCaller = Extract<Caller, { kind: "token" }>

export type Reply =
  | { kind: "json"; status?: number; body: unknown }
  | { kind: "html"; status?: number; html: string }
  | { kind: "redirect"; location: string }

export const json = (body: unknown, status?: number): Reply => ({ kind: "json", body, status })
