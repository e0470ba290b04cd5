/**
 * Orders a flag's counterparts for the editor (lib/provenance rankEvidence):
 * what the database knows of each counterpart is whether another flag covers
 * it (low severity does not count: single-source detail is ordinary), how many
 * other articles carry the same statement, and when it was published. Read-only.
 */
import { and, eq, inArray, ne, or } from "drizzle-orm";
import { rankEvidence } from "../lib/provenance";
import type { Evidence } from "../lib/types";
import type { Db } from "./client";

/** `evidence` of `flag` in the order an editor should read it: clean, best corroborated, fullest first. */
export async function rankFlagEvidence(db: Db, flag: { id: number; articleId: number; storyId: number }, evidence: Evidence[]): Promise<Evidence[]> {
  const { alignments, articles, flags } = db.t;
  const { id: flagId, articleId: flagArticleId, storyId } = flag;
  if (evidence.length < 2) return evidence;
  // Three reads for all counterparts at once (the story's alignments are scanned once, not once per counterpart).
  const ids = [...new Set(evidence.map((e) => e.articleId))];
  const covering = await db
    .select({ articleId: flags.articleId, start: flags.start, end: flags.end })
    .from(flags)
    .where(and(inArray(flags.articleId, ids), ne(flags.id, flagId), ne(flags.status, "dismissed"), ne(flags.severity, "low")));
  const aligned = await db
    .select({ source: alignments.sourceArticleId, sourceStart: alignments.sourceStart, sourceEnd: alignments.sourceEnd, target: alignments.targetArticleId, targetStart: alignments.targetStart, targetEnd: alignments.targetEnd })
    .from(alignments)
    .where(and(eq(alignments.storyId, storyId), ne(alignments.coverage, "absent"), or(inArray(alignments.sourceArticleId, ids), inArray(alignments.targetArticleId, ids))));
  const published = new Map((await db.select({ id: articles.id, p: articles.publishedAt }).from(articles).where(inArray(articles.id, ids))).map((r) => [r.id, r.p]));
  const overlaps = (start: number, end: number, e: Evidence) => start < e.end && end > e.start;
  return rankEvidence(evidence, (e) => {
    const flagged = covering.some((f) => f.articleId === e.articleId && overlaps(f.start, f.end, e));
    // Articles other than the flagged one and the counterpart's own that carry the counterpart's statement, either way round.
    const carriers = new Set<number>();
    for (const r of aligned) {
      if (r.source === e.articleId && r.sourceStart !== null && r.sourceEnd !== null && overlaps(r.sourceStart, r.sourceEnd, e)) carriers.add(r.target);
      if (r.target === e.articleId && r.targetStart !== null && r.targetEnd !== null && overlaps(r.targetStart, r.targetEnd, e)) carriers.add(r.source);
    }
    carriers.delete(flagArticleId);
    carriers.delete(e.articleId);
    return { flagged, corroboration: carriers.size, publishedAt: published.get(e.articleId) ?? null };
  });
}
