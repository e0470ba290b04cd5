/**
 * Text normalisation shared by every comparison: Unicode compatibility forms,
 * folded diacritics, lower case, one apostrophe and one double-quote mark, so
 * "Zelenskyy’s" and "zelenskyy's" compare equal while offsets stay on the raw body.
 */

const QUOTE_MARKS = /[\u2018\u2019\u201A\u201B\u2032\u02BC`´]/g;
const DOUBLE_MARKS = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u2039\u203A]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

// Letters that do not decompose under NFD but are read as a base letter plus a mark.
const FOLD_LETTERS: Record<string, string> = { ø: "o", Ø: "O", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ß: "ss", ł: "l", Ł: "L", đ: "d", Đ: "D", ı: "i", þ: "th", ð: "d" };
const FOLD_RE = /[øØæÆœŒßłŁđĐıþð]/g;

const PLAIN_ASCII = /^[\x00-\x5f\x61-\x7f]*$/;

/** NFKC, diacritics removed, lower-cased, typographic apostrophes/quotes/dashes made ASCII. */
export function foldText(s: string): string {
  // Plain ASCII (backtick aside) is unchanged by every step but lower-casing: skip the chain.
  if (PLAIN_ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize("NFKC")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(FOLD_RE, (c) => FOLD_LETTERS[c] ?? c)
    .replace(QUOTE_MARKS, "'")
    .replace(DOUBLE_MARKS, '"')
    .replace(DASHES, "-")
    .toLowerCase()
    .normalize("NFC");
}

/** Collapses runs of whitespace to one space and trims: the form fingerprints hash. */
export function squashSpaces(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Folded text with punctuation dropped and spaces squashed: equality modulo typography. */
export function normalizeForFingerprint(s: string): string {
  return squashSpaces(foldText(s).replace(/[^\p{L}\p{N}\s]+/gu, " "));
}
