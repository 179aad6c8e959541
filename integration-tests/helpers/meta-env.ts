import { GraphEmulator, startGraphEmulator } from "../../src/emulator"

/**
 * Points the plugin (read from META_* env by the development store's medusa-config.ts) at a Graph API
 * emulator on a fixed loopback port. Must run before the test runner boots the app, i.e. at the top
 * of a spec file.
 */
export const TEST_APP_ID = "1234567890"
export const TEST_APP_SECRET = "sandbox-app-secret"
// 32 bytes, base64: a fixed key so a failing test can be reproduced; never used outside tests.
export const TEST_ENCRYPTION_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80="
export const TEST_BACKEND_URL = "http://localhost:9000"

export function useMetaTestEnv(emulatorPort: number): { emulatorUrl: string } {
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`
  Object.assign(process.env, {
    META_APP_ID: TEST_APP_ID,
    META_APP_SECRET: TEST_APP_SECRET,
    META_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    META_GRAPH_API_URL: emulatorUrl,
    META_OAUTH_DIALOG_URL: emulatorUrl,
    MEDUSA_BACKEND_URL: TEST_BACKEND_URL,
  })
  return { emulatorUrl }
}

/**
 * A Graph API emulator for one spec file: env pointed at it (before the app boots), started before the
 * suite and closed after it. The returned object forwards to the running emulator.
 */
export function useTestEmulator(emulatorPort: number): GraphEmulator {
  useMetaTestEnv(emulatorPort)
  let running: GraphEmulator | undefined
  beforeAll(async () => {
    running = await startGraphEmulator({
      port: emulatorPort,
      apps: [{ appId: TEST_APP_ID, appSecret: TEST_APP_SECRET, name: "Medusa Test App" }],
    })
  })
  afterAll(async () => {
    await running?.close()
  })
  return new Proxy({} as GraphEmulator, {
    get(_, key) {
      if (!running) {
        throw new Error("The Graph API emulator is not running yet (use it inside tests or hooks)")
      }
      const value = (running as any)[key]
      return typeof value === "function" ? value.bind(running) : value
    },
  })
}

/** Polls `read` until `done` holds, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  what = "a condition",
  timeoutMs = 15_000
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
