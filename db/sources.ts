/**
 * The I/O half of ingest: expanding command-line inputs into files and URLs,
 * reading files (size checked before reading), and fetching URLs with a
 * timeout, a size cap, bounded redirects, a User-Agent and a guard that
 * refuses connections to the machine itself and private networks (every hop:
 * first request, each redirect, each feed item). Parsing is left to
 * lib/ingest; this module only turns inputs into ParseOutcomes.
 */
import dns from "node:dns";
import { constants as fsConstants, type Dirent, type Stats } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Agent, fetch as undiciFetch } from "undici";
import { classifyAddress, describeAddressKind, hostOfUrl, type ClassifiedAddress } from "@/lib/ingest/address";
import { PARSE_BUDGET_MS, type ParseOptions } from "@/lib/ingest/limits";
import {
  charsetFromContentType,
  decodeBytes,
  feedItemArticle,
  parseFeed,
  parseFileBytes,
  parseText,
  sniffKind,
  type ParseOutcome,
} from "@/lib/ingest";

/** Each input's parse gets the time budget lib/ingest defines, on this process's monotonic clock. */
function parseBudget(budgetMs = PARSE_BUDGET_MS): ParseOptions {
  return { now: () => performance.now(), budgetMs };
}

export const USER_AGENT = "ParallaxIngest/0.1 (+source-divergence desk; contact: newsroom)";
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** The largest input file or download: PARALLAX_MAX_BYTES when it is a positive whole number, else DEFAULT_MAX_BYTES. Throws on any other value. */
export function maxBytesFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.PARALLAX_MAX_BYTES;
  if (raw === undefined || raw.trim() === "") return DEFAULT_MAX_BYTES;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) <= 0) throw new Error(`PARALLAX_MAX_BYTES must be a positive whole number of bytes, got ${JSON.stringify(raw)}`);
  return Number(raw);
}
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONCURRENCY = 4;
export const MAX_REDIRECTS = 5;

/** One unit of work after expansion: a file, a URL, or an input that already failed. */
export type InputItem =
  | { kind: "file"; input: string; source: string; path: string }
  | { kind: "url"; input: string; source: string }
  | { kind: "error"; input: string; source: string; message: string };

/**
 * What ingest is given: a path or URL as typed, or a file saved under another
 * name than the one it is known by (a file uploaded on /ingest: stored in a
 * temporary folder, its source is the name it was uploaded under).
 */
export type IngestInput = string | { path: string; name: string };

/** Names of repository documents skipped when walking a folder (never when a file is named explicitly). */
const FOLDER_DOC_NAMES = /^(readme|license|licence|changelog|contributing|code_of_conduct)(\.[\w.]+)?$/i;

/** "6.0 MB" style sizes for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

function overLimit(input: string, size: number, maxBytes: number): string {
  return `${input}: file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (--max-bytes)`;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function fsProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  if (code === "ELOOP") return "symbolic link loop";
  return (err as Error).message;
}

/** What a file system entry is, when it is neither a regular file nor a folder. */
function specialKind(st: Stats | Dirent): string | null {
  if (st.isFIFO()) return "FIFO";
  if (st.isSocket()) return "socket";
  if (st.isCharacterDevice()) return "character device";
  if (st.isBlockDevice()) return "block device";
  return null;
}

/** "not a regular file (FIFO)" for special files; a FIFO is never opened, since opening one for reading blocks. */
function notRegular(st: Stats | Dirent): string {
  const kind = specialKind(st);
  return kind ? `not a regular file (${kind})` : "not a regular file";
}

/** The problem of a path that cannot be stat'ed: a dangling link is named as one. */
async function statProblem(file: string, err: unknown): Promise<string> {
  if ((err as NodeJS.ErrnoException).code === "ENOENT") {
    try {
      if ((await fs.lstat(file)).isSymbolicLink()) return "dangling symbolic link";
    } catch {
      // The path itself is missing: the plain message says so.
    }
  }
  return fsProblem(err);
}

const isWithin = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/**
 * Recursively lists the files of a folder: sorted, dotfiles and dot-folders
 * skipped. Symbolic links to files are followed; links to folders are not (a
 * link to / would make the walk unbounded), and a link back into the folder
 * being walked is reported as a loop. Dangling links, link loops and special
 * files (FIFOs, sockets, devices) each become an error item; nothing is opened.
 */
