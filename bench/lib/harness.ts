import { createServer } from "node:net"
import { Client } from "pg"

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A TCP port free on loopback right now (for a store or emulator a benchmark boots). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on("error", reject)
  })
}

/** One statement on its own connection (creating/dropping scratch databases, reading results). */
export async function query<T = Record<string, unknown>>(connectionString: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString })
  await client.connect()
  try {
    return (await client.query(sql)).rows as T[]
  } finally {
    await client.end()
  }
}
