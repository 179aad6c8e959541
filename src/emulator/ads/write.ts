import type { AdsCall } from "./context"
import { settle } from "./delivery"
import { invalid } from "./errors"
import { enumParam, type Params } from "./params"
import { invalidateRates, type AdObjectStatus } from "./store"

/**
 * Every change to delivery (status, budget, schedule, new objects) first accumulates the spend up to
 * now with the rates in force, then applies, then lets the rates be rebuilt.
 */
export function applyChange<T>(call: AdsCall, change: () => T): T {
  settle(call.world, call.account, call.state, call.now)
  const result = change()
  invalidateRates(call.state)
  return result
}

/** Objects are created ACTIVE or PAUSED; ARCHIVED and DELETED are only reached by an update. */
export function createStatus(params: Params): AdObjectStatus {
  return enumParam(params, "status", ["ACTIVE", "PAUSED"] as const) ?? "ACTIVE"
}

export function updateStatus(params: Params): AdObjectStatus | undefined {
  return enumParam(params, "status", ["ACTIVE", "PAUSED", "ARCHIVED", "DELETED"] as const)
}

/** A deleted object is read-only; an archived one only changes status or name (Marketing API "Archive and delete"). */
export function checkEditable(kind: string, status: AdObjectStatus, params: Params): void {
  if (status === "DELETED") {
    throw invalid({ title: `${kind} Deleted`, message: `This ${kind.toLowerCase()} has been deleted and can't be edited.`, field: "status" })
  }
  if (status === "ARCHIVED") {
    const other = Object.keys(params).filter((k) => !["status", "name", "access_token", "appsecret_proof", "execution_options", "fields"].includes(k))
    if (other.length) {
      throw invalid({ title: `${kind} Archived`, message: `This ${kind.toLowerCase()} is archived: only its status and name can be changed.`, field: other[0] })
    }
  }
}

/** Graph answers an update with {success: true}. */
export const SUCCESS = { success: true }
