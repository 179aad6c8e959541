import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"

const root = path.join(__dirname, "../..")

/**
 * Installs the built plugin into an app as `npm install medusa-plugin-meta` would: the tarball `npm pack`
 * makes (only the package's `files`, reached only through its `exports`) unpacked into the app's
 * node_modules, so the app resolves it by name. Its dependencies resolve from the repository's
 * node_modules above. Returns the installed package's directory.
 */
export function installPackedPlugin(appDir: string): string {
  const packDir = mkdtempSync(path.join(tmpdir(), "meta-pack-"))
  try {
    const [{ filename }] = JSON.parse(
      execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", packDir], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      })
    ) as { filename: string }[]
    const target = path.join(appDir, "node_modules", "medusa-plugin-meta")
    rmSync(target, { recursive: true, force: true })
    mkdirSync(target, { recursive: true })
    execFileSync("tar", ["-xzf", path.join(packDir, filename), "-C", target, "--strip-components=1"])
    return target
  } finally {
    rmSync(packDir, { recursive: true, force: true })
  }
}
