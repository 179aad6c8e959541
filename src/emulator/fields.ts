import { requestErrors } from "./errors"

/** One entry of Graph's `fields` parameter: `name`, `name{a,b}`, modifiers like `.limit(5)` are accepted and ignored. */
export type FieldSelection = { name: string; children?: FieldSelection[] }

function splitTopLevel(value: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ""
  for (const char of value) {
    if (char === "{" || char === "(") depth += 1
    if (char === "}" || char === ")") depth -= 1
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

function parseOne(part: string): FieldSelection {
  const brace = part.indexOf("{")
  const head = brace >= 0 ? part.slice(0, brace) : part
  const name = head.replace(/\..*$/, "").trim()
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw requestErrors.invalidParam(`Syntax error in fields: "${part}"`)
  if (brace < 0) return { name }
  if (!part.endsWith("}")) throw requestErrors.invalidParam(`Syntax error in fields: "${part}"`)
  return { name, children: parseFields(part.slice(brace + 1, -1)) }
}

export function parseFields(value: string | undefined): FieldSelection[] | undefined {
  if (value === undefined || value.trim() === "") return undefined
  return splitTopLevel(value).map(parseOne)
}
