/**
 * The story page's reads beyond getStory: the verdict and rank of every
 * article (from the stored claim alignments, by the analysis' own derivation
 * rules), the flags grouped by article and kind, the coverage matrix linked to
 * its flags with conflicts marked, and the quotes' provenance. Read-only.
 */
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { isFlaggableBlock } from "../lib/classify/common";
import { judgeArticles, linkMatrix, rankOutlets, summarizeOutlet, type ArticleCarriage, type MatrixRowOut, type OutletLine } from "../lib/overview";
import type { QuoteProvenance } from "../lib/provenance";
import { SEVERITIES, type FlagKind, type FlagStatus, type Severity } from "../lib/types";
import type { Db } from "./client";
import { loadStoryProvenance } from "./provenance";
import { getStory, parseEvidence, type CoverageRow, type StoryDetail } from "./queries";

/** A flag as the story page lists it. */
export interface DeskFlag {
  id: number;
  articleId: number;
  kind: FlagKind;
  severity: Severity;
  status: FlagStatus;
  text: string;
}

export interface DeskOutlet {
  articleId: number;
  outlet: string;
  /** True when the outlet's name is its articles' file name stem: a stand-in the page marks as such. */
  nameFromFile: boolean;
  title: string;
}

export interface StoryDesk {
  story: StoryDetail;
  /** Articles, most uncarried first, with verdict, summary line and flags by kind. */
  lines: (OutletLine<DeskOutlet> & { summary: string; sourceOutlet: string | null; flagsByKind: [FlagKind, DeskFlag[]][] })[];
  matrix: MatrixRowOut<CoverageRow>[];
  provenance: QuoteProvenance[];
}


/** Everything the story page shows; null when there is no such story. */
export async function getStoryDesk(db: Db, id: number): Promise<StoryDesk | null> {
  const { outlets, articles, segments, alignments, flags } = db.t;
  const story = await getStory(db, id);
  if (!story) return null;
  const arts = story.articles;
  const index = new Map(arts.map((a, i) => [a.id, i]));
  const ids = arts.map((a) => a.id);

  const flagRows = (await db
    .select({ id: flags.id, articleId: flags.articleId, kind: flags.kind, severity: flags.severity, status: flags.status, text: flags.text, start: flags.start, end: flags.end, evidence: flags.evidence })
    .from(flags)
    .where(eq(flags.storyId, id))
    .orderBy(asc(flags.articleId), asc(flags.start)))
    .map((f) => ({ ...f, kind: f.kind as FlagKind, severity: f.severity as Severity, status: f.status as FlagStatus, evidence: parseEvidence(f.evidence) }));

  // Statements: every claim the analysis aligned, with its support per counterpart.
  const statements = arts.map(() => new Map<string, { start: number; support: { article: number; score: number }[] }>());
  const counterparts = arts.map(() => new Set<number>());
  if (ids.length) {
    for (const a of await db
      .select({ source: alignments.sourceArticleId, start: alignments.sourceStart, end: alignments.sourceEnd, target: alignments.targetArticleId, score: alignments.score })
      .from(alignments)
      .where(and(eq(alignments.storyId, id), eq(alignments.unit, "claim")))) {
      const si = index.get(a.source);
      const ti = index.get(a.target);
      if (si === undefined || ti === undefined) continue; // an older revision
      counterparts[si].add(ti);
      const key = `${a.start}:${a.end}`;
      const st = statements[si].get(key) ?? statements[si].set(key, { start: a.start, support: [] }).get(key)!;
      st.support.push({ article: ti, score: a.score });
    }
  }
  // Flaggable: the statement's block is content, not chrome, byline or heading (as the analysis decides).
  const blocks = new Map<number, { start: number; end: number; kind: string; boilerplate: boolean }[]>();
  if (ids.length) {
    for (const b of await db
      .select({ articleId: segments.articleId, start: segments.start, end: segments.end, kind: segments.kind, boilerplate: segments.boilerplate })
      .from(segments)
      .where(and(inArray(segments.articleId, ids), ne(segments.kind, "sentence"))))
      (blocks.get(b.articleId) ?? blocks.set(b.articleId, []).get(b.articleId)!).push(b);
  }
  const flaggableAt = (articleId: number, pos: number) => {
    let best: { start: number; end: number; kind: string; boilerplate: boolean } | null = null;
    for (const b of blocks.get(articleId) ?? []) if (b.start <= pos && pos < b.end && (!best || b.end - b.start < best.end - best.start)) best = b;
    return best ? isFlaggableBlock(best.kind, best.boilerplate) : false;
  };

  // Each article's flags, grouped once (flagRows is in article order).
  const flagsOf = new Map<number, typeof flagRows>();
  for (const f of flagRows) (flagsOf.get(f.articleId) ?? flagsOf.set(f.articleId, []).get(f.articleId)!).push(f);
  const carriage: ArticleCarriage[] = arts.map((a, i) => ({
    articleId: a.id,
    publishedAt: a.publishedAt,
    statements: [...statements[i].values()].map((s) => ({ flaggable: flaggableAt(a.id, s.start), support: s.support })),
    counterparts: [...counterparts[i]].sort((x, y) => x - y),
    addedBlocks: (flagsOf.get(a.id) ?? []).filter((f) => f.status !== "dismissed" && f.kind === "structure_added").length,
  }));
  const verdicts = judgeArticles(carriage);
  const fileNamed = new Set(
    ids.length
      ? (await db
          .select({ id: articles.id })
          .from(articles)
          .innerJoin(outlets, eq(outlets.id, articles.outletId))
          .where(and(inArray(articles.id, ids), eq(outlets.nameOrigin, "file"))))
          .map((r) => r.id)
      : [],
  );

  const lines = rankOutlets(
    arts.map((a, i) => {
      const mine = flagsOf.get(a.id) ?? [];
      const kinds: Partial<Record<FlagKind, number>> = {};
      for (const f of mine) if (f.status !== "dismissed") kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
      return {
        article: { articleId: a.id, outlet: a.outlet, nameFromFile: fileNamed.has(a.id), title: a.title },
        verdict: verdicts[i],
        kinds,
        openHigh: mine.filter((f) => f.status === "open" && f.severity === "high").length,
      };
    }),
  ).map((l) => {
    const byKind = new Map<FlagKind, DeskFlag[]>();
    for (const f of flagsOf.get(l.article.articleId) ?? [])
      (byKind.get(f.kind) ?? byKind.set(f.kind, []).get(f.kind)!).push({ id: f.id, articleId: f.articleId, kind: f.kind, severity: f.severity, status: f.status, text: f.text });
    const flagsByKind = [...byKind].sort(
      (x, y) => Math.max(...y[1].map((f) => SEVERITIES.indexOf(f.severity))) - Math.max(...x[1].map((f) => SEVERITIES.indexOf(f.severity))) || y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1),
    );
    return {
      ...l,
      summary: summarizeOutlet(l.article.outlet, l.verdict, l.kinds),
      sourceOutlet: l.verdict.source === null ? null : arts[l.verdict.source].outlet,
      flagsByKind,
    };
  });

  const matrix = linkMatrix(story.coverage, flagRows);
  return { story, lines, matrix, provenance: (await loadStoryProvenance(db, id)).quotes };
}
