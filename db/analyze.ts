/**
 * Analysis orchestration: groups unassigned articles into stories, re-analyses
 * the stories that changed, and saves each story in ONE transaction —
 * segments, quotes and alignments replaced; flags upserted by fingerprint so
 * triage (status, note, history, id) survives re-analysis and revisions.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { analyzeStory, type StoryAnalysis } from "@/lib/analyze";
import { collectRecurringLines, crossStoryLines, indexStoryLines, type StoryLineIndex } from "@/lib/segment";
import { assignStories, mergeSignature, parseSignature, signArticle, type StorySignature } from "@/lib/stories";
import { FLAG_KINDS, SEVERITIES, type ArticleText, type FlagDraft, type FlagKind, type Severity } from "@/lib/types";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Db } from "./client";
import { alignments, articles, flagEvents, flags, outlets, quotes, segments, stories } from "./schema";

/**
 * Write transactions take the write lock when they begin (BEGIN IMMEDIATE): a deferred one
 * that reads first and then writes fails at once with "database is locked" when another
 * connection wrote in between, whatever the busy timeout; an immediate one waits for it.
 */
const IMMEDIATE = { behavior: "immediate" } as const;
/** Busy timeouts (db/client.ts: 5 s each) a write transaction sits through before the run gives up. */
const WRITE_ATTEMPTS = 6;

/**
 * Runs a write transaction, starting it again while another connection (an ingest, an
 * editor's triage) holds the write lock past the busy timeout; past WRITE_ATTEMPTS the
 * run stops with one clear line. A failed attempt wrote nothing (it rolled back).
 */
function writeTransaction(run: () => void): void {
  for (let attempt = 1; ; attempt++) {
    try {
      run();
      return;
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (attempt >= WRITE_ATTEMPTS) throw new AnalyzeError(`the database stayed locked by another writer through ${attempt} attempts; nothing of this story was saved, run the analysis again`);
    }
  }
}

/** Editor name recorded on events written by the analysis itself. */
export const ANALYSIS_EDITOR = "parallax";
const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
/** Articles of one outlet read to learn its page chrome (most recent first). */
const RECURRING_SAMPLE = 20;

export interface AnalyzeOptions {
  /** Re-analyse only this story (whether dirty or not). */
  storyId?: number;
  /** Re-analyse every story, dirty or not. */
  all?: boolean;
  /** Clock for timestamps (default: system clock). */
  now?: () => Date;
  /**
   * Worker threads for the pure analysis: undefined = one when the machine has a
   * spare core and the run has enough stories (in-process when a worker cannot start);
   * 0 = never; any other number = use one worker whatever the story count (tests).
   * When not given, PARALLAX_WORKERS (a number) decides the same way.
   */
  workers?: number;
  /** Called after each story is saved. */
  onStory?: (report: StoryReport) => void;
  /** Called once when another analysis of this database is running and this one waits for it. */
  onWait?: (holder: AnalysisHolder) => void;
}

export interface StoryReport {
  storyId: number;
  title: string;
  articles: number;
  outlets: number;
  flags: number;
  /** Flags new in this run, flags that stopped holding (deleted or marked stale), flags revived. */
  added: number;
  removed: number;
  staled: number;
  revived: number;
  /** Milliseconds spent analysing (pure) and writing (one transaction). */
  analysisMs: number;
  writeMs: number;
}

export interface AnalyzeSummary {
  /** Articles given a story in this run, and stories created for them. */
  assigned: number;
  createdStories: number;
  /** Stories analysed and the current articles in them. */
  stories: number;
  articles: number;
  /** Flags now held by the analysed stories. */
  flags: number;
  byKind: Record<FlagKind, number>;
  bySeverity: Record<Severity, number>;
  added: number;
  removed: number;
  staled: number;
  revived: number;
  reports: StoryReport[];
}

/** Thrown for misuse (e.g. an unknown story id): the message names the problem. */
export class AnalyzeError extends Error {}

