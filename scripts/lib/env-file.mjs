// Reads and fills a dotenv file without ever changing a value that is already there: the developer's
// .env is theirs, we only append the keys it lacks.
import { existsSync, readFileSync, writeFileSync } from "node:fs"

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)?\s*$/

function unquote(raw) {
  const value = (raw ?? "").trim()
  const quote = value[0]
  if ((quote === '"' || quote === "'" || quote === "`") && value.endsWith(quote) && value.length >= 2) {
    const inner = value.slice(1, -1)
    return quote === '"' ? inner.replace(/\\n/g, "\n") : inner
  }
  const comment = value.search(/\s#/)
  return comment === -1 ? value : value.slice(0, comment).trim()
}

/** The KEY=value pairs of a dotenv file; a missing file is an empty one. */
export function readEnvFile(path) {
  const values = {}
  if (!existsSync(path)) {
    return values
  }
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = LINE.exec(line)
    if (match) {
      values[match[1]] = unquote(match[2])
    }
  }
  return values
}

/**
 * Appends each default whose key the file does not define (or defines empty) and that the process
 * environment does not set either. `defaults` is a list of `{ key, value }` where value may be a function,
 * called only when the key is really missing (so secrets are generated once). Returns the keys written.
 */
export function addMissingEnvKeys(path, defaults, processEnv = process.env) {
  const existing = readEnvFile(path)
  const text = existsSync(path) ? readFileSync(path, "utf8") : ""
  const lines = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/)
  const written = []
  for (const { key, value } of defaults) {
    if (existing[key] || processEnv[key]) {
      continue
    }
    const resolved = typeof value === "function" ? value() : value
    const emptyLine = lines.findIndex((line) => LINE.exec(line)?.[1] === key)
    if (emptyLine === -1) {
      lines.push(`${key}=${resolved}`)
    } else {
      lines[emptyLine] = `${key}=${resolved}`
    }
    written.push(key)
  }
  if (written.length > 0) {
    writeFileSync(path, lines.join("\n") + "\n", { mode: 0o600 })
  }
  return written
}
