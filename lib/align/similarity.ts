/**
 * Sentence-pair similarity: does sentence `a` say what sentence `b` says?
 *
 * Word overlap alone cannot tell a rewording from a sentence that shares the topic
 * but changes a figure, a name or a clause, so this measures several things at
 * once (stem and bigram overlap both ways, character n-grams, synonyms, numbers,
 * names, order, length, unmatched content words) and `scoreSupport` combines them
 * with a logistic model fitted by scripts/fit-support.ts (weights in support-weights.ts).
 *
 * The model is fitted on MRPC, whose pairs always share a topic: the score tells
 * a restatement from a same-topic sentence that adds, drops or changes
 * something. It is meant for candidate pairs that already share content words;
 * inputs outside the training range are clamped, so unrelated pairs score low.
 *
 * Pure and deterministic. It is called on many sentence pairs, so it works on
 * interned integer ids, keeps prepared sentences by text (bounded) and reuses
 * scratch buffers; none of that changes a result.
 */
import { extractNumbers, isContentWord, stem, termKey, tokenize, wordKey } from "../text";
import { SUPPORT_MODEL } from "./support-weights";

/** Every measure of one sentence pair. "a→b" shares are of `a`'s units found in `b`. */
export interface SimilarityFeatures {
  /** Tokens in a and in b. */
  lengthA: number;
  lengthB: number;
  /** Share of a's word stems found in b (multiset, clipped counts). */
  unigramPrecision: number;
  /** Share of b's word stems found in a. */
  unigramRecall: number;
  /** Harmonic mean of the two. */
  unigramF: number;
  /** The same for adjacent stem pairs: word order and phrasing. */
  bigramPrecision: number;
  bigramRecall: number;
  bigramF: number;
  /** BLEU-like: geometric mean of a's 1..4-gram stem precisions against b (add-one smoothed), and of b's against a. */
  bleuAB: number;
  bleuBA: number;
  /** chrF-like F-score of character 1..4-grams of the folded words (spaces dropped): catches inflections and compounds stems miss. */
  charF: number;
  /** F-score of content words with stems and synonyms merged (canonicalTerm), function words ignored. */
  synonymF: number;
  /** Content words (synonyms merged) of a with no counterpart in b, and of b in a. */
  contentUnmatchedA: number;
  contentUnmatchedB: number;
  /** Letters of a's unmatched content words over all of a's word letters (long, rare words weigh more), and the same for b. */
  unmatchedShareA: number;
  unmatchedShareB: number;
  /** Numbers (value and unit, scale words applied) mentioned in one sentence and not the other, both ways. */
  numbersUnmatched: number;
  /** 1 when both sentences carry figures and every figure of each is in the other. */
  numbersAgree: number;
  /** Capitalised words (names; not the sentence's first word) of one sentence absent from the other, both ways. */
  namesUnmatched: number;
  /** 1 when the sentences carry a different number of negations ("not", "never", "n't"...). */
  negationMismatch: number;
  /** Shorter over longer token count. */
  lengthRatio: number;
  /** Longest common subsequence of stems, as an F-score (2·LCS / (|a| + |b|)): shared words in the same order. */
  lcsF: number;
}

/**
 * A fitted logistic model over `supportTerms`: the input range seen in training,
 * per-term standardisation (mean, scale), weights on the standardised terms,
 * bias, and the decision threshold.
 */