/** Assigns unassigned current articles to stories (labelled ones by label). Returns [assigned, created]. */
export function assignPending(db: Db, now: () => Date): { assigned: number; created: number } {
  const pending = db
    .select({ id: articles.id, title: articles.title, body: articles.body, publishedAt: articles.publishedAt, storyLabel: articles.storyLabel })
    .from(articles)
    .where(and(eq(articles.current, true), isNull(articles.storyId)))
    .orderBy(asc(articles.id))
    .all();
  if (!pending.length) return { assigned: 0, created: 0 };
  const at = now().toISOString();
  let created = 0;
  writeTransaction(() => db.transaction((tx) => {
    const labelled = pending.filter((a) => a.storyLabel);
    for (const a of labelled) {
      let story = tx.select().from(stories).where(eq(stories.label, a.storyLabel!)).get();
      if (!story) {
        story = tx
          .insert(stories)
          .values({ label: a.storyLabel!, title: a.title, createdAt: at, updatedAt: at, dirty: true, signature: "{}" })
          .returning()
          .get();
        created++;
      }
      const sig = mergeSignature(parseSignature(story.signature), signArticle(a));
      tx.update(stories).set({ signature: JSON.stringify(sig), dirty: true, updatedAt: at }).where(eq(stories.id, story.id)).run();
      tx.update(articles).set({ storyId: story.id }).where(eq(articles.id, a.id)).run();
    }
    const auto = pending.filter((a) => !a.storyLabel);
    if (!auto.length) return;
    // Labelled stories are the editor's choice: automatic grouping never adds to them.
    const existing = tx
      .select({ id: stories.id, signature: stories.signature })
      .from(stories)
      .where(isNull(stories.label))
      .all()
      .map((s) => ({ id: s.id, signature: parseSignature(s.signature) }));
    const result = assignStories(auto, existing);
    // The first article assigned to each new story names it (maps, not scans: 10k articles make 1k stories).
    const titleOf = new Map(auto.map((a) => [a.id, a.title]));
    const firstTitle = new Map<number, string>();
    for (const x of result.assignments) if (x.newStory !== null && !firstTitle.has(x.newStory)) firstTitle.set(x.newStory, titleOf.get(x.articleId)!);
    const newIds: number[] = result.newStories.map((sig: StorySignature, i) => {
      const title = firstTitle.get(i)!;
      created++;
      return tx
        .insert(stories)
        .values({ title, createdAt: at, updatedAt: at, dirty: true, signature: JSON.stringify(sig) })
        .returning({ id: stories.id })
        .get().id;
    });
    for (const [id, sig] of result.updated) {
      tx.update(stories).set({ signature: JSON.stringify(sig), dirty: true, updatedAt: at }).where(eq(stories.id, id)).run();
    }
    const setStory = db.$client.prepare("UPDATE articles SET story_id = ? WHERE id = ?");
    for (const x of result.assignments) setStory.run(x.storyId ?? newIds[x.newStory!], x.articleId);
  }, IMMEDIATE));
  return { assigned: pending.length, created };
}

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * The headline most articles share (folded); when none is shared, the headline of the
 * best-corroborated article (fewest medium/high flags, then fewest flags, then the
 * earliest), so a padded rewrite's click-bait headline does not name the story.
 */
function storyTitle(arts: ArticleText[], drafts: readonly FlagDraft[]): string {
  const counts = new Map<string, { n: number; title: string }>();
  for (const a of arts) {
    const k = a.title.trim().toLowerCase();
    if (!k) continue;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, title: a.title.trim() });
  }
  let best: { n: number; title: string } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (best && best.n > 1) return best.title;
  const weight = new Map<number, number>();
  for (const f of drafts) weight.set(f.articleId, (weight.get(f.articleId) ?? 0) + (f.severity === "low" ? 1 : 1000));
  const candidates = arts.filter((a) => a.title.trim());
  candidates.sort((a, b) => (weight.get(a.id) ?? 0) - (weight.get(b.id) ?? 0) || a.id - b.id);
  return candidates[0]?.title.trim() || "Untitled story";
}

/**
 * Groups pending articles, then analyses the dirty stories (or the one given,
 * or all with `all`), one transaction per story. Throws AnalyzeError for an
 * unknown story id.
 */
export function analyzePending(db: Db, opts: AnalyzeOptions = {}): AnalyzeSummary {
  const now = opts.now ?? (() => new Date());
  if (opts.storyId !== undefined) {
    if (!Number.isInteger(opts.storyId) || opts.storyId <= 0) throw new AnalyzeError(`Story id must be a positive integer, got ${opts.storyId}`);
    const s = db.select({ id: stories.id }).from(stories).where(eq(stories.id, opts.storyId)).get();
    if (!s) throw new AnalyzeError(`Story ${opts.storyId} does not exist`);
  }
  const lock = acquireRunLock(db, now, opts.onWait);
  try {
    return analyzeLocked(db, opts, now, lock);
  } finally {
    lock.release();
  }
}

