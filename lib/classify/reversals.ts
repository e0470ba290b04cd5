/**
 * Meaning reversals inside aligned statements: the same statement with a
 * negation added or removed, a word swapped for its opposite ("narrowed" /
 * "widened", "best" / "worst", "more" / "fewer"), or a hedge turned into a
 * certainty ("may" dropped). Read from the word alignment of the statement and
 * its counterpart, in the gaps between agreeing words, so that the rest of the
 * statement says the same thing. Flagged as fact_conflict on the deviating side.
 * Also a statement ruled untrue in the writer's own voice ("the claim that ... is
 * false") where the counterpart carries it as fact (findVerdict).
 */
import { CLAIM_SUPPORT_MIN, claimTokens, matchRuns, type PreparedArticle, type StoryAlignment } from "@/lib/align";
import { arePrefixOpposites, isHedge, isNegation, negatedBase, oppositeOf } from "@/lib/text";
import type { FlagDraft, Severity } from "@/lib/types";
import { clip, counterpartsOf, evidenceFor, flagThisSide, isFlaggableSentence } from "./common";
import { mentionsVerdict, verdictOf } from "./claim-added";
import type { Derivation } from "./derivation";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

/** Support a counterpart window needs before a polarity difference is a reversal of the same statement. */
export const REVERSAL_SUPPORT_MIN = 0.7;
/** Longest gap (tokens) read as a local change rather than a different passage. */
const MAX_GAP = 2;
/** Agreeing words needed on each side of the change. */
const MIN_ANCHOR = 3;

export interface ReversalContext {
  al: StoryAlignment;
  corr: number[];
  derivations: Derivation[];
}

interface Reversal {
  what: "negation" | "opposite" | "hedge";
  mine: string;
  theirs: string;
}

/** Per token of an article: its polarity code ("not", "hedge", "pair:side" or ""), and the word its negating prefix negates. */
interface PolarTokens {
  code: string[];
  negated: (string | null)[];
}

const POLAR = new WeakMap<PreparedArticle, PolarTokens>();

/** Every token's polarity read once per article: the same tokens are compared with every counterpart. */
function polarTokens(p: PreparedArticle): PolarTokens {
  let t = POLAR.get(p);
  if (!t) {
    const code: string[] = [];
    const negated: (string | null)[] = [];
    for (const tok of p.tokens) {
      const w = tok.norm;
      const o = oppositeOf(w);
      code.push(isNegation(w) ? "not" : isHedge(w) ? "hedge" : o ? `${o.pair}:${o.side}` : "");
      negated.push(negatedBase(w));
    }
    t = { code, negated };
    POLAR.set(p, t);
  }
  return t;
}

/** The sorted polarity words of some tokens (negations, opposites, hedges): equal signatures mean no reversal to look for. */
function polarSignature(p: PreparedArticle, idx: readonly number[]): string {
  const { code } = polarTokens(p);
  const out: string[] = [];
  for (const i of idx) if (code[i]) out.push(code[i]);
  return out.sort().join(" ");
}

/** The code of a polarity word's opposite ("3:0" -> "3:1"). */
function flipped(code: string): string {
  return code.endsWith(":0") ? `${code.slice(0, -1)}1` : `${code.slice(0, -1)}0`;
}

/** One statement's side of the comparison, read once whatever the number of counterparts. */
interface Mine {
  idx: number[];
  signature: string;
  /** Its folded words, and the words they negate by prefix (built on first use). */
  words?: { norms: Set<string>; bases: Set<string> };
}

