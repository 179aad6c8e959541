/**
 * `medusa exec` script for bench/capi.bench.ts: builds the sellable test store (the same one the HTTP
 * tests use) and writes its ids as JSON to $BENCH_SETUP_OUT.
 */
import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { createTestStore } from "../../../integration-tests/helpers/store-setup"

export default async function setupBenchStore({ container }: ExecArgs) {
  const store = await createTestStore(container)
  writeFileSync(process.env.BENCH_SETUP_OUT!, JSON.stringify(store))
}
