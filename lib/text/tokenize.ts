/**
 * Word tokens with offsets into the raw text. Every comparison in Parallax runs
 * on tokens, and every token can point back at the exact characters it came from.
 */
import { foldText } from "./normalize";
import { stem } from "./stem";
import { isStopword } from "./stopwords";
import { canonicalTerm } from "./synonyms";
import { numberWordValue } from "./facts";

export interface Token {
  /** The characters as written. */
  raw: string;
  /** Folded form (lower case, no diacritics, ASCII apostrophe, possessive 's dropped). */
  norm: string;
  start: number;
  end: number;
}

// Numbers keep their thousands/decimal separators and a trailing percent sign;
// words keep inner apostrophes ("don't", "Zelenskyy's") but split on hyphens.
// Dotted acronyms ("I.R.S.", "U.S.") are one token so they meet their undotted spelling.
const TOKEN_RE = /(?:\p{L}\.){2,}(?!\p{L})|\p{N}+(?:[.,]\p{N}+)*%?|[\p{L}\p{M}]+(?:['\u2019\u02BC][\p{L}\p{M}]+)*/gu;

const ASCII_WORD = /^[A-Za-z0-9.,%']+$/;
const DOTTED = /^(?:\p{L}\.){2,}$/u;

/** Splits `text` into word tokens with [start, end) offsets relative to `text` plus `offset`. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    // Plain ASCII words (most of them) only need lower-casing; the full fold is for the rest.
    let norm = ASCII_WORD.test(m[0]) ? m[0].toLowerCase() : foldText(m[0]);
    // Only a dotted acronym needs its dots dropped (a cheap test first: most tokens have none).
    if (norm.includes(".") && DOTTED.test(norm)) norm = norm.replace(/\./g, "");
    if (norm.length > 3 && norm.endsWith("'s")) norm = norm.slice(0, -2);
    out.push({ raw: m[0], norm, start: m.index + offset, end: m.index + m[0].length + offset });
  }
  return out;
}

// British → American spellings and other orthographic variants, by rule: quote
// comparison must not call "defence"/"defense" or "favour"/"favor" a rewording.
const SPELLING_RULES: [RegExp, string][] = [
  [/^(.{3,})our(s|ed|ing|ite|ites|able)?$/, "$1or$2"],
  [/^(.{3,})is(e|es|ed|ing|ation|ations)$/, "$1iz$2"],
  [/^(.{2,})ys(e|es|ed|ing)$/, "$1yz$2"],
  [/^(.{3,})tre(s)?$/, "$1ter$2"],
  [/^(.{3,}[aeiou])ll(ed|ing|er|ers)$/, "$1l$2"],
  [/^(.{3,})ogue(s)?$/, "$1og$2"],
  [/^(def|off|lic|pret)ence(s)?$/, "$1ense$2"],
];

/**
 * The key two tokens must share to count as the same word in a quote:
 * number words and digits meet ("five" = "5"), apostrophes and separators are
 * dropped, British and American spellings meet.
 */
export function wordKey(norm: string): string {
  const n = numberWordValue(norm);
  if (n !== null) return String(n);
  let w = norm.replace(/'/g, "");
  if (/^[\d.,]+%?$/.test(w)) {
    const v = Number(w.replace(/%$/, "").replace(/,/g, ""));
    return Number.isFinite(v) ? String(v) + (w.endsWith("%") ? "%" : "") : w;
  }
  for (const [re, repl] of SPELLING_RULES) {
    if (re.test(w)) {
      w = w.replace(re, repl);
      break;
    }
  }
  return w;
}

// Stemming dominates tokenisation time and news vocabulary repeats: memoise, bounded.
const TERM_MEMO = new Map<string, string>();
const MEMO_MAX = 100_000;

/** The key used for support and grouping: spelling-folded, stemmed, synonyms merged. */
export function termKey(norm: string): string {
  let k = TERM_MEMO.get(norm);
  if (k === undefined) {
    if (TERM_MEMO.size >= MEMO_MAX) TERM_MEMO.clear();
    k = computeTermKey(norm);
    TERM_MEMO.set(norm, k);
  }
  return k;
}

function computeTermKey(norm: string): string {
  const syn = canonicalTerm(norm);
  if (syn) return syn;
  const k = wordKey(norm);
  if (/^\d/.test(k)) return k;
  return stem(k);
}

/** True when a folded token carries content (not a function word, not a lone letter). */
export function isContentWord(norm: string): boolean {
  return norm.length > 1 && !isStopword(norm) && !isStopword(norm.replace(/'/g, ""));
}

/** Content terms (stems, synonyms merged) of a text, in order, duplicates kept. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (isContentWord(t.norm)) out.push(termKey(t.norm));
  return out;
}
