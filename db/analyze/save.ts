/**
 * Saving: one analysed story in ONE transaction — segments, quotes and alignments
 * replaced; flags upserted by fingerprint so triage (status, note, history, id)
 * survives re-analysis and revisions; flags that stopped holding deleted (untriaged)
 * or marked stale (triaged).
 */
import { eq, inArray } from "drizzle-orm";
import { FLAG_KINDS, SEVERITIES, type ArticleText, type FlagDraft, type Severity } from "@/lib/types";
import type { Db } from "../client";
import { joinCounterparts } from "../counterparts";
import { analyzeLoaded } from "./analyse";
import { inTransaction } from "../store";
import { storyWriterFor, type FlagValues } from "./statements";
import { writeTransaction } from "./transaction";
import type { AnalysedStory, LoadedStory, SavedStory } from "./types";

/** Editor name recorded on events written by the analysis itself. */
export const ANALYSIS_EDITOR = "parallax";
const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** A zero count for each key. */
export function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * The headline most articles share (folded); when none is shared, the headline of the
 * best-corroborated article (fewest medium/high flags, then fewest flags, then the
 * earliest), so a padded rewrite's click-bait headline does not name the story.
 */
function storyTitle(arts: ArticleText[], drafts: readonly FlagDraft[]): string {
  const counts = new Map<string, { n: number; title: string }>();
  for (const a of arts) {
    const k = a.title.trim().toLowerCase();
    if (!k) continue;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, title: a.title.trim() });
  }
  let best: { n: number; title: string } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (best && best.n > 1) return best.title;
  const weight = new Map<number, number>();
  for (const f of drafts) weight.set(f.articleId, (weight.get(f.articleId) ?? 0) + (f.severity === "low" ? 1 : 1000));
  const candidates = arts.filter((a) => a.title.trim());
  candidates.sort((a, b) => (weight.get(a.id) ?? 0) - (weight.get(b.id) ?? 0) || a.id - b.id);
  return candidates[0]?.title.trim() || "Untitled story";
}

/**
 * Saves one analysed story in one transaction (analysing it first when `done`
 * is null: analysis runs outside the transaction, it is pure and may take a while).
 */
