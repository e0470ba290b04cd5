/**
 * Test handlers for the job queue tests (tests/pg/queue.test.ts and its child worker
 * tests/pg/queue-worker.ts): they stand in for the analysis with a small table of
 * stories and a table of results, written the way the real analysis writes, so the
 * queue's guarantees can be seen in the data. Not the analysis; not a test itself.
 *
 *   qt_story(id, version, dirty)          the input: a story and whether it awaits analysis
 *   qt_result(story_id, n, version)       the effect: RESULT_ROWS rows per analysed story, replaced in one transaction
 *   qt_run(story_id, worker, started_at, ended_at, error)  one row per handler call (committed on its own, so a killed attempt leaves one)
 */
import pg from "pg";
import type { WorkerHandlers } from "@/db/queue";

/** Rows an analysis writes per story: an attempt killed half-way must leave none of its own. */
export const RESULT_ROWS = 4;

export const TEST_TABLES = `
  CREATE TABLE IF NOT EXISTS qt_story (id int PRIMARY KEY, version int NOT NULL DEFAULT 1, dirty boolean NOT NULL DEFAULT true);
  CREATE TABLE IF NOT EXISTS qt_result (story_id int NOT NULL, n int NOT NULL, version int NOT NULL, PRIMARY KEY (story_id, n));
  CREATE TABLE IF NOT EXISTS qt_run (id serial PRIMARY KEY, story_id int, worker text NOT NULL, started_at timestamptz NOT NULL DEFAULT clock_timestamp(), ended_at timestamptz, error text);
`;

export interface TestHandlerOptions {
  worker: string;
  /** Story whose analysis stops half-way through its transaction for `slowMs`. */
  slowStory?: number;
  slowMs?: number;
  /** Every analysis takes at least this long (to make overlaps visible). */
  workMs?: number;
  /** Story whose first `failTimes` analyses throw. */
  failStory?: number;
  failTimes?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Handlers writing to the test tables through `pool`. */
export function testHandlers(pool: pg.Pool, o: TestHandlerOptions): WorkerHandlers {
  return {
    group: async () => {
      const { rows } = await pool.query<{ id: number }>("SELECT id FROM qt_story WHERE dirty ORDER BY id");
      await pool.query("INSERT INTO qt_run (story_id, worker, ended_at) VALUES (NULL, $1, clock_timestamp())", [o.worker]);
      return rows.map((r) => r.id);
    },
    analyse: async (storyId) => {
      const run = await pool.query<{ id: number; n: number }>(
        "INSERT INTO qt_run (story_id, worker) VALUES ($1, $2) RETURNING id, (SELECT count(*)::int FROM qt_run WHERE story_id = $1) AS n",
        [storyId, o.worker],
      );
      // The count's snapshot predates this insert: this call is attempt n + 1.
      const runId = run.rows[0].id;
      const attempt = run.rows[0].n + 1;
      const client = await pool.connect();
      try {
        if (storyId === o.failStory && attempt <= (o.failTimes ?? 0)) throw new Error(`test failure ${attempt} of story ${storyId}`);
        await client.query("BEGIN");
        const { rows } = await client.query<{ version: number }>("SELECT version FROM qt_story WHERE id = $1 FOR UPDATE", [storyId]);
        if (!rows.length) throw new Error(`no story ${storyId}`);
        // Replace the story's results, as the analysis replaces a story's flags.
        await client.query("DELETE FROM qt_result WHERE story_id = $1", [storyId]);
        for (let n = 1; n <= RESULT_ROWS; n++) {
          await client.query("INSERT INTO qt_result (story_id, n, version) VALUES ($1, $2, $3)", [storyId, n, rows[0].version]);
          if (n === RESULT_ROWS / 2 && storyId === o.slowStory) await sleep(o.slowMs ?? 0);
        }
        if (o.workMs) await sleep(o.workMs);
        await client.query("UPDATE qt_story SET dirty = false WHERE id = $1", [storyId]);
        await client.query("COMMIT");
        await pool.query("UPDATE qt_run SET ended_at = clock_timestamp() WHERE id = $1", [runId]);
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        await pool.query("UPDATE qt_run SET ended_at = clock_timestamp(), error = $2 WHERE id = $1", [runId, (e as Error).message]);
        throw e;
      } finally {
        client.release();
      }
    },
  };
}
