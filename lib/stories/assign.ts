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

export const DEFAULT_THRESHOLD = 0.26;

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
  let dot = 0;
  let na = 0;
  let ns = 0;
  for (const [t, w] of Object.entries(a.terms)) {
    const i = idf(t);
    na += (w * i) ** 2;
    const x = s.terms[t];
    if (x !== undefined) dot += w * x * i * i;
  }
  for (const [t, w] of Object.entries(s.terms)) ns += (w * idf(t)) ** 2;
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

  for (const art of articles) {
    const sig = signArticle(art);
    const n = pool.size + 1;
    const idf = (t: string) => Math.log((n + 1) / ((index.get(t)?.size ?? 0) + 1)) + 1;
    // A term carried by more than a third of the stories is not distinctive enough to nominate candidates.
    const rareLimit = Math.max(2, Math.ceil(n / 3));
    const shared = new Map<string, number>();
    for (const t of Object.keys(sig.terms)) {
      const posting = index.get(t);
      if (!posting || posting.size > rareLimit) continue;
      for (const key of posting) shared.set(key, (shared.get(key) ?? 0) + 1);
    }
    let best: { key: string; score: number } | null = null;
    const candidates = [...shared.entries()].filter(([, c]) => c >= minShared).map(([k]) => k).sort();
    for (const key of candidates) {
      const story = pool.get(key)!;
      if (!withinWindow(sig, story.sig, window)) continue;
      const score = similarity(sig, story.sig, idf);
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
