/**
 * Rewrite evaluation on ../shared/datasets/rewrites-dev: each pair (a real
 * article and a text generator's version of it) is analysed as a story of two
 * outlets, through the same analyzeStory the database layer calls. Labels are
 * per pair (faithful / unfaithful), so the figure is a ranking:
 *   - score of a rewrite = its medium-or-high flags (high counts double), ties
 *     broken by the share of its text under any flag;
 *   - ROC AUC of that score, unfaithful against faithful;
 *   - share of unfaithful rewrites with a medium-or-high flag, and of faithful ones.
 * Flags on the original (what the rewrite dropped) are counted apart.
 *
 * Run: npx tsx scripts/eval-rewrites.ts [--shared DIR] [--json] [--verbose]
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { analyzeStory } from "../lib/analyze";
import type { ArticleText, FlagDraft } from "../lib/types";

export interface RewriteScore {
  pair: string;
  family: "faithful" | "unfaithful";
  kind: string;
  /** Medium-or-high flags on the rewrite. */
  serious: number;
  high: number;
  /** Share of the rewrite's characters under some flag. */
  flaggedShare: number;
  score: number;
  /** Medium-or-high flags on the original. */
  originalSerious: number;
  kinds: string[];
}

export interface RewritesReport {
  pairs: number;
  faithful: number;
  unfaithful: number;
  auc: number;
  /** Share of unfaithful rewrites with a medium-or-high flag. */
  unfaithfulFlagged: number;
  /** Share of faithful rewrites with a medium-or-high flag. */
  faithfulFlagged: number;
  /** Per manipulation kind: share of rewrites with a medium-or-high flag. */
  byKind: Record<string, { n: number; flagged: number }>;
  originalSeriousPerPair: number;
  scores: RewriteScore[];
}

/** ROC AUC of `pos` against `neg` (ties count half). */
export function rocAuc(pos: number[], neg: number[]): number {
  if (!pos.length || !neg.length) return NaN;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

function scoreFlags(flags: FlagDraft[], article: ArticleText): Omit<RewriteScore, "pair" | "family" | "kind" | "originalSerious"> {
  const mine = flags.filter((f) => f.articleId === article.id);
  const serious = mine.filter((f) => f.severity !== "low");
  const high = mine.filter((f) => f.severity === "high").length;
  const covered = new Uint8Array(article.body.length);
  for (const f of mine) covered.fill(1, Math.max(0, f.start), Math.min(article.body.length, f.end));
  const flaggedShare = article.body.length ? covered.reduce((n, x) => n + x, 0) / article.body.length : 0;
  return {
    serious: serious.length,
    high,
    flaggedShare,
    score: serious.length + high + flaggedShare,
    kinds: serious.map((f) => `${f.kind}/${f.severity}`),
  };
}

/** Analyses every pair of the data set and scores the ranking. */
export function evalRewrites(dir: string): RewritesReport {
  const labels = JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")) as Record<string, { family: "faithful" | "unfaithful"; kind: string }>;
  const scores: RewriteScore[] = [];
  for (const file of readdirSync(path.join(dir, "pairs")).filter((f) => f.endsWith(".jsonl")).sort()) {
    const pair = file.replace(/\.jsonl$/, "");
    const label = labels[pair];
    if (!label) continue;
    const rows = readFileSync(path.join(dir, "pairs", file), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { outlet: string; url?: string; title?: string; body: string; published?: string });
    if (rows.length !== 2) throw new Error(`${file}: expected 2 articles, found ${rows.length}`);
    const arts: ArticleText[] = rows.map((r, i) => ({
      id: i + 1,
      outlet: r.outlet,
      source: `${file}#${i + 1}`,
      title: r.title ?? "",
      body: r.body,
      publishedAt: r.published ?? null,
      language: null,
    }));
    const { flags } = analyzeStory(arts, { alignmentDiffs: false });
    const s = scoreFlags(flags, arts[1]);
    const originalSerious = flags.filter((f) => f.articleId === arts[0].id && f.severity !== "low").length;
    scores.push({ pair, family: label.family, kind: label.kind, originalSerious, ...s });
  }
  const pos = scores.filter((s) => s.family === "unfaithful");
  const neg = scores.filter((s) => s.family === "faithful");
  const byKind: RewritesReport["byKind"] = {};
  for (const s of scores) {
    const k = (byKind[s.kind] ??= { n: 0, flagged: 0 });
    k.n++;
    if (s.serious) k.flagged++;
  }
  return {
    pairs: scores.length,
    faithful: neg.length,
    unfaithful: pos.length,
    auc: rocAuc(pos.map((s) => s.score), neg.map((s) => s.score)),
    unfaithfulFlagged: pos.filter((s) => s.serious > 0).length / (pos.length || 1),
    faithfulFlagged: neg.filter((s) => s.serious > 0).length / (neg.length || 1),
    byKind,
    originalSeriousPerPair: scores.reduce((n, s) => n + s.originalSerious, 0) / (scores.length || 1),
    scores,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { shared: { type: "string" }, json: { type: "boolean" }, verbose: { type: "boolean" } },
  });
  const shared = values.shared ?? path.resolve(__dirname, "..", "..", "shared");
  const dir = path.join(shared, "datasets", "rewrites-dev");
  if (!existsSync(dir)) {
    console.log(`rewrites-dev: skipped (${dir} not found)`);
    return;
  }
  const r = evalRewrites(dir);
  if (values.json) {
    console.log(JSON.stringify({ ...r, scores: values.verbose ? r.scores : undefined }, null, 2));
    return;
  }
  console.log(`rewrites-dev: ${r.pairs} pairs (${r.unfaithful} unfaithful, ${r.faithful} faithful)`);
  console.log(`  ROC AUC ${r.auc.toFixed(3)}; medium+ flag on ${(100 * r.unfaithfulFlagged).toFixed(1)}% of unfaithful, ${(100 * r.faithfulFlagged).toFixed(1)}% of faithful`);
  for (const [k, v] of Object.entries(r.byKind).sort()) console.log(`  ${k.padEnd(24)} ${v.flagged}/${v.n}`);
  console.log(`  medium+ flags on the original per pair: ${r.originalSeriousPerPair.toFixed(2)}`);
  if (values.verbose) for (const s of r.scores) console.log(`  ${s.pair} ${s.family.padEnd(10)} ${s.kind.padEnd(24)} ${s.score.toFixed(2)} ${s.kinds.join(" ")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
