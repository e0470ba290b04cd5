/**
 * JSON (an object or an array of objects) and JSON Lines records → articles,
 * accepting the field names common exporters use. A bad record is its own
 * problem; the good records around it still come through.
 *
 * Bounded: a linear pre-scan counts the records and their kinds and measures
 * the nesting before anything is built, so a file over MAX_RECORDS_PER_FILE,
 * one nested deeper than MAX_JSON_DEPTH, or one that holds no objects at all
 * (a 5 MB array of numbers) is refused in one line without materialising it;
 * at most MAX_PROBLEMS_PER_FILE problems are listed one by one.
 */
import { cleanControls, describeCleaning } from "./controls";
import { MAX_JSON_DEPTH, MAX_PROBLEMS_PER_FILE, MAX_RECORDS_PER_FILE, startBudget, type Budget, type ParseOptions } from "./limits";
import { buildArticle } from "./meta";
import { deriveTitle, normaliseNewlines, shortenTitle } from "./text";
import type { ArticleMeta, ParseOutcome, ParsedArticle, ParseProblem } from "./types";

type Rec = Record<string, unknown>;

function pick(rec: Rec, keys: string[]): unknown {
  for (const k of keys) if (rec[k] != null && rec[k] !== "") return rec[k];
  return null;
}

/** A string, or the `name` of an object (`{"publisher": {"name": "..."}}`), or the first of an array. */
function asName(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(asName).filter(Boolean).join(", ") || null;
  if (v && typeof v === "object") {
    const o = v as Rec;
    return typeof o.name === "string" ? o.name : typeof o.title === "string" ? o.title : null;
  }
  return null;
}

/** Body text: a string, or an array of paragraph strings joined by blank lines. */
function asBody(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (Array.isArray(v) && v.every((p) => typeof p === "string")) return (v as string[]).join("\n\n");
  return null;
}

function describe(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** A record turned into an article, with notes on the control characters removed from its fields. */
export type RecordResult = { article: ParsedArticle; notes: string[] } | { problem: string };

/** One record → an article (and notes), or a problem message (without the location prefix). */
export function recordToArticle(rec: unknown, source: string): RecordResult {
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) return { problem: `expected an object, got ${describe(rec)}` };
  const r = rec as Rec;
  const notes: string[] = [];
  const cleaned = (field: string, v: string | null): string | null => {
    if (v == null) return null;
    const c = cleanControls(v);
    const note = describeCleaning(field, c);
    if (note) notes.push(note);
    return c.text;
  };
  const rawBody = cleaned("the body", asBody(pick(r, ["body", "text", "content", "article", "articleBody"])));
  if (rawBody == null) return { problem: "no body text (expected a body, text, content or article field)" };
  const body = normaliseNewlines(rawBody);
  if (body.trim() === "") return { problem: "empty body text" };
  const meta: ArticleMeta = {
    title: cleaned("the title", asName(pick(r, ["title", "headline"]))),
    outlet: cleaned("the outlet", asName(pick(r, ["outlet", "source", "site", "publisher", "site_name", "siteName"]))),
    url: cleaned("the url", asName(pick(r, ["url", "link", "canonical_url", "canonicalUrl"]))),
    published: cleaned("the date", asName(pick(r, ["published", "date", "published_at", "publishedAt", "datePublished", "pubDate"]))),
    byline: cleaned("the byline", asName(pick(r, ["byline", "author", "authors"]))),
    language: cleaned("the language", asName(pick(r, ["language", "lang"]))),
  };
  const title = meta.title ? shortenTitle(normaliseNewlines(meta.title)) : deriveTitle(body);
  return { article: buildArticle(source, title, body, meta), notes };
}

/** What the pre-scan saw of a JSON document. */
interface JsonShape {
  /** The top level is an array. */
  array: boolean;
  /** Values at the top of the array (1 for a single value). */
  records: number;
  /** Of which objects. */
  objects: number;
  /** What the first value that is not an object is ("a number"), or null. */
  firstOther: string | null;
  /** Nesting went past MAX_JSON_DEPTH. */
  tooDeep: boolean;
}

/** What a JSON value starting with character code `c` is. */
function kindOfStart(c: number): string {
  if (c === 0x7b) return "an object";
  if (c === 0x5b) return "an array";
  if (c === 0x22) return "a string";
  if (c === 0x74 || c === 0x66) return "a boolean";
  if (c === 0x6e) return "null";
  return "a number";
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * One linear pass over a JSON text: counts the top-level records and their
 * kinds and measures nesting, without validating or building anything (JSON.parse
 * does that afterwards, once the counts are within bounds).
 */
function scanJson(text: string): JsonShape {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const shape: JsonShape = { array: text.charCodeAt(i) === 0x5b, records: 0, objects: 0, firstOther: null, tooDeep: false };
  const count = (c: number) => {
    shape.records++;
    if (c === 0x7b) shape.objects++;
    else shape.firstOther ??= kindOfStart(c);
  };
  if (!shape.array) {
    if (i < text.length) count(text.charCodeAt(i));
  }
  let depth = 0;
  let expectValue = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (depth === 1 && shape.array && expectValue && c !== 0x5d) {
      count(c);
      expectValue = false;
    }
    if (c === 0x22) {
      // Skip the string, escapes included.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        shape.tooDeep = true;
        return shape;
      }
      if (depth === 1 && shape.array) expectValue = true;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && depth === 1) expectValue = true;
  }
  return shape;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** The one line for a document the pre-scan refuses, or null when it may be parsed. */
