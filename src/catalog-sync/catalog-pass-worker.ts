/**
 * Entry of the catalog pass thread (see catalog-pass-thread.ts): runs prepareCatalogPass on its own
 * PostgreSQL connection and hands the encoded items_batch bodies back without copying them. Loads
 * nothing of the framework, so the thread stays small.
 */
import { parentPort, workerData } from "node:worker_threads"
import { Client, type ClientConfig } from "pg"
import { pgSqlExecutor } from "../modules/meta/sql-executor"
import { prepareCatalogPass } from "./prepare-catalog-pass"
import type { CatalogPassReply, CatalogPassRequest } from "./catalog-pass-thread"

let connection: Promise<Client> | undefined

/** One connection for the thread's life; a broken one is replaced at the next pass. */
function connect(): Promise<Client> {
  connection ??= (async () => {
    const client = new Client(workerData.connection as ClientConfig)
    client.on("error", () => (connection = undefined))
    await client.connect()
    return client
  })().catch((error) => {
    connection = undefined
    throw error
  })
  return connection
}

async function handle(request: CatalogPassRequest): Promise<void> {
  if ("close" in request) {
    await (await connection?.catch(() => undefined))?.end().catch(() => undefined)
    parentPort!.postMessage({ id: request.id, closed: true } satisfies CatalogPassReply)
    return
  }
  let client: Client
  try {
    client = await connect()
  } catch (error) {
    const reply: CatalogPassReply = { id: request.id, error: { message: `cannot connect to the database: ${(error as Error).message}`, unavailable: true } }
    parentPort!.postMessage(reply)
    return
  }
  try {
    const result = await prepareCatalogPass(pgSqlExecutor(client), request.input)
    parentPort!.postMessage({ id: request.id, result } satisfies CatalogPassReply, result.bodies.map((body) => body.buffer as ArrayBuffer))
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: { message: (error as Error).message } } satisfies CatalogPassReply)
  }
}

// One request at a time: passes share the one connection, and a pass's memory is gone before the next.
let queue = Promise.resolve()
parentPort?.on("message", (request: CatalogPassRequest) => {
  queue = queue.then(() => handle(request))
})
