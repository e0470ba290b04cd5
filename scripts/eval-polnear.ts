/**
 * Quote-extraction evaluation on the PolNeAR dev split (../shared/datasets/polnear-dev).
 *
 * Gold direct quotes: the quoted stretches (inside quotation marks in the .txt)
 * of the Content spans of Attribution relations, with the relation's Source.
 * A gold quote is recalled when predicted quote parts cover at least half of it.
 * Speaker accuracy: among recalled gold quotes that have a Source, the predicted
 * speaker overlaps the Source span or shares its last name token; for a pronoun
 * Source ("he"), the predicted attribution mention overlapping the pronoun counts.
 *
 * Run: npx tsx scripts/eval-polnear.ts [sharedDir]   (default ../shared relative to the repo)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { segmentArticle } from "../lib/segment";
import { extractQuotes } from "../lib/quotes";
import type { Quote, Span } from "../lib/types";

interface TextBound {
  label: string;
  frags: Span[];
  text: string;
}

interface GoldQuote extends Span {
  file: string;
  source: (TextBound & { pronoun: boolean }) | null;
}

export interface PolnearReport {
  articles: number;
  goldDirectQuotes: number;
  recalled: number;
  recall: number;
  /** Share of gold quotes whose best predicted part has the same extent (character Jaccard >= 0.8). */
  boundaryRecall: number;
  goldWithSource: number;
  speakerCorrect: number;
  speakerAccuracy: number;
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

function lastToken(s: string): string {
  const toks = s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’]s\b/g, "")
    .split(/\s+/)
    .map((t) => t.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase())
    .filter(Boolean);
  return toks[toks.length - 1] ?? "";
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
        source: src ? { ...src, pronoun: /^(he|she|they|it|i|we|him|her|them)$/i.test(src.text.trim()) } : null,
      });
    }
  }
  return out;
}

function speakerMatches(q: Quote, gold: NonNullable<GoldQuote["source"]>): boolean {
  const goldSpans = gold.frags;
  if (gold.pronoun) {
    if (q.mention && goldSpans.some((g) => overlap(g, q.mention!) > 0)) return true;
    if (q.speakerSpan && goldSpans.some((g) => overlap(g, q.speakerSpan!) > 0)) return true;
    return false;
  }
  if (!q.speaker) return false;
  if (q.speakerSpan && goldSpans.some((g) => overlap(g, q.speakerSpan!) > 0)) return true;
  const key = lastToken(q.speaker);
  if (!key) return false;
  const goldToks = new Set(gold.text.split(/\s+/).map((t) => lastToken(t)));
  return key === lastToken(gold.text) || goldToks.has(key);
}

/** Evaluate quote extraction on polnear-dev under `sharedDir` (the folder holding datasets/). */
export function evalPolnear(sharedDir: string): PolnearReport {
  const root = path.join(sharedDir, "datasets", "polnear-dev");
  const textDir = path.join(root, "text");
  const annDir = path.join(root, "attributions");
  if (!existsSync(textDir) || !existsSync(annDir)) throw new Error(`evalPolnear: ${root} has no text/ and attributions/ folders`);
  const annFiles = readdirSync(annDir).filter((f) => f.endsWith(".ann")).sort();
  const report: PolnearReport = {
    articles: 0,
    goldDirectQuotes: 0,
    recalled: 0,
    recall: 0,
    boundaryRecall: 0,
    goldWithSource: 0,
    speakerCorrect: 0,
    speakerAccuracy: 0,
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
      if (speakerMatches(best, g.source)) report.speakerCorrect++;
      else if (report.wrongSpeakerExamples.length < 400)
        report.wrongSpeakerExamples.push(
          `${tf.slice(0, 24)}: gold=${JSON.stringify(g.source.text)} pred=${JSON.stringify(best.speaker)} cue=${best.cue} | ${JSON.stringify(
            text.slice(Math.max(0, best.start - 90), best.start) + "[" + text.slice(best.start, Math.min(best.end, best.start + 40)) + "…]" + text.slice(best.end, Math.min(text.length, best.end + 50)),
          )}`,
        );
    }
  }
  report.recall = report.goldDirectQuotes ? report.recalled / report.goldDirectQuotes : 0;
  report.boundaryRecall = report.goldDirectQuotes ? exact / report.goldDirectQuotes : 0;
  report.speakerAccuracy = report.goldWithSource ? report.speakerCorrect / report.goldWithSource : 0;
  report.precisionVsContent = report.predictedQuotes ? report.predictedInContent / report.predictedQuotes : 0;
  return report;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const shared = process.argv[2] ?? path.resolve(process.cwd(), "..", "shared");
  const r = evalPolnear(shared);
  const verbose = process.argv.includes("--verbose");
  console.log(
    [
      `articles            ${r.articles}`,
      `gold direct quotes  ${r.goldDirectQuotes}`,
      `recall              ${r.recall.toFixed(3)} (${r.recalled})`,
      `boundary recall     ${r.boundaryRecall.toFixed(3)} (same extent, Jaccard >= 0.8)`,
      `speaker accuracy    ${r.speakerAccuracy.toFixed(3)} (${r.speakerCorrect}/${r.goldWithSource})`,
      `predicted quotes    ${r.predictedQuotes} (non-fragment), in gold content ${r.precisionVsContent.toFixed(3)}`,
    ].join("\n"),
  );
  if (verbose) {
    console.log("\nMISSED\n" + r.missedExamples.join("\n"));
    console.log("\nWRONG SPEAKER\n" + r.wrongSpeakerExamples.join("\n"));
  }
}