function analyzeLocked(db: Db, opts: AnalyzeOptions, now: () => Date, lock: RunLock): AnalyzeSummary {
  const { assigned, created } = assignPending(db, now);

  const targets =
    opts.storyId !== undefined
      ? [opts.storyId]
      : db
          .select({ id: stories.id })
          .from(stories)
          .where(opts.all ? undefined : eq(stories.dirty, true))
          .orderBy(asc(stories.id))
          .all()
          .map((s) => s.id);

  const summary: AnalyzeSummary = {
    assigned,
    createdStories: created,
    stories: 0,
    articles: 0,
    flags: 0,
    byKind: emptyCounts(FLAG_KINDS),
    bySeverity: emptyCounts(SEVERITIES),
    added: 0,
    removed: 0,
    staled: 0,
    revived: 0,
    reports: [],
  };
  const chrome = new Map<number, ReadonlySet<string>>();
  const chromeOf = (outletId: number): ReadonlySet<string> => {
    let set = chrome.get(outletId);
    if (!set) {
      const bodies = db
        .select({ body: articles.body })
        .from(articles)
        .where(and(eq(articles.outletId, outletId), eq(articles.current, true)))
        .orderBy(asc(articles.id))
        .limit(RECURRING_SAMPLE)
        .all()
        .map((r) => r.body);
      set = bodies.length >= 2 ? collectRecurringLines(bodies) : new Set<string>();
      chrome.set(outletId, set);
    }
    return set;
  };

  // Chrome an outlet repeats in other stories, whatever the outlet label: built once per run.
  let lineIndex: StoryLineIndex | null = null;
  const storyLines = (): StoryLineIndex =>
    (lineIndex ??= indexStoryLines(
      db
        .select({ story: articles.storyId, title: articles.title, body: articles.body })
        .from(articles)
        .where(eq(articles.current, true))
        .all()
        .filter((r): r is { story: number; title: string; body: string } => r.story !== null),
    ));
  const chromeFor = (a: ChromeKey): ReadonlySet<string> => {
    const outletLines = chromeOf(a.outletId);
    const cross = crossStoryLines(storyLines(), a.storyId, a.body, a.title);
    if (!cross.size) return outletLines;
    for (const l of outletLines) cross.add(l);
    return cross;
  };

  const workers = opts.workers ?? workersFromEnv();
  const wantWorker = workers === undefined ? targets.length >= MIN_STORIES_FOR_WORKERS && os.availableParallelism() >= 2 : workers > 0;
  const pool = wantWorker ? startWorker() : null;
  // The lock's heartbeat goes with every saved story, so a live run never looks abandoned.
  const save: SaveFn = (story, done) => {
    const report = saveStory(db, story, done, now);
    lock.beat();
    return report;
  };
  const reports = pool ? analyzeWithWorker(db, targets, chromeFor, pool, save) : targets.map((id) => save(loadStory(db, id, chromeFor), null));
  for (const report of reports) {
    summary.stories++;
    summary.articles += report.articles;
    summary.flags += report.flags;
    summary.added += report.added;
    summary.removed += report.removed;
    summary.staled += report.staled;
    summary.revived += report.revived;
    for (const [k, v] of Object.entries(report.byKind)) summary.byKind[k as FlagKind] += v;
    for (const [k, v] of Object.entries(report.bySeverity)) summary.bySeverity[k as Severity] += v;
    const { byKind: _k, bySeverity: _s, ...plain } = report;
    summary.reports.push(plain);
    opts.onStory?.(plain);
  }
  return summary;
}

/** Saves one loaded story (analysing it first when `done` is null). */
type SaveFn = (story: LoadedStory, done: { result: StoryAnalysis; ms: number } | null) => ReturnType<typeof saveStory>;

/** A story's current articles and their page-chrome lines, as loaded for analysis. */
interface LoadedStory {
  storyId: number;
  texts: ArticleText[];
  /** Page-chrome lines per article, parallel to texts. */
  chrome: ReadonlySet<string>[];
}

