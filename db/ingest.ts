/**
 * Storing ingested articles. Each article is written in its own transaction:
 * outlet upsert, new revision row, previous revision retired, story marked
 * dirty; a failure anywhere leaves nothing of that article behind. Bodies are
 * never updated in place, so offsets stored against an article id stay valid.
 */
import { canonicalKey, hashArticle, hostOf, OUTLET_ORIGINS, type OutletOrigin, type ParsedArticle } from "@/lib/ingest";
import { checkOutletName } from "@/lib/ingest/outlet-name";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { execute, inTransaction, queryRow } from "./store";
import { enqueueGroupingIn, enqueueStoryAnalysesIn, type PgTx } from "./queue/enqueue";
import {
  addressPolicyFor,
  createLimiter,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  expandInputs,
  loadFile,
  loadUrl,
  type AddressPolicy,
  type IngestInput,
  type InputItem,
} from "./sources";

export type { IngestInput } from "./sources";
import type { ParseOutcome } from "@/lib/ingest";

export interface IngestOptions {
  /** Largest file or response read, in bytes (default 5 MB). */
  maxBytes?: number;
  /** Story label stored on every article of the run (`--story`). */
  story?: string;
  /** Outlet name for every article of the run (`--outlet`), over whatever the inputs say. */
  outlet?: string;
  /** Per-request time limit in milliseconds, redirects and body included (default 10000). */
  timeoutMs?: number;
  /** Time limit for a feed document and all its item pages together (default: `timeoutMs`). */
  feedTimeoutMs?: number;
  /**
   * Fetch from loopback, private, link-local and other non-public addresses
   * (default: the PARALLAX_ALLOW_PRIVATE_ADDRESSES setting, off).
   */
  allowPrivateAddresses?: boolean;
  /** Test hook: decides address by address which connections are allowed; overrides `allowPrivateAddresses`. */
  addressPolicy?: AddressPolicy;
  /** Inputs loaded and URLs fetched at once (default 4). */
  concurrency?: number;
  /** Clock for `ingested_at` (default: the system clock). */
  now?: () => Date;
  /** Called for every result as it is stored; `done`/`total` count expanded inputs (files and URLs). */
  onResult?: (r: IngestResult, done: number, total: number) => void;
}

export interface IngestResult {
  /** The file or URL the result came from (a file inside a folder: folder path joined with its relative path). */
  input: string;
  /** Repairs made while reading the input (control characters removed, deep nesting unwrapped): not failures. */
  notes?: string[];
  /** Source of the article (`path`, `path#N`, item URL), or null when the input failed as a whole before one was known. */
  source: string | null;
  status: "added" | "revised" | "unchanged" | "failed";
  /** Stored (or already stored, for `unchanged`) article id. */
  articleId: number | null;
  /** For `revised`: the revision number stored. */
  revision?: number;
  /** Where the outlet name came from (see OUTLET_ORIGINS). */
  outletOrigin?: OutletOrigin;
  /** For `failed`: a self-contained message naming the input and the problem. */
  error: string | null;
  /** For `unchanged` by content: the id of the article with the same content under another source. */
  sameAs?: number;
  /** Outlet and title, for display. */
  outlet?: string;
  title?: string;
}

export interface IngestRun {
  results: IngestResult[];
  added: number;
  revised: number;
  unchanged: number;
  failed: number;
}

export interface StoreOptions {
  story?: string;
  now?: () => Date;
  /** Test hook: throw after the article row is inserted, inside the transaction. */
  _failAfterArticleInsert?: boolean;
}

export interface StoreOutcome {
  status: "added" | "revised" | "unchanged";
  articleId: number;
  /** The outlet the article was stored under (after aliases), when a row was written. */
  outlet?: { name: string; origin: OutletOrigin };
  /** Set when the content was already stored under another source. */
  sameAs?: number;
  revision: number;
}

type Sqlite = Db["$client"];

interface CurrentRow {
  id: number;
  revision: number;
  contentHash: string;
  storyId: number | null;
  storyLabel: string | null;
}

