/**
 * History identity: the analysis' own events are system events, stored as
 * such apart from any name; nothing an editor submits becomes one, and no
 * editor may take a name that reads as the system.
 */
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { asc, eq, sql } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { editorNameSchema } from "../../app/lib/editor";
import { openDb, type Db } from "../../db/client";
import { exportFlags } from "../../db/export";
import { execute } from "../../db/store";
import { listFlagHistories, listFlagHistory, setFlagNote, setFlagStatus, TriageError } from "../../db/triage";
import { imitatesSystem, SYSTEM_ACTOR_LABEL } from "../../lib/triage/actor";
import { describeStores, seedFlagsOn } from "./stores";

const dirs: string[] = [];
const t0 = new Date("2026-04-01T09:00:00.000Z");
const t1 = new Date("2026-04-01T09:05:00.000Z");
const MIGRATIONS = path.join(__dirname, "../../db/migrations");

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-actor-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

let db: Db;
const kinds = (flagId: number) =>
  db.select({ action: db.t.flagEvents.action, actorKind: db.t.flagEvents.actorKind }).from(db.t.flagEvents).where(eq(db.t.flagEvents.flagId, flagId)).orderBy(asc(db.t.flagEvents.id));

/** The insert db/analyze/save.ts makes when a flag goes stale: it names no actor kind. */
async function analysisEvent(flagId: number, action: "stale" | "revived", at: Date): Promise<void> {
  await db.insert(db.t.flagEvents).values({ flagId, editor: "parallax", at: at.toISOString(), action, fromStatus: "open", toStatus: "open", note: null });
}

describeStores("history identity", (store) => {
  beforeEach(async () => {
    db = await store.reset();
    await seedFlagsOn(db, { flags: 4, seed: 3, flagsPerStory: 4 });
  });

  describe("actor kind of history events", () => {
    it("marks every event triage writes as an editor's, and the analysis' inserts as the system's", async () => {
      await setFlagStatus(db, { flagIds: 1, expectedVersions: 1, status: "verified", editor: "Ada", now: t0 });
      await setFlagNote(db, { flagId: 1, expectedVersion: 2, note: "seen", editor: "Ben", now: t1 });
      await analysisEvent(1, "stale", t1);
      expect(await kinds(1)).toEqual([
        { action: "status", actorKind: "editor" },
        { action: "note", actorKind: "editor" },
        { action: "stale", actorKind: "system" },
      ]);
    });

    it("shows a system event as Parallax (automatic), never as the name its row carries", async () => {
      await setFlagStatus(db, { flagIds: 2, expectedVersions: 1, status: "unsupported", editor: "Ada", now: t0 });
      await analysisEvent(2, "stale", t1);
      const history = await listFlagHistory(db, 2);
      expect(history.map((h) => [h.actorKind, h.actor, h.action])).toEqual([
        ["system", SYSTEM_ACTOR_LABEL, "stale"],
        ["editor", "Ada", "status"],
      ]);
      expect((await listFlagHistories(db, [2])).get(2)!.map((h) => h.actor)).toEqual(["Ada", SYSTEM_ACTOR_LABEL]);
    });

    it("names the system in a refusal when the analysis changed the flag last", async () => {
      await setFlagStatus(db, { flagIds: 3, expectedVersions: 1, status: "verified", editor: "Ada", now: t0 });
      await analysisEvent(3, "revived", t1);
      await expect(setFlagStatus(db, { flagIds: 3, expectedVersions: 1, status: "dismissed", editor: "Ben", now: t1 })).rejects.toThrow(
        `Flag 3 was changed by ${SYSTEM_ACTOR_LABEL} at ${t1.toISOString()} since you opened it; reload to see the change.`,
      );
    });

    it("refuses an actor kind outside system and editor in the database itself", async () => {
      const err = (await execute(db, sql`insert into flag_events (flag_id, editor, actor_kind, at, action) values (1, 'x', 'root', 'now', 'status')`).then(
        () => undefined,
        (e: unknown) => e,
      )) as (Error & { cause?: Error }) | undefined;
      // SQLite says "CHECK constraint failed", PostgreSQL "violates check constraint" (under drizzle's "Failed query").
      expect(`${err?.message} ${err?.cause?.message}`).toMatch(/check constraint/i);
    });

    it("exports system events as such, with no editor name", async () => {
      await setFlagStatus(db, { flagIds: 4, expectedVersions: 1, status: "unsupported", editor: "Ada", now: t0 });
      await analysisEvent(4, "stale", t1);
      const doc = JSON.parse((await exportFlags(db, {}, "json", t1)).body);
      const flag = doc.flags.find((f: { id: number }) => f.id === 4);
      expect(flag.history).toEqual([
        { at: t0.toISOString(), actor: "editor", editor: "Ada", action: "status", fromStatus: "open", toStatus: "unsupported", note: null },
        { at: t1.toISOString(), actor: "system", editor: null, action: "stale", fromStatus: "open", toStatus: "open", note: null },
      ]);
      const md = (await exportFlags(db, { status: ["unsupported"] }, "md", t1)).body;
      expect(md).toContain(`· *Parallax (automatic)* · no longer found by re-analysis`);
      expect(md).toContain("· Ada (editor) · open → unsupported");
    });
  });

  describe("editor names that imitate the system", () => {
    const impostors = ["Parallax", "parallax", "parallax (automatic)", "Parallax (Automatic)", "  PARALLAX  ", "P a r a l l a x", "system", "SYSTEM", "System (automatic)", "ＰＡＲＡＬＬＡＸ", "p\u0430rallax", "para\u200bllax", "Párallax", "Para11ax"];

    it.each(impostors)("refuses %j in triage writes with a clear message", async (name) => {
      let err: unknown;
      try {
        await setFlagStatus(db, { flagIds: 1, expectedVersions: 1, status: "verified", editor: name, now: t0 });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TriageError);
      expect((err as TriageError).code).toBe("invalid");
      expect((err as Error).message).toMatch(/is reserved for Parallax's automatic changes: use your own name\.$/);
      await expect(setFlagNote(db, { flagId: 1, expectedVersion: 1, note: "x", editor: name, now: t0 })).rejects.toThrow(/reserved/);
      expect(await kinds(1)).toEqual([]);
    });

    it.each(impostors)("refuses %j as the dashboard's editor name", (name) => {
      const r = editorNameSchema.safeParse(name);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0].message).toMatch(/^The name ".+" is reserved for Parallax's automatic changes: use your own name\.$/);
    });

    it.each(["Ada", "Ben Okafor", "Systems desk", "Lax Para", "Anna Lysis", "María José"])("accepts %j", (name) => {
      expect(imitatesSystem(name)).toBe(false);
      expect(editorNameSchema.safeParse(name).success).toBe(true);
    });
  });
});