/** What decides an article's page-chrome lines: its outlet's recurring lines and lines other stories carry. */
interface ChromeKey {
  outletId: number;
  storyId: number;
  title: string;
  body: string;
}

function loadStory(db: Db, storyId: number, chromeOf: (a: ChromeKey) => ReadonlySet<string>): LoadedStory {
  const rows = db
    .select({
      id: articles.id,
      outletId: articles.outletId,
      outlet: outlets.name,
      // The article's identity across revisions, whatever source the current one came from: flag fingerprints hash it.
      source: articles.lineage,
      title: articles.title,
      body: articles.body,
      publishedAt: articles.publishedAt,
      language: articles.language,
    })
    .from(articles)
    .innerJoin(outlets, eq(outlets.id, articles.outletId))
    .where(and(eq(articles.storyId, storyId), eq(articles.current, true)))
    .orderBy(asc(articles.id))
    .all();
  const texts: ArticleText[] = rows.map((r) => ({
    id: r.id,
    outlet: r.outlet,
    source: r.source,
    title: r.title,
    body: r.body,
    publishedAt: r.publishedAt,
    language: r.language,
  }));
  return { storyId, texts, chrome: rows.map((r) => chromeOf({ outletId: r.outletId, storyId, title: r.title, body: r.body })) };
}

/** The pure analysis of a loaded story (what a worker runs too). */
function analyzeLoaded(story: LoadedStory): { result: StoryAnalysis; ms: number } {
  const t0 = performance.now();
  const chromeById = new Map(story.texts.map((t, i) => [t.id, story.chrome[i]]));
  const result = analyzeStory(story.texts, { recurringLines: (a) => chromeById.get(a.id), alignmentDiffs: false });
  return { result, ms: performance.now() - t0 };
}

/**
 * Saves one analysed story in one transaction (analysing it first when `done`
 * is null: analysis runs outside the transaction, it is pure and may take a while).
 */
