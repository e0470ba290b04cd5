/**
 * The coverage matrix as an editor reads it: each row (a quote or claim of one
 * article) linked to the flags about it, each cell to the flag that pairs the
 * row with that outlet, and a cell whose pair is a flagged conflict (a figure,
 * a value or a speaker that disagrees) shown as `conflict`, never as
 * "reworded": the words may be close, the facts are not.
 */
import type { Coverage, FlagKind, FlagStatus, Span } from "@/lib/types";

export type MatrixCell = Coverage | "source" | "conflict";
/** The cell states in legend order. */
export const MATRIX_CELLS: readonly MatrixCell[] = ["source", "verbatim", "reworded", "cut", "conflict", "absent"];
/** Flag kinds that mean two versions disagree on a fact. */
export const CONFLICT_KINDS: readonly FlagKind[] = ["fact_conflict", "attribution_conflict"];

/** A matrix row before linking: a unit of `sourceArticleId` at [start, end) and how each article carries it. */
export interface MatrixRowIn extends Span {
  sourceArticleId: number;
  cells: Record<number, Coverage | "source">;
}

/** A flag as the matrix needs it. */
export interface MatrixFlag extends Span {
  id: number;
  articleId: number;
  kind: FlagKind;
  status: FlagStatus;
  evidence: (Span & { articleId: number })[];
}

export interface MatrixRowOut<R extends MatrixRowIn> {
  row: R;
  cells: Record<number, MatrixCell>;
  /** Flags about the row's unit: on it, or citing it as evidence. */
  flagIds: number[];
  /** Per article, the flags that pair the row's unit with that article. */
  cellFlags: Record<number, number[]>;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Links rows to flags and marks conflicts (dismissed flags neither link nor mark). */
export function linkMatrix<R extends MatrixRowIn>(rows: readonly R[], flags: readonly MatrixFlag[]): MatrixRowOut<R>[] {
  const live = flags.filter((f) => f.status !== "dismissed");
  const byArticle = new Map<number, MatrixFlag[]>();
  const citing = new Map<number, { f: MatrixFlag; e: Span }[]>();
  for (const f of live) {
    (byArticle.get(f.articleId) ?? byArticle.set(f.articleId, []).get(f.articleId)!).push(f);
    for (const e of f.evidence) (citing.get(e.articleId) ?? citing.set(e.articleId, []).get(e.articleId)!).push({ f, e });
  }
  return rows.map((row) => {
    const cells: Record<number, MatrixCell> = { ...row.cells };
    const flagIds = new Set<number>();
    const cellFlags: Record<number, number[]> = {};
    const pair = (article: number, f: MatrixFlag) => {
      if (article === row.sourceArticleId) return;
      const list = (cellFlags[article] ??= []);
      if (!list.includes(f.id)) list.push(f.id);
      if (CONFLICT_KINDS.includes(f.kind) && cells[article] !== undefined && cells[article] !== "source") cells[article] = "conflict";
    };
    // Flags on the unit: paired with every article their evidence cites.
    for (const f of byArticle.get(row.sourceArticleId) ?? []) {
      if (!overlaps(f, row)) continue;
      flagIds.add(f.id);
      for (const e of f.evidence) pair(e.articleId, f);
    }
    // Flags elsewhere that cite the unit: paired with the article they sit in.
    for (const { f, e } of citing.get(row.sourceArticleId) ?? []) {
      if (!overlaps(e, row)) continue;
      flagIds.add(f.id);
      pair(f.articleId, f);
    }
    return { row, cells, flagIds: [...flagIds].sort((a, b) => a - b), cellFlags };
  });
}
