/**
 * Loads what an export needs for a FlagQuery (the same filters and sort as the
 * /flags table) and renders it with lib/export. The dashboard's export route
 * and `npm run export` both call `exportFlags`.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { articleAddress, EXPORT_FORMATS, isExportFormat, renderExport, type ExportArticle, type ExportData, type ExportFlag, type ExportFormat, type ExportStory } from "../lib/export";
import { FLAG_KINDS, FLAG_STATUSES, SEVERITIES, type Evidence, type FlagQuery } from "../lib/types";
import type { Db } from "./client";
import { flagConditions, flagJoin, flagOrder } from "./flag-query";
import { listFlagHistories } from "./triage";
import { inTransaction } from "./store";
import { loadFlagAppearances } from "./provenance";
import { REVIEWED_STATUSES } from "../lib/export/claimreview";

export type { ExportData, ExportFormat } from "../lib/export";

const evidenceSchema = z.array(
  z.object({
    articleId: z.number().int(),
    outlet: z.string(),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    diff: z.array(z.object({ op: z.enum(["equal", "insert", "delete"]), text: z.string() })).default([]),
  }),
);

/** Evidence is stored as JSON by the analysis; anything else is a broken invariant. */
function parseEvidence(flagId: number, json: string): Evidence[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`flag ${flagId}: stored evidence is not valid JSON: this is a bug`);
  }
  const parsed = evidenceSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`flag ${flagId}: stored evidence does not match the Evidence shape (${parsed.error.issues[0]?.message}): this is a bug`);
  return parsed.data;
}

function enumValue<T extends string>(flagId: number, field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`flag ${flagId}: stored ${field} "${value}" is not one of ${allowed.join(", ")}: this is a bug`);
  return value as T;
}

/** True when a query narrows the flags (sorting alone does not). */
export function isFiltered(query: FlagQuery): boolean {
  return Boolean(
    query.kind?.length ||
      query.severity?.length ||
      query.status?.length ||
      query.outlet?.length ||
      query.story?.length ||
      (query.q && query.q.trim()) ||
      query.stale === false,
  );
}


/** Flags matching the query, in the query's order, with outlet, source and parsed evidence. */
async function loadFlags(db: Db, query: FlagQuery): Promise<ExportFlag[]> {
  const { outlets, articles, flags } = db.t;
  const join = flagJoin(db.t);
  const rows = await db
    .select({
      id: flags.id,
      storyId: flags.storyId,
      articleId: flags.articleId,
      outlet: outlets.name,
      source: articles.source,
      kind: flags.kind,
      severity: flags.severity,
      confidence: flags.confidence,
      text: flags.text,
      start: flags.start,
      end: flags.end,
      speaker: flags.speaker,
      explanation: flags.explanation,
      evidence: flags.evidence,
      status: flags.status,
      note: flags.note,
    })
    .from(flags)
    .innerJoin(join.articles, join.on.article)
    .innerJoin(join.outlets, join.on.outlet)
    .innerJoin(join.stories, join.on.story)
    .where(flagConditions(db, query))
    .orderBy(...flagOrder(db, query));
  const histories = await listFlagHistories(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    ...r,
    kind: enumValue(r.id, "kind", r.kind, FLAG_KINDS),
    severity: enumValue(r.id, "severity", r.severity, SEVERITIES),
    status: enumValue(r.id, "status", r.status, FLAG_STATUSES),
    speaker: r.speaker ?? null,
    evidence: parseEvidence(r.id, r.evidence),
    // The actor kind comes from its own column: a system event never shows the name its row carries.
    history: (histories.get(r.id) ?? []).map((h) => ({
      at: h.at,
      actor: h.actorKind,
      editor: h.actorKind === "system" ? null : h.actor,
      action: h.action,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      note: h.note,
    })),
  }));
}

/**
 * The rows of `read` over `ids` taken 500 at a time, so no statement exceeds a store's
 * bound-parameter limit, however many flags a view selects.
 */
async function readInChunks<T>(ids: number[], read: (part: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await read(ids.slice(i, i + 500))));
  return out;
}

