/**
 * Every read the dashboard makes, in one module: the flags table (a page and
 * its facet counts), one flag with its context, and the stories. Pages call
 * these and render; nothing here writes.
 */
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Coverage, DiffOp, Evidence, FlagKind, FlagQuery, FlagStatus, Severity } from "../lib/types";
import { FLAG_STATUSES } from "../lib/types";
import type { Db, Tables } from "./client";
import { splitCounterparts } from "./counterparts";
import { flagConditions, flagOrder, flagSortKeys } from "./flag-query";
import { actorLabel, SYSTEM_ACTOR_LABEL, type ActorKind } from "../lib/triage/actor";
import { rankFlagEvidence } from "./evidence";
import { groupConcatDistinct } from "./store";

/** One line of the flags table. */
export interface FlagRow {
  id: number;
  kind: FlagKind;
  severity: Severity;
  confidence: number;
  text: string;
  speaker: string | null;
  articleId: number;
  outlet: string;
  storyId: number;
  storyTitle: string;
  counterparts: string[];
  status: FlagStatus;
  note: string;
  stale: boolean;
  updatedAt: string;
  version: number;
  /** Editor of the last triage change, null when never triaged. */
  lastEditor: string | null;
}

export interface PageRequest {
  /** Zero-based page index. */
  index: number;
  /** Rows per page (1..500). */
  size: number;
}

export interface FlagPage {
  rows: FlagRow[];
  total: number;
}

export const MAX_PAGE_SIZE = 500;


const rowSelection = ({ flags, outlets, stories }: Tables) => ({
  id: flags.id,
  kind: flags.kind,
  severity: flags.severity,
  confidence: flags.confidence,
  text: flags.text,
  speaker: flags.speaker,
  articleId: flags.articleId,
  outlet: outlets.name,
  storyId: flags.storyId,
  storyTitle: stories.title,
  counterparts: flags.counterparts,
  status: flags.status,
  note: flags.note,
  stale: flags.stale,
  updatedAt: flags.updatedAt,
  version: flags.version,
  // System events show the system's label, never the name on the row (an editor could have typed it).
  lastEditor: sql<string | null>`(select case when e.actor_kind = 'system' then ${SYSTEM_ACTOR_LABEL} else e.editor end from flag_events e where e.flag_id = "flags"."id" order by e.id desc limit 1)`,
});

type RawRow = { [K in keyof ReturnType<typeof rowSelection>]: unknown };

function toFlagRow(r: RawRow): FlagRow {
  return {
    id: r.id as number,
    kind: r.kind as FlagKind,
    severity: r.severity as Severity,
    confidence: r.confidence as number,
    text: r.text as string,
    speaker: (r.speaker as string | null) ?? null,
    articleId: r.articleId as number,
    outlet: r.outlet as string,
    storyId: r.storyId as number,
    storyTitle: r.storyTitle as string,
    counterparts: splitCounterparts(r.counterparts as string),
    status: r.status as FlagStatus,
    note: r.note as string,
    stale: Boolean(r.stale),
    updatedAt: r.updatedAt as string,
    version: r.version as number,
    lastEditor: (r.lastEditor as string | null) ?? null,
  };
}

function checkPage(page: PageRequest): PageRequest {
  if (!Number.isInteger(page.index) || page.index < 0) throw new Error(`page.index must be an integer >= 0, got ${page.index}`);
  if (!Number.isInteger(page.size) || page.size < 1 || page.size > MAX_PAGE_SIZE)
    throw new Error(`page.size must be an integer in 1..${MAX_PAGE_SIZE}, got ${page.size}`);
  return page;
}

/** Number of flags matching a query; joins outlets only when a condition needs them. */
export async function countFlags(db: Db, query: FlagQuery): Promise<number> {
  const { flags } = db.t;
  tune(db);
  // flagConditions needs no join, so this is answered from the flags indexes.
  return (await db.select({ n: count() }).from(flags).where(flagConditions(db, query)))[0]?.n ?? 0;
}

/**
 * One page of flags under a query, sorted by the query's sort (then severity,
 * confidence and id, so pages never overlap), with the total for the pager.
 */
