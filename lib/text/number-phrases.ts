/**
 * Numbers written as several words ("twenty-five", "one hundred and twenty",
 * "twenty five") and ordinals ("fifth", "5th") meet their digits in quote
 * comparison: a number an outlet spells differently is the same word, not a
 * rewording. Single number words already meet digits through wordKey.
 */
import { numberWordValue } from "./facts";
import type { Token } from "./tokenize";

const TENS = new Set([20, 30, 40, 50, 60, 70, 80, 90]);

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
};

export interface FoldedNumbers {
  /** The keys with each number phrase's value on its first token ("25", ordinals as "5th"). */
  keys: string[];
  /** True for the later tokens of a phrase ("five" of "twenty-five", "th" of "5th"): the first token stands for them. */
  continuation: boolean[];
}

/** Only a hyphen or spaces between two words of one number ("twenty-five", "twenty five"). */
function joined(text: string, a: Token, b: Token): boolean {
  return /^(?:-|\s+)$/.test(text.slice(a.end, b.start));
}

/** A small cardinal word's value (one to ninety-nine words and "hundred" excluded), or null. */
function cardinal(t: Token): number | null {
  const v = numberWordValue(t.norm);
  return v !== null && t.norm !== "hundred" && t.norm !== "dozen" ? v : null;
}

/**
 * Folds the number phrases of `tokens` (of `text`, whose offsets they carry)
 * into their first token's key. `keys` are the tokens' wordKeys; they are not
 * changed in place.
 */
export function foldNumberPhrases(text: string, tokens: Token[], keys: string[]): FoldedNumbers {
  const out = keys.slice();
  const continuation = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // "5th", "21st": digits then a suffix token with nothing between.
    const next = tokens[i + 1];
    if (/^\d+$/.test(t.norm) && next && next.start === t.end && /^(?:st|nd|rd|th)$/.test(next.norm)) {
      out[i] = `${Number(t.norm)}th`;
      continuation[i + 1] = true;
      i++;
      continue;
    }
    const ord = Object.prototype.hasOwnProperty.call(ORDINALS, t.norm) ? ORDINALS[t.norm] : null;
    const head = cardinal(t);
    if (head === null && ord === null) continue;
    if (ord !== null) {
      out[i] = `${ord}th`;
      continue;
    }
    // Cardinal phrase: [units] hundred [and] [tens][-units] | tens[-units|-ordinal].
    let value = head!;
    let j = i;
    const at = (k: number) => tokens[k];
    if (at(j + 1) && at(j + 1).norm === "hundred" && value < 10 && joined(text, at(j), at(j + 1))) {
      value *= 100;
      j++;
      let k = j + 1;
      if (at(k) && at(k).norm === "and" && at(k + 1) && cardinal(at(k + 1)) !== null) k++;
      const rest = at(k) && joined(text, at(k - 1), at(k)) ? cardinal(at(k)) : null;
      if (rest !== null && rest < 100) {
        value += rest;
        j = k;
      }
    }
    let ordinal = false;
    const last = value % 100;
    if (TENS.has(last) && at(j + 1) && joined(text, at(j), at(j + 1))) {
      const unit = cardinal(at(j + 1));
      const unitOrd = ORDINALS[at(j + 1).norm];
      if (unit !== null && unit >= 1 && unit <= 9) {
        value += unit;
        j++;
      } else if (unitOrd !== undefined && unitOrd >= 1 && unitOrd <= 9) {
        value += unitOrd;
        ordinal = true;
        j++;
      }
    }
    if (j === i) continue;
    out[i] = ordinal ? `${value}th` : String(value);
    for (let k = i + 1; k <= j; k++) continuation[k] = true;
    i = j;
  }
  return { keys: out, continuation };
}
