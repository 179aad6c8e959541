/**
 * A merchant's production app for the benches: medusa-config.js with this plugin built by `medusa
 * plugin:build` (resolved through its package exports to .medusa/server), `medusa exec` scripts compiled to
 * JavaScript, and a preload that makes `require("ts-node")` fail as it does where devDependencies are not
 * installed (Medusa's CLI registers ts-node whenever it can load it). Targets on memory are read on it.
 */
import { spawn, spawnSync } from "node:child_process"
import { appendFileSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { medusaAppDir } from "./harness"

const root = path.join(__dirname, "../..")
const cli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })

/** The built plugin's workflows, for exec scripts that run in the production app (BENCH_WORKFLOWS_MODULE). */
export const BUILT_WORKFLOWS_MODULE = path.join(root, ".medusa/server/src/workflows/index.js")

/** `medusa plugin:build` of this repository, then the app around it with `scripts` (bench/lib/… .ts) compiled beside it. */
export function buildProductionApp(prefix: string, scripts: string[]): { dir: string; preload: string } {
  console.log("[bench] building the plugin (medusa plugin:build) for the production store…")
  const built = spawnSync(process.execPath, [cli, "plugin:build"], { cwd: root, encoding: "utf8", timeout: 300_000 })
  if (built.status !== 0) throw new Error(`medusa plugin:build failed:\n${built.stdout}\n${built.stderr}`)
  const dir = medusaAppDir(prefix, root, root)
  const preload = path.join(dir, "no-ts-node.js")
  writeFileSync(
    preload,
    `const Module = require("module")
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  if (request === "ts-node") throw new Error("ts-node is a devDependency: not installed in production")
  return resolve.call(this, request, ...rest)
}
`
  )
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ts = require("typescript") as typeof import("typescript")
  for (const script of scripts) {
    const compiled = ts.transpileModule(readFileSync(script, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
    })
    writeFileSync(path.join(dir, path.basename(script).replace(/\.ts$/, ".js")), compiled.outputText)
  }
  return { dir, preload }
}

/** A Medusa CLI command as a child process. Async on purpose: the emulator lives in the bench's process and must keep answering. */
export function runMedusaChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  extraNodeArgs: string[] = [],
  cwd = root
): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    // BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the store process (not allowed in NODE_OPTIONS).
    const nodeArgs = [...(process.env.BENCH_CHILD_NODE_ARGS ?? "").split(" ").filter(Boolean), ...extraNodeArgs]
    const child = spawn(process.execPath, [...nodeArgs, cli, ...args], { cwd, env })
    let log = ""
    // BENCH_CHILD_LOG=<file>: the store process's whole output (e.g. with BENCH_CHILD_NODE_ARGS=--trace-gc).
    const whole = process.env.BENCH_CHILD_LOG
    const keep = (chunk: Buffer) => {
      if (whole) appendFileSync(whole, chunk)
      log = (log + chunk).slice(-10_000)
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    child.on("exit", (code) => {
      clearTimeout(timer)
      resolve({ code, log })
    })
  })
}
