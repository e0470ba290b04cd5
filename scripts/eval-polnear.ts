/**
 * Quote-extraction evaluation on the PolNeAR splits under ../shared/datasets:
 * polnear-train (840 articles, for developing) and polnear-dev (84 articles,
 * the check set: look at its figures, never tune on its examples).
 *
 * Gold direct quotes: the quoted stretches (inside quotation marks in the .txt)
 * of the Content spans of Attribution relations, with the relation's Source.
 * A gold quote is recalled when predicted quote parts cover at least half of it.
 * Speaker accuracy: among recalled gold quotes that have a Source, the predicted
 * speaker overlaps the Source span or its key (`speakerKeyOf`) is a word of the
 * Source; for a pronoun Source ("he"), the predicted attribution mention
 * overlapping the pronoun counts. Head accuracy is stricter: the predicted
 * key must equal the key of the Source's head ("Gov. John Kasich of Ohio" →
 * "kasich", so "Ohio" is wrong there although it overlaps the Source).
 * Gold speakers are also broken down by kind: pronoun, named (capitalised
 * head), descriptive (lower-case head: "the spokesman", "a senior official").
 *
 * Run: npx tsx scripts/eval-polnear.ts [sharedDir] [--split train|dev|both] [--verbose]
 * (default ../shared relative to the repo, both splits side by side; --verbose
 * lists misses and wrong speakers, for the train split unless --split dev).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { segmentArticle } from "../lib/segment";
import { extractQuotes } from "../lib/quotes";
import { speakerKeyOf } from "../lib/text";
import type { Quote, Span } from "../lib/types";

/** The PolNeAR splits on disk: train to develop on, dev to check. */
export type PolnearSplit = "train" | "dev";

/** What kind of phrase the gold Source is. */
type SourceKind = "pronoun" | "named" | "descriptive" | "other";

interface TextBound {
  label: string;
  frags: Span[];
  text: string;
}

interface GoldQuote extends Span {
  file: string;
  source: (TextBound & { pronoun: boolean; kind: SourceKind }) | null;
}

/** Gold speakers of one kind and how many the extractor got right. */
export interface KindScore {
  gold: number;
  correct: number;
  accuracy: number;
}

export interface PolnearReport {
  split: PolnearSplit;
  articles: number;
  goldDirectQuotes: number;
  recalled: number;
  recall: number;
  /** Share of gold quotes whose best predicted part has the same extent (character Jaccard >= 0.8). */
  boundaryRecall: number;
  goldWithSource: number;
  speakerCorrect: number;
  speakerAccuracy: number;
  /** Predicted speaker key equals the key of the gold Source's head (pronoun Sources scored as above). */
  headCorrect: number;
  headAccuracy: number;
  /** Speaker accuracy by kind of gold Source. */
  byKind: Record<SourceKind, KindScore>;
  predictedQuotes: number;
  /** Predicted quotes (fragments excluded) that overlap some gold Content span: a precision proxy (gold only marks attributed content). */
  predictedInContent: number;
  precisionVsContent: number;
  /** A few misses, for iterating on the extractor. */
  missedExamples: string[];
  wrongSpeakerExamples: string[];
}

function parseAnn(text: string): { tb: Map<string, TextBound>; rel: Record<string, string>[] } {
  const tb = new Map<string, TextBound>();
  const rel: Record<string, string>[] = [];
  for (const line of text.split("\n")) {
    const cols = line.split("\t");
    if (/^T\d+$/.test(cols[0]) && cols.length >= 2) {
      const sp = cols[1].indexOf(" ");
      const label = cols[1].slice(0, sp);
      const frags = cols[1]
        .slice(sp + 1)
        .split(";")
        .map((f) => f.trim().split(/\s+/).map(Number))
        .filter((f) => f.length === 2 && f.every(Number.isFinite))
        .map(([start, end]) => ({ start, end }));
      tb.set(cols[0], { label, frags, text: cols[2] ?? "" });
    } else if (/^E\d+$/.test(cols[0]) && cols.length >= 2) {
      const r: Record<string, string> = {};
      for (const kv of cols[1].trim().split(/\s+/)) {
        const [k, v] = kv.split(":");
        if (k && v) r[k] = v;
      }
      rel.push(r);
    }
  }
  return { tb, rel };
}

