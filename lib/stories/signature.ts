/**
 * A story signature: the few weighted terms that make an article (or a story)
 * recognisable — proper names, figures, title words, frequent content stems —
 * plus its date range. Signatures are small (capped) so matching a new article
 * costs the same however large the corpus grows.
 */
import { extractNames, extractNumbers, isContentWord, termKey, tokenize } from "@/lib/text";

export interface StorySignature {
  v: 1;
  /** term → weight (rounded to 3 decimals so the JSON is stable). */
  terms: Record<string, number>;
  /**
   * The proper-name and figure terms alone (same keys as in `terms`). Two
   * events of one kind share vocabulary but not names: grouping leans on these.
   */
  names: Record<string, number>;
  /** Earliest and latest publication day (YYYY-MM-DD) of the members, when known. */
  dateMin: string | null;
  dateMax: string | null;
  /**
   * A single article's publication instant (ISO 8601), when its source gave a
   * time of day; absent on merged stories (their members carry their own).
   */
  time?: string | null;
  /** Number of articles merged in. */
  size: number;
  /**
   * The most recent members' own term and name weights (capped). An article
   * joins a story by resembling one of its articles, not the blurred union of
   * all of them — a union of many events' words would attract everything.
   */
  members?: StoryMember[];
}

/** One member article as a story remembers it: its own weights and publication day. */
export interface StoryMember {
  terms: Record<string, number>;
  names: Record<string, number>;
  /** Publication day (YYYY-MM-DD); null when unknown or stored before days were kept. */
  date?: string | null;
  /** Publication instant (ISO 8601) when a time of day was given, else null. */
  time?: string | null;
}

/** Member signatures kept per story. */
export const STORY_MEMBERS = 12;

/** Terms kept per article and per story. */
export const ARTICLE_TERMS = 40;
export const STORY_TERMS = 80;
export const ARTICLE_NAMES = 20;
export const STORY_NAMES = 40;
/** Only the head of a long body is read: stories are recognisable from their first screens. */
const MAX_BODY = 8000;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function topTerms(weights: Map<string, number>, cap: number): Record<string, number> {
  const sorted = [...weights.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Record<string, number> = {};
  for (const [t, w] of sorted.slice(0, cap)) out[t] = round(w);
  return out;
}

function day(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? m[1] : null;
}

/** The timestamp itself when it has a time of day (`YYYY-MM-DDTHH:MM...`), else null. */
function instant(iso: string | null | undefined): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) && Number.isFinite(Date.parse(iso)) ? iso : null;
}

/** An empty signature (a story with no members yet). */
export function emptySignature(): StorySignature {
  return { v: 1, terms: {}, names: {}, dateMin: null, dateMax: null, size: 0 };
}

/** Signature of one article. Deterministic; reads at most the first 8000 characters of the body. */
export function signArticle(a: { title: string; body: string; publishedAt?: string | null }): StorySignature {
  const body = a.body.slice(0, MAX_BODY);
  const counts = new Map<string, number>();
  const add = (t: string, w: number) => counts.set(t, (counts.get(t) ?? 0) + w);
  for (const tok of tokenize(body)) if (isContentWord(tok.norm) && !/^\d+$/.test(tok.norm)) add(termKey(tok.norm), 1);
  for (const tok of tokenize(a.title)) if (isContentWord(tok.norm) && !/^\d+$/.test(tok.norm)) add(termKey(tok.norm), 2);
  const nameCounts = new Map<string, number>();
  const addName = (t: string, w: number) => {
    add(t, w);
    nameCounts.set(t, (nameCounts.get(t) ?? 0) + w);
  };
  // Names are the most distinctive evidence of an event: boost their words.
  for (const n of extractNames(a.title + "\n" + body)) {
    for (const tok of tokenize(n.text)) if (isContentWord(tok.norm)) addName(termKey(tok.norm), 1.5);
  }
  // Figures other than small counts and years identify an event too ("6 million", "3.2%").
  for (const n of extractNumbers(body)) if (!n.year && (n.value >= 100 || n.unit === "%")) addName(`#${n.value}${n.unit}`, 2);
  const weights = new Map<string, number>();
  for (const [t, c] of counts) weights.set(t, 1 + Math.log(c));
  const nameWeights = new Map<string, number>();
  for (const [t, c] of nameCounts) nameWeights.set(t, 1 + Math.log(c));
  return {
    v: 1,
    terms: topTerms(weights, ARTICLE_TERMS),
    names: topTerms(nameWeights, ARTICLE_NAMES),
    dateMin: day(a.publishedAt),
    dateMax: day(a.publishedAt),
    time: instant(a.publishedAt),
    size: 1,
  };
}

/**
 * The members a signature stands for: its kept members, else (a single article,
 * or a story stored before members were kept) the signature itself as one member.
 */
export function membersOf(s: StorySignature): StoryMember[] {
  if (s.members?.length) return s.members;
  return s.size > 0 ? [{ terms: s.terms, names: s.names, date: s.dateMin, time: s.time ?? null }] : [];
}

/** Story signature after adding one member article's signature (capped to STORY_TERMS). */
export function mergeSignature(story: StorySignature, article: StorySignature): StorySignature {
  const w = new Map<string, number>(Object.entries(story.terms));
  for (const [t, x] of Object.entries(article.terms)) w.set(t, (w.get(t) ?? 0) + x);
  const nw = new Map<string, number>(Object.entries(story.names));
  for (const [t, x] of Object.entries(article.names)) nw.set(t, (nw.get(t) ?? 0) + x);
  const dates = [story.dateMin, story.dateMax, article.dateMin, article.dateMax].filter((d): d is string => !!d).sort();
  return {
    v: 1,
    terms: topTerms(w, STORY_TERMS),
    names: topTerms(nw, STORY_NAMES),
    members: [...membersOf(story), ...membersOf(article)].slice(-STORY_MEMBERS),
    dateMin: dates[0] ?? null,
    dateMax: dates[dates.length - 1] ?? null,
    size: story.size + article.size,
  };
}

/**
 * Reads a stored signature. Stored text is untrusted: anything malformed yields
 * an empty signature (the story then only gathers articles by label or re-signing).
 */
export function parseSignature(json: string | null | undefined): StorySignature {
  try {
    const raw = JSON.parse(json ?? "{}") as Partial<StorySignature>;
    const numbers = (o: unknown): Record<string, number> => {
      const out: Record<string, number> = {};
      if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
      return out;
    };
    return {
      v: 1,
      terms: numbers(raw?.terms),
      names: numbers(raw?.names),
      members: Array.isArray(raw?.members)
        ? raw.members.slice(-STORY_MEMBERS).map((m) => ({
            terms: numbers(m?.terms),
            names: numbers(m?.names),
            date: typeof m?.date === "string" ? m.date : null,
            time: typeof m?.time === "string" ? m.time : null,
          }))
        : [],
      dateMin: typeof raw.dateMin === "string" ? raw.dateMin : null,
      dateMax: typeof raw.dateMax === "string" ? raw.dateMax : null,
      ...(typeof raw.time === "string" ? { time: raw.time } : {}),
      size: typeof raw.size === "number" ? raw.size : 0,
    };
  } catch {
    return emptySignature();
  }
}