function refusal(shape: JsonShape): string | null {
  if (shape.tooDeep) return `nested more than ${MAX_JSON_DEPTH} levels deep, not an article export`;
  const others = shape.records - shape.objects;
  if (shape.array && shape.objects === 0 && others > MAX_PROBLEMS_PER_FILE)
    return `holds ${fmt(others)} records that are not articles (expected objects, found ${shape.firstOther})`;
  if (shape.records > MAX_RECORDS_PER_FILE)
    return `holds ${fmt(shape.records)} records, over the limit of ${fmt(MAX_RECORDS_PER_FILE)} a file; split it into smaller files`;
  return null;
}

/** Collects results, listing at most MAX_PROBLEMS_PER_FILE problems and counting the rest in one line. */
class Collector {
  readonly out: ParseOutcome = { articles: [], problems: [], notes: [] };
  private hidden = 0;
  constructor(private readonly name: string) {}
  add(res: RecordResult, source: string, where: string) {
    if ("problem" in res) {
      if (this.out.problems.length < MAX_PROBLEMS_PER_FILE) this.out.problems.push({ source, message: `${where}: ${res.problem}` });
      else this.hidden++;
      return;
    }
    this.out.articles.push(res.article);
    for (const note of res.notes) this.note({ source, message: `${where}: ${note}; the record is kept` });
  }
  problem(p: ParseProblem) {
    if (this.out.problems.length < MAX_PROBLEMS_PER_FILE) this.out.problems.push(p);
    else this.hidden++;
  }
  private note(p: ParseProblem) {
    if (this.out.notes!.length < MAX_PROBLEMS_PER_FILE) this.out.notes!.push(p);
  }
  finish(): ParseOutcome {
    if (this.hidden > 0)
      this.out.problems.push({ source: this.name, message: `${this.name}: ${fmt(this.hidden)} more records refused (the first ${MAX_PROBLEMS_PER_FILE} are listed)` });
    if (this.out.notes!.length === 0) delete this.out.notes;
    return this.out;
  }
}

/** Parses a `.json` file: one object (source = `name`) or an array of objects (source = `name#N`, N from 1). */
export function parseJsonFile(text: string, name: string, options: ParseOptions = {}): ParseOutcome {
  const budget = startBudget(options);
  const refused = refusal(scanJson(text));
  if (refused) return { articles: [], problems: [{ source: name, message: `${name}: ${refused}` }] };
  budget.check("scanning the JSON");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { articles: [], problems: [{ source: name, message: `${name}: malformed JSON (${(err as Error).message})` }] };
  }
  budget.check("parsing the JSON");
  const col = new Collector(name);
  if (Array.isArray(data)) {
    if (data.length === 0) col.problem({ source: name, message: `${name}: empty JSON array, no articles` });
    data.forEach((rec, i) => {
      if (i % 500 === 0) budget.check(`reading record ${i + 1}`);
      const source = `${name}#${i + 1}`;
      col.add(recordToArticle(rec, source), source, `${name}[${i + 1}]`);
    });
    return col.finish();
  }
  col.add(recordToArticle(data, name), name, name);
  return col.finish();
}

/** Parses a `.jsonl` file: one object a line (source = `name#LINE`); blank lines are skipped. */
export function parseJsonLines(text: string, name: string, options: ParseOptions = {}): ParseOutcome {
  const budget: Budget = startBudget(options);
  const lines = text.split("\n");
  let records = 0;
  let objects = 0;
  let firstOther: string | null = null;
  for (const line of lines) {
    const t = line.trimStart();
    if (t === "") continue;
    records++;
    if (t.charCodeAt(0) === 0x7b) objects++;
    else firstOther ??= kindOfStart(t.charCodeAt(0));
  }
  const refused = refusal({ array: true, records, objects, firstOther, tooDeep: false });
  if (refused) return { articles: [], problems: [{ source: name, message: `${name}: ${refused}` }] };
  const col = new Collector(name);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    if (i % 500 === 0) budget.check(`reading line ${i + 1}`);
    const source = `${name}#${i + 1}`;
    const where = `${name}:${i + 1}`;
    if (scanJson(line).tooDeep) {
      col.problem({ source, message: `${where}: nested more than ${MAX_JSON_DEPTH} levels deep, not an article` });
      return;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      col.problem({ source, message: `${where}: malformed JSON (${(err as Error).message})` });
      return;
    }
    col.add(recordToArticle(rec, source), source, where);
  });
  return col.finish();
}
