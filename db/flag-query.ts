/**
 * Turns a FlagQuery into SQL over `flags` joined with `articles` and `outlets`.
 * Shared by the /flags table, the flag page's previous/next, and every export.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { FlagQuery, FlagSortKey } from "../lib/types";
import type { Db, Tables } from "./client";

/** The words of a search, as both stores' full-text search reads them (letters and digits only: never query syntax). */
function searchWords(q: string): string[] {
  return q
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
}

/** Quotes each word for FTS5 so user input can never be read as query syntax; words must all match (prefix on the last). */
export function toFtsQuery(q: string): string | null {
  const words = searchWords(q);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? "*" : ""}`).join(" ");
}

/** The same search as a Postgres tsquery (for to_tsquery('simple', ...)): every word, prefix on the last. */
export function toTsQuery(q: string): string | null {
  const words = searchWords(q).map((w) => w.toLowerCase());
  if (words.length === 0) return null;
  return words.map((w, i) => `${w}${i === words.length - 1 ? ":*" : ""}`).join(" & ");
}

/** Flags whose text, explanation, speaker or note match a search: SQLite's FTS5 table, Postgres' tsvector column (GIN index). */
function searchHits(db: Db, q: string): SQL | null {
  if (db.engine === "pg") {
    const ts = toTsQuery(q);
    return ts ? sql`select sf.id from flags sf where sf.search @@ to_tsquery('simple', ${ts})` : null;
  }
  const fts = toFtsQuery(q);
  return fts ? sql`select rowid from flags_fts where flags_fts match ${fts}` : null;
}

/** WHERE conditions for a query over `flags` (joined to `articles` and `outlets` or not: conditions only use flags columns and subqueries). */
export function flagConditions(db: Db, query: FlagQuery): SQL | undefined {
  const { flags } = db.t;
  const conds: SQL[] = [];
  if (query.kind?.length) conds.push(inArray(flags.kind, query.kind));
  if (query.severity?.length) conds.push(inArray(flags.severity, query.severity));
  if (query.status?.length) {
    // "open" is where every new flag lands, so it is most of the table: seeking it through
    // flags_status_idx reads a row per flag (100k flags: ~40 ms more per count than scanning the
    // covering facets index), and "+" stops that. A triaged status holds only what editors have
    // decided by hand, few rows, and the index finds them fastest. (SQLite only: Postgres has no
    // unary "+" on text and plans this itself.)
    const bulk = db.engine === "sqlite" && query.status.includes("open");
    const column = bulk ? sql`+${flags.status}` : sql`${flags.status}`;
    conds.push(sql`${column} in (${sql.join(query.status.map((s) => sql`${s}`), sql`, `)})`);
  }
  if (query.story?.length) conds.push(inArray(flags.storyId, query.story));
  // Outlet and search conditions go through ids, not the join, so a count or facet can be answered
  // from the flags indexes alone (the join still works: callers may keep it for display). The unary
  // "+" keeps SQLite from seeking flags by article or rowid (a row read per match) and lets it test
  // membership while scanning a covering index instead.
  if (query.outlet?.length)
    conds.push(
      sql`+${flags.articleId} in (select pa.id from articles pa join outlets po on po.id = pa.outlet_id where po.name in (${sql.join(
        query.outlet.map((o) => sql`${o}`),
        sql`, `,
      )}))`,
    );
  if (query.stale === false) conds.push(eq(flags.stale, false));
  const hits = query.q ? searchHits(db, query.q) : null;
  if (hits) {
    const like = "%" + query.q!.trim().replace(/[\\%_]/g, (c) => "\\" + c) + "%";
    // One membership set (FTS hits, plus the flags of outlets whose name matches) rather than an OR of
    // two tests: with the OR, SQLite gives up the covering index and reads every row (100k flags:
    // ~105 ms per count against ~19 ms this way).
    conds.push(
      sql`+${flags.id} in (${hits} union select sf.id from flags sf where sf.article_id in (select pa.id from articles pa join outlets po on po.id = pa.outlet_id where ${db.engine === "pg" ? sql`po.name ilike ${like}` : sql`po.name like ${like}`} escape '\\'))`,
    );
  }
  return conds.length ? and(...conds) : undefined;
}

const sortColumns = ({ flags, outlets }: Tables): Record<FlagSortKey, SQL> => ({
  severity: sql`${flags.severityRank}`,
  kind: sql`${flags.kind}`,
  text: sql`${flags.text}`,
  outlet: sql`${outlets.name}`,
  story: sql`${flags.storyId}`,
  counterparts: sql`${flags.counterparts}`,
  confidence: sql`${flags.confidence}`,
  status: sql`${flags.status}`,
  updatedAt: sql`${flags.updatedAt}`,
});

/**
 * The sort keys of a query, in order: the requested keys, then severity,
 * confidence and id, so the order is total (paging is stable, and a flag's
 * neighbours are well defined). Every key is NOT NULL.
 */
export function flagSortKeys(db: Db, query: FlagQuery): { id: FlagSortKey | "id"; expr: SQL; desc: boolean }[] {
  const { flags } = db.t;
  const columns = sortColumns(db.t);
  const keys: { id: FlagSortKey | "id"; expr: SQL; desc: boolean }[] = [];
  for (const s of query.sort ?? []) {
    const col = columns[s.id];
    if (!col) throw new Error(`Unknown flag sort key "${String(s.id)}"`);
    keys.push({ id: s.id, expr: sql`${col}`, desc: s.desc });
  }
  if (!query.sort?.some((s) => s.id === "severity")) keys.push({ id: "severity", expr: sql`${flags.severityRank}`, desc: true });
  if (!query.sort?.some((s) => s.id === "confidence")) keys.push({ id: "confidence", expr: sql`${flags.confidence}`, desc: true });
  keys.push({ id: "id", expr: sql`${flags.id}`, desc: false });
  return keys;
}

/** ORDER BY for a query: the requested keys, then severity, confidence and id so paging is stable. */
export function flagOrder(db: Db, query: FlagQuery): SQL[] {
  return flagSortKeys(db, query).map((k) => (k.desc ? desc(k.expr) : asc(k.expr)));
}

/** The join every flag listing uses. */
export function flagJoin({ flags, articles, outlets, stories }: Tables) {
  return {
    articles,
    outlets,
    stories,
    on: {
      article: eq(flags.articleId, articles.id),
      outlet: eq(articles.outletId, outlets.id),
      story: eq(flags.storyId, stories.id),
    },
  };
}