function saveStory(
  db: Db,
  story: LoadedStory,
  done: { result: StoryAnalysis; ms: number } | null,
  now: () => Date,
): StoryReport & { byKind: Record<FlagKind, number>; bySeverity: Record<Severity, number> } {
  const { storyId, texts } = story;
  const analysed = done ?? analyzeLoaded(story);
  const result = analysed.result;
  const t1 = performance.now();
  const at = now().toISOString();
  const byKind = emptyCounts(FLAG_KINDS);
  const bySeverity = emptyCounts(SEVERITIES);
  const counts = { added: 0, removed: 0, staled: 0, revived: 0 };
  const articleIds = texts.map((t) => t.id);
  const outletOf = new Map(texts.map((t) => [t.id, t.outlet]));

  // Bulk rows go through prepared statements: building thousands of ORM queries costs more than the analysis.
  const st = statementsFor(db);
  writeTransaction(() => db.transaction((tx) => {
    if (articleIds.length) {
      tx.delete(segments).where(inArray(segments.articleId, articleIds)).run();
      tx.delete(quotes).where(inArray(quotes.articleId, articleIds)).run();
    }
    tx.delete(alignments).where(eq(alignments.storyId, storyId)).run();

    for (const a of result.analyses) {
      const seg = a.segmentation;
      const segRows = [
        ...seg.blocks.map((b) => ({
          articleId: a.article.id,
          kind: b.kind,
          ordinal: b.index,
          start: b.start,
          end: b.end,
          boilerplate: b.boilerplate,
          blockOrdinal: null,
          structure: b.structure !== null ? (seg.structures[b.structure]?.kind ?? null) : null,
        })),
        ...seg.sentences.map((s) => ({
          articleId: a.article.id,
          kind: "sentence",
          ordinal: s.index,
          start: s.start,
          end: s.end,
          boilerplate: !!seg.blocks[s.block]?.boilerplate,
          blockOrdinal: s.block,
          structure: null,
        })),
      ];
      insertRows(st.segment, segRows.map((r) => [r.articleId, r.kind, r.ordinal, r.start, r.end, r.boilerplate ? 1 : 0, r.blockOrdinal, r.structure]));
      const qRows = a.quotes.map((q, i) => ({
        articleId: a.article.id,
        ordinal: i,
        start: q.start,
        end: q.end,
        text: q.text,
        style: q.style,
        speaker: q.speaker,
        speakerStart: q.speakerSpan?.start ?? null,
        speakerEnd: q.speakerSpan?.end ?? null,
        venue: q.venue,
        cue: q.cue,
      }));
      for (const r of qRows) st.quote.run(r.articleId, r.ordinal, r.start, r.end, r.text, r.style, r.speaker, r.speakerStart, r.speakerEnd, r.venue, r.cue);
    }
    const unitSpan = new Map<string, { start: number; end: number }>();
    for (const a of result.analyses) {
      a.quotes.forEach((q, i) => unitSpan.set(`quote:${a.article.id}:${i}`, q));
      a.claims.forEach((c, i) => unitSpan.set(`claim:${a.article.id}:${i}`, c));
    }
    const alRows = result.alignments.map((x) => {
      const src = unitSpan.get(`${x.unit}:${x.sourceArticleId}:${x.unitIndex}`)!;
      return {
        storyId,
        unit: x.unit,
        sourceArticleId: x.sourceArticleId,
        sourceStart: src.start,
        sourceEnd: src.end,
        targetArticleId: x.targetArticleId,
        coverage: x.coverage,
        score: x.score,
        targetStart: x.target?.start ?? null,
        targetEnd: x.target?.end ?? null,
      };
    });
    insertRows(
      st.alignment,
      alRows.map((r) => [r.storyId, r.unit, r.sourceArticleId, r.sourceStart, r.sourceEnd, r.targetArticleId, r.coverage, r.score, r.targetStart, r.targetEnd]),
    );

    // Flags: upsert by fingerprint; what no longer holds is deleted (untriaged) or marked stale (triaged).
    const existing = tx.select().from(flags).where(eq(flags.storyId, storyId)).all();
    const seen = new Set<string>();
    for (const d of result.flags) {
      seen.add(d.fingerprint);
      byKind[d.kind]++;
      bySeverity[d.severity]++;
      const values = flagValues(d, storyId, outletOf);
      const prev = st.flagByFingerprint.get(d.fingerprint) as (typeof values & { id: number; status: string; version: number; stale: number }) | undefined;
      if (!prev) {
        const v = values;
        st.insertFlag.run(d.fingerprint, v.storyId, v.articleId, v.kind, v.severity, v.severityRank, v.confidence, v.text, v.start, v.end, v.speaker, v.explanation, v.evidence, v.counterparts, at, at);
        counts.added++;
        continue;
      }
      const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => prev[k] !== values[k]);
      if (prev.stale) {
        tx.update(flags).set({ ...values, stale: false, updatedAt: at, version: prev.version + 1 }).where(eq(flags.id, prev.id)).run();
        tx.insert(flagEvents).values({ flagId: prev.id, editor: ANALYSIS_EDITOR, actorKind: "system", at, action: "revived", fromStatus: prev.status, toStatus: prev.status, note: null }).run();
        counts.revived++;
      } else if (changed) {
        tx.update(flags).set({ ...values, updatedAt: at }).where(eq(flags.id, prev.id)).run();
      }
    }
    for (const f of existing) {
      if (seen.has(f.fingerprint)) continue;
      const events = tx.select({ id: flagEvents.id }).from(flagEvents).where(eq(flagEvents.flagId, f.id)).limit(1).all();
      if (f.status === "open" && !events.length && !f.note) {
        tx.delete(flags).where(eq(flags.id, f.id)).run();
        counts.removed++;
      } else if (!f.stale) {
        tx.update(flags).set({ stale: true, updatedAt: at, version: f.version + 1 }).where(eq(flags.id, f.id)).run();
        tx.insert(flagEvents).values({ flagId: f.id, editor: ANALYSIS_EDITOR, actorKind: "system", at, action: "stale", fromStatus: f.status, toStatus: f.status, note: null }).run();
        counts.staled++;
      }
    }
    tx.update(stories)
      .set({ title: storyTitle(texts, result.flags), updatedAt: at, analyzedAt: at, dirty: false })
      .where(eq(stories.id, storyId))
      .run();
  }, IMMEDIATE));
  return {
    storyId,
    title: storyTitle(texts, result.flags),
    articles: texts.length,
    outlets: new Set(texts.map((t) => t.outlet)).size,
    flags: result.flags.length,
    ...counts,
    analysisMs: Math.round(analysed.ms),
    writeMs: Math.round(performance.now() - t1),
    byKind,
    bySeverity,
  };
}

