/**
 * Checkable facts inside a sentence: numbers (with their scale, so "6 million"
 * equals "6,000,000" and "five" equals "5"), dates (weekdays, months, years)
 * and proper names. fact_conflict compares these between aligned statements.
 */
import { foldText } from "./normalize";
import { memoByText } from "./memo";
import { speakerKeyOf } from "./speaker";

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12,
};
const SCALE: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12,
  bn: 1e9, m: 1e6, k: 1e3, mn: 1e6, dozen: 12, dozens: 12,
};
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
export const MONTHS = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];
const MONTH_ABBR: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};

/** A month name or abbreviation ending the text ("May ", "Sept. "). */
const MONTH_BEFORE = new RegExp(`\\b(?:${[...MONTHS, ...Object.keys(MONTH_ABBR)].join("|")})\\.?\\s*$`, "i");

/** Value of a spelled-out number word ("five" → 5), or null. */
export function numberWordValue(word: string): number | null {
  return Object.prototype.hasOwnProperty.call(SMALL, word) ? SMALL[word] : null;
}

export interface NumberMention {
  value: number;
  /** "%" for percentages, else "". */
  unit: string;
  start: number;
  end: number;
  text: string;
  /** True when this is a plausible year (1800–2100, written in digits, no scale). */
  year: boolean;
}

const NUM_RE =
  /(\p{N}{1,3}(?:[ \u00A0\u202F]\p{N}{3})+(?![\p{N}.,]\p{N})|\p{N}+(?:[.,]\p{N}+)*)(\s*%|\s*percent|\s*per cent)?(?:(?:\s*|-(?=(?:hundred|thousand|million|billion|trillion)-))(hundred|thousand|millions?|billions?|trillion|bn|mn|m|k|dozen)\b)?|\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen)\b(?:\s+(hundred|thousand|millions?|billions?|trillion|dozen)\b)?/giu;

function parseDigits(raw: string): number {
  // Thousands grouped with spaces ("850 000", the European way) are one number.
  const s = raw.replace(/[ \u00A0\u202F]/g, "");
  // "6,000,000" and "6.000.000" are groupings; "1.5" and "1,5" are decimals.
  if (/^\d{1,3}([.,]\d{3})+$/.test(s) && !/^\d{1,3}[.,]\d{3}$/.test(s.replace(/,/g, ",")) ) return Number(s.replace(/[.,]/g, ""));
  if (/^\d{1,3}(,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ""));
  // One group after a point ending in "00" ("21.000 members", "4.200 million") is a thousands group the
  // continental way: nobody writes a decimal with trailing zeros in prose (4.2 million is "4.2 million").
  if (/^[1-9]\d{0,2}\.\d00$/.test(s)) return Number(s.replace(".", ""));
  return Number(s.replace(/,/g, "."));
}

/** Every number mentioned in `text`, with its value after scale words. Offsets relative to `text`. */
export const extractNumbers = memoByText(readNumbers);

function readNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  NUM_RE.lastIndex = 0;
  const folded = text.normalize("NFKC");
  for (let m = NUM_RE.exec(folded); m; m = NUM_RE.exec(folded)) {
    let value: number;
    let year = false;
    const scaleWord = (m[3] ?? m[5] ?? "").toLowerCase();
    // "May 5 100 people": a day of the month and a count, not 5,100. The day is read alone.
    if (m[1] !== undefined && /\s/.test(m[1]) && MONTH_BEFORE.test(folded.slice(Math.max(0, m.index - 12), m.index))) {
      const day = m[1].slice(0, m[1].search(/\s/));
      NUM_RE.lastIndex = m.index + day.length;
      out.push({ value: Number(day), unit: "", start: m.index, end: m.index + day.length, text: day, year: false });
      continue;
    }
    if (m[1] !== undefined) {
      value = parseDigits(m[1]);
      year = !m[2] && !scaleWord && /^\d{4}$/.test(m[1]) && value >= 1800 && value <= 2100;
    } else {
      value = SMALL[m[4].toLowerCase()];
    }
    let text = m[0];
    // "twenty-five", "ninety nine": one number, not a twenty and a five.
    if (m[4] !== undefined && !scaleWord && value % 10 === 0 && value >= 20 && value <= 90) {
      const unit = /^(?:-|\s+)(one|two|three|four|five|six|seven|eight|nine)\b(?:\s+(hundred|thousand|millions?|billions?|trillion|dozen)\b)?/iu.exec(folded.slice(m.index + m[0].length));
      if (unit) {
        value += SMALL[unit[1].toLowerCase()];
        if (unit[2]) value *= SCALE[unit[2].toLowerCase()] ?? 1;
        text += unit[0];
        NUM_RE.lastIndex = m.index + text.length;
      }
    }
    if (!Number.isFinite(value)) continue;
    if (scaleWord) value *= SCALE[scaleWord] ?? 1;
    out.push({ value, unit: m[2] ? "%" : "", start: m.index, end: m.index + text.length, text, year });
  }
  // "one" as a pronoun ("one of the reasons") is not a figure; drop lone "one", unless a unit of time
  // follows it ("one week of salary", "one year's jail"): then it counts weeks or years like "two" would.
  return out.filter((n) => !(n.value === 1 && /^one$/i.test(n.text)) || ONE_OF_TIME.test(text.slice(n.end)));
}