async function walk(dir: string, shown: string, out: InputItem[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.push({ kind: "error", input: shown, source: shown, message: `${shown}: ${fsProblem(err)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const fail = (label: string, problem: string) => out.push({ kind: "error", input: label, source: label, message: `${label}: ${problem}` });
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = path.join(dir, e.name);
    const label = path.join(shown, e.name);
    if (e.isDirectory()) await walk(full, label, out);
    else if (FOLDER_DOC_NAMES.test(e.name)) continue;
    else if (e.isFile()) out.push({ kind: "file", input: label, source: label, path: full });
    else if (e.isSymbolicLink()) {
      let target: Stats;
      try {
        target = await fs.stat(full);
      } catch (err) {
        fail(label, await statProblem(full, err));
        continue;
      }
      if (target.isFile()) out.push({ kind: "file", input: label, source: label, path: full });
      else if (target.isDirectory()) {
        const [to, from] = await Promise.all([fs.realpath(full), fs.realpath(dir)]).catch(() => [null, null]);
        if (to !== null && from !== null && isWithin(from, to)) fail(label, "symbolic link loop");
        else fail(label, "symbolic link to a folder, not followed (name the folder itself to ingest it)");
      } else fail(label, notRegular(target));
    } else fail(label, notRegular(e));
  }
}

/**
 * Expands command-line inputs: URLs stay as they are, folders become their
 * files (the folder path as given joined with the relative path), missing
 * paths, dangling links, link loops and special files become error items.
 */
export async function expandInputs(inputs: readonly IngestInput[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for (const given of inputs) {
    if (typeof given !== "string") {
      // A named file: a regular file or nothing (it was written by the caller, never a folder or a link to walk).
      const st = await fs.lstat(given.path).catch((err: unknown) => err as NodeJS.ErrnoException);
      if (st instanceof Error) out.push({ kind: "error", input: given.name, source: given.name, message: `${given.name}: ${fsProblem(st)}` });
      else if (!st.isFile()) out.push({ kind: "error", input: given.name, source: given.name, message: `${given.name}: ${notRegular(st)}` });
      else out.push({ kind: "file", input: given.name, source: given.name, path: given.path });
      continue;
    }
    const input = given;
    if (isUrl(input)) {
      out.push({ kind: "url", input, source: input });
      continue;
    }
    let st: Stats;
    try {
      st = await fs.stat(input);
    } catch (err) {
      out.push({ kind: "error", input, source: input, message: `${input}: ${await statProblem(input, err)}` });
      continue;
    }
    if (st.isDirectory()) {
      const before = out.length;
      await walk(input, input, out);
      if (out.length === before) out.push({ kind: "error", input, source: input, message: `${input}: folder holds no files to ingest` });
    } else if (!st.isFile()) out.push({ kind: "error", input, source: input, message: `${input}: ${notRegular(st)}` });
    else out.push({ kind: "file", input, source: input, path: input });
  }
  return out;
}

/**
 * Opening without blocking: a path swapped for a FIFO after it was listed
 * opens at once instead of waiting for a writer, and is then refused by fstat.
 */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);
const READ_CHUNK = 256 * 1024;

/**
 * Reads and parses one file; refuses it by its type and size before reading any of it.
 * Parsing gets `budgetMs` (default PARSE_BUDGET_MS) before the file fails with a clear line.
 */
export async function loadFile(item: { source: string; path: string }, maxBytes: number, budgetMs = PARSE_BUDGET_MS): Promise<ParseOutcome> {
  const fail = (message: string): ParseOutcome => ({ articles: [], problems: [{ source: item.source, message }] });
  let bytes: Buffer;
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(item.path, OPEN_FLAGS);
    const st = await handle.stat();
    if (!st.isFile()) return fail(`${item.source}: ${notRegular(st)}`);
    if (st.size > maxBytes) return fail(overLimit(item.source, st.size, maxBytes));
    // Read to the end rather than to the stat'ed size: the file may have grown, and the limit must still hold.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(READ_CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) break;
    }
    bytes = Buffer.concat(chunks);
  } catch (err) {
    return fail(`${item.source}: ${await statProblem(item.path, err)}`);
  } finally {
    await handle?.close();
  }
  if (bytes.length > maxBytes) return fail(`${item.source}: file grew past the ${formatBytes(maxBytes)} limit while it was read (--max-bytes)`);
  return parseFileBytes(bytes, item.source, parseBudget(budgetMs));
}

/** The environment variable that lets ingest (and the dashboard) fetch from loopback and private addresses. */
export const ALLOW_PRIVATE_ADDRESSES_ENV = "PARALLAX_ALLOW_PRIVATE_ADDRESSES";

const ALLOW_HINT = `set ${ALLOW_PRIVATE_ADDRESSES_ENV}=1 to allow private addresses`;

/**
 * What the setting allows besides public addresses: nothing (unset, 0), the
 * machine's own loopback addresses only (`loopback`: a dashboard that ingests
 * from a service on its own host, or a test server, while the private network
 * stays out of reach), or every private, loopback and link-local address (1).
 */
export type PrivateAddressSetting = "none" | "loopback" | "all";

/** Reads PARALLAX_ALLOW_PRIVATE_ADDRESSES; throws on a value that is none of its settings. */
export function privateAddressSetting(env: Readonly<Record<string, string | undefined>> = process.env): PrivateAddressSetting {
  const raw = env[ALLOW_PRIVATE_ADDRESSES_ENV];
  const v = (raw ?? "").trim().toLowerCase();
  if (v === "" || v === "0" || v === "false" || v === "no") return "none";
  if (v === "1" || v === "true" || v === "yes") return "all";
  if (v === "loopback") return "loopback";
  throw new Error(`${ALLOW_PRIVATE_ADDRESSES_ENV} must be 1 (allow private addresses), loopback (this machine only) or 0, got ${JSON.stringify(raw)}`);
}

/**
 * Whether fetching from loopback, private, link-local and other non-public
 * addresses is allowed: PARALLAX_ALLOW_PRIVATE_ADDRESSES=1 (or true/yes).
 * Off by default, so a hostile link cannot make Parallax read the machine it
 * runs on or its private network. Throws on a value that is not a setting.
 */
export function privateAddressesAllowed(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return privateAddressSetting(env) === "all";
}

/** Decides whether a connection may go to an address (every resolved address of every hop is asked). */
export type AddressPolicy = (address: ClassifiedAddress) => boolean;

/** Only public internet addresses: the default. */
export const publicAddressesOnly: AddressPolicy = (a) => a.kind === "public";
/** Public addresses and this machine's loopback addresses. */
export const publicOrLoopback: AddressPolicy = (a) => a.kind === "public" || a.kind === "loopback";
/** Any address: private addresses allowed by the setting. */
export const anyAddress: AddressPolicy = () => true;

/**
 * The policy for `allowPrivate` (an explicit choice, e.g. --allow-private-addresses),
 * or, when it is undefined, for the environment's setting.
 */
export function addressPolicyFor(allowPrivate?: boolean, env: Readonly<Record<string, string | undefined>> = process.env): AddressPolicy {
  if (allowPrivate !== undefined) return allowPrivate ? anyAddress : publicAddressesOnly;
  const setting = privateAddressSetting(env);
  return setting === "all" ? anyAddress : setting === "loopback" ? publicOrLoopback : publicAddressesOnly;
}

/** "127.0.0.1 is a loopback address (set … to allow private addresses)"; null when the policy allows it. */
function refusalOf(address: string, policy: AddressPolicy, resolvedFrom?: string): string | null {
  const c = classifyAddress(address);
  if (!c) return `${address} is not an IP address, this is a bug`;
  if (policy(c)) return null;
  const what = c.kind === "public" ? "an address this run does not allow" : describeAddressKind(c.kind);
  const subject = resolvedFrom ? `${resolvedFrom} resolves to ${c.address}, ${what}` : `${c.address} is ${what}`;
  return `${subject} (${ALLOW_HINT})`;
}

/** A connection refused by the address policy; carried through undici as the cause of "fetch failed". */
class AddressRefusedError extends Error {
  readonly code = "EADDRREFUSED";
}

/**
 * A resolver that refuses a host name when ANY of its addresses is refused,
 * run by the socket at connection time: the address checked is the address
 * connected to, so a name that resolves differently on a second lookup (DNS
 * rebinding) gains nothing.
 */
function guardedLookup(policy: AddressPolicy): NonNullable<import("node:net").TcpNetConnectOpts["lookup"]> {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname}: no addresses`), { code: "ENOTFOUND" }), "", 0);
      for (const a of addresses) {
        const refused = refusalOf(a.address, policy, hostname);
        if (refused) return callback(new AddressRefusedError(refused), "", 0);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

const agents = new WeakMap<AddressPolicy, Agent>();

/** One connection pool per policy, its sockets resolving through the guarded lookup. */
function agentFor(policy: AddressPolicy): Agent {
  let agent = agents.get(policy);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(policy) } });
    agents.set(policy, agent);
  }
  return agent;
}

