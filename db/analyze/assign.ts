/**
 * Grouping: gives every unassigned current article a story (labelled ones by label,
 * the others by signature), in one write transaction.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { assignStories, mergeSignature, parseSignature, signArticle, type StorySignature } from "@/lib/stories";
import type { Db } from "../client";
import { articles, stories } from "../schema";
import { IMMEDIATE, writeTransaction } from "./transaction";

/** Assigns unassigned current articles to stories (labelled ones by label). Returns [assigned, created]. */
export function assignPending(db: Db, now: () => Date): { assigned: number; created: number } {
  const pending = db
    .select({ id: articles.id, title: articles.title, body: articles.body, publishedAt: articles.publishedAt, storyLabel: articles.storyLabel })
    .from(articles)
    .where(and(eq(articles.current, true), isNull(articles.storyId)))
    .orderBy(asc(articles.id))
    .all();
  if (!pending.length) return { assigned: 0, created: 0 };
  const at = now().toISOString();
  let created = 0;
  writeTransaction(() => db.transaction((tx) => {
    const labelled = pending.filter((a) => a.storyLabel);
    for (const a of labelled) {
      let story = tx.select().from(stories).where(eq(stories.label, a.storyLabel!)).get();
      if (!story) {
        story = tx
          .insert(stories)
          .values({ label: a.storyLabel!, title: a.title, createdAt: at, updatedAt: at, dirty: true, signature: "{}" })
          .returning()
          .get();
        created++;
      }
      const sig = mergeSignature(parseSignature(story.signature), signArticle(a));
      tx.update(stories).set({ signature: JSON.stringify(sig), dirty: true, updatedAt: at }).where(eq(stories.id, story.id)).run();
      tx.update(articles).set({ storyId: story.id }).where(eq(articles.id, a.id)).run();
    }
    const auto = pending.filter((a) => !a.storyLabel);
    if (!auto.length) return;
    // Labelled stories are the editor's choice: automatic grouping never adds to them.
    const existing = tx
      .select({ id: stories.id, signature: stories.signature })
      .from(stories)
      .where(isNull(stories.label))
      .all()
      .map((s) => ({ id: s.id, signature: parseSignature(s.signature) }));
    const result = assignStories(auto, existing);
    // The first article assigned to each new story names it (maps, not scans: 10k articles make 1k stories).
    const titleOf = new Map(auto.map((a) => [a.id, a.title]));
    const firstTitle = new Map<number, string>();
    for (const x of result.assignments) if (x.newStory !== null && !firstTitle.has(x.newStory)) firstTitle.set(x.newStory, titleOf.get(x.articleId)!);
    const newIds: number[] = result.newStories.map((sig: StorySignature, i) => {
      const title = firstTitle.get(i)!;
      created++;
      return tx
        .insert(stories)
        .values({ title, createdAt: at, updatedAt: at, dirty: true, signature: JSON.stringify(sig) })
        .returning({ id: stories.id })
        .get().id;
    });
    for (const [id, sig] of result.updated) {
      tx.update(stories).set({ signature: JSON.stringify(sig), dirty: true, updatedAt: at }).where(eq(stories.id, id)).run();
    }
    const setStory = db.$client.prepare("UPDATE articles SET story_id = ? WHERE id = ?");
    for (const x of result.assignments) setStory.run(x.storyId ?? newIds[x.newStory!], x.articleId);
  }, IMMEDIATE));
  return { assigned: pending.length, created };
}
