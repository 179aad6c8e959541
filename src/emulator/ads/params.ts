import { stringParam } from "../http"
import { badParam } from "./errors"

/**
 * Marketing API parameters arrive form-encoded (objects and arrays as JSON text) or in a JSON body
 * (real values); these read either.
 */

export type Params = Record<string, unknown>

export function has(params: Params, name: string): boolean {
  const value = params[name]
  return value !== undefined && value !== null && value !== ""
}

export function text(params: Params, name: string): string | undefined {
  return has(params, name) ? stringParam(params, name) : undefined
}

/** A JSON object or array parameter, parsed when it came as text. */
export function jsonValue(params: Params, name: string): unknown {
  const value = params[name]
  if (typeof value !== "string") return value
  const trimmed = value.trim()
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return value
  try {
    return JSON.parse(trimmed)
  } catch {
    // Meta's own examples write time_range={'since':'…','until':'…'} with single quotes.
    try {
      return JSON.parse(trimmed.replace(/'/g, '"'))
    } catch {
      throw badParam(name, `Param ${name} must be a JSON-encoded value`)
    }
  }
}

export function objectParam(params: Params, name: string): Record<string, unknown> | undefined {
  if (!has(params, name)) return undefined
  const value = jsonValue(params, name)
  if (!value || typeof value !== "object" || Array.isArray(value)) throw badParam(name, `Param ${name} must be a JSON object`)
  return value as Record<string, unknown>
}

/** An array parameter: a JSON array, or comma-separated text. */
export function listParam(params: Params, name: string): string[] | undefined {
  if (params[name] === undefined || params[name] === null) return undefined
  const value = jsonValue(params, name)
  if (Array.isArray(value)) return value.map(String)
  if (typeof value === "string") return value.split(",").map((s) => s.trim()).filter(Boolean)
  throw badParam(name, `Param ${name} must be an array`)
}

/** Budgets and bids: non-negative integers in offset units; "12.5" is refused, never rounded. */
export function integerParam(params: Params, name: string): number | undefined {
  if (!has(params, name)) return undefined
  const value = params[name]
  const textValue = typeof value === "number" ? String(value) : String(value).trim()
  if (!/^\d+$/.test(textValue)) throw badParam(name, `Param ${name} must be a non-negative integer (an amount in the account currency's offset, e.g. 5000 for US$50.00)`)
  const number = Number(textValue)
  if (!Number.isSafeInteger(number)) throw badParam(name, `Param ${name} is too large`)
  return number
}

export function booleanParam(params: Params, name: string): boolean | undefined {
  if (!has(params, name)) return undefined
  const value = params[name]
  if (value === true || value === 1 || value === "1" || String(value).toLowerCase() === "true") return true
  if (value === false || value === 0 || value === "0" || String(value).toLowerCase() === "false") return false
  throw badParam(name, `Param ${name} must be a boolean`)
}

export function enumParam<T extends string>(params: Params, name: string, values: readonly T[]): T | undefined {
  const value = text(params, name)
  if (value === undefined) return undefined
  if (!values.includes(value as T)) throw badParam(name, `Param ${name} must be one of {${values.join(", ")}} - got "${value}"`)
  return value as T
}

/** ISO 8601 time or unix seconds, as ms; undefined when absent. */
export function timeParam(params: Params, name: string): number | undefined {
  const value = text(params, name)
  if (value === undefined || value === "0") return undefined
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, "$1:$2"))
  if (!Number.isFinite(ms)) throw badParam(name, `Param ${name} must be a valid time (ISO 8601 or unix seconds)`)
  return ms
}

/** execution_options=["validate_only"]: Meta checks the write and applies nothing. */
export function isValidateOnly(params: Params): boolean {
  const options = params.execution_options === undefined ? undefined : listParam(params, "execution_options")
  return options?.includes("validate_only") ?? false
}