function findReversal(al: StoryAlignment, ai: number, mine: Mine, bi: number, s0: number, s1: number): Reversal | null {
  const A = al.index.articles[ai];
  const B = al.index.articles[bi];
  const sIdx = mine.idx;
  const tIdx: number[] = [];
  for (let s = s0; s <= s1; s++) for (let i = B.sentenceTokens[s][0]; i < B.sentenceTokens[s][1]; i++) tIdx.push(i);
  // A word on one side that is the other side's word with a negating prefix ("unpopular") also qualifies.
  const prefixed = () => {
    if (!mine.words) {
      const pa = polarTokens(A);
      const norms = new Set<string>();
      const bases = new Set<string>();
      for (const i of sIdx) {
        norms.add(A.tokens[i].norm);
        const base = pa.negated[i];
        if (base !== null) bases.add(base);
      }
      mine.words = { norms, bases };
    }
    const { norms, bases } = mine.words;
    const pb = polarTokens(B);
    // One pass: a target word negates one of mine, or one of mine negates it.
    return tIdx.some((i) => {
      const w = B.tokens[i].norm;
      if (norms.has(w)) return false;
      const base = pb.negated[i];
      return (base !== null && norms.has(base)) || bases.has(w);
    });
  };
  // Cheap tests first: the two sides' polarity words (negations, opposites, hedges) must differ,
  // in a way one of the findings below can come from: a negation on either side, a hedge on theirs,
  // a word whose opposite the other side has, or a prefixed opposite.
  const theirs = polarSignature(B, tIdx);
  if (mine.signature === theirs && !prefixed()) return null;
  const mineCodes = mine.signature.split(" ");
  const theirCodes = theirs.split(" ");
  const possible =
    mineCodes.includes("not") ||
    theirCodes.includes("not") ||
    theirCodes.includes("hedge") ||
    mineCodes.some((c) => c.includes(":") && theirCodes.includes(flipped(c))) ||
    prefixed();
  if (!possible) return null;
  const runs = matchRuns(sIdx.map((i) => A.keys[i]), tIdx.map((i) => B.keys[i]));
  if (!runs || runs.length < 2) return null;
  for (let k = 0; k + 1 < runs.length; k++) {
    const sa = runs[k].a + runs[k].length;
    const sb = runs[k + 1].a;
    const ta = runs[k].b + runs[k].length;
    const tb = runs[k + 1].b;
    if (sb - sa > MAX_GAP || tb - ta > MAX_GAP || (sb === sa && tb === ta)) continue;
    // Anchored by agreeing words on both sides: the change sits inside one statement said the same way.
    if (runs[k].length < MIN_ANCHOR || runs[k + 1].length < MIN_ANCHOR) continue;
    const sWords = sIdx.slice(sa, sb).map((i) => A.tokens[i].norm);
    const tWords = tIdx.slice(ta, tb).map((i) => B.tokens[i].norm);
    const mine = A.analysis.article.body.slice(A.tokens[sIdx[Math.max(0, sa - 1)]].start, A.tokens[sIdx[Math.min(sIdx.length - 1, sb)]].end);
    const theirs = B.analysis.article.body.slice(B.tokens[tIdx[Math.max(0, ta - 1)]].start, B.tokens[tIdx[Math.min(tIdx.length - 1, tb)]].end);
    // ("Without" opens a phrase: "taken without acknowledgement from" against "taken from" leaves a qualifier
    // out, and only "with" against "without" reverses it.)
    const negates = (words: string[], other: string[]) => words.some((w) => isNegation(w) && (w !== "without" || other.length > 0));
    if (negates(sWords, tWords) !== negates(tWords, sWords)) return { what: "negation", mine, theirs };
    if (!sWords.length || !tWords.length) continue;
    for (const w of sWords) {
      const o = oppositeOf(w);
      if (!o) continue;
      if (tWords.some((x) => {
        const p = oppositeOf(x);
        return !!p && p.pair === o.pair && p.side !== o.side;
      })) return { what: "opposite", mine, theirs };
    }
    if (sWords.some((w) => tWords.some((x) => arePrefixOpposites(w, x)))) return { what: "opposite", mine, theirs };
    // A hedge dropped where everything else agrees: a possibility stated as a fact.
    if (!sWords.some(isHedge) && tWords.some(isHedge) && !sWords.some(isNegation)) return { what: "hedge", mine, theirs };
  }
  return null;
}

/**
 * A ruling on what is true in the writer's own voice ("Portman's claim that the heroin comes from
 * Mexico is false", "The statement that ... is completely false") in a statement that a counterpart
 * carries (support CLAIM_SUPPORT_MIN or more) without any verdict: the outlet denies what the other
 * states. A reporter credits whoever ruled so (see rulesOnTruth); a rewrite that reverses its
 * source does not. No flag when a carrying passage has a verdict word itself (credited or not: "some
 * of his stories are totally false", he said), or when the carrying article is derived from this one
 * (then it is the one that dropped the ruling).
 */
