/**
 * Parallax's store. Article bodies are immutable once written: a changed
 * source becomes a new revision row, so every offset stored against an
 * article id (segments, quotes, flags, evidence) stays valid forever.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ACTOR_KINDS } from "../lib/triage/actor";
import { user } from "./auth-schema";

export { account, session, user, verification } from "./auth-schema";

/** One publisher or site. */
export const outlets = sqliteTable("outlets", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  host: text("host"),
  /**
   * Where the name came from (OUTLET_ORIGINS in lib/ingest/types.ts): given at ingest
   * (`--outlet`), page or file metadata, the site's host name, the file name (a last
   * resort, shown as such), or an editor's rename.
   */
  nameOrigin: text("name_origin").notNull().default("metadata"),
});

/**
 * Other names of an outlet: the names it had before an editor renamed it or merged it
 * into another. Ingest looks a name up here too, so re-ingesting a file after a rename
 * lands in the renamed outlet instead of bringing the old name back.
 */
export const outletAliases = sqliteTable(
  "outlet_aliases",
  {
    name: text("name").primaryKey(),
    outletId: integer("outlet_id")
      .notNull()
      .references(() => outlets.id, { onDelete: "cascade" }),
  },
  (t) => [index("outlet_aliases_outlet_idx").on(t.outletId)],
);

/** A group of articles about one event. Ids never change once given. */
export const stories = sqliteTable(
  "stories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** A label given with `--story` at ingest; null for automatic stories. */
    label: text("label").unique(),
    title: text("title").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    /** Set when the story's membership or articles change; cleared by analysis. */
    dirty: integer("dirty", { mode: "boolean" }).notNull().default(true),
    analyzedAt: text("analyzed_at"),
    /** Grouping signature (JSON: weighted terms) used to match new articles without all-pairs comparison. */
    signature: text("signature").notNull().default("{}"),
  },
  (t) => [index("stories_dirty_idx").on(t.dirty)],
);

/** One revision of one article. Only the newest revision of a source is `current`. */
export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outletId: integer("outlet_id")
      .notNull()
      .references(() => outlets.id),
    storyId: integer("story_id").references(() => stories.id, { onDelete: "set null" }),
    /** Path or URL exactly as given to ingest (for a file inside a JSON/JSONL array: `path#index`). */
    source: text("source").notNull(),
    canonicalUrl: text("canonical_url"),
    title: text("title").notNull(),
    byline: text("byline"),
    publishedAt: text("published_at"),
    language: text("language"),
    /** Body text exactly as stored; offsets everywhere point into it. */
    body: text("body").notNull(),
    /** sha256 of the normalised title + body. */
    contentHash: text("content_hash").notNull(),
    ingestedAt: text("ingested_at").notNull(),
    revision: integer("revision").notNull().default(1),
    current: integer("current", { mode: "boolean" }).notNull().default(true),
    /** Story label requested at ingest (`--story`), overriding automatic grouping. */
    storyLabel: text("story_label"),
    /**
     * The article's identity across revisions: the source of its first revision. A later
     * revision may come from another source (the same canonical URL ingested from another
     * path); flag fingerprints use this key, so triage follows the article. A row inserted
     * without one gets its own source (a trigger in the migration).
     */
    lineage: text("lineage").notNull().default(""),
    /** The canonical URL in comparable form (lib/ingest/canonical.ts), null when the article names none. */
    canonicalKey: text("canonical_key"),
  },
  (t) => [
    uniqueIndex("articles_lineage_revision_idx").on(t.lineage, t.revision),
    index("articles_source_idx").on(t.source),
    index("articles_canonical_idx").on(t.canonicalKey),
    index("articles_story_idx").on(t.storyId),
    index("articles_hash_idx").on(t.contentHash),
    index("articles_outlet_idx").on(t.outletId),
  ],
);

/** Blocks and sentences with exact offsets into the article body. */
export const segments = sqliteTable(
  "segments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** "sentence" or a BlockKind (paragraph, heading, list_item, ...). */
    kind: text("kind").notNull(),
    /** Position among the article's blocks (for blocks) or sentences (for sentences). */
    ordinal: integer("ordinal").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    boilerplate: integer("boilerplate", { mode: "boolean" }).notNull().default(false),
    /** For sentences: ordinal of the enclosing block. */
    blockOrdinal: integer("block_ordinal"),
    /** StructureKind when the block belongs to a list, FAQ, table, call-out, key terms or contents. */
    structure: text("structure"),
  },
  (t) => [index("segments_article_idx").on(t.articleId, t.kind)],
);

/** Direct quotes with their speakers. */
export const quotes = sqliteTable(
  "quotes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    text: text("text").notNull(),
    style: text("style").notNull(),
    speaker: text("speaker"),
    speakerStart: integer("speaker_start"),
    speakerEnd: integer("speaker_end"),
    venue: text("venue"),
    cue: text("cue"),
  },
  (t) => [index("quotes_article_idx").on(t.articleId)],
);

