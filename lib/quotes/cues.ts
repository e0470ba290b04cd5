/**
 * Speech cues: who said a quote and with which verb, read from the text
 * around it inside its sentence, the way news copy attributes speech:
 * `“...,” Mr. X said`, `X said: “...”`, `“...,” said X`, `according to X`,
 * `X, a senior adviser, told CNN`.
 */
import type { Span } from "../types";
import {
  ADVERB, INTRO, LOWER_ROLE, LOWER_ROLE_TEST, NOUN_OR_VERB, PARTICLE, PRONOUNS, HONORIFIC, ROLE, SPEECH_NOUN, SPEECH_VERB,
  SPEECH_VERB_G, TIME_WORD,
} from "./lexicon";
import { isAbbrevDot, isNameToken, nameAfterDescriptor, npEndingAt, npStartingAt, tokens, type NP, type Tok } from "./names";

export interface SpeakerMatch {
  /** The mention as written. */
  text: string;
  span: Span;
  pronoun: boolean;
  cue: string;
  cueSpan: Span;
}

/** "32% of Republican claims", "the protests demands": a noun, not a speech verb. */
function nounUse(toks: Tok[], v: number): boolean {
  // "Kim's mental state is ...", "the state of": a speech-verb spelling used as a noun
  if (/^(state|states|note|notes|report|reports|claim|claims|comment|comments|remark|remarks|call|calls|tweet|tweets|post|posts|promise|pledge|quote|quotes|answer|reply|demand|demands|question|questions)$/.test(toks[v].text) && /^(is|was|are|were|has|had|of)$/.test(toks[v + 1]?.text ?? "")) return true;
  if (!NOUN_OR_VERB.test(toks[v].text)) return false;
  let k = v - 1;
  while (k >= 0 && /^\p{Lu}/u.test(toks[k].text) && v - k <= 2) k--;
  const before = toks[k]?.text ?? "";
  return k < v - 1 ? /^(of|the|a|an|his|her|their|its|our|my|these|those|some|many|and|\d+%?|%)$/i.test(before) : /^(the|his|her|their|its|our|my|these|those|some|many|and|of)$/i.test(before);
}

/** An appositive after a name opens with a determiner, a role or a capitalised title ("Flynn, a top Trump surrogate, said"). */
function isAppositiveStart(t: string | undefined): boolean {
  if (!t) return false;
  return /^(a|an|the|his|her|their|its|who|whose|former|then|now|one|also|senior|chief|deputy|top|spokesman|spokeswoman|spokesperson)$/i.test(t) || /^\p{Lu}/u.test(t) || LOWER_ROLE_TEST.test(t);
}

/** Step back over a time phrase between a subject and its verb ("Mr. Obama on Thursday said"). */
function skipTemporal(toks: Tok[], e: number): number {
  let k = e;
  while (k >= 0 && TIME_WORD.test(toks[k].text)) {
    k--;
    while (k >= 0 && /^(on|last|this|late|early|earlier|that|the|in|of|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)$/.test(toks[k].text)) k--;
  }
  return k === e ? e : k;
}

/** Step back over a parenthetical "(D-Wis.)" that ends at token e. */
function skipParenthetical(toks: Tok[], e: number): number {
  if (e < 0 || toks[e].text !== ")") return e;
  let k = e;
  while (k >= 0 && toks[k].text !== "(") k--;
  return k > 0 ? k - 1 : e;
}

function mk(body: string, toks: Tok[], np: NP, cue: Tok, cueText?: string, cueEnd?: number): SpeakerMatch {
  const start = toks[np.first].start;
  const end = toks[np.last].end;
  return {
    text: body.slice(start, end),
    span: { start, end },
    pronoun: np.pronoun,
    cue: cueText ?? cue.text,
    cueSpan: { start: cue.start, end: cueEnd ?? cue.end },
  };
}

/**
 * Attribution AFTER a quote: the clause from the closing mark up to the next
 * quote / sentence end. `“...,” he said`, `“...,” said Mr. X`, `“...,” X told CNN`.
 */
