/**
 * Opens the Parallax database: by default a SQLite file (WAL, foreign keys on); when the
 * target is a postgres:// URL (`--db` or DATABASE_URL), PostgreSQL (db/pg/client.ts). Either
 * way every committed migration of that store is applied first, so the schema is always
 * current. Every entry point (CLI, server, worker, tests) opens it through here.
 *
 * Both stores are one type, `Db`: a drizzle database whose `engine` says which it is and
 * whose `t` holds that store's tables. Queries written against `db.t` and awaited (never
 * `.get()`, `.all()` or `.run()`, which only SQLite has) serve both; db/store.ts holds the
 * few things that differ (transactions, raw SQL, aggregates).
 */
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import { canonicalKey } from "../lib/ingest/canonical";
import * as schema from "./schema";
import * as pgSchema from "./pg/schema";
import { checkPostgresUrl, isPostgresUrl, openPgDb } from "./pg/client";
import { installQueue } from "./queue/open";

/** Which store a Db is (not `dialect`: drizzle keeps its own SQL dialect object under that name). */
export type Engine = "sqlite" | "pg";
/** The tables of a store. Typed as SQLite's; the Postgres mirror has the same columns with the same TypeScript types (tests/pg/schema-mirror.test.ts). */
export type Tables = typeof schema;
type SqliteOrm = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/**
 * A store. Its query builder is typed as SQLite's for both dialects: the shared code only
 * builds queries and awaits them, which drizzle's Postgres builder does alike.
 */
export type Db = SqliteOrm & { engine: Engine; t: Tables };

/** Default database path, relative to the working directory; `PARALLAX_DB` overrides it. */
export const DEFAULT_DB_PATH = "data/parallax.db";

/** Resolves the SQLite database path from an explicit value, the environment, or the default. */
export function resolveDbPath(explicit?: string): string {
  // The comment keeps Next's file tracer from treating a runtime path as a reason to trace the whole project.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), explicit ?? process.env.PARALLAX_DB ?? DEFAULT_DB_PATH);
}

/**
 * The store an entry point opens: the explicit target (`--db`), else DATABASE_URL when it
 * is a postgres:// URL, else PARALLAX_DB, else the default file. A postgres:// URL comes
 * back as given; anything else as an absolute SQLite path.
 */
export function resolveTarget(explicit?: string): string {
  if (explicit !== undefined && explicit !== "") return isPostgresUrl(explicit) ? explicit.trim() : explicit === ":memory:" ? explicit : resolveDbPath(explicit);
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) return url.trim();
  return resolveDbPath();
}

/** A short name of a target for messages (a Postgres URL without its password). */
export function describeTarget(target: string): string {
  if (!isPostgresUrl(target)) return target;
  const u = checkPostgresUrl(target);
  return `postgres://${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`;
}

function migrationsFolder(): string {
  // Works from the repo (tsx, vitest) and from the Next server, whose cwd is the project root.
  const candidates = [path.join(__dirname, "migrations"), path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations")];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, "meta", "_journal.json"))) return dir;
  throw new Error(`Parallax migrations not found (looked in ${candidates.join(", ")}): this is a bug in the install`);
}

/** Opens (creating when needed) and migrates the SQLite database at `file`. */
export function openDb(file?: string): Db {
  if (file !== undefined && isPostgresUrl(file)) throw new Error(`openDb opens SQLite files only; open ${describeTarget(file)} with openStore: this is a bug`);
  const dbPath = file === ":memory:" ? file : resolveDbPath(file);
  if (dbPath !== ":memory:") fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const sqlite = new Database(dbPath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  const db = Object.assign(drizzle(sqlite, { schema }), { engine: "sqlite" as const, t: schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  fillCanonicalKeys(sqlite);
  return db;
}

/**
 * Opens the store at `target` (resolveTarget: `--db`, DATABASE_URL, PARALLAX_DB, default):
 * PostgreSQL for a postgres:// URL, else the SQLite file. Close it with closeDb.
 */
export async function openStore(target?: string, opts: { maxConnections?: number } = {}): Promise<Db> {
  const resolved = resolveTarget(target);
  if (!isPostgresUrl(resolved)) return openDb(resolved);
  const pg = await openPgDb(resolved, { max: opts.maxConnections });
  // Ingest enqueues analysis jobs in its own transactions: the queue's tables must exist first.
  await queueInstalled(resolved);
  return Object.assign(pg, { engine: "pg" as const, t: pgSchema as unknown as Tables }) as unknown as Db;
}

/** Closes a store's connection (SQLite) or pool (PostgreSQL). */
export async function closeDb(db: Db): Promise<void> {
  if (db.engine === "pg") await (db.$client as unknown as { end(): Promise<void> }).end();
  else db.$client.close();
}

/**
 * The data half of migration 0006: articles stored before it get the comparable form of
 * their canonical URL, which SQL cannot compute. Ingest writes the key (or "" for a URL
 * that names no single article) on every new row, so after the first open this finds nothing.
 * (PostgreSQL stores started after 0006 and never hold such rows.)
 */
function fillCanonicalKeys(sqlite: Database.Database): void {
  const rows = sqlite.prepare("SELECT id, canonical_url AS url FROM articles WHERE canonical_key IS NULL AND canonical_url IS NOT NULL").all() as { id: number; url: string }[];
  if (!rows.length) return;
  const set = sqlite.prepare("UPDATE articles SET canonical_key = ? WHERE id = ?");
  sqlite.transaction(() => {
    for (const r of rows) set.run(canonicalKey(r.url) ?? "", r.id);
  }).immediate();
}

/**
 * The promise `make()` gives for `key`, made once per process and shared by every caller;
 * a failure is not remembered (a server that was down is tried again next time).
 */
function once<T>(memo: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = memo.get(key);
  if (!p) {
    p = make();
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}

/** Postgres databases whose job queue this process has installed (or found installed). */
const queues = new Map<string, Promise<void>>();
const queueInstalled = (url: string): Promise<void> => once(queues, url, () => installQueue(url));

const cache = new Map<string, Promise<Db>>();

/** One shared store per target for long-lived processes (the Next server). */
export function getDb(target?: string): Promise<Db> {
  const key = resolveTarget(target);
  return once(cache, key, () => openStore(key));
}
