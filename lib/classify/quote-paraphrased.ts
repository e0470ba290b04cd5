/**
 * quote_paraphrased: words inside quotation marks changed against another outlet's
 * version of the same quote by the same speaker (heavy rewording and back-translation
 * included); high when the change is one of substance.
 */
import { quoteContentShare, QUOTE_TWIN_MIN, QUOTE_TWIN_MIN_SHARED, sameSpeakerKey, speakersCompatible, type PreparedArticle } from "@/lib/align";
import { isNegation } from "@/lib/text";
import { clip, evidenceFor, flagThisSide, joinNames, MAX_EVIDENCE } from "./common";
import { readRewording } from "./rewording";
import { ATTEST_REGION_MIN, PARAPHRASE_REGION_MIN, PARAPHRASE_REGION_MIN_SAME_SPEAKER, bracketedToken, insideBrackets, round, speakerLabel, type QuoteScope } from "./quote-common";

/** Flags quote `s.q` when another outlet carries it in other words. */
export function flagParaphrased(s: QuoteScope): void {
  const { al, corr, arts, A, a, ai, q, qi, matches, sIdx, outletOf, out } = s;
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
      const marked = (p: PreparedArticle, i: number) => !!p.terms[i] || isNegation(p.keys[i]);
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
    const thisSide = mineTwinned !== theirsTwinned ? theirsTwinned : flagThisSide(al, corr, ai, real.map((m) => m.article));
    // Nothing decides which version is the original (no third outlet carries either, corroboration and
    // publication order tie): each side is flagged, and neither is called a change of substance outright.
    const undecided = mineTwinned === theirsTwinned && real.length > 0 && real.every((m) => flagThisSide(al, corr, m.article, [ai]));
    if (real.length && thisSide) {
      // High only when the change is one of substance (a word swapped for another, a figure, a negation);
      // spelling, brackets and reworded phrasing that keeps every fact are medium.
      const readings = real.map((m) => readRewording(A, qi, arts[m.article], m, bracketedToken));
      const content = readings.some((r) => r.substantive);
      const change = readings.find((r) => r.example)?.example ?? null;
      const sim = Math.max(...real.map((m) => m.best!.regionSimilarity));
      const closest = [...real].sort((x, y) => y.best!.regionSimilarity - x.best!.regionSimilarity || x.article - y.article).slice(0, MAX_EVIDENCE);
      const evidence = closest.map((m) => evidenceFor(q.text, arts[m.article].analysis, m.span!));
      const span = changedSentences(s, closest[0].changedSource);
      out.push({
        articleId: a.article.id,
        kind: "quote_paraphrased",
        severity: content && !undecided ? "high" : "medium",
        confidence: round(sim),
        ...span,
        speaker: q.speaker,
        explanation: `${a.article.outlet} quotes ${speakerLabel(q.speaker)} as "${clip(q.text)}"; ${joinNames(real.map(outletOf))} ${real.length > 1 ? "have" : "has"} "${clip(real[0].text)}"${change ? ` (changed: ${clip(change, 80)})` : ""}${undecided ? "; no other outlet shows which version is the original" : ""}.`,
        evidence,
      });
    }
  }

}

/**
 * The part of a quote the flag marks: the sentences of it in which words changed, so that a
 * long quote whose second sentence is carried word for word is not flagged on that sentence;
 * the whole quote when every sentence changed, or when the change is only words it lacks.
 */
function changedSentences(s: QuoteScope, changedSource: readonly number[]): { start: number; end: number; text: string } {
  const { A, a, q, sIdx } = s;
  const whole = { start: q.start, end: q.end, text: q.text };
  if (!changedSource.length || q.parts.length > 1) return whole;
  const inQuote = a.segmentation.sentences.filter((x) => x.end > q.start && x.start < q.end);
  if (inQuote.length < 2) return whole;
  const at = changedSource.map((i) => A.tokens[sIdx[i]].start);
  const kept = inQuote.filter((x) => at.some((o) => o >= x.start && o < x.end));
  if (!kept.length || kept.length === inQuote.length) return whole;
  const start = Math.max(q.start, kept[0].start);
  let end = Math.min(q.end, kept[kept.length - 1].end);
  const body = a.article.body;
  while (end > start && /[\s"“”'’,]/.test(body[end - 1])) end--;
  return { start, end, text: body.slice(start, end) };
}
