/**
 * The one comparison key for speakers. Quote extraction stores it on every
 * quote, the classifiers compare quotes across outlets with it and the PolNeAR
 * evaluation scores speakers with it, so "Mr. Witkoff", "Steve Witkoff’s" and
 * "Witkoff, the envoy" must all land on the same key.
 */
import { foldText } from "./normalize";

/** Titles and honorifics that are never the head of a speaker phrase when a name follows them. */
const TITLE_WORDS = new Set([
  "mr", "mrs", "ms", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "gen", "sen", "rep", "gov",
  "lt", "col", "maj", "capt", "sgt", "adm", "st", "president", "senator", "governor", "mayor", "secretary", "minister",
  "representative", "congressman", "congresswoman", "judge", "justice", "ambassador", "chairman", "chairwoman",
  "speaker", "general", "director", "vice", "former", "state",
]);

/** Generational suffixes: "Martin Luther King Jr." is keyed on "king". */
const SUFFIX = /^(jr|sr|ii|iii|iv)$/;

/** Adjectives that take a complement after a head noun ("close to", "familiar with"). */
const COMPLEMENT_ADJ = /^(close|closest|familiar|loyal|opposed|allied|connected|linked|tied|near)$/;

/** Words that open a modifier after the head ("Kasich of Ohio", "a spokesman for the campaign", "Bennett, who"). */
const POST_MODIFIER = /^(of|for|at|from|with|in|on|to|who|which|whose|that|and|representing)$/;

/**
 * Comparison key of a speaker mention: the head of the phrase, folded.
 * For a name that is the surname ("Mr. Steve Witkoff’s" → "witkoff"); for a
 * descriptive speaker the head noun ("a senior official in the ministry" →
 * "official"). Appositions and post-modifiers after the head are dropped
 * ("Witkoff, the envoy" and "Gov. John Kasich of Ohio" key on the person),
 * except when only titles precede the "of" ("Secretary of State John Kerry").
 * Returns "" for an empty mention.
 */
/** Words that open a noun phrase without naming anyone. */
const DETERMINERS = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"]);

export function speakerKeyOf(name: string): string {
  // the apposition after a comma describes the head in front of it
  const head = foldText(name).split(/[,(;:]/)[0];
  let words = head
    .replace(/'s\b|'$/g, "")
    .split(/[^\p{L}\p{N}'.-]+/u)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, "").replace(/'/g, ""))
    .filter(Boolean);
  const cut = words.findIndex((w, i) => i > 0 && POST_MODIFIER.test(w));
  // "Secretary of State John Kerry": titles before "of" and a name after it; the name is the head
  if (cut > 0 && !(words.slice(0, cut).every((w) => TITLE_WORDS.has(w)) && /^\p{Lu}/u.test(lastWordOf(name)))) words = words.slice(0, cut);
  // "people familiar with the talks", "a source close to the team": the adjective belongs to the modifier too
  while (words.length > 1 && COMPLEMENT_ADJ.test(words[words.length - 1])) words.pop();
  while (words.length > 1 && SUFFIX.test(words[words.length - 1])) words.pop();
  // "the judge", "her spokesman": a determiner is never the head, the role is
  words = words.filter((w, i) => !(i < words.length - 1 && DETERMINERS.has(w)));
  const named = words.filter((w) => !TITLE_WORDS.has(w));
  const last = (named.length > 0 ? named : words)[(named.length > 0 ? named : words).length - 1] ?? "";
  // "Zelenskyy" / "Zelensky": transliteration doubles a final y
  return last.replace(/yy$/, "y");
}

function lastWordOf(s: string): string {
  const ws = s.trim().split(/\s+/);
  return ws[ws.length - 1] ?? "";
}
