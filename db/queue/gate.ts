/**
 * Runs a job's work only while holding a Postgres session advisory lock, so that no two
 * workers (in any processes, on any machines) run the same story's analysis, or two
 * groupings, at the same time.
 *
 * Why a lock besides pg-boss's states: pg-boss fails an active job once it outlives its
 * expiry and retries it, but the first worker may still be alive and still running it;
 * only a lock held by that worker's own connection stops the retry from overlapping it.
 * If the worker dies, its connection closes and Postgres releases the lock at once.
 */
import type pg from "pg";

/** What the guarded work returned, or that the lock was held elsewhere and nothing ran. */
export type GateResult<T> = { ran: true; value: T } | { ran: false };

/**
 * Takes the advisory lock (`classId`, `objectId`) on a connection of `pool` held for the
 * whole run, runs `work`, then releases both. Does not wait: when another session holds
 * the lock it returns `{ ran: false }` at once, and the caller re-queues the job for later
 * (waiting here would spend the job's expiry on waiting).
 */
export async function runExclusive<T>(pool: pg.Pool, classId: number, objectId: number, work: () => Promise<T>): Promise<GateResult<T>> {
  if (!Number.isInteger(classId) || !Number.isInteger(objectId) || objectId < -(2 ** 31) || objectId >= 2 ** 31) {
    throw new Error(`advisory lock key (${classId}, ${objectId}) is not a pair of 32-bit integers: this is a bug`);
  }
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    let got: pg.QueryResult<{ ok: boolean }>;
    try {
      got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::int, $2::int) AS ok", [classId, objectId]);
    } catch (e) {
      broken = e as Error;
      throw e;
    }
    if (!got.rows[0]?.ok) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      try {
        await client.query("SELECT pg_advisory_unlock($1::int, $2::int)", [classId, objectId]);
      } catch (e) {
        // The connection is gone, and with it the lock; it must not go back to the pool.
        broken = e as Error;
      }
    }
  } finally {
    client.release(broken);
  }
}