export interface SupportModel {
  /** Term names, in the order of `SUPPORT_TERMS` (the weights follow this order). */
  terms: readonly string[];
  /**
   * Smallest and largest value of each input (`SUPPORT_INPUTS` order) in the
   * training data. Inputs are clamped to this range before the products are
   * formed: a quadratic model must not extrapolate (training pairs were all on
   * one topic; real pairs can be unrelated, or a sentence against a paragraph).
   */
  inputMin: readonly number[];
  inputMax: readonly number[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  /** Score at or above which a pair counts as "same meaning". */
  threshold: number;
}

/**
 * The model's inputs, one per family of measures (the other members of a family,
 * e.g. unigramF next to unigramMin, add nothing in cross-validation and only make
 * the weights unstable). Symmetric in a and b: paraphrase has no direction.
 */
export const SUPPORT_INPUTS = [
  "unigramMin",
  "bigramF",
  "bleuMax",
  "charF",
  "synonymF",
  "lcsF",
  "contentUnmatchedMin",
  "contentUnmatchedMax",
  "unmatchedShareMin",
  "numbersUnmatched",
  "namesUnmatched",
  "negationMismatch",
] as const;

/**
 * The model's input vector for one pair, in `SUPPORT_INPUTS` order. Directional
 * shares become min (the less-covered side) or max; counts are damped with log1p
 * so one long sentence does not dominate.
 */
export function supportInputs(f: SimilarityFeatures): number[] {
  return [
    Math.min(f.unigramPrecision, f.unigramRecall),
    f.bigramF,
    Math.max(f.bleuAB, f.bleuBA),
    f.charF,
    f.synonymF,
    f.lcsF,
    Math.log1p(Math.min(f.contentUnmatchedA, f.contentUnmatchedB)),
    Math.log1p(Math.max(f.contentUnmatchedA, f.contentUnmatchedB)),
    Math.min(f.unmatchedShareA, f.unmatchedShareB),
    Math.log1p(f.numbersUnmatched),
    Math.log1p(f.namesUnmatched),
    f.negationMismatch,
  ];
}

/**
 * Names of the model terms: every input, then every product of two inputs
 * (squares included). A purely additive model must weigh each measure the same
 * whatever the others say; the products lift the cross-validated accuracy by
 * about one point (76.8% → 77.9% on MRPC), and L2 regularisation keeps them small.
 */
export const SUPPORT_TERMS: readonly string[] = (() => {
  const names: string[] = [...SUPPORT_INPUTS];
  for (let i = 0; i < SUPPORT_INPUTS.length; i++)
    for (let j = i; j < SUPPORT_INPUTS.length; j++) names.push(`${SUPPORT_INPUTS[i]}*${SUPPORT_INPUTS[j]}`);
  return names;
})();

/**
 * The model's term vector for an input vector (`supportInputs`): the inputs,
 * clamped to [min, max] when given, then every product of two of them, in
 * `SUPPORT_TERMS` order.
 */
export function supportTerms(inputs: readonly number[], min?: readonly number[], max?: readonly number[]): number[] {
  const x = inputs.slice();
  if (min && max) for (let i = 0; i < x.length; i++) x[i] = Math.min(max[i], Math.max(min[i], x[i]));
  const out = x.slice();
  for (let i = 0; i < x.length; i++) for (let j = i; j < x.length; j++) out.push(x[i] * x[j]);
  return out;
}

/** Logistic score (0..1) of one input vector (`supportInputs`) under `model`. */
export function scoreInputs(inputs: readonly number[], model: SupportModel = SUPPORT_MODEL): number {
  const d = inputs.length;
  if (model.weights.length !== d + (d * (d + 1)) / 2) {
    throw new Error(`support model has ${model.weights.length} weights for ${d} inputs: refit with scripts/fit-support.ts --write`);
  }
  // The same terms as supportTerms, summed as they are formed (no arrays: this runs once per pair).
  const x = CLAMPED.length >= d ? CLAMPED : (CLAMPED = new Float64Array(d));
  for (let i = 0; i < d; i++) x[i] = Math.min(model.inputMax[i], Math.max(model.inputMin[i], inputs[i]));
  const { weights, mean, scale } = model;
  let z = model.bias;
  let t = 0;
  for (let i = 0; i < d; i++, t++) z += weights[t] * ((x[i] - mean[t]) / scale[t]);
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++, t++) z += weights[t] * ((x[i] * x[j] - mean[t]) / scale[t]);
  return 1 / (1 + Math.exp(-z));
}
let CLAMPED = new Float64Array(16);

/**
 * Probability (0..1) that the two sentences of `features` say the same thing,
 * from a logistic model (default: the committed fit on MRPC, support-weights.ts).
 * Compare with `model.threshold` for a yes/no decision.
 */
export function scoreSupport(features: SimilarityFeatures, model: SupportModel = SUPPORT_MODEL): number {
  return scoreInputs(supportInputs(features), model);
}

