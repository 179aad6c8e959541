import { THREAD_APPLICATION_NAME, threadConnectionConfig } from "../catalog-pass-thread"

const named = { application_name: THREAD_APPLICATION_NAME }

/** The shape of Medusa's PG_CONNECTION (knex, createPgConnection) as far as the thread reads it. */
const knexWith = (connection: unknown, searchPath?: unknown) => ({
  client: { connectionSettings: connection, config: { connection, searchPath } },
})

describe("threadConnectionConfig", () => {
  it("takes Medusa's connection settings and leaves out what pg does not need", () => {
    const config = threadConnectionConfig(
      knexWith(
        {
          connectionString: "postgres://medusa:s3cret@db.internal:5432/shop",
          ssl: false,
          idle_in_transaction_session_timeout: undefined,
          connectionTimeoutMillis: 5000,
          keepAlive: true,
          keepAliveInitialDelayMillis: 10000,
        },
        "public"
      )
    )
    expect(config).toEqual({
      connectionString: "postgres://medusa:s3cret@db.internal:5432/shop",
      ssl: false,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10000,
      ...named,
    })
  })

  it("reads a connection given as a plain URL string", () => {
    expect(threadConnectionConfig({ client: { config: { connection: "postgres://localhost/shop" } } })).toEqual({
      connectionString: "postgres://localhost/shop",
      ...named,
    })
  })

  it("keeps TLS options that are plain data (CA certificate, verification flag)", () => {
    const ssl = { rejectUnauthorized: true, ca: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" }
    expect(threadConnectionConfig(knexWith({ host: "db", port: 6543, user: "u", password: "p", database: "d", ssl }))).toEqual({
      host: "db",
      port: 6543,
      user: "u",
      password: "p",
      database: "d",
      ssl,
      ...named,
    })
  })

  it("sets a schema other than public as the thread's search path", () => {
    expect(threadConnectionConfig(knexWith({ connectionString: "postgres://localhost/shop" }, "medusa"))).toEqual({
      connectionString: "postgres://localhost/shop",
      options: "-c search_path=medusa",
      ...named,
    })
    expect(threadConnectionConfig(knexWith({ connectionString: "postgres://x/y", options: "-c statement_timeout=0" }, ["tenant_a", "public"]))).toEqual({
      connectionString: "postgres://x/y",
      options: "-c statement_timeout=0 -c search_path=tenant_a,public",
      ...named,
    })
  })

  it("keeps the application name Medusa's connection was given", () => {
    expect(threadConnectionConfig(knexWith({ connectionString: "postgres://x/y", application_name: "shop-api" }))).toEqual({
      connectionString: "postgres://x/y",
      application_name: "shop-api",
    })
  })

  it("gives up (main thread) when a password or TLS option is a function, which cannot cross to a thread", () => {
    expect(threadConnectionConfig(knexWith({ connectionString: "postgres://x/y", password: async () => "token" }))).toBeNull()
    expect(threadConnectionConfig(knexWith({ connectionString: "postgres://x/y", ssl: { checkServerIdentity: () => undefined } }))).toBeNull()
  })

  it("gives up when there is no knex connection to copy", () => {
    expect(threadConnectionConfig(undefined)).toBeNull()
    expect(threadConnectionConfig({})).toBeNull()
    expect(threadConnectionConfig({ client: { config: {} } })).toBeNull()
  })
})
