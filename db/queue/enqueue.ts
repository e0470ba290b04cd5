/**
 * Enqueues grouping and analysis jobs inside a caller's drizzle Postgres transaction,
 * so that a job exists if and only if the transaction that made it necessary commits:
 * an ingest that rolls back leaves no job behind, and one that commits cannot lose its job.
 */
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";
import PgBoss from "pg-boss";
import { ANALYSE_JOB, GROUP_JOB, QUEUE_SCHEMA } from "./config";

/**
 * A drizzle Postgres transaction (`db.transaction(async (tx) => ...)`'s `tx`); a plain
 * database handle also works, the job then commits on its own.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PgTx = PgDatabase<any, any, any>;

/** Thrown when a job is enqueued on a database where the queue was never installed. */
export class QueueNotInstalledError extends Error {}

/**
 * Rewrites pg-boss's `$1..$n` SQL as a drizzle query with the same values bound as
 * parameters. drizzle numbers parameters itself, so a placeholder used twice would become
 * two parameters that Postgres may type differently; pg-boss's bulk insert (the only
 * statement sent through here) uses each once, and anything else is refused as a bug.
 */
export function positionalToSql(text: string, values: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const seen = new Set<number>();
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      if (parts[i]) chunks.push(sql.raw(parts[i]));
      continue;
    }
    const n = Number(parts[i]);
    if (n < 1 || n > values.length) throw new Error(`pg-boss statement uses $${n} but has ${values.length} values: this is a bug`);
    if (seen.has(n)) throw new Error(`pg-boss statement uses $${n} twice, which cannot be sent through drizzle unchanged: this is a bug`);
    seen.add(n);
    // drizzle leaves an undefined value out of the statement altogether; pg-boss means NULL.
    chunks.push(sql`${values[n - 1] ?? null}`);
  }
  return sql.join(chunks);
}

/** pg-boss's `db` option: runs its statements on the caller's transaction. */
function txDb(tx: PgTx): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = (await tx.execute(positionalToSql(text, values ?? []))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}

/**
 * One pg-boss per process, never started: sending with the `db` option only builds SQL
 * and runs it on that `db` (pg-boss 10.4.2 Manager.insert), so it needs no connection,
 * no maintenance and no worker. Its own `db` refuses to be used, so that a statement
 * missing the option would fail loudly instead of committing outside the transaction.
 */
let sender: PgBoss | undefined;
function getSender(): PgBoss {
  sender ??= new PgBoss({
    schema: QUEUE_SCHEMA,
    db: {
      executeSql: () => {
        throw new Error("the job queue sent a statement outside the caller's transaction: this is a bug");
      },
    },
    supervise: false,
    schedule: false,
    migrate: false,
  });
  return sender;
}

/** Queues known to exist in this process (they are never dropped), so the check runs once. */
const installed = new Set<string>();

/**
 * pg-boss's insert joins the queue table and silently inserts nothing for a queue that
 * does not exist; an analysis that is never run must not be silent, so this checks first
 * (without an error that would abort the caller's transaction: to_regclass is NULL for a
 * missing table).
 */
async function assertInstalled(tx: PgTx, name: string): Promise<void> {
  if (installed.has(name)) return;
  const result = (await tx.execute(
    sql`SELECT CASE WHEN to_regclass(${`${QUEUE_SCHEMA}.queue`}) IS NULL THEN false ELSE true END AS ok`,
  )) as unknown as { rows: { ok: boolean }[] };
  const found =
    result.rows[0]?.ok &&
    (((await tx.execute(sql`SELECT 1 FROM ${sql.identifier(QUEUE_SCHEMA)}.queue WHERE name = ${name}`)) as unknown as { rows: unknown[] }).rows.length > 0);
  if (!found) {
    throw new QueueNotInstalledError(
      `The job queue "${name}" is not installed on this database: start a worker (npm run worker) or call installQueue(url) once before enqueueing`,
    );
  }
  installed.add(name);
}

/** Checks that `id` is a story id (a positive safe integer). */
export function assertStoryId(id: unknown): asserts id is number {
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
    throw new Error(`A story id must be a positive integer, got ${JSON.stringify(id)?.slice(0, 40)}`);
  }
}

/**
 * Enqueues a grouping job inside `tx`. When one is already queued it is kept and this
 * adds nothing (the queued one will see everything `tx` commits, since it has not started).
 */
export async function enqueueGroupingIn(tx: PgTx): Promise<void> {
  await assertInstalled(tx, GROUP_JOB);
  await getSender().insert([{ name: GROUP_JOB, data: {} }], { db: txDb(tx) });
}

/**
 * Enqueues an analysis of each story in `storyIds` inside `tx`, keyed by story id: a story
 * that already has a queued (not yet started) analysis keeps that one alone. Throws for
 * an id that is not a positive integer.
 */
export async function enqueueStoryAnalysesIn(tx: PgTx, storyIds: readonly number[]): Promise<void> {
  for (const id of storyIds) assertStoryId(id);
  const ids = [...new Set(storyIds)];
  if (ids.length === 0) return;
  await assertInstalled(tx, ANALYSE_JOB);
  await getSender().insert(analysisJobs(ids), { db: txDb(tx) });
}

/** pg-boss job rows for analysing `storyIds` (already checked), keyed by story id. */
export function analysisJobs(storyIds: readonly number[], startAfter?: string): PgBoss.JobInsert[] {
  return storyIds.map((storyId) => ({ name: ANALYSE_JOB, data: { storyId }, singletonKey: String(storyId), startAfter }));
}

/** The story id an analysis job carries; throws for anything else (job data is read back from the database). */
export function storyIdOf(data: unknown): number {
  const id = (data as { storyId?: unknown } | null)?.storyId;
  assertStoryId(id);
  return id;
}