interface OutletRow {
  id: number;
  name: string;
  host: string | null;
  origin: OutletOrigin;
}

interface ArticleRow {
  outletId: number;
  storyId: number | null;
  source: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
  body: string;
  contentHash: string;
  ingestedAt: string;
  revision: number;
  storyLabel: string | null;
  lineage: string;
  canonicalKey: string | null;
}

/** The reads and writes of storeArticle, one implementation per store, run inside its transaction. */
interface StoreStatements {
  latestOfSource(source: string): Promise<{ lineage: string; contentHash: string } | undefined>;
  lineageOfCanonical(key: string): Promise<{ lineage: string; outletId: number } | undefined>;
  current(lineage: string): Promise<CurrentRow | undefined>;
  sameContent(hash: string, source: string): Promise<{ id: number; revision: number } | undefined>;
  lastRevision(lineage: string): Promise<number | null>;
  /** An outlet by its name, else by a name it had before a rename or merge. */
  outlet(name: string): Promise<OutletRow | undefined>;
  insertOutlet(name: string, host: string | null, origin: OutletOrigin): Promise<number>;
  setOutletHost(host: string, id: number): Promise<void>;
  setOutletOrigin(origin: OutletOrigin, id: number): Promise<void>;
  retire(id: number): Promise<void>;
  insertArticle(row: ArticleRow): Promise<number>;
  dirtyStory(id: number): Promise<void>;
}

const prepared = new WeakMap<Sqlite, StoreStatements>();

/**
 * SQLite: the statements prepared once per connection. storeArticle is the hot loop of
 * the benchmark, and building queries on every call cost more than running them.
 */
function sqliteStatements(sqlite: Sqlite): StoreStatements {
  let st = prepared.get(sqlite);
  if (st) return st;
  const latestOfSource = sqlite.prepare<[string], { lineage: string; contentHash: string }>("SELECT lineage, content_hash AS contentHash FROM articles WHERE source = ? ORDER BY revision DESC LIMIT 1");
  const lineageOfCanonical = sqlite.prepare<[string], { lineage: string; outletId: number }>("SELECT lineage, outlet_id AS outletId FROM articles WHERE canonical_key = ? AND current = 1 ORDER BY id LIMIT 1");
  const current = sqlite.prepare<[string], CurrentRow>(
    "SELECT id, revision, content_hash AS contentHash, story_id AS storyId, story_label AS storyLabel FROM articles WHERE lineage = ? AND current = 1 ORDER BY revision DESC LIMIT 1",
  );
  const sameContent = sqlite.prepare<[string, string], { id: number; revision: number }>("SELECT id, revision FROM articles WHERE content_hash = ? AND current = 1 AND source <> ? ORDER BY id LIMIT 1");
  const lastRevision = sqlite.prepare<[string], { revision: number | null }>("SELECT MAX(revision) AS revision FROM articles WHERE lineage = ?");
  const outlet = sqlite.prepare<[string, string], OutletRow>(
    `SELECT id, name, host, name_origin AS origin FROM outlets WHERE name = ?
     UNION ALL SELECT o.id, o.name, o.host, o.name_origin FROM outlet_aliases a JOIN outlets o ON o.id = a.outlet_id WHERE a.name = ? LIMIT 1`,
  );
  const insertOutlet = sqlite.prepare<[string, string | null, string]>("INSERT INTO outlets (name, host, name_origin) VALUES (?, ?, ?)");
  const setOutletHost = sqlite.prepare<[string, number]>("UPDATE outlets SET host = ? WHERE id = ?");
  const setOutletOrigin = sqlite.prepare<[string, number]>("UPDATE outlets SET name_origin = ? WHERE id = ?");
  const retire = sqlite.prepare<[number]>("UPDATE articles SET current = 0 WHERE id = ?");
  const insertArticle = sqlite.prepare<[ArticleRow]>(
    `INSERT INTO articles (outlet_id, story_id, source, canonical_url, title, byline, published_at, language, body, content_hash, ingested_at, revision, current, story_label, lineage, canonical_key)
     VALUES (@outletId, @storyId, @source, @canonicalUrl, @title, @byline, @publishedAt, @language, @body, @contentHash, @ingestedAt, @revision, 1, @storyLabel, @lineage, @canonicalKey)`,
  );
  const dirtyStory = sqlite.prepare<[number]>("UPDATE stories SET dirty = 1 WHERE id = ?");
  st = {
    latestOfSource: async (source) => latestOfSource.get(source),
    lineageOfCanonical: async (key) => lineageOfCanonical.get(key),
    current: async (lineage) => current.get(lineage),
    sameContent: async (hash, source) => sameContent.get(hash, source),
    lastRevision: async (lineage) => lastRevision.get(lineage)?.revision ?? null,
    outlet: async (name) => outlet.get(name, name),
    insertOutlet: async (name, host, origin) => Number(insertOutlet.run(name, host, origin).lastInsertRowid),
    setOutletHost: async (host, id) => void setOutletHost.run(host, id),
    setOutletOrigin: async (origin, id) => void setOutletOrigin.run(origin, id),
    retire: async (id) => void retire.run(id),
    insertArticle: async (row) => Number(insertArticle.run(row).lastInsertRowid),
    dirtyStory: async (id) => void dirtyStory.run(id),
  };
  prepared.set(sqlite, st);
  return st;
}

