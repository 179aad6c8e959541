import { positionalPlaceholders } from "../../lib/sql/positional-placeholders"

/** What the module's set-based statements need: SQL with `?` placeholders and its parameters, the rows back. */
export type SqlExecutor = {
  execute<T = Record<string, unknown>[]>(sql: string, params?: unknown[]): Promise<T>
}

type Knex = { raw(sql: string, bindings: readonly unknown[]): PromiseLike<{ rows: unknown[] }> }
/** MikroORM's EntityManager as Medusa hands it out: inside a transaction, its context is the knex transaction. */
type EntityManagerWithKnex = { getKnex(): Knex; getTransactionContext?(): Knex | undefined }
/** A node-postgres client or pool. */
type PgQueryable = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> }

async function rawRows<T>(knex: Knex, sql: string, params: unknown[] = []): Promise<T> {
  return (await knex.raw(sql, params)).rows as T
}

/** Statements through a knex instance (Medusa's PG_CONNECTION). */
export function knexSqlExecutor(knex: Knex): SqlExecutor {
  return { execute: (sql, params) => rawRows(knex, sql, params) }
}

/**
 * The module's set-based statements with their parameters sent as bind values. MikroORM's
 * `execute(sql, params)` formats every parameter into the SQL text instead, so a 5,000-item JSON
 * parameter became a multi-megabyte escaped string for each statement (garbage for the GC and a huge
 * statement for PostgreSQL to parse). Same `?` placeholders, same results (the rows).
 */
export function boundSqlExecutor(manager: unknown): SqlExecutor {
  const em = manager as EntityManagerWithKnex
  // In a transaction the statement runs on its connection (it sees and joins the caller's writes).
  return { execute: (sql, params) => rawRows(em.getTransactionContext?.() ?? em.getKnex(), sql, params) }
}

/**
 * The statements of a service method on Medusa's shared context (`@InjectManager()` +
 * `@MedusaContext()`): in the caller's transaction when it passed one, else on the fresh manager.
 */
export function contextSqlExecutor(sharedContext: { transactionManager?: unknown; manager?: unknown }, fallbackManager?: unknown): SqlExecutor {
  return boundSqlExecutor(sharedContext.transactionManager ?? sharedContext.manager ?? fallbackManager)
}

/** The same statements on a plain node-postgres connection (the catalog pass thread has no knex). */
export function pgSqlExecutor(client: PgQueryable): SqlExecutor {
  return {
    async execute<T>(sql: string, params: unknown[] = []): Promise<T> {
      const result = await client.query(positionalPlaceholders(sql, params.length), params)
      return result.rows as T
    },
  }
}