/** A unit of time straight after a number ("one week", "one-year"): what a lone "one" counts. */
const ONE_OF_TIME = /^[\s-]+(?:week|month|year|hour|minute)(?:['’]s)?\b/i;

export interface DateMention {
  kind: "weekday" | "month_day" | "year";
  /** weekday 0–6 (Monday = 0); month_day "MM-DD"; year number as string. */
  value: string;
  start: number;
  end: number;
  text: string;
}

const MONTH_NAMES = `(${MONTHS.join("|")}|${Object.keys(MONTH_ABBR).join("|")})\\.?`;
/** "17 August", "17th of August", "Aug. 17": compiled once (global, so each use resets lastIndex). */
const MONTH_DAY_RE = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAMES}|${MONTH_NAMES}\\s+(\\d{1,2})(?:st|nd|rd|th)?)\\b`, "g");

/** Weekdays, "17 August"/"August 17" style dates and years mentioned in `text`. */
export const extractDates = memoByText(readDates);

function readDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  const f = foldText(text);
  const wd = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/g;
  for (let m = wd.exec(f); m; m = wd.exec(f))
    out.push({ kind: "weekday", value: String(WEEKDAYS.indexOf(m[1])), start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
  const md = MONTH_DAY_RE;
  md.lastIndex = 0;
  for (let m = md.exec(f); m; m = md.exec(f)) {
    const monthWord = (m[2] ?? m[3]).replace(/\.$/, "");
    const month = MONTHS.indexOf(monthWord) >= 0 ? MONTHS.indexOf(monthWord) : MONTH_ABBR[monthWord];
    const day = Number(m[1] ?? m[4]);
    if (day < 1 || day > 31 || month === undefined) continue;
    out.push({ kind: "month_day", value: `${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`, start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
  }
  for (const n of extractNumbers(text)) if (n.year) out.push({ kind: "year", value: String(n.value), start: n.start, end: n.end, text: n.text });
  return out.sort((a, b) => a.start - b.start);
}

const HONORIFICS = new Set(["mr", "mrs", "ms", "dr", "sir", "dame", "prof", "professor", "rev", "gen", "sen", "rep", "gov", "lt", "col", "capt", "st"]);
const NAME_PARTICLES = new Set(["von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "al", "el", "ibn"]);

export interface NameMention {
  text: string;
  start: number;
  end: number;
}

/**
 * Runs of capitalised words ("Ursula von der Leyen", "Fox News Sunday") that are
 * not merely the first word of a sentence. Honorifics are dropped from the run.
 */
export const extractNames = memoByText(readNames);

function readNames(text: string): NameMention[] {
  const out: NameMention[] = [];
  const re = /[\p{L}\p{M}][\p{L}\p{M}'’.-]*/gu;
  let run: { start: number; end: number; words: string[] } | null = null;
  let prevEnd = -1;
  const flush = () => {
    if (run && run.words.length) {
      const before = text.slice(Math.max(0, run.start - 6), run.start);
      const afterHonorific = /\b(?:Mr|Mrs|Ms|Dr|Sir|Prof|Gen|Sen|Rep|Gov|St)\.?\s+$/.test(before);
      const sentenceStart = run.start === 0 || (!afterHonorific && /[.!?:"“”'‘’\n]\s*$/.test(before));
      if (!(sentenceStart && run.words.length === 1)) out.push({ text: text.slice(run.start, run.end), start: run.start, end: run.end });
    }
    run = null;
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0].replace(/[.'’-]+$/, "");
    const gap = text.slice(prevEnd, m.index);
    const cap = /^\p{Lu}/u.test(w);
    if (run && (prevEnd < 0 || !/^[ \t]+$/.test(gap))) flush();
    // The folded word is only needed for capitalised words and inside a run: most words skip it.
    if (cap && HONORIFICS.has(foldText(w).replace(/\.$/, ""))) {
      flush();
    } else if (cap) {
      if (!run) run = { start: m.index, end: m.index + w.length, words: [] };
      run.words.push(w);
      run.end = m.index + w.length;
    } else if (run && NAME_PARTICLES.has(foldText(w))) {
      // keep "von der" inside a name, tentatively
      run.words.push(w);
      run.end = m.index + w.length;
    } else flush();
    prevEnd = m.index + m[0].length;
  }
  flush();
  // trim trailing particles
  return out.map((n) => {
    const words = n.text.split(/\s+/);
    while (words.length > 1 && NAME_PARTICLES.has(foldText(words[words.length - 1]))) words.pop();
    const t = words.join(" ");
    return { text: t, start: n.start, end: n.start + t.length };
  });
}

/**
 * Surname key of a person's name ("Mr. Witkoff" → "witkoff").
 * @deprecated Use `speakerKeyOf` from lib/text/speaker: kept as an alias while lib/classify still imports it.
 */
export const surnameKey = speakerKeyOf;
