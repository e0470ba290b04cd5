/**
 * The I/O half of ingest: expanding command-line inputs into files and URLs,
 * reading files (size checked before reading), and fetching URLs with a
 * timeout, a size cap, bounded redirects and a User-Agent. Parsing is left to
 * lib/ingest; this module only turns inputs into ParseOutcomes.
 */
import fs from "node:fs/promises";
import path from "node:path";
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

export const USER_AGENT = "ParallaxIngest/0.1 (+source-divergence desk; contact: newsroom)";
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_CONCURRENCY = 4;
export const MAX_REDIRECTS = 5;

/** One unit of work after expansion: a file, a URL, or an input that already failed. */
export type InputItem =
  | { kind: "file"; input: string; source: string; path: string }
  | { kind: "url"; input: string; source: string }
  | { kind: "error"; input: string; source: string; message: string };

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
  return (err as Error).message;
}

/** Symlinks to files are followed; symlinks to folders are not, so a link loop cannot hang the walk. */
async function isFileTarget(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Recursively lists the files of a folder: sorted, dotfiles and dot-folders skipped. */
async function walk(dir: string, shown: string, out: InputItem[]): Promise<void> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.push({ kind: "error", input: shown, source: shown, message: `${shown}: ${fsProblem(err)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = path.join(dir, e.name);
    const label = path.join(shown, e.name);
    if (e.isDirectory()) await walk(full, label, out);
    else if (FOLDER_DOC_NAMES.test(e.name)) continue;
    else if (e.isFile() || (e.isSymbolicLink() && (await isFileTarget(full)))) out.push({ kind: "file", input: label, source: label, path: full });
  }
}

/**
 * Expands command-line inputs: URLs stay as they are, folders become their
 * files (the folder path as given joined with the relative path), missing
 * paths become error items.
 */
export async function expandInputs(inputs: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      out.push({ kind: "url", input, source: input });
      continue;
    }
    let st: import("node:fs").Stats;
    try {
      st = await fs.stat(input);
    } catch (err) {
      out.push({ kind: "error", input, source: input, message: `${input}: ${fsProblem(err)}` });
      continue;
    }
    if (st.isDirectory()) {
      const before = out.length;
      await walk(input, input, out);
      if (out.length === before) out.push({ kind: "error", input, source: input, message: `${input}: folder holds no files to ingest` });
    } else out.push({ kind: "file", input, source: input, path: input });
  }
  return out;
}

/** Reads and parses one file; refuses it by its size before reading any of it. */
export async function loadFile(item: { source: string; path: string }, maxBytes: number): Promise<ParseOutcome> {
  const fail = (message: string): ParseOutcome => ({ articles: [], problems: [{ source: item.source, message }] });
  let bytes: Buffer;
  try {
    const st = await fs.stat(item.path);
    if (!st.isFile()) return fail(`${item.source}: not a regular file`);
    if (st.size > maxBytes) return fail(overLimit(item.source, st.size, maxBytes));
    bytes = await fs.readFile(item.path);
  } catch (err) {
    return fail(`${item.source}: ${fsProblem(err)}`);
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) return fail(overLimit(item.source, bytes.length, maxBytes));
  return parseFileBytes(bytes, item.source);
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
}

export type Fetched =
  | { ok: true; url: string; contentType: string | null; bytes: Uint8Array }
  | { ok: false; problem: string };

function networkProblem(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `timed out after ${timeoutMs} ms`;
  const code = e.cause?.code;
  if (code === "ECONNREFUSED") return "unreachable (connection refused)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "unreachable (host not found)";
  if (code === "ECONNRESET") return "unreachable (connection reset)";
  if (code) return `unreachable (${code})`;
  return `unreachable (${e.cause?.message ?? e.message})`;
}

/**
 * Fetches a URL: follows up to 5 redirects itself (so the count is ours),
 * aborts after `timeoutMs` in total, and stops reading past `maxBytes`.
 */
export async function fetchUrl(url: string, opts: FetchOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(current, {
        redirect: "manual",
        signal,
        headers: {
          "user-agent": USER_AGENT,
          accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8",
        },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
        await res.body?.cancel();
        if (hop >= MAX_REDIRECTS) return { ok: false, problem: `too many redirects (more than ${MAX_REDIRECTS})` };
        current = new URL(res.headers.get("location")!, current).href;
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
    return { ok: false, problem: networkProblem(err, opts.timeoutMs) };
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

/** Fetches and parses one page (HTML, text, JSON) or feed; `fetchLimit` bounds the concurrent requests of a run. */
export async function loadUrl(
  url: string,
  opts: FetchOptions & { fetchLimit: <T>(task: () => Promise<T>) => Promise<T> },
): Promise<ParseOutcome> {
  const fail = (message: string): ParseOutcome => ({ articles: [], problems: [{ source: url, message }] });
  const got = await opts.fetchLimit(() => fetchUrl(url, opts));
  if (!got.ok) return fail(`${url}: ${got.problem}`);
  if (got.bytes.length === 0) return fail(`${url}: empty response`);
  const decoded = decodeBytes(got.bytes, charsetFromContentType(got.contentType));
  if (!decoded.ok) return fail(`${url}: ${decoded.problem}`);
  const kind = sniffKind(got.contentType, decoded.text);
  if (kind !== "feed") return parseText(decoded.text, url, kind, got.url);

  const feed = parseFeed(decoded.text, got.url);
  if (!feed) return fail(`${url}: not a readable RSS or Atom feed`);
  if (feed.items.length === 0) return fail(`${url}: feed has no items`);
  const outcomes = await Promise.all(
    feed.items.map(async (item, i): Promise<ParseOutcome> => {
      const source = item.link ?? `${url}#${i + 1}`;
      let pageProblem = "item has no link";
      if (item.link) {
        const page = await opts.fetchLimit(() => fetchUrl(item.link!, opts));
        if (page.ok) {
          const text = decodeBytes(page.bytes, charsetFromContentType(page.contentType));
          if (text.ok) {
            const k = sniffKind(page.contentType, text.text);
            const parsed = k === "feed" ? null : parseText(text.text, item.link, k, page.url);
            if (parsed && parsed.articles.length > 0) return parsed;
            pageProblem = parsed?.problems[0]?.message.replace(`${item.link}: `, "") ?? "item page is a feed";
          } else pageProblem = text.problem;
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