/** A time limit shared by several requests (a feed document and its item pages). */
export interface Deadline {
  signal: AbortSignal;
  /** The problem reported by a request the deadline stopped. */
  problem: string;
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Which addresses may be connected to (default: from the setting, see privateAddressesAllowed). */
  addressPolicy?: AddressPolicy;
  /** Stops the request when it fires, besides the request's own `timeoutMs`. */
  deadline?: Deadline;
}

export type Fetched =
  | { ok: true; url: string; contentType: string | null; bytes: Uint8Array }
  | { ok: false; problem: string; /** Set when the address policy refused a hop. */ refused?: true };

function networkProblem(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `timed out after ${timeoutMs} ms`;
  const code = e.cause?.code;
  if (e.cause instanceof AddressRefusedError) return `refused: ${e.cause.message}`;
  if (code === "ECONNREFUSED") return "unreachable (connection refused)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "unreachable (host not found)";
  if (code === "ECONNRESET") return "unreachable (connection reset)";
  if (code) return `unreachable (${code})`;
  return `unreachable (${e.cause?.message ?? e.message})`;
}

/** Why a URL may not be requested before any connection: its scheme, or an IP literal the policy refuses. */
function hopRefusal(url: string, policy: AddressPolicy): { problem: string; address: boolean } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { problem: "not a valid URL", address: false };
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return { problem: `${u.protocol} addresses are not fetched (only http and https)`, address: false };
  // A literal address is connected to without a lookup, so it is judged here; names are judged at connection time.
  const host = hostOfUrl(u);
  if (classifyAddress(host) === null) return null;
  const refused = refusalOf(host, policy);
  return refused ? { problem: `refused: ${refused}`, address: true } : null;
}

