// Child-process plumbing shared by `npm run dev` and the browser test: wait for a server to answer,
// find a busy port before starting a second copy, and stop a whole process tree.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import net from "node:net"

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** True when something accepts TCP connections on host:port. */
export function isPortInUse(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port: Number(port), host })
    socket.setTimeout(1000)
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("timeout", () => {
      socket.destroy()
      resolve(false)
    })
    socket.once("error", () => resolve(false))
  })
}

/**
 * Polls `url` until it answers with a status `accept` likes (default: any HTTP answer). Gives up when the
 * timeout passes or when `child` exits first (its exit code is in the error).
 */
export async function waitForHttp(url, { timeoutMs, child, accept = () => true, intervalMs = 500 }) {
  const deadline = Date.now() + timeoutMs
  let exited = null
  const onExit = (code, signal) => {
    exited = signal ?? code
  }
  child?.once("exit", onExit)
  try {
    while (Date.now() < deadline) {
      if (exited !== null) {
        throw new Error(`process exited (${exited}) before ${url} answered`)
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: "manual" })
        await response.arrayBuffer().catch(() => {})
        if (accept(response.status)) {
          return response.status
        }
      } catch {
        // not listening yet
      }
      await sleep(intervalMs)
    }
    throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`)
  } finally {
    child?.off("exit", onExit)
  }
}

function parentPidOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    // the command name (field 2) is in parentheses and may itself contain spaces or parentheses
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
  } catch {
    return undefined
  }
}

/** Every live descendant of `rootPid` (Linux /proc; empty elsewhere), deepest last. */
export function descendantPids(rootPid) {
  if (!existsSync("/proc")) {
    return []
  }
  const children = new Map()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) {
      continue
    }
    const ppid = parentPidOf(entry)
    if (ppid !== undefined) {
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    }
  }
  const found = []
  const queue = [rootPid]
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child)
      queue.push(child)
    }
  }
  return found
}

const isAlive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Sends `signal` to each pid, waits up to `graceMs` for them to go, then SIGKILLs the rest. */
export async function terminatePids(pids, { signal = "SIGTERM", graceMs = 10_000 } = {}) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal)
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + graceMs
  while (pids.some(isAlive) && Date.now() < deadline) {
    await sleep(200)
  }
  for (const pid of pids.filter(isAlive)) {
    try {
      process.kill(pid, "SIGKILL")
    } catch {
      // already gone
    }
  }
}

/** Signals a process group (`pid` is its leader), waits `graceMs`, then SIGKILLs what is left of it. */
export async function terminateGroup(pid, { signal = "SIGTERM", graceMs = 15_000 } = {}) {
  const members = [pid, ...descendantPids(pid)]
  try {
    process.kill(-pid, signal)
  } catch {
    // group already gone
  }
  const deadline = Date.now() + graceMs
  while (members.some(isAlive) && Date.now() < deadline) {
    await sleep(200)
  }
  try {
    process.kill(-pid, "SIGKILL")
  } catch {
    // group already gone
  }
  await terminatePids(members.filter(isAlive), { signal: "SIGKILL", graceMs: 2000 })
}
