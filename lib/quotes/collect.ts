/**
 * Quote shapes beyond paired marks: dash-led paragraphs, colon-introduced
 * quotes, titles in quotation marks (not speech) and quotes interrupted by
 * their attribution.
 */
import type { Block, Segmentation, Span } from "../types";
import type { RawQuote } from "./marks";
import { attributionAfter, attributionBefore, type SpeakerMatch } from "./cues";
import { isPresentCue, SPEECH_VERB } from "./lexicon";
import { type Draft, sentenceAt, trimSpan, words } from "./util";

/** A title in quotes ("on “Fox News Sunday.”", "his book “The Art of the Deal”"): short, title-case, after a title-introducing word. */
export function isTitleQuote(body: string, q: Draft): boolean {
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

/** Longest attribution tail (words) after a dash-led quote: a speech verb, a name, a role and the occasion. */
const DASH_TAIL_WORDS = 30;

/** Dash-led paragraph: "– We want ..., says Støre." → quote up to the attribution. */
export function dashQuote(body: string, b: Block): Draft | null {
  const t = body.slice(b.start, b.end);
  const m = /^([–—―]|--)\s+/.exec(t);
  if (!m) return null;
  // "— Jane Doe": a signature under a quote, not a quote
  if (isDashSignature(t)) return null;
  const qs = b.start + m[0].length;
  let qe = b.end;
  let attribution: SpeakerMatch | null = null;
  // the attribution is the tail after the last separator that holds a speech verb
  const seps: number[] = [];
  for (let i = qs; i < b.end; i++) if (body[i] === "," || ((body[i] === "–" || body[i] === "—") && /\s/.test(body[i - 1] ?? ""))) seps.push(i);
  for (let k = seps.length - 1; k >= 0; k--) {
    const tail = body.slice(seps[k] + 1, b.end);
    // ("says Simone Achterberg, director of education of the city, at the press conference in the town hall")
    if (words(tail) > DASH_TAIL_WORDS) break;
    if (!SPEECH_VERB.test(tail) && !isPresentCue(/^\s*(\p{L}+)/u.exec(tail)?.[1] ?? "")) continue;
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

export function closeCarried(body: string, c: { raw: RawQuote; parts: Span[]; block: number }): Draft {
  return { parts: c.parts.filter((p) => p.end > p.start), open: c.raw.open, close: -1, style: c.raw.style, block: c.block };
}

/** "X said:" at the end of a paragraph followed by an unmarked paragraph, or "X said: text" inline. */
export function addColonQuotes(body: string, seg: Segmentation, blocks: Block[], drafts: Draft[]): void {
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
export function mergeInterrupted(body: string, seg: Segmentation, drafts: Draft[]): Draft[] {
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

/** "— Jane Doe", "― Carlos Raúl, Phoenix": a dash and a short capitalised name, signing the quote above. */
export function isDashSignature(text: string): boolean {
  const m = /^(?:[–—―]|--)\s*(.+?)[.]?$/.exec(text);
  if (!m) return false;
  const toks = m[1].split(/[\s,]+/).filter(Boolean);
  return toks.length >= 1 && toks.length <= 5 && toks.every((w) => /^[\p{Lu}(]/u.test(w) || /^(of|de|van|von|der|la|the|and)$/.test(w)) && /^\p{Lu}/u.test(toks[0]);
}