/**
 * Quoted stretches of a text, found independently of the extractor: “...”, "...",
 * «...», ‘...’ pairs inside a paragraph; an opener left open is closed by the paragraph end.
 */
function quotedStretches(text: string): Span[] {
  const out: Span[] = [];
  let paraStart = 0;
  for (const para of text.split(/\n/)) {
    const base = paraStart;
    paraStart += para.length + 1;
    let openAt = -1;
    let closer = "";
    for (let i = 0; i < para.length; i++) {
      const c = para[i];
      if (openAt < 0) {
        if (c === "“" || c === "«") {
          openAt = i;
          closer = c === "“" ? "”" : "»";
        } else if (c === '"') {
          openAt = i;
          closer = '"';
        } else if (c === "‘" && !/[\p{L}]/u.test(para[i - 1] ?? "")) {
          const close = para.slice(i + 1).search(/’(?![\p{L}])/u);
          if (close > 0) {
            out.push({ start: base + i + 1, end: base + i + 1 + close });
            i = i + 1 + close;
          }
        }
      } else if (c === closer || (closer === "”" && c === '"')) {
        if (i > openAt + 1) out.push({ start: base + openAt + 1, end: base + i });
        openAt = -1;
      }
    }
    if (openAt >= 0 && para.length > openAt + 1) out.push({ start: base + openAt + 1, end: base + para.length });
  }
  return out;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

const PRONOUN_SOURCE = /^(he|she|they|it|i|we|him|her|them)$/i;

/** Pronoun, named (the head word is capitalised) or descriptive (a lower-case head: "the spokesman"). */
function sourceKind(text: string): SourceKind {
  const t = text.trim();
  if (PRONOUN_SOURCE.test(t)) return "pronoun";
  const key = speakerKeyOf(t);
  if (!key || /^(who|whom|which|that|his|its|their|our|my|your|you|me|us|one|this|these|those)$/.test(key)) return "other";
  const head = t.split(/[^\p{L}\p{N}'’.-]+/u).find((w) => speakerKeyOf(w) === key);
  if (!head) return "other";
  return /^\p{Lu}/u.test(head) ? "named" : "descriptive";
}

function goldQuotes(file: string, text: string, ann: string): GoldQuote[] {
  const { tb, rel } = parseAnn(ann);
  const stretches = quotedStretches(text);
  const out: GoldQuote[] = [];
  const seen = new Set<string>();
  for (const r of rel) {
    const content = r.Content ? tb.get(r.Content) : undefined;
    if (!content) continue;
    const src = r.Source ? tb.get(r.Source) : undefined;
    for (const st of stretches) {
      const len = st.end - st.start;
      const inside = content.frags.reduce((a, f) => a + overlap(st, { start: f.start - 1, end: f.end + 1 }), 0);
      if (len <= 0 || inside < 0.5 * len) continue;
      const key = `${st.start}:${st.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        ...st,
        file,
        source: src ? { ...src, pronoun: PRONOUN_SOURCE.test(src.text.trim()), kind: sourceKind(src.text) } : null,
      });
    }
  }
  return out;
}

function speakerMatches(q: Quote, gold: NonNullable<GoldQuote["source"]>): boolean {
  const goldSpans = gold.frags;
  if (gold.pronoun) return pronounMatches(q, gold);
  if (!q.speaker) return false;
  if (q.speakerSpan && goldSpans.some((g) => overlap(g, q.speakerSpan!) > 0)) return true;
  const key = speakerKeyOf(q.speaker);
  if (!key) return false;
  const goldToks = new Set(gold.text.split(/\s+/).map((t) => speakerKeyOf(t)));
  return key === speakerKeyOf(gold.text) || goldToks.has(key);
}

function pronounMatches(q: Quote, gold: NonNullable<GoldQuote["source"]>): boolean {
  if (q.mention && gold.frags.some((g) => overlap(g, q.mention!) > 0)) return true;
  return !!q.speakerSpan && gold.frags.some((g) => overlap(g, q.speakerSpan!) > 0);
}

/** Stricter: the predicted speaker is the Source's head ("Kasich" for "Gov. John Kasich of Ohio", not "Ohio"). */
function headMatches(q: Quote, gold: NonNullable<GoldQuote["source"]>): boolean {
  if (gold.pronoun) return pronounMatches(q, gold);
  return !!q.speaker && speakerKeyOf(q.speaker) !== "" && speakerKeyOf(q.speaker) === speakerKeyOf(gold.text);
}

/** Evaluate quote extraction on a PolNeAR split (default dev) under `sharedDir` (the folder holding datasets/). */
export function evalPolnear(sharedDir: string, split: PolnearSplit = "dev"): PolnearReport {
  const root = path.join(sharedDir, "datasets", `polnear-${split}`);
  const textDir = path.join(root, "text");
  const annDir = path.join(root, "attributions");
  if (!existsSync(textDir) || !existsSync(annDir)) throw new Error(`evalPolnear: ${root} has no text/ and attributions/ folders`);
  const annFiles = readdirSync(annDir).filter((f) => f.endsWith(".ann")).sort();
  const kind = (): KindScore => ({ gold: 0, correct: 0, accuracy: 0 });
  const report: PolnearReport = {
    split,
    articles: 0,
    goldDirectQuotes: 0,
    recalled: 0,
    recall: 0,
    boundaryRecall: 0,
    goldWithSource: 0,
    speakerCorrect: 0,
    speakerAccuracy: 0,
    headCorrect: 0,
    headAccuracy: 0,
    byKind: { pronoun: kind(), named: kind(), descriptive: kind(), other: kind() },
    predictedQuotes: 0,
    predictedInContent: 0,
    precisionVsContent: 0,
    missedExamples: [],
    wrongSpeakerExamples: [],
  };
  let exact = 0;
  for (const tf of readdirSync(textDir).filter((f) => f.endsWith(".txt")).sort()) {
    const base = tf.slice(0, -4);
    // one annotator per article (the first file), so every article counts once
    const af = annFiles.find((a) => a.startsWith(base + "_"));
    if (!af) continue;
    const text = readFileSync(path.join(textDir, tf), "utf8");
    const ann = readFileSync(path.join(annDir, af), "utf8");
    report.articles++;
    const gold = goldQuotes(tf, text, ann);
    const seg = segmentArticle(text);
    const quotes = extractQuotes(text, seg);
    const { tb } = parseAnn(ann);
    const contents = [...tb.values()].filter((t) => t.label === "Content").flatMap((t) => t.frags);
    for (const q of quotes) {
      if (q.fragment) continue;
      report.predictedQuotes++;
      if (q.parts.some((p) => contents.some((c) => overlap(c, p) > 0))) report.predictedInContent++;
    }
    for (const g of gold) {
      report.goldDirectQuotes++;
      const len = g.end - g.start;
      let best: Quote | null = null;
      let bestCov = 0;
      for (const q of quotes) {
        const cov = q.parts.reduce((a, p) => a + overlap(p, g), 0);
        if (cov > bestCov) {
          bestCov = cov;
          best = q;
        }
      }
      if (!best || bestCov < 0.5 * len) {
        if (report.missedExamples.length < 40) report.missedExamples.push(`${tf}: ${JSON.stringify(text.slice(Math.max(0, g.start - 40), g.end + 20))}`);
        continue;
      }
      report.recalled++;
      const part = best.parts.reduce((a, p) => (overlap(p, g) > overlap(a, g) ? p : a), best.parts[0]);
      const inter = overlap(part, g);
      if (inter / (Math.max(part.end, g.end) - Math.min(part.start, g.start)) >= 0.8) exact++;
      if (!g.source) continue;
      report.goldWithSource++;
      const byKind = report.byKind[g.source.kind];
      byKind.gold++;
      if (headMatches(best, g.source)) report.headCorrect++;
      if (speakerMatches(best, g.source)) {
        report.speakerCorrect++;
        byKind.correct++;
      } else if (report.wrongSpeakerExamples.length < 2000)
        report.wrongSpeakerExamples.push(
          `${tf.slice(0, 24)}: [${g.source.kind}] gold=${JSON.stringify(g.source.text)} pred=${JSON.stringify(best.speaker)} cue=${best.cue} | ${JSON.stringify(
            text.slice(Math.max(0, best.start - 90), best.start) + "[" + text.slice(best.start, Math.min(best.end, best.start + 40)) + "…]" + text.slice(best.end, Math.min(text.length, best.end + 50)),
          )}`,
        );
    }
  }
  report.recall = report.goldDirectQuotes ? report.recalled / report.goldDirectQuotes : 0;
  report.boundaryRecall = report.goldDirectQuotes ? exact / report.goldDirectQuotes : 0;
  report.speakerAccuracy = report.goldWithSource ? report.speakerCorrect / report.goldWithSource : 0;
  report.headAccuracy = report.goldWithSource ? report.headCorrect / report.goldWithSource : 0;
  for (const k of Object.values(report.byKind)) k.accuracy = k.gold ? k.correct / k.gold : 0;
  report.precisionVsContent = report.predictedQuotes ? report.predictedInContent / report.predictedQuotes : 0;
  return report;
}

/** The report lines of one or more splits, one column per split. */
export function formatPolnear(reports: PolnearReport[]): string[] {
  const pct = (n: number) => n.toFixed(3);
  const rows: [string, (r: PolnearReport) => string][] = [
    ["articles", (r) => String(r.articles)],
    ["gold direct quotes", (r) => String(r.goldDirectQuotes)],
    ["quote recall", (r) => `${pct(r.recall)} (${r.recalled})`],
    ["boundary recall", (r) => pct(r.boundaryRecall)],
    ["speaker accuracy", (r) => `${pct(r.speakerAccuracy)} (${r.speakerCorrect}/${r.goldWithSource})`],
    ["  head accuracy", (r) => `${pct(r.headAccuracy)} (${r.headCorrect}/${r.goldWithSource})`],
    ...(["named", "descriptive", "pronoun", "other"] as const).map((k): [string, (r: PolnearReport) => string] => [
      `  ${k} speakers`,
      (r) => `${pct(r.byKind[k].accuracy)} (${r.byKind[k].correct}/${r.byKind[k].gold})`,
    ]),
    ["predicted quotes", (r) => String(r.predictedQuotes)],
    ["  in gold content", (r) => pct(r.precisionVsContent)],
  ];
  const w = 24;
  const col = 24;
  return [
    "".padEnd(w) + reports.map((r) => `polnear-${r.split}`.padEnd(col)).join(""),
    ...rows.map(([label, f]) => label.padEnd(w) + reports.map((r) => f(r).padEnd(col)).join("")),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--split");
  const which = at >= 0 ? args[at + 1] : "both";
  if (!["train", "dev", "both"].includes(which)) throw new Error(`--split must be train, dev or both (got "${which}")`);
  const positional = args.filter((a, i) => !a.startsWith("--") && !(at >= 0 && i === at + 1));
  const shared = positional[0] ?? path.resolve(process.cwd(), "..", "shared");
  const splits: PolnearSplit[] = which === "both" ? ["train", "dev"] : [which as PolnearSplit];
  const reports = splits.map((s) => evalPolnear(shared, s));
  console.log(formatPolnear(reports).join("\n"));
  if (args.includes("--verbose")) {
    // examples come from the development split unless dev alone was asked for
    const r = reports[0];
    console.log(`\nMISSED (polnear-${r.split})\n` + r.missedExamples.join("\n"));
    console.log(`\nWRONG SPEAKER (polnear-${r.split})\n` + r.wrongSpeakerExamples.join("\n"));
  }
}
