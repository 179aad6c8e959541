import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { emptyWorld, type World } from "./world"

const WRITE_DEBOUNCE_MS = 200

/** The world saved at `path`, or undefined when there is no file yet. */
export function loadWorld(path: string): World | undefined {
  if (!existsSync(path)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"))
  } catch (error) {
    throw new Error(`Emulator state file ${path} is not valid JSON (${(error as Error).message})`)
  }
  if (!parsed || typeof parsed !== "object") throw new Error(`Emulator state file ${path} does not hold an emulator world`)
  // Files written by older versions may lack newer collections.
  return { ...emptyWorld(), ...(parsed as Partial<World>) }
}

/** Writes the world as JSON, debounced, atomically (temp file + rename), only when it changed. */
export class WorldWriter {
  private timer?: NodeJS.Timeout
  private lastWritten?: string

  constructor(
    private readonly path: string,
    private readonly world: () => World
  ) {}

  schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => this.flush(), WRITE_DEBOUNCE_MS)
    this.timer.unref()
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    const serialized = JSON.stringify(this.world(), null, 2)
    if (serialized === this.lastWritten) return
    mkdirSync(dirname(this.path), { recursive: true })
    const temp = `${this.path}.${process.pid}.tmp`
    writeFileSync(temp, serialized, { mode: 0o600 })
    renameSync(temp, this.path)
    this.lastWritten = serialized
  }
}
