/**
 * The analysis job queue (db/queue) on a throw-away PostgreSQL cluster, with test
 * handlers (tests/pg/queue-handlers.ts) in place of the analysis: enqueueing inside a
 * transaction, grouping then analysing, retries with back-off, two worker processes
 * sharing the stories, and a worker killed or stopped in the middle of a job.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openPgDb, type PgDb } from "@/db/pg/client";
import { ANALYSE_JOB, enqueueGroupingIn, enqueueStoryAnalysesIn, GROUP_JOB, installQueue, QueueNotInstalledError, readQueueConfig, runWorker } from "@/db/queue";
import { positionalToSql } from "@/db/queue/enqueue";
import PgBoss from "pg-boss";
import { createTestDatabase, PG_SKIP_REASON, PG_URL } from "./pg-test-db";
import { NODE_TSX, TEST_QUEUE_ENV } from "./queue-env";
import { RESULT_ROWS, TEST_TABLES, testHandlers, type TestHandlerOptions } from "./queue-handlers";

const ROOT = path.join(__dirname, "..", "..");
const TEST_ENV = TEST_QUEUE_ENV;
const config = readQueueConfig(TEST_ENV as NodeJS.ProcessEnv);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("positional SQL for drizzle", () => {
  it("binds each $n once, in order, and refuses a placeholder used twice", () => {
    const q = positionalToSql("SELECT $2::int + $1::int", [1, 2]);
    expect(q.queryChunks.length).toBeGreaterThan(0);
    expect(() => positionalToSql("SELECT $1, $1", [1])).toThrow(/twice.*this is a bug/);
    expect(() => positionalToSql("SELECT $2", [1])).toThrow(/this is a bug/);
  });
});

describe.skipIf(!PG_URL)(`job queue on a throw-away cluster${PG_URL ? "" : ` (skipped: ${PG_SKIP_REASON})`}`, () => {
  let url: string;
  let drop: () => Promise<void>;
  let db: PgDb;
  let pool: pg.Pool;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    db = await openPgDb(url);
    pool = new pg.Pool({ connectionString: url, max: 8 });
    await pool.query(TEST_TABLES);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await pool?.end();
    await db?.$client.end();
    await drop?.();
  });

  const rows = async <T>(q: string, p: unknown[] = []) => (await pool.query(q, p)).rows as T[];
  const jobs = (name: string) =>
    rows<{ state: string; key: string | null; retry_count: number; data: { storyId?: number } }>(
      "SELECT state::text, singleton_key AS key, retry_count, data FROM pgboss.job WHERE name = $1 ORDER BY created_on, singleton_key",
      [name],
    );
  async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }
  /** Runs an in-process worker until the returned stop is called. */
  function startWorker(o: TestHandlerOptions, concurrency = 1): { stop: () => Promise<void>; ready: Promise<void> } {
    const ac = new AbortController();
    let ready!: () => void;
    const readyP = new Promise<void>((r) => (ready = r));
    const done = runWorker({ url, config, concurrency, handlers: testHandlers(pool, o), signal: ac.signal, onReady: ready });
    return { ready: readyP, stop: async () => (ac.abort(), await done) };
  }
  /** Starts tests/pg/queue-worker.ts as a child process; resolves once it takes jobs. */
  async function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; out: () => string; exited: Promise<number | null> }> {
    const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), path.join(__dirname, "queue-worker.ts")], { cwd: ROOT, env: { ...process.env, ...TEST_ENV, QT_URL: url, ...env } });
    children.push(child);
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    child.on("exit", () => process.env.QT_DEBUG && console.log(`worker ${env.QT_WORKER} output:\n${out}`));
    await until(`worker ${env.QT_WORKER} ready`, async () => out.includes("ready"), 30_000);
    return { child, out: () => out, exited };
  }
  async function reset(): Promise<void> {
    await pool.query("TRUNCATE qt_story, qt_result, qt_run");
    if ((await rows("SELECT to_regclass('pgboss.job') AS t"))[0]) await pool.query("DELETE FROM pgboss.job").catch(() => {});
  }
  afterEach(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await reset();
  });

  it("refuses to enqueue before the queue is installed, naming the fix", async () => {
    await expect(db.transaction((tx) => enqueueGroupingIn(tx))).rejects.toThrow(QueueNotInstalledError);
    await expect(db.transaction((tx) => enqueueStoryAnalysesIn(tx, [1]))).rejects.toThrow(/npm run worker.*installQueue/);
    await installQueue(url, config);
    await expect(db.transaction((tx) => enqueueStoryAnalysesIn(tx, [0]))).rejects.toThrow(/positive integer/);
  });

  it("enqueues inside the caller's transaction: a rollback leaves no job, a commit leaves one per story (one queued per story at most)", async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueGroupingIn(tx);
        await enqueueStoryAnalysesIn(tx, [1, 2]);
        throw new Error("ingest failed");
      }),
    ).rejects.toThrow("ingest failed");
    expect(await rows("SELECT * FROM pgboss.job")).toEqual([]);

    await db.transaction(async (tx) => {
      await enqueueGroupingIn(tx);
      await enqueueGroupingIn(tx);
      await enqueueStoryAnalysesIn(tx, [1, 2, 2]);
    });
    await db.transaction((tx) => enqueueStoryAnalysesIn(tx, [2, 3]));
    expect(await jobs(GROUP_JOB)).toHaveLength(1);
    expect((await jobs(ANALYSE_JOB)).map((j) => [j.key, j.data.storyId, j.state])).toEqual([
      ["1", 1, "created"],
      ["2", 2, "created"],
      ["3", 3, "created"],
    ]);
    const [q] = await rows<{ policy: string; expire_seconds: number; retry_limit: number; retry_backoff: boolean }>(
      "SELECT policy, expire_seconds, retry_limit, retry_backoff FROM pgboss.queue WHERE name = $1",
      [ANALYSE_JOB],
    );
    expect(q).toEqual({ policy: "short", expire_seconds: 3, retry_limit: 3, retry_backoff: true });
    await reset();
  });

  it("runs a committed grouping: the dirty stories are enqueued and each analysed once", async () => {
    await pool.query("INSERT INTO qt_story (id) VALUES (1), (2), (3)");
    await pool.query("UPDATE qt_story SET dirty = false WHERE id = 3");
    await db.transaction((tx) => enqueueGroupingIn(tx));
    const w = startWorker({ worker: "solo" }, 2);
    await w.ready;
    await until("both dirty stories analysed", async () => (await rows("SELECT 1 FROM qt_story WHERE dirty")).length === 0);
    await until("jobs completed", async () => (await rows("SELECT 1 FROM pgboss.job WHERE state <> 'completed'")).length === 0);
    await w.stop();
    expect(await rows("SELECT story_id, count(*)::int AS n FROM qt_result GROUP BY story_id ORDER BY story_id")).toEqual([
      { story_id: 1, n: RESULT_ROWS },
      { story_id: 2, n: RESULT_ROWS },
    ]);
    expect(await rows("SELECT story_id FROM qt_run ORDER BY story_id NULLS FIRST")).toEqual([{ story_id: null }, { story_id: 1 }, { story_id: 2 }]);
    await reset();
  });

  it("retries a throwing handler with back-off until it succeeds", async () => {
    await pool.query("INSERT INTO qt_story (id) VALUES (7)");
    await db.transaction((tx) => enqueueStoryAnalysesIn(tx, [7]));
    const w = startWorker({ worker: "flaky", failStory: 7, failTimes: 2 });
    await until("story 7 analysed", async () => (await rows("SELECT 1 FROM qt_story WHERE NOT dirty")).length === 1);
    await until("job completed", async () => (await jobs(ANALYSE_JOB))[0]?.state === "completed");
    await w.stop();
    const runs = await rows<{ started: number; error: string | null }>("SELECT extract(epoch FROM started_at)::float8 AS started, error FROM qt_run ORDER BY id");
    expect(runs.map((r) => r.error)).toEqual(["test failure 1 of story 7", "test failure 2 of story 7", null]);
    const gaps = [runs[1].started - runs[0].started, runs[2].started - runs[1].started];
    console.log(`retry gaps: ${gaps.map((g) => g.toFixed(2)).join(" s, ")} s`);
    // pg-boss's back-off: delay * 2^(attempt) / 2 * (1 + random), i.e. 1-2 s, then 2-4 s, plus polling.
    expect(gaps[0]).toBeGreaterThanOrEqual(1);
    expect(gaps[1]).toBeGreaterThanOrEqual(2);
    expect((await jobs(ANALYSE_JOB))[0].retry_count).toBe(2);
    expect((await rows("SELECT 1 FROM qt_result WHERE story_id = 7")).length).toBe(RESULT_ROWS);
    await reset();
  }, 30_000);

  it("two worker processes share the stories: different stories in parallel, never one story twice at once", async () => {
    const ids = [1, 2, 3, 4];
    await pool.query("INSERT INTO qt_story (id) SELECT unnest($1::int[])", [ids]);
    const [a, b] = await Promise.all([
      startChild({ QT_WORKER: "A", QT_CONCURRENCY: "2", QT_WORK_MS: "300" }),
      startChild({ QT_WORKER: "B", QT_CONCURRENCY: "2", QT_WORK_MS: "300" }),
    ]);
    // Re-enqueue every story repeatedly while they are being analysed, as ingests would.
    for (let round = 0; round < 8; round++) {
      await pool.query("UPDATE qt_story SET version = version + 1, dirty = true");
      await db.transaction((tx) => enqueueStoryAnalysesIn(tx, ids));
      await sleep(250);
    }
    await until("every story analysed at its last version", async () => (await rows("SELECT 1 FROM qt_story WHERE dirty")).length === 0, 30_000);
    await until("queue drained", async () => (await rows("SELECT 1 FROM pgboss.job WHERE state <> 'completed'")).length === 0, 30_000);
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const runs = await rows<{ story_id: number; worker: string; s: number; e: number }>(
      "SELECT story_id, worker, extract(epoch FROM started_at)::float8 AS s, extract(epoch FROM ended_at)::float8 AS e FROM qt_run WHERE story_id IS NOT NULL ORDER BY started_at",
    );
    expect(runs.every((r) => r.e !== null)).toBe(true);
    let sameStory = 0;
    let otherStories = 0;
    for (let i = 0; i < runs.length; i++)
      for (let j = i + 1; j < runs.length; j++) {
        const overlap = runs[i].s < runs[j].e && runs[j].s < runs[i].e;
        if (overlap && runs[i].story_id === runs[j].story_id) sameStory++;
        if (overlap && runs[i].story_id !== runs[j].story_id) otherStories++;
      }
    const postponed = (a.out() + b.out()).match(/being analysed in another worker/g)?.length ?? 0;
    console.log(`${postponed} jobs postponed because their story was running in the other worker`);
    console.log(`${runs.length} analyses (A ${runs.filter((r) => r.worker === "A").length}, B ${runs.filter((r) => r.worker === "B").length}); overlapping pairs: same story ${sameStory}, different stories ${otherStories}`);
    expect(sameStory).toBe(0);
    expect(otherStories).toBeGreaterThan(0);
    expect(new Set(runs.map((r) => r.worker))).toEqual(new Set(["A", "B"]));
    const results = await rows<{ story_id: number; n: number; version: number }>("SELECT story_id, count(*)::int AS n, min(version) AS version FROM qt_result GROUP BY story_id ORDER BY story_id");
    expect(results).toEqual(ids.map((id) => ({ story_id: id, n: RESULT_ROWS, version: 9 })));
    await reset();
  }, 90_000);

  it("pg-boss fact behind the \"short\" policy: with \"stately\" or \"singleton\", a queued job whose key is running blocks every other key's job", async () => {
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false });
    boss.on("error", () => {});
    await boss.start();
    const fetched: Record<string, number> = {};
    for (const policy of ["stately", "singleton", "short"] as const) {
      const q = `hol-${policy}`;
      await boss.createQueue(q, { name: q, policy });
      await boss.send(q, {}, { singletonKey: "X" });
      expect(await boss.fetch(q)).toHaveLength(1); // X running
      await boss.send(q, {}, { singletonKey: "X" }); // X queued again, the oldest waiting job
      await boss.send(q, {}, { singletonKey: "Y" });
      fetched[policy] = (await boss.fetch(q)).length;
    }
    await boss.stop({ graceful: false });
    expect(fetched).toEqual({ stately: 0, singleton: 0, short: 1 });
  });

  it("a worker killed in the middle of a job: the job expires, another worker runs it, its effect is applied once", async () => {
    await pool.query("INSERT INTO qt_story (id) VALUES (5)");
    const killed = await startChild({ QT_WORKER: "killed", QT_SLOW_STORY: "5", QT_SLOW_MS: "60000" });
    const t0 = Date.now();
    await db.transaction((tx) => enqueueStoryAnalysesIn(tx, [5]));
    await until("the first attempt to be half-way", async () => (await rows("SELECT 1 FROM qt_run WHERE worker = 'killed'")).length === 1);
    await sleep(200);
    killed.child.kill("SIGKILL");
    await killed.exited;
    const tKill = Date.now();
    const w = startWorker({ worker: "survivor" });
    await until("the job to be retried and done", async () => (await rows("SELECT 1 FROM qt_story WHERE NOT dirty")).length === 1, 30_000);
    await until("queue drained", async () => (await rows("SELECT 1 FROM pgboss.job WHERE state <> 'completed'")).length === 0);
    const tDone = Date.now();
    await w.stop();
    console.log(`killed after ${tKill - t0} ms; retried and completed ${tDone - tKill} ms after the kill (expiry ${config.expireSeconds} s)`);
    expect(await rows("SELECT worker, ended_at IS NOT NULL AS ended FROM qt_run ORDER BY id")).toEqual([
      { worker: "killed", ended: false },
      { worker: "survivor", ended: true },
    ]);
    expect(await rows("SELECT story_id, n, version FROM qt_result ORDER BY n")).toEqual(
      Array.from({ length: RESULT_ROWS }, (_, i) => ({ story_id: 5, n: i + 1, version: 1 })),
    );
    expect((await jobs(ANALYSE_JOB))[0].retry_count).toBe(1);
    await reset();
  }, 60_000);

  it("SIGTERM stops a worker gracefully: the running job finishes and completes, then the process exits", async () => {
    await pool.query("INSERT INTO qt_story (id) VALUES (6)");
    const w = await startChild({ QT_WORKER: "stopping", QT_SLOW_STORY: "6", QT_SLOW_MS: "1500" });
    await db.transaction((tx) => enqueueStoryAnalysesIn(tx, [6]));
    await until("the job to start", async () => (await rows("SELECT 1 FROM qt_run")).length === 1);
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    expect(w.out()).toMatch(/analysed story 6 \(attempt 1\)[\s\S]*stopped/);
    expect(await rows("SELECT ended_at IS NOT NULL AS ended, error FROM qt_run")).toEqual([{ ended: true, error: null }]);
    expect((await jobs(ANALYSE_JOB)).map((j) => j.state)).toEqual(["completed"]);
    expect((await rows("SELECT 1 FROM qt_result")).length).toBe(RESULT_ROWS);
    await reset();
  }, 30_000);
});