/** Articles by id (all current ones when `ids` is null), with their quotes in order. */
async function loadArticles(db: Db, ids: number[] | null): Promise<ExportArticle[]> {
  const { outlets, articles, quotes } = db.t;
  const cols = {
    id: articles.id,
    storyId: articles.storyId,
    outlet: outlets.name,
    source: articles.source,
    canonicalUrl: articles.canonicalUrl,
    title: articles.title,
  };
  const base = () => db.select(cols).from(articles).innerJoin(outlets, eq(articles.outletId, outlets.id));
  const rows =
    ids === null
      ? await base().where(eq(articles.current, true)).orderBy(asc(articles.id))
      : (await readInChunks(ids, (part) => base().where(inArray(articles.id, part)))).sort((a, b) => a.id - b.id);
  if (rows.length === 0) return [];
  const quoteCols = { articleId: quotes.articleId, text: quotes.text, start: quotes.start, end: quotes.end, speaker: quotes.speaker };
  const quoteRows =
    ids === null
      ? await db.select(quoteCols).from(quotes).orderBy(asc(quotes.articleId), asc(quotes.ordinal))
      : await readInChunks(ids, (part) => db.select(quoteCols).from(quotes).where(inArray(quotes.articleId, part)).orderBy(asc(quotes.articleId), asc(quotes.ordinal)));
  const byArticle = new Map<number, ExportArticle["quotes"]>();
  for (const q of quoteRows) {
    const list = byArticle.get(q.articleId) ?? [];
    list.push({ text: q.text, start: q.start, end: q.end, speaker: q.speaker ?? null });
    byArticle.set(q.articleId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    storyId: r.storyId ?? null,
    outlet: r.outlet,
    source: r.source,
    url: articleAddress(r.canonicalUrl, r.source),
    title: r.title,
    quotes: byArticle.get(r.id) ?? [],
  }));
}

/**
 * Everything an export shows for `query`: the matching flags (in the table's
 * order) with outlet, source and evidence, and the stories and articles they
 * refer to. With no filter, every story and every current article (plus any
 * older revision a flag still points at). With a filter, only the stories of
 * the selected flags and the articles they touch (the flagged article and its
 * evidence counterparts); a story's `articleIds` then lists those articles.
 */
export async function loadExportData(db: Db, query: FlagQuery): Promise<ExportData> {
  // One read transaction: flags, articles and stories come from the same snapshot.
  return inTransaction(db, async (db) => {
    const { stories } = db.t;
    const flagList = await loadFlags(db, query);
    const filtered = isFiltered(query);
    const touched = new Set<number>();
    for (const f of flagList) {
      touched.add(f.articleId);
      for (const e of f.evidence) touched.add(e.articleId);
    }
    let articleList: ExportArticle[];
    if (filtered) {
      articleList = await loadArticles(db, [...touched].sort((a, b) => a - b));
    } else {
      articleList = await loadArticles(db, null);
      const have = new Set(articleList.map((a) => a.id));
      const missing = [...touched].filter((id) => !have.has(id));
      if (missing.length) articleList = [...articleList, ...(await loadArticles(db, missing))].sort((a, b) => a.id - b.id);
    }
    const storyIds = filtered ? [...new Set(flagList.map((f) => f.storyId))] : null;
    const storyCols = { id: stories.id, title: stories.title };
    const storyRows =
      storyIds === null
        ? await db.select(storyCols).from(stories).orderBy(asc(stories.id))
        : (await readInChunks(storyIds, (part) => db.select(storyCols).from(stories).where(inArray(stories.id, part)))).sort((a, b) => a.id - b.id);
    const byStory = new Map<number, number[]>();
    for (const a of articleList) {
      if (a.storyId === null) continue;
      const ids = byStory.get(a.storyId);
      if (ids) ids.push(a.id);
      else byStory.set(a.storyId, [a.id]);
    }
    const storyList: ExportStory[] = storyRows.map((s) => ({ id: s.id, title: s.title, articleIds: byStory.get(s.id) ?? [] }));
    return { stories: storyList, articles: articleList, flags: flagList };
  }, { readOnly: true });
}

export interface ExportOptions {
  /** Public base URL for ClaimReview flag page links (PARALLAX_PUBLIC_URL; without it reviews carry no url). */
  baseUrl?: string;
  /** ClaimReview: the reviewing organisation (PARALLAX_ORGANISATION; default "Parallax"). */
  organisation?: string;
  /** CSV: UTF-8 byte order mark (default true). */
  bom?: boolean;
}

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

/** `20260302-131500` from a date, for file names. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

/**
 * Renders the flags of `query` in `format` (json | csv | md | claimreview).
 * `now` stamps the export (generatedAt, ClaimReview datePublished, file name).
 */
export async function exportFlags(db: Db, query: FlagQuery, format: ExportFormat, now: Date, options: ExportOptions = {}): Promise<ExportFile> {
  if (!isExportFormat(String(format))) throw new Error(`exportFlags: unknown format "${String(format)}" (expected one of ${EXPORT_FORMATS.join(", ")})`);
  if (Number.isNaN(now.getTime())) throw new Error("exportFlags: now is an invalid Date");
  const data = await loadExportData(db, query);
  // ClaimReview names where each reviewed quote first appeared (db/provenance.ts).
  if (format === "claimreview") data.appearances = await loadFlagAppearances(db, data.flags.filter((f) => (REVIEWED_STATUSES as readonly string[]).includes(f.status)));
  const rendered = renderExport(data, format, { now, baseUrl: options.baseUrl, organisation: options.organisation, bom: options.bom });
  const scope = query.story?.length === 1 ? `story-${query.story[0]}-` : "";
  return { body: rendered.body, contentType: rendered.contentType, filename: `parallax-flags-${scope}${stamp(now)}.${rendered.extension}` };
}
