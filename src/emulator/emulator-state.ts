import { createAppRegistry, type AppRegistry } from "./context"
import { INVALIDATION_MESSAGES } from "./errors"
import { FaultBook } from "./faults"
import { KNOWN_PERMISSIONS } from "./permissions"
import { RequestRecorder } from "./recorder"
import { seedWorld } from "./seed"
import { invalidateToken, issueToken, tokenProblem } from "./tokens"
import type { EmulatorApp, TokenInfo } from "./types"
import { UsageTracker } from "./usage"
import { allocateObjectId, emptyWorld, type World } from "./world"

export const DEFAULT_APP: EmulatorApp = { appId: "1234567890", appSecret: "sandbox-app-secret", name: "Sandbox Store App" }

export type SystemUserTokenInput = { scopes?: string[]; businessId?: string; expiresIn?: number }

/** The emulator's mutable parts and the operations tests and the control API perform on them. */
export class EmulatorState {
  world: World
  readonly apps: AppRegistry
  readonly faults = new FaultBook()
  readonly recorder = new RequestRecorder()
  readonly usage: UsageTracker
  /** See StartGraphEmulatorOptions.acceptLocalImageLinks. */
  acceptLocalImageLinks = false

  constructor(
    apps: EmulatorApp[],
    readonly now: () => number,
    private readonly seed: boolean,
    initialWorld?: World
  ) {
    this.apps = createAppRegistry(apps)
    this.usage = new UsageTracker(now)
    this.world = initialWorld ?? this.freshWorld()
  }

  private freshWorld(): World {
    return this.seed ? seedWorld(this.now()) : emptyWorld()
  }

  reset(): void {
    this.world = this.freshWorld()
    this.faults.clear()
    this.recorder.clear()
    this.usage.reset()
  }

  /** A system-user token of the business's system user (Business Manager tokens: never expire unless asked). */
  createSystemUserToken(input: SystemUserTokenInput = {}): string {
    const businessId = input.businessId ?? Object.keys(this.world.businesses)[0]
    const business = businessId ? this.world.businesses[businessId] : undefined
    if (!business) throw new Error(`No business "${businessId ?? ""}" in the emulator world`)
    const unknown = (input.scopes ?? []).filter((s) => !KNOWN_PERMISSIONS.includes(s))
    if (unknown.length) throw new Error(`Unknown permission(s): ${unknown.join(", ")}`)
    let systemUser = Object.values(this.world.users).find((u) => u.isSystemUser && u.businessId === business.id)
    if (!systemUser) {
      const id = allocateObjectId(this.world)
      systemUser = { id, name: `${business.name} System User`, email: "", isSystemUser: true, businessId: business.id }
      this.world.users[id] = systemUser
      business.memberIds.push(id)
    }
    return issueToken(this.world, this.now(), {
      type: "SYSTEM_USER",
      appId: this.apps.defaultApp.appId,
      userId: systemUser.id,
      businessId: business.id,
      scopes: input.scopes ?? KNOWN_PERMISSIONS,
      lifetimeSeconds: input.expiresIn ?? 0,
    }).token
  }

  /** Ends the session as a password change does (190/460); page tokens read with it die too. */
  revokeToken(token: string): boolean {
    return invalidateToken(this.world, token, 460, INVALIDATION_MESSAGES.passwordChanged)
  }

  /** Moves the token's expiry into the past (190/463 from then on). */
  expireToken(token: string): boolean {
    const record = this.world.tokens[token]
    if (!record) return false
    record.expiresAt = Math.floor(this.now() / 1000) - 1
    return true
  }

  tokenInfo(token: string): TokenInfo | undefined {
    const record = this.world.tokens[token]
    if (!record) return undefined
    return { ...record, scopes: [...record.scopes], isValid: tokenProblem(this.world, record, this.now()) === undefined }
  }
}
