import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { eq, sql } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPostgresUrl, isPostgresUrl, migratePg, MIGRATIONS_SCHEMA, MIGRATIONS_TABLE, openPgDb, PgUrlError, type PgDb } from "@/db/pg/client";
import * as schema from "@/db/pg/schema";
import { createTestDatabase, PG_SKIP_REASON, PG_URL } from "./pg-test-db";

const tables = Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => v instanceof PgTable).map((t) => getTableConfig(t));
const journal = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "db", "pg", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };

describe("PostgreSQL URLs", () => {
  it("tells a postgres:// URL from a SQLite path", () => {
    expect(isPostgresUrl("postgres://u@h:5432/db")).toBe(true);
    expect(isPostgresUrl("postgresql://u@h/db")).toBe(true);
    expect(isPostgresUrl("data/parallax.db")).toBe(false);
    expect(isPostgresUrl(undefined)).toBe(false);
  });

  it("refuses a URL without a database, or that is not PostgreSQL, naming it without its password", () => {
    expect(() => checkPostgresUrl("postgres://u:secret@h:5432")).toThrow(PgUrlError);
    expect(() => checkPostgresUrl("postgres://u:secret@h:5432")).toThrow(/names no database.*u:\*\*\*@h/);
    expect(() => checkPostgresUrl("mysql://u@h/db")).toThrow(/Not a PostgreSQL URL/);
    expect(checkPostgresUrl("postgres://u@h:5432/parallax").pathname).toBe("/parallax");
  });
});

describe.skipIf(!PG_URL)(`PostgreSQL store on a throw-away cluster${PG_URL ? "" : ` (skipped: ${PG_SKIP_REASON})`}`, () => {
  let url: string;
  let drop: () => Promise<void>;
  let db: PgDb;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
  });
  afterAll(async () => {
    await db?.$client.end();
    await drop?.();
  });

  async function rows<T>(query: string, params: unknown[] = []): Promise<T[]> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(query, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  it("applies the migrations on an empty database: every table and index of db/pg/schema.ts exists", async () => {
    db = await openPgDb(url);
    const have = (await rows<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((r) => r.table_name);
    expect(have.sort()).toEqual(tables.map((t) => t.name).sort());
    const indexes = (await rows<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")).map((r) => r.indexname);
    for (const t of tables) for (const i of t.indexes) expect(indexes).toContain(i.config.name);
    const columns = await rows<{ table_name: string; column_name: string }>("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'");
    for (const t of tables) {
      expect(columns.filter((c) => c.table_name === t.name).map((c) => c.column_name).sort()).toEqual(t.columns.map((c) => c.name).sort());
    }
    const applied = await rows(`SELECT * FROM "${MIGRATIONS_SCHEMA}"."${MIGRATIONS_TABLE}"`);
    expect(applied).toHaveLength(journal.entries.length);
  });

  it("applies them again harmlessly, and from several connections at once: data kept, each migration recorded once", async () => {
    const outlet = await db.insert(schema.outlets).values({ name: "Outlet A" }).returning();
    await migratePg(url);
    await Promise.all([migratePg(url), migratePg(url), migratePg(url)]);
    expect(await db.select().from(schema.outlets)).toEqual(outlet);
    expect(await rows(`SELECT * FROM "${MIGRATIONS_SCHEMA}"."${MIGRATIONS_TABLE}"`)).toHaveLength(journal.entries.length);
  });

  it("reads ids and booleans as SQLite gives them (numbers, booleans) and finds flags by full-text search through the GIN index", async () => {
    const [outlet] = await db.select().from(schema.outlets).where(eq(schema.outlets.name, "Outlet A"));
    expect(typeof outlet.id).toBe("number");
    const at = "2026-03-03T12:00:00.000Z";
    const [story] = await db.insert(schema.stories).values({ title: "Bridge", createdAt: at, updatedAt: at }).returning();
    expect(story.dirty).toBe(true);
    // As in SQLite (migration 0006's trigger): an article inserted without a lineage is its own, keyed by its source.
    const [article] = await db
      .insert(schema.articles)
      .values({ outletId: outlet.id, storyId: story.id, source: "a.txt", title: "Bridge", body: "The harbour bridge closes.", contentHash: "h", ingestedAt: at })
      .returning();
    expect(article.lineage).toBe("a.txt");
    const [revision] = await db
      .insert(schema.articles)
      .values({ outletId: outlet.id, storyId: story.id, source: "elsewhere/a.txt", lineage: "a.txt", revision: 2, title: "Bridge", body: "The bridge closes.", contentHash: "h2", ingestedAt: at })
      .returning();
    expect(revision.lineage).toBe("a.txt");
    const flag = {
      fingerprint: "f1",
      storyId: story.id,
      articleId: article.id,
      kind: "quote_paraphrased",
      severity: "high",
      severityRank: 2,
      confidence: 0.9,
      text: "We cannot gamble with public safety",
      start: 0,
      end: 10,
      speaker: "Anna Varga",
      explanation: "Reworded quote",
      createdAt: at,
      updatedAt: at,
    };
    const [inserted] = await db.insert(schema.flags).values(flag).returning({ id: schema.flags.id });
    const search = (words: string) => db.select({ id: schema.flags.id }).from(schema.flags).where(sql`${schema.flags.search} @@ plainto_tsquery('simple', ${words})`);
    expect(await search("GAMBLE varga")).toEqual([inserted]);
    expect(await search("bridge")).toEqual([]);
    // The document follows every write: a note is searchable at once.
    await db.update(schema.flags).set({ note: "checked with the bridge office" }).where(eq(schema.flags.id, inserted.id));
    expect(await search("bridge office")).toEqual([inserted]);

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query("SET enable_seqscan = off");
      const plan = (await c.query("EXPLAIN SELECT id FROM flags WHERE search @@ plainto_tsquery('simple', 'gamble')")).rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toContain("flags_search_idx");
    } finally {
      await c.end();
    }
  });

  it("keeps SQLite's constraints: a flag event's actor kind is system or editor", async () => {
    const [f] = await db.select({ id: schema.flags.id }).from(schema.flags);
    await expect(rows("INSERT INTO flag_events (flag_id, editor, actor_kind, at, action) VALUES ($1, 'x', 'robot', 'now', 'status')", [f.id])).rejects.toThrow(/flag_events_actor_kind_check/);
  });
});