export function attributionAfter(body: string, from: number, to: number): SpeakerMatch | null {
  const toks = tokens(body, from, to);
  // skip the punctuation right after the quote
  let i = 0;
  while (i < toks.length && /^[,.;:!?”"’'»)\]–—―-]$/.test(toks[i].text)) i++;
  // "“...” ― Name": a dash then a bare name closes a quote in letters, vox pops and epigraphs
  if (i > 0 && /^[―—–-]$/.test(toks[i - 1].text) && i < toks.length) {
    const np = npStartingAt(toks, i);
    const after = np ? toks[np.last + 1] : undefined;
    if (np && !np.pronoun && (!after || /^[.,;(“"”]$/.test(after.text))) return mk(body, toks, np, toks[i - 1], toks[i - 1].text);
  }
  const clause = toks.slice(i, i + 40);
  const stop = clause.findIndex((t) => /^[;!?“"«„]$/.test(t.text) || (t.text === "." && !isAbbrevDot(body, t)));
  const win = (stop >= 0 ? clause.slice(0, stop) : clause).slice(0, 26);
  if (win.length === 0) return null;
  // "Name, <long appositive>, said": a name right after the quote, a comma, and a speech verb later in the sentence after a comma
  const lead = npStartingAt(clause, 0);
  if (lead && !lead.pronoun && clause[lead.last + 1]?.text === ",") {
    for (let v = lead.last + 2; v < clause.length; v++) {
      const tv = clause[v].text;
      if (/^[;!?“"«„]$/.test(tv) || (tv === "." && !isAbbrevDot(body, clause[v]))) break;
      if (SPEECH_VERB.test(tv) && tv.length > 2 && clause[v - 1].text === ",") return mk(body, clause, lead, clause[v]);
    }
  }
  // "according to X"
  if (/^according$/i.test(win[0].text) && win[1] && /^to$/i.test(win[1].text)) {
    const np = npStartingAt(win, 2);
    if (np) return mk(body, win, np, win[0], "according to", win[1].end);
    const np2 = nameAfterDescriptor(win, 2);
    if (np2) return mk(body, win, np2, win[0], "according to", win[1].end);
  }
  // verb first: "said Mr. Witkoff", "says Støre after the meeting"
  if (SPEECH_VERB.test(win[0].text) && win[0].text.length > 2) {
    const np = npStartingAt(win, 1);
    if (np) return mk(body, win, np, win[0]);
    // "said 9/11 widow Terry Strada": a short lower-case descriptor, then the name
    const np2 = nameAfterDescriptor(win, 1);
    if (np2) return mk(body, win, np2, win[0]);
  }
  // subject then verb: "he said", "Mr. Witkoff said on", "Flynn, a top Trump surrogate, said"
  for (let v = 1; v < win.length; v++) {
    if (!SPEECH_VERB.test(win[v].text) || win[v].text.length <= 2) continue;
    if (nounUse(win, v)) continue;
    let e = v - 1;
    while (e >= 0 && (ADVERB.test(win[e].text) || /^\p{Ll}+ly$/u.test(win[e].text))) e--;
    e = skipTemporal(win, skipParenthetical(win, e));
    if (e >= 0 && win[e].text === ",") {
      // appositive: "Flynn, a top Trump surrogate, said"
      let c = e - 1;
      while (c >= 0 && win[c].text !== ",") c--;
      if (c > 0 && (isAppositiveStart(win[c + 1]?.text) || (isNameToken(win[c - 1].text) && !/^(including|such|especially|particularly|like|and|but)$/i.test(win[c + 1]?.text ?? ""))))
        e = skipParenthetical(win, c - 1);
    }
    const np = e >= 0 ? npEndingAt(win.slice(0, e + 1), e) : null;
    if (np && np.first === 0) return mk(body, win, np, win[v]);
    // a descriptor may precede the name ("Tulsa police Chief Chuck Jordan said")
    if (np && np.first <= 8 && !win.slice(0, np.first).some((t) => /^(on|in|at|for|to|with|by|from|including|about|over|after|into|against)$/.test(t.text)) && win.slice(0, np.first).every((t) => /^[,\-–—]$/.test(t.text) || /^[\p{L}\p{N}][\p{L}\p{N}.’'\-]*$/u.test(t.text)) && !win.slice(0, np.first).some((t) => SPEECH_VERB.test(t.text) || /^(and|but|while|as|when|because|after|before)$/i.test(t.text)))
      return mk(body, win, np, win[v]);
    break;
  }
  return null;
}

/**
 * Attribution BEFORE a quote, inside the same sentence: `X said: “...”`,
 * `X told CNN that “...”`, `According to X, “...”`, `X: “...”`.
 * The nearest speech verb before the quote wins.
 */
export function attributionBefore(body: string, from: number, to: number, sentStart?: number): SpeakerMatch | null {
  const toks = tokens(body, from, to);
  if (toks.length === 0) return null;
  // "X: “...”" — a bare name and colon right before the quote
  const lastTok = toks[toks.length - 1];
  for (let v = toks.length - 1; v >= 0; v--) {
    const t = toks[v];
    if (/^according$/i.test(t.text) && toks[v + 1] && /^to$/i.test(toks[v + 1].text)) {
      const np = npStartingAt(toks, v + 2);
      if (np) return mk(body, toks, np, t, "according to", toks[v + 1].end);
      const np2 = nameAfterDescriptor(toks, v + 2);
      if (np2) return mk(body, toks, np2, t, "according to", toks[v + 1].end);
      continue;
    }
    if (!SPEECH_VERB.test(t.text) || t.text.length <= 2) continue;
    if (nounUse(toks, v)) continue;
    let e = v - 1;
    while (e >= 0 && (ADVERB.test(toks[e].text) || /^\p{Ll}+ly$/u.test(toks[e].text))) e--;
    e = skipTemporal(toks, skipParenthetical(toks, e));
    // "outlined his plan and vowed", "took to Twitter to accuse", "mocked the complaint, saying": the clause subject speaks
    if (e >= 0 && (/^(and|to|by)$/i.test(toks[e].text) || (toks[e].text === "," && /ing$/.test(t.text)))) {
      const subj = sentenceSubject(body, sentStart ?? from, t.start);
      if (subj) return { ...subj, cue: t.text, cueSpan: { start: t.start, end: t.end } };
      continue;
    }
    if (e >= 0 && toks[e].text === ",") {
      let c = e - 1;
      while (c >= 0 && toks[c].text !== ",") c--;
      if (c > 0 && e - c <= 12 && (isAppositiveStart(toks[c + 1]?.text) || (isNameToken(toks[c - 1].text) && !/^(including|such|especially|particularly|like|and|but)$/i.test(toks[c + 1]?.text ?? ""))))
        e = skipParenthetical(toks, c - 1);
    }
    if (e >= 0 && /^(with|as)$/i.test(toks[e].text)) e--; // "with Putin saying"
    const np = e >= 0 ? npEndingAt(toks.slice(0, e + 1), e) : null;
    if (np) return mk(body, toks, np, t);
    // verb first before the quote: "said Mr. X: “...”" (only a name directly followed by ':' or ',' or the quote)
    if (/^(said|says|asked|asks|added|adds|wrote|writes|continued|recalled|explained)$/.test(t.text)) {
      const np2 = npStartingAt(toks, v + 1);
      const after = np2 ? toks[np2.last + 1] : undefined;
      if (np2 && !np2.pronoun && (!after || /^[:,]$/.test(after.text))) return mk(body, toks, np2, t);
    }
  }
  if (lastTok.text === ":" && toks.length >= 2) {
    const np = npEndingAt(toks.slice(0, toks.length - 1), toks.length - 2);
    if (np && !np.pronoun && np.first <= 2) return mk(body, toks, np, lastTok, ":");
  }
  // "Trump’s claim that ... “...”": a possessive name before a speech noun
  for (let v = toks.length - 1; v >= 1; v--) {
    if (!SPEECH_NOUN.test(toks[v].text)) continue;
    const owner = toks[v - 1];
    if (!/['’]s$/.test(owner.text) || !isNameToken(owner.text)) continue;
    let first = v - 1;
    while (first - 1 >= 0 && (isNameToken(toks[first - 1].text) || HONORIFIC.test(toks[first - 1].text)) && !ROLE.test(toks[first - 1].text)) first--;
    const start = toks[first].start;
    const end = owner.end - 2;
    return { text: body.slice(start, end), span: { start, end }, pronoun: false, cue: toks[v].text, cueSpan: { start: toks[v].start, end: toks[v].end } };
  }
  return null;
}

/**
 * Named subjects of speech verbs across a text (for pronoun resolution): each
 * "Name said/says/told ..." and "said Name" mention, in order.
 */
export function namedSpeakers(body: string, from: number, to: number): SpeakerMatch[] {
  const out: SpeakerMatch[] = [];
  SPEECH_VERB_G.lastIndex = 0;
  const s = body.slice(from, to);
  for (let m = SPEECH_VERB_G.exec(s); m; m = SPEECH_VERB_G.exec(s)) {
    const vStart = from + m.index;
    const before = attributionBefore(body, Math.max(from, vStart - 120), vStart + m[0].length);
    if (before && !before.pronoun && before.cueSpan.start === vStart) out.push(before);
  }
  return out;
}

/**
 * The named subject at the start of a sentence ("Before the meeting, Zelenskyy
 * held ...", "European Commission president Ursula von der Leyen, speaking ...").
 */
export function sentenceSubject(body: string, from: number, to: number): SpeakerMatch | null {
  const toks = tokens(body, from, Math.min(to, from + 300));
  let i = 0;
  if (toks[0] && INTRO.test(toks[0].text)) {
    const c = toks.findIndex((t, k) => k < 12 && t.text === ",");
    if (c > 0) i = c + 1;
  }
  let j = i;
  let lastName = -1;
  while (j < toks.length && j - i < 12) {
    const t = toks[j].text;
    if (isNameToken(t) || HONORIFIC.test(t)) lastName = j;
    else if (!(PARTICLE.test(t) || LOWER_ROLE.test(t) || /^(of|the)$/.test(t))) break;
    j++;
  }
  if (lastName < 0) {
    const p = toks[i];
    if (p && PRONOUNS.test(p.text)) return mk(body, toks, { first: i, last: i, pronoun: true }, p, "", p.end);
    return null;
  }
  const next = toks[lastName + 1];
  if (next && !(next.text === "," || next.text === "(" || /^\p{Ll}/u.test(next.text))) return null;
  const np = npEndingAt(toks.slice(0, lastName + 1), lastName);
  if (!np || np.pronoun) return null;
  return mk(body, toks, np, toks[lastName], "", toks[lastName].end);
}
