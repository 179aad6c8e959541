import { defineConfig, loadEnv } from "@medusajs/framework/utils"

// The development store: this repository served as a Medusa app whose own project is the plugin's
// source (see ../README.md "Development store"). The plugin is NOT listed under `plugins` here, or it
// would load twice; store owners use `plugins: [{ resolve: "medusa-plugin-meta", options }]` instead.
// Tests read only .env.test (jest.config.js) and `npm run dev` passes its env file itself, so a
// developer's .env never leaks into either.
if (process.env.NODE_ENV !== "test" && !process.env.MEDUSA_PLUGIN_META_ENV_LOADED) {
  loadEnv(process.env.NODE_ENV || "development", process.cwd())
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  },
  modules: [
    {
      // Options not given here are read from META_* environment variables.
      resolve: "./src/modules/meta",
      options: {},
    },
    { resolve: "./src/modules/meta-publishing" },
    { resolve: "./src/modules/meta-ads" },
    { resolve: "./src/modules/meta-overview" },
  ],
})
