/**
 * Does decoded text read as text? Random or binary bytes decoded with a
 * guessed single-byte charset always "succeed", so a guess is only kept when
 * the result looks like writing in some language: few control or replacement
 * characters, mostly letters, words spaced apart (unless the script writes
 * without spaces), and letter runs that stay in one script and follow the
 * case pattern of words (lower, Capitalised or UPPER). Real text in any
 * language passes; random bytes fail on every one of these.
 */

/** Characters judged; a longer text is judged by its start (the signals are dense, and the cost stays flat). */
const SAMPLE_CHARS = 100_000;
/** Share of control / replacement characters tolerated in text decoded from a declared or certain encoding. */
const MAX_ODD_SHARE_CERTAIN = 0.01;
/** The same for a guessed encoding, where a stray control character is a sign of a wrong guess. */
const MAX_ODD_SHARE_GUESSED = 0.005;
/** Letters (with their marks) among the characters that are not white space, for a guessed encoding. */
const MIN_LETTER_SHARE = 0.6;
/** White space among all characters, for a guessed encoding of a script that spaces its words. */
const MIN_SPACE_SHARE = 0.04;
/** Letter runs that must stay in one script and have the case pattern of a word, for a guessed encoding. */
const MIN_WORD_SHARE = 0.8;
/** Fewest words a text in a guessed encoding needs before it can be told from noise. */
const MIN_WORDS_GUESSED = 3;

/**
 * True for a character that does not occur in text: C0 controls other than
 * tab, line feed, vertical tab, form feed and carriage return; DEL; C1
 * controls; the replacement character; noncharacters U+FFFE/U+FFFF; lone surrogates.
 */
export function isOddChar(c: number): boolean {
  if (c < 0x20) return c < 0x09 || c > 0x0d;
  if (c < 0x7f) return false;
  if (c <= 0x9f) return true;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return c === 0xfffd || c === 0xfffe || c === 0xffff;
}

/** A coarse script class for a letter: enough to tell a word that mixes scripts (noise) from one that does not. */
function scriptOf(c: number): number {
  if (c < 0x250 || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2c60 && c < 0x2c80) || (c >= 0xa720 && c < 0xa800)) return 1; // Latin
  if ((c >= 0x370 && c < 0x400) || (c >= 0x1f00 && c < 0x2000)) return 2; // Greek
  if ((c >= 0x400 && c < 0x530) || (c >= 0x1c80 && c < 0x1c90) || (c >= 0x2de0 && c < 0x2e00) || (c >= 0xa640 && c < 0xa6a0)) return 3; // Cyrillic
  if ((c >= 0x590 && c < 0x600) || (c >= 0xfb1d && c < 0xfb50)) return 4; // Hebrew
  if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780) || (c >= 0x8a0 && c < 0x900) || (c >= 0xfb50 && c < 0xfe00) || (c >= 0xfe70 && c < 0xff00)) return 5; // Arabic
  if (isCjk(c)) return 6; // Han, kana, Hangul, written together in one run
  return 1000 + (c >> 7); // other scripts by their 128-character block (Devanagari, Thai, ...)
}

/** Han, kana, Hangul and full-width forms: scripts written without spaces between words. */
function isCjk(c: number): boolean {
  return (c >= 0x1100 && c < 0x1200) || (c >= 0x2e80 && c < 0xa000) || (c >= 0xac00 && c < 0xd7b0) || (c >= 0xf900 && c < 0xfb00) || (c >= 0xff00 && c < 0xfff0) || c >= 0x20000;
}

/** Scripts that write words without spaces, beyond CJK: Thai, Lao, Myanmar, Khmer. */
function isUnspaced(c: number): boolean {
  return isCjk(c) || (c >= 0x0e00 && c < 0x0f00) || (c >= 0x1000 && c < 0x10a0) || (c >= 0x1780 && c < 0x1800);
}

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const SPACE = /\s/u;

/** True when a run of letters reads as one word: one script, and lower / Capitalised / UPPER case. */
function wellFormed(word: string): boolean {
  let script = -1;
  let cased = 0;
  let uppers = 0;
  let upperInside = false;
  for (const ch of word) {
    if (MARK.test(ch)) continue;
    const s = scriptOf(ch.codePointAt(0)!);
    if (script === -1) script = s;
    else if (s !== script) return false;
    const upper = ch.toLowerCase() !== ch;
    const lower = !upper && ch.toUpperCase() !== ch;
    if (!upper && !lower) continue;
    if (upper) {
      uppers++;
      if (cased > 0) upperInside = true;
    }
    cased++;
  }
  // An upper-case letter after the first is fine only in a word that is all capitals.
  return !upperInside || uppers === cased;
}

