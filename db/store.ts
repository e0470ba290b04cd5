/**
 * What differs between the two stores, behind one set of functions: write transactions,
 * raw SQL, and the few SQL functions the dialects name differently. Everything else in
 * db/ builds drizzle queries on `db.t` and awaits them, which both stores run alike.
 */
import { sql, type SQL } from "drizzle-orm";
import type Database from "better-sqlite3";
import type { Db } from "./client";

export interface TransactionOptions {
  /**
   * PostgreSQL: a name whose writers must go one at a time (SQLite's BEGIN IMMEDIATE
   * already serialises every writer). Taken as a transaction-scoped advisory lock, so it
   * is released by the commit or rollback, also when the process dies.
   */
  serialize?: string;
  /**
   * A read-only snapshot instead of a write: every read in `fn` sees the same committed
   * state (SQLite: a deferred transaction; Postgres: REPEATABLE READ, READ ONLY).
   */
  readOnly?: boolean;
}

/** What a Postgres store or transaction offers beyond the shared query builder. */
interface PgExecutor {
  execute(query: SQL): Promise<{ rows: unknown[]; rowCount: number | null }>;
}
const pgOf = (db: Db): PgExecutor => db as unknown as PgExecutor;

/** Per SQLite connection: the tail of the queue of transactions waiting for it. */
const queues = new WeakMap<Database.Database, Promise<void>>();

/**
 * Runs `fn` in one write transaction and commits what it did, or rolls all of it back
 * when it throws. SQLite: BEGIN IMMEDIATE (the write lock is taken when the transaction
 * begins, so a read-then-write never fails halfway); one connection is shared by the
 * requests of a server, so its transactions are queued, never interleaved. PostgreSQL:
 * a pool connection for the transaction, READ COMMITTED, plus the advisory lock named by
 * `serialize`. `fn` must do its I/O through `tx` only.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
  if (db.engine === "pg") {
    const pgdb = db as unknown as { transaction<R>(f: (tx: object) => Promise<R>, config?: object): Promise<R> };
    return pgdb.transaction(
      async (raw) => {
        const tx = Object.assign(raw, { engine: db.engine, t: db.t }) as unknown as Db;
        if (opts.serialize) await pgOf(tx).execute(sql`select pg_advisory_xact_lock(hashtextextended(${opts.serialize}, 0))`);
        return fn(tx);
      },
      opts.readOnly ? { isolationLevel: "repeatable read", accessMode: "read only" } : undefined,
    );
  }
  const c = db.$client;
  const before = queues.get(c) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  queues.set(c, before.then(() => mine));
  await before;
  try {
    if (c.inTransaction) throw new Error("a transaction was begun on this SQLite connection outside inTransaction: this is a bug");
    c.exec(opts.readOnly ? "BEGIN" : "BEGIN IMMEDIATE");
    try {
      const result = await fn(db);
      c.exec("COMMIT");
      return result;
    } catch (e) {
      if (c.inTransaction) c.exec("ROLLBACK");
      throw e;
    }
  } finally {
    done();
  }
}

/** Rows of a raw query (column names as the query's aliases: quote camelCase aliases, Postgres folds unquoted ones). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  if (db.engine === "pg") return (await pgOf(db).execute(query)).rows as T[];
  return db.all(query) as T[];
}

/** The first row of a raw query, or undefined. */
export async function queryRow<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, query))[0];
}

/** Runs a raw statement; returns the number of rows it changed. */
export async function execute(db: Db, query: SQL): Promise<number> {
  if (db.engine === "pg") return (await pgOf(db).execute(query)).rowCount ?? 0;
  return db.run(query).changes;
}

/** The rows an awaited drizzle update or delete changed (SQLite's RunResult, Postgres' QueryResult). */
export function changedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}

/** The distinct values of `expr` in a group, comma-joined (SQLite group_concat, Postgres string_agg). */
export function groupConcatDistinct(db: Db, expr: SQL): SQL<string | null> {
  return db.engine === "pg" ? sql<string | null>`string_agg(distinct ${expr}, ',')` : sql<string | null>`group_concat(distinct ${expr})`;
}

/** The SQLite connection of a store, for the SQLite-only paths (pragmas, prepared bulk statements); a Postgres store here is a bug. */
export function sqliteOf(db: Db): Database.Database {
  if (db.engine !== "sqlite") throw new Error("a SQLite-only path was given a PostgreSQL store: this is a bug");
  return db.$client;
}
