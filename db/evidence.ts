/**
 * Orders a flag's counterparts for the editor (lib/provenance rankEvidence):
 * what the database knows of each counterpart is whether another flag covers
 * it (low severity does not count: single-source detail is ordinary), how many
 * other articles carry the same statement, and when it was published. Read-only.
 */
import { and, eq, ne, sql } from "drizzle-orm";
import { rankEvidence } from "../lib/provenance";
import type { Evidence } from "../lib/types";
import type { Db } from "./client";
import { alignments, articles, flags } from "./schema";

/** `evidence` of `flag` in the order an editor should read it: clean, best corroborated, fullest first. */
export function rankFlagEvidence(db: Db, flag: { id: number; articleId: number; storyId: number }, evidence: Evidence[]): Evidence[] {
  const { id: flagId, articleId: flagArticleId, storyId } = flag;
  if (evidence.length < 2) return evidence;
  return rankEvidence(evidence, (e) => {
    const flagged =
      db
        .select({ id: flags.id })
        .from(flags)
        .where(and(eq(flags.articleId, e.articleId), ne(flags.id, flagId), ne(flags.status, "dismissed"), ne(flags.severity, "low"), sql`${flags.start} < ${e.end}`, sql`${flags.end} > ${e.start}`))
        .limit(1)
        .get() !== undefined;
    // Articles other than the flagged one and the counterpart's own that carry the counterpart's statement, either way round.
    const carriers = new Set<number>();
    for (const r of db
      .select({ target: alignments.targetArticleId })
      .from(alignments)
      .where(and(eq(alignments.storyId, storyId), eq(alignments.sourceArticleId, e.articleId), ne(alignments.coverage, "absent"), sql`${alignments.sourceStart} < ${e.end}`, sql`${alignments.sourceEnd} > ${e.start}`))
      .all())
      carriers.add(r.target);
    for (const r of db
      .select({ source: alignments.sourceArticleId })
      .from(alignments)
      .where(and(eq(alignments.storyId, storyId), eq(alignments.targetArticleId, e.articleId), ne(alignments.coverage, "absent"), sql`${alignments.targetStart} < ${e.end}`, sql`${alignments.targetEnd} > ${e.start}`))
      .all())
      carriers.add(r.source);
    carriers.delete(flagArticleId);
    carriers.delete(e.articleId);
    const publishedAt = db.select({ p: articles.publishedAt }).from(articles).where(eq(articles.id, e.articleId)).get()?.p ?? null;
    return { flagged, corroboration: carriers.size, publishedAt };
  });
}
