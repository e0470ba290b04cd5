/**
 * What a browser tab names: a flag (its kind, outlet and the start of its
 * text) or a story (its title). Small reads for generateMetadata, apart from
 * the pages' full queries.
 */
import { eq } from "drizzle-orm";
import type { Db } from "./client";

/** Longest stretch of flagged text a tab title shows. */
const TITLE_TEXT = 60;

function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** "Flag 12: quote paraphrased · Coast Wire · “We will not reopen…”", or null when there is no such flag. */
export async function flagTabTitle(db: Db, id: number): Promise<string | null> {
  const { articles, flags, outlets } = db.t;
  const [row] = await db
    .select({ kind: flags.kind, text: flags.text, outlet: outlets.name })
    .from(flags)
    .innerJoin(articles, eq(articles.id, flags.articleId))
    .innerJoin(outlets, eq(outlets.id, articles.outletId))
    .where(eq(flags.id, id));
  if (!row) return null;
  return `Flag ${id}: ${row.kind.replace(/_/g, " ")} · ${row.outlet} · “${shorten(row.text, TITLE_TEXT)}”`;
}

/** The story's title (or "Story 3" when it has none), or null when there is no such story. */
export async function storyTabTitle(db: Db, id: number): Promise<string | null> {
  const { stories } = db.t;
  const [row] = await db.select({ title: stories.title }).from(stories).where(eq(stories.id, id));
  if (!row) return null;
  return row.title.trim() ? shorten(row.title, 90) : `Story ${id}`;
}
