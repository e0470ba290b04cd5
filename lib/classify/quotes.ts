/**
 * Quote divergences: words changed inside quotation marks (quote_paraphrased),
 * a quote cut down from a longer one carried elsewhere (quote_truncated), a
 * direct quote nobody else carries (quote_unattested), and the same words
 * given to another speaker or venue (attribution_conflict).
 */
import { quoteContentShare, QUOTE_TWIN_MIN, QUOTE_TWIN_MIN_SHARED, sameSpeakerKey, speakersCompatible, type PreparedArticle, type QuoteMatch, type StoryAlignment } from "@/lib/align";
import { foldText, speakerKeyOf } from "@/lib/text";
import type { Evidence, FlagDraft, Severity } from "@/lib/types";
import { isNegationKey, readRewording } from "./rewording";
import { isPersonName, resolveOrganisation, resolveSpeaker } from "./speakers";

export { isPersonName };
import { clip, counterpartsOf, evidenceFor, flagThisSide, isFlaggableSentence, joinNames, MAX_EVIDENCE } from "./common";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

/** Quotes shorter than this (in words) are scare quotes or titles: never flagged as unattested or truncated. */
export const MIN_QUOTE_WORDS = 6;
/** Extra words (at least) a longer version must carry for a quote to count as cut. */
export const MIN_CUT_WORDS = 4;
/** Region similarity two quotes need before their differences count as a rewording. */
export const PARAPHRASE_REGION_MIN = 0.75;
/** How close a third outlet's copy must be for its words to attest one version against another. */
const ATTEST_REGION_MIN = 0.8;
/** The same, when both outlets name the same speaker. */
export const PARAPHRASE_REGION_MIN_SAME_SPEAKER = 0.5;

// Words that open a qualifying clause: contrast, negation, condition.
const CONTRAST = new Set([
  "but", "however", "although", "though", "unless", "except", "nevertheless", "not", "never", "yet", "only",
  "if", "provided", "providing", "assuming", "subject", "until", "once",
]);
const STRONG_CONTRAST = new Set(["but", "however", "although", "unless", "except", "nevertheless"]);

function speakerLabel(s: string | null): string {
  return s ?? "the speaker";
}

function ngramSet(keys: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= keys.length; i++) out.add(keys.slice(i, i + n).join(" "));
  return out;
}

export interface QuoteFlagContext {
  al: StoryAlignment;
  corr: number[];
  /** Articles that carry added structures (padding), from the structure pass. */
  padded: Set<number>;
}

