/**
 * The bulk rows of a saved story (segments, quotes, alignments) and its flags by
 * fingerprint, one implementation per store behind one interface. SQLite: prepared
 * statements, multi-row inserts, one set per connection (building thousands of ORM
 * queries costs more than the analysis). PostgreSQL: drizzle's multi-row inserts, in
 * chunks under its bound-parameter limit.
 */
import { eq } from "drizzle-orm";
import type Database from "better-sqlite3";
import type { Db, Tables } from "../client";

export type SegmentRow = Tables["segments"]["$inferInsert"];
export type QuoteRow = Tables["quotes"]["$inferInsert"];
export type AlignmentRow = Tables["alignments"]["$inferInsert"];
/** A flag's analysis columns (what a re-analysis may change). */
export interface FlagValues {
  storyId: number;
  articleId: number;
  kind: string;
  severity: string;
  severityRank: number;
  confidence: number;
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  explanation: string;
  evidence: string;
  counterparts: string;
}
/** A stored flag as the save compares it (stale as stored: 0/1 or a boolean). */
export type StoredFlag = FlagValues & { id: number; status: string; version: number; stale: number | boolean };

export interface StoryWriter {
  segments(rows: SegmentRow[]): Promise<void>;
  quotes(rows: QuoteRow[]): Promise<void>;
  alignments(rows: AlignmentRow[]): Promise<void>;
  flagByFingerprint(fingerprint: string): Promise<StoredFlag | undefined>;
  insertFlag(fingerprint: string, values: FlagValues, at: string): Promise<void>;
}

/** Rows per multi-row INSERT: one statement call per batch instead of per row (thousands of rows a story). */
const BATCH_ROWS = 64;

interface BatchInsert {
  one: Database.Statement;
  many: Database.Statement;
}

function batchInsert(c: Database.Database, head: string, width: number): BatchInsert {
  const tuple = `(${new Array(width).fill("?").join(", ")})`;
  return { one: c.prepare(`${head} ${tuple}`), many: c.prepare(`${head} ${new Array(BATCH_ROWS).fill(tuple).join(", ")}`) };
}

/** Inserts rows in order (ids follow the row order, as row-by-row inserts would), BATCH_ROWS at a time. */
function insertRows(st: BatchInsert, rows: unknown[][]): void {
  let i = 0;
  for (; i + BATCH_ROWS <= rows.length; i += BATCH_ROWS) {
    const params: unknown[] = [];
    for (let k = i; k < i + BATCH_ROWS; k++) for (const v of rows[k]) params.push(v);
    st.many.run(params);
  }
  for (; i < rows.length; i++) st.one.run(rows[i]);
}

/** Per connection (keyed by the better-sqlite3 handle, so a closed database is forgotten). */
const SQLITE_WRITERS = new WeakMap<Database.Database, StoryWriter>();

function sqliteWriter(c: Database.Database): StoryWriter {
  const cached = SQLITE_WRITERS.get(c);
  if (cached) return cached;
  const segment = batchInsert(c, "INSERT INTO segments (article_id, kind, ordinal, start, end, boilerplate, block_ordinal, structure) VALUES", 8);
  const quote = c.prepare(
    "INSERT INTO quotes (article_id, ordinal, start, end, text, style, speaker, speaker_start, speaker_end, venue, cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const flagByFingerprint = c.prepare<[string], StoredFlag>(
    `SELECT id, status, version, stale, story_id AS storyId, article_id AS articleId, kind, severity, severity_rank AS severityRank,
            confidence, text, start, "end" AS "end", speaker, explanation, evidence, counterparts FROM flags WHERE fingerprint = ?`,
  );
  const insertFlag = c.prepare(
    `INSERT INTO flags (fingerprint, story_id, article_id, kind, severity, severity_rank, confidence, text, start, "end", speaker,
                        explanation, evidence, counterparts, status, note, stale, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', '', 0, ?, ?, 1)`,
  );
  const alignment = batchInsert(
    c,
    "INSERT INTO alignments (story_id, unit, source_article_id, source_start, source_end, target_article_id, coverage, score, target_start, target_end) VALUES",
    10,
  );
  const writer: StoryWriter = {
    async segments(rows) {
      insertRows(segment, rows.map((r) => [r.articleId, r.kind, r.ordinal, r.start, r.end, r.boilerplate ? 1 : 0, r.blockOrdinal ?? null, r.structure ?? null]));
    },
    async quotes(rows) {
      for (const r of rows) quote.run(r.articleId, r.ordinal, r.start, r.end, r.text, r.style, r.speaker ?? null, r.speakerStart ?? null, r.speakerEnd ?? null, r.venue ?? null, r.cue ?? null);
    },
    async alignments(rows) {
      insertRows(alignment, rows.map((r) => [r.storyId, r.unit, r.sourceArticleId, r.sourceStart, r.sourceEnd, r.targetArticleId, r.coverage, r.score, r.targetStart ?? null, r.targetEnd ?? null]));
    },
    async flagByFingerprint(fingerprint) {
      return flagByFingerprint.get(fingerprint);
    },
    async insertFlag(fp, v, at) {
      insertFlag.run(fp, v.storyId, v.articleId, v.kind, v.severity, v.severityRank, v.confidence, v.text, v.start, v.end, v.speaker, v.explanation, v.evidence, v.counterparts, at, at);
    },
  };
  SQLITE_WRITERS.set(c, writer);
  return writer;
}

/** Postgres binds at most 65,535 parameters per statement: rows per insert for a table this wide. */
const pgChunk = (width: number) => Math.floor(60_000 / width);

function pgWriter(tx: Db): StoryWriter {
  const { segments, quotes, alignments, flags } = tx.t;
  const insertAll = async <T extends object>(table: Tables[keyof Tables], rows: T[], width: number) => {
    const size = pgChunk(width);
    for (let i = 0; i < rows.length; i += size) await tx.insert(table as Tables["segments"]).values(rows.slice(i, i + size) as never[]);
  };
  return {
    segments: (rows) => insertAll(segments, rows, 8),
    quotes: (rows) => insertAll(quotes, rows, 11),
    alignments: (rows) => insertAll(alignments, rows, 10),
    async flagByFingerprint(fingerprint) {
      const [row] = await tx.select().from(flags).where(eq(flags.fingerprint, fingerprint));
      if (!row) return undefined;
      const { id, status, version, stale, storyId, articleId, kind, severity, severityRank, confidence, text, start, end, speaker, explanation, evidence, counterparts } = row;
      return { id, status, version, stale, storyId, articleId, kind, severity, severityRank, confidence, text, start, end, speaker, explanation, evidence, counterparts };
    },
    async insertFlag(fingerprint, v, at) {
      await tx.insert(flags).values({ fingerprint, ...v, status: "open", note: "", stale: false, createdAt: at, updatedAt: at, version: 1 });
    },
  };
}

/** The story writer of a store (inside its transaction). */
export function storyWriterFor(tx: Db): StoryWriter {
  return tx.engine === "pg" ? pgWriter(tx) : sqliteWriter(tx.$client);
}