export async function listFlags(db: Db, query: FlagQuery, page: PageRequest): Promise<FlagPage> {
  const { outlets, stories, articles, flags } = db.t;
  checkPage(page);
  tune(db);
  const total = await countFlags(db, query);
  // Two steps: pick the page's ids from `flags` alone (so SQLite walks the sort index instead of
  // joining every row first), then hydrate just those rows with their joins.
  const joinForIds = Boolean(query.sort?.some((s) => s.id === "outlet"));
  const idBase = db.select({ id: flags.id }).from(flags);
  const ids = (
    await (joinForIds ? idBase.innerJoin(articles, eq(flags.articleId, articles.id)).innerJoin(outlets, eq(articles.outletId, outlets.id)) : idBase)
      .where(flagConditions(db, query))
      .orderBy(...flagOrder(db, query))
      .limit(page.size)
      .offset(page.index * page.size)
  ).map((r) => r.id);
  if (ids.length === 0) return { rows: [], total };
  const byId = new Map(
    (await db
      .select(rowSelection(db.t))
      .from(flags)
      .innerJoin(articles, eq(flags.articleId, articles.id))
      .innerJoin(outlets, eq(articles.outletId, outlets.id))
      .innerJoin(stories, eq(flags.storyId, stories.id))
      .where(inArray(flags.id, ids)))
      .map((r) => [r.id, toFlagRow(r)]),
  );
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total };
}

const tuned = new WeakSet<object>();
/**
 * Gives the connection room to keep the flags table and its indexes in memory:
 * the default 2 MB page cache makes every facet count at 100,000 flags go back
 * to the OS. Applied once per connection.
 */
function tune(db: Db): void {
  // PostgreSQL's memory is the server's to set (shared_buffers), not a connection's.
  if (db.engine !== "sqlite" || tuned.has(db.$client)) return;
  tuned.add(db.$client);
  db.$client.pragma("cache_size = -65536");
  db.$client.pragma("mmap_size = 268435456");
  db.$client.pragma("temp_store = memory");
  // Statistics let the planner pick the covering index over a join-first plan; bounded so it stays cheap.
  db.$client.pragma("analysis_limit = 1000");
  db.$client.pragma("optimize = 0x10002");
}

export interface FacetCount<T extends string | number = string> {
  value: T;
  /** Display label (the story title for stories). */
  label: string;
  count: number;
}

export interface FlagFacets {
  kind: FacetCount<FlagKind>[];
  severity: FacetCount<Severity>[];
  status: FacetCount<FlagStatus>[];
  outlet: FacetCount<string>[];
  story: FacetCount<number>[];
}

/**
 * Counts per kind, severity, status, outlet and story. Each facet is counted
 * with every OTHER filter applied (not its own), so a filter's alternatives
 * keep their counts after one value is chosen.
 */
