/**
 * attribution_conflict: the same words given to another person (names, roles the
 * story resolves, colon introductions), another venue, or another organisation.
 */
import { sameSpeakerKey, type QuoteMatch, type StoryAlignment } from "@/lib/align";
import { findOccasion, occasionsAgree, type Occasion } from "@/lib/quotes/occasions";
import { foldText } from "@/lib/text";
import type { Evidence } from "@/lib/types";
import { clip, evidenceFor, flagThisSide, MAX_EVIDENCE, memoPerArticle } from "./common";
import { resolveOrganisation, resolveSpeaker } from "./speakers";
import { MIN_QUOTE_WORDS, escapeRe, organisationsMatch, round, venuesMatch, type QuoteScope } from "./quote-common";

/** Characters between a quote and its speaker's name for the two to be flagged as one attribution ('," said the mayor'). */
const ATTRIBUTION_GAP = 40;

/** Characters around a quote searched for another speaker's name when A's own attribution is not beside it. */
const AMBIGUITY_WINDOW = 300;

/** A quote's occasion as its attribution tells it, and the attribution words that tell it (offsets in the body). */
interface QuoteOccasion extends Occasion {
  span: { start: number; end: number; text: string };
}

/**
 * The occasion of every quote of article `i`: read in the sentences from the one naming the speaker to
 * the one the quote ends in, with every quotation blanked out, so only the attribution's words count.
 */
