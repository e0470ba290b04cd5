/**
 * Storing ingested articles. Each article is written in its own transaction:
 * outlet upsert, new revision row, previous revision retired, story marked
 * dirty; a failure anywhere leaves nothing of that article behind. Bodies are
 * never updated in place, so offsets stored against an article id stay valid.
 */
import { canonicalKey, hashArticle, hostOf, OUTLET_ORIGINS, type OutletOrigin, type ParsedArticle } from "@/lib/ingest";
import { checkOutletName } from "@/lib/ingest/outlet-name";
import type { Db } from "./client";
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
type Statement<P extends unknown[] | {}, R = unknown> = import("better-sqlite3").Statement<P, R>;

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

interface StoreStatements {
  latestOfSource: Statement<[string], { lineage: string; contentHash: string }>;
  lineageOfCanonical: Statement<[string], { lineage: string; outletId: number }>;
  current: Statement<[string], CurrentRow>;
  sameContent: Statement<[string, string], { id: number; revision: number }>;
  lastRevision: Statement<[string], { revision: number | null }>;
  outlet: Statement<[string, string], OutletRow>;
  insertOutlet: Statement<[string, string | null, string]>;
  setOutletHost: Statement<[string, number]>;
  setOutletOrigin: Statement<[string, number]>;
  retire: Statement<[number]>;
  insertArticle: Statement<[Record<string, string | number | null>]>;
  dirtyStory: Statement<[number]>;
}

const prepared = new WeakMap<Sqlite, StoreStatements>();

/**
 * The statements of the store, prepared once per connection: storeArticle is
 * also the hot loop of the benchmark, and building queries on every call cost
 * more than running them.
 */
function statementsFor(sqlite: Sqlite): StoreStatements {
  let st = prepared.get(sqlite);
  if (!st) {
    st = {
      latestOfSource: sqlite.prepare("SELECT lineage, content_hash AS contentHash FROM articles WHERE source = ? ORDER BY revision DESC LIMIT 1"),
      lineageOfCanonical: sqlite.prepare("SELECT lineage, outlet_id AS outletId FROM articles WHERE canonical_key = ? AND current = 1 ORDER BY id LIMIT 1"),
      current: sqlite.prepare(
        "SELECT id, revision, content_hash AS contentHash, story_id AS storyId, story_label AS storyLabel FROM articles WHERE lineage = ? AND current = 1 ORDER BY revision DESC LIMIT 1",
      ),
      sameContent: sqlite.prepare("SELECT id, revision FROM articles WHERE content_hash = ? AND current = 1 AND source <> ? ORDER BY id LIMIT 1"),
      lastRevision: sqlite.prepare("SELECT MAX(revision) AS revision FROM articles WHERE lineage = ?"),
      // An outlet by its name, else by a name it had before a rename or merge.
      outlet: sqlite.prepare(
        `SELECT id, name, host, name_origin AS origin FROM outlets WHERE name = ?
         UNION ALL SELECT o.id, o.name, o.host, o.name_origin FROM outlet_aliases a JOIN outlets o ON o.id = a.outlet_id WHERE a.name = ? LIMIT 1`,
      ),
      insertOutlet: sqlite.prepare("INSERT INTO outlets (name, host, name_origin) VALUES (?, ?, ?)"),
      setOutletHost: sqlite.prepare("UPDATE outlets SET host = ? WHERE id = ?"),
      setOutletOrigin: sqlite.prepare("UPDATE outlets SET name_origin = ? WHERE id = ?"),
      retire: sqlite.prepare("UPDATE articles SET current = 0 WHERE id = ?"),
      insertArticle: sqlite.prepare(
        `INSERT INTO articles (outlet_id, story_id, source, canonical_url, title, byline, published_at, language, body, content_hash, ingested_at, revision, current, story_label, lineage, canonical_key)
         VALUES (@outletId, @storyId, @source, @canonicalUrl, @title, @byline, @publishedAt, @language, @body, @contentHash, @ingestedAt, @revision, 1, @storyLabel, @lineage, @canonicalKey)`,
      ),
      dirtyStory: sqlite.prepare("UPDATE stories SET dirty = 1 WHERE id = ?"),
    };
    prepared.set(sqlite, st);
  }
  return st;
}