/** Quote flags for one article. */
export function classifyQuotes(ctx: QuoteFlagContext, ai: number): Draft[] {
  const { al, corr } = ctx;
  const arts = al.index.articles;
  const A = arts[ai];
  const a = A.analysis;
  const out: Draft[] = [];
  if (!counterpartsOf(al, ai).length) return out;
  // Words A carries in any of its quotes: a "cut" that A quotes elsewhere is a split, not a cut.
  const allQuoteKeys = A.quoteTokens.map((idx) => idx.map((i) => A.keys[i]));
  const aTrigrams = ngramSet(allQuoteKeys.flat(), 3);
  // One cut flagged once, even when A's two quotes sit either side of it.
  const cutsSeen = new Set<string>();
  // Folded counterpart bodies, only when a speaker has to be looked up (folding is not free).
  let folded: string[] | null = null;
  const otherBodies = () => (folded ??= counterpartsOf(al, ai).map((i) => foldedBody(al, i)));

  a.quotes.forEach((q, qi) => {
    if (!isFlaggableSentence(a.segmentation, q.sentence)) return;
    const matches = al.quotes[ai][qi];
    const sIdx = A.quoteTokens[qi];
    const n = sIdx.length;
    if (!n) return;
    const outletOf = (m: QuoteMatch) => arts[m.article].analysis.article.outlet;

    // --- quote_paraphrased ---------------------------------------------------------------
    const hasVerbatim = matches.some((m) => m.coverage === "verbatim");
    const reworded = matches.filter((m) => {
      if (!m.best || m.coverage !== "reworded") return false;
      const other = arts[m.article].analysis.quotes[m.best.quote];
      // Versions of one quote come from one speaker; different speakers are an attribution question.
      if (!speakersCompatible(q, other)) return false;
      // Recognised by speaker and content (heavy rewording, back-translation): the same quote.
      if (m.best.twin) return true;
      // The same named speaker on both sides is strong evidence of one quote: less shared wording is needed.
      const sameNamed = !!(q.speaker && other.speaker && sameSpeakerKey(q.speakerKey, other.speakerKey));
      const regionMin = sameNamed ? PARAPHRASE_REGION_MIN_SAME_SPEAKER : PARAPHRASE_REGION_MIN;
      if (m.best.matched >= 4 && m.best.regionSimilarity >= regionMin && m.best.runs.some((r) => r.length >= 3)) return true;
      // Too few shared runs, but the same content by a compatible speaker: the same quote reworded.
      const share = quoteContentShare(al.index, ai, qi, m.article, m.best.quote);
      return share.dice >= QUOTE_TWIN_MIN && share.shared >= QUOTE_TWIN_MIN_SHARED;
    });
    if (!hasVerbatim && reworded.length) {
      const real = reworded.filter((m) => {
        const B = arts[m.article];
        const tIdx = B.quoteTokens[m.best!.quote];
        // Editorial insertions ("for such [a] signal", "these (local) supervisors") are the writer's honest additions.
        const bracketed = (art: typeof A, ti: number) => insideBrackets(art.analysis.article.body, art.tokens[ti].start);
        const srcChanged = m.changedSource.filter((i) => !bracketed(A, sIdx[i]));
        const tgtChanged = m.changedTarget.filter((j) => !bracketed(B, tIdx[j]));
        // An omission marked with an ellipsis is an honest cut, not a rewording.
        const ellipsis = /\.\.\.|…/.test(q.text) && srcChanged.length === 0;
        if (srcChanged.length + tgtChanged.length === 0 || ellipsis) return false;
        // One version inside the other, or overlapping excerpts of one statement: no rewording.
        return !readRewording(A, qi, B, m, bracketedToken).excerpt;
      });
      // Which side changed the words? A version another outlet carries word for word is the
      // original; the version nobody else carries is the rewording. Only when that does not
      // decide does corroboration break the tie.
      // Words of A's version that a third outlet's copy of the quote carries too are attested:
      // when every content word A changed relative to B is attested, B is the one that changed.
      const attested = (except: number) => {
        const set = new Set<number>();
        for (const x of matches) {
          if (x.article === except || !x.best || x.best.twin || x.best.regionSimilarity < ATTEST_REGION_MIN || x.best.matched < 4) continue;
          if (!speakersCompatible(q, arts[x.article].analysis.quotes[x.best.quote])) continue;
          for (const r of x.best.runs) for (let i = r.a; i < r.a + r.length; i++) set.add(i);
        }
        return set;
      };
      const contested = real.filter((m) => {
        // Votes: third outlets whose version of the quote carries A's changed words against those
        // carrying B's. The majority wording is the original.
        const B = arts[m.article];
        const tIdx = B.quoteTokens[m.best!.quote];
        const marked = (p: PreparedArticle, i: number) => !!p.terms[i] || isNegationKey(p.keys[i]);
        const sK = m.changedSource.filter((i) => marked(A, sIdx[i])).map((i) => A.keys[sIdx[i]]);
        const tK = m.changedTarget.filter((j) => marked(B, tIdx[j])).map((j) => B.keys[tIdx[j]]);
        let forA = 0;
        let forB = 0;
        for (const x of matches) {
          if (x.article === m.article || !x.best) continue;
          if (!speakersCompatible(q, arts[x.article].analysis.quotes[x.best.quote])) continue;
          const keys = new Set(arts[x.article].quoteKeys[x.best.quote]);
          const hasA = sK.length > 0 && sK.every((k) => keys.has(k));
          const hasB = tK.length > 0 && tK.every((k) => keys.has(k));
          if (hasA && !hasB) forA++;
          if (hasB && !hasA) forB++;
        }
        if (forA !== forB) return forA < forB;
        const changed = m.changedSource.filter((i) => A.terms[sIdx[i]]);
        if (!changed.length) return true;
        const att = attested(m.article);
        return !changed.every((i) => att.has(i));
      });
      real.splice(0, real.length, ...contested);
      const twinned = (art: number, quote: number, except: number) =>
        al.quotes[art][quote].some((x) => x.article !== except && x.coverage === "verbatim");
      const mineTwinned = twinned(ai, qi, -1);
      const theirsTwinned = real.some((m) => twinned(m.article, m.best!.quote, ai));
      const thisSide = mineTwinned !== theirsTwinned ? theirsTwinned : flagThisSide(corr, ai, real.map((m) => m.article));
      if (real.length && thisSide) {
        // High only when the change is one of substance (a word swapped for another, a figure, a negation);
        // spelling, brackets and reworded phrasing that keeps every fact are medium.
        const readings = real.map((m) => readRewording(A, qi, arts[m.article], m, bracketedToken));
        const content = readings.some((r) => r.substantive);
        const change = readings.find((r) => r.example)?.example ?? null;
        const sim = Math.max(...real.map((m) => m.best!.regionSimilarity));
        const closest = [...real].sort((x, y) => y.best!.regionSimilarity - x.best!.regionSimilarity || x.article - y.article).slice(0, MAX_EVIDENCE);
        const evidence = closest.map((m) => evidenceFor(q.text, arts[m.article].analysis, m.span!));
        out.push({
          articleId: a.article.id,
          kind: "quote_paraphrased",
          severity: content ? "high" : "medium",
          confidence: round(sim),
          start: q.start,
          end: q.end,
          text: q.text,
          speaker: q.speaker,
          explanation: `${a.article.outlet} quotes ${speakerLabel(q.speaker)} as "${clip(q.text)}"; ${joinNames(real.map(outletOf))} ${real.length > 1 ? "have" : "has"} "${clip(real[0].text)}"${change ? ` (changed: ${clip(change, 80)})` : ""}.`,
          evidence,
        });
      }
    }

    // --- quote_truncated -----------------------------------------------------------------
    if (n >= MIN_QUOTE_WORDS - 1) {
      let bestCut: { m: QuoteMatch; dropped: number[] } | null = null;
      for (const m of matches) {
        if (!m.best || m.best.matched < 0.8 * n) continue;
        const B = arts[m.article];
        const tIdx = B.quoteTokens[m.best.quote];
        // Only the words adjacent to A's region count, and only those A does not quote elsewhere.
        const tKeys = tIdx.map((j) => B.keys[j]);
        const carried = new Uint8Array(tIdx.length);
        for (let j = 0; j + 3 <= tIdx.length; j++) {
          if (aTrigrams.has(tKeys.slice(j, j + 3).join(" "))) carried[j] = carried[j + 1] = carried[j + 2] = 1;
        }
        // The dropped words are the uncarried ones right next to A's region (before or after it).
        const dropped: number[] = [];
        for (let j = m.best.target[1]; j < tIdx.length && !carried[j]; j++) dropped.push(j);
        for (let j = m.best.target[0] - 1; j >= 0 && !carried[j]; j--) dropped.unshift(j);
        const contentDropped = dropped.filter((j) => B.terms[tIdx[j]]).length;
        if (dropped.length >= MIN_CUT_WORDS && contentDropped >= 2 && (!bestCut || dropped.length > bestCut.dropped.length)) {
          bestCut = { m, dropped };
        }
      }
      const cutKey = bestCut ? `${bestCut.m.article}:${bestCut.m.best!.quote}:${bestCut.dropped.join(",")}` : "";
      if (bestCut && !cutsSeen.has(cutKey)) {
        cutsSeen.add(cutKey);
        const { m, dropped } = bestCut;
        const B = arts[m.article];
        const tIdx = B.quoteTokens[m.best!.quote];
        const bBody = B.analysis.article.body;
        const trailing = dropped.filter((j) => j >= m.best!.target[1]);
        const leading = dropped.filter((j) => j < m.best!.target[0]);
        // Cutting a "but …"/"not …" clause off the end changes what was said.
        const drops = trailing.slice(0, 3).some((j) => CONTRAST.has(B.tokens[tIdx[j]].norm)) ||
          trailing.some((j) => STRONG_CONTRAST.has(B.tokens[tIdx[j]].norm));
        // Choosing whole sentences out of a longer quote is ordinary practice; cutting one mid-sentence is not.
        const sentenceEnd = (j: number) => /^["”’']?[.!?…;]/.test(bBody.slice(B.tokens[tIdx[j]].end, B.tokens[tIdx[j]].end + 3));
        const wholeSentences =
          (!trailing.length || sentenceEnd(m.best!.target[1] - 1)) &&
          (!leading.length || sentenceEnd(leading[leading.length - 1]));
        // A fragment woven into the writer's own sentence is ordinary practice too.
        const fragment = /^[\s"'“‘(….]*\p{Ll}/u.test(q.text);
        // A fragment woven into the writer's sentence never reads as the whole statement: at most medium.
        const severity: Severity = drops && !wholeSentences ? (fragment ? "medium" : "high") : fragment || wholeSentences ? "low" : "medium";
        const droppedText = dropped.slice(0, 12).map((j) => B.tokens[tIdx[j]].raw).join(" ");
        out.push({
          articleId: a.article.id,
          kind: "quote_truncated",
          severity,
          confidence: round(Math.min(1, m.best!.matched / n)),
          start: q.start,
          end: q.end,
          text: q.text,
          speaker: q.speaker,
          explanation: `${a.article.outlet} quotes ${speakerLabel(q.speaker)} as "${clip(q.text, 70)}"; ${outletOf(m)} carries the longer "${clip(m.text, 110)}" (not carried: "${clip(droppedText, 60)}").`,
          evidence: [evidenceFor(q.text, B.analysis, m.span!)],
        });
      }
    }

    // --- quote_unattested ----------------------------------------------------------------
    if (n >= MIN_QUOTE_WORDS && matches.every((m) => m.coverage === "absent")) {
      const block = a.segmentation.blocks[a.segmentation.sentences[q.sentence]?.block ?? -1];
      const inStructure = !!block && (block.kind === "callout" || block.structure !== null);
      const sk = q.speaker ? speakerKeyOf(q.speaker) : "";
      const speakerElsewhere = !sk || otherBodies().some((b) => b && new RegExp(`\\b${escapeRe(sk)}`, "u").test(b));
      const padded = ctx.padded.has(ai);
      const signals = [inStructure, !speakerElsewhere, padded].filter(Boolean).length;
      const severity: Severity = signals >= 3 ? "high" : signals === 2 ? "medium" : "low";
      const maxSupport = Math.max(0, ...matches.map((m) => m.score));
      const why: string[] = [];
      if (inStructure) why.push("it sits in an added block");
      if (!speakerElsewhere) why.push(`${q.speaker} is named by no other outlet`);
      if (padded) why.push("the article carries other unsupported material");
      out.push({
        articleId: a.article.id,
        kind: "quote_unattested",
        severity,
        confidence: round(1 - maxSupport),
        start: q.start,
        end: q.end,
        text: q.text,
        speaker: q.speaker,
        explanation: `${a.article.outlet} quotes ${speakerLabel(q.speaker)} as "${clip(q.text)}"; no other outlet (${joinNames(matches.map(outletOf))}) carries these words in any form${why.length ? `; ${why.join(", ")}` : ""}.`,
        evidence: [],
      });
    }

    // --- attribution_conflict ------------------------------------------------------------
    const close = matches.filter((m) => m.best && m.best.regionSimilarity >= 0.7 && m.best.matched >= Math.max(4, 0.5 * n));
    // Only personal names are compared: "the Texas governor" and "Mr. Perry" may be one person.
    const named = (s: string | null): s is string => !!s && isPersonName(s);
    const aSentence = (() => {
      const s = a.segmentation.sentences[q.sentence];
      return s ? foldText(a.article.body.slice(Math.max(0, s.start - 300), Math.min(a.article.body.length, q.end + 300))) : "";
    })();
    // Speakers as people: names as written, roles the story names ("the chairman"), colon introductions.
    const mineWho = resolveSpeaker(al, ai, qi);
    const theirWho = (m: QuoteMatch) => resolveSpeaker(al, m.article, m.best!.quote);
    const speakerConflicts = close.filter((m) => {
      const other = theirWho(m);
      if (!mineWho || !other || n < MIN_QUOTE_WORDS) return false;
      // If A names the other speaker right around the quote, A's attribution is ambiguous, not conflicting.
      return !sameSpeakerKey(mineWho.key, other.key) && !new RegExp(`\\b${escapeRe(other.key)}\\b`, "u").test(aSentence);
    });
    const speakerAgree = close.filter((m) => {
      const other = theirWho(m);
      return !!mineWho && !!other && sameSpeakerKey(mineWho.key, other.key);
    });
    pushAttribution("speaker", speakerConflicts, speakerAgree.length);
    const venueConflicts = close.filter((m) => {
      const other = arts[m.article].analysis.quotes[m.best!.quote];
      return q.venue && other.venue && !venuesMatch(q.venue, other.venue);
    });
    const venueAgree = close.filter((m) => {
      const other = arts[m.article].analysis.quotes[m.best!.quote];
      return q.venue && other.venue && venuesMatch(q.venue, other.venue);
    });
    pushAttribution("venue", venueConflicts, venueAgree.length);
    // The organisation the words are credited to, when no person decides: "the Tenants Union said" against
    // "a spokesperson for Housing Action". Each body must be absent from the other article altogether.
    if (!speakerConflicts.length) {
      const mineOrg = resolveOrganisation(al, ai, qi);
      const orgOf = (m: QuoteMatch) => resolveOrganisation(al, m.article, m.best!.quote);
      const body = (i: number) => foldText(arts[i].analysis.article.body);
      const orgConflicts = mineOrg
        ? close.filter((m) => {
            const o = orgOf(m);
            return !!o && !organisationsMatch(mineOrg, o) && !body(m.article).includes(foldText(mineOrg)) && !body(ai).includes(foldText(o));
          })
        : [];
      const orgAgree = mineOrg ? close.filter((m) => { const o = orgOf(m); return !!o && organisationsMatch(mineOrg, o); }).length : 0;
      pushAttribution("organisation", orgConflicts, orgAgree);
    }

    function pushAttribution(what: "speaker" | "venue" | "organisation", conflicts: QuoteMatch[], agree: number) {
      if (!conflicts.length) return;
      // Conflicting with outlets that disagree among themselves too is no clear conflict.
      const keyOf = (m: QuoteMatch) => {
        const o = arts[m.article].analysis.quotes[m.best!.quote];
        if (what === "organisation") return foldText(resolveOrganisation(al, m.article, m.best!.quote) ?? "");
        return what === "speaker" ? (theirWho(m)?.key ?? "") : foldText(o.venue ?? "");
      };
      const same = (x: string, y: string) => (what === "speaker" ? x === y : what === "organisation" ? organisationsMatch(x, y) : venuesMatch(x, y));
      const groups: { key: string; n: number }[] = [];
      for (const m of conflicts) {
        const k = keyOf(m);
        const g = groups.find((x) => same(x.key, k));
        if (g) g.n++;
        else groups.push({ key: k, n: 1 });
      }
      if (groups.length > 1 && Math.max(...groups.map((g) => g.n)) < 2) return;
      const mine = 1 + agree;
      if (mine > conflicts.length) return;
      if (mine === conflicts.length && !flagThisSide(corr, ai, conflicts.map((m) => m.article))) return;
      const evidence: Evidence[] = conflicts.slice(0, MAX_EVIDENCE).map((m) => evidenceFor(q.text, arts[m.article].analysis, m.span!));
      const theirs = conflicts.map((m) => {
        const o = arts[m.article].analysis.quotes[m.best!.quote];
        const who = what === "speaker" ? (theirWho(m)?.name ?? o.speaker) : what === "organisation" ? resolveOrganisation(al, m.article, m.best!.quote) : o.venue;
        return `${arts[m.article].analysis.article.outlet} gives them to ${who}`;
      });
      const mineName =
        what === "speaker" ? (mineWho?.via === "role" ? `${q.speaker} (${mineWho.name})` : (mineWho?.name ?? q.speaker)) : what === "organisation" ? resolveOrganisation(al, ai, qi) : q.venue;
      // For a body credited in place of another, what is wrong is the attribution clause before the quote
      // ("The Tenants Union said in a statement:"), so that is what the flag marks when it is there.
      let flagSpan = { start: q.start, end: q.end, text: q.text };
      const sent = a.segmentation.sentences[q.sentence];
      if (what === "organisation" && q.speakerSpan && sent && q.speakerSpan.start < q.start && q.speakerSpan.start >= sent.start) {
        const raw = a.article.body.slice(q.speakerSpan.start, q.start);
        const trimmed = raw.replace(/[\s:,"“‘'«—–-]+$/u, "");
        if (trimmed.length >= 12) flagSpan = { start: q.speakerSpan.start, end: q.speakerSpan.start + trimmed.length, text: trimmed };
      }
      out.push({
        articleId: a.article.id,
        kind: "attribution_conflict",
        severity: what === "speaker" ? "high" : "medium",
        confidence: round(Math.max(...conflicts.map((m) => m.best!.regionSimilarity))),
        ...flagSpan,
        speaker: q.speaker,
        explanation: `${a.article.outlet} attributes "${clip(q.text, 70)}" to ${mineName}; ${theirs.join("; ")}.`,
        evidence,
      });
    }
  });
  return out;
}

const FOLDED = new WeakMap<StoryAlignment, Map<number, string>>();

/** The folded body of article `i`, computed once per story alignment. */
function foldedBody(al: StoryAlignment, i: number): string {
  let m = FOLDED.get(al);
  if (!m) FOLDED.set(al, (m = new Map()));
  let b = m.get(i);
  if (b === undefined) m.set(i, (b = foldText(al.index.articles[i].analysis.article.body)));
  return b;
}

/** True when token `ti` of an article sits inside editorial brackets. */
function bracketedToken(p: PreparedArticle, ti: number): boolean {
  return insideBrackets(p.analysis.article.body, p.tokens[ti].start);
}

/** True when offset sits inside [...] or (...) on its line (looked up within 60 characters). */
function insideBrackets(body: string, offset: number): boolean {
  const before = body.slice(Math.max(0, offset - 60), offset);
  const after = body.slice(offset, offset + 60);
  const open = Math.max(before.lastIndexOf("["), before.lastIndexOf("("));
  if (open < 0) return false;
  const closedBefore = Math.max(before.lastIndexOf("]"), before.lastIndexOf(")"));
  if (closedBefore > open) return false;
  return /^[^\[\]()\n]*[\])]/.test(after);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const VENUE_STOP = new Set(["the", "on", "in", "of", "a", "an", "to", "s", "show", "program", "programme", "interview", "channel", "network"]);

/** Two organisation names are one body when one's words lie inside the other's ("Housing Action" / "Kelsford Housing Action"). */
function organisationsMatch(a: string, b: string): boolean {
  const x = foldText(a).replace(/^the\s+/, "").split(/\s+/);
  const y = foldText(b).replace(/^the\s+/, "").split(/\s+/);
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

/** Two venues match when they share a distinctive word ("Fox News Sunday" ~ "Fox News"). */
export function venuesMatch(a: string, b: string): boolean {
  const words = (s: string) =>
    new Set(
      foldText(s)
        .replace(/'s\b/g, "")
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w && !VENUE_STOP.has(w)),
    );
  const x = words(a);
  const y = words(b);
  if (!x.size || !y.size) return true;
  for (const w of x) if (y.has(w)) return true;
  return false;
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