export async function flagFacets(db: Db, query: FlagQuery): Promise<FlagFacets> {
  const { outlets, stories, articles, flags } = db.t;
  tune(db);
  const without = (key: keyof FlagQuery): FlagQuery => ({ ...query, [key]: undefined, sort: undefined });

  // Kind, severity and status in one scan: group by all three under the other filters, then
  // count each facet in JS under the filters of the other two (at most 7 x 3 x 4 groups).
  const grid = await db
    .select({ kind: flags.kind, severity: flags.severity, status: flags.status, count: count() })
    .from(flags)
    .where(flagConditions(db, { ...query, kind: undefined, severity: undefined, status: undefined, sort: undefined }))
    // flags_facets_idx leads with these three columns: the grouping streams off it, no sort.
    .groupBy(flags.kind, flags.severity, flags.status);
  const passes = (key: "kind" | "severity" | "status", value: string) => {
    const chosen = query[key] as string[] | undefined;
    return !chosen?.length || chosen.includes(value);
  };
  const tally = (key: "kind" | "severity" | "status"): { value: string; count: number }[] => {
    const others = (["kind", "severity", "status"] as const).filter((k) => k !== key);
    const counts = new Map<string, number>();
    for (const g of grid) if (others.every((k) => passes(k, g[k]))) counts.set(g[key], (counts.get(g[key]) ?? 0) + g.count);
    return [...counts].map(([value, n]) => ({ value, count: n })).sort((x, y) => (x.value < y.value ? -1 : 1));
  };

  const kind = tally("kind").map((r) => ({ value: r.value as FlagKind, label: r.value, count: r.count }));
  const sevOrder: Record<string, number> = { high: 0, medium: 1, low: 2 };
  const severity = tally("severity")
    .map((r) => ({ value: r.value as Severity, label: r.value, count: r.count }))
    .sort((a, b) => (sevOrder[a.value] ?? 9) - (sevOrder[b.value] ?? 9));
  const statusOrder: Record<string, number> = { open: 0, verified: 1, unsupported: 2, dismissed: 3 };
  const status = tally("status")
    .map((r) => ({ value: r.value as FlagStatus, label: r.value, count: r.count }))
    .sort((a, b) => (statusOrder[a.value] ?? 9) - (statusOrder[b.value] ?? 9));

  // Outlets: count per article from the flags index, then fold articles into outlets (a join per
  // article, not per flag).
  const perArticle = db
    .select({ articleId: flags.articleId, n: count().as("n") })
    .from(flags)
    .where(flagConditions(db, without("outlet")))
    .groupBy(flags.articleId)
    .as("per_article");
  const outlet = (await db
    .select({ value: outlets.name, count: sql<number>`sum(${perArticle.n})` })
    .from(perArticle)
    .innerJoin(articles, eq(articles.id, perArticle.articleId))
    .innerJoin(outlets, eq(outlets.id, articles.outletId))
    .groupBy(outlets.name)
    .orderBy(desc(sql`sum(${perArticle.n})`), asc(outlets.name)))
    .map((r) => ({ value: r.value, label: r.value, count: Number(r.count) }));

  // Unfiltered, flags_story_idx streams the groups; filtered, "+" sends SQLite to the covering
  // facets index rather than reading a row per flag through flags_story_idx.
  const storyWhere = flagConditions(db, without("story"));
  const storyCounts = await db
    .select({ value: flags.storyId, count: count() })
    .from(flags)
    .where(storyWhere)
    .groupBy(storyWhere && db.engine === "sqlite" ? sql`+${flags.storyId}` : flags.storyId)
    .orderBy(desc(count()), asc(flags.storyId))
    .limit(200);
  const titles = new Map<number, string>();
  if (storyCounts.length) {
    for (const s of await db
      .select({ id: stories.id, title: stories.title })
      .from(stories)
      .where(inArray(stories.id, storyCounts.map((s) => s.value))))
      titles.set(s.id, s.title);
  }
  // A story chosen in the filter stays listed even when the other filters leave it at zero.
  for (const id of query.story ?? []) {
    if (!storyCounts.some((s) => s.value === id)) {
      const t = (await db.select({ title: stories.title }).from(stories).where(eq(stories.id, id)))[0];
      if (t) {
        titles.set(id, t.title);
        storyCounts.push({ value: id, count: 0 });
      }
    }
  }
  const story = storyCounts.map((r) => ({ value: r.value, label: titles.get(r.value) ?? `Story ${r.value}`, count: r.count }));
  // Every status is listed, even at 0 (an editor looks for "verified" before there is one), and a
  // value chosen in a filter stays listed when the other filters leave it at 0, so the filters that
  // make a view empty stay visible and can be unticked.
  for (const s of FLAG_STATUSES) if (!status.some((r) => r.value === s)) status.push({ value: s, label: s, count: 0 });
  status.sort((a, b) => (statusOrder[a.value] ?? 9) - (statusOrder[b.value] ?? 9));
  for (const k of query.kind ?? []) if (!kind.some((r) => r.value === k)) kind.push({ value: k, label: k, count: 0 });
  for (const v of query.severity ?? []) if (!severity.some((r) => r.value === v)) severity.push({ value: v, label: v, count: 0 });
  severity.sort((a, b) => (sevOrder[a.value] ?? 9) - (sevOrder[b.value] ?? 9));
  for (const o of query.outlet ?? []) if (!outlet.some((r) => r.value === o)) outlet.push({ value: o, label: o, count: 0 });
  return { kind, severity, status, outlet, story };
}

