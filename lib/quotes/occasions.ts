/**
 * The occasion of an attribution: on what kind of occasion the words were said
 * (a news conference, a written statement, an interview, a sitting of a
 * chamber, a court, a speech) and where ("at Harbour House", "at the count
 * centre"). Two outlets that give the same quote to the same person on two
 * different occasions disagree about its attribution. General English only.
 */
import { isContentWord, termKey, tokenize } from "../text";
import { memoByText } from "../text/memo";

/** Kinds of occasion a quote is given on. */
export type OccasionKind = "written" | "interview" | "court" | "chamber" | "press" | "speech";

/**
 * Words that name each kind of occasion, in the order they are tried: a statement "issued by the
 * council" is a written statement, not a council sitting; "told reporters at the hearing" is the hearing.
 */
const OCCASION_WORDS: [OccasionKind, RegExp][] = [
  ["written", /\b(?:statement|press release|letter|e-?mail(?:ed)?|wrote|writing|posted|post on|newsletter|blog post|social media)\b/i],
  ["interview", /\b(?:interview|podcast|on (?:the )?(?:radio|air))\b/i],
  ["court", /\b(?:from the dock|in court|told the (?:court|judge|jury)|at (?:his|her|their|the) (?:trial|sentencing))\b/i],
  ["chamber", /\b(?:question time|(?:during|in) (?:the|a|an) (?:[\p{L}'’-]+ ){0,2}debate|(?:at|during|in) (?:the|a|an) (?:[\p{L}'’-]+ ){0,2}hearing|(?:before|to|told|addressed|addressing) (?:the|a) (?:[\p{L}'’-]+ ){0,3}committee|public comment|(?:council|board|assembly|parliament|senate|cabinet) (?:meeting|session|sitting)|(?:told|addressed|addressing) (?:the )?(?:board|council|assembly|parliament|members|lawmakers|councillors|councilors|legislators|deputies|senators|shareholders))\b/iu],
  ["press", /\b(?:(?:news|press) conference|briefing|(?:told|telling|spoke to|spoke with|speaking to|speaking with|talking to|talked to|addressed) (?:the )?(?:reporters|journalists|press|media))\b/i],
  ["speech", /\b(?:speech|rally|sermon|keynote|address(?:ed|ing)? (?:the )?(?:crowd|rally|nation|supporters|conference|congress))\b/i],
];

/**
 * "said at X", "a briefing at X", "told reporters outside X": where the words were said, after a speech
 * verb or an occasion word (not any "at" of the sentence: "staying at the old ground"), up to the next
 * clause, time or place of a wider scale.
 */
const PLACE =
  /(?<=\b(?:said|says|say|saying|told|telling|spoke|speaking|speaks|added|declared|announced|remarks|conference|briefing|reporters|journalists|media|press|statement|interview|appearance|appearing|address(?:ed|ing)?)\b(?:\s+(?!at\b|outside\b|inside\b)[\p{L}'’]+){0,3}?)\s+(?:at|outside|inside)\s+((?:(?!\s(?:at|on|in|after|before|when|as|shortly|last|this|early|late|to|during|where|while)\b)[^,;.:!?"“”()])+)/giu;

/** Words of a place phrase that say when, not where ("at 2 p.m.", "at dawn", "at the weekend"). */
const TIME_WORD = /^(?:\d|afterwards?|later|earlier|then|again|noon|midnight|dawn|dusk|night|morning|afternoon|evening|weekend|end|start|beginning|time|moment|least|most|first|last|once|same|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|p\.?m|a\.?m)/i;
/** Words that make an "at ..." phrase an occasion rather than a place ("at a briefing", "at Wednesday's hearing"). */
const OCCASION_NOUN = new Set(["conference", "briefing", "meeting", "event", "session", "interview", "speech", "rally", "hearing", "debate", "gathering", "ceremony", "launch", "vigil", "summit", "forum"]);
/** Words a place phrase shares with any other without naming the place ("own", "news"). */
const NOT_PLACE = new Set(["own", "news", "press", ...OCCASION_NOUN]);

export interface Occasion {
  /** The kind of occasion, when the attribution names one. */
  kind: OccasionKind | null;
  /** Content words (term keys) of where it was said, when the attribution says. */
  place: string[];
  /** Where in the given text the occasion is named (first match), for the flag's span. */
  at: number;
}

/**
 * The occasion named in an attribution's words (quoted words already blanked out), or null when it
 * names neither a kind of occasion nor a place.
 */
export function findOccasion(attribution: string): Occasion | null {
  return readOccasion(attribution)[0] ?? null;
}

/**
 * findOccasion remembered by text: every quote of one sentence reads the same attribution words, and a
 * (hostile) sentence may hold thousands of quotes.
 */
const readOccasion = memoByText((attribution: string): Occasion[] => {
  const o = occasionIn(attribution);
  return o ? [o] : [];
});

function occasionIn(attribution: string): Occasion | null {
  let kind: OccasionKind | null = null;
  let at = -1;
  for (const [k, re] of OCCASION_WORDS) {
    const m = re.exec(attribution);
    if (m) {
      kind = k;
      at = m.index;
      break;
    }
  }
  const place = new Set<string>();
  for (const m of attribution.matchAll(PLACE)) {
    const words = tokenize(m[1]).map((t) => t.norm);
    if (!words.length || TIME_WORD.test(words[0].replace(/^(?:the|a|an)$/, "")) || (words.length > 1 && /^(?:the|a|an)$/.test(words[0]) && TIME_WORD.test(words[1]))) continue;
    // "reporters at an off-camera briefing": an occasion, not a place.
    if (words.some((w) => OCCASION_NOUN.has(w))) continue;
    for (const w of words) if (isContentWord(w) && !TIME_WORD.test(w) && !NOT_PLACE.has(w)) place.add(termKey(w));
    if (at < 0) at = m.index + m[0].length - m[1].length;
  }
  if (kind === null && place.size === 0) return null;
  return { kind, place: [...place], at: Math.max(0, at) };
}

/**
 * True when two occasions can be one: the same kind (or either unknown), and places that share a word
 * (or either unknown). Said "at a news conference at Harbour House" and "told reporters at Harbour House"
 * agree; "in a statement" and "during question time" do not, nor "at the count centre" and "at IPP
 * headquarters".
 */
export function occasionsAgree(a: Occasion, b: Occasion): boolean {
  if (a.kind && b.kind && a.kind !== b.kind) return false;
  if (a.place.length && b.place.length && !a.place.some((w) => b.place.includes(w))) return false;
  return true;
}