const occasionsOf = memoPerArticle((al: StoryAlignment, i: number): (QuoteOccasion | null)[] => {
  const a = al.index.articles[i].analysis;
  const { body } = a.article;
  const sentences = a.segmentation.sentences;
  const sentenceOf = (pos: number) => sentences.findIndex((x) => x.start <= pos && pos < x.end);
  // The article's words with every quotation blanked out (a blanked quotation leaves a run of spaces).
  const chars = body.split("");
  for (const other of a.quotes) for (const p of other.parts.length ? other.parts : [other]) for (let k = p.start; k < p.end; k++) chars[k] = " ";
  const said = chars.join("");
  const read = (first: number, last: number, speaker?: RegExp): QuoteOccasion | null => {
    if (first < 0 || last < first || !sentences[first] || !sentences[last]) return null;
    const from = sentences[first].start;
    const occasion = findOccasion(said.slice(from, sentences[last].end));
    if (!occasion) return null;
    // The flag marks the attribution words around the occasion, within its sentence, up to the quotation marks on either side.
    const at = from + occasion.at;
    const own = sentences[sentenceOf(at)] ?? sentences[first];
    // Read away from the quote, the occasion must be the speaker's: a sentence that names them or says "he"/"she".
    if (speaker && !speaker.test(foldText(said.slice(own.start, own.end)))) return null;
    const stop = (k: number) => /[“”"«»\n]/u.test(body[k]) || (said[k] === " " && said[k + 1] === " ");
    let s0 = at;
    while (s0 > own.start && !stop(s0 - 1)) s0--;
    let s1 = at;
    while (s1 < own.end && !stop(s1)) s1++;
    const raw = body.slice(s0, s1);
    const lead = raw.length - raw.replace(/^[\s,.;:–—-]+/u, "").length;
    const text = raw.slice(lead).replace(/[\s,.;:–—-]+$/u, "");
    return { ...occasion, span: { start: s0 + lead, end: s0 + lead + text.length, text } };
  };
  return a.quotes.map((q) => {
    // First the quote's own attribution: the sentences from the one naming its speaker to the one it ends in,
    // within its paragraph.
    const last = sentenceOf(Math.max(q.start, q.end - 1));
    const mention = q.mention ?? q.speakerSpan;
    const named = mention ? sentenceOf(mention.start) : -1;
    const first = named >= 0 && named < q.sentence && sentences[named].block === sentences[q.sentence]?.block ? named : q.sentence;
    const key = q.speakerKey;
    // (Outside the quote's own sentence, only a sentence about the speaker: one that names them or says "he"/"she".)
    const theirs = key && key.length >= 3 ? new RegExp(`\\b(?:${escapeRe(key)}|he|she)\\b`, "u") : undefined;
    const own = read(q.sentence, Math.max(q.sentence, last)) ?? (first < q.sentence ? read(first, q.sentence - 1, theirs) : null);
    if (own) return own;
    // Then the sentence that introduced the speaker a pronoun stands for ("Marchetti, speaking at a news
    // conference at the old ground, said ... He argued: '...'"): the occasion is told where the speaker is.
    if (q.mention && q.speakerSpan && q.speakerSpan.start < q.mention.start) {
      const intro = sentenceOf(q.speakerSpan.start);
      if (intro >= 0 && intro < first) return read(intro, intro, q.speakerKey ? new RegExp(`\\b${escapeRe(q.speakerKey)}\\b`, "u") : undefined);
    }
    // Or what is told from the nearest sentence before, in this paragraph or the one before it, that names
    // the speaker ("Marchetti spoke to reporters outside the chamber after the vote." / "'...,' Marchetti said.").
    const block = sentences[first]?.block;
    if (!key || !theirs || block === undefined) return null;
    const names = new RegExp(`\\b${escapeRe(key)}\\b`, "u");
    // (From that sentence to the quote's: "Orlo did not resign. Speaking to reporters at the party's headquarters, he said ...")
    for (let k = first - 1; k >= 0 && sentences[k].block >= block - 1; k--) {
      if (names.test(foldText(body.slice(sentences[k].start, sentences[k].end)))) return read(k, first - 1, theirs);
    }
    return null;
  });
});

/** Flags quote `s.q` when other outlets give the same words to someone or somewhere else. */
export function flagAttribution(s: QuoteScope): void {
  const { al, corr, arts, a, ai, q, qi, matches, n, out } = s;
  const close = matches.filter((m) => m.best && m.best.regionSimilarity >= 0.7 && m.best.matched >= Math.max(4, 0.5 * n));
  // The text around the quote in which another speaker's name makes A's attribution ambiguous: the
  // quote's own paragraph when A names its speaker there ("Halvik was blunt: '...'"), else 300
  // characters either side (a speaker carried over from an earlier paragraph may be misread).
  const aSentence = (() => {
    const s = a.segmentation.sentences[q.sentence];
    if (!s) return "";
    const block = a.segmentation.blocks[s.block];
    if (block && q.speakerSpan && q.speakerSpan.start >= block.start && q.speakerSpan.end <= block.end) {
      return foldText(a.article.body.slice(block.start, block.end));
    }
    return foldText(a.article.body.slice(Math.max(0, s.start - AMBIGUITY_WINDOW), Math.min(a.article.body.length, q.end + AMBIGUITY_WINDOW)));
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
  // The occasion (a news conference, a statement, question time; where it was said), for the same person's words.
  const mineOccasion = occasionsOf(al, ai)[qi];
  const theirOccasion = (m: QuoteMatch) => occasionsOf(al, m.article)[m.best!.quote];
  if (mineOccasion && !speakerConflicts.length && !venueConflicts.length) {
    // (Both outlets name the same speaker: an occasion told of nobody in particular may be someone else's.)
    const sameSpeaker = (m: QuoteMatch) => !!mineWho && !!theirWho(m) && sameSpeakerKey(mineWho.key, theirWho(m)!.key);
    const withOccasion = close.filter((m) => theirOccasion(m) && sameSpeaker(m));
    pushAttribution("occasion", withOccasion.filter((m) => !occasionsAgree(mineOccasion, theirOccasion(m)!)), withOccasion.filter((m) => occasionsAgree(mineOccasion, theirOccasion(m)!)).length);
  }
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

  function pushAttribution(what: "speaker" | "venue" | "organisation" | "occasion", conflicts: QuoteMatch[], agree: number) {
    if (!conflicts.length) return;
    // Conflicting with outlets that disagree among themselves too is no clear conflict.
    const keyOf = (m: QuoteMatch) => {
      const o = arts[m.article].analysis.quotes[m.best!.quote];
      if (what === "organisation") return foldText(resolveOrganisation(al, m.article, m.best!.quote) ?? "");
      if (what === "occasion") return JSON.stringify(theirOccasion(m));
      return what === "speaker" ? (theirWho(m)?.key ?? "") : foldText(o.venue ?? "");
    };
    const same = (x: string, y: string) =>
      what === "speaker" ? x === y : what === "organisation" ? organisationsMatch(x, y) : what === "occasion" ? occasionsAgree(JSON.parse(x), JSON.parse(y)) : venuesMatch(x, y);
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
    if (mine === conflicts.length && !flagThisSide(al, corr, ai, conflicts.map((m) => m.article))) return;
    const evidence: Evidence[] = conflicts.slice(0, MAX_EVIDENCE).map((m) => evidenceFor(q.text, arts[m.article].analysis, m.span!));
    const theirs = conflicts.map((m) => {
      const o = arts[m.article].analysis.quotes[m.best!.quote];
      if (what === "occasion") return `${arts[m.article].analysis.article.outlet} has "${clip(theirOccasion(m)!.span.text, 80)}"`;
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
    // For another occasion, what is wrong is the attribution's account of it ("she said in a statement issued ...").
    if (what === "occasion" && mineOccasion && mineOccasion.span.text.length >= 12) flagSpan = { ...mineOccasion.span };
    // For a quote given to another person, the attribution beside it ("..., said Penhallow") is part of
    // what is wrong: the flag covers the quote and its speaker when they sit together.
    if (what === "speaker" && q.speakerSpan) {
      const from = Math.min(q.start, q.speakerSpan.start);
      let to = Math.max(q.end, q.speakerSpan.end);
      // An attribution after the quote runs to the end of its clause ("..., said X to the demonstrators.").
      if (q.speakerSpan.start >= q.end) {
        const rest = /^[^.!?\n"“”]{0,60}(?=[.!?])/u.exec(a.article.body.slice(to));
        if (rest) to += rest[0].length;
      }
      const gap = q.speakerSpan.start >= q.end ? q.speakerSpan.start - q.end : q.start - q.speakerSpan.end;
      // A speaker named earlier in the quote's own sentence introduces it, however long the lead-in
      // ("X told the board before the vote that ...: '...'"): the lead-in is the attribution.
      const leadIn = q.speakerSpan.end <= q.start && !!sent && q.speakerSpan.start >= sent.start;
      if (gap >= 0 && (gap <= ATTRIBUTION_GAP || leadIn) && !/\n/.test(a.article.body.slice(from, to))) {
        flagSpan = { start: from, end: to, text: a.article.body.slice(from, to) };
      }
    }
    out.push({
      articleId: a.article.id,
      kind: "attribution_conflict",
      // Another occasion is worth a look, not an alarm: outlets describe one occasion in different words.
      severity: what === "speaker" ? "high" : what === "occasion" ? "low" : "medium",
      confidence: round(Math.max(...conflicts.map((m) => m.best!.regionSimilarity))),
      ...flagSpan,
      speaker: q.speaker,
      explanation:
        what === "occasion"
          ? `${a.article.outlet} has "${clip(q.text, 70)}" with "${clip(mineOccasion?.span.text ?? "", 80)}"; ${theirs.join("; ")}: another occasion for the same words.`
          : `${a.article.outlet} attributes "${clip(q.text, 70)}" to ${mineName}; ${theirs.join("; ")}.`,
      evidence,
    });
  }
}