/** A triage event as shown in a flag's history. */
export interface FlagEventRow {
  id: number;
  /** The editor's name, or the system's label for a system event. */
  editor: string;
  actorKind: ActorKind;
  at: string;
  action: string;
  fromStatus: FlagStatus | null;
  toStatus: FlagStatus | null;
  note: string | null;
}

export interface FlagDetail extends FlagRow {
  fingerprint: string;
  start: number;
  end: number;
  explanation: string;
  evidence: Evidence[];
  createdAt: string;
  article: {
    id: number;
    title: string;
    source: string;
    canonicalUrl: string | null;
    publishedAt: string | null;
    body: string;
  };
  /** The block (paragraph) that holds the flagged span, as a range of the body. */
  paragraph: { start: number; end: number };
  history: FlagEventRow[];
  /** Neighbours in the order of the given query (null at either end). */
  prevId: number | null;
  nextId: number | null;
  /** 1-based position in the query's order, and the size of that list. */
  position: number | null;
  total: number;
}

export function parseEvidence(json: string): Evidence[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: Evidence[] = [];
  for (const e of raw) {
    if (!e || typeof e !== "object") continue;
    const o = e as Record<string, unknown>;
    const diff: DiffOp[] = Array.isArray(o.diff)
      ? (o.diff as unknown[]).flatMap((d) => {
          const dd = d as Record<string, unknown>;
          return dd && (dd.op === "equal" || dd.op === "insert" || dd.op === "delete") && typeof dd.text === "string"
            ? [{ op: dd.op, text: dd.text } as DiffOp]
            : [];
        })
      : [];
    out.push({
      articleId: Number(o.articleId) || 0,
      outlet: typeof o.outlet === "string" ? o.outlet : "unknown outlet",
      text: typeof o.text === "string" ? o.text : "",
      start: Number(o.start) || 0,
      end: Number(o.end) || 0,
      diff,
    });
  }
  return out;
}

/** The stored block around [start, end), or the blank-line-delimited paragraph when the article has no segments. */
async function paragraphAround(db: Db, articleId: number, body: string, start: number, end: number): Promise<{ start: number; end: number }> {
  const { segments } = db.t;
  const block = (await db
    .select({ start: segments.start, end: segments.end })
    .from(segments)
    .where(
      and(
        eq(segments.articleId, articleId),
        ne(segments.kind, "sentence"),
        sql`${segments.start} <= ${start}`,
        sql`${segments.end} >= ${Math.min(end, body.length)}`,
      ),
    )
    .orderBy(sql`${segments.end} - ${segments.start}`)
    .limit(1))[0];
  if (block) return block;
  const before = body.lastIndexOf("\n\n", Math.max(0, start - 1));
  const after = body.indexOf("\n\n", end);
  return { start: before < 0 ? 0 : before + 2, end: after < 0 ? body.length : after };
}

/**
 * Previous and next flag ids around `id` in the order of `query`, found by
 * keyset comparison on the sort keys (no window over the whole list), and the
 * flag's position. The flag itself need not match the query (e.g. it was just
 * triaged out of an "open" view): its neighbours are those around where it sorts.
 */
