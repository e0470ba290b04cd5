/**
 * `npm run eval [-- --json] [--shared DIR] [--only seeds,basil,polnear,sample] [--labelled DIR ...]`
 *
 * Measures the analysis end to end: every section ingests into a fresh
 * temporary database, analyses it, and scores what came out.
 *   1. ../shared/seeds: the README's divergences, each caught with a fitting kind;
 *      flags whose span lies in page chrome (boilerplate blocks).
 *   2. ../shared/datasets/basil-dev: story grouping (pairwise P/R/F1 against
 *      `event`, which never reaches the ingest) and flag volume on honest journalism.
 *   3. ../shared/datasets/polnear-dev: quote recall and speaker accuracy (evalPolnear).
 *   4. db/sample: every planted divergence caught, and no other medium/high flag.
 *   1b'. tests/fixtures/heldout/*: held-out corpora in divergence-dev's layout, written for this
 *      project (their README says how each was used); --labelled DIR (repeatable) adds any other
 *      corpus in that layout. Scored with the corpus's own score.mjs, else divergence-dev's.
 * A section whose data is absent is skipped with a message saying so.
 * The seed checks below are scoring (what the README says must be found), not
 * detection: the analysis never sees them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { analyzePending } from "../db/analyze";
import { openDb, type Db } from "../db/client";
import { ingestInputs } from "../db/ingest";
import { loadExportData } from "../db/export";
import { articles, outlets, segments } from "../db/schema";
import type { ExportFlag } from "../lib/export/types";
import { scorePairwise, type PairwiseScore } from "../lib/stories";
import { FLAG_KINDS, type FlagKind, type Severity } from "../lib/types";
import { evalDivergence, divergenceLines, type DivergenceScore } from "./eval-divergence";
import { describeFolds, evalMrpc, type MrpcEval } from "./eval-mrpc";
import { evalPolnear, type PolnearReport } from "./eval-polnear";
import { evalRewrites, type RewritesReport } from "./eval-rewrites";

const ROOT = path.resolve(__dirname, "..");
export const SAMPLE_DIR = path.join(ROOT, "db", "sample");

// ---------------------------------------------------------------- running a corpus

/** One stored flag with where it sits: the export's flag shape, so eval reads flags the way every export does. */
export type EvalFlag = ExportFlag;

export interface EvalArticle {
  id: number;
  source: string;
  outlet: string;
  storyId: number | null;
  body: string;
  /** Boilerplate blocks (page chrome) found by the segmenter. */
  chrome: { start: number; end: number }[];
}

export interface CorpusRun {
  articles: EvalArticle[];
  flags: EvalFlag[];
  ingestFailures: string[];
  seconds: { ingest: number; analyze: number };
}

async function readCorpus(db: Db): Promise<Pick<CorpusRun, "articles" | "flags">> {
  const arts = db
    .select({ id: articles.id, source: articles.source, outlet: outlets.name, storyId: articles.storyId, body: articles.body })
    .from(articles)
    .innerJoin(outlets, eq(articles.outletId, outlets.id))
    .where(eq(articles.current, true))
    .all();
  const chrome = db
    .select({ articleId: segments.articleId, start: segments.start, end: segments.end, kind: segments.kind })
    .from(segments)
    .where(eq(segments.boilerplate, true))
    .all()
    .filter((s) => s.kind !== "sentence");
  const evalArticles: EvalArticle[] = arts.map((a) => ({
    ...a,
    chrome: chrome.filter((c) => c.articleId === a.id).map((c) => ({ start: c.start, end: c.end })),
  }));
  return { articles: evalArticles, flags: (await loadExportData(db, { stale: false })).flags };
}

/**
 * Ingests `inputs` into a fresh temporary database, analyses everything, reads
 * back articles and flags, and deletes the database. One clock for the run.
 */
