/**
 * Names and noun phrases around a speech cue: tokens with offsets, the noun
 * phrase that ends or starts at a token (names with honorifics, particles and
 * leading roles; pronouns; short descriptive phrases), whether a mention is a
 * person, and every person-like name of a text (pronoun antecedents).
 */
import type { Span } from "../types";
import {
  AUXILIARY, BOUNDARY_WORD, COMPLEMENT_ADJ, DETERMINER, LOWER_ROLE_WORD, FUNCTION_WORD, HONORIFIC, IRREGULAR_PAST, NOT_NAME, NOUN_IN_LY, ORG_TAIL, PARTICLE, PREPOSITION,
  PRONOUNS, ROLE, SPEECH_VERB,
} from "./lexicon";

/** A noun phrase as token indices (inclusive). */
export interface NP {
  first: number;
  last: number;
  pronoun: boolean;
}

export interface Tok {
  text: string;
  start: number;
  end: number;
  /** The word ended a sentence: its period (not part of the token) is followed by a capital or the end. */
  period?: boolean;
}

export function tokens(body: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}\p{M}.’'\-]*|[^\s\p{L}\p{N}]/gu;
  re.lastIndex = 0;
  const s = body.slice(from, to);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    let t = m[0];
    let period = false;
    // keep the final period only for abbreviations and initials ("Mr.", "J.", "U.S."), not at a sentence end
    if (t.length > 1 && t.endsWith(".") && !/^(\p{Lu}|(\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|St|Jr|Sr|Rev|Mx)\.$/u.test(t)) {
      t = t.slice(0, -1);
      period = /^(?:\s+[\p{Lu}“"]|\s*$)/u.test(s.slice(m.index + m[0].length, m.index + m[0].length + 3));
    }
    if (t.length > 1 && /['’]$/.test(t)) t = t.slice(0, -1);
    out.push(period ? { text: t, start: from + m.index, end: from + m.index + t.length, period } : { text: t, start: from + m.index, end: from + m.index + t.length });
  }
  return out;
}

/** The "." token is an abbreviation's dot ("Rep.", "D-Wis.") rather than a sentence end. */
export function isAbbrevDot(body: string, t: Tok): boolean {
  return /[\p{L}]/u.test(body[t.start - 1] ?? "") && /^\s*[\p{Ll}(,)]/u.test(body.slice(t.end, t.end + 3));
}

/** Tokens read for the name after a descriptor that opens with an occasion phrase ("in a statement the director and owner"). */
const OCCASION_REACH = 10;

/** "9/11 widow Terry Strada", "conservative talk radio host Rush Limbaugh": skip a short lower-case descriptor to the name. */
export function nameAfterDescriptor(toks: Tok[], from: number): NP | null {
  // (Past an occasion phrase too: "said in a statement the director and owner Imogen Tasker". A name right after
  // a preposition is that phrase's object, "said at a meeting in Brussels", "said on Tuesday": not the speaker.)
  const occasion = from < toks.length && PREPOSITION.test(toks[from].text);
  const reach = from + (occasion ? OCCASION_REACH : 7);
  for (let k = from + 1; k < Math.min(toks.length, reach); k++) {
    if (/^[,.;:“"”]$/.test(toks[k - 1].text)) return null;
    if (occasion && isNameToken(toks[k].text) && PREPOSITION.test(toks[k - 1].text)) {
      while (k + 1 < toks.length && isNameToken(toks[k + 1].text)) k++;
      continue;
    }
    if (isNameToken(toks[k].text)) {
      const np = npStartingAt(toks, k);
      return np && !np.pronoun ? np : null;
    }
  }
  return null;
}

export function isCap(t: string): boolean {
  return /^\p{Lu}/u.test(t);
}

export function isNameToken(t: string): boolean {
  return isCap(t) && !NOT_NAME.test(t);
}

/**
 * The noun phrase that ENDS at token index `last` (inclusive), read backwards:
 * a capitalised name run (with honorifics, particles and roles; roles then
 * stripped), a pronoun, or a short determiner phrase ("the source", "a spokesman").
 */
export function npEndingAt(toks: Tok[], last: number): NP | null {
  let np = npCore(toks, last);
  if (!np || np.pronoun || np.first < 2) return np;
  // "a spokesman for (the) committee Democrats": an article and lower-case modifiers between "of"/"for" and a name belong to its phrase
  if (isNameToken(toks[np.first].text)) {
    let f = np.first;
    while (f > 2 && np.first - f < 3 && /^\p{Ll}[\p{Ll}\-]*$/u.test(toks[f - 1].text) && !PREPOSITION.test(toks[f - 1].text) && (!FUNCTION_WORD.test(toks[f - 1].text) || /^(the|a|an)$/.test(toks[f - 1].text))) f--;
    if (f < np.first && /^(of|for)$/i.test(toks[f - 1].text) && npCore(toks, f - 2)) np = { first: f, last: np.last, pronoun: false };
  }
  const prep = toks[np.first - 1].text;
  // "a source close to the team", "people familiar with the talks": an adjective and its complement qualify the head before them
  if (np.first >= 3 && /^(to|with)$/i.test(prep) && COMPLEMENT_ADJ.test(toks[np.first - 2].text)) {
    const head = npCore(toks, np.first - 3);
    if (head && !head.pronoun) return { first: head.first, last: np.last, pronoun: false };
  }
  // "aides to the governor", "an adviser to Ana Ruiz": a role noun and its "to" complement are one phrase, keyed on the role
  if (np.first >= 2 && /^to$/i.test(prep)) {
    const head = npCore(toks, np.first - 2);
    if (head && !head.pronoun && LOWER_ROLE_WORD.test(toks[head.last].text.toLowerCase().replace(/s$/, ""))) return { first: head.first, last: np.last, pronoun: false };
  }
  if (!PREPOSITION.test(prep) || /^(like|including|per|despite|to|after|before|about|against|toward|towards|among|between|without|within|near|behind|beyond|across|around)$/i.test(prep)) return np;
  // the phrase is the complement of a preposition: the speaker is the noun phrase it qualifies
  const head = npCore(toks, np.first - 2);
  if (!head || head.pronoun) return /^(of|for)$/i.test(prep) ? null : np;
  const headIsName = isCap(toks[head.last].text);
  // ("with" stays out: "the ad ends with Perry saying" is an absolute construction, Perry speaks)
  if (/^(of|for|at|from)$/i.test(prep)) {
    // "Gov. John Kasich of Ohio" → the person; "Bank of America", "a spokesman for the campaign" → the whole phrase, keyed on its head
    if (headIsName && !ORG_TAIL.test(toks[head.last].text) && !ROLE.test(toks[np.first].text)) return head;
    if (headIsName && ROLE.test(toks[np.first].text)) return np;
    return { first: head.first, last: np.last, pronoun: false };
  }
  // other prepositions open adjuncts ("in a low voice", "at one point"); the readers step over them (see subjectEnd in cues.ts)
  return np;
}

function npCore(toks: Tok[], last: number): NP | null {
  if (last < 0) return null;
  const t = toks[last].text;
  if (!/^[\p{L}\p{N}]/u.test(t) || FUNCTION_WORD.test(t)) return null;
  if (PRONOUNS.test(t)) return { first: last, last, pronoun: true };
  // "another said", "most said", "others added": an indefinite pronoun standing for a described speaker
  if (/^(another|others|some|many|most|several|few|both)$/i.test(t) && (last === 0 || !/^[\p{L}\p{N}]/u.test(toks[last - 1].text) || BOUNDARY_WORD.test(toks[last - 1].text) || /^(yet|still|and)$/i.test(toks[last - 1].text)))
    return { first: last, last, pronoun: false };
  if (isNameToken(t) || HONORIFIC.test(t)) {
    let first = last;
    while (first - 1 >= 0) {
      const p = toks[first - 1].text;
      if (isNameToken(p) || HONORIFIC.test(p)) first--;
      else if (PARTICLE.test(p)) {
        // "von der Leyen": accept a chain of particles when a capitalised name precedes it
        let q = first - 1;
        while (q >= 0 && PARTICLE.test(toks[q].text)) q--;
        if (q >= 0 && isNameToken(toks[q].text) && first - q <= 3) first = q;
        else break;
      } else break;
    }
    // a possessive is an owner, not a subject ("Trump’s stated willingness")
    if (/['’]s$/.test(toks[last].text) || toks[last + 1]?.text === "’" || toks[last + 1]?.text === "'") return null;
    // drop owners ("CNN’s Jake Tapper") and leading roles ("President Trump", "Secretary of State Marco Rubio")
    for (let k = last - 1; k >= first; k--) {
      if (/['’]s$/.test(toks[k].text) || toks[k + 1]?.text === "’" || toks[k + 1]?.text === "'") {
        first = k + 1;
        break;
      }
    }
    let lastRole = -1;
    // "State Department", "White House Press Office": an organisation's name keeps its role-like words
    if (!ORG_TAIL.test(toks[last].text)) for (let k = first; k < last; k++) if (ROLE.test(toks[k].text)) lastRole = k;
    if (lastRole >= 0) first = lastRole + 1;
    while (first < last && (PARTICLE.test(toks[first].text) || NOT_NAME.test(toks[first].text))) first++;
    // a long run is usually "Organisation Role Name": keep the last three tokens at most (plus honorific)
    if (last - first > 3) first = last - 2;
    return { first, last, pronoun: false };
  }
  return descriptiveEndingAt(toks, last);
}

/**
 * A descriptive speaker ending at `last`, read backwards from its head noun:
 * "the spokesman", "a senior administration official", "Donald Trump’s
 * campaign manager", "White House officials". It needs a determiner, a
 * possessive owner or a plural head; a head that reads as a verb ("began",
 * "reported") or an adverb is no noun phrase.
 */
function descriptiveEndingAt(toks: Tok[], last: number): NP | null {
  const t = toks[last].text;
  if (!isNounLike(t)) return null;
  let first = last;
  let n = 0;
  let closed = false;
  while (first - 1 >= 0 && n < 5) {
    const p = toks[first - 1].text;
    // "the tall, bespectacled diplomat": adjectives coordinated by a comma right after the determiner
    if (p === "," && n > 0 && first >= 3 && /^(the|a|an)$/i.test(toks[first - 3].text) && isCoordinatedAdjective(toks[first - 2].text)) {
      first -= 3;
      closed = true;
      break;
    }
    if (!/^[\p{L}\p{N}][\p{L}\p{N}\-’'.]*$/u.test(p) || BOUNDARY_WORD.test(p) || PREPOSITION.test(p) || PRONOUNS.test(p) || AUXILIARY.test(p)) break;
    if (SPEECH_VERB.test(p) && !isCap(p)) break;
    first--;
    n++;
    if (DETERMINER.test(p)) {
      closed = true;
      break;
    }
    // "Donald Trump’s campaign manager": the owner's name closes the phrase
    if (/['’]s$/.test(p) || toks[first + 1]?.text === "’") {
      while (first - 1 >= 0 && (isNameToken(toks[first - 1].text) || HONORIFIC.test(toks[first - 1].text)) && !DETERMINER.test(toks[first - 1].text)) first--;
      if (first - 1 >= 0 && /^the$/i.test(toks[first - 1].text)) first--;
      closed = true;
      break;
    }
  }
  if (closed) return first === last ? null : { first, last, pronoun: false };
  // without a determiner accept only a plural head ("officials said", "senior aides say", "White House officials")
  if (!/[^s]s$/i.test(t) && !/^(people|men|women|children|police|staff|folks|clergy|media|public|crowd|audience)$/i.test(t)) return null;
  // no determiner closes it, so a verb may hide among the modifiers ("Ana Ruiz informed reporters"): start after it
  for (let k = last - 1; k >= first; k--) {
    const w = toks[k].text;
    if (/^\p{Ll}/u.test(w) && (IRREGULAR_PAST.test(w) || (/[^e]ed$/.test(w) && w.length > 4))) return { first: k + 1, last, pronoun: false };
  }
  return { first, last, pronoun: false };
}

/** A lower-case modifier that can stand before a comma inside a determiner phrase: not a noun of role, not a plural, not a verb. */
function isCoordinatedAdjective(t: string): boolean {
  // an adjective by its form ("bespectacled", "soft-spoken", "71-year-old", "political") or a few common plain ones, so a noun ("the crowd, angry officials") never joins
  const adjectival = /(ed|al|ic|ful|ous|ive|ble|ish|less|ent|ant|ary|-old|-\p{Ll}+(ing|en))$/u.test(t) || /^(tall|short|young|old|longtime|veteran|soft|blunt|quiet|loud|new|frail|gruff)$/.test(t);
  return adjectival && /^\p{Ll}[\p{Ll}\p{N}\-]*$/u.test(t) && !LOWER_ROLE_WORD.test(t) && !/[^s]s$/.test(t) && !SPEECH_VERB.test(t) && !FUNCTION_WORD.test(t) && !BOUNDARY_WORD.test(t) && !PREPOSITION.test(t);
}

/** A head noun candidate: not a function word, adverb or past-tense verb. */
function isNounLike(t: string): boolean {
  if (!/^[\p{Ll}\p{N}][\p{L}\p{N}\-’']*$/u.test(t) || /^\p{N}+$/u.test(t) || FUNCTION_WORD.test(t) || BOUNDARY_WORD.test(t) || PREPOSITION.test(t) || AUXILIARY.test(t)) return false;
  if (/ly$/.test(t) && !NOUN_IN_LY.test(t)) return false;
  if (IRREGULAR_PAST.test(t)) return false;
  return !(/[^e]ed$/.test(t) && t.length > 4);
}

/** The noun phrase that STARTS at token index `i`: for verb-first attributions ("said Mr. Witkoff", "says Støre"). */
export function npStartingAt(toks: Tok[], i: number): NP | null {
  if (i >= toks.length) return null;
  const t = toks[i].text;
  if (PRONOUNS.test(t)) return { first: i, last: i, pronoun: true };
  if (isNameToken(t) || HONORIFIC.test(t)) {
    let last = i;
    while (last + 1 < toks.length) {
      const n = toks[last + 1].text;
      if (isNameToken(n) || HONORIFIC.test(n) || (PARTICLE.test(n) && last + 2 < toks.length && isCap(toks[last + 2].text))) last++;
      else break;
    }
    // "Ohio State University professor Paul Beck", "Harbor Union chief Ana Ruiz": an organisation, a role noun, then the person
    let k = last + 1;
    while (k < toks.length && k - last <= 3 && isNounLike(toks[k].text) && !SPEECH_VERB.test(toks[k].text)) k++;
    // (an agent noun reads as a role too: "Former Obama speechwriter Jon Favreau")
    if (k > last + 1 && k < toks.length && isNameToken(toks[k].text) && (LOWER_ROLE_WORD.test(toks[k - 1].text) || /^\p{Ll}{4,}(writer|maker|keeper|ist|or)$/u.test(toks[k - 1].text) || ORG_TAIL.test(toks[last].text))) {
      const person = npStartingAt(toks, k);
      if (person && !person.pronoun) return person;
    }
    const np = npEndingAt(toks.slice(0, last + 1), last);
    if (np && np.first >= i) return np;
    return { first: i, last, pronoun: false };
  }
  if (/^(the|a|an|his|her|their|its|one|another)$/i.test(t)) {
    let last = i;
    while (last + 1 < toks.length && last - i < 5 && /^[\p{L}\p{N}][\p{L}\p{N}\-.’']*$/u.test(toks[last + 1].text) && !/^(in|on|at|after|before|who|which|that|during|to|from|with|of|and|for)$/i.test(toks[last + 1].text)) last++;
    if (last === i) return null;
    // continue through "of X" / "for X" once when followed by a name ("a spokesman for the Clinton campaign")
    return { first: i, last, pronoun: false };
  }
  return null;
}

/** True when a name mention plausibly denotes a person (for resolving he/she). */
export function isPersonLike(name: string, surnames: ReadonlySet<string>): boolean {
  const toks = name.split(/\s+/).filter(Boolean);
  if (toks.length === 0) return false;
  const lastTok = toks[toks.length - 1].replace(/[^\p{L}\-]/gu, "");
  if (ORG_TAIL.test(lastTok) || /^\p{Lu}+$/u.test(lastTok)) return false;
  if (!toks.every((t) => /^\p{Lu}/u.test(t) || PARTICLE.test(t))) return false;
  if (HONORIFIC.test(toks[0])) return true;
  if (toks.length >= 2) return true;
  return surnames.has(lastTok);
}

/** Surnames: last tokens of multi-word capitalised names in the text ("Steve Witkoff" → "Witkoff"). */
export function collectSurnames(body: string, spans: readonly Span[]): Set<string> {
  const out = new Set<string>();
  for (const sp of spans) {
    const toks = tokens(body, sp.start, sp.end);
    for (let i = 0; i + 1 < toks.length; i++) {
      if (!(isNameToken(toks[i].text) || HONORIFIC.test(toks[i].text))) continue;
      const n = toks[i + 1].text;
      if (isNameToken(n) && !/^\p{Lu}+$/u.test(n) && !ORG_TAIL.test(n) && !/['’]s$/.test(toks[i].text) && !ROLE.test(n)) out.add(n.replace(/['’]s$/, ""));
    }
  }
  return out;
}

/** Every person-like name run in the given blocks, in order (a last resort for pronoun antecedents). */
export function nameMentions(body: string, spans: readonly Span[], surnames: ReadonlySet<string>): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  for (const sp of spans) {
    const toks = tokens(body, sp.start, sp.end);
    let i = 0;
    while (i < toks.length) {
      if (!(isNameToken(toks[i].text) || HONORIFIC.test(toks[i].text)) || (i > 0 && /[.!?]$/.test(body.slice(toks[i - 1].end, toks[i].start).trim() || toks[i - 1].text) && !HONORIFIC.test(toks[i].text) && !surnames.has(toks[i].text))) {
        i++;
        continue;
      }
      let j = i;
      // a name never runs across a sentence end ("in Iowa. Thirteen years later"); initials and honorifics keep their dots
      const sentenceEnd = (k: number) => /[.!?]/.test(body.slice(toks[k].end, toks[k + 1].start)) && toks[k].text.length > 2 && !HONORIFIC.test(toks[k].text);
      while (j + 1 < toks.length && (isNameToken(toks[j + 1].text) || PARTICLE.test(toks[j + 1].text)) && !sentenceEnd(j)) j++;
      const np = npEndingAt(toks.slice(0, j + 1), j);
      if (np && !np.pronoun) {
        const text = body.slice(toks[np.first].start, toks[np.last].end);
        if (isPersonLike(text, surnames)) out.push({ text, span: { start: toks[np.first].start, end: toks[np.last].end } });
      }
      i = j + 1;
    }
  }
  return out;
}
