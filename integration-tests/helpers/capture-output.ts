/** Records everything the app prints (stdout, stderr, console) so a test can scan it for secrets. */
export function captureOutput(): { text: () => string; stop: () => void } {
  const chunks: string[] = []
  const out = process.stdout.write.bind(process.stdout)
  const err = process.stderr.write.bind(process.stderr)
  const consoleMethods = ["log", "info", "warn", "error", "debug"] as const
  const originals = consoleMethods.map((m) => console[m])
  process.stdout.write = ((chunk: any, ...rest: any[]) => {
    chunks.push(String(chunk))
    return out(chunk, ...rest)
  }) as typeof process.stdout.write
  process.stderr.write = ((chunk: any, ...rest: any[]) => {
    chunks.push(String(chunk))
    return err(chunk, ...rest)
  }) as typeof process.stderr.write
  consoleMethods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      chunks.push(args.map((a) => (typeof a === "string" ? a : safeJson(a))).join(" "))
      originals[i](...args)
    }
  })
  return {
    text: () => chunks.join("\n"),
    stop: () => {
      process.stdout.write = out
      process.stderr.write = err
      consoleMethods.forEach((m, i) => (console[m] = originals[i]))
    },
  }
}

function safeJson(value: unknown): string {
  try {
    return value instanceof Error ? `${value.message}\n${value.stack}` : JSON.stringify(value)
  } catch {
    return String(value)
  }
}