export async function saveStory(db: Db, story: LoadedStory, done: AnalysedStory | null, now: () => Date): Promise<SavedStory> {
  const { storyId, texts } = story;
  const analysed = done ?? analyzeLoaded(story);
  const result = analysed.result;
  const t1 = performance.now();
  const at = now().toISOString();
  const byKind = emptyCounts(FLAG_KINDS);
  const bySeverity = emptyCounts(SEVERITIES);
  const counts = { added: 0, removed: 0, staled: 0, revived: 0 };
  const articleIds = texts.map((t) => t.id);
  const outletOf = new Map(texts.map((t) => [t.id, t.outlet]));

  // Postgres: one save of a story at a time, whichever process analyses it.
  await writeTransaction(() => inTransaction(db, async (tx) => {
    const { segments, quotes, alignments, flags, flagEvents, stories } = tx.t;
    // Bulk rows go through the store's own writer (prepared statements on SQLite).
    const st = storyWriterFor(tx);
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] = 0;
    for (const k of FLAG_KINDS) byKind[k] = 0;
    for (const k of SEVERITIES) bySeverity[k] = 0;
    if (articleIds.length) {
      await tx.delete(segments).where(inArray(segments.articleId, articleIds));
      await tx.delete(quotes).where(inArray(quotes.articleId, articleIds));
    }
    await tx.delete(alignments).where(eq(alignments.storyId, storyId));

    for (const a of result.analyses) {
      const seg = a.segmentation;
      const segRows = [
        ...seg.blocks.map((b) => ({
          articleId: a.article.id,
          kind: b.kind,
          ordinal: b.index,
          start: b.start,
          end: b.end,
          boilerplate: b.boilerplate,
          blockOrdinal: null,
          structure: b.structure !== null ? (seg.structures[b.structure]?.kind ?? null) : null,
        })),
        ...seg.sentences.map((s) => ({
          articleId: a.article.id,
          kind: "sentence",
          ordinal: s.index,
          start: s.start,
          end: s.end,
          boilerplate: !!seg.blocks[s.block]?.boilerplate,
          blockOrdinal: s.block,
          structure: null,
        })),
      ];
      await st.segments(segRows);
      const qRows = a.quotes.map((q, i) => ({
        articleId: a.article.id,
        ordinal: i,
        start: q.start,
        end: q.end,
        text: q.text,
        style: q.style,
        speaker: q.speaker,
        speakerStart: q.speakerSpan?.start ?? null,
        speakerEnd: q.speakerSpan?.end ?? null,
        venue: q.venue,
        cue: q.cue,
      }));
      await st.quotes(qRows);
    }
    const unitSpan = new Map<string, { start: number; end: number }>();
    for (const a of result.analyses) {
      a.quotes.forEach((q, i) => unitSpan.set(`quote:${a.article.id}:${i}`, q));
      a.claims.forEach((c, i) => unitSpan.set(`claim:${a.article.id}:${i}`, c));
    }
    const alRows = result.alignments.map((x) => {
      const src = unitSpan.get(`${x.unit}:${x.sourceArticleId}:${x.unitIndex}`)!;
      return {
        storyId,
        unit: x.unit,
        sourceArticleId: x.sourceArticleId,
        sourceStart: src.start,
        sourceEnd: src.end,
        targetArticleId: x.targetArticleId,
        coverage: x.coverage,
        score: x.score,
        targetStart: x.target?.start ?? null,
        targetEnd: x.target?.end ?? null,
      };
    });
    await st.alignments(alRows);

    // Flags: upsert by fingerprint; what no longer holds is deleted (untriaged) or marked stale (triaged).
    const existing = await tx.select().from(flags).where(eq(flags.storyId, storyId));
    const seen = new Set<string>();
    for (const d of result.flags) {
      seen.add(d.fingerprint);
      byKind[d.kind]++;
      bySeverity[d.severity]++;
      const values = flagValues(d, storyId, outletOf);
      const prev = await st.flagByFingerprint(d.fingerprint);
      if (!prev) {
        await st.insertFlag(d.fingerprint, values, at);
        counts.added++;
        continue;
      }
      const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => prev[k] !== values[k]);
      if (prev.stale) {
        await tx.update(flags).set({ ...values, stale: false, updatedAt: at, version: prev.version + 1 }).where(eq(flags.id, prev.id));
        await tx.insert(flagEvents).values({ flagId: prev.id, editor: ANALYSIS_EDITOR, actorKind: "system", at, action: "revived", fromStatus: prev.status, toStatus: prev.status, note: null });
        counts.revived++;
      } else if (changed) {
        await tx.update(flags).set({ ...values, updatedAt: at }).where(eq(flags.id, prev.id));
      }
    }
    for (const f of existing) {
      if (seen.has(f.fingerprint)) continue;
      const events = await tx.select({ id: flagEvents.id }).from(flagEvents).where(eq(flagEvents.flagId, f.id)).limit(1);
      if (f.status === "open" && !events.length && !f.note) {
        await tx.delete(flags).where(eq(flags.id, f.id));
        counts.removed++;
      } else if (!f.stale) {
        await tx.update(flags).set({ stale: true, updatedAt: at, version: f.version + 1 }).where(eq(flags.id, f.id));
        await tx.insert(flagEvents).values({ flagId: f.id, editor: ANALYSIS_EDITOR, actorKind: "system", at, action: "stale", fromStatus: f.status, toStatus: f.status, note: null });
        counts.staled++;
      }
    }
    await tx.update(stories)
      .set({ title: storyTitle(texts, result.flags), updatedAt: at, analyzedAt: at, dirty: false })
      .where(eq(stories.id, storyId));
  }, { serialize: `parallax-story-${storyId}` }));
  return {
    storyId,
    title: storyTitle(texts, result.flags),
    articles: texts.length,
    outlets: new Set(texts.map((t) => t.outlet)).size,
    flags: result.flags.length,
    ...counts,
    analysisMs: Math.round(analysed.ms),
    writeMs: Math.round(performance.now() - t1),
    byKind,
    bySeverity,
  };
}

/** Flag columns from a draft. Counterparts: the outlets of the evidence, else every other outlet compared against. */
function flagValues(d: FlagDraft, storyId: number, outletOf: Map<number, string>): FlagValues {
  const own = outletOf.get(d.articleId);
  const fromEvidence = [...new Set(d.evidence.map((e) => e.outlet))].filter((o) => o !== own);
  const counterparts = fromEvidence.length ? fromEvidence : [...new Set(outletOf.values())].filter((o) => o !== own).sort();
  return {
    storyId,
    articleId: d.articleId,
    kind: d.kind,
    severity: d.severity,
    severityRank: SEVERITY_RANK[d.severity],
    confidence: d.confidence,
    text: d.text,
    start: d.start,
    end: d.end,
    speaker: d.speaker,
    explanation: d.explanation,
    evidence: JSON.stringify(d.evidence),
    counterparts: joinCounterparts(counterparts),
  };
}
