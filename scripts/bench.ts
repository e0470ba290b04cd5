/**
 * `npm run bench -- --articles N [--json]`: throughput and scaling benchmark.
 *
 * Builds a deterministic synthetic corpus of N articles in about N/10 stories
 * (variants of the bundled sample corpus, plus unrelated filler; lib/bench),
 * writes it as one JSONL file per story into a temporary folder, and measures,
 * each in a fresh database:
 *   - ingest (ingestInputs on that folder) and analysis (analyzePending), in articles per second;
 *   - peak resident memory of the process (VmHWM, reset before the pipeline when the kernel allows);
 *   - export of every flag (JSON) and the server time of a filtered, sorted /flags page;
 *   - the /flags page data at 100,000 synthetic flags (scripts/seed-flags.ts);
 *   - two references: a floor (read and tokenise every article, nothing else) and a naive
 *     aligner (every sentence against every sentence of the story's other articles, word diffs)
 *     on a smaller corpus, each as a ratio to Parallax;
 *   - with --scaling, the same pipeline at N/10 in a child process, and the time ratio.
 * Prints a table, or with --json one JSON object including the targets and pass/fail.
 *
 * Options: --articles N (1000) --seed S (1) --naive-articles M (min(N, 100); 0 skips)
 *          --flags F (100000; 0 skips) --runs R (/flags repetitions, 7) --scaling --keep --json
 *          --stages (re-run extraction, alignment and classification per story to show where time goes)
 *
 * Stores and corpora (scripts/bench-store.ts): `--store postgres [--workers 1,2,4] [--db postgres://...]`
 * ingests into PostgreSQL (a throw-away cluster unless --db or DATABASE_URL names one) and times
 * N `npm run worker` processes until every story is analysed, each N on a fresh database, beside
 * the in-process SQLite figure; `--corpus real` uses the real articles of ../shared/datasets,
 * replicated to --articles (lib/bench/replicate), on either store.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../db/client";
import { ingestInputs } from "../db/ingest";
import { analyzePending, assignPending, type AnalyzeSummary } from "../db/analyze";
import { exportFlags } from "../db/export";
import { flagFacets, listFlags } from "../db/queries";
import { articles, outlets } from "../db/schema";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { analyzeArticle } from "../lib/analyze";
import { alignStory, toAlignments } from "../lib/align";
import { classifyStory } from "../lib/classify";
import { seedFlags } from "./seed-flags";
import { loadSamples, writeCorpus } from "./corpus-files";
import { generateCorpus, type SampleStory, type SyntheticArticle } from "../lib/bench/corpus";
import { countTokensFloor } from "../lib/bench/floor";
import { alignStoryNaive, type NaiveStoryResult } from "../lib/bench/naive";
import { createRandom } from "../lib/bench/random";
import type { ArticleText, FlagQuery } from "../lib/types";
import { parseStoreOptions, type StoreOptions } from "../lib/bench/options";
import { runStoreBench } from "./bench-store";

const ROOT = path.resolve(__dirname, "..");
/** Fixed clock for everything the benchmark stores: runs are comparable and deterministic. */
const CLOCK = new Date("2026-06-01T12:00:00Z");

/** The targets on the reference machine (2 cores). */
const TARGETS = {
  totalSecondsAt10k: 120,
  peakRssMb: 1536,
  scalingRatio: 12,
  flagsPageMs: 300,
};

interface Options {
  articles: number;
  seed: number;
  naiveArticles: number;
  flags: number;
  runs: number;
  scaling: boolean;
  keep: boolean;
  json: boolean;
  stages: boolean;
  store: StoreOptions;
}

function parseArgs(argv: string[]): Options {
  const flagsOnly = new Set(["--scaling", "--keep", "--json", "--stages"]);
  const known = new Set(["--articles", "--seed", "--naive-articles", "--flags", "--runs", "--store", "--workers", "--corpus", "--db", ...flagsOnly]);
  const values = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!known.has(a)) throw new Error(`bench: unknown option "${a}" (known: ${[...known].join(" ")})`);
    if (flagsOnly.has(a)) values.set(a, true);
    else {
      const v = argv[++i];
      if (v === undefined) throw new Error(`bench: ${a} needs a value`);
      values.set(a, v);
    }
  }
  const int = (name: string, dflt: number, min: number): number => {
    const raw = values.get(name);
    if (raw === undefined) return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`bench: ${name} must be a whole number >= ${min}, got "${String(raw)}"`);
    return n;
  };
  const str = (name: string): string | undefined => {
    const raw = values.get(name);
    return typeof raw === "string" ? raw : undefined;
  };
  const articlesN = int("--articles", 1000, 1);
  return {
    articles: articlesN,
    seed: int("--seed", 1, 0),
    naiveArticles: int("--naive-articles", Math.min(articlesN, 100), 0),
    flags: int("--flags", 100_000, 0),
    runs: int("--runs", 7, 1),
    scaling: values.has("--scaling"),
    keep: values.has("--keep"),
    json: values.has("--json"),
    stages: values.has("--stages"),
    store: parseStoreOptions({ store: str("--store"), workers: str("--workers"), corpus: str("--corpus"), db: str("--db") }),
  };
}

