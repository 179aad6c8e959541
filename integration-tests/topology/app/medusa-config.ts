import { defineConfig } from "@medusajs/framework/utils"

// A store owner's production app, as README "Deploying to production" describes it: the BUILT plugin
// installed by name (the topology harness packs it and unpacks it into this directory's node_modules),
// Medusa's Redis modules for the event bus, the workflow engine (scheduled jobs), locking and caching, and
// one configuration for every instance: MEDUSA_WORKER_MODE makes an instance a server or a worker.

const redisUrl = process.env.REDIS_URL
if (!redisUrl) throw new Error("REDIS_URL is required")
/** Names this instance's queue workers in Redis (BullMQ records which one took a job). */
const instance = process.env.MEDUSA_INSTANCE_NAME || "medusa"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    // Sessions in Redis, shared by every server instance.
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      jwtSecret: "topology-jwt-secret",
      cookieSecret: "topology-cookie-secret",
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9300",
      authCors: "http://localhost:9300",
    },
  },
  admin: {
    // Only servers serve the dashboard; workers answer /health only.
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  featureFlags: { caching: true },
  modules: [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      // Handled events stay in Redis for an hour (who took each one, when, for how long) instead of
      // vanishing on completion: what an operator reads when events seem slow.
      options: { redisUrl, workerOptions: { name: instance }, jobOptions: { removeOnComplete: { age: 3600, count: 10_000 } } },
    },
    {
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: { redis: { redisUrl, workerOptions: { name: instance } } },
    },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          { id: "locking-redis", resolve: "@medusajs/medusa/locking-redis", is_default: true, options: { redisUrl } },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [{ id: "caching-redis", resolve: "@medusajs/caching-redis", is_default: true, options: { redisUrl } }],
      },
    },
  ],
  // TOPOLOGY_WITHOUT_PLUGIN=true: the same store without the plugin (the benchmark's baseline checkout).
  plugins: process.env.TOPOLOGY_WITHOUT_PLUGIN === "true" ? [] : [
    {
      resolve: "medusa-plugin-meta",
      options: {
        appId: "1234567890",
        appSecret: "sandbox-app-secret",
        encryptionKey: "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
        graphApiUrl: process.env.META_GRAPH_API_URL,
        oauthDialogUrl: process.env.META_GRAPH_API_URL,
        backendUrl: process.env.MEDUSA_BACKEND_URL,
        storefrontUrl: "https://shop.example.com",
        webhookVerifyToken: "topology-verify-token",
      },
    },
  ],
})
