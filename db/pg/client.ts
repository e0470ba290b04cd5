/**
 * Opens Parallax's PostgreSQL store: a connection pool on a postgres:// URL, with every
 * committed Postgres migration (db/pg/migrations) applied first. Any number of processes
 * on any number of machines may open one database at once: the migrations run under a
 * Postgres advisory lock, so exactly one of them applies what is missing and the others
 * find it done.
 */
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import * as schema from "./schema";

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** Thrown for a URL that is not a usable PostgreSQL URL: the message names the problem. */
export class PgUrlError extends Error {}

/** Key of the advisory lock the migrations run under (any fixed 64-bit number, Parallax's own). */
const MIGRATION_LOCK_KEY = 0x70617261_6c6c6178n; // "parallax"
/** Where drizzle records the applied migrations (its defaults, written down so tests can look). */
export const MIGRATIONS_SCHEMA = "drizzle";
export const MIGRATIONS_TABLE = "__drizzle_migrations";

/** True when `url` names a PostgreSQL database (postgres:// or postgresql://) rather than a SQLite file. */
export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url.trim());
}

/** Checks a PostgreSQL URL; throws PgUrlError naming what is wrong (the password never appears). */
export function checkPostgresUrl(url: string): URL {
  if (!isPostgresUrl(url)) throw new PgUrlError(`Not a PostgreSQL URL (it must start with postgres:// or postgresql://): "${redact(url)}"`);
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new PgUrlError(`PostgreSQL URL cannot be parsed: "${redact(url)}"`);
  }
  if (parsed.pathname.length <= 1 && !parsed.searchParams.has("host")) throw new PgUrlError(`PostgreSQL URL names no database (postgres://user@host:port/DATABASE): "${redact(url)}"`);
  return parsed;
}

/** The URL with any password replaced, for messages. */
function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*):[^@/]*@/, "$1:***@").slice(0, 200);
}

function migrationsFolder(): string {
  const candidates = [path.join(__dirname, "migrations"), path.join(/* turbopackIgnore: true */ process.cwd(), "db", "pg", "migrations")];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, "meta", "_journal.json"))) return dir;
  throw new Error(`Parallax PostgreSQL migrations not found (looked in ${candidates.join(", ")}): this is a bug in the install`);
}

/**
 * 64-bit integers (ids, counts) arrive as JS numbers, as from SQLite; past 2^53 that
 * would lose digits, so such a value is refused loudly rather than rounded.
 */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`PostgreSQL returned the integer ${value}, beyond what Parallax reads exactly: this is a bug`);
  return n;
}

const INT8_OID = 20;
// Also for the process's pg module as a whole: drizzle's node-postgres driver passes its
// own per-query parsers, which fall back to pg's global ones, so without this a raw query
// (db/store.ts queryRows) would read ids and counts as strings.
pg.types.setTypeParser(INT8_OID, parseInt8);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary" ? parseInt8 : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** Applies the committed migrations that `url`'s database lacks, under the migration lock. */
export async function migratePg(url: string): Promise<void> {
  checkPostgresUrl(url);
  // One connection for the lock and the migrations: an advisory lock belongs to its session.
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await migrate(drizzle(client), { migrationsFolder: migrationsFolder(), migrationsSchema: MIGRATIONS_SCHEMA, migrationsTable: MIGRATIONS_TABLE });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    await client.end();
  }
}

/**
 * Opens (and migrates) the PostgreSQL store at `url`. The caller closes it with
 * `db.$client.end()`. Throws PgUrlError for a malformed URL and pg's own error (which
 * names the host and the reason) when the server cannot be reached.
 */
export async function openPgDb(url: string, opts: { max?: number } = {}): Promise<PgDb> {
  await migratePg(url);
  const pool = new pg.Pool({ connectionString: url, types, max: opts.max ?? 10 });
  // An idle connection the server drops (restart, failover) must not bring the process down.
  pool.on("error", () => {});
  return drizzle(pool, { schema }) as PgDb;
}