function findVerdict(ctx: ReversalContext, ai: number, ci: number): Draft | null {
  const { al, derivations } = ctx;
  const arts = al.index.articles;
  const a = arts[ai].analysis;
  const c = a.claims[ci];
  const words = verdictOf(c.text);
  if (words === null) return null;
  const carrying = al.claims[ai][ci].filter((m) => m.support && m.support.score >= CLAIM_SUPPORT_MIN);
  const windowOf = (m: (typeof carrying)[number]) => arts[m.article].analysis.article.body.slice(m.support!.span.start, m.support!.span.end);
  if (!carrying.length || carrying.some((m) => mentionsVerdict(windowOf(m)))) return null;
  const m = carrying.reduce((x, y) => (y.support!.score > x.support!.score ? y : x));
  if (derivations[m.article].source === ai) return null;
  const B = arts[m.article].analysis;
  return {
    articleId: a.article.id,
    kind: "fact_conflict",
    severity: "medium",
    confidence: Math.round(m.support!.score * 1000) / 1000,
    start: c.start,
    end: c.end,
    text: c.text,
    speaker: null,
    explanation: `${a.article.outlet} says "${clip(c.text, 80)}": it rules the statement untrue ("${clip(words, 40)}") in its own voice, crediting nobody, where ${B.article.outlet} carries the statement without any such ruling.`,
    evidence: [evidenceFor(c.text, B, m.support!.span)],
  };
}

/**
 * fact_conflict flags for reversed meaning in article `ai`'s statements. The flag goes to
 * the article derived from the other when one is; otherwise to the less corroborated side.
 */
export function classifyReversals(ctx: ReversalContext, ai: number): Draft[] {
  const { al, corr, derivations } = ctx;
  const arts = al.index.articles;
  if (!counterpartsOf(al, ai).length) return [];
  const a = arts[ai].analysis;
  const out: Draft[] = [];
  a.claims.forEach((c, ci) => {
    // Inside quotation marks a changed word is the quote classifier's finding.
    if (c.quoted || !isFlaggableSentence(a.segmentation, c.sentence)) return;
    const verdict = findVerdict(ctx, ai, ci);
    if (verdict) {
      out.push(verdict);
      return;
    }
    // Counterparts that carry the statement closely: those that reverse it, and those that agree.
    const close = al.claims[ai][ci].filter((m) => m.support && m.support.score >= REVERSAL_SUPPORT_MIN);
    if (!close.length) return;
    const idx = claimTokens(al.index, ai, ci);
    const mine: Mine = { idx, signature: polarSignature(arts[ai], idx) };
    const found = close.map((m) => ({ m, r: findReversal(al, ai, mine, m.article, m.support!.sentences[0], m.support!.sentences[1]) }));
    const reversing = found.filter((x) => x.r);
    const agreeing = found.length - reversing.length;
    for (const { m, r } of reversing) {
      if (!r) continue;
      const bi = m.article;
      const mineDerived = derivations[ai].source === bi;
      const theirsDerived = derivations[bi].source === ai;
      // The version most outlets carry is the original; a tie goes to derivation, then corroboration.
      if (agreeing > reversing.length) continue;
      if (agreeing === reversing.length && agreeing > 0 && !mineDerived) continue;
      if (theirsDerived || (!mineDerived && !flagThisSide(al, corr, ai, [bi]))) continue;
      if (!m.support) continue;
      const B = arts[bi].analysis;
      const severity: Severity = r.what === "hedge" ? "medium" : "high";
      const how = r.what === "negation" ? "a negation" : r.what === "opposite" ? "an opposite" : "a certainty where the other hedges";
      out.push({
        articleId: a.article.id,
        kind: "fact_conflict",
        severity,
        confidence: Math.round(m.support.score * 1000) / 1000,
        start: c.start,
        end: c.end,
        text: c.text,
        speaker: null,
        explanation: `${a.article.outlet} has "${clip(r.mine, 60)}" in "${clip(c.text, 80)}" where ${B.article.outlet} has "${clip(r.theirs, 60)}": the same statement with ${how}${mineDerived ? ` (${a.article.outlet} is mostly carried by ${B.article.outlet}, its likely source)` : ""}.`,
        evidence: [evidenceFor(c.text, B, m.support.span)],
      });
      break;
    }
  });
  return out;
}
