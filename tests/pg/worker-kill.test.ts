/**
 * The real analysis as jobs on PostgreSQL: the bundled sample stories are ingested (which
 * queues their grouping in the same transactions), and `npm run worker`'s loop analyses
 * them. One worker is killed (SIGKILL) in the middle of saving a story, its transaction
 * open and its rows written but not committed; a second worker takes the job up after its
 * expiry. In the end every story is analysed exactly once: the same flags, segments and
 * quotes as a clean run of the same articles on SQLite, the killed job retried and
 * completed, nothing left of the killed attempt.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzePending, assignPending } from "@/db/analyze";
import { closeDb, openDb, openStore, type Db } from "@/db/client";
import { ingestInputs } from "@/db/ingest";
import { queryRows } from "@/db/store";
import { sql } from "drizzle-orm";
import { ANALYSE_JOB } from "@/db/queue";
import { createTestDatabase, PG_SKIP_REASON, PG_URL } from "./pg-test-db";
import { NODE_TSX, TEST_QUEUE_ENV } from "./queue-env";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "db", "sample", "articles");
const CLOCK = () => new Date("2026-06-01T09:00:00.000Z");
const TEST_ENV = TEST_QUEUE_ENV;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What an analysis leaves, per story, comparable across stores (ids aside). */
async function analysed(db: Db): Promise<unknown> {
  return queryRows(
    db,
    sql`SELECT s.id AS story, s.dirty AS dirty,
               (SELECT count(*) FROM flags f WHERE f.story_id = s.id) AS flags,
               (SELECT count(*) FROM segments g JOIN articles a ON a.id = g.article_id WHERE a.story_id = s.id) AS segments,
               (SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.story_id = s.id) AS quotes,
               (SELECT count(*) FROM alignments l WHERE l.story_id = s.id) AS alignments
        FROM stories s ORDER BY s.id`,
  ).then((rows) => (rows as { dirty: unknown }[]).map((r) => ({ ...r, dirty: Boolean(r.dirty) })));
}

async function flagSet(db: Db): Promise<unknown> {
  return queryRows(db, sql`SELECT fingerprint, story_id AS story, article_id AS article, kind, severity, text FROM flags ORDER BY fingerprint`);
}

describe.skipIf(!PG_URL)(`analysis jobs survive a killed worker${PG_URL ? "" : ` (skipped: ${PG_SKIP_REASON})`}`, () => {
  let url: string;
  let drop: () => Promise<void>;
  let db: Db;
  let pool: pg.Pool;
  let dir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    db = await openStore(url);
    pool = new pg.Pool({ connectionString: url, max: 4 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-kill-"));
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await pool?.end();
    if (db) await closeDb(db);
    await drop?.();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }
  async function startWorker(name: string): Promise<{ child: ChildProcess; out: () => string }> {
    const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), path.join(__dirname, "analysis-worker.ts")], { cwd: ROOT, env: { ...process.env, ...TEST_ENV, PW_URL: url } });
    children.push(child);
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    await until(`worker ${name} ready`, async () => out.includes("ready"), 30_000);
    return { child, out: () => out };
  }

  it("retries the job of a worker killed mid-save and analyses every story exactly once", async () => {
    // The reference: the same articles analysed by one clean run on SQLite.
    const lite = openDb(path.join(dir, "reference.db"));
    await ingestInputs(lite, [SAMPLE], { now: CLOCK });
    await analyzePending(lite, { now: CLOCK, workers: 0 });

    const run = await ingestInputs(db, [SAMPLE], { now: CLOCK });
    expect(run.added).toBeGreaterThan(0);
    // Ingest queued the grouping in its own transactions.
    expect((await pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'parallax-group'")).rows[0].n).toBeGreaterThan(0);
    // Group here, so the test knows the stories before any worker runs; the worker's grouping job then finds them dirty.
    await assignPending(db, CLOCK);
    const stories = (await pool.query<{ id: number }>("SELECT id::int FROM stories ORDER BY id")).rows.map((r) => r.id);
    expect(stories.length).toBeGreaterThan(1);
    const victim = stories[stories.length - 1];

    // Hold the victim story's row (FOR NO KEY UPDATE: rows that merely reference it may still be
    // written): a save writes segments, quotes, alignments and flags first and updates the story
    // row last, so the worker saving it waits there with its whole transaction written and open.
    const holder = await pool.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT id FROM stories WHERE id = $1 FOR NO KEY UPDATE", [victim]);

    const a = await startWorker("A");
    await until("worker A waiting inside the victim's save", async () => {
      const r = await pool.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND state = 'active' AND xact_start IS NOT NULL AND query ILIKE 'update \"stories\"%'");
      return r.rows.length > 0;
    });
    // Its uncommitted writes exist (the flags it inserted are invisible to others, but it holds their rows' locks).
    a.child.kill("SIGKILL");
    await new Promise((r) => a.child.once("exit", r));
    await holder.query("ROLLBACK");
    holder.release();

    // Nothing of the killed attempt is visible: the victim is still waiting for its analysis.
    const before = (await analysed(db)) as { story: number; dirty: boolean; segments: number }[];
    expect(before.find((s) => s.story === victim)).toMatchObject({ dirty: true, segments: 0 });

    await startWorker("B");
    await until(
      "every story analysed and every job completed",
      async () =>
        (await pool.query("SELECT 1 FROM stories WHERE dirty")).rows.length === 0 &&
        (await pool.query("SELECT 1 FROM pgboss.job WHERE state::text IN ('created', 'retry', 'active')")).rows.length === 0,
      90_000,
    );

    expect(await analysed(db)).toEqual(await analysed(lite));
    expect(await flagSet(db)).toEqual(await flagSet(lite));
    // The victim's job: retried after the kill, completed once.
    const jobs = (await pool.query<{ state: string; retry_count: number }>("SELECT state::text, retry_count FROM pgboss.job WHERE name = $1 AND singleton_key = $2", [ANALYSE_JOB, String(victim)])).rows;
    expect(jobs.filter((j) => j.state === "completed").length).toBeGreaterThanOrEqual(1);
    expect(jobs.some((j) => j.retry_count >= 1)).toBe(true);
    lite.$client.close();
  }, 180_000);
});
