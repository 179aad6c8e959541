import { requestErrors } from "../errors"
import { parseFields, type FieldSelection } from "../fields"
import { stringParam } from "../http"

/** Parameter and field helpers shared by the Instagram and Page publishing routes. */

export type Resolvers<R> = Record<string, (record: R, children?: FieldSelection[]) => unknown>

/**
 * The record's requested fields (`fields`, else the defaults); unknown names fail like Graph ("Tried
 * accessing nonexisting field … on node type (…)"); the id is always answered.
 */
export function projectRecord<R>(
  record: R,
  resolvers: Resolvers<R>,
  selection: FieldSelection[] | undefined,
  defaults: string[],
  nodeType: string
): Record<string, unknown> {
  const wanted: FieldSelection[] = selection ?? defaults.map((name) => ({ name }))
  const out: Record<string, unknown> = {}
  for (const field of wanted) {
    const resolve = resolvers[field.name]
    if (!resolve) throw requestErrors.nonexistingField(field.name, nodeType)
    const value = resolve(record, field.children)
    if (value !== undefined) out[field.name] = value
  }
  if (out.id === undefined && resolvers.id) out.id = resolvers.id(record)
  return out
}

export function fieldsParam(params: Record<string, unknown>): FieldSelection[] | undefined {
  return parseFields(stringParam(params, "fields"))
}

/** "true"/"false" (form and query) or a JSON boolean; anything else is refused like Graph does. */
export function boolParam(params: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = params[name]
  if (value === undefined || value === null || value === "") return fallback
  if (value === true || value === "true" || value === "1" || value === 1) return true
  if (value === false || value === "false" || value === "0" || value === 0) return false
  throw requestErrors.invalidParam(`Param ${name} must be a boolean`)
}

/** A comma list ("1,2,3"), a JSON array string, or an array. */
export function listParam(params: Record<string, unknown>, name: string): string[] | undefined {
  const value = params[name]
  if (value === undefined || value === null || value === "") return undefined
  if (Array.isArray(value)) return value.map(String)
  const text = String(value).trim()
  if (text.startsWith("[")) {
    try {
      const parsed = JSON.parse(text) as unknown
      if (Array.isArray(parsed)) return parsed.map(String)
    } catch {
      throw requestErrors.invalidParam(`Param ${name} must be a list of ids`)
    }
  }
  return text.split(",").map((s) => s.trim()).filter(Boolean)
}

export function intParam(params: Record<string, unknown>, name: string): number | undefined {
  const value = stringParam(params, name)
  if (value === undefined || value === "") return undefined
  const number = Number(value)
  if (!Number.isInteger(number)) throw requestErrors.invalidParam(`Param ${name} must be an integer`)
  return number
}

export const charCount = (text: string) => Array.from(text).length
