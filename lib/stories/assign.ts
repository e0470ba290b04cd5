/**
 * Story grouping without all-pairs comparison: an inverted index maps each
 * signature term to the stories carrying it; a new article is scored only
 * against stories that share enough distinctive terms (and would not span
 * more than a week with it), joins the best one above a threshold, or starts
 * a new story.
 *
 * A story is an event, not a topic: a running topic (a vaccine campaign, a
 * bill, a war) produces a new event most days with much the same vocabulary.
 * So an article first looks only for stories with a member of its own day;
 * only an article left alone after the whole batch has been placed may join a
 * story of nearby days, at a discount that grows with the days between them.
 */
import { membersOf, mergeSignature, signArticle, type StoryMember, type StorySignature } from "./signature";

export interface GroupableArticle {
  id: number;
  title: string;
  body: string;
  publishedAt: string | null;
}

export interface ExistingStory {
  id: number;
  signature: StorySignature;
}

export interface StoryAssignment {
  articleId: number;
  /** Existing story joined, or null when the article joins/starts a new story. */
  storyId: number | null;
  /** Index into `newStories` when storyId is null. */
  newStory: number | null;
  /** Similarity to the story joined (0 for a new story's first member). */
  score: number;
}

export interface AssignOptions {
  /** Minimum similarity to join a story. */
  threshold?: number;
  /** Minimum number of shared distinctive terms for a story to be a candidate. */
  minShared?: number;
  /** Longest span, in days, a story may reach by taking an article (when dates are known). */
  dateWindowDays?: number;
  /** Factor applied to a member's similarity per day between its and the article's publication day. */
  dayDecay?: number;
}

export interface AssignResult {
  assignments: StoryAssignment[];
  /** Signatures of the stories created, in creation order. */
  newStories: StorySignature[];
  /** Updated signatures of the existing stories that gained members. */
  updated: Map<number, StorySignature>;
}

/** Minimum similarity to join a story (a mean over members, so lower than a best-member score). */
export const DEFAULT_THRESHOLD = 0.17;
/** Per-day discount of similarity between articles published on different days. */
export const DAY_DECAY = 0.9;
/** Longest span of a story, in days. */
export const MAX_SPAN_DAYS = 7;
/** Stories per term beyond which the term no longer nominates candidates. */
export const MAX_POSTING = 40;
/** Candidate stories scored in full per article. */
export const MAX_CANDIDATES = 12;

interface Pool {
  key: string;
  sig: StorySignature;
}

/** Whole days between two YYYY-MM-DD days, or null when either is unknown. */
export function dayGap(a: string | null | undefined, b: string | null | undefined): number | null {
  if (!a || !b) return null;
  const ms = Math.abs(Date.parse(a + "T00:00:00Z") - Date.parse(b + "T00:00:00Z"));
  return Number.isFinite(ms) ? Math.round(ms / 86_400_000) : null;
}

/**
 * Days between an article and a story member: elapsed time in whole days
 * (rounded) when both sources gave a time of day — a calendar day in UTC is an
 * arbitrary cut, an evening story's outlets straddle it — else calendar days.
 */
export function memberGap(a: Pick<StorySignature, "dateMin" | "time">, m: StoryMember): number | null {
  if (a.time && m.time) {
    const ms = Math.abs(Date.parse(a.time) - Date.parse(m.time));
    if (Number.isFinite(ms)) return Math.round(ms / 86_400_000);
  }
  return dayGap(a.dateMin, m.date);
}

/** Days the story would span with the article in it (0 when a date is unknown). */
function spanWith(article: StorySignature, story: StorySignature): number {
  const d = article.dateMin;
  if (!d || !story.dateMin || !story.dateMax) return 0;
  return dayGap(d < story.dateMin ? d : story.dateMin, d > story.dateMax ? d : story.dateMax) ?? 0;
}

/** Calendar days from the article's day to the story's date range (0 inside it or when a date is unknown). */
function distance(article: StorySignature, story: StorySignature): number {
  const d = article.dateMin;
  if (!d || !story.dateMin || !story.dateMax) return 0;
  if (d < story.dateMin) return dayGap(d, story.dateMin) ?? 0;
  if (d > story.dateMax) return dayGap(d, story.dateMax) ?? 0;
  return 0;
}

/**
 * Similarity of an article to a story: cosine over idf-weighted term weights.
 * `idf` reflects how many stories carry the term, so words common to every
 * story count for little.
 */
export function similarity(a: SimilarityInput, s: SimilarityInput, idf: (t: string) => number): number {
  const all = cosine(a.terms, s.terms, idf);
  // Without names on both sides the vocabulary alone must decide.
  if (!hasKeys(a.names) || !hasKeys(s.names)) return all;
  return (1 - NAME_SHARE) * all + NAME_SHARE * cosine(a.names, s.names, idf);
}

