/**
 * Speech cues: who said a quote and with which verb, read from the text
 * around it inside its sentence, the way news copy attributes speech:
 * `“...,” Mr. X said`, `X said: “...”`, `“...,” said X`, `according to X`,
 * `X, a senior adviser, told CNN`.
 */
import type { Span } from "../types";
import {
  ADVERB, AUXILIARY, BOUNDARY_WORD, COMPLEMENT_ADJ, DETERMINER, LOWER_ROLE_WORD, HONORIFIC, INTRO, IRREGULAR_PAST, LOWER_ROLE, LOWER_ROLE_TEST, NOT_A_CUE,
  NOUN_OR_VERB, PARTICLE, PREPOSITION, PRONOUNS, ROLE, SPEECH_NOUN, SPEECH_VERB, SPEECH_VERB_G, TIME_WORD, isPresentCue,
} from "./lexicon";
import { isAbbrevDot, isCap, isNameToken, nameAfterDescriptor, npEndingAt, npStartingAt, tokens, type NP, type Tok } from "./names";

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
  // "the report stated", "a statement said": a base-form spelling right after a determiner is a noun
  // ("Had its say", "have their say": "say" is a noun there too.)
  if (/^(report|statement|note|claim|comment|remark|call|tweet|post|promise|pledge|quote|answer|reply|demand|question|state|chant|read|cry|shout|vow|warn|boast|joke|say)$/.test(toks[v].text) && /^(the|a|an|his|her|their|its|our|my|this|that|one|another)$/i.test(toks[v - 1]?.text ?? "")) return true;
  // "his home state", "the caustic chant": a base-form spelling after a determiner and one modifier (not a plural subject: "the officials say")
  if (/^(state|note|claim|comment|remark|call|tweet|post|promise|pledge|quote|answer|reply|demand|question|chant|cry|shout|vow|warning|boast|joke|report|statement)$/.test(toks[v].text) && /^(the|a|an|his|her|their|its|our|my|this|that)$/i.test(toks[v - 2]?.text ?? "") && /^[\p{L}\-]+$/u.test(toks[v - 1]?.text ?? "") && !/[^s]s$/.test(toks[v - 1].text)) return true;
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
 * `Flynn, a top Trump surrogate, said`, `Clinton, during a town hall in
 * Columbus, Ohio, said`, `Ramil Carr, 31, a photographer, said`: the subject is
 * the leftmost name followed by a comma-delimited apposition or adjunct that
 * runs up to the comma at `e` right before the verb. Returns the index where
 * that name ends, or -1.
 */
