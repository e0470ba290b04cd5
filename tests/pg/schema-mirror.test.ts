import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as pgSchema from "@/db/pg/schema";
import * as sqliteSchema from "@/db/schema";

/** Table name -> sorted column names, index names, foreign keys (column -> table.column). */
function shape(tables: { name: string; columns: string[]; indexes: string[]; foreignKeys: string[]; unique: string[] }[]) {
  return Object.fromEntries(tables.map((t) => [t.name, { columns: t.columns.sort(), indexes: t.indexes.sort(), foreignKeys: t.foreignKeys.sort(), unique: t.unique.sort() }]));
}

function sqliteShape() {
  const tables = Object.values(sqliteSchema as Record<string, unknown>).filter((v): v is SQLiteTable => v instanceof SQLiteTable);
  return shape(
    tables.map((t) => {
      const c = sqliteTableConfig(t);
      return {
        name: c.name,
        columns: c.columns.map((x) => x.name),
        indexes: c.indexes.map((i) => i.config.name),
        foreignKeys: c.foreignKeys.map((f) => {
          const r = f.reference();
          return `${r.columns.map((x) => x.name).join(",")}->${sqliteTableConfig(r.foreignTable).name}.${r.foreignColumns.map((x) => x.name).join(",")} ${f.onDelete ?? "no action"}`;
        }),
        unique: c.columns.filter((x) => x.isUnique).map((x) => x.name),
      };
    }),
  );
}

function pgShape() {
  const tables = Object.values(pgSchema as Record<string, unknown>).filter((v): v is PgTable => v instanceof PgTable);
  return shape(
    tables.map((t) => {
      const c = pgTableConfig(t);
      return {
        name: c.name,
        // The tsvector column stands for SQLite's flags_fts table (checked below).
        columns: c.columns.map((x) => x.name).filter((n) => !(c.name === "flags" && n === "search")),
        indexes: c.indexes.map((i) => i.config.name!).filter((n) => n !== "flags_search_idx"),
        foreignKeys: c.foreignKeys.map((f) => {
          const r = f.reference();
          return `${r.columns.map((x) => x.name).join(",")}->${pgTableConfig(r.foreignTable).name}.${r.foreignColumns.map((x) => x.name).join(",")} ${f.onDelete ?? "no action"}`;
        }),
        unique: c.columns.filter((x) => x.isUnique).map((x) => x.name),
      };
    }),
  );
}

describe("PostgreSQL schema (db/pg/schema.ts)", () => {
  it("mirrors the SQLite schema: the same tables, columns, indexes, unique columns and foreign keys", () => {
    expect(pgShape()).toEqual(sqliteShape());
  });

  it("has full-text search over the columns SQLite's flags_fts indexes, as a generated tsvector with a GIN index", () => {
    const c = pgTableConfig(pgSchema.flags);
    const search = c.columns.find((x) => x.name === "search");
    expect(search?.getSQLType()).toBe("tsvector");
    expect(search?.generated?.type).toBe("always");
    const fts = fs.readFileSync(path.join(__dirname, "..", "..", "db", "migrations", "0001_flags_fts.sql"), "utf8");
    const ftsColumns = /fts5\(([^)]*?),\s*content=/.exec(fts)![1].split(",").map((s) => s.trim().replace(/`/g, ""));
    const sqlText = JSON.stringify(search?.generated?.as);
    for (const col of ftsColumns) expect(sqlText).toContain(`\\"${col}\\"`);
    const gin = c.indexes.find((i) => i.config.name === "flags_search_idx");
    expect(gin?.config.method).toBe("gin");
  });

  it("has a committed migration for every table and column (the last snapshot of db/pg/migrations matches the schema)", () => {
    const dir = path.join(__dirname, "..", "..", "db", "pg", "migrations", "meta");
    const journal = JSON.parse(fs.readFileSync(path.join(dir, "_journal.json"), "utf8")) as { dialect: string; entries: { tag: string }[] };
    expect(journal.dialect).toBe("postgresql");
    const last = journal.entries.at(-1)!;
    const snapshot = JSON.parse(fs.readFileSync(path.join(dir, `${last.tag.slice(0, 4)}_snapshot.json`), "utf8")) as { tables: Record<string, { name: string; columns: Record<string, unknown> }> };
    const tables = Object.fromEntries(Object.values(snapshot.tables).map((t) => [t.name, Object.keys(t.columns).sort()]));
    const expected = Object.fromEntries(
      Object.values(pgSchema as Record<string, unknown>)
        .filter((v): v is PgTable => v instanceof PgTable)
        .map((t) => pgTableConfig(t))
        .map((c) => [c.name, c.columns.map((x) => x.name).sort()]),
    );
    expect(tables).toEqual(expected);
  });
});
