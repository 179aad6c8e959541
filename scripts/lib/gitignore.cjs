// A matcher for .gitignore patterns (https://git-scm.com/docs/gitignore#_pattern_format): blank lines
// and # comments skipped, `!` re-includes, a trailing `/` matches directories only, a pattern with a `/`
// elsewhere is relative to the root, one without matches a name at any depth; `*`, `?` and `**`.
// A file inside an ignored directory is ignored, as in git. CommonJS: it is preloaded with --require.

function globToRegExp(glob) {
  let source = ""
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]
    if (char === "*" && glob[i + 1] === "*") {
      const slashAfter = glob[i + 2] === "/"
      source += slashAfter ? "(?:.*/)?" : ".*"
      i += slashAfter ? 2 : 1
    } else if (char === "*") {
      source += "[^/]*"
    } else if (char === "?") {
      source += "[^/]"
    } else if (char === "\\" && i + 1 < glob.length) {
      i += 1
      source += glob[i].replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
    }
  }
  return new RegExp(`^${source}$`)
}

function parseGitignore(text) {
  const rules = []
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, "")
    if (line === "" || line.startsWith("#")) continue
    const negated = line.startsWith("!")
    if (negated) line = line.slice(1)
    const directoryOnly = line.endsWith("/")
    if (directoryOnly) line = line.replace(/\/+$/, "")
    if (line === "") continue
    const anchored = line.includes("/")
    const pattern = globToRegExp(line.replace(/^\//, ""))
    rules.push({ negated, directoryOnly, anchored, pattern })
  }
  return rules
}

/** The rules' verdict on one path (no parent considered): true ignored, false re-included, undefined no rule. */
function verdict(rules, relativePath, isDirectory) {
  const name = relativePath.slice(relativePath.lastIndexOf("/") + 1)
  let result
  for (const rule of rules) {
    if (rule.directoryOnly && !isDirectory) continue
    if (rule.pattern.test(rule.anchored ? relativePath : name)) result = !rule.negated
  }
  return result
}

/**
 * `isIgnored(relativePath, isDirectory)` for a path relative to the .gitignore's folder, "/"-separated.
 * `isDirectory` may be undefined when unknown: then only the path's parents count as directories.
 */
function createGitignoreMatcher(text) {
  const rules = parseGitignore(text)
  return function isIgnored(relativePath, isDirectory) {
    const parts = relativePath.split("/").filter((part) => part !== "" && part !== ".")
    if (parts.length === 0 || parts[0] === "..") return false
    for (let depth = 1; depth < parts.length; depth++) {
      if (verdict(rules, parts.slice(0, depth).join("/"), true)) return true
    }
    return verdict(rules, parts.join("/"), isDirectory === true) === true
  }
}

module.exports = { createGitignoreMatcher }
