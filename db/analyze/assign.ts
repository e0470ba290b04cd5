/**
 * Grouping: gives every unassigned current article a story (labelled ones by label,
 * the others by signature), in one write transaction.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { assignStories, mergeSignature, parseSignature, signArticle, type StorySignature } from "@/lib/stories";
import type { Db } from "../client";
import { execute, inTransaction } from "../store";
import { writeTransaction } from "./transaction";

/**
 * Assigns unassigned current articles to stories (labelled ones by label), in one write
 * transaction that also reads them (Postgres: one grouping at a time, whichever process
 * runs it). Returns how many were assigned and how many stories were created.
 */
export async function assignPending(db: Db, now: () => Date): Promise<{ assigned: number; created: number }> {
  const at = now().toISOString();
  let assigned = 0;
  let created = 0;
  await writeTransaction(() => inTransaction(db, async (tx) => {
    const { articles, stories } = tx.t;
    assigned = 0;
    created = 0;
    const pending = await tx
      .select({ id: articles.id, title: articles.title, body: articles.body, publishedAt: articles.publishedAt, storyLabel: articles.storyLabel })
      .from(articles)
      .where(and(eq(articles.current, true), isNull(articles.storyId)))
      .orderBy(asc(articles.id));
    if (!pending.length) return;
    assigned = pending.length;
    const labelled = pending.filter((a) => a.storyLabel);
    for (const a of labelled) {
      let [story] = await tx.select().from(stories).where(eq(stories.label, a.storyLabel!));
      if (!story) {
        [story] = await tx
          .insert(stories)
          .values({ label: a.storyLabel!, title: a.title, createdAt: at, updatedAt: at, dirty: true, signature: "{}" })
          .returning();
        created++;
      }
      const sig = mergeSignature(parseSignature(story.signature), signArticle(a));
      await tx.update(stories).set({ signature: JSON.stringify(sig), dirty: true, updatedAt: at }).where(eq(stories.id, story.id));
      await tx.update(articles).set({ storyId: story.id }).where(eq(articles.id, a.id));
    }
    const auto = pending.filter((a) => !a.storyLabel);
    if (!auto.length) return;
    // Labelled stories are the editor's choice: automatic grouping never adds to them.
    const existing = (await tx.select({ id: stories.id, signature: stories.signature }).from(stories).where(isNull(stories.label))).map((s) => ({
      id: s.id,
      signature: parseSignature(s.signature),
    }));
    const result = assignStories(auto, existing);
    // The first article assigned to each new story names it (maps, not scans: 10k articles make 1k stories).
    const titleOf = new Map(auto.map((a) => [a.id, a.title]));
    const firstTitle = new Map<number, string>();
    for (const x of result.assignments) if (x.newStory !== null && !firstTitle.has(x.newStory)) firstTitle.set(x.newStory, titleOf.get(x.articleId)!);
    const newIds: number[] = [];
    for (const [i, sig] of result.newStories.entries()) {
      created++;
      const [row] = await tx
        .insert(stories)
        .values({ title: firstTitle.get(i)!, createdAt: at, updatedAt: at, dirty: true, signature: JSON.stringify(sig as StorySignature) })
        .returning({ id: stories.id });
      newIds.push(row.id);
    }
    for (const [id, sig] of result.updated) {
      await tx.update(stories).set({ signature: JSON.stringify(sig), dirty: true, updatedAt: at }).where(eq(stories.id, id));
    }
    await setStories(tx, result.assignments.map((x) => [x.storyId ?? newIds[x.newStory!], x.articleId]));
  }, GROUPING_LOCK));
  return { assigned, created };
}

/** Postgres: one grouping at a time (it reads every story's signature and decides from all of them). */
const GROUPING_LOCK = { serialize: "parallax-grouping" };

/** Sets the story of each [storyId, articleId] pair: a prepared statement on SQLite (thousands of rows), one UPDATE from a VALUES list per chunk on Postgres. */
async function setStories(tx: Db, pairs: [number, number][]): Promise<void> {
  if (tx.engine === "sqlite") {
    const setStory = tx.$client.prepare("UPDATE articles SET story_id = ? WHERE id = ?");
    for (const [storyId, articleId] of pairs) setStory.run(storyId, articleId);
    return;
  }
  for (let i = 0; i < pairs.length; i += 5000) {
    const values = sql.join(pairs.slice(i, i + 5000).map(([s, a]) => sql`(${s}::bigint, ${a}::bigint)`), sql`, `);
    await execute(tx, sql`UPDATE articles SET story_id = v.s FROM (VALUES ${values}) AS v(s, a) WHERE articles.id = v.a`);
  }
}