export async function runCorpus(inputs: string[], now = new Date()): Promise<CorpusRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-eval-"));
  const db = openDb(path.join(dir, "eval.db"));
  try {
    const t0 = performance.now();
    const run = await ingestInputs(db, inputs, { now: () => now });
    const t1 = performance.now();
    await analyzePending(db, { now: () => now });
    const t2 = performance.now();
    const ingestFailures = run.results.filter((r) => r.status === "failed").map((r) => r.error ?? r.input);
    return { ...(await readCorpus(db)), ingestFailures, seconds: { ingest: (t1 - t0) / 1000, analyze: (t2 - t1) / 1000 } };
  } finally {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True when at least half of the flag's span lies inside page-chrome blocks. */
export function inChrome(flag: { start: number; end: number }, chrome: { start: number; end: number }[]): boolean {
  const len = Math.max(1, flag.end - flag.start);
  let covered = 0;
  for (const c of chrome) covered += Math.max(0, Math.min(flag.end, c.end) - Math.max(flag.start, c.start));
  return covered * 2 >= len;
}

const short = (s: string, n = 90) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? one.slice(0, n - 1) + "…" : one;
};
const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

// ---------------------------------------------------------------- section 4: sample corpus

export interface Planted {
  story: string;
  /** Relative to db/sample; a JSONL record as `file#N`, like the ingest's source. */
  file: string;
  kind: FlagKind;
  text: string;
  why: string;
}

export function readPlanted(dir = SAMPLE_DIR): Planted[] {
  const list = JSON.parse(fs.readFileSync(path.join(dir, "planted.json"), "utf8")) as Planted[];
  for (const p of list) if (!FLAG_KINDS.includes(p.kind)) throw new Error(`planted.json: unknown kind "${p.kind}" for ${p.file}`);
  return list;
}

/** The article a planted entry names: its source ends with `/<file>` (sources are paths as given to ingest). */
export function plantedArticle<A extends { source: string }>(p: Planted, arts: A[]): A | undefined {
  const want = p.file.split(path.sep).join("/");
  return arts.find((a) => {
    const s = a.source.split(path.sep).join("/");
    return s === want || s.endsWith("/" + want);
  });
}

export interface PlantedResult {
  planted: Planted;
  articleFound: boolean;
  caught: EvalFlag | null;
  /** Flags on the same span with another kind, for diagnosis. */
  near: EvalFlag[];
}

export interface SampleScore {
  results: PlantedResult[];
  caught: number;
  /** Medium/high flags that catch no planted divergence. */
  others: EvalFlag[];
}

/** Scores a run over the sample corpus against planted.json: kind + article + span containing the planted text. */
export function scoreSample(run: Pick<CorpusRun, "articles" | "flags">, planted: Planted[]): SampleScore {
  const catching = new Set<number>();
  const results = planted.map((p): PlantedResult => {
    const art = plantedArticle(p, run.articles);
    if (!art) return { planted: p, articleFound: false, caught: null, near: [] };
    const at = art.body.indexOf(p.text);
    const covers = (f: EvalFlag) => f.articleId === art.id && ((at >= 0 && f.start <= at && f.end >= at + p.text.length) || f.text.includes(p.text));
    const onSpan = run.flags.filter(covers);
    const caught = onSpan.filter((f) => f.kind === p.kind).sort((a, b) => b.confidence - a.confidence)[0] ?? null;
    if (caught) catching.add(caught.id);
    return { planted: p, articleFound: true, caught, near: onSpan.filter((f) => f.kind !== p.kind) };
  });
  const others = run.flags.filter((f) => f.severity !== "low" && !catching.has(f.id));
  return { results, caught: results.filter((r) => r.caught).length, others };
}

// ---------------------------------------------------------------- section 1: seeds

interface SeedCase {
  name: string;
  /** File name prefix of the seed that must carry the flag. */
  files: string[];
  kinds: FlagKind[];
  /** The flagged text must contain one of these (case-insensitive); empty = any text. */
  needles: string[];
}

/** What ../shared/seeds/README.md says must be surfaced, as checks. */
const SEED_CASES: SeedCase[] = [
  { name: "004 'Expert Opinion' quote no other outlet has", files: ["004"], kinds: ["quote_unattested"], needles: ["tightrope"] },
  { name: "004 added 'What This Means for You' list", files: ["004"], kinds: ["claim_added", "structure_added"], needles: ["reevaluate", "congressional", "contingency plans", "interoperable"] },
  { name: "003 Zelensky quote reworded ('indeed crucial')", files: ["003"], kinds: ["quote_paraphrased"], needles: ["indeed crucial"] },
  // One flag per divergence: a quote both reworded and cut may be one quote_paraphrased flag naming the cut.
  { name: "003 cuts the rest of that quote", files: ["003"], kinds: ["quote_truncated", "quote_paraphrased"], needles: ["crucial that america"] },
  { name: "000/001 same Witkoff Fox News sentence, different words", files: ["000", "001"], kinds: ["quote_paraphrased"], needles: ["security guarantees, but not from nato"] },
  { name: "003 added FAQ block", files: ["003"], kinds: ["structure_added"], needles: ["potential obstacles", "initial stance"] },
  { name: "004 added 'People Also Ask' block", files: ["004"], kinds: ["structure_added"], needles: ["differ from nato membership", "people also ask", "crimea"] },
  { name: "003 claims no other outlet makes", files: ["003"], kinds: ["claim_added"], needles: [] },
  // One flag per divergence: claims listed inside an added block are that block's structure_added flag.
  { name: "004 claims no other outlet makes", files: ["004"], kinds: ["claim_added", "structure_added"], needles: [] },
];

