/**
 * Quote extraction: every direct quote of an article with its speaker, cue
 * and venue. Styles: “double”, 'single', «guillemets», „low“, dash-led
 * paragraphs ("– We want ..., says X.") and colon-introduced block quotes.
 *
 * Choices downstream should know about:
 * - Titles in quotation marks right after "on"/"’s"/"titled" etc. (programme,
 *   book, show names such as “Fox News Sunday”) are NOT returned as quotes;
 *   they become the `venue` of the attribution in that sentence.
 * - Scare quotes and short fragments (1–3 words, “epic”) ARE returned, with
 *   `fragment: true`, so the classifier can decide what to do with them.
 * - A quote interrupted by its attribution (`“A,” he said, “B”`) or spanning
 *   paragraphs is ONE quote with several `parts`; `start/end/text` then cover
 *   the whole envelope and `spokenText` holds the parts' words joined by a space.
 * - Quotes nested inside another quote are not returned separately.
 */
import type { Block, Quote, QuoteStyle, Segmentation, Sentence, Span } from "../types";
import { scanQuotes, opensDouble, type RawQuote } from "./marks";
import {
  nameMentions,
  attributionAfter,
  attributionBefore,
  collectSurnames,
  findVenue,
  isPersonLike,
  namedSpeakers,
  sentenceSubject,
  speakerKey,
  SPEECH_VERB,
  type SpeakerMatch,
} from "./attribution";

interface Draft {
  parts: Span[];
  /** Offsets of the opening and closing marks (or -1). */
  open: number;
  close: number;
  style: QuoteStyle;
  block: number;
  /** Attribution already known from the quote's shape (dash or colon quotes, interruptions). */
  attribution?: SpeakerMatch | null;
}

const CONTENT_KINDS = new Set(["headline", "heading", "paragraph", "list_item", "faq_question", "faq_answer", "callout", "table_row"]);

function trimSpan(body: string, s: number, e: number): Span {
  while (s < e && /\s/.test(body[s])) s++;
  while (e > s && /\s/.test(body[e - 1])) e--;
  return { start: s, end: e };
}

