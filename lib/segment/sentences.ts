/**
 * Sentence splitting inside one block. Rules-based because news prose is full
 * of abbreviations ("U.S.", "Mr.", "Sept."), initials, decimals and quotes that
 * close a sentence; a generic tokeniser splits those wrongly.
 */
import type { Span } from "../types";
import { isSpace } from "./lines";

/** Abbreviations that (almost) never end a sentence: titles, months, "No. 5". */
const ABBREV_NEVER_FINAL = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt",
  "cmdr", "adm", "maj", "cpl", "pvt", "st", "ste", "rev", "hon", "pres", "supt", "det", "insp", "fr", "messrs",
  "mme", "mlle", "vol", "vols", "fig", "figs", "art", "arts", "sec", "ch", "pp", "vs", "v", "ca", "approx", "dept",
  "ft", "mt", "ave", "blvd", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "univ", "assn", "bros", "gens", "govs", "reps", "sra", "sr", "srta", "nr", "nos", "op", "cf", "ed", "eds",
]);

/** Abbreviations that may end a sentence: split after them only when the next word is a typical sentence opener. */
const ABBREV_AMBIGUOUS = new Set(["inc", "co", "corp", "ltd", "jr", "etc", "al", "llc", "plc", "no"]);

/** Words that typically open a sentence; after an ambiguous abbreviation ("the U.S. The ...") they signal a boundary. */
const OPENERS = new Set([
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "in", "on", "at",
  "this", "that", "these", "those", "there", "his", "her", "their", "our", "its", "my", "as", "if", "when", "while",
  "after", "before", "however", "meanwhile", "still", "also", "then", "what", "why", "how", "who", "for", "to",
  "with", "from", "by", "since", "because", "although", "though", "many", "some", "most", "no", "not", "one",
  // A number that opens a sentence is spelled out (news style): "... by 8 a.m. Five women stayed".
  "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
  "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundreds", "thousands", "dozens", "both", "several",
  "all", "each", "every", "few",
]);

const TERMINAL_CHARS = ".!?…。！？";
const CLOSERS = `"”’'»)]›`;

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Lu}/u.test(ch);
}
function isLower(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Ll}/u.test(ch);
}

/** The token immediately before `pos` (letters, digits, dots, apostrophes, hyphens), e.g. "U.S" before the final dot. */
function tokenBefore(text: string, pos: number, floor: number): string {
  let s = pos;
  while (s > floor && /[\p{L}\p{N}.'’\-]/u.test(text[s - 1])) s--;
  return text.slice(s, pos);
}

function wordAt(text: string, pos: number, limit: number): string {
  const m = /^[\p{L}]+/u.exec(text.slice(pos, Math.min(limit, pos + 40)));
  return m ? m[0] : "";
}

/** Decide whether the terminal run text[i..j) followed by text[k] (first non-space) ends a sentence. */
function isBoundary(text: string, i: number, j: number, k: number, blockStart: number, blockEnd: number): boolean {
  const run = text.slice(i, j);
  if (/[。！？]/.test(run)) return true;
  const hasSpace = k > j;
  const next = text[k];
  const punct = run.replace(new RegExp(`[${CLOSERS.replace("]", "\\]")}]+$`), "");
  if (!hasSpace) {
    // "tensions.These": a lower-case word, a full stop and a capitalised word glued together.
    if (!/^[.!?]$/.test(punct) || run.length !== 1) return false;
    const before = tokenBefore(text, i, blockStart);
    if (!/^\p{Ll}{2,}$/u.test(before)) return false;
    if (ABBREV_NEVER_FINAL.has(before) || ABBREV_AMBIGUOUS.has(before)) return false;
    // a URL or file name ("cfr.org", "example.com/Path") is not a sentence end
    if (/[/@]/.test(text.slice(Math.max(blockStart, i - 30), i).split(/\s/).pop() ?? "")) return false;
    return isUpper(next) && isLower(text[k + 1]);
  }
  if (k >= blockEnd) return true;
  if (isLower(next)) return false;
  if (!(isUpper(next) || /[\p{N}"“‘'«‹„(\[–—¿¡]/u.test(next) || (/\p{L}/u.test(next) && !isLower(next)))) return false;
  if (punct === "." && !/[”"’'»)]/.test(run)) {
    const tok = tokenBefore(text, i, blockStart);
    const bare = tok.replace(/^['’]/, "").toLowerCase();
    if (/^\p{Lu}$/u.test(tok)) return false; // an initial: "J. R. R. Tolkien"
    const nextWord = wordAt(text, k, blockEnd).toLowerCase();
    if (bare === "no" && /\p{N}/u.test(next)) return false; // "No. 5"
    if (ABBREV_NEVER_FINAL.has(bare)) return false;
    if (ABBREV_AMBIGUOUS.has(bare) || /\p{L}\.\p{L}/u.test(tok)) {
      // "U.S." / "a.m." / "Inc.": a boundary only before a typical sentence opener
      return OPENERS.has(nextWord);
    }
  }
  return true;
}

/**
 * Split text[start, end) into sentence spans (trimmed of surrounding space).
 * Offsets are into `text` (the whole body).
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let sentStart = start;
  const push = (s: number, e: number) => {
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (!TERMINAL_CHARS.includes(ch)) {
      i++;
      continue;
    }
    // a decimal or a dotted number ("3.5", "17.08.2025") is not a boundary
    if (ch === "." && /\p{N}/u.test(text[i - 1] ?? "") && /\p{N}/u.test(text[i + 1] ?? "")) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && TERMINAL_CHARS.includes(text[j])) j++;
    while (j < end && CLOSERS.includes(text[j])) j++;
    let k = j;
    while (k < end && isSpace(text[k])) k++;
    if (isBoundary(text, i, j, k, start, end)) {
      push(sentStart, j);
      sentStart = j;
    }
    i = j;
  }
  push(sentStart, end);
  return out;
}
