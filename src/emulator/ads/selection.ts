import { requestErrors } from "../errors"

/**
 * Graph field expansion with modifiers, as the Marketing API uses it to read a tree in one call
 * (https://developers.facebook.com/docs/graph-api/field-expansion): `adsets.limit(100){id,name,ads{id}}`,
 * `insights.date_preset(last_7d).time_increment(1){spend}`. Unlike the emulator's general field parser
 * the modifiers are kept: the nested edge pages by its own limit and insights read their own range.
 */
export type Selection = {
  name: string
  modifiers: Record<string, string>
  children?: Selection[]
  /** The children as written, for the `fields` of a nested edge's paging.next URL. */
  childrenText?: string
}

function splitTopLevel(value: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ""
  for (const char of value) {
    if (char === "{" || char === "(" || char === "[") depth += 1
    if (char === "}" || char === ")" || char === "]") depth -= 1
    if (char === "," && depth === 0) {
      parts.push(current)
      current = ""
    } else {
      current += char
    }
  }
  parts.push(current)
  if (depth !== 0) throw requestErrors.invalidParam(`Syntax error in fields: unbalanced braces in "${value}"`)
  return parts.map((p) => p.trim()).filter(Boolean)
}

/** `.name(args)` modifiers after the field name; args may hold JSON with brackets and braces. */
function parseModifiers(part: string, rest: string): Record<string, string> {
  const modifiers: Record<string, string> = {}
  let index = 0
  while (index < rest.length) {
    const match = /^\.([a-z_]+)\(/i.exec(rest.slice(index))
    if (!match) throw requestErrors.invalidParam(`Syntax error in fields: "${part}"`)
    let depth = 1
    let cursor = index + match[0].length
    const start = cursor
    while (cursor < rest.length && depth > 0) {
      const char = rest[cursor]
      if (char === "(" || char === "{" || char === "[") depth += 1
      if (char === ")" || char === "}" || char === "]") depth -= 1
      cursor += 1
    }
    if (depth !== 0) throw requestErrors.invalidParam(`Syntax error in fields: "${part}"`)
    modifiers[match[1]] = rest.slice(start, cursor - 1).trim()
    index = cursor
  }
  return modifiers
}

function parseOne(part: string): Selection {
  let depth = 0
  let brace = -1
  for (let i = 0; i < part.length; i += 1) {
    const char = part[i]
    if (char === "{" && depth === 0) {
      brace = i
      break
    }
    if (char === "(" || char === "[") depth += 1
    if (char === ")" || char === "]") depth -= 1
  }
  const head = brace >= 0 ? part.slice(0, brace) : part
  const nameMatch = /^([a-z_][a-z0-9_]*)/i.exec(head.trim())
  if (!nameMatch) throw requestErrors.invalidParam(`Syntax error in fields: "${part}"`)
  const modifiers = parseModifiers(part, head.trim().slice(nameMatch[1].length))
  if (brace < 0) return { name: nameMatch[1], modifiers }
  if (!part.endsWith("}")) throw requestErrors.invalidParam(`Syntax error in fields: "${part}"`)
  const childrenText = part.slice(brace + 1, -1)
  return { name: nameMatch[1], modifiers, children: parseSelection(childrenText), childrenText }
}

export function parseSelection(value: string | undefined): Selection[] | undefined {
  if (value === undefined || value.trim() === "") return undefined
  return splitTopLevel(value).map(parseOne)
}

export function selectionOf(names: string[]): Selection[] {
  return names.map((name) => ({ name, modifiers: {} }))
}