// ---------------------------------------------------------------------------
// Preparation: tokens to interned ids. News vocabulary repeats, so the word →
// ids memo saves the stemming; it is bounded and only cleared between calls.

interface WordIds {
  stem: number;
  term: number;
  content: boolean;
}

const MEMO_MAX = 200_000;
const WORDS = new Map<string, WordIds>();
const IDS = new Map<string, number>();

function intern(key: string): number {
  let id = IDS.get(key);
  if (id === undefined) {
    id = IDS.size + 1;
    IDS.set(key, id);
  }
  return id;
}

function wordIds(norm: string): WordIds {
  let w = WORDS.get(norm);
  if (w === undefined) {
    const k = wordKey(norm);
    // Stems without synonyms for the plain overlaps; termKey (stems + synonyms) for synonymF.
    const s = /^\d/.test(k) ? k : stem(k);
    w = { stem: intern(s), term: intern("\u0001" + termKey(norm)), content: isContentWord(norm) };
    WORDS.set(norm, w);
  }
  return w;
}

// Negation words: a dropped "not" flips the meaning however much else is shared.
const NEGATIONS = new Set(["not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "without", "cannot"]);

// Words that can start a spelled-out figure for extractNumbers (the others need a digit).
const NUMBER_WORDS = new Set(
  ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen " +
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen").split(" "),
);

/** One sentence, ready for comparison. Built once per distinct text (see `prepared`). */
interface Prepared {
  /** Stem id per token. */
  stems: number[];
  /** Per token: a content word (not a function word). */
  content: boolean[];
  /** Per token: letters in the folded word. */
  letters: number[];
  /** Letters of all words. */
  totalLetters: number;
  /** Content terms (synonyms merged), duplicates kept. */
  terms: number[];
  /** Folded words of capitalised non-initial content tokens. */
  caps: string[];
  norms: Set<string>;
  /** Character counts (by 6-bit code) of the folded words joined without spaces. */
  chars: number[];
  /** Character 2..CHAR_N-grams of the same, as sorted codes (code * 8 + n). */
  grams: number[];
  /** Number of n-grams per order n (index n). */
  gramCounts: number[];
  numbers: string[];
  negations: number;
}

interface Word {
  norm: string;
  /** First character is an upper-case letter. */
  capital: boolean;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The words of `text`, exactly as lib/text `tokenize` folds them (its norms),
 * with a hand-written scanner for plain-ASCII text: the regex tokenizer is the
 * dearest step of a comparison. Other text goes through `tokenize` itself.
 */
function words(text: string): Word[] {
  const out: Word[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) > 127) {
      for (const t of tokenize(text)) {
        const c = t.raw[0];
        out.push({ norm: t.norm, capital: c !== c.toLowerCase() && c === c.toUpperCase() });
      }
      return out;
    }
  }
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      // Dotted acronym ("U.S."): two or more letter-dot pairs not followed by a letter; the dots are dropped.
      let k = 0;
      let j = i;
      while (j + 1 < n && isLetter(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) {
        k++;
        j += 2;
      }
      if (k >= 2 && !(j < n && isLetter(text.charCodeAt(j)))) {
        out.push({ norm: text.slice(i, j).replace(/\./g, "").toLowerCase(), capital: c <= 90 });
        i = j;
        continue;
      }
      // Letters, with inner apostrophes ("don't").
      j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isLetter(d)) j++;
        else if (d === 39 && j + 1 < n && isLetter(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      let norm = text.slice(i, j).toLowerCase();
      if (norm.length > 3 && norm.endsWith("'s")) norm = norm.slice(0, -2);
      out.push({ norm, capital: c <= 90 });
      i = j;
    } else if (isDigit(c)) {
      // Digits with inner separators ("6,000,000", "2.5") and a trailing percent sign.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isDigit(d)) j++;
        else if ((d === 44 || d === 46) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      if (j < n && text.charCodeAt(j) === 37) j++;
      out.push({ norm: text.slice(i, j), capital: false });
      i = j;
    } else i++;
  }
  return out;
}

function charCode6(c: number): number {
  if (c >= 97 && c <= 122) return c - 96; // a-z → 1..26
  if (c >= 48 && c <= 57) return c - 21; // 0-9 → 27..36
  return 37 + (c % 27); // anything else: folded into 37..63
}

// Scratch buffers, reused by every call (typed arrays are dear to allocate).
let CODES = new Int32Array(1024);
let GRAMS = new Int32Array(4096);

function prepare(text: string): Prepared {
  const toks = words(text);
  const len = toks.length;
  // Plain arrays for the per-token data: small typed arrays cost more to allocate than they save.
  const stems: number[] = [];
  const content: boolean[] = [];
  const letters: number[] = [];
  const terms: number[] = [];
  const caps: string[] = [];
  const norms = new Set<string>();
  let L = 0;
  let negations = 0;
  let maybeNumber = false;
  // The folded words are never longer than the text.
  if (CODES.length < text.length) CODES = new Int32Array(2 * text.length);
  const codes = CODES;
  for (let i = 0; i < len; i++) {
    const t = toks[i];
    const norm = t.norm;
    const ids = wordIds(norm);
    stems.push(ids.stem);
    content.push(ids.content);
    letters.push(norm.length);
    if (ids.content) terms.push(ids.term);
    norms.add(norm);
    // Character codes of the folded words, run together (chrF ignores spaces).
    for (let c = 0; c < norm.length; c++) codes[L++] = charCode6(norm.charCodeAt(c));
    if (NEGATIONS.has(norm) || norm.endsWith("n't")) negations++;
    // Capitalised and not the first word: a name (sentence-initial capitals say nothing).
    if (i > 0 && ids.content && t.capital) caps.push(norm);
    if (!maybeNumber && (isDigit(norm.charCodeAt(0)) || NUMBER_WORDS.has(norm))) maybeNumber = true;
  }
  // The figure regex is dear; most sentences have no digit and no number word.
  const numbers: string[] = [];
  if (maybeNumber) for (const m of extractNumbers(text)) numbers.push(m.value + m.unit);

  const gramCounts: number[] = [0];
  let total = 0;
  for (let g = 1; g <= CHAR_N; g++) {
    gramCounts.push(Math.max(0, L - g + 1));
    total += gramCounts[g];
  }
  if (GRAMS.length < total) GRAMS = new Int32Array(2 * total);
  const scratch = GRAMS;
  // Single characters are counted in 64 bins; only longer grams need the sort.
  const chars: number[] = new Array(64).fill(0);
  let k = 0;
  for (let i = 0; i < L; i++) {
    let code = codes[i];
    chars[code]++;
    // 6 bits a character, 4 characters at most, times 8 for the order: below 2^27, exact in an int.
    for (let g = 2; g <= CHAR_N && i + g <= L; g++) {
      code = code * 64 + codes[i + g - 1];
      scratch[k++] = code * 8 + g;
    }
  }
  scratch.subarray(0, k).sort();
  const grams: number[] = new Array(k);
  for (let i = 0; i < k; i++) grams[i] = scratch[i];
  return { stems, content, letters, totalLetters: L, terms, caps, norms, chars, grams, gramCounts, numbers, negations };
}

// Sentences recur across the pairs of a story (each sentence of one article meets
// every sentence of another), so prepared sentences are kept by text, bounded.
const PREPARED_MAX = 4096;
const PREPARED = new Map<string, Prepared>();

function prepared(text: string): Prepared {
  let p = PREPARED.get(text);
  if (p === undefined) {
    p = prepare(text);
    PREPARED.set(text, p);
  }
  return p;
}

// ---------------------------------------------------------------------------
// Measures.

let ROW_RUN = new Int32Array(256);
let ROW_PREV = new Int32Array(256);
let ROW_LCS = new Int32Array(256);
let CELLS = new Int32Array(3 * 1024);
let USED = new Uint8Array(256);

/**
 * Clipped n-gram matches of the stem sequences for n = 1..4 (matches[n]) and
 * their longest common subsequence, in one pass over the token grid: the
 * n-grams ending at a[i] and b[j] are equal exactly when the common run of equal
 * tokens ending there is at least n long. Only the cells where tokens are equal
 * (few) are kept for the per-order pairing.
 */
function sequenceMatches(a: number[], b: number[]): { matches: number[]; lcs: number } {
  const n = a.length;
  const m = b.length;
  if (ROW_RUN.length < m + 1) {
    ROW_RUN = new Int32Array(2 * m + 2);
    ROW_PREV = new Int32Array(2 * m + 2);
    ROW_LCS = new Int32Array(2 * m + 2);
  }
  if (USED.length < m + 1) USED = new Uint8Array(2 * m + 2);
  let run = ROW_RUN;
  let prev = ROW_PREV;
  const lcsRow = ROW_LCS;
  let cells = CELLS;
  prev.fill(0, 0, m + 1);
  lcsRow.fill(0, 0, m + 1);
  let nc = 0;
  for (let i = 1; i <= n; i++) {
    const x = a[i - 1];
    let diag = 0;
    run[0] = 0;
    for (let j = 1; j <= m; j++) {
      const up = lcsRow[j];
      if (b[j - 1] === x) {
        const v = prev[j - 1] + 1;
        run[j] = v;
        // Equal-token cells are few for sentences; grow only when a pair needs it.
        if (nc + 3 > cells.length) {
          const grown = new Int32Array(2 * cells.length);
          grown.set(cells);
          cells = CELLS = grown;
        }
        cells[nc++] = i;
        cells[nc++] = j;
        cells[nc++] = v;
        lcsRow[j] = diag + 1;
      } else {
        run[j] = 0;
        const left = lcsRow[j - 1];
        lcsRow[j] = up > left ? up : left;
      }
      diag = up;
    }
    const t = prev;
    prev = run;
    run = t;
  }
  const matches = [0, 0, 0, 0, 0];
  for (let order = 1; order <= 4; order++) {
    // Each position of a takes the first unused equal n-gram of b. Greedy pairing
    // is exact for clipped counts: equal n-grams are interchangeable.
    USED.fill(0, 0, m + 1);
    let k = 0;
    let lastI = -1;
    for (let c = 0; c < nc; c += 3) {
      const i = cells[c];
      const j = cells[c + 1];
      if (i !== lastI && cells[c + 2] >= order && USED[j] === 0) {
        USED[j] = 1;
        k++;
        lastI = i;
      }
    }
    matches[order] = k;
  }
  return { matches, lcs: n && m ? lcsRow[m] : 0 };
}

/** Clipped multiset matches of two id arrays (each element of b used at most once). */
function countMatches(a: number[], b: number[]): number {
  if (USED.length < b.length) USED = new Uint8Array(2 * b.length);
  USED.fill(0, 0, b.length);
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    for (let j = 0; j < b.length; j++) {
      if (USED[j] === 0 && b[j] === x) {
        USED[j] = 1;
        k++;
        break;
      }
    }
  }
  return k;
}

function fScore(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** Geometric mean of add-one-smoothed 1..4-gram precisions of a sequence of `len` tokens. */
function bleuLike(matches: number[], len: number): number {
  let logSum = 0;
  for (let n = 1; n <= 4; n++) {
    const grams = Math.max(0, len - n + 1);
    logSum += Math.log((matches[n] + 1) / (grams + 1));
  }
  return Math.exp(logSum / 4);
}

// chrF over character 1..CHAR_N-grams: single characters by their counts, and
// a merge of the two sorted arrays of longer grams counts the clipped matches
// of every other order in one pass.
const CHAR_N = 4;

function charF(a: Prepared, b: Prepared): number {
  if (a.totalLetters === 0 || b.totalLetters === 0) return a.totalLetters === b.totalLetters ? 1 : 0;
  const ga = a.grams;
  const gb = b.grams;
  const matched = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let c = 0; c < 64; c++) matched[1] += Math.min(a.chars[c], b.chars[c]);
  let i = 0;
  let j = 0;
  while (i < ga.length && j < gb.length) {
    const x = ga[i];
    const y = gb[j];
    if (x === y) {
      matched[x & 7]++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  let p = 0;
  let r = 0;
  let orders = 0;
  for (let n = 1; n <= CHAR_N; n++) {
    const na = a.gramCounts[n];
    const nb = b.gramCounts[n];
    if (na <= 0 || nb <= 0) break;
    p += matched[n] / na;
    r += matched[n] / nb;
    orders++;
  }
  return orders ? fScore(p / orders, r / orders) : 0;
}

/** Distinct values of `a` absent from `b`. */
function unmatchedValues(a: string[], b: string[]): number {
  let k = 0;
  for (let i = 0; i < a.length; i++) if (!b.includes(a[i]) && a.indexOf(a[i]) === i) k++;
  return k;
}

/** Distinct ids of `a` absent from `b`. */
function unmatchedIds(a: number[], b: number[]): number {
  let k = 0;
  for (let i = 0; i < a.length; i++) if (!b.includes(a[i]) && a.indexOf(a[i]) === i) k++;
  return k;
}

/** Letters of p's content words whose stem is absent from q, over all of p's word letters. */
function unmatchedShare(p: Prepared, q: Prepared): number {
  if (p.totalLetters === 0) return 0;
  let k = 0;
  for (let i = 0; i < p.stems.length; i++) if (p.content[i] && !q.stems.includes(p.stems[i])) k += p.letters[i];
  return k / p.totalLetters;
}

/** Capitalised words of p (distinct) that q does not contain in any case. */
function unmatchedNames(p: Prepared, q: Prepared): number {
  let k = 0;
  for (let i = 0; i < p.caps.length; i++) if (!q.norms.has(p.caps[i]) && p.caps.indexOf(p.caps[i]) === i) k++;
  return k;
}

/** Every similarity measure of the sentence pair (a, b); see `SimilarityFeatures`. */
export function measureSimilarity(a: string, b: string): SimilarityFeatures {
  // Ids are only renumbered between calls, and prepared sentences go with them.
  if (IDS.size > MEMO_MAX || PREPARED.size > PREPARED_MAX) {
    if (IDS.size > MEMO_MAX) {
      IDS.clear();
      WORDS.clear();
    }
    PREPARED.clear();
  }
  const pa = prepared(a);
  const pb = prepared(b);
  const la = pa.stems.length;
  const lb = pb.stems.length;

  const { matches, lcs } = sequenceMatches(pa.stems, pb.stems);
  const unigramPrecision = la ? matches[1] / la : 0;
  const unigramRecall = lb ? matches[1] / lb : 0;
  const bigramPrecision = la > 1 ? matches[2] / (la - 1) : 0;
  const bigramRecall = lb > 1 ? matches[2] / (lb - 1) : 0;

  const syn = countMatches(pa.terms, pb.terms);
  const synP = pa.terms.length ? syn / pa.terms.length : 0;
  const synR = pb.terms.length ? syn / pb.terms.length : 0;

  const numbersUnmatched = unmatchedValues(pa.numbers, pb.numbers) + unmatchedValues(pb.numbers, pa.numbers);

  return {
    lengthA: la,
    lengthB: lb,
    unigramPrecision,
    unigramRecall,
    unigramF: fScore(unigramPrecision, unigramRecall),
    bigramPrecision,
    bigramRecall,
    bigramF: fScore(bigramPrecision, bigramRecall),
    bleuAB: bleuLike(matches, la),
    bleuBA: bleuLike(matches, lb),
    charF: charF(pa, pb),
    synonymF: fScore(synP, synR),
    contentUnmatchedA: unmatchedIds(pa.terms, pb.terms),
    contentUnmatchedB: unmatchedIds(pb.terms, pa.terms),
    unmatchedShareA: unmatchedShare(pa, pb),
    unmatchedShareB: unmatchedShare(pb, pa),
    numbersUnmatched,
    numbersAgree: pa.numbers.length > 0 && pb.numbers.length > 0 && numbersUnmatched === 0 ? 1 : 0,
    namesUnmatched: unmatchedNames(pa, pb) + unmatchedNames(pb, pa),
    negationMismatch: pa.negations !== pb.negations ? 1 : 0,
    lengthRatio: la + lb ? Math.min(la, lb) / Math.max(la, lb) : 1,
    lcsF: la + lb ? (2 * lcs) / (la + lb) : 1,
  };
}