/** What similarity reads of an article, a member or a story. */
export type SimilarityInput = Pick<StorySignature, "terms" | "names">;

function hasKeys(o: Record<string, number>): boolean {
  for (const _ in o) return true;
  return false;
}

/**
 * Similarity of an article to a story: the mean of its similarities to the
 * story's members, each member weighted by `dayDecay` to the power of the days
 * between its publication day and the article's, and the whole discounted by
 * the same factor for the nearest member. A story is an event: the same topic a
 * day or two later is usually the next event, so only a closer text may bridge
 * days. The mean over members, rather than the best one, keeps one borrowed
 * phrase from chaining two events together, and rather than the union of the
 * members' words, keeps a long story from drifting into a topic.
 * With `dayDecay` 0 only members of the article's own day count.
 */
export function storySimilarity(a: StorySignature, s: StorySignature, idf: (t: string) => number, dayDecay = DAY_DECAY): number {
  let weighted = 0;
  let weights = 0;
  let nearest = 0;
  for (const m of membersOf(s)) {
    // An unknown day on either side is no evidence of distance.
    const gap = memberGap(a, m) ?? 0;
    const f = gap ? dayDecay ** gap : 1;
    if (!f) continue;
    weighted += f * similarity(a, m, idf);
    weights += f;
    if (f > nearest) nearest = f;
  }
  return weights ? (weighted / weights) * nearest : 0;
}

/** Weight of the name-and-figure similarity in the article–story similarity. */
export const NAME_SHARE = 0.5;

// Norms depend only on the vector and the idf function: remember them per (idf, vector).
const NORMS = new WeakMap<(t: string) => number, WeakMap<Record<string, number>, number>>();

function norm(v: Record<string, number>, idf: (t: string) => number): number {
  let byVector = NORMS.get(idf);
  if (!byVector) NORMS.set(idf, (byVector = new WeakMap()));
  let n = byVector.get(v);
  if (n === undefined) {
    n = 0;
    for (const t in v) n += (v[t] * idf(t)) ** 2;
    byVector.set(v, n);
  }
  return n;
}

function cosine(a: Record<string, number>, s: Record<string, number>, idf: (t: string) => number): number {
  let dot = 0;
  for (const t in a) {
    const x = s[t];
    if (x !== undefined) {
      const i = idf(t);
      dot += a[t] * x * i * i;
    }
  }
  if (!dot) return 0;
  const na = norm(a, idf);
  const ns = norm(s, idf);
  return na && ns ? dot / Math.sqrt(na * ns) : 0;
}

/**
 * Assigns each article to an existing story, a story created in this call, or
 * a new story, in two passes over the batch (in the order given): same-day
 * joins, then lone articles across days. Pure and deterministic.
 */
