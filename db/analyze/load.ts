/**
 * Loading: a story's current articles and the page-chrome lines of each (lines its
 * outlet repeats across articles, lines other stories carry), read for the analysis.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { collectRecurringLines, crossStoryLines, storyLineKeys, updateStoryLines, type StoryLineIndex } from "@/lib/segment";
import type { ArticleText } from "@/lib/types";
import type { Db } from "../client";
import type { ChromeKey, LoadedStory } from "./types";

/** Articles of one outlet read to learn its page chrome (most recent first). */
const RECURRING_SAMPLE = 20;

/** Articles whose bodies are read per query when the index learns new articles (under every store's parameter limit). */
const READ_CHUNK = 500;

/** The cross-story line index of a store (lib/segment StoryLineIndex), brought up to date on demand. */
export interface StoryLineTracker {
  /** The index as the store is now: new current articles added, moved or retired ones updated. */
  current(): Promise<StoryLineIndex>;
}

/**
 * Keeps the cross-story line index of `db` between analyses instead of building it anew:
 * each call reads the ids and stories of the current articles (small), and the bodies only
 * of articles it has not seen. A worker analysing story after story would otherwise read
 * every article's body for every story (quadratic in the store's size).
 */
export function trackStoryLines(db: Db): StoryLineTracker {
  const known = new Map<number, { story: number; keys: string[] }>();
  const index: StoryLineIndex = new Map();
  let last: Promise<StoryLineIndex> = Promise.resolve(index);
  const refresh = async (): Promise<StoryLineIndex> => {
    const { articles } = db.t;
    const now = new Map<number, number>();
    for (const r of await db.select({ id: articles.id, story: articles.storyId }).from(articles).where(eq(articles.current, true))) if (r.story !== null) now.set(r.id, r.story);
    for (const [id, k] of known) {
      const story = now.get(id);
      if (story === k.story) continue;
      updateStoryLines(index, k.keys, k.story, -1);
      if (story === undefined) known.delete(id);
      else updateStoryLines(index, k.keys, (k.story = story), 1);
    }
    const missing = [...now.keys()].filter((id) => !known.has(id));
    for (let i = 0; i < missing.length; i += READ_CHUNK) {
      const rows = await db.select({ id: articles.id, title: articles.title, body: articles.body }).from(articles).where(inArray(articles.id, missing.slice(i, i + READ_CHUNK)));
      for (const r of rows) {
        const entry = { story: now.get(r.id)!, keys: storyLineKeys(r.title, r.body) };
        known.set(r.id, entry);
        updateStoryLines(index, entry.keys, entry.story, 1);
      }
    }
    return index;
  };
  // One refresh at a time: a worker may analyse several stories at once.
  return { current: () => (last = last.then(refresh, refresh)) };
}

/**
 * The page-chrome lines of an article, memoised for one run: its outlet's recurring
 * lines (read once per outlet) and the lines it shares with other stories (the index of
 * `lines`, brought up to date once per run, on first use; a run of its own by default).
 */
export function chromeLookup(db: Db, lines: StoryLineTracker = trackStoryLines(db)): (a: ChromeKey) => Promise<ReadonlySet<string>> {
  const { articles } = db.t;
  const chrome = new Map<number, ReadonlySet<string>>();
  const chromeOf = async (outletId: number): Promise<ReadonlySet<string>> => {
    let set = chrome.get(outletId);
    if (!set) {
      const bodies = (
        await db
          .select({ body: articles.body })
          .from(articles)
          .where(and(eq(articles.outletId, outletId), eq(articles.current, true)))
          .orderBy(asc(articles.id))
          .limit(RECURRING_SAMPLE)
      ).map((r) => r.body);
      set = bodies.length >= 2 ? collectRecurringLines(bodies) : new Set<string>();
      chrome.set(outletId, set);
    }
    return set;
  };

  // Chrome an outlet repeats in other stories, whatever the outlet label.
  let lineIndex: Promise<StoryLineIndex> | null = null;
  const storyLines = (): Promise<StoryLineIndex> => (lineIndex ??= lines.current());
  return async (a: ChromeKey): Promise<ReadonlySet<string>> => {
    const outletLines = await chromeOf(a.outletId);
    const cross = crossStoryLines(await storyLines(), a.storyId, a.body, a.title);
    if (!cross.size) return outletLines;
    for (const l of outletLines) cross.add(l);
    return cross;
  };
}

/** Reads a story's current articles (in id order) and their page-chrome lines. */
export async function loadStory(db: Db, storyId: number, chromeOf: (a: ChromeKey) => Promise<ReadonlySet<string>>): Promise<LoadedStory> {
  const { articles, outlets } = db.t;
  const rows = await db
    .select({
      id: articles.id,
      outletId: articles.outletId,
      outlet: outlets.name,
      // The article's identity across revisions, whatever source the current one came from: flag fingerprints hash it.
      source: articles.lineage,
      title: articles.title,
      body: articles.body,
      publishedAt: articles.publishedAt,
      language: articles.language,
    })
    .from(articles)
    .innerJoin(outlets, eq(outlets.id, articles.outletId))
    .where(and(eq(articles.storyId, storyId), eq(articles.current, true)))
    .orderBy(asc(articles.id));
  const texts: ArticleText[] = rows.map((r) => ({
    id: r.id,
    outlet: r.outlet,
    source: r.source,
    title: r.title,
    body: r.body,
    publishedAt: r.publishedAt,
    language: r.language,
  }));
  const chrome: ReadonlySet<string>[] = [];
  for (const r of rows) chrome.push(await chromeOf({ outletId: r.outletId, storyId, title: r.title, body: r.body }));
  return { storyId, texts, chrome };
}
