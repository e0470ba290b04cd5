/**
 * Attribution of collected quotes: speaker (pronouns resolved to the last
 * named person), cue, venue, sentence index and the optional fields.
 */
import type { Block, Quote, Segmentation, Span } from "../types";
import { speakerKeyOf } from "../text";
import { attributionAfter, attributionBefore, clauseSubject, namedSpeakers, sentenceSubject, type SpeakerMatch } from "./cues";
import { LOWER_ROLE_WORD, SPEECH_VERB } from "./lexicon";
import { collectSurnames, isPersonLike, nameMentions } from "./names";
import { findVenue } from "./venues";
import { affiliationSignature, headlineSpeaker, roundupSpeaker, sentenceLeadSpeaker, transcriptSpeaker } from "./speakers";
import { isDashSignature } from "./collect";
import { CONTENT_KINDS, type Draft, sentenceAt, words, wordsUpTo } from "./util";

/**
 * Turn collected quote drafts into Quotes with speaker, cue and venue.
 * Precedence, most specific first: an attribution known from the quote's shape
 * (dash, colon, interruption); the same sentence after / before the quote (after
 * first when the quote opens the sentence); the sentence after a quote ending in
 * "?"/"!"/","; a colon-ended sentence before; a transcript "NAME:"; a "Name:" lead;
 * a headline verb; a "— Name" signature; the named speaker of the previous
 * sentence; the previous quote's speaker when this one simply continues it.
 * Pronouns resolve to the last person-like subject of a speech verb or sentence.
 */
