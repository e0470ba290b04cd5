/**
 * Story grouping without all-pairs comparison: an inverted index maps each
 * signature term to the stories carrying it; a new article is scored only
 * against stories that share enough distinctive terms (and fit its date
 * window), joins the best one above a threshold, or starts a new story.
 */
import { mergeSignature, signArticle, type StorySignature } from "./signature";

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
  /** Days around a story's date range within which an article may join it (when both dates are known). */
  dateWindowDays?: number;
}

export interface AssignResult {
  assignments: StoryAssignment[];
  /** Signatures of the stories created, in creation order. */
  newStories: StorySignature[];
  /** Updated signatures of the existing stories that gained members. */
  updated: Map<number, StorySignature>;
}

export const DEFAULT_THRESHOLD = 0.24;
/** Stories per term beyond which the term no longer nominates candidates. */
export const MAX_POSTING = 40;
/** Candidate stories scored in full per article. */
export const MAX_CANDIDATES = 12;

interface Pool {
  key: string;
  sig: StorySignature;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(a + "T00:00:00Z") - Date.parse(b + "T00:00:00Z")) / 86_400_000;
}

function withinWindow(article: StorySignature, story: StorySignature, days: number): boolean {
  if (!article.dateMin || !story.dateMin || !story.dateMax) return true;
  if (article.dateMin >= story.dateMin && article.dateMin <= story.dateMax) return true;
  return Math.min(daysBetween(article.dateMin, story.dateMin), daysBetween(article.dateMin, story.dateMax)) <= days;
}

/**
 * Similarity of an article to a story: cosine over idf-weighted term weights.
 * `idf` reflects how many stories carry the term, so words common to every
 * story count for little.
 */
export function similarity(a: StorySignature, s: StorySignature, idf: (t: string) => number): number {
  const all = cosine(a.terms, s.terms, idf);
  // Without names on both sides the vocabulary alone must decide.
  if (!Object.keys(a.names).length || !Object.keys(s.names).length) return all;
  return (1 - NAME_SHARE) * all + NAME_SHARE * cosine(a.names, s.names, idf);
}

/**
 * Similarity of an article to a story: to its closest recent member when the
 * story keeps members (see StorySignature.members), else to its union signature.
 */
export function storySimilarity(a: StorySignature, s: StorySignature, idf: (t: string) => number): number {
  const members = s.members ?? [];
  if (!members.length) return similarity(a, s, idf);
  let best = 0;
  for (const m of members) best = Math.max(best, similarity(a, { ...s, terms: m.terms, names: m.names }, idf));
  return best;
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
 * Assigns each article (in the order given) to an existing story, a story
 * created earlier in this call, or a new story. Pure and deterministic.
 */
export function assignStories(
  articles: GroupableArticle[],
  existing: ExistingStory[],
  opts: AssignOptions = {},
): AssignResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const minShared = opts.minShared ?? 2;
  const window = opts.dateWindowDays ?? 10;

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

  for (let ai = 0; ai < articles.length; ai++) {
    const art = articles[ai];
    const sig = signatures[ai];
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
    const candidates = [...shared.entries()]
      .filter(([, c]) => c >= minShared)
      .map(([k]) => k)
      .sort((x, y) => sharedWeight.get(y)! - sharedWeight.get(x)! || (x < y ? -1 : x > y ? 1 : 0))
      .slice(0, MAX_CANDIDATES);
    for (const key of candidates) {
      const story = pool.get(key)!;
      if (!withinWindow(sig, story.sig, window)) continue;
      const score = storySimilarity(sig, story.sig, idf);
      if (score >= threshold && (!best || score > best.score)) best = { key, score };
    }
    if (best) {
      const story = pool.get(best.key)!;
      removeFromIndex(best.key, story.sig);
      story.sig = mergeSignature(story.sig, sig);
      addToIndex(best.key, story.sig);
      if (best.key.startsWith("e")) {
        const id = Number(best.key.slice(1));
        updated.set(id, story.sig);
        assignments.push({ articleId: art.id, storyId: id, newStory: null, score: best.score });
      } else {
        const i = Number(best.key.slice(1));
        newStories[i] = story.sig;
        assignments.push({ articleId: art.id, storyId: null, newStory: i, score: best.score });
      }
    } else {
      const i = newStories.length;
      const key = `n${i}`;
      newStories.push(sig);
      pool.set(key, { key, sig });
      addToIndex(key, sig);
      assignments.push({ articleId: art.id, storyId: null, newStory: i, score: 0 });
    }
  }
  return { assignments, newStories, updated };
}