/** PostgreSQL: the same reads and writes as SQL on the transaction (aliases quoted: Postgres folds unquoted ones). */
function pgStatements(tx: Db): StoreStatements {
  const one = <T>(q: SQL) => queryRow<T>(tx, q);
  const id = async (q: SQL) => Number((await queryRow<{ id: number }>(tx, q))!.id);
  return {
    latestOfSource: (source) => one(sql`SELECT lineage, content_hash AS "contentHash" FROM articles WHERE source = ${source} ORDER BY revision DESC LIMIT 1`),
    lineageOfCanonical: (key) => one(sql`SELECT lineage, outlet_id AS "outletId" FROM articles WHERE canonical_key = ${key} AND current ORDER BY id LIMIT 1`),
    current: (lineage) =>
      one(sql`SELECT id, revision, content_hash AS "contentHash", story_id AS "storyId", story_label AS "storyLabel" FROM articles WHERE lineage = ${lineage} AND current ORDER BY revision DESC LIMIT 1`),
    sameContent: (hash, source) => one(sql`SELECT id, revision FROM articles WHERE content_hash = ${hash} AND current AND source <> ${source} ORDER BY id LIMIT 1`),
    lastRevision: async (lineage) => (await one<{ revision: number | null }>(sql`SELECT MAX(revision) AS revision FROM articles WHERE lineage = ${lineage}`))?.revision ?? null,
    outlet: (name) =>
      one(sql`(SELECT id, name, host, name_origin AS origin FROM outlets WHERE name = ${name})
              UNION ALL (SELECT o.id, o.name, o.host, o.name_origin FROM outlet_aliases a JOIN outlets o ON o.id = a.outlet_id WHERE a.name = ${name}) LIMIT 1`),
    insertOutlet: (name, host, origin) => id(sql`INSERT INTO outlets (name, host, name_origin) VALUES (${name}, ${host}, ${origin}) RETURNING id`),
    setOutletHost: async (host, oid) => void (await execute(tx, sql`UPDATE outlets SET host = ${host} WHERE id = ${oid}`)),
    setOutletOrigin: async (origin, oid) => void (await execute(tx, sql`UPDATE outlets SET name_origin = ${origin} WHERE id = ${oid}`)),
    retire: async (aid) => void (await execute(tx, sql`UPDATE articles SET current = false WHERE id = ${aid}`)),
    insertArticle: (r) =>
      id(sql`INSERT INTO articles (outlet_id, story_id, source, canonical_url, title, byline, published_at, language, body, content_hash, ingested_at, revision, current, story_label, lineage, canonical_key)
             VALUES (${r.outletId}, ${r.storyId}, ${r.source}, ${r.canonicalUrl}, ${r.title}, ${r.byline}, ${r.publishedAt}, ${r.language}, ${r.body}, ${r.contentHash}, ${r.ingestedAt}, ${r.revision}, true, ${r.storyLabel}, ${r.lineage}, ${r.canonicalKey})
             RETURNING id`),
    dirtyStory: async (sid) => void (await execute(tx, sql`UPDATE stories SET dirty = true WHERE id = ${sid}`)),
  };
}

