/**
 * Loads what quote provenance needs for a story (current articles, their
 * quotes, the quote alignments between them) and traces it with
 * lib/provenance. Read-only; used by the story page and the exports.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { articleAddress } from "../lib/export";
import type { ExportAppearance } from "../lib/export/types";
import { traceQuotes, type ProvenanceArticle, type QuoteLink, type QuoteProvenance } from "../lib/provenance";
import type { Db } from "./client";

/** An article of the story with what the story page and exports show of it. */
export interface ProvenanceArticleRow extends ProvenanceArticle {
  title: string;
  canonicalUrl: string | null;
  source: string;
}

/** The provenance of every quote of a story that two or more outlets carry, with the story's current articles. */
export async function loadStoryProvenance(db: Db, storyId: number): Promise<{ articles: ProvenanceArticleRow[]; quotes: QuoteProvenance[] }> {
  const { alignments, articles, outlets, quotes } = db.t;
  const arts = await db
    .select({
      id: articles.id,
      outlet: outlets.name,
      publishedAt: articles.publishedAt,
      ingestedAt: articles.ingestedAt,
      title: articles.title,
      canonicalUrl: articles.canonicalUrl,
      source: articles.source,
    })
    .from(articles)
    .innerJoin(outlets, eq(articles.outletId, outlets.id))
    .where(and(eq(articles.storyId, storyId), eq(articles.current, true)))
    .orderBy(asc(articles.ingestedAt), asc(articles.id));
  if (arts.length < 2) return { articles: arts.map((a, i) => ({ ...a, ingestOrder: i })), quotes: [] };
  const rows: ProvenanceArticleRow[] = arts.map((a, i) => ({ id: a.id, outlet: a.outlet, publishedAt: a.publishedAt, ingestOrder: i, title: a.title, canonicalUrl: a.canonicalUrl, source: a.source }));
  const ids = arts.map((a) => a.id);
  const qs = await db
    .select({ articleId: quotes.articleId, start: quotes.start, end: quotes.end, text: quotes.text, speaker: quotes.speaker })
    .from(quotes)
    .where(inArray(quotes.articleId, ids))
    .orderBy(asc(quotes.articleId), asc(quotes.ordinal));
  const links: QuoteLink[] = (await db
    .select({
      sourceArticleId: alignments.sourceArticleId,
      sourceStart: alignments.sourceStart,
      sourceEnd: alignments.sourceEnd,
      targetArticleId: alignments.targetArticleId,
      targetStart: alignments.targetStart,
      targetEnd: alignments.targetEnd,
      coverage: alignments.coverage,
    })
    .from(alignments)
    .where(and(eq(alignments.storyId, storyId), eq(alignments.unit, "quote"))))
    .flatMap((a) =>
      a.coverage === "absent" || a.targetStart === null || a.targetEnd === null
        ? []
        : [{ from: { articleId: a.sourceArticleId, start: a.sourceStart, end: a.sourceEnd }, to: { articleId: a.targetArticleId, start: a.targetStart, end: a.targetEnd } }],
    );
  return { articles: rows, quotes: traceQuotes(rows, qs, links) };
}

/**
 * For each flag whose span lies on a quote other outlets carry: that quote's
 * versions, earliest first (ClaimReview's firstAppearance and appearance). One
 * provenance trace per story the flags touch.
 */
export async function loadFlagAppearances(db: Db, flagList: readonly { id: number; storyId: number; articleId: number; start: number; end: number }[]): Promise<Record<number, ExportAppearance[]>> {
  const out: Record<number, ExportAppearance[]> = {};
  const byStory = new Map<number, typeof flagList[number][]>();
  for (const f of flagList) (byStory.get(f.storyId) ?? byStory.set(f.storyId, []).get(f.storyId)!).push(f);
  for (const [storyId, list] of byStory) {
    const { articles: arts, quotes: traced } = await loadStoryProvenance(db, storyId);
    const art = new Map(arts.map((a) => [a.id, a]));
    for (const f of list) {
      const q = traced.find((p) => p.versions.some((v) => v.articleId === f.articleId && v.spans.some((s) => s.start < f.end && f.start < s.end)));
      if (!q) continue;
      out[f.id] = q.versions.map((v) => {
        const a = art.get(v.articleId)!;
        return { outlet: v.outlet, url: articleAddress(a.canonicalUrl, a.source), headline: a.title, publishedAt: a.publishedAt };
      });
    }
  }
  return out;
}
