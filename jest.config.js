// Only .env.test: Medusa's loadEnv("test") would also read the developer's .env (written by
// `npm run dev`), whose META_* values would then reach the tests.
require("dotenv").config({ path: require("node:path").join(__dirname, ".env.test"), quiet: true })

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
}

const suites = {
  unit: [
    "**/src/**/__tests__/**/*.unit.spec.[jt]s",
    // The development store's demo data and dev scripts.
    "<rootDir>/dev/__tests__/**/*.unit.spec.[jt]s",
    "<rootDir>/scripts/lib/__tests__/**/*.unit.spec.[jt]s",
  ],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  built: ["**/integration-tests/http-built/**/*.spec.[jt]s"],
  // The built app as `medusa start` runs it in production: one server, two workers, Redis.
  topology: ["**/integration-tests/topology/**/*.spec.[jt]s"],
}
if (suites[process.env.TEST_TYPE]) {
  module.exports.testMatch = suites[process.env.TEST_TYPE]
}