const HEADING_KINDS = new Set(["headline", "heading"]);
/** Characters from a sentence's start within which a quote's clause subject is looked for (far longer than any natural clause). */
const CLAUSE_REACH = 1000;
/** Words before a name within which it opens its sentence as the subject ("Delivery driver Ravi Sethna"). */
const SUBJECT_WORDS = 5;
/** A role opening a sentence, then a comma, before the name it describes ("The vicar of the parish church, the "). */
const APPOSED_LEAD = /^(?:the|a|an)\s+[^,.;:!?"“”]{1,60},\s+(?:the\s+)?$/i;

export function attribute(body: string, seg: Segmentation, blocks: Block[], drafts: Draft[]): Quote[] {
  // Named mentions of speakers, in body order, for pronoun resolution.
  const inQuote = (sp: Span) => drafts.some((d) => d.parts.some((p) => p.start <= sp.start && sp.end <= p.end));
  const surnames = collectSurnames(body, blocks);
  const mentions: SpeakerMatch[] = [];
  for (const b of blocks) mentions.push(...namedSpeakers(body, b.start, b.end));
  for (const s of seg.sentences) {
    const b = seg.blocks[s.block];
    if (!b || b.boilerplate || !CONTENT_KINDS.has(b.kind) || b.kind === "headline" || b.kind === "heading") continue;
    const subj = sentenceSubject(body, s.start, s.end);
    if (subj && !subj.pronoun) mentions.push(subj);
  }
  // A role as a sentence's subject ("The judge stressed that ...") is a person a later "she said" can mean.
  const roleSubject = (t: string) => {
    const m = /^(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}([\p{L}-]+)$/iu.exec(t);
    return !!m && LOWER_ROLE_WORD.test(m[1].toLowerCase());
  };
  const persons = mentions.filter((m) => !inQuote(m.span) && (isPersonLike(m.text, surnames) || roleSubject(m.text)));
  const anyNames = nameMentions(body, blocks, surnames).filter((m) => !inQuote(m.span));
  const quotes: Quote[] = [];
  // The venue named in a stretch of text, read once per stretch: the quotes of one sentence share it.
  const venues = new Map<string, string | null>();
  const venueIn = (from: number, to: number) => {
    const k = `${from}:${to}`;
    if (!venues.has(k)) venues.set(k, findVenue(body, from, to));
    return venues.get(k)!;
  };
  const blockPos = new Map(blocks.map((b, i) => [b.index, i]));
  /**
   * The named person a quote's paragraph is about just before the quote: the subject of the previous
   * sentence of the same paragraph, when it holds no quotation and is a person (a name, or a role).
   */
  // Sentences that hold part of a quotation, found once (a paragraph's lead-in holds none).
  let quoted: Set<number> | null = null;
  const holdsQuote = (index: number) => {
    if (!quoted) {
      quoted = new Set();
      for (const o of drafts)
        for (const p of o.parts) {
          const from = sentenceAt(seg.sentences, p.start)?.index ?? 0;
          const to = sentenceAt(seg.sentences, Math.max(p.start, p.end - 1))?.index ?? from;
          for (let k = from; k <= to; k++) quoted.add(k);
        }
    }
    return quoted.has(index);
  };
  const paragraphSubject = (d: Draft, quoteStart: number): { text: string; span: Span } | null => {
    const sent = sentenceAt(seg.sentences, quoteStart);
    if (!sent || sent.index === 0 || quoteStart >= sent.end) return null;
    const ps = seg.sentences[sent.index - 1];
    if (ps.block !== sent.block || d.block !== sent.block || holdsQuote(ps.index)) return null;
    // The first name of that sentence, within its opening words (its subject, however introduced:
    // "Delivery driver Ravi Sethna was parked ...").
    // (Or set off after a role that opens it: "The vicar of the parish church, the Rev Canon Miriam Alder, said ...".)
    // (Names are in body order: the first at or after the sentence's start, by halving.)
    let lo = 0;
    let hi = anyNames.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anyNames[mid].span.start < ps.start) lo = mid + 1;
      else hi = mid;
    }
    const m = anyNames[lo];
    if (!m || m.span.end > ps.end || !isPersonLike(m.text, surnames)) return null;
    const lead = body.slice(ps.start, m.span.start);
    if (wordsUpTo(lead, SUBJECT_WORDS) > SUBJECT_WORDS && !APPOSED_LEAD.test(lead)) return null;
    return { text: m.text, span: m.span };
  };

  for (let qi = 0; qi < drafts.length; qi++) {
    const d = drafts[qi];
    const first = d.parts[0];
    const last = d.parts[d.parts.length - 1];
    const sent = sentenceAt(seg.sentences, first.start);
    const sentEnd = sentenceAt(seg.sentences, Math.max(last.end - 1, last.start));
    const prevQ = drafts[qi - 1];
    const nextQ = drafts[qi + 1];
    let a: SpeakerMatch | null = d.attribution ?? null;

    // "Name, Outlet: “...”" in a roundup: the person, not the outlet
    if (!a && d.open >= 0 && seg.blocks[d.block]) a = roundupSpeaker(body, seg.blocks[d.block].start, d.open);
    if (!a && d.style !== "dash" && d.style !== "colon") {
      const sStart = sent ? sent.start : first.start;
      const lo = Math.max(sStart, prevQ && prevQ.block === d.block && prevQ.close >= 0 && prevQ.close < first.start ? prevQ.close + 1 : sStart);
      const openAt = d.open >= 0 ? d.open : first.start;
      const closeAt = d.close >= 0 ? d.close + 1 : last.end;
      const sEnd = sentEnd ? Math.max(sentEnd.end, closeAt) : closeAt;
      const hi = Math.min(sEnd, nextQ && nextQ.block === d.block && nextQ.open > closeAt ? nextQ.open : sEnd);
      const beforeText = body.slice(lo, openAt);
      const leadsSentence = wordsUpTo(beforeText, 1) <= 1;
      let after = attributionAfter(body, closeAt, Math.max(closeAt, hi));
      // “...?” Trump said — the splitter ends the sentence at ?” / !” / …”; the attribution opens the next one
      if (!after && sentEnd && hi <= sentEnd.end && /[?!,…—–-][’'"”]*\s*$/.test(body.slice(last.start, last.end))) {
        const ns = seg.sentences[sentEnd.index + 1];
        if (ns && ns.block === sentEnd.block && (!nextQ || nextQ.parts[0].start > ns.start + 2)) {
          const nextStop = nextQ && nextQ.open > ns.start ? Math.min(ns.end, nextQ.open) : ns.end;
          after = attributionAfter(body, ns.start, nextStop);
          if (after && after.span.start - ns.start > 60) after = null;
        }
      }
      // “... missing.” Trump said. — a quote closed by a full stop, then a short sentence that only attributes it
      if (!after && sentEnd && d.close >= 0 && /\.[’'"”]*\s*$/.test(body.slice(last.start, last.end))) {
        const ns = seg.sentences[sentEnd.index + 1];
        if (ns && ns.block === sentEnd.block && ns.start - closeAt <= 2 && (!nextQ || nextQ.parts[0].start > ns.end) && wordsUpTo(body.slice(ns.start, ns.end), 12) <= 12) {
          const na = attributionAfter(body, ns.start, ns.end);
          if (na && Math.min(na.span.start, na.cueSpan.start) - ns.start <= 1) after = na;
        }
      }
      let before = attributionBefore(body, lo, openAt, sStart);
      // “A,” he said. “B,” he added — a cue before the quote that ends its own sentence belongs to the quote before
      const beforeClosed = !!before && /[.!?][”"’]?\s+$/.test(body.slice(before.cueSpan.end, openAt));
      // “... overrun with conservatives,” Hoover said. — a quote closed by a comma and followed at once by its
      // speaker and verb is attributed there, whatever verb stands earlier in the sentence
      // (a lexicon speech verb without an object of its own: "Clinton seized upon", "Her critics cited it" start new clauses)
      const afterTight = !!after && /[,?!][’'"”]*\s*$/.test(body.slice(last.start, last.end)) && Math.min(after.span.start, after.cueSpan.start) - closeAt <= 3 &&
        SPEECH_VERB.test(after.cue) && !/^\s*(it|him|her|them|the|a|an|this|that|upon|on)\b/i.test(body.slice(after.cueSpan.end, after.cueSpan.end + 8)) &&
        // "Mills then writes back, “You look cute.”": a cue that introduces the next quote is that quote's
        !(nextQ && nextQ.open > after.cueSpan.end && /^[\s\p{L}]{0,12}[,:]\s*$/u.test(body.slice(after.cueSpan.end, nextQ.open)));
      a = leadsSentence || beforeClosed || afterTight ? after ?? before : before ?? after;
      // "Ruiz said Lee called the plan “a mess”": the clause with the cue is itself what an earlier subject reports,
      // so the quoted words reach the article through that outer speaker
      // (climbing through a chain of them: "Ruiz said she expected that voters would say “no”")
      for (let up = 0; a && a === before && up < 3; up++) {
        const o = outerReporter(body, lo, a);
        if (!o) break;
        a = o;
        before = o;
      }
      // inside the parts' gaps (multi-part without a known attribution)
      if (!a) for (let k = 1; k < d.parts.length && !a; k++) a = attributionAfter(body, d.parts[k - 1].end, d.parts[k].start);
    }
    if (!a && sent && sent.index > 0 && wordsUpTo(body.slice(sent.start, first.start), 1) <= 1) {
      // the sentence before introduces the quote with a colon ("He also says that ...:")
      const ps = seg.sentences[sent.index - 1];
      if (body.slice(ps.start, ps.end).trimEnd().endsWith(":")) {
        const pa = attributionBefore(body, ps.start, ps.end);
        if (pa && (SPEECH_VERB.test(pa.cue.toLowerCase()) || /^\p{L}{3,}ed$/u.test(pa.cue))) a = pa;
        // "Transcript as follows:", "The statement reads as follows:": the phrase before "as follows" is the source,
        // unless the quote itself opens with a transcript speaker ("RAMOS: ..."): the person, not the document
        else if (!transcriptSpeaker(body, first)) {
          const m = /^([^:;,.]{2,60}?)\s+(?:(?:reads|read|is|are|was|were|goes|went)\s+)?as follows:\s*$/.exec(body.slice(ps.start, ps.end));
          if (m && words(m[1]) <= 6) {
            const span = { start: ps.start, end: ps.start + m[1].length };
            const colon = ps.start + body.slice(ps.start, ps.end).lastIndexOf(":");
            a = { text: m[1], span, pronoun: false, cue: "as follows", cueSpan: { start: colon, end: colon + 1 } };
          }
        }
      }
    }
    if (!a) a = transcriptSpeaker(body, first) ?? sentenceLeadSpeaker(body, sent, first.start);
    if (!a) {
      // a signature line right under the quote: "— Jane Doe"
      const nb = blocks[(blockPos.get(d.block) ?? -2) + 1];
      const lastBlock = seg.blocks[d.block];
      if (nb && lastBlock && last.end >= lastBlock.end - 2 && isDashSignature(body.slice(nb.start, nb.end))) {
        const m = /^(?:[–—―]|--)\s*/.exec(body.slice(nb.start, nb.end))!;
        let e = nb.end;
        while (e > nb.start && /[.,\s]/.test(body[e - 1])) e--;
        const span = { start: nb.start + m[0].length, end: e };
        a = { text: body.slice(span.start, span.end), span, pronoun: false, cue: body[nb.start], cueSpan: { start: nb.start, end: nb.start + 1 } };
      } else if (nb && nb.kind === "paragraph" && lastBlock && last.end >= lastBlock.end - 2) a = affiliationSignature(body, nb.start, nb.end);
    }
    if (!a && sent && d.style !== "dash" && d.style !== "colon" && !HEADING_KINDS.has(seg.blocks[sent.block]?.kind ?? "")) {
      // no speech verb: the subject of the clause the quote sits in ("Rubio bemoaned a climate where people “hate each other”")
      // (Within a sentence of natural length: a hostile one of thousands of quotes is not re-read for each.)
      const open = d.open >= 0 ? d.open : first.start;
      if (open - sent.start <= CLAUSE_REACH) a = clauseSubject(body, sent.start, open);
    }
    if (!a && sent && sent.index > 0 && d.style !== "dash" && wordsUpTo(body.slice(sent.start, first.start), 1) <= 1) {
      // "Lenahan says he sees a bigger issue. “There is ...”": the previous sentence's named speaker goes on speaking
      const ps = seg.sentences[sent.index - 1];
      const sameOrNext = ps.block === sent.block || (blockPos.get(sent.block) ?? 0) - (blockPos.get(ps.block) ?? -9) === 1;
      const prevHasQuote = drafts.some((o) => o !== d && o.parts.some((p) => p.start < ps.end && p.end > ps.start));
      if (sameOrNext && !prevHasQuote) {
        const m = mentions.filter((x) => x.span.start >= ps.start && x.span.end <= ps.end && x.cue !== "" && !inQuote(x.span) && /^\p{Lu}/u.test(x.text) && !/^(The|A|An|This|That|These|Those)\b/.test(x.text)).pop();
        if (m) a = m;
        // "Fiorina offered her own approach. “Look, ...”": the person the previous sentence is about introduces the quote
        else if (!HEADING_KINDS.has(seg.blocks[ps.block]?.kind ?? "")) {
          // only a person doing something ("Fiorina offered ..."), not one described ("Ruiz has faced criticism", "Ruiz is ...")
          const cs = clauseSubject(body, ps.start, ps.end);
          const acts = !!cs && !/^(is|was|are|were|has|had|have|be|been|being|seems|seemed|remains|remained|became|becomes)$/.test(body.slice(cs.cueSpan.start, cs.cueSpan.end)) && !/\b(is|was|has|had|have|are|were)\s+$/.test(body.slice(cs.span.end, cs.cueSpan.start));
          // (or a person described by role: "The judge then turned to me.")
          const rolePerson = (t: string) => /^(the|a|an)\s/i.test(t) && LOWER_ROLE_WORD.test(t.split(/\s+/).pop() ?? "");
          if (cs && acts && (cs.pronoun ? /^(he|she|i|we)$/i.test(cs.text) : isPersonLike(cs.text, surnames) || rolePerson(cs.text))) a = cs;
        }
      }
    }
    if (!a && sent && sent.index > 0 && d.style !== "dash") {
      // "..., Schiff said. “The other factor ...”": the previous sentence of the paragraph ends in an attribution
      const ps = seg.sentences[sent.index - 1];
      if (ps.block === sent.block && !drafts.some((o) => o !== d && o.parts.some((p) => p.start < ps.end && p.end > ps.start))) {
        const t = body.slice(ps.start, ps.end);
        const comma = t.lastIndexOf(",");
        if (comma > 0 && words(t.slice(comma)) <= 6 && /\.$/.test(t)) a = attributionAfter(body, ps.start + comma, ps.end);
      }
    }
    if (!a && sent) {
      const kind = seg.blocks[sent.block]?.kind;
      if (kind === "headline" || kind === "heading") {
        a = headlineSpeaker(body, sent, d.open >= 0 ? d.open : first.start, d.close >= 0 ? d.close + 1 : last.end);
        // "Summit Reveals ...": a lone word that is not a known name is no speaker
        if (a && a.text.split(/\s+/).length < 2 && !isPersonLike(a.text, surnames)) a = null;
      }
    }
    let speaker: string | null = null;
    let speakerSpan: Span | null = null;
    let mention: Span | undefined;
    if (a) {
      mention = a.span;
      if (a.pronoun && /^(it|its|they|their|we)\b/i.test(a.text)) {
        // "it"/"they" stand for an organisation or a group: never resolve them to one person;
        // "they" may take a plural phrase ("officials", "Smith and Jones"), "it" a singular organisation
        const plural = (m: SpeakerMatch) => /\band\b/.test(m.text) || /s$/.test(m.text.split(/\s+/).pop() ?? "");
        const ante = mentions
          .filter((m) => !inQuote(m.span) && !isPersonLike(m.text, surnames) && m.span.end <= a!.span.start && !m.pronoun)
          .filter((m) => (/^(it|its)\b/i.test(a!.text) ? !plural(m) : plural(m) || /\band\b/.test(m.text)))
          .sort((x, y) => y.span.start - x.span.start)[0];
        if (ante) {
          speaker = ante.text;
          speakerSpan = ante.span;
        }
      } else if (a.pronoun) {
        // The person the paragraph's sentence before the quote is about ("Delivery driver Ravi Sethna was
        // parked across the road. “I heard ...,” he said."): nearer than any earlier speaker.
        const lead = paragraphSubject(d, first.start);
        const ante = [...persons, ...(lead ? [lead] : []), ...quotes.filter((q) => q.speakerSpan && !isPronoun(q.speaker) && isPersonLike(q.speaker!, surnames)).map((q) => ({ text: q.speaker!, span: q.speakerSpan! }))]
          .filter((m) => m.span.end <= a!.span.start)
          .sort((x, y) => y.span.start - x.span.start)[0];
        const fallback = ante ? null : anyNames.filter((m) => m.span.end <= a!.span.start).pop();
        const pick = ante ?? fallback;
        if (pick) {
          speaker = pick.text;
          speakerSpan = pick.span;
        }
      } else {
        speaker = a.text;
        speakerSpan = a.span;
      }
    } else if (d.style !== "dash") {
      // no attribution: a quote that continues the previous quote's paragraph or follows it directly shares its speaker
      const pq = quotes[quotes.length - 1];
      const pd = prevQ;
      // (a previous attribution whose pronoun found no antecedent still carries over as the mention)
      if (pq && pd && (pq.speaker || pq.mention)) {
        const gapBlocks = (blockPos.get(d.block) ?? 0) - (blockPos.get(pd.block) ?? 0);
        // the next paragraph's quote goes on when little stands between, or only the previous quote's own attribution
        const opensParagraph = wordsUpTo(body.slice(seg.blocks[d.block]?.start ?? first.start, first.start), 0) === 0;
        const ownCue = opensParagraph && !!pq.mention && pq.mention.start >= pq.end && pq.mention.end <= first.start && wordsUpTo(body.slice(pq.end, first.start), 25) <= 25;
        if (gapBlocks === 0 || (gapBlocks === 1 && (wordsUpTo(body.slice(pq.end, first.start), 8) <= 8 || ownCue))) {
          speaker = pq.speaker;
          speakerSpan = pq.speakerSpan;
          mention = pq.mention;
        }
      }
    }
    const start = first.start;
    const end = last.end;
    const venueFrom = sent ? sent.start : start;
    const venueTo = Math.max(sentEnd ? sentEnd.end : end, a ? a.cueSpan.end + 80 : end);
    const venue = a || d.style !== "dash" ? venueIn(venueFrom, Math.min(body.length, venueTo)) : null;
    const spoken = d.parts.map((p) => body.slice(p.start, p.end)).join(" ");
    const q: Quote = {
      start,
      end,
      text: body.slice(start, end),
      style: d.style,
      speaker,
      speakerSpan,
      venue,
      cue: a ? a.cue : null,
      sentence: sent ? sent.index : 0,
      parts: d.parts,
      speakerKey: speaker ? speakerKeyOf(speaker) : undefined,
      spokenText: spoken,
      mention,
      fragment: words(spoken) <= 3,
    };
    quotes.push(q);
  }
  return quotes;
}

/** Verbs that report a whole clause ("X said [Y called it ...]"): the reporter, not Y, is the quote's source. */
const REPORTING_VERB = /^(said|says|say|told|tells|added|adds|argued|argues|claimed|claims|insisted|insists|noted|notes|contended|contends|alleged|alleges|recalled|recalls|wrote|writes|believes|believed|thinks|thought|suggested|suggests|acknowledged|acknowledges|explained|explains|maintained|maintains|expected|expects|hoped|hopes|predicted|predicts|feared|fears|knew|knows|warned|warns|assured|assures|stressed|stresses|admitted|admits|conceded|concedes|reminded|reminds)$/;

/** Reporting verbs with an addressee before their clause: "told reporters that ...", "assured donors that ...". */
const TELL_VERB = /^(told|tells|assured|assures|warned|warns|reminded|reminds)$/;

/**
 * The subject of a reporting verb whose complement clause holds `inner`
 * ("Ruiz said [that] Lee called it ..." → Ruiz), or null when `inner` opens
 * no such complement.
 */
function outerReporter(body: string, from: number, inner: SpeakerMatch): SpeakerMatch | null {
  if (inner.span.start - from < 6) return null;
  const gap = body.slice(Math.max(from, inner.span.start - 12), inner.span.start);
  // the inner subject follows the reporting verb at once, or after "that"
  if (!/\p{L}\s+(that\s+)?$/u.test(gap)) return null;
  const outer = attributionBefore(body, from, inner.span.start, from);
  if (!outer || outer.span.start >= inner.span.start) return null;
  const between = body.slice(outer.cueSpan.end, inner.span.start);
  const tell = TELL_VERB.test(outer.cue.toLowerCase()) && /^\s+(\p{L}[\p{L}'’\-.]*\s+){1,4}that\s+$/u.test(between);
  if (!/^\s*(that\s+)?$/.test(between) && !tell) return null;
  if (!REPORTING_VERB.test(outer.cue.toLowerCase())) return null;
  return outer;
}

function isPronoun(s: string | null): boolean {
  return !!s && /^(he|she|they|i|we)$/i.test(s);
}
