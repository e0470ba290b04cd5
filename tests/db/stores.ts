/**
 * The stores the database tests run on: always SQLite (a file in a temp dir), and
 * PostgreSQL too when npm test provides a server (PARALLAX_TEST_PG_URL; a fresh database
 * per describe block, dropped afterwards). `describeStores` runs a suite once per store,
 * with the store in the suite's name; a skipped store says why in its name.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import { closeDb, openDb, openStore, type Db, type Engine } from "@/db/client";
import { execute, queryRows } from "@/db/store";
import { seedFlags, type SeedOptions } from "@/scripts/seed-flags";
import { createTestDatabase, PG_SKIP_REASON, PG_URL } from "../pg/pg-test-db";

/** One store to run on, in a shape describe.each can name (`$label`). */
export interface StoreKind {
  engine: Engine;
  label: string;
  /** Why this store is skipped in this run, or undefined when it runs. */
  skip?: string;
}

export const STORES: readonly StoreKind[] = [
  { engine: "sqlite", label: "SQLite" },
  { engine: "pg", label: "PostgreSQL", skip: PG_URL ? undefined : PG_SKIP_REASON },
];

/** An open store of one kind for one suite. */
export interface TestStore {
  kind: StoreKind;
  /** The open store (after the suite's beforeAll). */
  readonly db: Db;
  /**
   * An empty store with every migration applied, ids starting at 1 again: SQLite, a new
   * file; PostgreSQL, every table of the app truncated (cheaper than a database per test).
   */
  reset(): Promise<Db>;
}

interface OpenTestStore {
  db: Db;
  /** PostgreSQL: the database's URL. */
  url?: string;
  close: () => Promise<void>;
}

/** Opens an empty store of `kind`; `close` closes it and removes its file or database. */
export async function openTestStore(kind: StoreKind): Promise<OpenTestStore> {
  if (kind.engine === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-store-"));
    const db = openDb(path.join(dir, "test.db"));
    return {
      db,
      close: async () => {
        await closeDb(db);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const created = await createTestDatabase();
  try {
    const out: OpenTestStore = {
      db: await openStore(created.url),
      url: created.url,
      close: async () => {
        await closeDb(out.db);
        await created.drop();
      },
    };
    return out;
  } catch (e) {
    await created.drop();
    throw e;
  }
}

/** Empties every table of the app (not the migrations' or the job queue's bookkeeping) and restarts ids. */
async function truncatePg(db: Db): Promise<void> {
  const tables = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public'`);
  if (!tables.length) return;
  await execute(db, sql.raw(`truncate ${tables.map((t) => `"public"."${t.name}"`).join(", ")} restart identity cascade`));
  // Jobs the previous test enqueued are not this test's.
  await execute(db, sql`delete from pgboss.job`);
}

/**
 * Runs `body` once per store, as `${title} on SQLite` / `... on PostgreSQL`. The store
 * is opened before the suite and closed (and removed) after it.
 */
export function describeStores(title: string, body: (store: TestStore) => void): void {
  for (const kind of STORES) {
    describe.skipIf(kind.skip !== undefined)(`${title} on ${kind.label}${kind.skip ? ` (skipped: ${kind.skip})` : ""}`, () => {
      let opened: OpenTestStore | undefined;
      const store: TestStore = {
        kind,
        get db() {
          if (!opened) throw new Error(`the ${kind.label} test store is not open: use it inside a test or hook`);
          return opened.db;
        },
        async reset() {
          if (!opened) throw new Error(`the ${kind.label} test store is not open: use it inside a test or hook`);
          if (kind.engine === "pg") {
            // A new store object as well as empty tables, as SQLite's new file gives: what
            // is cached per store (better-auth and its in-memory sign-in limits) starts afresh.
            await closeDb(opened.db);
            opened.db = await openStore(opened.url);
            await truncatePg(opened.db);
          } else {
            await opened.close();
            opened = await openTestStore(kind);
          }
          return opened.db;
        },
      };
      beforeAll(async () => {
        opened = await openTestStore(kind);
      }, 60_000);
      afterAll(async () => {
        await opened?.close();
        opened = undefined;
      });
      body(store);
    });
  }
}

/** The tables seedFlags fills, parents first. */
const SEEDED = ["outlets", "stories", "articles", "segments", "quotes", "alignments", "flags", "flagEvents"] as const;

/**
 * seedFlags on either store. seedFlags writes through SQLite's synchronous API, so for
 * PostgreSQL it seeds a temp SQLite file and copies every row, ids included (the Postgres
 * ids are identity columns "by default", so explicit ids are accepted), then moves each
 * id sequence past the copied rows.
 */
export async function seedFlagsOn(db: Db, opts: SeedOptions): Promise<void> {
  if (db.engine === "sqlite") {
    seedFlags(db, opts);
    return;
  }
  const lite = await openTestStore(STORES[0]);
  try {
    seedFlags(lite.db, opts);
    for (const name of SEEDED) {
      const rows = (await lite.db.select().from(lite.db.t[name])) as Record<string, unknown>[];
      for (let i = 0; i < rows.length; i += 500) await db.insert(db.t[name]).values(rows.slice(i, i + 500) as never);
    }
    const tables = await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public'`);
    for (const { name } of tables) {
      const seq = await queryRows<{ s: string | null }>(db, sql`select pg_get_serial_sequence(${`"public"."${name}"`}, 'id') as s`).catch(() => [{ s: null }]);
      if (seq[0]?.s) await execute(db, sql.raw(`select setval('${seq[0].s}', greatest((select coalesce(max(id), 0) from "public"."${name}"), 1), (select count(*) > 0 from "public"."${name}"))`));
    }
  } finally {
    await lite.close();
  }
}