describe("migration 0004 (actor kind; SQLite only: it migrates an old SQLite file)", () => {
  it("marks the analysis' existing rows as system rows by their action, and every other row as an editor's, whatever its name", async () => {
    const dir = tempDir();
    // The migrations folder as it was before this one.
    const before = path.join(dir, "migrations");
    fs.mkdirSync(path.join(before, "meta"), { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta", "_journal.json"), "utf8"));
    const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag.startsWith("0004_"));
    expect(upTo).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, upTo);
    fs.writeFileSync(path.join(before, "meta", "_journal.json"), JSON.stringify(journal));
    for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));

    const file = path.join(dir, "old.db");
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: before });
    const at = t0.toISOString();
    sqlite.exec(`
      insert into outlets (name) values ('Alpha');
      insert into stories (title, created_at, updated_at) values ('S', '${at}', '${at}');
      insert into articles (outlet_id, story_id, source, title, body, content_hash, ingested_at) values (1, 1, 'a.txt', 'T', 'body', 'h', '${at}');
      insert into flags (fingerprint, story_id, article_id, kind, severity, severity_rank, confidence, text, start, "end", explanation, created_at, updated_at)
        values ('f', 1, 1, 'claim_added', 'low', 0, 0.5, 'x', 0, 1, 'why', '${at}', '${at}');
      insert into flag_events (flag_id, editor, at, action, from_status, to_status) values
        (1, 'Ada', '${at}', 'status', 'open', 'verified'),
        (1, 'parallax', '${at}', 'stale', 'verified', 'verified'),
        (1, 'parallax', '${at}', 'status', 'verified', 'dismissed'),
        (1, 'Parallax', '${at}', 'note', 'dismissed', 'dismissed'),
        (1, 'parallax', '${at}', 'revived', 'dismissed', 'dismissed');
    `);
    sqlite.close();

    const migrated = openDb(file);
    const rows = migrated.$client.prepare("select id, editor, action, actor_kind as kind from flag_events order by id").all();
    expect(rows).toEqual([
      { id: 1, editor: "Ada", action: "status", kind: "editor" },
      { id: 2, editor: "parallax", action: "stale", kind: "system" },
      // An editor who typed "parallax" before names were checked stays an editor.
      { id: 3, editor: "parallax", action: "status", kind: "editor" },
      { id: 4, editor: "Parallax", action: "note", kind: "editor" },
      { id: 5, editor: "parallax", action: "revived", kind: "system" },
    ]);
    expect((await listFlagHistory(migrated, 1)).map((h) => h.actor)).toEqual([SYSTEM_ACTOR_LABEL, "Parallax", "parallax", SYSTEM_ACTOR_LABEL, "Ada"]);
    // The rebuilt table keeps its index and its foreign key (events go with their flag).
    expect(migrated.$client.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'flag_events'").all()).toContainEqual({ name: "flag_events_flag_idx" });
    migrated.$client.prepare("delete from flags where id = 1").run();
    expect(migrated.$client.prepare("select count(*) as n from flag_events").get()).toEqual({ n: 0 });
    migrated.$client.close();
  });
});
