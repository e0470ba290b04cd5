/**
 * Loading: a story's current articles and the page-chrome lines of each (lines its
 * outlet repeats across articles, lines other stories carry), read for the analysis.
 */
import { and, asc, eq } from "drizzle-orm";
import { collectRecurringLines, crossStoryLines, indexStoryLines, type StoryLineIndex } from "@/lib/segment";
import type { ArticleText } from "@/lib/types";
import type { Db } from "../client";
import type { ChromeKey, LoadedStory } from "./types";

/** Articles of one outlet read to learn its page chrome (most recent first). */
const RECURRING_SAMPLE = 20;

/**
 * The page-chrome lines of an article, memoised for one run: its outlet's recurring
 * lines (read once per outlet) and the lines it shares with other stories (an index
 * built once per run, on first use).
 */
export function chromeLookup(db: Db): (a: ChromeKey) => Promise<ReadonlySet<string>> {
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

  // Chrome an outlet repeats in other stories, whatever the outlet label: built once per run.
  let lineIndex: Promise<StoryLineIndex> | null = null;
  const storyLines = (): Promise<StoryLineIndex> =>
    (lineIndex ??= (async () =>
      indexStoryLines(
        (await db.select({ story: articles.storyId, title: articles.title, body: articles.body }).from(articles).where(eq(articles.current, true))).filter(
          (r): r is { story: number; title: string; body: string } => r.story !== null,
        ),
      ))());
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
