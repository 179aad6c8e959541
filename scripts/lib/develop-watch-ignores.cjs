// Preloaded into `medusa develop` by scripts/dev.mjs (node --require). Medusa's develop command restarts
// the store whenever a file in the project changes, except in a fixed list (dot files, node_modules, dist,
// static, private, src/admin, .medusa). A log written inside the repository (LOG_FILE=medusa.log, or
// `npm run dev > dev.log`) would then restart the store with every line it logs: a restart loop. This adds
// the repository's .gitignore to that list, so nothing git ignores restarts the store.
const { readFileSync } = require("node:fs")
const { dirname, join, relative, sep } = require("node:path")
const { createGitignoreMatcher } = require("./gitignore.cjs")

const root = join(__dirname, "..", "..")
const isIgnored = createGitignoreMatcher(readFileSync(join(root, ".gitignore"), "utf8"))

function ignoredByGit(path, stats) {
  const relativePath = relative(root, path).split(sep).join("/")
  return isIgnored(relativePath, stats ? stats.isDirectory() : undefined)
}

// The chokidar that Medusa's develop command loads (it calls chokidar.default.watch).
const medusaDir = dirname(require.resolve("@medusajs/medusa/package.json", { paths: [root] }))
const chokidar = require(require.resolve("chokidar", { paths: [medusaDir] }))
for (const target of [chokidar, chokidar.default].filter(Boolean)) {
  const watch = target.watch
  target.watch = (paths, options = {}) =>
    watch.call(target, paths, { ...options, ignored: [...[].concat(options.ignored ?? []), ignoredByGit] })
}