export interface SeedScore {
  articles: number;
  stories: number;
  flags: number;
  bySeverity: Record<Severity, number>;
  cases: { name: string; caught: EvalFlag | null }[];
  caught: number;
  chromeFlags: EvalFlag[];
}

function scoreSeeds(run: CorpusRun): SeedScore {
  const base = (f: EvalFlag) => path.basename(f.source.replace(/#\d+$/, ""));
  const cases = SEED_CASES.map((c) => {
    const hit = run.flags
      .filter((f) => c.kinds.includes(f.kind) && c.files.some((p) => base(f).startsWith(p)))
      .filter((f) => c.needles.length === 0 || c.needles.some((n) => f.text.toLowerCase().includes(n)))
      .sort((a, b) => b.confidence - a.confidence)[0];
    return { name: c.name, caught: hit ?? null };
  });
  const byArticle = new Map(run.articles.map((a) => [a.id, a]));
  const chromeFlags = run.flags.filter((f) => inChrome(f, byArticle.get(f.articleId)?.chrome ?? []));
  return {
    articles: run.articles.length,
    stories: new Set(run.articles.map((a) => a.storyId)).size,
    flags: run.flags.length,
    bySeverity: countSeverity(run.flags),
    cases,
    caught: cases.filter((c) => c.caught).length,
    chromeFlags,
  };
}

function countSeverity(fl: EvalFlag[]): Record<Severity, number> {
  const out: Record<Severity, number> = { low: 0, medium: 0, high: 0 };
  for (const f of fl) out[f.severity]++;
  return out;
}

// ---------------------------------------------------------------- section 2: BASIL

export interface BasilScore {
  articles: number;
  events: number;
  stories: number;
  grouping: PairwiseScore;
  highPerArticle: { mean: number; max: number };
  perArticleByKind: Record<FlagKind, number>;
  flagsPerArticle: number;
  bySeverity: Record<Severity, number>;
  /** The high-severity flags on honest reporting, for review. */
  highFlags: EvalFlag[];
}

/**
 * Writes the BASIL records to a temporary JSONL without `event` or `id` (the id
 * embeds the event), so the grouping truth can never reach the analysis.
 * Returns the file and the truth by source.
 */
function stripBasil(file: string, dir: string): { input: string; truth: Map<string, string> } {
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
  const input = path.join(dir, path.basename(path.dirname(file)) + ".jsonl");
  const truth = new Map<string, string>();
  const out: string[] = [];
  lines.forEach((line, i) => {
    const r = JSON.parse(line) as Record<string, unknown>;
    out.push(JSON.stringify({ title: r.title, outlet: r.outlet, url: r.url, published: r.published, body: r.body }));
    truth.set(`${input}#${i + 1}`, String(r.event));
  });
  fs.writeFileSync(input, out.join("\n") + "\n");
  return { input, truth };
}

/** The story each article of a run was put in, by source (unassigned articles each alone). */
function predictedStories(run: CorpusRun): Map<string, string> {
  return new Map(run.articles.map((a) => [a.source, a.storyId === null ? `none:${a.id}` : `story:${a.storyId}`]));
}

/** Ingests and analyses a labelled JSONL data set (basil-dev layout) with its labels stripped; returns the run and the truth. */
async function runLabelled(file: string, now: Date): Promise<{ run: CorpusRun; truth: Map<string, string> }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-eval-labelled-"));
  try {
    const { input, truth } = stripBasil(file, tmp);
    return { run: await runCorpus([input], now), truth };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function scoreBasil(run: CorpusRun, truth: Map<string, string>): BasilScore {
  const predicted = predictedStories(run);
  const n = run.articles.length || 1;
  const high = new Map<number, number>();
  for (const f of run.flags) if (f.severity === "high") high.set(f.articleId, (high.get(f.articleId) ?? 0) + 1);
  const perKind = Object.fromEntries(FLAG_KINDS.map((k) => [k, run.flags.filter((f) => f.kind === k).length / n])) as Record<FlagKind, number>;
  return {
    articles: run.articles.length,
    events: new Set(truth.values()).size,
    stories: new Set(run.articles.map((a) => a.storyId)).size,
    grouping: scorePairwise(predicted, truth),
    highPerArticle: { mean: [...high.values()].reduce((s, x) => s + x, 0) / n, max: Math.max(0, ...high.values()) },
    perArticleByKind: perKind,
    flagsPerArticle: run.flags.length / n,
    bySeverity: countSeverity(run.flags),
    highFlags: run.flags.filter((f) => f.severity === "high"),
  };
}

// ---------------------------------------------------------------- section 3: PolNeAR

/** PolNeAR: developed on the train split, checked on dev (which the extraction was not tuned on). */
function runPolnear(shared: string): { train: PolnearReport | null; dev: PolnearReport } {
  const train = fs.existsSync(path.join(shared, "datasets", "polnear-train")) ? evalPolnear(shared, "train") : null;
  return { train, dev: evalPolnear(shared, "dev") };
}

/** The headline numbers of the PolNeAR report. */
function polnearLines(r: PolnearReport): string[] {
  return [
    `${r.articles} articles, ${r.goldDirectQuotes} gold direct quotes, ${r.predictedQuotes} predicted quotes`,
    `quote recall ${fmt(r.recall)} (${r.recalled}/${r.goldDirectQuotes})`,
    `speaker accuracy ${fmt(r.speakerAccuracy)} (${r.speakerCorrect}/${r.goldWithSource} recalled quotes with a gold speaker)`,
    `predicted quotes inside gold content ${fmt(r.precisionVsContent)} (${r.predictedInContent}/${r.predictedQuotes}; a precision proxy)`,
  ];
}

// ---------------------------------------------------------------- main

type SectionName = "seeds" | "divergence" | "heldout" | "rewrites" | "basil" | "allsides" | "polnear" | "mrpc" | "sample";
const SECTIONS: SectionName[] = ["seeds", "divergence", "heldout", "rewrites", "basil", "allsides", "polnear", "mrpc", "sample"];
/** The held-out corpora written for this project (tests/fixtures/heldout/README.md). */
const HELDOUT_DIR = path.join(ROOT, "tests", "fixtures", "heldout");

interface Report {
  generatedAt: string;
  shared: string;
  /** Corpora given with --labelled, by folder. */
  labelled: { dir: string; score: DivergenceScore | { skipped: string } }[];
  seeds: SeedScore | { skipped: string };
  divergence: DivergenceScore | { skipped: string };
  rewrites: Omit<RewritesReport, "scores"> | { skipped: string };
  basil: BasilScore | { skipped: string };
  allsides: (BasilScore & { halves: PairwiseScore[] }) | { skipped: string };
  mrpc: Omit<MrpcEval, "pairs"> & { pairs: number } | { skipped: string };
  polnear: { train: PolnearReport | null; dev: PolnearReport } | { skipped: string };
  sample: (SampleScore & { articles: number; stories: number }) | { skipped: string };
  seconds: Record<string, number>;
}

const USAGE = `usage: npm run eval [-- --json] [--shared DIR] [--only ${SECTIONS.join(",")}] [--labelled DIR ...]`;

function parseCli(argv: string[]): { json: boolean; shared: string; only: SectionName[]; labelled: string[] } {
  const labelled: string[] = [];
  let json = false;
  let shared = path.resolve(ROOT, "..", "shared");
  let only = SECTIONS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--shared" && argv[i + 1]) shared = path.resolve(argv[++i]);
    else if (a === "--labelled" && argv[i + 1]) labelled.push(path.resolve(argv[++i]));
    else if (a === "--only" && argv[i + 1]) {
      const names = argv[++i].split(",").map((s) => s.trim());
      const bad = names.filter((n) => !SECTIONS.includes(n as SectionName));
      if (bad.length) throw new Error(`--only: unknown section ${bad.join(", ")} (expected ${SECTIONS.join(", ")})`);
      only = names as SectionName[];
    } else if (a === "--help" || a === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument "${a}" (${USAGE})`);
  }
  return { json, shared, only, labelled };
}

const flagLine = (f: EvalFlag) => `#${f.id} ${f.kind}/${f.severity} ${f.confidence.toFixed(2)} ${f.outlet}: "${short(f.text, 70)}"`;

function printReport(r: Report): void {
  const out: string[] = [];
  const p = (s = "") => out.push(s);
  p(`Parallax eval  ${r.generatedAt}`);
  p(`shared data: ${r.shared}`);
  p();
  p("1. Seeds (../shared/seeds)");
  if ("skipped" in r.seeds) p(`   skipped: ${r.seeds.skipped}`);
  else {
    const s = r.seeds;
    p(`   ${s.articles} articles -> ${s.stories} stor${s.stories === 1 ? "y" : "ies"}; ${s.flags} flags (high ${s.bySeverity.high}, medium ${s.bySeverity.medium}, low ${s.bySeverity.low})`);
    for (const c of s.cases) p(`   [${c.caught ? "x" : " "}] ${c.name}${c.caught ? `  <- ${flagLine(c.caught)}` : ""}`);
    p(`   caught ${s.caught}/${s.cases.length}; flags in page chrome: ${s.chromeFlags.length}`);
    for (const f of s.chromeFlags.slice(0, 10)) p(`      chrome: ${flagLine(f)}`);
  }
  p();
  p("1b. divergence-dev (../shared/datasets/divergence-dev, its own scorer)");
  if ("skipped" in r.divergence) p(`   skipped: ${r.divergence.skipped}`);
  else for (const l of divergenceLines(r.divergence)) p(`   ${l}`);
  for (const { dir, score } of r.labelled) {
    p();
    p(`1b'. labelled corpus ${dir} (divergence-dev's scorer)`);
    if ("skipped" in score) p(`   skipped: ${score.skipped}`);
    else for (const l of divergenceLines(score)) p(`   ${l}`);
  }
  p();
  p("1c. rewrites-dev (../shared/datasets/rewrites-dev)");
  if ("skipped" in r.rewrites) p(`   skipped: ${r.rewrites.skipped}`);
  else {
    const w = r.rewrites;
    p(`   ${w.pairs} pairs (${w.unfaithful} unfaithful, ${w.faithful} faithful); ROC AUC ${fmt(w.auc)}`);
    p(`   medium-or-high flag on ${fmt(100 * w.unfaithfulFlagged, 1)}% of unfaithful rewrites, ${fmt(100 * w.faithfulFlagged, 1)}% of faithful ones`);
    p(`   by kind: ${Object.entries(w.byKind).map(([k, v]) => `${k} ${v.flagged}/${v.n}`).join(", ")}`);
    p(`   medium-or-high flags on the original, per pair: ${fmt(w.originalSeriousPerPair, 2)}`);
  }
  p();
  p("1d. MRPC train (../shared/datasets/mrpc-train), 10-fold cross-validated");
  if ("skipped" in r.mrpc) p(`   skipped: ${r.mrpc.skipped}`);
  else p(`   ${r.mrpc.pairs} pairs: support score accuracy ${fmt(r.mrpc.cvAccuracy)} (folds ${describeFolds(r.mrpc.foldAccuracies)}); word overlap ${fmt(r.mrpc.overlapAccuracy)}`);
  p();
  for (const [name, title, b0] of [["basil", "2. BASIL dev (../shared/datasets/basil-dev)", r.basil], ["allsides", "2b. AllSides dev (../shared/datasets/allsides-dev)", r.allsides]] as const) {
  p(title);
  if ("skipped" in b0) { p(`   skipped: ${b0.skipped}`); p(); continue; }
  {
    const b = b0;
    p(`   ${b.articles} articles, ${b.events} true events -> ${b.stories} stories`);
    p(`   grouping pairwise: precision ${fmt(b.grouping.precision)}  recall ${fmt(b.grouping.recall)}  F1 ${fmt(b.grouping.f1)}  (${b.grouping.correctPairs}/${b.grouping.predictedPairs} predicted pairs, ${b.grouping.truePairs} true pairs)`);
    p(`   flags per article ${fmt(b.flagsPerArticle, 2)} (high ${b.bySeverity.high}, medium ${b.bySeverity.medium}, low ${b.bySeverity.low})`);
    p(`   high-severity flags per article: mean ${fmt(b.highPerArticle.mean, 2)}, max ${b.highPerArticle.max}`);
    p(`   per article by kind: ${FLAG_KINDS.map((k) => `${k} ${fmt(b.perArticleByKind[k], 2)}`).join(", ")}`);
    if (name === "allsides" && "halves" in b) p(`   grouping F1 on each half (split by line order): ${b.halves.map((h) => fmt(h.f1)).join(" / ")}`);
    for (const f of b.highFlags.slice(0, 12)) p(`      high: ${flagLine(f)}`);
  }
  p();
  }
  p("3. PolNeAR: develop on polnear-train, check on polnear-dev");
  if ("skipped" in r.polnear) p(`   skipped: ${r.polnear.skipped}`);
  else {
    if (r.polnear.train) for (const l of polnearLines(r.polnear.train)) p(`   train: ${l}`);
    for (const l of polnearLines(r.polnear.dev)) p(`   dev:   ${l}`);
  }
  p();
  p("4. Sample corpus (db/sample)");
  if ("skipped" in r.sample) p(`   skipped: ${r.sample.skipped}`);
  else {
    const s = r.sample;
    p(`   ${s.articles} articles -> ${s.stories} stories`);
    for (const x of s.results) {
      const where = `${x.planted.kind} in ${x.planted.file}: "${short(x.planted.text, 50)}"`;
      if (!x.articleFound) p(`   [ ] ${where}  (article not ingested)`);
      else p(`   [${x.caught ? "x" : " "}] ${where}${x.caught ? `  <- #${x.caught.id} ${x.caught.severity}` : x.near.length ? `  (on that span: ${x.near.map((f) => `${f.kind}/${f.severity}`).join(", ")})` : ""}`);
    }
    p(`   caught ${s.caught}/${s.results.length}; other medium/high flags: ${s.others.length}${s.others.length ? "" : " (none, as wanted)"}`);
    for (const f of s.others) p(`      other: ${flagLine(f)}`);
  }
  p();
  p(`time: ${Object.entries(r.seconds).map(([k, v]) => `${k} ${v.toFixed(1)}s`).join(", ")}`);
  process.stdout.write(out.join("\n") + "\n");
}

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  const now = new Date();
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      seconds[name] = (performance.now() - t) / 1000;
    }
  };
  const log = (s: string) => {
    if (!cli.json) process.stderr.write(s + "\n");
  };
  const want = (s: SectionName) => cli.only.includes(s);
  const skip = (why: string) => ({ skipped: why });
  const sharedMissing = fs.existsSync(cli.shared) ? null : `${cli.shared} is absent`;

  const report: Report = {
    generatedAt: now.toISOString(),
    shared: cli.shared,
    labelled: [],
    seeds: skip("not requested"),
    divergence: skip("not requested"),
    rewrites: skip("not requested"),
    basil: skip("not requested"),
    allsides: skip("not requested"),
    mrpc: skip("not requested"),
    polnear: skip("not requested"),
    sample: skip("not requested"),
    seconds,
  };

  if (want("seeds")) {
    const dir = path.join(cli.shared, "seeds");
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.(txt|md|html?)$/i.test(f) && !/^readme\b/i.test(f)).sort() : [];
    if (sharedMissing || files.length === 0) report.seeds = skip(sharedMissing ?? `${dir} is absent or holds no articles`);
    else {
      log("seeds: ingest + analyse ...");
      const run = await timed("seeds", () => runCorpus(files.map((f) => path.join(dir, f)), now));
      report.seeds = scoreSeeds(run);
    }
  }

  if (want("basil")) {
    const file = path.join(cli.shared, "datasets", "basil-dev", "articles.jsonl");
    if (!fs.existsSync(file)) report.basil = skip(sharedMissing ?? `${file} is absent`);
    else {
      log("basil: ingest + analyse 150 articles ...");
      const { run, truth } = await timed("basil", () => runLabelled(file, now));
      report.basil = scoreBasil(run, truth);
    }
  }

  if (want("divergence")) {
    const dir = path.join(cli.shared, "datasets", "divergence-dev");
    if (!fs.existsSync(path.join(dir, "corpus"))) report.divergence = skip(sharedMissing ?? `${dir} is absent`);
    else {
      log("divergence-dev: ingest + analyse + score ...");
      report.divergence = await timed("divergence", () => evalDivergence(dir, now, runCorpus));
    }
  }

  // Held-out corpora and any --labelled one: scored with their own score.mjs, else divergence-dev's.
  const labelled = [
    ...(want("heldout") && fs.existsSync(HELDOUT_DIR)
      ? fs.readdirSync(HELDOUT_DIR).filter((d) => fs.existsSync(path.join(HELDOUT_DIR, d, "gold.json"))).sort().map((d) => path.join(HELDOUT_DIR, d))
      : []),
    ...cli.labelled,
  ];
  const sharedScorer = path.join(cli.shared, "datasets", "divergence-dev", "score.mjs");
  for (const dir of labelled) {
    const scorer = fs.existsSync(path.join(dir, "score.mjs")) ? path.join(dir, "score.mjs") : sharedScorer;
    const missing = ["corpus", "gold.json", "stories.json"].filter((f) => !fs.existsSync(path.join(dir, f)));
    if (!fs.existsSync(scorer)) missing.push(`a scorer (${scorer})`);
    const name = path.relative(ROOT, dir) || dir;
    if (missing.length) report.labelled.push({ dir: name, score: skip(`${dir} lacks ${missing.join(", ")}`) });
    else {
      log(`${name}: ingest + analyse + score ...`);
      report.labelled.push({ dir: name, score: await timed(path.basename(dir), () => evalDivergence(dir, now, runCorpus, scorer)) });
    }
  }

  if (want("rewrites")) {
    const dir = path.join(cli.shared, "datasets", "rewrites-dev");
    if (!fs.existsSync(dir)) report.rewrites = skip(sharedMissing ?? `${dir} is absent`);
    else {
      log("rewrites-dev: analyse 233 pairs ...");
      const { scores: _scores, ...rest } = await timed("rewrites", async () => evalRewrites(dir));
      report.rewrites = rest;
    }
  }

  if (want("mrpc")) {
    const file = path.join(cli.shared, "datasets", "mrpc-train", "pairs.tsv");
    if (!fs.existsSync(file)) report.mrpc = skip(sharedMissing ?? `${file} is absent`);
    else {
      log("mrpc-train: 10-fold cross-validation ...");
      const { pairs, ...rest } = await timed("mrpc", async () => evalMrpc(file));
      report.mrpc = { ...rest, pairs: pairs };
    }
  }

  if (want("allsides")) {
    const file = path.join(cli.shared, "datasets", "allsides-dev", "articles.jsonl");
    if (!fs.existsSync(file)) report.allsides = skip(sharedMissing ?? `${file} is absent`);
    else {
      log("allsides: ingest + analyse 731 articles ...");
      const { run, truth } = await timed("allsides", () => runLabelled(file, now));
      const score = scoreBasil(run, truth);
      // Two halves by line order, each scored on its own: how stable the figure is.
      const keys = [...truth.keys()];
      const half = (h: number) => new Map(keys.filter((_, i) => i % 2 === h).map((k) => [k, truth.get(k)!]));
      const predicted = predictedStories(run);
      const halves = [0, 1].map((h) => {
        const t = half(h);
        return scorePairwise(new Map([...predicted].filter(([k]) => t.has(k))), t);
      });
      report.allsides = { ...score, halves };
    }
  }

  if (want("polnear")) {
    const dir = path.join(cli.shared, "datasets", "polnear-dev");
    if (!fs.existsSync(dir)) report.polnear = skip(sharedMissing ?? `${dir} is absent`);
    else {
      log("polnear: quote extraction ...");
      report.polnear = await timed("polnear", async () => runPolnear(cli.shared));
    }
  }

  if (want("sample")) {
    const dir = path.join(SAMPLE_DIR, "articles");
    if (!fs.existsSync(dir)) report.sample = skip(`${dir} is absent`);
    else {
      log("sample: ingest + analyse ...");
      const run = await timed("sample", () => runCorpus([dir], now));
      report.sample = { ...scoreSample(run, readPlanted()), articles: run.articles.length, stories: new Set(run.articles.map((a) => a.storyId)).size };
    }
  }

  if (cli.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else printReport(report);
}

// Run only as a script: tests import the scoring functions above.
if (process.argv[1] && ["eval.ts", "eval"].includes(path.basename(process.argv[1]))) {
  main().catch((err) => {
    process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