export async function flagNeighbours(db: Db, id: number, query: FlagQuery): Promise<{ prevId: number | null; nextId: number | null; position: number | null; total: number }> {
  const { articles, flags, outlets } = db.t;
  const keys = flagSortKeys(db, query);
  const join = keys.some((k) => k.id === "outlet");
  // Sorting by outlet needs the join; every other key and condition is on flags alone.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const withJoin = <Q extends { innerJoin: Function }>(q: Q): Q =>
    join ? (q.innerJoin(articles, eq(flags.articleId, articles.id)).innerJoin(outlets, eq(articles.outletId, outlets.id)) as Q) : q;

  const [cur] = (await withJoin(db.select(Object.fromEntries(keys.map((k, i) => [`k${i}`, k.expr])) as Record<string, SQL>).from(flags)).where(eq(flags.id, id))) as Record<string, unknown>[];
  if (!cur) return { prevId: null, nextId: null, position: null, total: 0 };
  const values = keys.map((_, i) => cur[`k${i}`]);

  /** Rows strictly after (forward) or before the flag in the query's order. */
  const beyond = (forward: boolean): SQL =>
    sql.join(
      keys.map((k, i) => {
        const eqs = keys.slice(0, i).map((p, j) => sql`${p.expr} = ${values[j]}`);
        const later = forward !== k.desc;
        const cmp = later ? sql`${k.expr} > ${values[i]}` : sql`${k.expr} < ${values[i]}`;
        return sql`(${sql.join([...eqs, cmp], sql` and `)})`;
      }),
      sql` or `,
    );
  const where = flagConditions(db, query);
  const step = async (forward: boolean): Promise<number | null> => {
    const order = keys.map((k) => ((forward ? k.desc : !k.desc) ? desc(k.expr) : asc(k.expr)));
    const [row] = await withJoin(db.select({ id: flags.id }).from(flags))
      .where(and(where, sql`(${beyond(forward)})`))
      .orderBy(...order)
      .limit(1);
    return row?.id ?? null;
  };
  const total = await countFlags(db, query);
  const before = (await withJoin(db.select({ n: count() }).from(flags)).where(and(where, sql`(${beyond(false)})`)))[0]?.n;
  const inView = where ? ((await db.select({ n: count() }).from(flags).where(and(where, eq(flags.id, id))))[0]?.n ?? 0) > 0 : true;
  return { prevId: await step(false), nextId: await step(true), position: inView ? (before ?? 0) + 1 : null, total };
}

/** One flag with its article, the paragraph around it, evidence, history and neighbours under `query`; null when no such flag. */
export async function getFlag(db: Db, id: number, query: FlagQuery = {}): Promise<FlagDetail | null> {
  const { outlets, stories, articles, flags, flagEvents } = db.t;
  if (!Number.isInteger(id) || id < 1) return null;
  tune(db);
  const r = (await db
    .select({
      ...rowSelection(db.t),
      fingerprint: flags.fingerprint,
      start: flags.start,
      end: flags.end,
      explanation: flags.explanation,
      evidence: flags.evidence,
      createdAt: flags.createdAt,
      articleTitle: articles.title,
      articleSource: articles.source,
      articleUrl: articles.canonicalUrl,
      articlePublishedAt: articles.publishedAt,
      articleBody: articles.body,
    })
    .from(flags)
    .innerJoin(articles, eq(flags.articleId, articles.id))
    .innerJoin(outlets, eq(articles.outletId, outlets.id))
    .innerJoin(stories, eq(flags.storyId, stories.id))
    .where(eq(flags.id, id)))[0];
  if (!r) return null;
  const history = (await db
    .select({
      id: flagEvents.id,
      editor: flagEvents.editor,
      actorKind: flagEvents.actorKind,
      at: flagEvents.at,
      action: flagEvents.action,
      fromStatus: flagEvents.fromStatus,
      toStatus: flagEvents.toStatus,
      note: flagEvents.note,
    })
    .from(flagEvents)
    .where(eq(flagEvents.flagId, id))
    .orderBy(desc(flagEvents.id)))
    .map((e) => ({ ...e, actorKind: e.actorKind as ActorKind, editor: actorLabel(e.actorKind as ActorKind, e.editor), fromStatus: e.fromStatus as FlagStatus | null, toStatus: e.toStatus as FlagStatus | null }));
  const body = r.articleBody;
  return {
    ...toFlagRow(r),
    fingerprint: r.fingerprint,
    start: r.start,
    end: r.end,
    explanation: r.explanation,
    // Clean, best-corroborated, fullest counterpart first (db/evidence.ts).
    evidence: await rankFlagEvidence(db, { id: r.id, articleId: r.articleId, storyId: r.storyId }, parseEvidence(r.evidence)),
    createdAt: r.createdAt,
    article: {
      id: r.articleId,
      title: r.articleTitle,
      source: r.articleSource,
      canonicalUrl: r.articleUrl,
      publishedAt: r.articlePublishedAt,
      body,
    },
    paragraph: await paragraphAround(db, r.articleId, body, r.start, r.end),
    history,
    ...(await flagNeighbours(db, id, query)),
  };
}