function words(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function sentenceAt(sentences: Sentence[], pos: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length - 1;
  let best: Sentence | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= pos) {
      best = sentences[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** A title in quotes ("on “Fox News Sunday.”", "his book “The Art of the Deal”"): short, title-case, after a title-introducing word. */
function isTitleQuote(body: string, q: Draft): boolean {
  if (q.parts.length !== 1 || q.open < 0) return false;
  const inner = body.slice(q.parts[0].start, q.parts[0].end).replace(/[,.]$/, "");
  const ws = inner.split(/\s+/).filter(Boolean);
  if (ws.length === 0 || ws.length > 7) return false;
  const small = /^(a|an|the|of|for|to|in|on|and|or|at|by|with)$/i;
  if (!ws.every((w, i) => (i > 0 && small.test(w)) || /^[\p{Lu}\p{N}]/u.test(w))) return false;
  if (ws.length === 1 && !/\p{Lu}.*\p{Lu}/u.test(inner) && !/^\p{Lu}/u.test(inner)) return false;
  const before = body.slice(Math.max(0, q.open - 30), q.open);
  return /(\bon|\bin|\b(?:episode|edition|issue|season) of|’s|'s|\btitled|\bentitled|\bcalled|\bshow|\bprogram|\bprogramme|\bnewspaper|\bmagazine|\bbook|\bfilm|\bmovie|\bseries|\bpodcast|\bdocumentary|\bcolumn|\bop-ed|\bheadline|\bsong|\balbum)\s*$/i.test(before);
}

/** Dash-led paragraph: "– We want ..., says Støre." → quote up to the attribution. */
function dashQuote(body: string, b: Block): Draft | null {
  const t = body.slice(b.start, b.end);
  const m = /^([–—―]|--)\s+/.exec(t);
  if (!m) return null;
  const qs = b.start + m[0].length;
  let qe = b.end;
  let attribution: SpeakerMatch | null = null;
  // the attribution is the tail after the last separator that holds a speech verb
  const seps: number[] = [];
  for (let i = qs; i < b.end; i++) if (body[i] === "," || ((body[i] === "–" || body[i] === "—") && /\s/.test(body[i - 1] ?? ""))) seps.push(i);
  for (let k = seps.length - 1; k >= 0; k--) {
    const tail = body.slice(seps[k] + 1, b.end);
    if (words(tail) > 14) break;
    if (!SPEECH_VERB.test(tail)) continue;
    const a = attributionAfter(body, seps[k] + 1, b.end);
    if (a) {
      attribution = a;
      qe = seps[k];
      break;
    }
  }
  const sp = trimSpan(body, qs, qe);
  if (sp.end <= sp.start) return null;
  return { parts: [sp], open: b.start, close: -1, style: "dash", block: b.index, attribution };
}

/**
 * Extract the direct quotes of an article from its body and segmentation.
 * Boilerplate blocks are skipped. Quotes come in body order.
 */
export function extractQuotes(body: string, seg: Segmentation): Quote[] {
  if (typeof body !== "string") throw new TypeError("extractQuotes: body must be a string");
  if (!seg || !Array.isArray(seg.blocks) || !Array.isArray(seg.sentences)) throw new TypeError("extractQuotes: seg must be a Segmentation");
  const blocks = seg.blocks.filter((b) => !b.boilerplate && CONTENT_KINDS.has(b.kind));
  const drafts: Draft[] = [];
  let carried: { raw: RawQuote; parts: Span[]; block: number } | null = null;

  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (b.end > body.length || b.start < 0 || b.start > b.end) throw new Error(`extractQuotes: block ${b.index} is outside the body; this is a bug in the segmentation`);
    const dash = (b.kind === "paragraph" || b.kind === "heading" || b.kind === "callout") ? dashQuote(body, b) : null;
    if (dash) {
      if (carried) drafts.push(closeCarried(body, carried));
      carried = null;
      drafts.push(dash);
      continue;
    }
    let from = b.start;
    let cont: RawQuote | null = null;
    if (carried) {
      if (opensDouble(body, b.start) && b.kind === "paragraph") {
        cont = carried.raw;
        from = b.start + 1;
      } else {
        drafts.push(closeCarried(body, carried));
        carried = null;
      }
    }
    const { quotes, open } = scanQuotes(body, from, b.end, cont);
    let lastClose = b.start - 1;
    for (const q of quotes) {
      if (cont && q.open === cont.open && carried) {
        // the carried quote closes in this paragraph
        const parts = [...carried.parts, trimSpan(body, from, q.close)];
        drafts.push({ parts, open: cont.open, close: q.close, style: q.style, block: carried.block });
        carried = null;
        cont = null;
        lastClose = q.close;
        continue;
      }
      if (q.open < 0) {
        // a closing mark without an opener: the quote runs from the start of its sentence
        const s = sentenceAt(seg.sentences, q.close);
        const start = Math.max(b.start, s ? s.start : b.start, lastClose + 1);
        const sp = trimSpan(body, start, q.close);
        if (words(body.slice(sp.start, sp.end)) >= 2) drafts.push({ parts: [sp], open: -1, close: q.close, style: q.style, block: b.index });
        lastClose = q.close;
        continue;
      }
      const sp = trimSpan(body, q.open + 1, q.close);
      if (sp.end > sp.start) drafts.push({ parts: [sp], open: q.open, close: q.close, style: q.style, block: b.index });
      lastClose = q.close;
    }
    if (open) {
      const partStart = cont && carried ? from : open.open + 1;
      const part = trimSpan(body, partStart, b.end);
      if (cont && carried) carried = { raw: carried.raw, parts: [...carried.parts, part], block: carried.block };
      else carried = { raw: open, parts: [part], block: b.index };
    }
  }
  if (carried) drafts.push(closeCarried(body, carried));
  // empty parts come from marks with nothing between them ("“”"); a quote without words is no quote
  for (const d of drafts) d.parts = d.parts.filter((p) => p.end > p.start);
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].parts.length === 0) drafts.splice(i, 1);
  drafts.sort((a, b) => a.parts[0].start - b.parts[0].start);

  addColonQuotes(body, seg, blocks, drafts);
  drafts.sort((a, b) => a.parts[0].start - b.parts[0].start);
  // 'n', 'em: a one- or two-letter "single quote" is an elision, not a quote
  const real = drafts.filter((d) => !isTitleQuote(body, d) && !(d.style === "single" && body.slice(d.parts[0].start, d.parts[d.parts.length - 1].end).replace(/[^\p{L}\p{N}]/gu, "").length < 3));
  const kept = mergeInterrupted(body, seg, real);
  return attribute(body, seg, blocks, kept);
}

function closeCarried(body: string, c: { raw: RawQuote; parts: Span[]; block: number }): Draft {
  return { parts: c.parts.filter((p) => p.end > p.start), open: c.raw.open, close: -1, style: c.raw.style, block: c.block };
}

/** "X said:" at the end of a paragraph followed by an unmarked paragraph, or "X said: text" inline. */
function addColonQuotes(body: string, seg: Segmentation, blocks: Block[], drafts: Draft[]): void {
  const covered = (pos: number) => drafts.some((d) => d.parts.some((p) => p.start <= pos && pos < p.end) || d.open === pos);
  for (let bi = 1; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const prev = blocks[bi - 1];
    if (b.kind !== "paragraph" || prev.kind !== "paragraph") continue;
    if (/^[“"'‘«„»–—]/.test(body[b.start])) continue;
    if (body[prev.end - 1] !== ":") continue;
    const ps = sentenceAt(seg.sentences, prev.end - 1);
    if (!ps) continue;
    const a = attributionBefore(body, ps.start, prev.end);
    if (!a || a.cue === ":" || !SPEECH_VERB.test(a.cue)) continue;
    if (drafts.some((d) => d.block === b.index)) continue;
    drafts.push({ parts: [{ start: b.start, end: b.end }], open: -1, close: -1, style: "colon", block: b.index, attribution: a });
  }
  // inline: "Witkoff said: There is ..." with no quotation mark after the colon
  for (const b of blocks) {
    if (b.kind !== "paragraph" && b.kind !== "callout" && b.kind !== "faq_answer") continue;
    for (const s of seg.sentences) {
      if (s.block !== b.index) continue;
      const t = body.slice(s.start, s.end);
      const m = /\b[\p{L}]+\b(?:\s+[\p{L}’'.]+){0,2}:\s+(?=[^\s“"'‘«„»–—])/u.exec(t);
      if (!m) continue;
      const colonAt = s.start + m.index + m[0].indexOf(":");
      const qs = colonAt + 1;
      if (covered(qs + 1) || words(body.slice(qs, s.end)) < 4) continue;
      const a = attributionBefore(body, s.start, colonAt + 1);
      if (!a || !SPEECH_VERB.test(a.cue) || a.cueSpan.end < colonAt - 30) continue;
      // the colon must follow the verb closely ("said:", "told reporters:")
      if (words(body.slice(a.cueSpan.end, colonAt)) > 2) continue;
      const sp = trimSpan(body, qs, s.end);
      drafts.push({ parts: [sp], open: -1, close: -1, style: "colon", block: b.index, attribution: a });
    }
  }
}

/** `“A,” he said, “B”` → one quote with two parts (the gap is only an attribution clause ending in a comma or colon). */
function mergeInterrupted(body: string, seg: Segmentation, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const p = out[out.length - 1];
    if (p && p.block === d.block && p.close >= 0 && d.open >= 0 && p.style === d.style && p.style !== "dash" && p.style !== "colon") {
      const gap = body.slice(p.close + 1, d.open);
      const lastPart = body.slice(p.parts[p.parts.length - 1].start, p.parts[p.parts.length - 1].end);
      if (/^\s*,/.test(gap) || /,$/.test(lastPart)) {
        const sameSentence = sentenceAt(seg.sentences, p.close) === sentenceAt(seg.sentences, d.open);
        if (sameSentence && /[,:]\s*$/.test(gap) && words(gap) <= 12 && SPEECH_VERB.test(gap) && !/[!?]/.test(gap) && !/[.]\s+[“"‘«„]/.test(gap)) {
          const a = attributionAfter(body, p.close + 1, d.open);
          out[out.length - 1] = { ...p, parts: [...p.parts, ...d.parts], close: d.close, attribution: a ?? p.attribution };
          continue;
        }
        // `“A,” he posited, “B”`: a subject and one verb we do not know, between commas
        const g = /^\s*,?\s*((?:he|she|they|I|we|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2}))\s+(\p{Ll}+)\s*,\s*$/u.exec(gap);
        if (sameSentence && g && /,$/.test(lastPart)) {
          const at = p.close + 1 + gap.indexOf(g[1]);
          const cueAt = at + g[1].length + gap.slice(gap.indexOf(g[1]) + g[1].length).indexOf(g[2]);
          const a: SpeakerMatch = {
            text: g[1],
            span: { start: at, end: at + g[1].length },
            pronoun: /^(he|she|they|i|we)$/i.test(g[1]),
            cue: g[2],
            cueSpan: { start: cueAt, end: cueAt + g[2].length },
          };
          out[out.length - 1] = { ...p, parts: [...p.parts, ...d.parts], close: d.close, attribution: a };
          continue;
        }
      }
    }
    out.push(d);
  }
  return out;
}

function attribute(body: string, seg: Segmentation, blocks: Block[], drafts: Draft[]): Quote[] {
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
  const persons = mentions.filter((m) => !inQuote(m.span) && isPersonLike(m.text, surnames));
  const anyNames = nameMentions(body, blocks, surnames).filter((m) => !inQuote(m.span));
  const quotes: Quote[] = [];
  const blockPos = new Map(blocks.map((b, i) => [b.index, i]));

  for (let qi = 0; qi < drafts.length; qi++) {
    const d = drafts[qi];
    const first = d.parts[0];
    const last = d.parts[d.parts.length - 1];
    const sent = sentenceAt(seg.sentences, first.start);
    const sentEnd = sentenceAt(seg.sentences, Math.max(last.end - 1, last.start));
    const prevQ = drafts[qi - 1];
    const nextQ = drafts[qi + 1];
    let a: SpeakerMatch | null = d.attribution ?? null;

    if (!a && d.style !== "dash" && d.style !== "colon") {
      const sStart = sent ? sent.start : first.start;
      const lo = Math.max(sStart, prevQ && prevQ.block === d.block && prevQ.close >= 0 && prevQ.close < first.start ? prevQ.close + 1 : sStart);
      const openAt = d.open >= 0 ? d.open : first.start;
      const closeAt = d.close >= 0 ? d.close + 1 : last.end;
      const sEnd = sentEnd ? Math.max(sentEnd.end, closeAt) : closeAt;
      const hi = Math.min(sEnd, nextQ && nextQ.block === d.block && nextQ.open > closeAt ? nextQ.open : sEnd);
      const beforeText = body.slice(lo, openAt);
      const leadsSentence = words(beforeText) <= 1;
      let after = attributionAfter(body, closeAt, Math.max(closeAt, hi));
      // “...?” Trump said — the splitter ends the sentence at ?” / !” / …”; the attribution opens the next one
      if (!after && sentEnd && hi <= sentEnd.end && /[?!,…—–-]\s*$/.test(body.slice(last.start, last.end))) {
        const ns = seg.sentences[sentEnd.index + 1];
        if (ns && ns.block === sentEnd.block && (!nextQ || nextQ.parts[0].start > ns.start + 2)) {
          const nextStop = nextQ && nextQ.open > ns.start ? Math.min(ns.end, nextQ.open) : ns.end;
          after = attributionAfter(body, ns.start, nextStop);
          if (after && after.span.start - ns.start > 60) after = null;
        }
      }
      const before = attributionBefore(body, lo, openAt, sStart);
      a = leadsSentence ? after ?? before : before ?? after;
      // inside the parts' gaps (multi-part without a known attribution)
      if (!a) for (let k = 1; k < d.parts.length && !a; k++) a = attributionAfter(body, d.parts[k - 1].end, d.parts[k].start);
    }
    if (!a && (d.style === "dash" || d.style === "colon" || true)) {
      // the sentence before, when it introduces the quote with a colon ("He also says that ...:")
      const si = sent ? sent.index : -1;
      const ps = si > 0 ? seg.sentences[si - 1] : null;
      if (ps && body.slice(ps.start, ps.end).trimEnd().endsWith(":") && first.start - ps.end < 4 + (first.start - (sent?.start ?? first.start)) + 3) {
        const pa = attributionBefore(body, ps.start, ps.end);
        if (pa && SPEECH_VERB.test(pa.cue)) a = pa;
      }
    }
    if (!a) a = transcriptSpeaker(body, first) ?? sentenceLeadSpeaker(body, sent, first.start);
    if (!a && sent && sent.index > 0 && d.style !== "dash" && words(body.slice(sent.start, first.start)) <= 1) {
      // "Lenahan says he sees a bigger issue. “There is ...”": the previous sentence's named speaker goes on speaking
      const ps = seg.sentences[sent.index - 1];
      const sameOrNext = ps.block === sent.block || (blockPos.get(sent.block) ?? 0) - (blockPos.get(ps.block) ?? -9) === 1;
      const prevHasQuote = drafts.some((o) => o !== d && o.parts.some((p) => p.start < ps.end && p.end > ps.start));
      if (sameOrNext && !prevHasQuote) {
        const m = mentions.filter((x) => x.span.start >= ps.start && x.span.end <= ps.end && x.cue !== "" && !inQuote(x.span) && /^\p{Lu}/u.test(x.text) && !/^(The|A|An|This|That|These|Those)\b/.test(x.text)).pop();
        if (m) a = m;
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
      if (a.pronoun && /^it\b/i.test(a.text)) {
        const ante = mentions.filter((m) => !inQuote(m.span) && !isPersonLike(m.text, surnames) && m.span.end <= a!.span.start).sort((x, y) => y.span.start - x.span.start)[0];
        if (ante) {
          speaker = ante.text;
          speakerSpan = ante.span;
        }
      } else if (a.pronoun) {
        const ante = [...persons, ...quotes.filter((q) => q.speakerSpan && !isPronoun(q.speaker) && isPersonLike(q.speaker!, surnames)).map((q) => ({ text: q.speaker!, span: q.speakerSpan! }))]
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
      if (pq && pd && pq.speaker) {
        const gapBlocks = (blockPos.get(d.block) ?? 0) - (blockPos.get(pd.block) ?? 0);
        if (gapBlocks === 0 || (gapBlocks === 1 && words(body.slice(pq.end, first.start)) <= 8)) {
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
    const venue = a || d.style !== "dash" ? findVenue(body, venueFrom, Math.min(body.length, venueTo)) : null;
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
      speakerKey: speaker ? speakerKey(speaker) : undefined,
      spokenText: spoken,
      mention,
      fragment: words(spoken) <= 3,
    };
    quotes.push(q);
  }
  return quotes;
}

function isPronoun(s: string | null): boolean {
  return !!s && /^(he|she|they|i|we)$/i.test(s);
}

/** Transcripts: a quote that opens with an all-capitals name and a colon ("WALLACE: Let’s start ..."). */
function transcriptSpeaker(body: string, first: Span): SpeakerMatch | null {
  const m = /^((?:\p{Lu}[\p{Lu}\p{M}.'’-]+)(?:\s+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,2}):\s/u.exec(body.slice(first.start, first.start + 60));
  if (!m) return null;
  const span = { start: first.start, end: first.start + m[1].length };
  return { text: m[1], span, pronoun: false, cue: ":", cueSpan: { start: span.end, end: span.end + 1 } };
}

/** "Pence: Gennifer Flowers won’t be at debate, Trump was ‘mocking’ ..." — a sentence led by a name and a colon. */
function sentenceLeadSpeaker(body: string, sent: Sentence | null, quoteStart: number): SpeakerMatch | null {
  if (!sent) return null;
  const head = body.slice(sent.start, Math.min(quoteStart, sent.start + 50));
  const m = /^((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.-]+){0,2}):\s/u.exec(head);
  if (!m) return null;
  const span = { start: sent.start, end: sent.start + m[1].length };
  return { text: m[1], span, pronoun: false, cue: ":", cueSpan: { start: span.end, end: span.end + 1 } };
}

/** Title-case speech verbs of headlines ("Lindsey Graham Says", "Black Lawmakers Rip Donald Trump"). */
const HEADLINE_VERB = /^(Says|Said|Tells|Told|Calls|Called|Asks|Warns|Slams|Rips|Blasts|Claims|Argues|Insists|Urges|Speaks|Hammers|Vows|Admits|Defends|Denies|Praises|Mocks|Accuses|Reveals|Declares|Insists|Doubles|Responds|Fires)$/;

/** A headline attribution: "Name Verb ... ‘quote’" or "‘quote’ ..., Name Says." */
function headlineSpeaker(body: string, sent: Sentence, qStart: number, qEnd: number): SpeakerMatch | null {
  const text = body.slice(sent.start, sent.end);
  const re = /[\p{L}’'.-]+/gu;
  const toks: { t: string; s: number; e: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) toks.push({ t: m[0], s: sent.start + m.index, e: sent.start + m.index + m[0].length });
  let best: SpeakerMatch | null = null;
  for (let v = 1; v < toks.length; v++) {
    if (!HEADLINE_VERB.test(toks[v].t) || (toks[v].s >= qStart && toks[v].e <= qEnd)) continue;
    let f = v - 1;
    while (f >= 0 && /^\p{Lu}/u.test(toks[f].t) && v - f <= 4 && body.slice(toks[f].e, toks[f + 1].s).trim() === "" && !(toks[f].s >= qStart && toks[f].e <= qEnd)) f--;
    f++;
    if (f >= v) continue;
    const span = { start: toks[f].s, end: toks[v - 1].e };
    best = { text: body.slice(span.start, span.end), span, pronoun: false, cue: toks[v].t.toLowerCase(), cueSpan: { start: toks[v].s, end: toks[v].e } };
    break;
  }
  return best;
}
