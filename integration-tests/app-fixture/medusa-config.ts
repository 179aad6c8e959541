import { defineConfig } from "@medusajs/framework/utils"

// A store owner's app, as the README tells them to write it: the BUILT plugin, installed by name in
// this directory's node_modules (the built test packs and unpacks it there), with options in `plugins`
// (no META_* environment variables are involved).

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      jwtSecret: "fixture-jwt-secret",
      cookieSecret: "fixture-cookie-secret",
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
    },
  },
  plugins: [
    {
      resolve: "medusa-plugin-meta",
      options: {
        appId: "5550001",
        appSecret: "fixture-app-secret",
        encryptionKey: "ZmI0OTJiZWFkNjZmNDI0YTlmMDk4YTM1ZGJjNDM2N2E=",
        graphApiUrl: "http://127.0.0.1:9812",
        oauthDialogUrl: "http://127.0.0.1:9812",
        backendUrl: "https://shop.example.com",
        storefrontUrl: "https://shop.example.com",
        features: { ads: false },
      },
    },
  ],
})