function statementsFor(tx: Db): StoreStatements {
  return tx.engine === "pg" ? pgStatements(tx) : sqliteStatements(tx.$client);
}

const originRank = (o: OutletOrigin) => OUTLET_ORIGINS.indexOf(o);

/**
 * The outlet named `name` (or once named so, before a rename), created (with its host)
 * when new. A name met again from a more trusted origin records that origin; an
 * editor's name is never demoted.
 */
async function upsertOutlet(st: StoreStatements, name: string, host: string | null, origin: OutletOrigin): Promise<OutletRow> {
  const found = await st.outlet(name);
  if (found) {
    if (!found.host && host) await st.setOutletHost(host, found.id);
    if (found.origin !== "editor" && originRank(origin) < originRank(found.origin)) {
      await st.setOutletOrigin(origin, found.id);
      return { ...found, origin };
    }
    return found;
  }
  return { id: await st.insertOutlet(name, host, origin), name, host, origin };
}

/**
 * The URL when it is an absolute http(s) URL, else null: the last line of
 * defence against a `javascript:` or `data:` address reaching a stored link
 * that the dashboard renders, whatever parser produced it.
 */
function webUrlOrNull(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * Whether an article's canonical URL may make it a revision of another source's
 * article: always for a file (it names the page it is a copy of); for a fetched
 * page only when the canonical URL is on the host it was fetched from, since a
 * page pointing at another site's address is a copy of that site's article.
 */
function canonicalMayJoin(parsed: ParsedArticle, canonicalUrl: string): boolean {
  if (!/^https?:\/\//i.test(parsed.source)) return true;
  const host = hostOf(parsed.source);
  return host !== null && host === hostOf(canonicalUrl);
}

/**
 * Stores one parsed article atomically (one write transaction). A `url` that is
 * not http(s) is stored as null (the article itself is kept).
 *
 * An article is its lineage: the source it was first stored under, joined by
 * any later source of the same outlet whose canonical URL (in comparable form,
 * canonicalKey) is the URL of a current article (see canonicalMayJoin). So the
 * same page fetched again under another address, or saved as a file naming its
 * URL, is a revision of that article, not a second one.
 * - same article, same content hash as its current revision → `unchanged`;
 * - a source stored before whose last content is this content (the article has
 *   moved on under another source since) → `unchanged`;
 * - a new source whose content is already stored as another current article → `unchanged` (`sameAs`);
 * - same article, new content → a new revision (old one kept, no longer current;
 *   story kept and marked dirty; flags follow by fingerprint, triage included);
 * - otherwise → `added` as revision 1 with no story.
 */
export async function storeArticle(db: Db, parsed: ParsedArticle, opts: StoreOptions = {}): Promise<StoreOutcome> {
  if (!parsed.title.trim() && !parsed.body.trim()) throw new Error(`storeArticle: ${parsed.source} has neither title nor body`);
  const now = opts.now ?? (() => new Date());
  const hash = hashArticle(parsed.title, parsed.body);
  const canonicalUrl = webUrlOrNull(parsed.url);
  // "" marks a URL that names no single article (a front page): never matched, never recomputed.
  const key = canonicalUrl ? (canonicalKey(canonicalUrl) ?? "") : null;
  // The write lock (SQLite) or the ingest lock (Postgres) is taken before the reads, so two ingest processes cannot both pick the same next revision.
  return inTransaction(db, async (tx): Promise<StoreOutcome> => {
    const st = statementsFor(tx);
    const ofSource = await st.latestOfSource(parsed.source);
    const byUrl = !ofSource && key && canonicalMayJoin(parsed, canonicalUrl!) ? await st.lineageOfCanonical(key) : undefined;
    // Only the same outlet's article: a partner's syndicated copy names the original's canonical URL, and is another outlet's version.
    const joined = byUrl && (await st.outlet(parsed.outlet))?.id === byUrl.outletId ? byUrl.lineage : undefined;
    const lineage = ofSource?.lineage ?? joined ?? parsed.source;
    const prev = await st.current(lineage);
    if (prev && prev.contentHash === hash) return { status: "unchanged", articleId: prev.id, revision: prev.revision, ...(joined ? { sameAs: prev.id } : {}) };
    if (prev && ofSource && ofSource.contentHash === hash && ofSource.lineage === lineage) return { status: "unchanged", articleId: prev.id, revision: prev.revision };
    if (!prev) {
      const same = await st.sameContent(hash, parsed.source);
      if (same) return { status: "unchanged", articleId: same.id, sameAs: same.id, revision: same.revision };
    }
    // Count from the highest revision ever stored: the current row need not be the newest if one was retired by hand.
    const revision = ((await st.lastRevision(lineage)) ?? 0) + 1;
    const outlet = await upsertOutlet(st, parsed.outlet, parsed.host, parsed.outletOrigin ?? "metadata");
    const outletId = outlet.id;
    if (prev) await st.retire(prev.id);
    const articleId = await st.insertArticle({
        outletId,
        storyId: prev?.storyId ?? null,
        source: parsed.source,
        canonicalUrl,
        title: parsed.title,
        byline: parsed.byline,
        publishedAt: parsed.publishedAt,
        language: parsed.language,
        body: parsed.body,
        contentHash: hash,
        ingestedAt: now().toISOString(),
        revision,
        storyLabel: opts.story ?? prev?.storyLabel ?? null,
        lineage,
        canonicalKey: key,
      });
    if (opts._failAfterArticleInsert) throw new Error("injected failure after article insert");
    if (prev?.storyId != null) await st.dirtyStory(prev.storyId);
    // Postgres: the analysis this article needs is queued in the same transaction (db/queue):
    // grouping for a new article, and its story's analysis for a revision.
    if (tx.engine === "pg") {
      await enqueueGroupingIn(tx as unknown as PgTx);
      if (prev?.storyId != null) await enqueueStoryAnalysesIn(tx as unknown as PgTx, [prev.storyId]);
    }
    return { status: prev ? "revised" : "added", articleId, revision, outlet: { name: outlet.name, origin: outlet.origin } };
  }, INGEST_LOCK);
}

/** PostgreSQL: ingest writes go one at a time, as SQLite's write lock makes them (revision numbers, lineages, outlets). */
export const INGEST_LOCK = { serialize: "parallax-ingest" };

interface LoadOptions {
  maxBytes: number;
  timeoutMs: number;
  feedTimeoutMs: number;
  addressPolicy: AddressPolicy;
}

function loadItem(item: InputItem, opts: LoadOptions, fetchLimit: ReturnType<typeof createLimiter>): Promise<ParseOutcome> {
  if (item.kind === "error") return Promise.resolve({ articles: [], problems: [{ source: item.source, message: item.message }] });
  if (item.kind === "file") return loadFile(item, opts.maxBytes);
  return loadUrl(item.source, { ...opts, fetchLimit });
}

function positive(name: string, v: number | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`ingestInputs: ${name} must be a positive number, got ${v}`);
  return v;
}

/**
 * Ingests files, folders and URLs. Inputs are loaded `concurrency` at a time
 * but stored in input order, so article ids do not depend on network timing.
 * Every bad input or record becomes one `failed` result; the rest goes on.
 */
export async function ingestInputs(db: Db, inputs: readonly IngestInput[], opts: IngestOptions = {}): Promise<IngestRun> {
  const maxBytes = positive("maxBytes", opts.maxBytes, DEFAULT_MAX_BYTES);
  const timeoutMs = positive("timeoutMs", opts.timeoutMs, DEFAULT_TIMEOUT_MS);
  const feedTimeoutMs = positive("feedTimeoutMs", opts.feedTimeoutMs, timeoutMs);
  const addressPolicy = opts.addressPolicy ?? addressPolicyFor(opts.allowPrivateAddresses);
  const concurrency = Math.floor(positive("concurrency", opts.concurrency, DEFAULT_CONCURRENCY));
  let given: string | null = null;
  if (opts.outlet !== undefined) {
    const checked = checkOutletName(opts.outlet);
    if (!checked.ok) throw new Error(`ingestInputs: outlet: ${checked.problem}`);
    given = checked.name;
  }
  const items = await expandInputs(inputs);
  const run: IngestRun = { results: [], added: 0, revised: 0, unchanged: 0, failed: 0 };
  const fetchLimit = createLimiter(concurrency);

  // A slot is taken before loading and given back after storing: bounded memory, ordered stores.
  let free = concurrency;
  const waiting: (() => void)[] = [];
  const acquire = () => (free > 0 ? (free--, Promise.resolve()) : new Promise<void>((r) => waiting.push(r)));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  const loads = items.map(() => {
    let resolve!: (o: ParseOutcome) => void;
    const promise = new Promise<ParseOutcome>((r) => (resolve = r));
    return { promise, resolve };
  });
  const startAll = (async () => {
    for (let i = 0; i < items.length; i++) {
      await acquire();
      const item = items[i];
      loadItem(item, { maxBytes, timeoutMs, feedTimeoutMs, addressPolicy }, fetchLimit)
        .catch((err: Error): ParseOutcome => ({
          articles: [],
          problems: [{ source: item.source, message: `${item.input}: ${err.message}` }],
        }))
        .then(loads[i].resolve);
    }
  })();

  let done = 0;
  const emit = (r: IngestResult, last: boolean) => {
    run.results.push(r);
    run[r.status]++;
    if (last) done++;
    opts.onResult?.(r, done, items.length);
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const outcome = await loads[i].promise;
    const results: IngestResult[] = [];
    for (const found of outcome.articles) {
      const parsed: ParsedArticle = given ? { ...found, outlet: given, outletOrigin: "given" } : found;
      try {
        const stored = await storeArticle(db, parsed, { story: opts.story, now: opts.now });
        results.push({
          input: item.input,
          source: parsed.source,
          status: stored.status,
          articleId: stored.articleId,
          error: null,
          ...(stored.sameAs != null ? { sameAs: stored.sameAs } : {}),
          ...(stored.status === "revised" ? { revision: stored.revision } : {}),
          outlet: stored.outlet?.name ?? parsed.outlet,
          outletOrigin: stored.outlet?.origin ?? parsed.outletOrigin ?? "metadata",
          title: parsed.title,
        });
      } catch (err) {
        results.push({ input: item.input, source: parsed.source, status: "failed", articleId: null, error: `${parsed.source}: could not store (${(err as Error).message})` });
      }
    }
    for (const p of outcome.problems) {
      results.push({ input: item.input, source: p.source === item.source && item.kind === "error" ? null : p.source, status: "failed", articleId: null, error: p.message });
    }
    // Records of one JSON/JSONL file are reported in file order, good and bad lines interleaved.
    const position = (r: IngestResult) => Number(/#(\d+)$/.exec(r.source ?? "")?.[1] ?? NaN);
    if (results.length > 1 && results.every((r) => !Number.isNaN(position(r)))) results.sort((a, b) => position(a) - position(b));
    if (results.length === 0) results.push({ input: item.input, source: item.source, status: "failed", articleId: null, error: `${item.input}: no articles found` });
    // Repairs made to what was stored travel with the input's last result.
    if (outcome.notes?.length) results[results.length - 1].notes = outcome.notes.map((n) => n.message);
    results.forEach((r, k) => emit(r, k === results.length - 1));
    release();
  }
  await startAll;
  return run;
}