/** Flag columns from a draft. Counterparts: the outlets of the evidence, else every other outlet compared against. */
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

interface BatchInsert {
  one: ReturnType<Db["$client"]["prepare"]>;
  many: ReturnType<Db["$client"]["prepare"]>;
}

function batchInsert(c: Db["$client"], head: string, width: number): BatchInsert {
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

function statementsFor(db: Db): ReturnType<typeof prepareStatements> {
  let st = STATEMENTS.get(db.$client);
  if (!st) STATEMENTS.set(db.$client, (st = prepareStatements(db)));
  return st;
}

function flagValues(d: FlagDraft, storyId: number, outletOf: Map<number, string>) {
  const own = outletOf.get(d.articleId);
  const fromEvidence = [...new Set(d.evidence.map((e) => e.outlet))].filter((o) => o !== own);
  const counterparts = fromEvidence.length ? fromEvidence : [...new Set(outletOf.values())].filter((o) => o !== own).sort();
  return {
    storyId,
    articleId: d.articleId,
    kind: d.kind,
    severity: d.severity,
    severityRank: SEVERITY_RANK[d.severity],
    confidence: d.confidence,
    text: d.text,
    start: d.start,
    end: d.end,
    speaker: d.speaker,
    explanation: d.explanation,
    evidence: JSON.stringify(d.evidence),
    counterparts: counterparts.map((o) => o.replace(/,/g, " ")).join(", "),
  };
}

// ---------------------------------------------------------------------------
// One worker thread for the pure analysis. analyzePending stays synchronous
// (its callers are), so the main thread talks to the worker through a
// MessageChannel it reads with receiveMessageOnPort, sleeping on a shared
// counter (Atomics.wait) the worker bumps after each message. The main thread
// analyses stories too while the worker is busy, and saves every story in
// story-id order, so the database ends up exactly as with no worker.
// Whatever goes wrong in the worker (cannot load, throws, dies), the story is
// analysed in-process instead: the worker only ever saves time.

/** Below this many stories a worker's start-up (loading the analysis code) costs more than it saves. */
const MIN_STORIES_FOR_WORKERS = 8;
/** Stories queued on the worker at once, and results the main thread may hold ahead of saving. */
const WORKER_QUEUE = 3;
const MAX_AHEAD = 8;
/** Longest wait for one worker answer before giving up on the worker. */
const WORKER_TIMEOUT_MS = 120_000;

interface WorkerPool {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  seen: number;
  dead: boolean;
}

type WorkerReply = { job: number; result?: StoryAnalysis; ms?: number; error?: string } | { fatal: string };

const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { port, signal, modulePath, root } = workerData;
function post(message) {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}
(function main() {
  let analyzeStory;
  try {
    try {
      analyzeStory = require(modulePath).analyzeStory;
    } catch {
      // Not started under tsx (e.g. a test runner): register it, then load the TypeScript source.
      require(require.resolve("tsx/cjs/api", { paths: [root] })).register();
      analyzeStory = require(modulePath).analyzeStory;
    }
    if (typeof analyzeStory !== "function") throw new Error("analyzeStory not found in " + modulePath);
  } catch (e) {
    post({ fatal: String((e && e.message) || e) });
    return;
  }
  port.on("message", ({ job, texts, chrome }) => {
    try {
      const t0 = performance.now();
      const byId = new Map(texts.map((t, i) => [t.id, chrome[i]]));
      const full = analyzeStory(texts, { recurringLines: (a) => byId.get(a.id), alignmentDiffs: false });
      // Only what the save reads goes back (copying bodies and matched texts costs both threads).
      const result = {
        analyses: full.analyses.map((a) => ({
          article: { id: a.article.id },
          segmentation: { blocks: a.segmentation.blocks, sentences: a.segmentation.sentences, structures: a.segmentation.structures },
          quotes: a.quotes,
          claims: a.claims.map((c) => ({ start: c.start, end: c.end })),
        })),
        alignments: full.alignments.map((x) => ({ ...x, target: x.target && { start: x.target.start, end: x.target.end } })),
        flags: full.flags,
      };
      post({ job, result, ms: performance.now() - t0 });
    } catch (e) {
      post({ job, error: String((e && e.message) || e) });
    }
  });
})();
`;

/** PARALLAX_WORKERS=0 turns the worker off (e.g. to measure the analysis on one thread); unset or invalid = automatic. */
function workersFromEnv(): number | undefined {
  const v = process.env.PARALLAX_WORKERS;
  if (v === undefined || v === "" || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** Starts the analysis worker, or returns null when this runtime cannot (the caller analyses in-process). */
function startWorker(): WorkerPool | null {
  try {
    const root = typeof __dirname === "string" ? path.resolve(__dirname, "..") : process.cwd();
    const modulePath = path.join(root, "lib", "analyze", "index.ts");
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, signal, modulePath, root }, transferList: [port2] });
    worker.unref();
    port1.unref();
    return { worker, port: port1, signal, seen: 0, dead: false };
  } catch {
    return null;
  }
}

function stopWorker(pool: WorkerPool): void {
  pool.dead = true;
  pool.port.close();
  void pool.worker.terminate();
}

/** Next message from the worker; blocks up to WORKER_TIMEOUT_MS when `wait`. Null when none (or the worker is gone). */
function receive(pool: WorkerPool, wait: boolean): WorkerReply | null {
  if (pool.dead) return null;
  for (;;) {
    const got = receiveMessageOnPort(pool.port);
    if (got) return got.message as WorkerReply;
    if (!wait || pool.dead) return null;
    if (Atomics.wait(pool.signal, 0, pool.seen, WORKER_TIMEOUT_MS) === "timed-out" && Atomics.load(pool.signal, 0) === pool.seen) return null;
    pool.seen = Atomics.load(pool.signal, 0);
  }
}

/**
 * Analyses and saves `targets` in order, sharing the analysis with the worker:
 * stories go to the worker from the front of the queue; the main thread saves
 * results in order and analyses the next unqueued story while it would wait.
 */
function analyzeWithWorker(
  db: Db,
  targets: number[],
  chromeOf: (a: ChromeKey) => ReadonlySet<string>,
  pool: WorkerPool,
  save: SaveFn,
): ReturnType<typeof saveStory>[] {
  const reports: ReturnType<typeof saveStory>[] = [];
  const loaded = new Map<number, LoadedStory>();
  const results = new Map<number, { result: StoryAnalysis; ms: number } | null>();
  const onWorker = new Set<number>();
  let next = 0; // next story (index into targets) to hand out
  let saved = 0; // next story to save
  const load = (i: number) => {
    let s = loaded.get(i);
    if (!s) loaded.set(i, (s = loadStory(db, targets[i], chromeOf)));
    return s;
  };
  const take = (reply: WorkerReply | null): boolean => {
    if (!reply) return false;
    if ("fatal" in reply) {
      giveUp();
      return true;
    }
    onWorker.delete(reply.job);
    // A story the worker could not analyse is analysed in-process (where any error surfaces as usual).
    results.set(reply.job, reply.result ? { result: reply.result, ms: reply.ms ?? 0 } : null);
    return true;
  };
  const giveUp = () => {
    stopWorker(pool);
    for (const i of onWorker) results.set(i, null);
    onWorker.clear();
  };
  try {
    while (saved < targets.length) {
      while (take(receive(pool, false)));
      while (!pool.dead && onWorker.size < WORKER_QUEUE && next < targets.length) {
        const s = load(next);
        pool.port.postMessage({ job: next, texts: s.texts, chrome: s.chrome });
        onWorker.add(next++);
      }
      if (results.has(saved)) {
        reports.push(save(load(saved), results.get(saved)!));
        results.delete(saved);
        loaded.delete(saved);
        saved++;
      } else if (!onWorker.has(saved)) {
        // Not handed out (or the worker gave it back): analyse and save it here.
        if (saved === next) next++;
        reports.push(save(load(saved), null));
        loaded.delete(saved);
        saved++;
      } else if (next < targets.length && results.size < MAX_AHEAD) {
        // The worker has the story due next: analyse a later one meanwhile.
        results.set(next, analyzeLoaded(load(next)));
        next++;
      } else if (!take(receive(pool, true))) {
        giveUp();
      }
    }
  } finally {
    if (!pool.dead) stopWorker(pool);
  }
  return reports;
}

// ---------------------------------------------------------------------------
// One analysis at a time per database. Two runs at once would analyse the same
// dirty stories twice and fight over the write lock; the second run waits for
// the first instead. The lock is a file beside the database holding the owner's
// pid, host and start time; its modification time is the owner's heartbeat
// (touched after every saved story). Every look at the file happens inside a
// BEGIN IMMEDIATE transaction on the database, so SQLite's own write lock
// serialises the processes that take, break or release it: no two can both
// find it free or both break a stale one. A lock whose owner is gone (killed,
// crashed: its pid no longer runs on this host) or silent for LOCK_STALE_MS is
// broken. An in-memory database has no other connection and needs no lock.

/** Who holds the analysis lock of a database. */
export interface AnalysisHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  since: string;
}

/** A heartbeat older than this means the holder hung or lives on a host whose pids we cannot check. */
export const LOCK_STALE_MS = 15 * 60_000;
/** How often a waiting run looks at the lock again. */
const LOCK_POLL_MS = 250;

interface RunLock {
  /** Marks the holder alive. */
  beat(): void;
  release(): void;
}

const NO_LOCK: RunLock = { beat() {}, release() {} };

/** Path of the lock file of a database, or null for an in-memory one. */
export function analysisLockPath(db: Db): string | null {
  const name = db.$client.name;
  return !name || name === ":memory:" || db.$client.memory ? null : `${name}.analyze-lock`;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** True when `e` is SQLite saying another connection holds the lock past the busy timeout. */
function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

function readHolder(file: string): { holder: AnalysisHolder | null; beatAt: number } | null {
  let text: string;
  let beatAt: number;
  try {
    text = fs.readFileSync(file, "utf8");
    beatAt = fs.statSync(file).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<AnalysisHolder>;
    if (Number.isInteger(h.pid) && typeof h.host === "string" && typeof h.since === "string") return { holder: h as AnalysisHolder, beatAt };
  } catch {
    // Not ours or damaged: judged by its heartbeat alone.
  }
  return { holder: null, beatAt };
}

/** True when the process `pid` runs on this host (a pid we may not signal still runs). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isStale(found: { holder: AnalysisHolder | null; beatAt: number }, nowMs: number): boolean {
  if (nowMs - found.beatAt > LOCK_STALE_MS) return true;
  const h = found.holder;
  return !!h && h.host === os.hostname() && !pidAlive(h.pid);
}

/**
 * Takes the analysis lock of the database, waiting (and telling `onWait` once) while
 * another live run holds it. The wall clock, not the run's clock, judges heartbeats:
 * they are file times.
 */
function acquireRunLock(db: Db, now: () => Date, onWait?: (holder: AnalysisHolder) => void): RunLock {
  const file = analysisLockPath(db);
  if (!file) return NO_LOCK;
  const me: AnalysisHolder = { pid: process.pid, host: os.hostname(), since: now().toISOString() };
  let told = false;
  for (;;) {
    let holder: AnalysisHolder | null | undefined;
    try {
      holder = db.$client
        .transaction((): AnalysisHolder | null => {
          const found = readHolder(file);
          if (found && !isStale(found, Date.now())) return found.holder ?? { pid: 0, host: "?", since: new Date(found.beatAt).toISOString() };
          fs.writeFileSync(file, JSON.stringify(me));
          return null;
        })
        .immediate();
    } catch (e) {
      if (!isBusy(e)) throw e;
      holder = undefined; // another writer is busy: look again
    }
    if (holder === null) break;
    if (holder && !told) {
      onWait?.(holder);
      told = true;
    }
    sleep(LOCK_POLL_MS);
  }
  const mine = (): boolean => {
    const found = readHolder(file);
    return !!found?.holder && found.holder.pid === me.pid && found.holder.host === me.host && found.holder.since === me.since;
  };
  return {
    beat() {
      try {
        const t = new Date();
        fs.utimesSync(file, t, t);
      } catch {
        // The heartbeat only keeps others from breaking the lock; losing it costs nothing now.
      }
    },
    release() {
      for (let tries = 0; ; tries++) {
        try {
          db.$client
            .transaction(() => {
              if (mine()) fs.rmSync(file, { force: true });
            })
            .immediate();
          return;
        } catch (e) {
          // Still held after a few tries: the next run finds our pid gone and breaks the lock.
          if (!isBusy(e) || tries >= 3) return;
        }
      }
    },
  };
}