/**
 * Fetches a URL: follows up to 5 redirects itself (so the count is ours, and
 * every hop's scheme and address are checked), aborts after `timeoutMs` in
 * total or when `deadline` fires, and stops reading past `maxBytes`.
 */
export async function fetchUrl(url: string, opts: FetchOptions): Promise<Fetched> {
  const policy = opts.addressPolicy ?? addressPolicyFor();
  const own = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.deadline ? AbortSignal.any([own, opts.deadline.signal]) : own;
  let current = url;
  let hop = 0;
  const atHop = (problem: string) => (hop === 0 ? problem : `redirected to ${current}, ${problem}`);
  try {
    for (; ; hop++) {
      const refused = hopRefusal(current, policy);
      if (refused) return { ok: false, problem: atHop(refused.problem), ...(refused.address ? { refused: true as const } : {}) };
      const res = await undiciFetch(current, {
        redirect: "manual",
        signal,
        dispatcher: agentFor(policy),
        headers: {
          "user-agent": USER_AGENT,
          accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8",
        },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
        await res.body?.cancel();
        if (hop >= MAX_REDIRECTS) return { ok: false, problem: `too many redirects (more than ${MAX_REDIRECTS})` };
        try {
          current = new URL(res.headers.get("location")!, current).href;
        } catch {
          return { ok: false, problem: `redirected to an invalid address ${JSON.stringify(res.headers.get("location"))}` };
        }
        if (!isUrl(current)) return { ok: false, problem: `redirected to a non-http address ${current}` };
        continue;
      }
      if (res.status >= 400) {
        await res.body?.cancel();
        return { ok: false, problem: `HTTP ${res.status}${res.statusText ? " " + res.statusText : ""}` };
      }
      const declared = Number(res.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        await res.body?.cancel();
        return { ok: false, problem: `response is ${formatBytes(declared)}, over the ${formatBytes(opts.maxBytes)} limit (--max-bytes)` };
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.length;
          if (total > opts.maxBytes) {
            await reader.cancel();
            return { ok: false, problem: `response is over the ${formatBytes(opts.maxBytes)} limit (--max-bytes)` };
          }
          chunks.push(value);
        }
      }
      return { ok: true, url: current, contentType: res.headers.get("content-type"), bytes: Buffer.concat(chunks) };
    }
  } catch (err) {
    if (opts.deadline?.signal.aborted && !own.aborted) return { ok: false, problem: opts.deadline.problem };
    const refused = (err as { cause?: unknown }).cause instanceof AddressRefusedError;
    return { ok: false, problem: atHop(networkProblem(err, opts.timeoutMs)), ...(refused ? { refused: true as const } : {}) };
  }
}

