/** Speaker cues that are not verb attributions: transcripts, "Name:" leads and headline verbs. */
import type { Sentence, Span } from "../types";
import type { SpeakerMatch } from "./cues";
import { isCap, isNameToken, npStartingAt, tokens } from "./names";
import { ROLE } from "./lexicon";

/** Transcripts: a quote that opens with an all-capitals name and a colon ("WALLACE: Let’s start ..."). */
export function transcriptSpeaker(body: string, first: Span): SpeakerMatch | null {
  const m = /^((?:\p{Lu}[\p{Lu}\p{M}.'’-]+)(?:\s+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,2}):\s/u.exec(body.slice(first.start, first.start + 60));
  if (!m) return null;
  const span = { start: first.start, end: first.start + m[1].length };
  return { text: m[1], span, pronoun: false, cue: ":", cueSpan: { start: span.end, end: span.end + 1 } };
}

/** "Pence: Gennifer Flowers won’t be at debate, Trump was ‘mocking’ ..." — a sentence led by a name and a colon. */
export function sentenceLeadSpeaker(body: string, sent: Sentence | null, quoteStart: number): SpeakerMatch | null {
  if (!sent) return null;
  const head = body.slice(sent.start, Math.min(quoteStart, sent.start + 50));
  const m = /^((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.-]+){0,3}):\s/u.exec(head);
  // "The Latest: ..." is a rubric, not a speaker
  if (!m || /^(The|A|An|This|These|Update|Updated|Watch|Read|Editor|Note|Transcript|Partial)\b/.test(m[1])) return null;
  const span = { start: sent.start, end: sent.start + m[1].length };
  return { text: m[1], span, pronoun: false, cue: ":", cueSpan: { start: span.end, end: span.end + 1 } };
}

/** Title-case speech verbs of headlines ("Lindsey Graham Says", "Black Lawmakers Rip Donald Trump"). */
const HEADLINE_VERB = /^(Says|Said|Tells|Told|Calls|Called|Asks|Warns|Slams|Rips|Blasts|Claims|Argues|Insists|Urges|Speaks|Hammers|Vows|Admits|Defends|Denies|Praises|Mocks|Accuses|Reveals|Declares|Insists|Doubles|Responds|Fires)$/;

/** A headline attribution: "Name Verb ... ‘quote’" or "‘quote’ ..., Name Says." */
export function headlineSpeaker(body: string, sent: Sentence, qStart: number, qEnd: number): SpeakerMatch | null {
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
  return best ?? headlineSubject(body, toks, qStart) ?? headlineTopicSpeaker(body, sent, toks, qStart);
}

/**
 * "Gillibrand on Hillary Releasing Her Transcripts: ‘I Think She Will’": a
 * headline that gives a capitalised name, "on" and a topic, then a colon before
 * the quote. The name is the speaker and the topic what the quote is about.
 */
function headlineTopicSpeaker(body: string, sent: Sentence, toks: { t: string; s: number; e: number }[], qStart: number): SpeakerMatch | null {
  const on = toks.findIndex((t, k) => k >= 1 && k <= 4 && /^(on|On)$/.test(t.t));
  if (on < 1 || toks[on].e > qStart) return null;
  if (!/:\s*$/.test(body.slice(sent.start, qStart).replace(/[‘'“"]\s*$/, ""))) return null;
  if (toks.slice(0, on).some((t) => !/^\p{Lu}/u.test(t.t) || /^(The|A|An|In|On|At|Of|For|To|Why|How|What|When|Who)$/.test(t.t))) return null;
  const span = { start: toks[0].s, end: toks[on - 1].e };
  const colon = body.lastIndexOf(":", qStart);
  return { text: body.slice(span.start, span.end), span, pronoun: false, cue: ":", cueSpan: { start: colon, end: colon + 1 } };
}

/** Title-case words that open a headline predicate: auxiliaries and adverbs before a verb ("Trump Is Now Calling", "Hillary Just Insulted"). */
const HEADLINE_AUX = /^(Is|Was|Are|Were|Has|Had|Have|Will|Would|Just|Now|Also|Still|Again|Finally|Reportedly)$/;

/** Title-case words ending like verbs that are not verbs. */
const HEADLINE_NOT_VERB = /^(News|Times|Its|His|This|Has|Was|Is|Us|Plus|Bus|Campus|Status|Chaos|Texas|Kansas|Arkansas|Paris|Davis|Lewis|Williams|Adams|Jones|Roberts|Sanders|Powers|Andrews|Gas|Bias|Series|Species|Bless|United|Embattled|Beloved|Red|Ted|Ned|Fred|Ed)$/;

/**
 * A headline without a known headline verb: its opening capitalised run is the
 * subject when the next word is a verb by its form ("Glenn Beck Blasts ...",
 * "Carly Fiorina Endorses ...", "Gingrich Takes ..."), or an auxiliary or
 * adverb ("Donald Trump Is Now Calling ...", "Trump Just Announced ...").
 */
function headlineSubject(body: string, toks: { t: string; s: number; e: number }[], qStart: number): SpeakerMatch | null {
  for (let v = 1; v <= 4 && v < toks.length && toks[v].e <= qStart; v++) {
    const w = toks[v].t;
    if (!/^\p{Lu}/u.test(w)) return null;
    const verbLike = HEADLINE_AUX.test(w) || (/^\p{Lu}\p{Ll}+(?:[^s’']s|ed)$/u.test(w) && !HEADLINE_NOT_VERB.test(w));
    if (!verbLike) continue;
    // the subject is a name: no function words inside it
    if (toks.slice(0, v).some((t) => !/^\p{Lu}/u.test(t.t) || /^(The|A|An|In|On|At|Of|For|To|Why|How|What|When|Who|Don’t|Don't)$/.test(t.t))) return null;
    const span = { start: toks[0].s, end: toks[v - 1].e };
    return { text: body.slice(span.start, span.end), span, pronoun: false, cue: w.toLowerCase(), cueSpan: { start: toks[v].s, end: toks[v].e } };
  }
  return null;
}

/**
 * A roundup line: `Name, Outlet: “...”`, `HEADLINE - Name: “...”`,
 * `Name (Outlet): “...”`. The segment between the last dash separator (or the
 * paragraph start) and the colon right before the quote opens with a person's
 * name; what follows a comma or in parentheses is the affiliation, not the
 * speaker.
 */
export function roundupSpeaker(body: string, blockStart: number, quoteOpen: number): SpeakerMatch | null {
  let colon = quoteOpen - 1;
  while (colon > blockStart && /\s/.test(body[colon])) colon--;
  if (body[colon] !== ":") return null;
  const line = body.slice(blockStart, colon);
  // the segment starts after the last " - " / " — " separator of a headline-and-byline line
  const sep = Math.max(line.lastIndexOf(" - "), line.lastIndexOf(" — "), line.lastIndexOf(" – "));
  const from = sep >= 0 ? blockStart + sep + 3 : blockStart;
  const toks = tokens(body, from, colon);
  if (toks.length < 2 || toks.length > 14) return null;
  const np = npStartingAt(toks, 0);
  if (!np || np.pronoun || np.first !== 0 && !ROLE.test(toks[0].text)) return null;
  // "Jane Roe and John Doe": two names of one byline
  let last = np.last;
  if (toks[last + 1]?.text === "and" && isNameToken(toks[last + 2]?.text ?? "")) {
    const second = npStartingAt(toks, last + 2);
    if (second && !second.pronoun) last = second.last;
  }
  const after = toks[last + 1]?.text;
  // after a headline separator the name may stand alone before the colon
  if (!(after === "," || after === "(" || (after === undefined && sep >= 0))) return null;
  // the affiliation is capitalised words only ("The Daily Courier", "Example Weekly"), no clause
  if (!toks.slice(last + 2).every((t) => isCap(t.text) || /^[()&.,'’\-]$/.test(t.text) || /^(of|the|and|for|on|at)$/.test(t.text))) return null;
  if (last - np.first < 1) return null;
  const start = toks[np.first].start;
  const end = toks[last].end;
  return { text: body.slice(start, end), span: { start, end }, pronoun: false, cue: ":", cueSpan: { start: colon, end: colon + 1 } };
}

/**
 * A signature paragraph under a quote: `Dean Baker, Center for Economic
 * Research.` — a person's name, a comma and a capitalised affiliation, nothing
 * else. The comma is required, so photo credits ("Getty Images.") are not read
 * as signatures.
 */
export function affiliationSignature(body: string, start: number, end: number): SpeakerMatch | null {
  const toks = tokens(body, start, end).filter((t) => !/^[”"’]$/.test(t.text));
  if (toks.length < 4 || toks.length > 14 || toks[toks.length - 1].text !== "." && !isCap(toks[toks.length - 1].text)) return null;
  const np = npStartingAt(toks, 0);
  // the name opens the line (a leading title such as "Dr." or "Dean" may be dropped from it)
  if (!np || np.pronoun || np.first > 1 || np.last < 1 || toks[np.last + 1]?.text !== "," || toks.slice(0, np.last + 1).some((t) => /['’]s?$/.test(t.text))) return null;
  if (!toks.slice(np.last + 2).every((t) => isCap(t.text) || /^[.,&()'’\-]$/.test(t.text) || /^(of|for|the|and|at|on|in)$/.test(t.text))) return null;
  const span = { start: toks[np.first].start, end: toks[np.last].end };
  return { text: body.slice(span.start, span.end), span, pronoun: false, cue: ",", cueSpan: { start: toks[np.last + 1].start, end: toks[np.last + 1].end } };
}