/** Totals for the overview page. */
export async function dashboardCounts(db: Db): Promise<{ articles: number; stories: number; flags: number; open: number; byStatus: Record<string, number> }> {
  const { articles, flags, stories } = db.t;
  const a = (await db.select({ n: count() }).from(articles).where(eq(articles.current, true)))[0]?.n ?? 0;
  const s = (await db.select({ n: count() }).from(stories))[0]?.n ?? 0;
  const byStatus: Record<string, number> = {};
  let total = 0;
  for (const r of await db.select({ status: flags.status, n: count() }).from(flags).groupBy(flags.status)) {
    byStatus[r.status] = r.n;
    total += r.n;
  }
  return { articles: a, stories: s, flags: total, open: byStatus.open ?? 0, byStatus };
}

export interface StorySummary {
  id: number;
  title: string;
  label: string | null;
  articles: number;
  outlets: string[];
  flags: number;
  openFlags: number;
  updatedAt: string;
  analyzedAt: string | null;
}

/** One page of stories, most recently updated first, with article, outlet and flag counts, and the number of stories. */
export async function listStories(db: Db, page: PageRequest = { index: 0, size: 50 }): Promise<{ rows: StorySummary[]; total: number }> {
  const { stories } = db.t;
  checkPage(page);
  const total = (await db.select({ n: count() }).from(stories))[0]?.n ?? 0;
  const rows = await db
    .select({
      id: stories.id,
      title: stories.title,
      label: stories.label,
      updatedAt: stories.updatedAt,
      analyzedAt: stories.analyzedAt,
      // Correlated subqueries spelled out: drizzle leaves columns unqualified in a single-table select.
      articles: sql<number>`(select count(*) from articles a where a.story_id = "stories"."id" and a.current)`.mapWith(Number),
      outlets: sql<string | null>`(select ${groupConcatDistinct(db, sql`o.name`)} from articles a join outlets o on o.id = a.outlet_id where a.story_id = "stories"."id" and a.current)`,
      flags: sql<number>`(select count(*) from flags f where f.story_id = "stories"."id")`.mapWith(Number),
      openFlags: sql<number>`(select count(*) from flags f where f.story_id = "stories"."id" and f.status = 'open')`.mapWith(Number),
    })
    .from(stories)
    .orderBy(desc(stories.updatedAt), desc(stories.id))
    .limit(page.size)
    .offset(page.index * page.size);
  return { rows: rows.map((r) => ({ ...r, outlets: r.outlets ? r.outlets.split(",").sort() : [] })), total };
}

export interface StoryArticle {
  id: number;
  outlet: string;
  title: string;
  source: string;
  canonicalUrl: string | null;
  publishedAt: string | null;
  body: string;
  /** Flagged spans in this article, for the reader. */
  flags: { id: number; start: number; end: number; kind: FlagKind; severity: Severity; status: FlagStatus }[];
}

/** One quote or claim of one article and how each other article carries it. */
export interface CoverageRow {
  unit: "quote" | "claim";
  sourceArticleId: number;
  sourceOutlet: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  /** Coverage by target article id; the source article itself is "source". */
  cells: Record<number, Coverage | "source">;
}

export interface StoryDetail {
  id: number;
  title: string;
  label: string | null;
  createdAt: string;
  updatedAt: string;
  analyzedAt: string | null;
  articles: StoryArticle[];
  outlets: string[];
  coverage: CoverageRow[];
  /** True when the matrix was cut to its first rows. */
  coverageTruncated: boolean;
}

export const MAX_COVERAGE_ROWS = 400;

