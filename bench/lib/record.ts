import { cpus, totalmem } from "node:os"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"

const FILE = path.join(__dirname, "../../BENCHMARKS.md")

const HEADER = `# Benchmarks

Measured by \`npm run bench\` (each section by \`npm run bench -- <name>\`), never by timed tests.
Every section states the machine and date it was measured on; the targets come from the issues.
`

export function machine(): string {
  const cpu = cpus()
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`
}

export type Row = { metric: string; value: string; target?: string; met?: boolean }

/** Prints the figures and replaces this benchmark's section in BENCHMARKS.md. */
export function recordBenchmark(name: string, title: string, rows: Row[], notes: string[] = []): void {
  const table = [
    "| metric | measured | target | met |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      (r) => `| ${r.metric} | ${r.value} | ${r.target ?? "—"} | ${r.met === undefined ? "—" : r.met ? "yes" : "**no**"} |`
    ),
  ].join("\n")
  const section = [
    `<!-- bench:${name}:start -->`,
    `## ${title}`,
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine()}.`,
    "",
    table,
    ...(notes.length ? ["", ...notes.map((n) => `- ${n}`)] : []),
    `<!-- bench:${name}:end -->`,
  ].join("\n")

  console.log(`\n${title}\n${table}\n${notes.map((n) => `- ${n}`).join("\n")}`)
  const current = existsSync(FILE) ? readFileSync(FILE, "utf8") : HEADER
  const pattern = new RegExp(`<!-- bench:${name}:start -->[\\s\\S]*?<!-- bench:${name}:end -->`)
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`
  writeFileSync(FILE, next)
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}
