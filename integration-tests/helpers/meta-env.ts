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