/** Counts behind the judgement, for messages and tests. */
export interface TextSignals {
  chars: number;
  odd: number;
  letters: number;
  spaces: number;
  unspacedLetters: number;
  words: number;
  wellFormedWords: number;
}

/** Measures `text` (its first 100,000 characters). */
export function measureText(text: string): TextSignals {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const sig: TextSignals = { chars: 0, odd: 0, letters: 0, spaces: 0, unspacedLetters: 0, words: 0, wellFormedWords: 0 };
  let word = "";
  let wordLetters = 0;
  const endWord = () => {
    if (wordLetters >= 2) {
      sig.words++;
      if (wellFormed(word)) sig.wellFormedWords++;
    }
    word = "";
    wordLetters = 0;
  };
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    sig.chars++;
    if (c < 0x80) {
      // ASCII fast path: most text is mostly ASCII.
      const isLetter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
      if (isLetter) {
        sig.letters++;
        word += ch;
        wordLetters++;
        continue;
      }
      endWord();
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) sig.spaces++;
      else if (isOddChar(c)) sig.odd++;
      continue;
    }
    if (isOddChar(c)) {
      sig.odd++;
      endWord();
    } else if (LETTER.test(ch)) {
      sig.letters++;
      if (isUnspaced(c)) sig.unspacedLetters++;
      word += ch;
      wordLetters++;
    } else if (MARK.test(ch) && wordLetters > 0) {
      sig.letters++;
      word += ch;
    } else {
      endWord();
      if (SPACE.test(ch)) sig.spaces++;
    }
  }
  endWord();
  return sig;
}

const pct = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))}%`;

/**
 * Why `text` does not read as text, or null when it does. `guessed` is true
 * when its encoding was guessed (no BOM, no declaration, not UTF-8): then all
 * the word-shape signals apply; otherwise only the share of control and
 * replacement characters does.
 */
export function judgeText(text: string, guessed: boolean): string | null {
  const s = measureText(text);
  if (s.chars === 0) return null;
  const maxOdd = guessed ? MAX_ODD_SHARE_GUESSED : MAX_ODD_SHARE_CERTAIN;
  // Two stray characters are tolerated however short the text (a DOS end-of-file mark, say), never in a guess.
  if (s.odd > Math.max(guessed ? 0 : 2, s.chars * maxOdd)) return `${pct(s.odd, s.chars)} of its characters are control or undecodable characters`;
  if (!guessed) return null;
  if (s.words < MIN_WORDS_GUESSED) return "too little text to tell its character encoding";
  const nonSpace = s.chars - s.spaces;
  if (s.letters < nonSpace * MIN_LETTER_SHARE) return `only ${pct(s.letters, nonSpace)} of its characters are letters`;
  if (s.unspacedLetters < s.letters / 2 && s.spaces < s.chars * MIN_SPACE_SHARE) return "its letters are not spaced into words";
  if (s.wellFormedWords < s.words * MIN_WORD_SHARE) return `${pct(s.words - s.wellFormedWords, s.words)} of its words mix scripts or letter case`;
  return null;
}

/**
 * The text a reader would see in an HTML or XML document (tags, comments,
 * scripts and styles removed), so that markup does not count against or for
 * it. Linear: each construct is skipped with one forward search.
 */
export function visibleText(text: string): string {
  if (!text.includes("<")) return text;
  const out: string[] = [];
  let i = 0;
  const rawText = /^<(script|style)\b/i;
  const closers: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt < 0) {
      out.push(text.slice(i));
      break;
    }
    out.push(text.slice(i, lt), " ");
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    const raw = rawText.exec(text.slice(lt, lt + 8));
    const gt = text.indexOf(">", lt + 1);
    if (gt < 0) break;
    i = gt + 1;
    if (raw) {
      const closer = closers[raw[1].toLowerCase()];
      closer.lastIndex = i;
      const close = closer.exec(text);
      i = close ? close.index : text.length;
    }
  }
  return out.join("");
}
