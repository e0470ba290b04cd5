/**
 * divergence-dev: the hand-labelled corpus of ../shared/datasets/divergence-dev,
 * scored by the data set's own scorer (score.mjs, run as a child process on the
 * flags this run exported), plus recall per flag kind (each item counted under
 * its primary kind, with the scorer's catching rule), the medium-or-high flags
 * that catch nothing (false alarms, listed for review) and story grouping
 * against stories.json.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { scorePairwise, type PairwiseScore } from "../lib/stories";
import { FLAG_KINDS, type FlagKind } from "../lib/types";
import type { CorpusRun, EvalFlag } from "./eval";

interface GoldItem {
  id: string;
  tier: "must" | "should" | "stretch";
  articles: string[];
  kinds: FlagKind[];
  snippets: string[];
}

export interface DivergenceScore {
  must: string;
  should: string;
  stretch: string;
  mustNotViolated: string;
  seriousPrecision: number | null;
  bySeverity: Record<string, number>;
  /** Per primary kind: items caught and items labelled. */
  perKind: Record<FlagKind, { caught: number; total: number }>;
  misses: string[];
  violations: string[];
  /** Medium-or-high flags that catch no labelled item. */
  falseAlarms: string[];
  grouping: PairwiseScore;
}

/** The scorer's text normalisation (score.mjs), for the per-kind figures and the false-alarm list. */
function norm(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .replace(/'/g, "")
    .trim();
}

function catches(f: EvalFlag, item: GoldItem): boolean {
  const key = path.basename(f.source);
  if (!item.articles.some((a) => key.startsWith(a)) || !item.kinds.includes(f.kind)) return false;
  const t = norm(f.text);
  return !!t && item.snippets.some((s) => t.includes(norm(s)) || (t.length >= 12 && norm(s).includes(t)));
}

/** Ingests, analyses and scores divergence-dev with `runCorpus` (the eval's own ingest + analysis run). */
export async function evalDivergence(
  dir: string,
  now: Date,
  runCorpus: (inputs: string[], now: Date) => Promise<CorpusRun>,
  scorer = path.join(dir, "score.mjs"),
): Promise<DivergenceScore> {
  const run = await runCorpus([path.join(dir, "corpus")], now);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-eval-divergence-"));
  try {
    const flagsFile = path.join(tmp, "flags.json");
    fs.writeFileSync(flagsFile, JSON.stringify({ flags: run.flags }));
    let out: string;
    try {
      out = execFileSync(process.execPath, [scorer, "--gold", path.join(dir, "gold.json"), "--flags", flagsFile, "--json"], { encoding: "utf8" });
    } catch (err) {
      // The scorer exits 1 when its own thresholds fail; its JSON is still on stdout.
      out = (err as { stdout?: string }).stdout ?? "";
      if (!out) throw err;
    }
    const scored = JSON.parse(out) as Omit<DivergenceScore, "perKind" | "falseAlarms" | "grouping">;
    const gold = JSON.parse(fs.readFileSync(path.join(dir, "gold.json"), "utf8")) as { items: GoldItem[] };
    const perKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, { caught: 0, total: 0 }])) as DivergenceScore["perKind"];
    for (const item of gold.items) {
      const k = perKind[item.kinds[0]];
      k.total++;
      if (run.flags.some((f) => catches(f, item))) k.caught++;
    }
    const falseAlarms = run.flags
      .filter((f) => f.severity !== "low" && !gold.items.some((item) => catches(f, item)))
      .map((f) => `${path.basename(f.source)} ${f.kind}/${f.severity}: "${f.text.replace(/\s+/g, " ").slice(0, 90)}"`);
    // Grouping against stories.json: an article's key is its file name without the extension.
    const stories = JSON.parse(fs.readFileSync(path.join(dir, "stories.json"), "utf8")) as Record<string, string[]>;
    const key = (s: string) => path.basename(s.replace(/#\d+$/, "")).replace(/\.[^.]*$/, "");
    const truth = new Map(Object.entries(stories).flatMap(([code, files]) => files.map((f) => [key(f), code] as const)));
    const predicted = new Map(run.articles.map((a) => [key(a.source), a.storyId === null ? `none:${a.id}` : `story:${a.storyId}`]));
    return { ...scored, perKind, falseAlarms, grouping: scorePairwise(predicted, truth) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The report lines of a divergence-dev score. */
export function divergenceLines(d: DivergenceScore): string[] {
  const f3 = (x: number | null) => (x === null ? "n/a" : x.toFixed(3));
  const lines = [
    `must ${d.must}, should ${d.should}, stretch ${d.stretch}; must-not violated ${d.mustNotViolated}; medium-or-high precision ${f3(d.seriousPrecision)}`,
    `flags by severity: high ${d.bySeverity.high ?? 0}, medium ${d.bySeverity.medium ?? 0}, low ${d.bySeverity.low ?? 0}`,
    `recall per kind: ${FLAG_KINDS.map((k) => `${k} ${d.perKind[k].caught}/${d.perKind[k].total}`).join(", ")}`,
    `grouping pairwise: precision ${d.grouping.precision.toFixed(3)} recall ${d.grouping.recall.toFixed(3)} F1 ${d.grouping.f1.toFixed(3)}`,
  ];
  for (const m of d.misses) lines.push(`   miss: ${m}`);
  for (const v of d.violations) lines.push(`   must-not: ${v}`);
  for (const f of d.falseAlarms) lines.push(`   false alarm: ${f}`);
  return lines;
}