/** Peak resident set size of this process so far, in MB (VmHWM), or null off Linux. */
function peakRssMb(): number | null {
  try {
    const m = fs.readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Resets VmHWM to the current RSS (Linux: writing 5 to clear_refs). Returns whether it worked. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds (user + system) this process has used so far. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.95 * s.length) - 1)];
}

interface PageTiming {
  view: string;
  matches: number;
  medianMs: number;
  p95Ms: number;
  firstMs: number;
}

/** The views the /flags benchmark times: each is listFlags (50 rows) + flagFacets, as the page does. */
const PAGE_VIEWS: { view: string; query: FlagQuery; page: number }[] = [
  {
    view: "open, high+medium, 3 kinds, sorted by confidence, page 3",
    query: {
      status: ["open"],
      severity: ["high", "medium"],
      kind: ["quote_paraphrased", "quote_truncated", "claim_added"],
      sort: [{ id: "confidence", desc: false }],
    },
    page: 2,
  },
  { view: "all flags sorted by outlet then text, page 10", query: { sort: [{ id: "outlet", desc: false }, { id: "text", desc: false }] }, page: 9 },
  { view: "search 'quote', open, sorted by updated", query: { q: "quote", status: ["open"], sort: [{ id: "updatedAt", desc: true }] }, page: 0 },
];

async function timePages(db: Db, runs: number): Promise<PageTiming[]> {
  const out: PageTiming[] = [];
  for (const { view, query, page } of PAGE_VIEWS) {
    const times: number[] = [];
    let matches = 0;
    for (let r = 0; r < runs + 1; r++) {
      const t = performance.now();
      const result = await listFlags(db, query, { index: page, size: 50 });
      await flagFacets(db, query);
      times.push(performance.now() - t);
      matches = result.total;
    }
    const [first, ...rest] = times;
    out.push({ view, matches, medianMs: median(rest), p95Ms: p95(rest), firstMs: first });
  }
  return out;
}

/** Pair-counting agreement of the found stories with the generator's truth (precision: not merged; recall: not split). */
function groupingQuality(db: Db, corpus: SyntheticArticle[]): { found: number; truth: number; pairPrecision: number; pairRecall: number } {
  const truth = new Map(corpus.map((a) => [a.key, a.story]));
  const rows = db.select({ url: articles.canonicalUrl, story: articles.storyId }).from(articles).all();
  const found = new Map<string, number>(); // "truth|found" → count
  const byFound = new Map<number, number>();
  const byTruth = new Map<number, number>();
  for (const r of rows) {
    const key = r.url?.split("/").pop() ?? "";
    const t = truth.get(key);
    if (t === undefined || r.story === null) continue;
    const k = `${t}|${r.story}`;
    found.set(k, (found.get(k) ?? 0) + 1);
    byFound.set(r.story, (byFound.get(r.story) ?? 0) + 1);
    byTruth.set(t, (byTruth.get(t) ?? 0) + 1);
  }
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let both = 0;
  for (const n of found.values()) both += pairs(n);
  let inFound = 0;
  for (const n of byFound.values()) inFound += pairs(n);
  let inTruth = 0;
  for (const n of byTruth.values()) inTruth += pairs(n);
  return {
    found: byFound.size,
    truth: new Set(corpus.map((a) => a.story)).size,
    pairPrecision: inFound === 0 ? 1 : both / inFound,
    pairRecall: inTruth === 0 ? 1 : both / inTruth,
  };
}

/** The analysis summary without its per-story reports (thousands of rows at scale). */
function analysisTotals(summary: AnalyzeSummary): Omit<AnalyzeSummary, "reports"> {
  const { reports: _reports, ...totals } = summary;
  return totals;
}

