const { readFileSync } = require("node:fs")
const { join } = require("node:path")
const { createGitignoreMatcher } = require("../gitignore.cjs")

describe("createGitignoreMatcher", () => {
  it("ignores a name at any depth, and everything inside an ignored directory", () => {
    const isIgnored = createGitignoreMatcher("node_modules\n.medusa\n")
    expect(isIgnored("node_modules")).toBe(true)
    expect(isIgnored("node_modules/react/index.js")).toBe(true)
    expect(isIgnored("packages/a/node_modules/x.js")).toBe(true)
    expect(isIgnored(".medusa/types/index.d.ts")).toBe(true)
    expect(isIgnored("src/node_modules_notes.md")).toBe(false)
    expect(isIgnored("src/api/route.ts")).toBe(false)
  })

  it("matches * within one path segment and ** across segments", () => {
    const isIgnored = createGitignoreMatcher("*.log\nlogs/**/debug-*.txt\n")
    expect(isIgnored("dev.log")).toBe(true)
    expect(isIgnored("deep/inside/medusa.log")).toBe(true)
    expect(isIgnored("dev.log.ts")).toBe(false)
    expect(isIgnored("logs/debug-1.txt")).toBe(true)
    expect(isIgnored("logs/a/b/debug-2.txt")).toBe(true)
    expect(isIgnored("other/logs/debug-3.txt")).toBe(false)
  })

  it("anchors a pattern that contains a slash to the root", () => {
    const isIgnored = createGitignoreMatcher("/dist\nintegration-tests/browser/artifacts\n")
    expect(isIgnored("dist/index.js")).toBe(true)
    expect(isIgnored("src/dist/index.js")).toBe(false)
    expect(isIgnored("integration-tests/browser/artifacts/shot.png")).toBe(true)
    expect(isIgnored("src/integration-tests/browser/artifacts/shot.png")).toBe(false)
  })

  it("applies a trailing-slash pattern to directories only", () => {
    const isIgnored = createGitignoreMatcher("build/\n")
    expect(isIgnored("build", true)).toBe(true)
    expect(isIgnored("build", false)).toBe(false)
    expect(isIgnored("build/out.js")).toBe(true)
  })

  it("re-includes with !, and the last matching rule wins", () => {
    const isIgnored = createGitignoreMatcher("/static/*\n!/static/demo/\n*.tmp\n!keep.tmp\n")
    expect(isIgnored("static/1733300000-upload.png")).toBe(true)
    expect(isIgnored("static/demo", true)).toBe(false)
    expect(isIgnored("static/demo/logo-cap.jpg")).toBe(false)
    expect(isIgnored("a.tmp")).toBe(true)
    expect(isIgnored("keep.tmp")).toBe(false)
  })

  it("cannot re-include a file whose parent directory is ignored (as git)", () => {
    const isIgnored = createGitignoreMatcher("coverage\n!coverage/keep.txt\n")
    expect(isIgnored("coverage/keep.txt")).toBe(true)
  })

  it("skips comments, blank lines and trailing spaces; honours escapes", () => {
    const isIgnored = createGitignoreMatcher("# *.ts\n\n   \n*.log   \n\\#notes\n\\!bang\n")
    expect(isIgnored("index.ts")).toBe(false)
    expect(isIgnored("a.log")).toBe(true)
    expect(isIgnored("#notes")).toBe(true)
    expect(isIgnored("!bang")).toBe(true)
  })

  it("treats dots literally and ? as one character", () => {
    const isIgnored = createGitignoreMatcher(".env\nfile?.txt\n")
    expect(isIgnored(".env")).toBe(true)
    expect(isIgnored("xenv")).toBe(false)
    expect(isIgnored("file1.txt")).toBe(true)
    expect(isIgnored("file12.txt")).toBe(false)
    expect(isIgnored("file/.txt")).toBe(false)
  })

  it("never ignores the root itself or a path outside it", () => {
    const isIgnored = createGitignoreMatcher("*\n")
    expect(isIgnored("")).toBe(false)
    expect(isIgnored(".")).toBe(false)
    expect(isIgnored("../elsewhere/file.js")).toBe(false)
  })

  it("with this repository's .gitignore, keeps the store's logs, test output and uploads from restarting it", () => {
    const text = readFileSync(join(__dirname, "..", "..", "..", ".gitignore"), "utf8")
    const isIgnored = createGitignoreMatcher(text)
    for (const written of [
      "medusa.log",
      "dev.log",
      ".dev-store/emulator-medusa_plugin_meta_dev.json",
      "coverage/lcov.info",
      "integration-tests/browser/artifacts/dev-store.log",
      "static/1733300000-upload.jpg",
    ]) {
      expect([written, isIgnored(written)]).toEqual([written, true])
    }
    for (const source of ["src/api/middlewares.ts", "medusa-config.ts", "dev/seed.ts", "static/demo/logo-cap.jpg"]) {
      expect([source, isIgnored(source)]).toEqual([source, false])
    }
  })
})