function subjectBeforeAppositions(toks: Tok[], e: number): number {
  for (let c = Math.max(1, e - 30); c < e; c++) {
    if (toks[c].text !== ",") continue;
    const next = toks[c + 1]?.text ?? "";
    // (A role may come second or third: "branch secretary of ...", "chief medical officer at ...".)
    const roleSoon = [2, 3].some((k) => c + k < e && LOWER_ROLE_WORD.test(toks[c + k].text) && /^\p{Ll}/u.test(toks[c + 1].text));
    if (!(isAppositiveStart(next) || LOWER_ROLE_WORD.test(next) || roleSoon || PREPOSITION.test(next) || /^\d/.test(next) || /^\p{Ll}+ing$/u.test(next))) continue;
    const end = skipParenthetical(toks, c - 1);
    if (end < 0) continue;
    const np = npEndingAt(toks.slice(0, end + 1), end);
    // a name, or a descriptive phrase that opens the clause ("Ana Ruiz’s campaign, for example, said")
    if (!np || np.pronoun || !(isCap(toks[np.last].text) || toks.slice(0, np.first).every((t) => isCap(t.text)))) continue;
    // "In Columbus, Ohio, ...", "In a statement to the Observer, ...": a name inside a prepositional phrase is no subject
    if (np.first > 0 && PREPOSITION.test(toks[np.first - 1].text)) continue;
    if (np.first > 1 && DETERMINER.test(toks[np.first - 1].text) && PREPOSITION.test(toks[np.first - 2].text)) continue;
    if (toks.slice(c + 1, e).some((t) => /^[;:“"”]$/.test(t.text) || SPEECH_VERB.test(t.text))) continue;
    return isNamedApposition(toks, c, e) ? e - 1 : end;
  }
  return -1;
}

/**
 * `her senior policy adviser, Jake Sullivan, said`: a descriptive phrase, then
 * the person's name between the commas at c and e; the name is the speaker.
 */
function isNamedApposition(toks: Tok[], c: number, e: number): boolean {
  const inner = npEndingAt(toks.slice(0, e), e - 1);
  if (!inner || inner.pronoun || inner.first !== c + 1 || !isNameToken(toks[inner.first].text)) return false;
  const outer = npEndingAt(toks.slice(0, c), c - 1);
  return !!outer && !outer.pronoun && !isCap(toks[outer.last].text);
}

/**
 * `A White House official who spoke anonymously to discuss strategy said`: a
 * relative clause without commas between the subject and its verb. The noun
 * phrase opening the clause right before "who" within the last dozen tokens, or null.
 */
function beforeRelative(toks: Tok[], e: number): NP | null {
  for (let k = e; k > 0 && e - k <= 12; k--) {
    const w = toks[k].text;
    if (!/^[\p{L}\p{N}][\p{L}\p{N}\-’'.]*$/u.test(w) || SPEECH_VERB.test(w)) return null;
    if (!/^who$/i.test(w)) continue;
    const np = npEndingAt(toks.slice(0, k), k - 1);
    // only the subject of the clause: nothing but punctuation before the noun phrase ("by a surrogate who said" is an object)
    const clauseStart = !!np && (np.first === 0 || /^[,;:—–(]$/.test(toks[np.first - 1].text));
    return np && !np.pronoun && clauseStart && (isNameToken(toks[np.first].text) || DETERMINER.test(toks[np.first].text)) ? np : null;
  }
  return null;
}

/** Nouns in -ing that are no participle ("a meeting", "the hearing"). */
const ING_NOUN = /^(meeting|briefing|building|ruling|recording|hearing|filing|posting|reading|wedding|morning|evening|spring|king|thing|something|anything|nothing|everything|ring|string|wing|sibling|darling|offspring|ceiling|feeling|finding|funding|polling|timing|setting|opening|ending|beginning|warning|saying|painting|clothing|housing|training|spending|bombing|shooting|killing|uprising|gathering|listing|being)$/;

/**
 * `A source speaking on condition of anonymity said`, `Two aides traveling
 * with the governor said`: a participle phrase without commas between the
 * subject and its verb. The noun phrase opening the clause right before the
 * participle within the last dozen tokens, or null.
 */
function beforeParticiple(toks: Tok[], e: number): NP | null {
  for (let k = e; k > 0 && e - k <= 12; k--) {
    const w = toks[k].text;
    if (!/^[\p{L}\p{N}][\p{L}\p{N}\-’'.]*$/u.test(w) || BOUNDARY_WORD.test(w)) return null;
    if (!/^\p{Ll}{2,}ing$/u.test(w) || ING_NOUN.test(w)) continue;
    const np = npEndingAt(toks.slice(0, k), k - 1);
    if (!np || np.pronoun) return null;
    // only the subject of the clause, a name or a determiner phrase or a plural head ("officials traveling with her")
    const clauseStart = np.first === 0 || /^[,;:—–(]$/.test(toks[np.first - 1].text);
    const head = toks[np.last].text;
    return clauseStart && (isNameToken(toks[np.first].text) || DETERMINER.test(toks[np.first].text) || /[^s]s$/.test(head) || /^(people)$/.test(head)) ? np : null;
  }
  return null;
}

/** The noun phrase ending at e, unless it is the object inside a "who" clause or participle phrase whose head opens the clause. */
function subjectOrRelative(toks: Tok[], e: number): NP | null {
  const part = beforeParticiple(toks, e);
  if (part) return part;
  const np = npEndingAt(toks.slice(0, e + 1), e);
  if (np && !np.pronoun && np.first > 0 && !isObjectPosition(toks, np.first)) return np;
  return beforeRelative(toks, e) ?? np;
}

/**
 * The subject of the verb before "and" at token a ("he laughed and said"):
 * steps back over the first verb's object to a past or -s verb form and takes
 * the pronoun or name right before it (past adverbs and auxiliaries).
 */
function coordinatedSubject(toks: Tok[], a: number): NP | null {
  for (let k = a - 1; k >= 1 && a - k <= 12; k--) {
    const w = toks[k].text;
    if (!/^[\p{L}\p{N}][\p{L}\p{N}\-’'.]*$/u.test(w) || BOUNDARY_WORD.test(w)) return null;
    const sForm = /^\p{Ll}{3,}[^s’']s$/u.test(w);
    if (!(isPastVerb(w) || sForm)) continue;
    let e = k - 1;
    while (e >= 0 && (ADVERB.test(toks[e].text) || /^\p{Ll}+ly$/u.test(toks[e].text) || AUXILIARY.test(toks[e].text))) e--;
    if (e < 0) return null;
    const np = npEndingAt(toks.slice(0, e + 1), e);
    // an -s form only after a pronoun ("she marvels"): after a name it is as often a plural noun ("Muslim communities")
    if (np && np.last === e && (np.pronoun || (!sForm && isNameToken(toks[e].text)))) return np;
    return null;
  }
  return null;
}

/**
 * Where the subject of the verb after token e ends: steps back over the verb
 * group, time phrases ("on Thursday", "two weeks ago"), a parenthetical, a
 * prepositional adjunct ("in a low voice", "at one point", "in the past") and a
 * relative pronoun after a comma ("Beck, who has ... described" → "Beck").
 */
function subjectEnd(toks: Tok[], e: number): number {
  for (let guard = 0; guard < 4; guard++) {
    const e0 = e;
    e = skipTemporal(toks, skipParenthetical(toks, skipVerbGroup(toks, e)));
    e = skipAgo(toks, e);
    const pp = adjunctStart(toks, e);
    if (pp > 0) e = pp - 1;
    if (e > 1 && /^(who|which)$/i.test(toks[e].text) && toks[e - 1].text === ",") e -= 2;
    // "The two lawmakers, however, argue": an adverb set off by commas stands between the subject and its verb
    if (e > 2 && toks[e].text === "," && toks[e - 2].text === "," && (ADVERB.test(toks[e - 1].text) || /^\p{Ll}+ly$/u.test(toks[e - 1].text))) e -= 3;
    // "he, once again, pledged", "Smith, for his part, said": a short lower-case adverbial between commas after a pronoun or name
    else if (e > 3 && toks[e].text === ",") {
      let c = e - 1;
      while (c > e - 5 && c > 0 && /^\p{Ll}[\p{Ll}\-]*$/u.test(toks[c].text) && !SPEECH_VERB.test(toks[c].text) && !isPastVerb(toks[c].text) && !/^(who|which|that|and|or|but)$/.test(toks[c].text)) c--;
      if (c < e - 1 && c > 0 && toks[c].text === "," && (PRONOUNS.test(toks[c - 1].text) || isNameToken(toks[c - 1].text)) && !LOWER_ROLE_WORD.test(toks[e - 1].text)) e = c - 1;
    }
    if (e === e0) break;
  }
  return e;
}

/**
 * "At the training ground on Monday he said:": the noun phrase follows a
 * sentence-initial prepositional phrase without a comma. That phrase is never
 * the subject, so a pronoun or a name right after it opens the clause.
 */
function afterIntroPhrase(toks: Tok[], np: NP): boolean {
  if (np.first < 2 || np.first > 10 || !PREPOSITION.test(toks[0].text) || !/^\p{Lu}/u.test(toks[0].text)) return false;
  // ("At one point the crowd chanted": a definite or indefinite description opens the clause as well)
  if (!(np.pronoun || isNameToken(toks[np.first].text) || /^(the|a|an)$/i.test(toks[np.first].text))) return false;
  return toks.slice(1, np.first).every((t) => /^[\p{L}\p{N}][\p{L}\p{N}\-’'.]*$/u.test(t.text) && !SPEECH_VERB.test(t.text) && !AUXILIARY.test(t.text) && !BOUNDARY_WORD.test(t.text));
}

/** "at which point the crowd chanted", "at one point the audience shouted": a moment adjunct right before the subject. */
function afterPointPhrase(toks: Tok[], np: NP): boolean {
  return np.first >= 3 && /^(point|time|moment|stage|juncture)$/i.test(toks[np.first - 1].text) && /^(one|that|this|which|some|another)$/i.test(toks[np.first - 2].text) && /^(at|by)$/i.test(toks[np.first - 3].text);
}

/** "two weeks ago", "less than a month ago": step back over a span of time that ends in "ago". */
function skipAgo(toks: Tok[], e: number): number {
  if (e < 0 || toks[e].text !== "ago") return e;
  let k = e - 1;
  while (k >= 0 && e - k <= 5 && /^(\d+|a|an|one|two|three|four|five|six|few|several|many|some|less|more|than|about|nearly|almost|just|only|days?|weeks?|months?|years?|hours?|minutes?|decades?)$/i.test(toks[k].text)) k--;
  return k;
}

/** Adjunct prepositions: their phrase can stand between a subject and its verb. */
const ADJUNCT_PREP = /^(in|at|on|during|with|without|over|under|through|via|amid|inside|outside)$/i;

/**
 * The index of the preposition that opens a short adjunct ending at token e
 * ("in a low voice", "at one point"), or -1. Only plain words may sit between.
 */
function adjunctStart(toks: Tok[], e: number): number {
  // a subject pronoun ("he", "she") is never the object of a preposition: "on Monday he said" has no adjunct ending at "he"
  if (e < 1 || !/^[\p{L}\p{N}]/u.test(toks[e].text) || BOUNDARY_WORD.test(toks[e].text) || AUXILIARY.test(toks[e].text) || PRONOUNS.test(toks[e].text)) return -1;
  for (let k = e - 1; k >= 1 && e - k <= 5; k--) {
    const w = toks[k].text;
    if (ADJUNCT_PREP.test(w)) return (isCap(toks[e].text) && !isCap(toks[k - 1].text)) || COMPLEMENT_ADJ.test(toks[k - 1].text) ? -1 : k;
    if (!/^[\p{L}\p{N}][\p{L}\p{N}\-’'.]*$/u.test(w) || BOUNDARY_WORD.test(w) || PREPOSITION.test(w) || SPEECH_VERB.test(w) || AUXILIARY.test(w)) return -1;
  }
  return -1;
}

/**
 * Step back from token e over what sits between a subject and its verb:
 * adverbs ("also", "flatly"), auxiliaries and a passive or perfect verb
 * group ("can be heard asking", "has repeatedly said", "was quoted as saying").
 */
function skipVerbGroup(toks: Tok[], e: number): number {
  while (e >= 0) {
    const w = toks[e].text;
    if (ADVERB.test(w) || /^\p{Ll}+ly$/u.test(w) || AUXILIARY.test(w) || /^(not|never|as|himself|herself|themselves|itself|myself|ourselves)$/.test(w)) e--;
    // "be heard", "been quoted": a participle after an auxiliary belongs to the verb group
    else if (e > 0 && AUXILIARY.test(toks[e - 1].text) && (isPastVerb(w) || /^(heard|seen|quoted)$/.test(w))) e -= 2;
    else break;
  }
  return e;
}

/** A past-tense verb by its form: "interjected", "gushed", "beamed", or an irregular past ("spoke", "shot"). */
function isPastVerb(t: string): boolean {
  return (/^\p{Ll}{3,}ed$/u.test(t) || IRREGULAR_PAST.test(t)) && !NOT_A_CUE.test(t);
}

/**
 * A verb outside the lexicon used as a cue right after a quote: `“...,” he
 * interjected.`, `“...,” Smith gushed to reporters.` The subject sits right
 * after the quote and the verb ends the clause or is followed by a
 * prepositional phrase, an adverb or a comma, so it has no object of its own.
 */
function unknownCueAfter(win: Tok[], v: number): boolean {
  if (!isPastVerb(win[v].text) && !/^\p{Ll}{3,}s$/u.test(win[v].text)) return false;
  const next = win[v + 1]?.text;
  if (next !== undefined && next !== "," && !PREPOSITION.test(next) && !/^\p{Ll}+ly$/u.test(next) && !/^(again|back|aloud|out|up|in)$/.test(next)) return false;
  const e = skipVerbGroup(win, v - 1);
  if (e < 0) return false;
  const np = npEndingAt(win.slice(0, e + 1), e);
  // -s forms only after a name or pronoun ("she marvels"), never after a plural noun ("officials"), so "points" and "others" stay nouns
  if (!np || (!isPastVerb(win[v].text) && !(np.pronoun || isNameToken(win[np.last].text)))) return false;
  // "What “go after them” actually means is left to ...": a verb outside the lexicon needs a real subject, a pronoun, a name or a determiner phrase
  if (!np.pronoun && !isNameToken(win[np.first].text) && !DETERMINER.test(win[np.first].text)) return false;
  return np.first === 0 || skipParenthetical(win, e) !== e;
}

/** The noun phrase is the whole clause, or is followed only by a comma, a preposition or punctuation. */
function closesClause(win: Tok[], np: NP | null): boolean {
  if (!np || np.pronoun) return false;
  const after = win[np.last + 1]?.text;
  return after === undefined || /^[,(]$/.test(after) || PREPOSITION.test(after) || /^(who|as)$/.test(after);
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
  // (A word whose period ends the sentence closes the clause after it: "says the minister. The inspectors ...".)
  const ended = toks.slice(i, i + 40).findIndex((t) => t.period);
  const clause = toks.slice(i, ended >= 0 ? i + ended + 1 : i + 40);
  const stop = clause.findIndex((t) => /^[;!?“"«„]$/.test(t.text) || (t.text === "." && !isAbbrevDot(body, t)));
  const win = (stop >= 0 ? clause.slice(0, stop) : clause).slice(0, 26);
  if (win.length === 0) return null;
  // "Name, <long appositive>, said": a name right after the quote, a comma, and a speech verb later in the sentence after a comma
  const lead = npStartingAt(clause, 0);
  if (lead && !lead.pronoun && clause[lead.last + 1]?.text === ",") {
    for (let v = lead.last + 2; v < clause.length; v++) {
      const tv = clause[v].text;
      if (/^[;!?“"«„]$/.test(tv) || (tv === "." && !isAbbrevDot(body, clause[v]))) break;
      if (SPEECH_VERB.test(tv) && tv.length > 2 && clause[v - 1].text === ",") {
        // "her top aide, Dana Ruiz, said": the name in apposition is the speaker
        const named = isNamedApposition(clause, lead.last + 1, v - 1) ? npEndingAt(clause.slice(0, v - 1), v - 2) : null;
        return mk(body, clause, named ?? lead, clause[v]);
      }
    }
  }
  // "according to X"
  if (/^according$/i.test(win[0].text) && win[1] && /^to$/i.test(win[1].text)) {
    const np = npStartingAt(win, 2);
    if (np) return mk(body, win, np, win[0], "according to", win[1].end);
    const np2 = nameAfterDescriptor(win, 2);
    if (np2) return mk(body, win, np2, win[0], "according to", win[1].end);
  }
  // verb first: "said Mr. Witkoff", "says Støre after the meeting"; "beamed Ana Ruiz" with a verb outside the lexicon
  // ("confides Elena Marsh", "declares the minister": a present-tense cue the lexicon keeps out as a possible noun, then its speaker)
  const presentCue = isPresentCue(win[0].text) && !!win[1] && (isNameToken(win[1].text) || /^the$/i.test(win[1].text));
  if ((SPEECH_VERB.test(win[0].text) && win[0].text.length > 2 && !/ing$/.test(win[0].text)) || presentCue || (isPastVerb(win[0].text) && isNameToken(win[1]?.text ?? "") && closesClause(win, npStartingAt(win, 1)))) {
    const np = npStartingAt(win, 1);
    if (np) return mk(body, win, np, win[0]);
    // "said 9/11 widow Terry Strada": a short lower-case descriptor, then the name
    const np2 = nameAfterDescriptor(win, 1);
    if (np2) return mk(body, win, np2, win[0]);
  }
  // subject then verb: "he said", "Mr. Witkoff said on", "Flynn, a top Trump surrogate, said"
  for (let v = 1; v < win.length; v++) {
    if (!(SPEECH_VERB.test(win[v].text) && win[v].text.length > 2) && !unknownCueAfter(win, v)) continue;
    if (nounUse(win, v)) continue;
    let e = subjectEnd(win, v - 1);
    const past = e >= 0 && win[e].text === "," ? subjectBeforeAppositions(win, e) : -1;
    if (past >= 0) e = past;
    // "Gov. Ana Ruiz (R-Ohio), said": the comma closes the parenthetical after the name
    else if (e > 1 && win[e].text === "," && win[e - 1].text === ")" && isNameToken(win[skipParenthetical(win, e - 1)]?.text ?? "")) e = skipParenthetical(win, e - 1);
    else if (e >= 0 && win[e].text === ",") {
      // appositive: "Flynn, a top Trump surrogate, said"
      let c = e - 1;
      while (c >= 0 && win[c].text !== ",") c--;
      if (c > 0 && (isAppositiveStart(win[c + 1]?.text) || (isNameToken(win[c - 1].text) && !/^(including|such|especially|particularly|like|and|but)$/i.test(win[c + 1]?.text ?? ""))))
        e = isNamedApposition(win, c, e) ? e - 1 : skipParenthetical(win, c - 1);
    }
    const np = e >= 0 ? subjectOrRelative(win, e) : null;
    if (np && np.first === 0) return mk(body, win, np, win[v]);
    // a descriptor may precede the name ("Tulsa police Chief Chuck Jordan said")
    if (np && np.first <= 8 && !win.slice(0, np.first).some((t) => /^(on|in|at|for|to|with|by|from|including|about|over|after|into|against)$/.test(t.text)) && win.slice(0, np.first).every((t) => /^[,\-–—]$/.test(t.text) || /^[\p{L}\p{N}][\p{L}\p{N}.’'\-]*$/u.test(t.text)) && !win.slice(0, np.first).some((t) => SPEECH_VERB.test(t.text) || /^(and|but|while|as|when|because|after|before)$/i.test(t.text)))
      return mk(body, win, np, win[v]);
    break;
  }
  // "“...” who has won twice in the state, the editorial board writes.": a clause-final attribution after the last comma
  const full = stop >= 0 ? clause.slice(0, stop) : clause;
  // the last comma that a cue verb follows closely ("..., said Ana Ruiz, the union’s director")
  let c = -1;
  for (let k = full.length - 1; k > 0 && c < 0 && full.length - k <= 14; k--) if (full[k].text === "," && full.slice(k + 1, k + 7).some((t) => SPEECH_VERB.test(t.text))) c = k;
  if (c > 0 && full.length - c <= 14 && (stop >= 0 || toks.length - i <= 40) && full.slice(c + 1).some((t) => SPEECH_VERB.test(t.text))) {
    const tail = full.slice(c + 1);
    // "“...” about the decision, said Ana Ruiz, the union’s director": verb first after the last comma
    if (SPEECH_VERB.test(tail[0].text) && !/ing$/.test(tail[0].text) && isNameToken(tail[1]?.text ?? "")) {
      const np = npStartingAt(tail, 1);
      if (np && !np.pronoun) return mk(body, tail, np, tail[0]);
    }
    for (let v = 1; v < tail.length; v++) {
      if (!SPEECH_VERB.test(tail[v].text) || nounUse(tail, v)) continue;
      const e = subjectEnd(tail, v - 1);
      const np = e >= 0 ? npEndingAt(tail.slice(0, e + 1), e) : null;
      if (np && np.first === 0 && (np.pronoun || isCap(tail[np.last].text) || /^(the|a|an|his|her|their|its)$/i.test(tail[0].text))) return mk(body, tail, np, tail[v]);
      break;
    }
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
  // "Jared Potts, 17, echoed:", "Rubio fired back forcefully:": a verb (any verb) of the clause ending in the colon
  if (lastTok.text === ":" && toks.length >= 3) {
    let vb = toks.length - 2;
    while (vb > 1 && (/^\p{Ll}+ly$/u.test(toks[vb].text) || /^(back|out|up|again|on|in)$/.test(toks[vb].text))) vb--;
    const sForm = /^\p{Ll}{3,}[^s]s$/u.test(toks[vb].text) && !SPEECH_VERB.test(toks[vb].text);
    // an -s form is a verb only right after a name or pronoun ("she marvels:"), never after a verb ("told reporters:")
    const sVerb = sForm && (PRONOUNS.test(toks[vb - 1].text) || isNameToken(toks[vb - 1].text));
    // (Not a speech-verb spelling used as a noun: "The commission has had its say: a £120,000 fine".)
    if ((isPastVerb(toks[vb].text) || sVerb || SPEECH_VERB.test(toks[vb].text)) && !nounUse(toks, vb)) {
      const e = subjectEnd(toks, vb - 1);
      const np = e >= 0 ? npEndingAt(toks.slice(0, e + 1), e) : null;
      const clauseStart = np ? np.first === 0 || /^[,;.—–-]$/.test(toks[np.first - 1].text) || BOUNDARY_WORD.test(toks[np.first - 1].text) || afterIntroPhrase(toks, np) : false;
      if (np && clauseStart && (np.pronoun || isNameToken(toks[np.last].text) || DETERMINER.test(toks[np.first].text))) return mk(body, toks, np, toks[vb]);
    }
  }
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
    let e = subjectEnd(toks, v - 1);
    // "outlined his plan and vowed", "took to Twitter to accuse", "mocked the complaint, saying": the clause subject speaks
    if (e >= 0 && (/^(and|to|by)$/i.test(toks[e].text) || (toks[e].text === "," && /ing$/.test(t.text)))) {
      // "..., Lewandowski added, saying ...": the clause right before the comma has its own subject and verb
      if (toks[e].text === "," && e > 1 && (SPEECH_VERB.test(toks[e - 1].text) || isPastVerb(toks[e - 1].text))) {
        const se = subjectEnd(toks, e - 2);
        const near = se >= 0 ? npEndingAt(toks.slice(0, se + 1), se) : null;
        if (near && (near.pronoun || isNameToken(toks[near.last].text)) && (near.first === 0 || /^[,;”"’]$/.test(toks[near.first - 1].text))) return mk(body, toks, near, t);
      }
      // "he laughed and said", "he began by saying", "he took to Twitter to accuse": the subject of the verb before the cue
      if (/^(and|by|to)$/i.test(toks[e].text)) {
        const near = coordinatedSubject(toks, e);
        if (near) return mk(body, toks, near, t);
      }
      // "The first protest came at noon, when students interrupted her, shouting ...": a participle after a
      // subordinate clause belongs to that clause's subject, the nearest one
      let near: SpeakerMatch | null = null;
      if (toks[e].text === ",")
        for (let j = e - 1; j >= 1 && e - j <= 20 && !near; j--) {
          if (/^[;:“"”]$/.test(toks[j].text)) break;
          if (/^(when|as|after|while|where|until|once)$/i.test(toks[j].text) && /^[,—–]$/.test(toks[j - 1].text)) {
            // only a clause that opens on its subject and a past verb ("when students interrupted"), not "when asked"
            for (let k = j + 2; k < e && k - j <= 7 && !near; k++) {
              if (!isPastVerb(toks[k].text) && !(SPEECH_VERB.test(toks[k].text) && !/ing$/.test(toks[k].text))) continue;
              const np = npEndingAt(toks.slice(0, k), k - 1);
              if (np && np.first === j + 1) near = mk(body, toks, np, toks[k]);
              break;
            }
            break;
          }
        }
      if (near) return { ...near, cue: t.text, cueSpan: { start: t.start, end: t.end } };
      const subj = clauseSubject(body, sentStart ?? from, t.start) ?? sentenceSubject(body, sentStart ?? from, t.start);
      if (subj) return { ...subj, cue: t.text, cueSpan: { start: t.start, end: t.end } };
      continue;
    }
    const past = e >= 0 && toks[e].text === "," ? subjectBeforeAppositions(toks, e) : -1;
    if (past >= 0) e = past;
    // "Gov. Ana Ruiz (R-Ohio), said": the comma closes the parenthetical after the name
    else if (e > 1 && toks[e].text === "," && toks[e - 1].text === ")" && isNameToken(toks[skipParenthetical(toks, e - 1)]?.text ?? "")) e = skipParenthetical(toks, e - 1);
    else if (e >= 0 && toks[e].text === ",") {
      let c = e - 1;
      while (c >= 0 && toks[c].text !== ",") c--;
      if (c > 0 && e - c <= 12 && (isAppositiveStart(toks[c + 1]?.text) || (isNameToken(toks[c - 1].text) && !/^(including|such|especially|particularly|like|and|but)$/i.test(toks[c + 1]?.text ?? ""))))
        e = isNamedApposition(toks, c, e) ? e - 1 : skipParenthetical(toks, c - 1);
    }
    if (e >= 0 && /^(with|as)$/i.test(toks[e].text)) e--; // "with Putin saying"
    let np = e >= 0 ? subjectOrRelative(toks, e) : null;
    // "Sam Lau, the communications director for the party said": an apposition that lost its closing comma; the name speaks
    // (only a definite description: "Clinton, a top aide said," is a parenthetical of its own)
    if (np && !np.pronoun && np.first >= 2 && /^the$/i.test(toks[np.first].text) && toks[np.first - 1].text === ",") {
      const name = npEndingAt(toks.slice(0, np.first - 1), np.first - 2);
      if (name && !name.pronoun && isNameToken(toks[name.last].text) && (name.first === 0 || /^[,;:.—–(]$/.test(toks[name.first - 1].text))) np = name;
    }
    // "Trump issued a statement saying", "she opened the debate saying": a participle after an object; the clause subject speaks
    if (np && !np.pronoun && /ing$/.test(t.text) && !isCap(toks[np.last].text) && np.first > 0 && (isObjectPosition(toks, np.first) || PREPOSITION.test(toks[np.first - 1].text))) {
      const subj = clauseSubject(body, sentStart ?? from, t.start);
      if (subj) return { ...subj, cue: t.text, cueSpan: { start: t.start, end: t.end } };
    }
    // "items labeled “...”", "a website called “...”": a participle after an object names, it does not attribute
    // (unless a sentence-initial prepositional phrase stands before the subject: "At one point the crowd chanted")
    if (np && !np.pronoun && /ed$/.test(t.text) && !isCap(toks[np.last].text) && np.first > 0 && (isObjectPosition(toks, np.first) || PREPOSITION.test(toks[np.first - 1].text)) && !afterIntroPhrase(toks, np) && !afterPointPhrase(toks, np)) continue;
    // "was criticized at one point calling ...": no subject right before a participle; the clause subject speaks
    if (!np && /ing$/.test(t.text)) {
      const subj = clauseSubject(body, sentStart ?? from, t.start);
      if (subj) return { ...subj, cue: t.text, cueSpan: { start: t.start, end: t.end } };
    }
    if (np) return mk(body, toks, np, t);
    // verb first before the quote: "said Mr. X: “...”" (only a name directly followed by ':' or ',' or the quote)
    if (/^(said|says|asked|asks|added|adds|wrote|writes|continued|recalled|explained)$/.test(t.text)) {
      const np2 = npStartingAt(toks, v + 1);
      const after = np2 ? toks[np2.last + 1] : undefined;
      if (np2 && !np2.pronoun && isNameToken(toks[v + 1]?.text ?? "") && (!after || /^[:,]$/.test(after.text))) return mk(body, toks, np2, t);
    }
  }
  // "Said Jane Roe, who grew up there, “...”", "Continued Roe: “...”": a capitalised cue verb opening the sentence, then the name
  const v0 = toks[0]?.text ?? "";
  if (/^\p{Lu}\p{Ll}+$/u.test(v0) && (SPEECH_VERB.test(v0.toLowerCase()) || isPastVerb(v0.toLowerCase())) && !/ing$/.test(v0) && isNameToken(toks[1]?.text ?? "")) {
    const np = npStartingAt(toks, 1);
    const after = np ? toks[np.last + 1]?.text : undefined;
    if (np && !np.pronoun && (after === undefined || after === "," || after === ":")) return mk(body, toks, np, toks[0]);
  }
  // "Here’s Clinton in December 1992: “...”", "Here is how Ruiz put it:": the name presented before the colon
  if (lastTok.text === ":" && /^Here(['’]s)?$/.test(toks[0]?.text ?? "")) {
    const k = toks.findIndex((t, j) => j > 0 && j < 5 && isNameToken(t.text));
    const np = k > 0 ? npStartingAt(toks, k) : null;
    if (np && !np.pronoun) return mk(body, toks, np, lastTok, ":");
  }
  if (lastTok.text === ":" && toks.length >= 2) {
    const np = npEndingAt(toks.slice(0, toks.length - 1), toks.length - 2);
    if (np && !np.pronoun && np.first <= 2) return mk(body, toks, np, lastTok, ":");
    // "... doesn’t surprise Republican pollster Dana Shaw: “...”": a person introduced by a role right before the colon
    if (np && !np.pronoun && np.last > np.first && isNameToken(toks[np.first].text) && np.first > 0 && (LOWER_ROLE_WORD.test(toks[np.first - 1].text) || ROLE.test(toks[np.first - 1].text)))
      return mk(body, toks, np, lastTok, ":");
  }

  // "Trump’s claim that ... “...”": a possessive name before a speech noun
  for (let v = toks.length - 1; v >= 1; v--) {
    if (!SPEECH_NOUN.test(toks[v].text)) continue;
    // "her remark that “...”", "his March comment that": a possessive pronoun owns the speech, resolved like a subject pronoun
    let o = v - 1;
    if (o > 0 && /^(\p{Lu}\p{Ll}+|own|recent|latest|earlier|famous|infamous|now-infamous|oft-repeated)$/u.test(toks[o].text) && /^(his|her|their|its)$/i.test(toks[o - 1].text)) o--;
    if (/^(his|her|their|its)$/i.test(toks[o].text)) {
      const pr = toks[o];
      return { text: pr.text, span: { start: pr.start, end: pr.end }, pronoun: true, cue: toks[v].text, cueSpan: { start: toks[v].start, end: toks[v].end } };
    }
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

/** Longest fronted phrase (tokens) read past to a sentence's subject ("In a video posted on the company's website on Monday evening, ..."). */
const FRONTED_MAX = 20;

/**
 * The named subject at the start of a sentence ("Before the meeting, Zelenskyy
 * held ...", "European Commission president Ursula von der Leyen, speaking ...").
 */
export function sentenceSubject(body: string, from: number, to: number): SpeakerMatch | null {
  const toks = tokens(body, from, Math.min(to, from + 300));
  let i = 0;
  if (toks[0] && (INTRO.test(toks[0].text) || opensWithTimeSpan(toks, 0))) {
    const c = toks.findIndex((t, k) => k < FRONTED_MAX && t.text === ",");
    if (c > 0) i = c + 1;
    // "But Colorado Attorney General John Suthers isn't backing down": a conjunction without a comma opens the clause
    else if (/^(but|and|so|yet|still)$/i.test(toks[0].text)) i = 1;
  }
  let j = i;
  let lastName = -1;
  while (j < toks.length && j - i < 12) {
    const t = toks[j].text;
    if (isNameToken(t) || HONORIFIC.test(t)) lastName = j;
    else if (!(PARTICLE.test(t) || LOWER_ROLE.test(t) || LOWER_ROLE_WORD.test(t) || /^(of|the)$/.test(t))) break;
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

/**
 * The subject of the clause a quote sits in, when no speech verb attributes
 * it: `Rubio bemoaned a climate in which people “literally hate each other”`,
 * `The council called the plan “reckless”`. Reads the sentence start (after an
 * introductory phrase closed by a comma), takes the noun phrase there (a name,
 * a pronoun or a descriptive phrase with a determiner) and requires a verb
 * between it and the quote, so a quote inside the subject (`The so-called
 * “coalition” met`) gets none.
 */
export function clauseSubject(body: string, from: number, quoteOpen: number): SpeakerMatch | null {
  const toks = tokens(body, from, quoteOpen);
  if (toks.length < 1) return null;
  let i = 0;
  // "The Latest: Trump delivers ...": a capitalised rubric and a colon open the line; the clause follows it
  const colon = toks.findIndex((t, k) => k >= 1 && k <= 4 && t.text === ":");
  if (colon > 0 && colon < toks.length - 2 && toks.slice(0, colon).every((t) => isCap(t.text))) i = colon + 1;
  while (i < toks.length - 1 && /^[(\[—–-]$/.test(toks[i].text)) i++;
  if (/^(and|but|so|yet|still|now|then|instead|meanwhile|later|also|indeed|ultimately|finally)$/i.test(toks[i].text) && toks[i + 1]?.text !== ",") i++;
  const w0 = toks[i]?.text ?? "";
  // "Eight years ago, he ...", "Thirteen years earlier, she ...": a span of time opens the sentence, the subject follows its comma
  // ("About 300 marchers crossed": a preposition before a count is a quantifier of the subject, not an opening phrase)
  const counted = /^(about|over|around)$/i.test(w0) && /^\d[\d,.]*$/.test(toks[i + 1]?.text ?? "") && !/^\d{4}$/.test(toks[i + 1]?.text ?? "") && /^\p{Ll}/u.test(toks[i + 2]?.text ?? "");
  const intro = !counted && (opensWithTimeSpan(toks, i) || (/^\p{Lu}\p{Ll}+ly$/u.test(w0) && toks[i + 1]?.text === ",") || INTRO.test(w0) || PREPOSITION.test(w0) || /^\p{Lu}\p{Ll}+(ing|ed)$/u.test(w0) || /^(according|asked|when|if|as|while|although|though|because|since|after|before|once|with|without)$/i.test(w0));
  // the subject opens the sentence, or follows an introductory phrase closed by a comma ("Hours later, Trump returned ...")
  if (!intro) {
    const m = subjectAndVerb(body, toks, i, quoteOpen);
    if (m) return m;
  }
  // after an introductory phrase: the subject follows one of its first commas
  let tried = 0;
  for (let c = i + 1; c < toks.length && c < i + 40 && tried < 3; c++) {
    if (toks[c].text !== ",") continue;
    tried++;
    const m = subjectAndVerb(body, toks, c + 1);
    if (m) return m;
  }
  return null;
}

/** "Eight years ago, ...", "Thirteen years earlier, ...": a span of time (never a subject) at token i. */
function opensWithTimeSpan(toks: Tok[], i: number): boolean {
  return /^(\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Several|Few|Many|A)$/.test(toks[i]?.text ?? "") &&
    /^(years?|months?|weeks?|days?|hours?|minutes?|decades?|few)$/i.test(toks[i + 1]?.text ?? "");
}

/** A subject noun phrase at token i followed (past an apposition or parenthesis, adverbs and auxiliaries) by a verb. */
function subjectAndVerb(body: string, toks: Tok[], i: number, quoteOpen = -1): SpeakerMatch | null {
  if (i >= toks.length) return null;
  let np = subjectStartingAt(toks, i, body);
  if (!np) return null;
  let v = np.last + 1;
  // `Clinton “drew well from working-class voters”`: the quote is the predicate itself
  if (v === toks.length && quoteOpen >= 0 && !np.pronoun && i === 0 && isNameToken(toks[np.first].text) && isNameToken(toks[np.last].text) && /^\p{Ll}/u.test(body.slice(quoteOpen + 1, quoteOpen + 3).trim())) return mk(body, toks, np, toks[np.last], "", toks[np.last].end);
  // "The former secretary of state mocked ...": a prepositional post-modifier between the head and the verb
  if (/^(of|for|from|at|in|on|with)$/.test(toks[v]?.text ?? "") && !np.pronoun) {
    // the word right after the preposition is its object, never the verb
    let k = v + 2;
    // (a plural possessive's apostrophe may stand alone: "the Riders' Alliance")
    while (k < toks.length && k - v <= 6 && /^(?:[\p{L}\p{N}][\p{L}\p{N}\-’'.]*|['’])$/u.test(toks[k].text) && !isVerbish(toks, k)) k++;
    if (k < toks.length && isVerbish(toks, k) && /^[\p{L}\p{N}]/u.test(toks[v + 1]?.text ?? "")) {
      // a descriptive head keeps its "of"/"for" complement ("The former secretary of state"); a name does not ("Kasich of Ohio")
      if (/^(of|for)$/.test(toks[v].text) && !isCap(toks[np.last].text)) np = { ...np, last: k - 1 };
      v = k;
    } else if (toks[k]?.text === "," && /^(who|which|whose)$/i.test(toks[k + 1]?.text ?? "") && isCap(toks[np.last].text)) {
      // "Mirela Santi of the Riders' Alliance, which collected 8,400 signatures, told the board": the
      // relative clause (on the name or its organisation) is read below, then the name's verb
      v = k;
    }
  }
  // "Ted Cruz, who has led in Iowa, named ...": a relative clause or apposition between commas
  if (toks[v]?.text === "," && !np.pronoun) {
    if (!/^(who|whose|which|a|an|the|his|her|their|its|one|now|then|also|herself|himself)$/i.test(toks[v + 1]?.text ?? "") && !PREPOSITION.test(toks[v + 1]?.text ?? "") && !isCap(toks[v + 1]?.text ?? "") && !/^\p{Ll}+ly$/u.test(toks[v + 1]?.text ?? "")) return null;
    // (not the comma inside a figure: "8,400 signatures")
    const c = toks.findIndex((t, k) => k > v && k < v + 20 && t.text === "," && !(/^\d+$/.test(toks[k - 1].text) && /^\d{3}$/.test(toks[k + 1]?.text ?? "")));
    // "Chrabaszcz, who goes by “Vito,”": the quote sits inside the relative clause, whose subject is the name
    if (c < 0 && /^who$/i.test(toks[v + 1]?.text ?? "") && quoteOpen >= 0 && /^\p{Ll}{2,}s$/u.test(toks[v + 2]?.text ?? "") || c < 0 && /^who$/i.test(toks[v + 1]?.text ?? "") && quoteOpen >= 0 && isPastVerb(toks[v + 2]?.text ?? "")) return mk(body, toks, np, toks[v + 2]);
    if (c < 0) return null;
    v = c + 1;
  }
  if (toks[v]?.text === "(") {
    const c = toks.findIndex((t, k) => k > v && t.text === ")");
    if (c < 0) return null;
    v = c + 1;
  }
  // "Ruiz last week invited ...": a time phrase between the subject and its verb
  if (/^(last|this|next|early|late)$/i.test(toks[v]?.text ?? "") && TIME_WORD.test(toks[v + 1]?.text ?? "")) v += 2;
  else if (/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)$/.test(toks[v]?.text ?? "")) v++;
  // "Santi ..., told the board": "told" right after the subject is its verb (the adverb list below skips it
  // for "has told", "had earlier told")
  if (toks[v]?.text === "told" && /^(?:the|a|an|his|her|their|its|reporters|journalists|members|\p{Lu}\p{L}*)$/u.test(toks[v + 1]?.text ?? "")) return mk(body, toks, np, toks[v]);
  let aux = false;
  let lastAux = -1;
  // "has since apologized": "since" after an auxiliary is an adverb, not a conjunction
  while (v < toks.length && (ADVERB.test(toks[v].text) || /^\p{Ll}+ly$/u.test(toks[v].text) || AUXILIARY.test(toks[v].text) || /^(not|never)$/.test(toks[v].text) || (aux && toks[v].text === "since"))) {
    if (AUXILIARY.test(toks[v].text)) {
      aux = true;
      lastAux = v;
    }
    v++;
  }
  // "Achterberg also had a go at the builders: “...”", "Wren was blunt: “...”": the auxiliary is the verb
  // when a determiner or an adjective follows it and the clause runs straight into the quote.
  if (lastAux === v - 1 && quoteOpen >= 0 && toks[v] && (DETERMINER.test(toks[v].text) || /^\p{Ll}+$/u.test(toks[v].text)) && /:\s*$/.test(body.slice(toks[toks.length - 1].start, quoteOpen))) {
    return mk(body, toks, np, toks[lastAux]);
  }
  const verb = toks[v];
  if (!verb || !/^\p{Ll}[\p{Ll}\-’']+$/u.test(verb.text) || PREPOSITION.test(verb.text) || BOUNDARY_WORD.test(verb.text) || DETERMINER.test(verb.text)) return null;
  if (!aux && !/(ed|s)$/.test(verb.text) && !IRREGULAR_PAST.test(verb.text) && !SPEECH_VERB.test(verb.text) && !np.pronoun) return null;
  if (/^(it|there|this|that)$/i.test(toks[np.first].text)) return null;
  return mk(body, toks, np, verb);
}

/**
 * The noun phrase that opens a clause, read forwards: a pronoun, a name (roles
 * stripped), or a descriptive phrase from its determiner or owner to the head
 * noun before the verb ("The longtime senator", "Sanders’ campaign manager",
 * "a senior official").
 */
function subjectStartingAt(toks: Tok[], i: number, body = ""): NP | null {
  const t = toks[i].text;
  if (PRONOUNS.test(t)) return /^(it|it['’]s)$/i.test(t) ? null : { first: i, last: i, pronoun: true };
  let j = i;
  // "About 50 protesters", "at least 200 workers", "Dozens of students": a count opens the phrase
  let k0 = i;
  if (/^(about|nearly|almost|roughly|around|approximately|over|only|just|some)$/i.test(t)) k0++;
  else if (/^at$/i.test(t) && /^(least|most)$/i.test(toks[i + 1]?.text ?? "")) k0 += 2;
  const count = /^(\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|dozens|hundreds|thousands)$/i.test(toks[k0]?.text ?? "") && !/^\d{4}$/.test(toks[k0]?.text ?? "");
  if (count) j = k0 + 1;
  else if (isNameToken(t) || HONORIFIC.test(t)) {
    let np = npStartingAt(toks, i);
    if (!np) return null;
    // "Trump and Ryan issued ...": coordinated names are one subject
    if (toks[np.last + 1]?.text === "and" && isNameToken(toks[np.last + 2]?.text ?? "")) {
      const second = npStartingAt(toks, np.last + 2);
      if (second && !second.pronoun) np = { first: np.first, last: second.last, pronoun: false };
    }
    // a possessive name owns the head that follows ("Clinton’s campaign manager")
    // ("Sanders’ campaign": a plural possessive whose apostrophe the tokenizer leaves out)
    const sPossessive = /s$/.test(toks[np.last].text) && /^['’]\s/.test(body.slice(toks[np.last].end, toks[np.last].end + 2));
    if (!/['’]s$/.test(toks[np.last].text) && toks[np.last + 1]?.text !== "’" && !sPossessive) {
      // "White House officials", "Sanders supporters": a name used as a modifier of a plural head
      const n = toks[np.last + 1]?.text ?? "";
      if (/^\p{Ll}[\p{Ll}\-]*[^s]s$/u.test(n) && !AUXILIARY.test(n) && !SPEECH_VERB.test(n) && isVerbish(toks, np.last + 2)) return { first: i, last: np.last + 1, pronoun: false };
      return np;
    }
    j = np.last + 1;
  } else if (DETERMINER.test(t)) j = i + 1;
  // "protesters gathered", "students interrupted": a bare plural head right before its verb
  else if (/^\p{Ll}[\p{Ll}\-]*[^s’']s$/u.test(t) && !AUXILIARY.test(t) && !SPEECH_VERB.test(t) && isVerbish(toks, i + 1)) return { first: i, last: i, pronoun: false };
  else return null;
  let head = -1;
  for (let k = j; k < toks.length && k - i <= 9; k++) {
    const w = toks[k].text;
    // "The influential delegate and conservative activist": two lower-case descriptions of one person joined by "and"
    if (w === "and" && head === k - 1 && head >= 0 && /^\p{Ll}/u.test(toks[head].text) && /^\p{Ll}[\p{Ll}\-]+$/u.test(toks[k + 1]?.text ?? "") && !isVerbish(toks, k + 1) && !DETERMINER.test(toks[k + 1].text)) continue;
    if (!/^[\p{L}\p{N}][\p{L}\p{N}\-’'.]*$/u.test(w) || PREPOSITION.test(w) || BOUNDARY_WORD.test(w) || AUXILIARY.test(w)) break;
    if (k > j && isVerbish(toks, k)) break;
    head = k;
  }
  // "Velmora's boss Jonas Ferrand made ...", "the agency's chief inspector Ana Ruiz said": a role word and then
  // the person's name; the name is the subject
  if (head >= 0 && isNameToken(toks[head].text)) {
    let s = head;
    while (s - 1 >= j && isNameToken(toks[s - 1].text)) s--;
    if (s > j && s < head && /^\p{Ll}/u.test(toks[s - 1].text) && LOWER_ROLE_WORD.test(toks[s - 1].text)) return { first: s, last: head, pronoun: false };
  }
  // "The Trayvon Martin Foundation": a capitalised head after "the" is an organisation's name
  if (head < 0 || !(/^[\p{Ll}\p{N}]/u.test(toks[head].text) || (/^the$/i.test(t) && isNameToken(toks[head].text)))) return null;
  // an organisation's name is written without its article, as the name readers write it ("Interior Ministry")
  if (/^the$/i.test(t) && isNameToken(toks[i + 1].text) && isNameToken(toks[head].text)) return { first: i + 1, last: head, pronoun: false };
  return { first: i, last: head, pronoun: false };
}

/** The phrase at token `first` follows a verb (or verb and particle: "started out"), so it is an object, not a subject. */
function isObjectPosition(toks: Tok[], first: number): boolean {
  const p = toks[first - 1]?.text ?? "";
  return /^\p{Ll}[\p{Ll}\-]+$/u.test(p) && !PREPOSITION.test(p) && !BOUNDARY_WORD.test(p) && !DETERMINER.test(p) && !PRONOUNS.test(p);
}

/** Token k reads as the finite verb after a subject: an auxiliary, a speech verb, a past form, an adverb, or an -s form before an object. */
function isVerbish(toks: Tok[], k: number): boolean {
  const w = toks[k]?.text;
  if (!w || !/^\p{Ll}/u.test(w)) return false;
  if (AUXILIARY.test(w) || /^\p{Ll}+n['’]t$/u.test(w) || /^\p{Ll}+ly$/u.test(w) || isPastVerb(w) || (SPEECH_VERB.test(w) && !NOUN_OR_VERB.test(w))) return true;
  const n = toks[k + 1]?.text ?? "";
  // "The town released a statement", "the council called the plan": an -ed form before a determiner has an object, so it is a verb
  if (/^\p{Ll}{3,}ed$/u.test(w) && /^(the|a|an|his|her|their|its)$/i.test(n)) return true;
  // "The senator likes “The Walking Dead”": the window ends at the quote, which is the verb's object
  if (k === toks.length - 1 && k > 1 && /^\p{Ll}{2,}[^s’']s$/u.test(w)) return true;
  return /[^s]s$/.test(w) && (DETERMINER.test(n) || PRONOUNS.test(n) || /^(that|to|him|her|them|off|up|out|down|back|away|“|")$/i.test(n) || /^\p{Lu}/u.test(n));
}