/** How each quote or claim of an article is carried by each other article of its story. */
export const alignments = sqliteTable(
  "alignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    unit: text("unit").notNull(), // quote | claim
    sourceArticleId: integer("source_article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    sourceStart: integer("source_start").notNull(),
    sourceEnd: integer("source_end").notNull(),
    targetArticleId: integer("target_article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    coverage: text("coverage").notNull(), // verbatim | reworded | cut | absent
    score: real("score").notNull(),
    targetStart: integer("target_start"),
    targetEnd: integer("target_end"),
  },
  (t) => [index("alignments_story_idx").on(t.storyId), index("alignments_source_idx").on(t.sourceArticleId)],
);

/** Divergences, with their triage state. The fingerprint is the stable identity across re-analysis. */
export const flags = sqliteTable(
  "flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fingerprint: text("fingerprint").notNull().unique(),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    severity: text("severity").notNull(),
    /** 0 = low, 1 = medium, 2 = high: lets the table sort by severity with an index. */
    severityRank: integer("severity_rank").notNull(),
    confidence: real("confidence").notNull(),
    text: text("text").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    speaker: text("speaker"),
    explanation: text("explanation").notNull(),
    /** JSON array of Evidence. */
    evidence: text("evidence").notNull().default("[]"),
    /** Counterpart outlets, comma-joined, for display and filtering. */
    counterparts: text("counterparts").notNull().default(""),
    status: text("status").notNull().default("open"),
    note: text("note").notNull().default(""),
    /** True when a triaged flag no longer holds after re-analysis. */
    stale: integer("stale", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
    /** Last analysis or triage change. */
    updatedAt: text("updated_at").notNull(),
    /** Bumped on every triage change; a change must name the version it was made from. */
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("flags_story_idx").on(t.storyId),
    index("flags_article_idx").on(t.articleId),
    index("flags_kind_idx").on(t.kind),
    index("flags_status_idx").on(t.status),
    index("flags_severity_idx").on(t.severityRank, t.confidence),
    index("flags_updated_idx").on(t.updatedAt),
    /**
     * Covers every filter and facet column of the /flags table, and the numeric sort keys, so counts,
     * facets and sorted pages at 100,000 flags never read the wide rows.
     */
    index("flags_facets_idx").on(t.kind, t.severity, t.status, t.storyId, t.articleId, t.stale, t.severityRank, t.confidence, t.updatedAt),
  ],
);

/** Every triage change, never rewritten. */
export const flagEvents = sqliteTable(
  "flag_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    flagId: integer("flag_id")
      .notNull()
      .references(() => flags.id, { onDelete: "cascade" }),
    /**
     * The name recorded with the event: the signed-in user's display name at the time (kept when the
     * user is later renamed or disabled), or the name typed before accounts existed. For a system
     * event it means nothing (see actorKind).
     */
    editor: text("editor").notNull(),
    /** The account that made the event; null for system events and for events from before accounts. */
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    /**
     * Who made the event: "system" (the analysis: stale, revived) or "editor"
     * (db/triage.ts writes "editor" on every row it inserts). The default is
     * "system" so the analysis' inserts, which do not name it, stay system
     * events; nothing an editor submits reaches an insert without "editor".
     */
    actorKind: text("actor_kind", { enum: ACTOR_KINDS }).notNull().default("system"),
    at: text("at").notNull(),
    /** status | note | stale | revived */
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    note: text("note"),
  },
  (t) => [
    index("flag_events_flag_idx").on(t.flagId),
    check("flag_events_actor_kind_check", sql.raw(`${t.actorKind.name} in (${ACTOR_KINDS.map((k) => `'${k}'`).join(", ")})`)),
  ],
);

/**
 * An ingest started from the dashboard (/ingest): what was asked, how far it got, what
 * came of it. A separate process (scripts/ingest-job.ts) runs it and writes its progress
 * here; the page reads this row.
 */
export const ingestJobs = sqliteTable(
  "ingest_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    /** queued | ingesting | analyzing | done | failed */
    status: text("status").notNull().default("queued"),
    /** JSON: { urls, files: [{ name, path }], outlet, story } as asked. */
    request: text("request").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    /** Inputs finished and inputs in all (files and URLs after expansion). */
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    /** JSON array of result lines (status, source, article id, outlet, title, error). */
    results: text("results").notNull().default("[]"),
    /** JSON: the stories the new articles went to, with their flag counts, once analysed. */
    outcome: text("outcome"),
    /** One line when the job as a whole failed. */
    error: text("error"),
    /** Process running the job, so a dead one is told from a slow one. */
    pid: integer("pid"),
  },
  (t) => [index("ingest_jobs_created_idx").on(t.createdAt)],
);

/** Full-text index over flags (text, explanation, speaker, note, outlet), kept by triggers in the migration. */
export const flagsFtsName = "flags_fts";

export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull().default(sql`''`),
});
