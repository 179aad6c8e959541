import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

const root = path.join(__dirname, "../..")
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { exports: Record<string, unknown> }

/** Every module the plugin ships: Medusa registers each folder of `.medusa/server/src/modules`. */
const modules = readdirSync(path.join(root, "src/modules"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

describe("package exports", () => {
  // getResolvedPlugins (@medusajs/utils) resolves each module as the bare specifier
  // "<package>/.medusa/server/src/modules/<name>" from the store's directory, so through `exports`:
  // a module without its entry fails a merchant's `npm install`ed store at start-up.
  it("lists every module by the path Medusa resolves it with", () => {
    expect(modules.length).toBeGreaterThan(0)
    for (const name of modules) {
      expect(pkg.exports[`./.medusa/server/src/modules/${name}`]).toBe(`./.medusa/server/src/modules/${name}/index.js`)
    }
  })

  // README documents these entry points; anything else (src/lib, the routes, …) is internal.
  it("exposes the documented entry points and nothing else", () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(
      [
        "./package.json",
        "./admin",
        "./browser",
        "./emulator",
        "./workflows",
        ...modules.map((name) => `./.medusa/server/src/modules/${name}`),
      ].sort()
    )
  })
})
