// The lowest Medusa the plugin supports (package.json peerDependencies: ">=2.20.0 <3"): a copy of this
// repository with every Medusa package at that version, installed from the registry and the plugin built
// there, so the built-plugin test can run against it as well as against the installed (highest) one.
import { spawnSync } from "node:child_process"
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"

export const LOWEST_MEDUSA = "2.20.0"
/** @medusajs/ui versions on its own line; the lowest of its peer range. */
export const LOWEST_MEDUSA_UI = "4.2.2"

const SKIP = new Set(["node_modules", ".medusa", ".git", "artifacts", ".env"])

/**
 * Copies `root` (sources, tests, fixtures; no node_modules, builds or the developer's .env) to a temp
 * directory, pins Medusa's packages to the lowest supported versions, installs, and builds the plugin.
 * Returns the directory, or throws with the step that failed.
 */
export function prepareLowestMedusa(root, log = console.log) {
  const dir = mkdtempSync(join(tmpdir(), "meta-lowest-medusa-"))
  cpSync(root, dir, {
    recursive: true,
    filter: (source) => !relative(root, source).split("/").some((part) => SKIP.has(part)),
  })
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
  const current = pkg.devDependencies["@medusajs/framework"]
  for (const [name, version] of Object.entries(pkg.devDependencies)) {
    if (!name.startsWith("@medusajs/")) continue
    if (name === "@medusajs/ui") pkg.devDependencies[name] = LOWEST_MEDUSA_UI
    else if (version === current) pkg.devDependencies[name] = LOWEST_MEDUSA
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2))
  rmSync(join(dir, "package-lock.json"), { force: true })
  const step = (what, command, args) => {
    log(`[lowest medusa] ${what}…`)
    const result = spawnSync(command, args, { cwd: dir, stdio: "inherit", env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" } })
    if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}) in ${dir}`)
  }
  step(`npm install with Medusa ${LOWEST_MEDUSA}`, "npm", ["install", "--no-audit", "--no-fund"])
  const installed = JSON.parse(readFileSync(join(dir, "node_modules/@medusajs/framework/package.json"), "utf8")).version
  if (installed !== LOWEST_MEDUSA) throw new Error(`@medusajs/framework ${installed} was installed, not ${LOWEST_MEDUSA}`)
  step("medusa plugin:build", "npx", ["medusa", "plugin:build"])
  return dir
}