interface PipelineResult {
  articles: number;
  stories: number;
  ingest: { seconds: number; articlesPerSecond: number; added: number; failed: number };
  analysis: {
    seconds: number;
    cpuSeconds: number;
    articlesPerSecond: number;
    /** Story grouping (assignPending) and the per-story analysis and save that follow it. */
    groupingSeconds: number;
    groupingCpuSeconds: number;
    storiesSeconds: number;
    summary: Omit<AnalyzeSummary, "reports">;
  };
  stages: StageProfile | null;
  totalSeconds: number;
  /** Peak RSS over ingest, analysis, export and the /flags queries (VmHWM). */
  peakRssMb: number | null;
  /** Peak RSS at the end of the analysis, before export. */
  peakRssAnalysisMb: number | null;
  peakRssReset: boolean;
  flags: number;
  export: { seconds: number; format: "json"; bytes: number };
  flagsPage: PageTiming[];
  grouping: ReturnType<typeof groupingQuality>;
}

interface StageProfile {
  /** CPU seconds summed over every story, re-running the pure stages on the stored articles (warm, so slightly low). */
  extractSeconds: number;
  alignSeconds: number;
  classifySeconds: number;
  /** Per-story analysis CPU time not spent in the pure stages: loading, page-chrome lines, saving. */
  databaseSeconds: number;
}

/**
 * Where per-story time goes: re-runs extraction (segments, quotes, claims),
 * alignment and classification on every stored story and times each; the
 * rest of the measured per-story time is loading and saving.
 */
function stageProfile(db: Db, storiesCpuSeconds: number): StageProfile {
  const rows = db
    .select({ id: articles.id, storyId: articles.storyId, outlet: outlets.name, source: articles.source, title: articles.title, body: articles.body, publishedAt: articles.publishedAt, language: articles.language })
    .from(articles)
    .innerJoin(outlets, eq(outlets.id, articles.outletId))
    .where(and(eq(articles.current, true), isNotNull(articles.storyId)))
    .orderBy(asc(articles.id))
    .all();
  const byStory = new Map<number, ArticleText[]>();
  for (const { storyId, ...text } of rows) {
    const list = byStory.get(storyId!) ?? [];
    list.push(text);
    byStory.set(storyId!, list);
  }
  const profile = { extractSeconds: 0, alignSeconds: 0, classifySeconds: 0, databaseSeconds: 0 };
  for (const texts of byStory.values()) {
    let t = cpuNow();
    const analyses = texts.map((a) => analyzeArticle(a));
    profile.extractSeconds += cpuNow() - t;
    t = cpuNow();
    const al = alignStory(analyses);
    toAlignments(al, { diffs: false });
    profile.alignSeconds += cpuNow() - t;
    t = cpuNow();
    classifyStory(al);
    profile.classifySeconds += cpuNow() - t;
  }
  profile.databaseSeconds = Math.max(0, storiesCpuSeconds - profile.extractSeconds - profile.alignSeconds - profile.classifySeconds);
  return profile;
}

async function runPipeline(dir: string, name: string, corpus: SyntheticArticle[], stories: number, runs: number, stages = false): Promise<PipelineResult> {
  const folder = writeCorpus(path.join(dir, `${name}-corpus`), corpus);
  const db = openDb(path.join(dir, `${name}.db`));
  global.gc?.();
  const reset = resetPeakRss();

  let t = performance.now();
  const run = await ingestInputs(db, [folder], { now: () => CLOCK });
  const ingestSeconds = seconds(t);
  if (run.failed > 0) {
    const first = run.results.find((r) => r.status === "failed");
    throw new Error(`bench: ${run.failed} of ${corpus.length} synthetic articles failed to ingest, first: ${first?.error}`);
  }

  t = performance.now();
  // CPU time as well as wall time: on a shared machine the wall clock includes waiting for a core.
  const cpu0 = cpuNow();
  // Grouping is the first step of analyzePending; run it on its own first to time it apart.
  const grouped = await assignPending(db, () => CLOCK);
  const groupingSeconds = seconds(t);
  const groupingCpuSeconds = cpuNow() - cpu0;
  const summary = await analyzePending(db, { now: () => CLOCK });
  const analysisSeconds = seconds(t);
  const analysisCpuSeconds = cpuNow() - cpu0;
  const peakAnalysis = peakRssMb();

  t = performance.now();
  const exported = await exportFlags(db, {}, "json", CLOCK);
  const exportSeconds = seconds(t);
  const bytes = Buffer.byteLength(exported.body);

  const flagCount = (db.$client.prepare("select count(*) as n from flags").get() as { n: number }).n;
  const flagsPage = await timePages(db, runs);
  // The whole pipeline at N: ingest, analysis, export (the export text is held in memory) and the page queries.
  const peak = peakRssMb();
  const grouping = groupingQuality(db, corpus);
  const stageResult = stages ? stageProfile(db, analysisCpuSeconds - groupingCpuSeconds) : null;
  db.$client.close();
  return {
    articles: corpus.length,
    stories,
    ingest: { seconds: ingestSeconds, articlesPerSecond: corpus.length / ingestSeconds, added: run.added, failed: run.failed },
    analysis: {
      seconds: analysisSeconds,
      cpuSeconds: analysisCpuSeconds,
      articlesPerSecond: corpus.length / analysisSeconds,
      groupingSeconds,
      groupingCpuSeconds,
      storiesSeconds: analysisSeconds - groupingSeconds,
      summary: { ...analysisTotals(summary), assigned: grouped.assigned, createdStories: grouped.created },
    },
    stages: stageResult,
    totalSeconds: ingestSeconds + analysisSeconds,
    peakRssMb: peak,
    peakRssAnalysisMb: peakAnalysis,
    peakRssReset: reset,
    flags: flagCount,
    export: { seconds: exportSeconds, format: "json", bytes },
    flagsPage,
    grouping,
  };
}