/** A story with its current articles, their flagged spans, and the quote/claim coverage matrix from the alignments. */
export async function getStory(db: Db, id: number): Promise<StoryDetail | null> {
  const { outlets, stories, articles, quotes, alignments, flags } = db.t;
  if (!Number.isInteger(id) || id < 1) return null;
  const story = (await db.select().from(stories).where(eq(stories.id, id)))[0];
  if (!story) return null;
  const arts = await db
    .select({
      id: articles.id,
      outlet: outlets.name,
      title: articles.title,
      source: articles.source,
      canonicalUrl: articles.canonicalUrl,
      publishedAt: articles.publishedAt,
      body: articles.body,
    })
    .from(articles)
    .innerJoin(outlets, eq(articles.outletId, outlets.id))
    .where(and(eq(articles.storyId, id), eq(articles.current, true)))
    .orderBy(asc(outlets.name), asc(articles.id));
  const byId = new Map(arts.map((a) => [a.id, a]));
  const flagRows = await db
    .select({ id: flags.id, articleId: flags.articleId, start: flags.start, end: flags.end, kind: flags.kind, severity: flags.severity, status: flags.status })
    .from(flags)
    .where(eq(flags.storyId, id))
    .orderBy(asc(flags.start));
  const flagsByArticle = new Map<number, StoryArticle["flags"]>();
  for (const f of flagRows) {
    const list = flagsByArticle.get(f.articleId) ?? [];
    list.push({ id: f.id, start: f.start, end: f.end, kind: f.kind as FlagKind, severity: f.severity as Severity, status: f.status as FlagStatus });
    flagsByArticle.set(f.articleId, list);
  }

  const aligned = await db
    .select({
      unit: alignments.unit,
      sourceArticleId: alignments.sourceArticleId,
      sourceStart: alignments.sourceStart,
      sourceEnd: alignments.sourceEnd,
      targetArticleId: alignments.targetArticleId,
      coverage: alignments.coverage,
    })
    .from(alignments)
    .where(eq(alignments.storyId, id))
    .orderBy(asc(alignments.sourceArticleId), asc(alignments.sourceStart), asc(alignments.unit));
  const speakers = new Map<string, string | null>();
  if (arts.length) {
    for (const q of await db
      .select({ articleId: quotes.articleId, start: quotes.start, end: quotes.end, speaker: quotes.speaker })
      .from(quotes)
      .where(inArray(quotes.articleId, arts.map((a) => a.id))))
      speakers.set(`${q.articleId}:${q.start}:${q.end}`, q.speaker);
  }
  const rows = new Map<string, CoverageRow>();
  let truncated = false;
  for (const a of aligned) {
    const src = byId.get(a.sourceArticleId);
    if (!src || !byId.has(a.targetArticleId)) continue; // an older revision: not part of the current story
    const key = `${a.unit}:${a.sourceArticleId}:${a.sourceStart}:${a.sourceEnd}`;
    let row = rows.get(key);
    if (!row) {
      if (rows.size >= MAX_COVERAGE_ROWS) {
        truncated = true;
        continue;
      }
      row = {
        unit: a.unit === "quote" ? "quote" : "claim",
        sourceArticleId: a.sourceArticleId,
        sourceOutlet: src.outlet,
        start: a.sourceStart,
        end: a.sourceEnd,
        text: src.body.slice(a.sourceStart, a.sourceEnd),
        speaker: a.unit === "quote" ? (speakers.get(`${a.sourceArticleId}:${a.sourceStart}:${a.sourceEnd}`) ?? null) : null,
        cells: { [a.sourceArticleId]: "source" },
      };
      rows.set(key, row);
    }
    const cov = a.coverage as Coverage;
    row.cells[a.targetArticleId] = cov === "verbatim" || cov === "reworded" || cov === "cut" ? cov : "absent";
  }
  return {
    id: story.id,
    title: story.title,
    label: story.label,
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    analyzedAt: story.analyzedAt,
    articles: arts.map((a) => ({ ...a, flags: flagsByArticle.get(a.id) ?? [] })),
    outlets: [...new Set(arts.map((a) => a.outlet))],
    coverage: [...rows.values()],
    coverageTruncated: truncated,
  };
}
