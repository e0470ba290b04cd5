/**
 * Storing ingested articles. Each article is written in its own transaction:
 * outlet upsert, new revision row, previous revision retired, story marked
 * dirty; a failure anywhere leaves nothing of that article behind. Bodies are
 * never updated in place, so offsets stored against an article id stay valid.
 */
import { hashArticle, type ParsedArticle } from "@/lib/ingest";
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
  type InputItem,
} from "./sources";
import type { ParseOutcome } from "@/lib/ingest";

export interface IngestOptions {
  /** Largest file or response read, in bytes (default 5 MB). */
  maxBytes?: number;
  /** Story label stored on every article of the run (`--story`). */
  story?: string;
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

interface StoreStatements {
  current: Statement<[string], CurrentRow>;
  sameContent: Statement<[string, string], { id: number; revision: number }>;
  lastRevision: Statement<[string], { revision: number | null }>;
  outlet: Statement<[string], { id: number; host: string | null }>;
  insertOutlet: Statement<[string, string | null]>;
  setOutletHost: Statement<[string, number]>;
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
      current: sqlite.prepare(
        "SELECT id, revision, content_hash AS contentHash, story_id AS storyId, story_label AS storyLabel FROM articles WHERE source = ? AND current = 1 ORDER BY revision DESC LIMIT 1",
      ),
      sameContent: sqlite.prepare("SELECT id, revision FROM articles WHERE content_hash = ? AND current = 1 AND source <> ? ORDER BY id LIMIT 1"),
      lastRevision: sqlite.prepare("SELECT MAX(revision) AS revision FROM articles WHERE source = ?"),
      outlet: sqlite.prepare("SELECT id, host FROM outlets WHERE name = ?"),
      insertOutlet: sqlite.prepare("INSERT INTO outlets (name, host) VALUES (?, ?)"),
      setOutletHost: sqlite.prepare("UPDATE outlets SET host = ? WHERE id = ?"),
      retire: sqlite.prepare("UPDATE articles SET current = 0 WHERE id = ?"),
      insertArticle: sqlite.prepare(
        `INSERT INTO articles (outlet_id, story_id, source, canonical_url, title, byline, published_at, language, body, content_hash, ingested_at, revision, current, story_label)
         VALUES (@outletId, @storyId, @source, @canonicalUrl, @title, @byline, @publishedAt, @language, @body, @contentHash, @ingestedAt, @revision, 1, @storyLabel)`,
      ),
      dirtyStory: sqlite.prepare("UPDATE stories SET dirty = 1 WHERE id = ?"),
    };
    prepared.set(sqlite, st);
  }
  return st;
}

/** Returns the id of the outlet named `name`, creating it (with its host) when new. */
function upsertOutlet(st: StoreStatements, name: string, host: string | null): number {
  const found = st.outlet.get(name);
  if (found) {
    if (!found.host && host) st.setOutletHost.run(host, found.id);
    return found.id;
  }
  return Number(st.insertOutlet.run(name, host).lastInsertRowid);
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
 * Stores one parsed article, synchronously and atomically. A `url` that is
 * not http(s) is stored as null (the article itself is kept).
 * - same source, same content hash as its current revision → `unchanged`;
 * - a new source whose content is already stored as another current article → `unchanged` (`sameAs`);
 * - same source, new content → a new revision (old one kept, no longer current; story kept and marked dirty);
 * - otherwise → `added` as revision 1 with no story.
 */
export function storeArticle(db: Db, parsed: ParsedArticle, opts: StoreOptions = {}): StoreOutcome {
  if (!parsed.title.trim() && !parsed.body.trim()) throw new Error(`storeArticle: ${parsed.source} has neither title nor body`);
  const now = opts.now ?? (() => new Date());
  const hash = hashArticle(parsed.title, parsed.body);
  const st = statementsFor(db.$client);
  const write = db.$client.transaction((): StoreOutcome => {
    const prev = st.current.get(parsed.source);
    if (prev && prev.contentHash === hash) return { status: "unchanged", articleId: prev.id, revision: prev.revision };
    if (!prev) {
      const same = st.sameContent.get(hash, parsed.source);
      if (same) return { status: "unchanged", articleId: same.id, sameAs: same.id, revision: same.revision };
    }
    // Count from the highest revision ever stored: the current row need not be the newest if one was retired by hand.
    const revision = (st.lastRevision.get(parsed.source)?.revision ?? 0) + 1;
    const outletId = upsertOutlet(st, parsed.outlet, parsed.host);
    if (prev) st.retire.run(prev.id);
    const articleId = Number(
      st.insertArticle.run({
        outletId,
        storyId: prev?.storyId ?? null,
        source: parsed.source,
        canonicalUrl: webUrlOrNull(parsed.url),
        title: parsed.title,
        byline: parsed.byline,
        publishedAt: parsed.publishedAt,
        language: parsed.language,
        body: parsed.body,
        contentHash: hash,
        ingestedAt: now().toISOString(),
        revision,
        storyLabel: opts.story ?? prev?.storyLabel ?? null,
      }).lastInsertRowid,
    );
    if (opts._failAfterArticleInsert) throw new Error("injected failure after article insert");
    if (prev?.storyId != null) st.dirtyStory.run(prev.storyId);
    return { status: prev ? "revised" : "added", articleId, revision };
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
export async function ingestInputs(db: Db, inputs: string[], opts: IngestOptions = {}): Promise<IngestRun> {
  const maxBytes = positive("maxBytes", opts.maxBytes, DEFAULT_MAX_BYTES);
  const timeoutMs = positive("timeoutMs", opts.timeoutMs, DEFAULT_TIMEOUT_MS);
  const feedTimeoutMs = positive("feedTimeoutMs", opts.feedTimeoutMs, timeoutMs);
  const addressPolicy = opts.addressPolicy ?? addressPolicyFor(opts.allowPrivateAddresses);
  const concurrency = Math.floor(positive("concurrency", opts.concurrency, DEFAULT_CONCURRENCY));
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
    for (const parsed of outcome.articles) {
      try {
        const stored = storeArticle(db, parsed, { story: opts.story, now: opts.now });
        results.push({
          input: item.input,
          source: parsed.source,
          status: stored.status,
          articleId: stored.articleId,
          error: null,
          ...(stored.sameAs != null ? { sameAs: stored.sameAs } : {}),
          outlet: parsed.outlet,
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
