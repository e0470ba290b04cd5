/**
 * Opens the Parallax database: a SQLite file (WAL, foreign keys on) with every
 * committed migration applied. Every entry point (CLI, server, tests) opens it
 * through here, so the schema is always current.
 */
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import { canonicalKey } from "../lib/ingest/canonical";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Default database path, relative to the working directory; `PARALLAX_DB` overrides it. */
export const DEFAULT_DB_PATH = "data/parallax.db";

/** Resolves the database path from an explicit value, the environment, or the default. */
export function resolveDbPath(explicit?: string): string {
  // The comment keeps Next's file tracer from treating a runtime path as a reason to trace the whole project.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), explicit ?? process.env.PARALLAX_DB ?? DEFAULT_DB_PATH);
}

function migrationsFolder(): string {
  // Works from the repo (tsx, vitest) and from the Next server, whose cwd is the project root.
  const candidates = [path.join(__dirname, "migrations"), path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations")];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, "meta", "_journal.json"))) return dir;
  throw new Error(`Parallax migrations not found (looked in ${candidates.join(", ")}): this is a bug in the install`);
}

/** Opens (creating when needed) and migrates the database at `file`. */
export function openDb(file?: string): Db {
  const dbPath = file === ":memory:" ? file : resolveDbPath(file);
  if (dbPath !== ":memory:") fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const sqlite = new Database(dbPath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  fillCanonicalKeys(sqlite);
  return db;
}

/**
 * The data half of migration 0006: articles stored before it get the comparable form of
 * their canonical URL, which SQL cannot compute. Ingest writes the key (or "" for a URL
 * that names no single article) on every new row, so after the first open this finds nothing.
 */
function fillCanonicalKeys(sqlite: Database.Database): void {
  const rows = sqlite.prepare("SELECT id, canonical_url AS url FROM articles WHERE canonical_key IS NULL AND canonical_url IS NOT NULL").all() as { id: number; url: string }[];
  if (!rows.length) return;
  const set = sqlite.prepare("UPDATE articles SET canonical_key = ? WHERE id = ?");
  sqlite.transaction(() => {
    for (const r of rows) set.run(canonicalKey(r.url) ?? "", r.id);
  }).immediate();
}

const cache = new Map<string, Db>();

/** One shared connection per path for long-lived processes (the Next server). */
export function getDb(file?: string): Db {
  const key = resolveDbPath(file);
  let db = cache.get(key);
  if (!db) {
    db = openDb(key);
    cache.set(key, db);
  }
  return db;
}