const originRank = (o: OutletOrigin) => OUTLET_ORIGINS.indexOf(o);

/**
 * The outlet named `name` (or once named so, before a rename), created (with its host)
 * when new. A name met again from a more trusted origin records that origin; an
 * editor's name is never demoted.
 */
function upsertOutlet(st: StoreStatements, name: string, host: string | null, origin: OutletOrigin): OutletRow {
  const found = st.outlet.get(name, name);
  if (found) {
    if (!found.host && host) st.setOutletHost.run(host, found.id);
    if (found.origin !== "editor" && originRank(origin) < originRank(found.origin)) {
      st.setOutletOrigin.run(origin, found.id);
      return { ...found, origin };
    }
    return found;
  }
  return { id: Number(st.insertOutlet.run(name, host, origin).lastInsertRowid), name, host, origin };
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
 * Stores one parsed article, synchronously and atomically. A `url` that is
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
export function storeArticle(db: Db, parsed: ParsedArticle, opts: StoreOptions = {}): StoreOutcome {
  if (!parsed.title.trim() && !parsed.body.trim()) throw new Error(`storeArticle: ${parsed.source} has neither title nor body`);
  const now = opts.now ?? (() => new Date());
  const hash = hashArticle(parsed.title, parsed.body);
  const st = statementsFor(db.$client);
  const canonicalUrl = webUrlOrNull(parsed.url);
  // "" marks a URL that names no single article (a front page): never matched, never recomputed.
  const key = canonicalUrl ? (canonicalKey(canonicalUrl) ?? "") : null;
  const write = db.$client.transaction((): StoreOutcome => {
    const ofSource = st.latestOfSource.get(parsed.source);
    const byUrl = !ofSource && key && canonicalMayJoin(parsed, canonicalUrl!) ? st.lineageOfCanonical.get(key) : undefined;
    // Only the same outlet's article: a partner's syndicated copy names the original's canonical URL, and is another outlet's version.
    const joined = byUrl && st.outlet.get(parsed.outlet, parsed.outlet)?.id === byUrl.outletId ? byUrl.lineage : undefined;
    const lineage = ofSource?.lineage ?? joined ?? parsed.source;
    const prev = st.current.get(lineage);
    if (prev && prev.contentHash === hash) return { status: "unchanged", articleId: prev.id, revision: prev.revision, ...(joined ? { sameAs: prev.id } : {}) };
    if (prev && ofSource && ofSource.contentHash === hash && ofSource.lineage === lineage) return { status: "unchanged", articleId: prev.id, revision: prev.revision };
    if (!prev) {
      const same = st.sameContent.get(hash, parsed.source);
      if (same) return { status: "unchanged", articleId: same.id, sameAs: same.id, revision: same.revision };
    }
    // Count from the highest revision ever stored: the current row need not be the newest if one was retired by hand.
    const revision = (st.lastRevision.get(lineage)?.revision ?? 0) + 1;
    const outlet = upsertOutlet(st, parsed.outlet, parsed.host, parsed.outletOrigin ?? "metadata");
    const outletId = outlet.id;
    if (prev) st.retire.run(prev.id);
    const articleId = Number(
      st.insertArticle.run({
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
      }).lastInsertRowid,
    );
    if (opts._failAfterArticleInsert) throw new Error("injected failure after article insert");
    if (prev?.storyId != null) st.dirtyStory.run(prev.storyId);
    return { status: prev ? "revised" : "added", articleId, revision, outlet: { name: outlet.name, origin: outlet.origin } };
  });
  // IMMEDIATE takes the write lock before the reads, so two ingest processes cannot both pick the same next revision.
  return write.immediate();
}

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
        const stored = storeArticle(db, parsed, { story: opts.story, now: opts.now });
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