/** Floor: read every corpus file, parse its records and tokenise title and body. */
function runFloor(folder: string, count: number): { seconds: number; articlesPerSecond: number; tokens: number } {
  const t = performance.now();
  const texts: string[] = [];
  for (const name of fs.readdirSync(folder).sort()) {
    const text = fs.readFileSync(path.join(folder, name), "utf8");
    for (const line of text.split("\n")) {
      if (!line) continue;
      const rec = JSON.parse(line) as { title: string; body: string };
      texts.push(rec.title, rec.body);
    }
  }
  const tokens = countTokensFloor(texts);
  const s = seconds(t);
  return { seconds: s, articlesPerSecond: count / s, tokens };
}

/** Naive aligner over the truth stories of a corpus, in memory. */
function runNaive(corpus: SyntheticArticle[]): { seconds: number; result: NaiveStoryResult } {
  const byStory = new Map<number, { id: number; body: string }[]>();
  corpus.forEach((a, id) => {
    const list = byStory.get(a.story) ?? [];
    list.push({ id, body: a.body });
    byStory.set(a.story, list);
  });
  const total: NaiveStoryResult = { sentences: 0, comparisons: 0, verbatim: 0, reworded: 0, absent: 0 };
  const t = performance.now();
  for (const members of byStory.values()) {
    const r = alignStoryNaive(members);
    for (const k of Object.keys(total) as (keyof NaiveStoryResult)[]) total[k] += r[k];
  }
  return { seconds: seconds(t), result: total };
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** Runs this script for a smaller N in a child process (clean memory and JIT state) and returns its JSON. */
function runChild(n: number, seed: number): { totalSeconds: number; articles: number } {
  const args = [...process.execArgv, __filename, "--articles", String(n), "--seed", String(seed), "--naive-articles", "0", "--flags", "0", "--runs", "1", "--json"];
  const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`bench: the --scaling run at N=${n} failed: ${child.stderr.trim().split("\n").slice(-3).join(" ")}`);
  const out = JSON.parse(child.stdout) as { pipeline: PipelineResult };
  return { totalSeconds: out.pipeline.totalSeconds, articles: out.pipeline.articles };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const log = (msg: string) => {
    if (!opts.json) process.stderr.write(msg + "\n");
  };
  const samples = loadSamples();
  if (opts.store.store === "postgres" || opts.store.corpus === "real") {
    const synthetic = () => generateCorpus(samples, { articles: opts.articles, random: createRandom(opts.seed) });
    return runStoreBench({ ...opts.store, articles: opts.articles, json: opts.json, keep: opts.keep }, synthetic, () => CLOCK);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-bench-"));
  try {
    // Scaling first, in a child, so its memory never counts toward this process's peak.
    let scaling: { small: { articles: number; totalSeconds: number }; large: { articles: number; totalSeconds: number }; ratio: number } | null = null;
    let small: { totalSeconds: number; articles: number } | null = null;
    if (opts.scaling) {
      const n = Math.max(1, Math.round(opts.articles / 10));
      log(`scaling: running N=${n} in a child process ...`);
      small = runChild(n, opts.seed);
    }

    let t = performance.now();
    const corpus = generateCorpus(samples, { articles: opts.articles, random: createRandom(opts.seed) });
    const generateSeconds = seconds(t);
    log(`generated ${corpus.articles.length} articles in ${corpus.stories} stories (${generateSeconds.toFixed(1)} s); ingesting and analysing ...`);
    const pipeline = await runPipeline(dir, "main", corpus.articles, corpus.stories, opts.runs, opts.stages);
    if (small) scaling = { small, large: { articles: pipeline.articles, totalSeconds: pipeline.totalSeconds }, ratio: pipeline.totalSeconds / small.totalSeconds };

    log("floor: reading and tokenising the corpus ...");
    const floorRun = runFloor(path.join(dir, "main-corpus"), corpus.articles.length);
    const floor = { ...floorRun, ratio: pipeline.totalSeconds / floorRun.seconds };

    let naive: null | {
      articles: number;
      seconds: number;
      articlesPerSecond: number;
      parallaxAnalysisSeconds: number;
      ratio: number;
      comparisons: number;
    } = null;
    if (opts.naiveArticles > 0) {
      log(`naive: ${opts.naiveArticles} articles through Parallax and the naive aligner ...`);
      const small = generateCorpus(samples, { articles: opts.naiveArticles, random: createRandom(opts.seed) });
      const px = await runPipeline(dir, "naive", small.articles, small.stories, 1);
      const nv = runNaive(small.articles);
      naive = {
        articles: small.articles.length,
        seconds: nv.seconds,
        articlesPerSecond: small.articles.length / nv.seconds,
        parallaxAnalysisSeconds: px.analysis.seconds,
        ratio: nv.seconds / px.analysis.seconds,
        comparisons: nv.result.comparisons,
      };
    }

    let flagsAtScale: null | { flags: number; seedSeconds: number; pages: PageTiming[] } = null;
    if (opts.flags > 0) {
      log(`/flags: seeding ${opts.flags} flags ...`);
      const db = openDb(path.join(dir, "flags.db"));
      t = performance.now();
      const seeded = seedFlags(db, { flags: opts.flags, seed: 42, now: CLOCK });
      db.$client.pragma("optimize");
      const seedSeconds = seconds(t);
      flagsAtScale = { flags: seeded.flags, seedSeconds, pages: await timePages(db, opts.runs) };
      db.$client.close();
    }

    const worstPage = flagsAtScale ? Math.max(...flagsAtScale.pages.map((p) => p.medianMs)) : null;
    const targets = [
      {
        name: "ingest + analysis of 10,000 articles",
        target: `<= ${TARGETS.totalSecondsAt10k} s`,
        value: pipeline.totalSeconds,
        pass: opts.articles === 10_000 ? pipeline.totalSeconds <= TARGETS.totalSecondsAt10k : null,
      },
      {
        name: "peak resident memory",
        target: `<= ${TARGETS.peakRssMb} MB`,
        value: pipeline.peakRssMb,
        pass: pipeline.peakRssMb === null ? null : pipeline.peakRssMb <= TARGETS.peakRssMb,
      },
      {
        name: "scaling N/10 -> N (total time ratio)",
        target: `<= ${TARGETS.scalingRatio}`,
        value: scaling?.ratio ?? null,
        pass: scaling ? scaling.ratio <= TARGETS.scalingRatio : null,
      },
      {
        name: "/flags page data at 100,000 flags (worst view, median)",
        target: `<= ${TARGETS.flagsPageMs} ms`,
        value: worstPage,
        pass: flagsAtScale && flagsAtScale.flags >= 100_000 && worstPage !== null ? worstPage <= TARGETS.flagsPageMs : null,
      },
    ];

    const report = {
      machine: machine(),
      params: { articles: opts.articles, stories: corpus.stories, seed: opts.seed, naiveArticles: opts.naiveArticles, flags: opts.flags, runs: opts.runs },
      generateSeconds,
      pipeline,
      floor,
      naive,
      flagsAtScale,
      scaling,
      // Largest peak of the run: the main pipeline's, or the one since the last reset (naive, /flags seeding).
      overallPeakRssMb: Math.max(pipeline.peakRssMb ?? 0, peakRssMb() ?? 0) || null,
      targets,
      tempDir: opts.keep ? dir : null,
    };
    if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    else printTable(report);
  } finally {
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function fmt(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? "n/a" : n.toFixed(digits);
}

function printTable(r: {
  machine: ReturnType<typeof machine>;
  params: { articles: number; stories: number; seed: number };
  pipeline: PipelineResult;
  floor: { seconds: number; articlesPerSecond: number; ratio: number };
  naive: { articles: number; seconds: number; articlesPerSecond: number; parallaxAnalysisSeconds: number; ratio: number } | null;
  flagsAtScale: { flags: number; pages: PageTiming[] } | null;
  scaling: { small: { articles: number; totalSeconds: number }; ratio: number } | null;
  targets: { name: string; target: string; value: number | null; pass: boolean | null }[];
  tempDir: string | null;
}): void {
  const p = r.pipeline;
  const rows: [string, string][] = [
    ["articles / stories", `${p.articles} / ${p.stories} (seed ${r.params.seed})`],
    ["ingest", `${fmt(p.ingest.articlesPerSecond, 0)} articles/s (${fmt(p.ingest.seconds, 2)} s)`],
    ["analysis", `${fmt(p.analysis.articlesPerSecond, 0)} articles/s (${fmt(p.analysis.seconds, 2)} s; CPU ${fmt(p.analysis.cpuSeconds, 2)} s)`],
    ["  grouping", `${fmt(p.analysis.groupingSeconds, 2)} s (CPU ${fmt(p.analysis.groupingCpuSeconds, 2)} s)`],
    ...(p.stages
      ? ([
          ["  extraction (segments, quotes, claims)", `CPU ${fmt(p.stages.extractSeconds, 2)} s`],
          ["  alignment", `CPU ${fmt(p.stages.alignSeconds, 2)} s`],
          ["  classification", `CPU ${fmt(p.stages.classifySeconds, 2)} s`],
          ["  loading and saving (the rest)", `CPU ${fmt(p.stages.databaseSeconds, 2)} s`],
        ] as [string, string][])
      : []),
    ["ingest + analysis", `${fmt(p.totalSeconds, 2)} s`],
    ["peak resident memory", `${fmt(p.peakRssMb, 0)} MB (${fmt(p.peakRssAnalysisMb, 0)} MB before export)${p.peakRssReset ? "" : " (since process start)"}`],
    ["flags found", String(p.flags)],
    ["export (JSON, all flags)", `${fmt(p.export.seconds * 1000, 0)} ms (${fmt(p.export.bytes / 1024 ** 2, 1)} MB)`],
    ...p.flagsPage.map((v): [string, string] => [`/flags at N: ${v.view}`, `${fmt(v.medianMs)} ms median (${v.matches} matches)`]),
    ["stories found vs true", `${p.grouping.found} vs ${p.grouping.truth} (pair precision ${fmt(p.grouping.pairPrecision, 3)}, recall ${fmt(p.grouping.pairRecall, 3)})`],
    ["floor (read + tokenise)", `${fmt(r.floor.articlesPerSecond, 0)} articles/s; Parallax takes ${fmt(r.floor.ratio)}x the floor`],
  ];
  if (r.naive)
    rows.push([
      `naive aligner (${r.naive.articles} articles)`,
      `${fmt(r.naive.articlesPerSecond, 1)} articles/s (${fmt(r.naive.seconds, 1)} s vs Parallax analysis ${fmt(r.naive.parallaxAnalysisSeconds, 2)} s): ${fmt(r.naive.ratio)}x slower`,
    ]);
  if (r.flagsAtScale)
    for (const v of r.flagsAtScale.pages)
      rows.push([`/flags at ${r.flagsAtScale.flags}: ${v.view}`, `${fmt(v.medianMs)} ms median, p95 ${fmt(v.p95Ms)} ms, first ${fmt(v.firstMs)} ms`]);
  if (r.scaling) rows.push([`scaling ${r.scaling.small.articles} -> ${p.articles}`, `${fmt(r.scaling.small.totalSeconds, 2)} s -> ${fmt(p.totalSeconds, 2)} s: x${fmt(r.scaling.ratio, 2)}`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`Parallax benchmark on ${r.machine.cores} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node}\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log("\nTargets:");
  for (const t of r.targets) {
    const verdict = t.pass === null ? "n/a" : t.pass ? "PASS" : "FAIL";
    console.log(`  ${verdict.padEnd(4)}  ${t.name}: ${fmt(t.value, 1)} (target ${t.target})`);
  }
  if (r.tempDir) console.log(`\nKept: ${r.tempDir}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