export function assignStories(
  articles: GroupableArticle[],
  existing: ExistingStory[],
  opts: AssignOptions = {},
): AssignResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const minShared = opts.minShared ?? 2;
  const window = opts.dateWindowDays ?? MAX_SPAN_DAYS;
  const dayDecay = opts.dayDecay ?? DAY_DECAY;

  const pool = new Map<string, Pool>();
  const index = new Map<string, Set<string>>();
  const addToIndex = (key: string, sig: StorySignature) => {
    for (const t of Object.keys(sig.terms)) {
      let set = index.get(t);
      if (!set) index.set(t, (set = new Set()));
      set.add(key);
    }
  };
  const removeFromIndex = (key: string, sig: StorySignature) => {
    for (const t of Object.keys(sig.terms)) index.get(t)?.delete(key);
  };
  for (const s of existing) {
    const key = `e${s.id}`;
    pool.set(key, { key, sig: s.signature });
    addToIndex(key, s.signature);
  }

  const newStories: StorySignature[] = [];
  const updated = new Map<number, StorySignature>();
  const assignments: StoryAssignment[] = [];

  // Rarity is judged over the whole batch plus the existing stories, computed up front, so
  // the first articles of a batch are not matched on words that later prove common.
  const signatures = articles.map((a) => signArticle(a));
  const df = new Map<string, number>();
  for (const sg of [...signatures, ...existing.map((e) => e.signature)]) for (const t of Object.keys(sg.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const docs = signatures.length + existing.length;
  const idfMemo = new Map<string, number>();
  const idf = (t: string) => {
    let v = idfMemo.get(t);
    if (v === undefined) idfMemo.set(t, (v = Math.log((docs + 1) / ((df.get(t) ?? 0) + 1)) + 1));
    return v;
  };

  /** The best story for an article among the candidates its distinctive terms nominate. */
  const bestStory = (sig: StorySignature, decay: number): { key: string; score: number } | null => {
    const n = pool.size + 1;
    // A term carried by more than a third of the stories (or by very many) is not distinctive
    // enough to nominate candidates; only the few best-sharing candidates are scored in full.
    const rareLimit = Math.max(2, Math.min(MAX_POSTING, Math.ceil(n / 3)));
    const shared = new Map<string, number>();
    const sharedWeight = new Map<string, number>();
    for (const t of Object.keys(sig.terms)) {
      const posting = index.get(t);
      if (!posting || posting.size > rareLimit) continue;
      const w = idf(t);
      for (const key of posting) {
        shared.set(key, (shared.get(key) ?? 0) + 1);
        sharedWeight.set(key, (sharedWeight.get(key) ?? 0) + w);
      }
    }
    let best: { key: string; score: number } | null = null;
    // Stories that cannot take the article are dropped before the cut, so they cannot crowd
    // out the right one: beyond the span cap, or (same-day pass) with no member near its day.
    const fits = (story: StorySignature) => (decay ? spanWith(sig, story) <= window : distance(sig, story) <= 1);
    const candidates = [...shared.entries()]
      .filter(([k, c]) => c >= minShared && fits(pool.get(k)!.sig))
      .map(([k]) => k)
      .sort((x, y) => sharedWeight.get(y)! - sharedWeight.get(x)! || (x < y ? -1 : x > y ? 1 : 0))
      .slice(0, MAX_CANDIDATES);
    for (const key of candidates) {
      const score = storySimilarity(sig, pool.get(key)!.sig, idf, decay);
      if (score >= threshold && (!best || score > best.score)) best = { key, score };
    }
    return best;
  };

  const home: { key: string; score: number }[] = new Array(articles.length);
  let created = 0;
  const join = (ai: number, key: string, score: number) => {
    const story = pool.get(key)!;
    removeFromIndex(key, story.sig);
    story.sig = mergeSignature(story.sig, signatures[ai]);
    addToIndex(key, story.sig);
    home[ai] = { key, score };
  };
  const found = (ai: number, key: string) => {
    pool.set(key, { key, sig: signatures[ai] });
    addToIndex(key, signatures[ai]);
    home[ai] = { key, score: 0 };
  };

  // Dated articles are placed in publication order (ties as given), as they would have
  // arrived had they been grouped as they came out, so a batch groups the same way however
  // its articles were ingested. Undated ones come last: they carry no evidence of which
  // day's event they belong to, so the dated ones shape the stories first.
  const dated = articles.map((_, i) => i).filter((i) => signatures[i].dateMin);
  dated.sort((x, y) => (signatures[x].dateMin! < signatures[y].dateMin! ? -1 : signatures[x].dateMin! > signatures[y].dateMin! ? 1 : x - y));
  const undated = articles.map((_, i) => i).filter((i) => !signatures[i].dateMin);
  const place = (ai: number, decay: number, key = `n${created++}`) => {
    const best = bestStory(signatures[ai], decay);
    if (best) join(ai, best.key, best.score);
    else found(ai, key);
  };

  // First pass: an article joins only a story with a member of its own day (or of unknown
  // day), so the articles of one day's event find each other before any of them can be
  // pulled into the previous day's event on the same topic.
  for (const ai of dated) place(ai, 0);
  // Second pass: an article still alone may join a story of nearby days, at a discount
  // growing with the days between them (an event reported over several days). A day's
  // cluster of two or more is that day's event and stays as it is.
  for (const ai of dated) {
    const { key } = home[ai];
    const story = pool.get(key)!;
    if (!key.startsWith("n") || story.sig.size !== 1) continue;
    pool.delete(key);
    removeFromIndex(key, story.sig);
    place(ai, dayDecay, key);
  }
  for (const ai of undated) place(ai, dayDecay);

  // New stories keep their creation order; stories emptied by the second pass are gone.
  const newIndex = new Map<string, number>();
  for (let i = 0; i < created; i++) {
    const key = `n${i}`;
    const story = pool.get(key);
    if (!story) continue;
    newIndex.set(key, newStories.length);
    newStories.push(story.sig);
  }
  for (let ai = 0; ai < articles.length; ai++) {
    const { key, score } = home[ai];
    const id = articles[ai].id;
    if (key.startsWith("e")) {
      const storyId = Number(key.slice(1));
      updated.set(storyId, pool.get(key)!.sig);
      assignments.push({ articleId: id, storyId, newStory: null, score });
    } else assignments.push({ articleId: id, storyId: null, newStory: newIndex.get(key)!, score });
  }
  return { assignments, newStories, updated };
}
