/**
 * Prepared statements for the bulk rows of a saved story (segments, quotes, alignments,
 * flags by fingerprint): building thousands of ORM queries costs more than the analysis.
 * One set per connection, prepared on first use.
 */
import type { Db } from "../client";

/** Per connection (keyed by the better-sqlite3 handle, so a closed database is forgotten). */
const STATEMENTS = new WeakMap<object, ReturnType<typeof prepareStatements>>();

function prepareStatements(db: Db) {
  const c = db.$client;
  return {
    segment: batchInsert(c, "INSERT INTO segments (article_id, kind, ordinal, start, end, boilerplate, block_ordinal, structure) VALUES", 8),
    quote: c.prepare(
      "INSERT INTO quotes (article_id, ordinal, start, end, text, style, speaker, speaker_start, speaker_end, venue, cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    flagByFingerprint: c.prepare(
      `SELECT id, status, version, stale, story_id AS storyId, article_id AS articleId, kind, severity, severity_rank AS severityRank,
              confidence, text, start, "end" AS "end", speaker, explanation, evidence, counterparts FROM flags WHERE fingerprint = ?`,
    ),
    insertFlag: c.prepare(
      `INSERT INTO flags (fingerprint, story_id, article_id, kind, severity, severity_rank, confidence, text, start, "end", speaker,
                          explanation, evidence, counterparts, status, note, stale, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', '', 0, ?, ?, 1)`,
    ),
    alignment: batchInsert(
      c,
      "INSERT INTO alignments (story_id, unit, source_article_id, source_start, source_end, target_article_id, coverage, score, target_start, target_end) VALUES",
      10,
    ),
  };
}

/** Rows per multi-row INSERT: one statement call per batch instead of per row (thousands of rows a story). */
const BATCH_ROWS = 64;

export interface BatchInsert {
  one: ReturnType<Db["$client"]["prepare"]>;
  many: ReturnType<Db["$client"]["prepare"]>;
}

function batchInsert(c: Db["$client"], head: string, width: number): BatchInsert {
  const tuple = `(${new Array(width).fill("?").join(", ")})`;
  return { one: c.prepare(`${head} ${tuple}`), many: c.prepare(`${head} ${new Array(BATCH_ROWS).fill(tuple).join(", ")}`) };
}

/** Inserts rows in order (ids follow the row order, as row-by-row inserts would), BATCH_ROWS at a time. */
export function insertRows(st: BatchInsert, rows: unknown[][]): void {
  let i = 0;
  for (; i + BATCH_ROWS <= rows.length; i += BATCH_ROWS) {
    const params: unknown[] = [];
    for (let k = i; k < i + BATCH_ROWS; k++) for (const v of rows[k]) params.push(v);
    st.many.run(params);
  }
  for (; i < rows.length; i++) st.one.run(rows[i]);
}

/** The prepared statements of the connection behind `db`. */
export function statementsFor(db: Db): ReturnType<typeof prepareStatements> {
  let st = STATEMENTS.get(db.$client);
  if (!st) STATEMENTS.set(db.$client, (st = prepareStatements(db)));
  return st;
}