/** A counting semaphore: at most `n` tasks hold it at once. */
export function createLimiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    active--;
    const next = queue.shift();
    if (next) next();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/**
 * Fetches and parses one page (HTML, text, JSON) or feed; `fetchLimit` bounds
 * the concurrent requests of a run. A feed and all its item pages share one
 * deadline of `feedTimeoutMs` (default `timeoutMs`), counted from the feed's
 * first request: item pages not fetched by then fail (or fall back to the
 * item's inline copy), so a feed of hanging links cannot take N × timeout.
 */
export async function loadUrl(
  url: string,
  opts: FetchOptions & { fetchLimit: <T>(task: () => Promise<T>) => Promise<T>; feedTimeoutMs?: number },
): Promise<ParseOutcome> {
  const fail = (message: string): ParseOutcome => ({ articles: [], problems: [{ source: url, message }] });
  const feedMs = opts.feedTimeoutMs ?? opts.timeoutMs;
  const policy = opts.addressPolicy ?? addressPolicyFor();
  let signal!: AbortSignal;
  const got = await opts.fetchLimit(() => {
    signal = AbortSignal.timeout(feedMs);
    return fetchUrl(url, { ...opts, addressPolicy: policy, deadline: { signal, problem: `timed out after ${feedMs} ms` } });
  });
  if (!got.ok) return fail(`${url}: ${got.problem}`);
  if (got.bytes.length === 0) return fail(`${url}: empty response`);
  const decoded = decodeBytes(got.bytes, charsetFromContentType(got.contentType));
  if (!decoded.ok) return fail(`${url}: ${decoded.problem}`);
  const kind = sniffKind(got.contentType, decoded.text);
  if (kind !== "feed") return parseText(decoded.text, url, kind, got.url, parseBudget());

  const feed = parseFeed(decoded.text, got.url);
  if (!feed) return fail(`${url}: not a readable RSS or Atom feed`);
  if (feed.items.length === 0) return fail(`${url}: feed has no items`);
  const deadline: Deadline = { signal, problem: `not fetched within the feed's time limit of ${feedMs} ms (--feed-timeout)` };
  const outcomes = await Promise.all(
    feed.items.map(async (item, i): Promise<ParseOutcome> => {
      const source = item.link ?? `${url}#${i + 1}`;
      let pageProblem = item.linkProblem ?? "item has no link";
      if (item.link) {
        const link = item.link;
        const page: Fetched = signal.aborted
          ? { ok: false, problem: deadline.problem }
          : await opts.fetchLimit(() => fetchUrl(link, { ...opts, addressPolicy: policy, deadline }));
        if (page.ok) {
          const text = decodeBytes(page.bytes, charsetFromContentType(page.contentType));
          if (text.ok) {
            const k = sniffKind(page.contentType, text.text);
            const parsed = k === "feed" ? null : parseText(text.text, link, k, page.url, parseBudget());
            if (parsed && parsed.articles.length > 0) return parsed;
            pageProblem = parsed?.problems[0]?.message.replace(`${link}: `, "") ?? "item page is a feed";
          } else pageProblem = text.problem;
        } else if (page.refused) {
          // A link to a refused address fails outright: the item stands for that address, inline copy or not.
          return { articles: [], problems: [{ source, message: `${source}: ${page.problem}` }] };
        } else pageProblem = page.problem;
      }
      const inline = feedItemArticle(item, source);
      if (inline) return { articles: [inline], problems: [] };
      return { articles: [], problems: [{ source, message: `${source}: ${pageProblem}, and the feed item has too little text of its own` }] };
    }),
  );
  return {
    articles: outcomes.flatMap((o) => o.articles),
    problems: outcomes.flatMap((o) => o.problems),
  };
}
