#!/usr/bin/env node
import { startGraphEmulator } from "./index"

/**
 * `meta-graph-emulator`: runs the Graph API emulator as the plugin's offline sandbox.
 * Env: META_EMULATOR_PORT (default 9797), META_EMULATOR_HOST (default 127.0.0.1), META_APP_ID,
 * META_APP_SECRET, META_EMULATOR_STATE (JSON file the world is kept in).
 */
async function main(): Promise<void> {
  const port = Number(process.env.META_EMULATOR_PORT ?? 9797)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`META_EMULATOR_PORT must be a port number, got "${process.env.META_EMULATOR_PORT}"`)
  }
  const appId = process.env.META_APP_ID
  const appSecret = process.env.META_APP_SECRET
  if (Boolean(appId) !== Boolean(appSecret)) throw new Error("Set both META_APP_ID and META_APP_SECRET, or neither")

  const emulator = await startGraphEmulator({
    port,
    host: process.env.META_EMULATOR_HOST || "127.0.0.1",
    apps: appId && appSecret ? [{ appId, appSecret, name: "Sandbox Store App" }] : undefined,
    persistPath: process.env.META_EMULATOR_STATE || undefined,
    log: true,
    // The sandbox runs beside the development store, which serves its demo images from localhost.
    acceptLocalImageLinks: true,
  })
  console.log(`Meta Graph API emulator listening on ${emulator.url}`)
  console.log(`  graphApiUrl / oauthDialogUrl: ${emulator.url}   app id: ${appId ?? "1234567890"}`)

  const shutdown = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once("SIGINT", shutdown)
  process.once("SIGTERM", shutdown)
}

main().catch((error: Error) => {
  console.error(`meta-graph-emulator: ${error.message}`)
  process.exit(1)
})
