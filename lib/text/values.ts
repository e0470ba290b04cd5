/**
 * Typed values in a sentence, normalised so that two outlets' ways of writing
 * one value meet ("$2.4 million" = "2,400,000 dollars", "5:40 a.m." = "5.40am",
 * "5-2" = "5 to 2 votes") and two different values of the same kind can be
 * compared: times, scores and votes, percentages, money, weekdays, dates,
 * years and counts of a thing ("3,200 residents").
 */
import { extractDates, extractNumbers, numberWordValue } from "./facts";
import { termKey } from "./tokenize";
import { isStopword } from "./stopwords";

export type ValueKind = "time" | "score" | "percent" | "money" | "weekday" | "month_day" | "year" | "count";

export interface ValueMention {
  kind: ValueKind;
  /** True when the writer hedged the value ("about", "at least", "nearly"): approximate, not exact. */
  hedged?: boolean;
  /** A stated bound rather than the value itself: "more than 180" is at least 180 ("min"), "under 50" at most 50 ("max"). */
  bound?: "min" | "max";
  /**
   * The span of time a figure covers, when the words after it give one: "a year" / "annually" ("per-year"),
   * "over the next decade" ("span-10-year"). Two figures for different spans are different figures.
   */
  period?: string;
  /**
   * For a day or a time, the boundary it marks when a preposition says so ("until Thursday": "end",
   * "from Monday": "start", "by Friday": "deadline"); a strike that starts on Tuesday and runs until
   * Thursday gives two days, not two versions of one.
   */
  boundary?: "start" | "end" | "deadline";
  /** For a part of a counted whole ("42 of its 58 stalls"), the whole's number ("58"). */
  whole?: string;
  /** Normalised value: equal keys are the same value. */
  key: string;
  /** What the value measures, when the kind needs it: the counted thing's term, or the currency. */
  unit: string;
  /** Offsets relative to the text given. */
  start: number;
  end: number;
  text: string;
}

const CURRENCY_SIGNS: Record<string, string> = { "$": "usd", "£": "gbp", "€": "eur", "¥": "jpy" };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: "usd", dollars: "usd", pound: "gbp", pounds: "gbp", euro: "eur", euros: "eur", yen: "jpy",
  crown: "crown", crowns: "crown", kroner: "crown", kronor: "crown", francs: "chf", rupees: "inr", yuan: "cny",
};
const MONTH_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
/** Words after a number that make it a measure, not a count of things. */
const NOT_COUNTED = new Set(["last", "next", "more", "less", "fewer", "other", "others", "times", "each", "earlier", "later", "ago", "percent", "per", "cent", "a", "p", "am", "pm", "o", "clock", "hundred", "thousand", "million", "millions", "billion", "billions", "trillion", "bn", "mn", "m", "k", "th", "st", "nd", "rd"]);

function overlaps(taken: { start: number; end: number }[], s: number, e: number): boolean {
  return taken.some((t) => s < t.end && e > t.start);
}

/**
 * The key of a score or tally, larger number first: "17 to 24 votes" and "24 votes to 17" are one result told
 * from either side ("failed with", "defeated by"), as are "lost 1-3" and "won 3-1".
 */
function scoreKey(a: string, b: string): string {
  const [x, y] = [Number(a), Number(b)];
  return x >= y ? `${x}-${y}` : `${y}-${x}`;
}

/** Every typed value in `text`, in order. */
export function extractValues(text: string): ValueMention[] {
  const t = text.normalize("NFKC");
  const out: ValueMention[] = [];
  const push = (v: ValueMention) => {
    if (!overlaps(out, v.start, v.end)) out.push(v);
  };
  // Clock times: "5:40 a.m.", "6.40 am", "1 p.m.", "13:45".
  const time = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![\p{L}])|\b([01]?\d|2[0-3]):([0-5]\d)\b/giu;
  for (let m = time.exec(t); m; m = time.exec(t)) {
    let h = Number(m[1] ?? m[4]);
    const min = Number(m[2] ?? m[5] ?? 0);
    const ampm = (m[3] ?? "").toLowerCase().replace(/\./g, "");
    if (h > 23 || min > 59 || (ampm && h > 12)) continue;
    if (ampm === "pm" && h < 12) h += 12;
    if (ampm === "am" && h === 12) h = 0;
    // Without a.m./p.m. a time may be either half of the day ("3:20 this afternoon"): compare on a 12-hour dial.
    push({ kind: "time", key: String((h * 60 + min) % 720), unit: "", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // The 24-hour clock as continental writers put it: "at 9.10 hours", "until 17:30 hrs", "from 8.45 h"
  // (not a count of hours: the minutes stand after the point).
  const hours = /\b(?:at|until|till|before|after|since|from)\s+(([01]?\d|2[0-3])[.:]([0-5]\d)\s*(?:hours|hrs|h)\b)/giu;
  for (let m = hours.exec(t); m; m = hours.exec(t)) {
    const start = m.index + m[0].length - m[1].length;
    push({ kind: "time", key: String((Number(m[2]) * 60 + Number(m[3])) % 720), unit: "", start, end: start + m[1].length, text: m[1] });
  }
  // Scores and votes: "4-0", "5–2", "5 to 2 votes"; not ranges of dates ("June 11-13") or years.
  const score = /\b(\d{1,2})\s?[-–]\s?(\d{1,2})\b(?![-–\d])|\b(\d{1,2}) to (\d{1,2}) votes?\b/giu;
  for (let m = score.exec(t); m; m = score.exec(t)) {
    const before = t.slice(Math.max(0, m.index - 12), m.index).trim().split(/\s+/).pop() ?? "";
    if (MONTH_WORD.test(before) || /[\d.,]$/.test(t.slice(Math.max(0, m.index - 1), m.index))) continue;
    push({ kind: "score", key: scoreKey(m[1] ?? m[3], m[2] ?? m[4]), unit: "", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // Vote tallies in words: "by 41 votes to 12", "41 votes in favour, 12 against", and in a statement about a vote
  // a bare "41 to 12" (not a change "from 58 to 68", a range "between 15 to 24" or ages "aged 15 to 24").
  const tally = /\b(\d{1,3}) votes? to (\d{1,3})\b|\b(\d{1,3}) (?:votes? )?in favou?r,? (?:and |with |to )?(\d{1,3}) against\b|\b(\d{1,3}) to (\d{1,3})\b(?![-–\d.,]\d)/giu;
  const aboutVote = /\bvot(?:e|es|ed|ing)\b|\bballots?\b/i.test(t);
  // (Every tally names a vote or a side in favour: a text with neither is not scanned.)
  for (let m = aboutVote || /favou?r/i.test(t) ? tally.exec(t) : null; m; m = tally.exec(t)) {
    if (m[5] !== undefined) {
      const before = t.slice(Math.max(0, m.index - 16), m.index);
      if (!aboutVote || /\b(?:from|between|aged|ages|of|up|down|rose|fell|increase[sd]?|cut|raised?)\s+$/i.test(before) || /[\d.,]$/.test(before)) continue;
    }
    push({ kind: "score", key: scoreKey(m[1] ?? m[3] ?? m[5], m[2] ?? m[4] ?? m[6]), unit: "", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // Ages, however written ("aged 57", "at the age of 57", "a 57-year-old", "died at 57", "she was 57.",
  // "Malini, 57, the zoo's oldest", and as translations put it, "Malini, of 57 years"): one slot of their
  // own, so an age is never read as a stretch of time ("lived at the zoo for 55 years").
  for (let m = AGE.exec(t); m; m = AGE.exec(t)) {
    const n = m.slice(1).find((g) => g !== undefined)!;
    push({ kind: "count", key: String(Number(n)), unit: "age", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const d of extractDates(t)) {
    if (overlaps(out, d.start, d.end)) continue;
    if (d.kind === "year") continue;
    push({ kind: d.kind, key: d.value, unit: "", start: d.start, end: d.end, text: d.text });
  }
  for (const n of extractNumbers(t)) {
    if (overlaps(out, n.start, n.end)) continue;
    // Digits inside a word ("G7", "COVID-19", "F-35") are part of a name, not a figure.
    if (/\p{L}[-–]?$/u.test(t.slice(Math.max(0, n.start - 2), n.start)) || /^[-–]?\p{L}/u.test(t.slice(n.end, n.end + 1)) && !/^\s/.test(t.slice(n.end, n.end + 1)) && !/^(?:m|bn|k|mn)\b/i.test(t.slice(n.end))) continue;
    if (n.year) {
      push({ kind: "year", key: String(n.value), unit: "", start: n.start, end: n.end, text: n.text });
      continue;
    }
    if (n.unit === "%") {
      push({ kind: "percent", key: String(n.value), unit: "", start: n.start, end: n.end, text: n.text });
      continue;
    }
    const sign = t.slice(Math.max(0, n.start - 1), n.start);
    // (A compound amount, "a 390-million-daler programme", is followed by its unit after a hyphen.)
    const after = t.slice(n.end).match(/-(?:hundred|thousand|million|billion|trillion)$/i.test(n.text) ? /^-([\p{L}]+)/u : /^\s*([\p{L}]+)/u);
    const afterWord = after ? after[1].toLowerCase() : "";
    const currency = CURRENCY_SIGNS[sign] ?? CURRENCY_WORDS[afterWord];
    if (currency) {
      const start = CURRENCY_SIGNS[sign] ? n.start - 1 : n.start;
      const end = CURRENCY_SIGNS[sign] ? n.end : n.end + after![0].length;
      push({ kind: "money", key: String(n.value), unit: currency, start, end, text: t.slice(start, end) });
      continue;
    }
    // A count of something: the first content word after the number (skipping one adjective-like word is
    // left out on purpose: "six straight defeats" and "six defeats" are then simply not compared).
    if (afterWord && !NOT_COUNTED.has(afterWord) && !isStopword(afterWord) && afterWord.length > 1) {
      // A capitalised singular word before a lower-case noun is a modifier ("five Ukrainian regions"): the noun is counted.
      let unitWord = afterWord;
      let end = n.end + after![0].length;
      const next = t.slice(end).match(/^\s+(\p{Ll}[\p{L}-]*)/u);
      if (/^\p{Lu}/u.test(after![1]) && !/s$/.test(afterWord) && next && !isStopword(next[1].toLowerCase())) {
        unitWord = next[1].toLowerCase();
        end += next[0].length;
      }
      push({ kind: "count", key: String(n.value), unit: unitKey(unitWord), start: n.start, end, text: t.slice(n.start, end) });
    } else if (afterWord === "of") {
      // A part of a counted whole ("31 of the group's 58 wards", "two of its five plants"): a count of the same things.
      const whole = PART_OF.exec(t.slice(n.end));
      const noun = whole?.[2].toLowerCase();
      if (noun && !NOT_COUNTED.has(noun) && !isStopword(noun)) {
        // (The whole read as any number is: "1,058", "58", "five".)
        const total = /^\p{N}/u.test(whole![1]) ? (extractNumbers(whole![1])[0]?.value ?? null) : numberWordValue(whole![1].toLowerCase());
        push({ kind: "count", key: String(n.value), unit: unitKey(noun), start: n.start, end: n.end, text: n.text, ...(total !== null && Number.isFinite(total) ? { whole: String(total) } : {}) });
      }
    }
  }
  // Clock times written the continental way ("at 17.50", "the 6.05 from Kestrelby"): hours and two-digit
  // minutes after "at", "until", "before", "after", "since" or "the", where nothing above read the number
  // (an amount with its currency or unit is money or a count), no range follows ("2.40 to 2.90") and no
  // rate ("at 2.50 a ticket").
  const dotted = /\b(?:at|until|till|before|after|since|the)\s+(?:(?:around|about|approximately|roughly|some|exactly|precisely)\s+)?([01]?\d|2[0-3])\.([0-5]\d)\b(?![.,]?\d)(?!\s*(?:to|and|-|–)\s*\d)(?!\s+(?:a|an|per|each)\b)/giu;
  for (let m = dotted.exec(t); m; m = dotted.exec(t)) {
    const end = m.index + m[0].length;
    const start = end - (m[1].length + 1 + m[2].length);
    if (overlaps(out, start, end)) continue;
    const h = Number(m[1]);
    const min = Number(m[2]);
    push({ kind: "time", key: String((h * 60 + min) % 720), unit: "", start, end, text: t.slice(start, end) });
  }
  // "at 9.25 a.m. local time", "at 14:00 GMT": the zone belongs to the time, not to the words around it.
  for (const v of out) {
    if (v.kind !== "time") continue;
    const zone = TIME_ZONE.exec(t.slice(v.end));
    if (zone) {
      v.end += zone[0].length;
      v.text = t.slice(v.start, v.end);
    }
  }
  out.sort((a, b) => a.start - b.start);
  for (const v of out) {
    const before = t.slice(Math.max(0, v.start - 24), v.start);
    if (HEDGE.test(before)) v.hedged = true;
    // "$1 trillion+", "50+ people": a plus sign after the figure makes it a floor.
    if (MIN_BOUND.test(before) || /^\+(?![\p{N}])/u.test(t.slice(v.end, v.end + 2))) v.bound = "min";
    else if (MAX_BOUND.test(before)) v.bound = "max";
    // The period is read in the words after the figure, up to the end of the clause.
    const period = periodOf(t.slice(v.end, v.end + PERIOD_WINDOW).split(/[;:!?]|\.(?:\s|$)/)[0]);
    if (period) v.period = period;
    if (v.kind === "weekday" || v.kind === "month_day" || v.kind === "time") {
      const m = BOUNDARY.exec(t.slice(Math.max(0, v.start - BOUNDARY_WINDOW), v.start));
      if (m) v.boundary = BOUNDARY_OF[m[1].toLowerCase()];
    }
  }
  return out;
}

/**
 * A person's (or an animal's) age: after "aged", "at the age of", "died at"; before "years old"; after "she
 * was" at the end of a clause; between commas after a name; or "of N years" just after a name's comma (a
 * translation's "de 57 años"; "a lease of 25 years" has no comma and is a stretch of time). Not a clock time ("died at 9:40") or a
 * longer figure ("aged 15 to 24" is a range of ages, read by no one here).
 */
const AGE =
  /\b(?:aged|at the age of|at age)\s+(\d{1,3})\b(?![-–.,:]?\d|\s*(?:to|-|–|and)\s*\d)|\b(\d{1,3})[- ]years?[- ]old\b|\b(?:died|dies|dead)\s+at\s+(\d{1,3})\b(?![-–.,:]?\d|\s*[ap]\.?m\b)|\b(?:he|she|who)\s+(?:was|is)\s+(\d{1,3})(?=\s*[.;](?:\s|$)|\s*,\s+(?:and|but)\b)|(?<=\p{Lu}[\p{Ll}'’-]+,\s)(\d{1,3})(?=,\s+\p{L})|(?<=\p{Lu}[\p{Ll}'’-]+,\s+)of\s+(\d{1,3})\s+years\b/giu;

/** A time zone written after a clock time: "local time", "(local time)", "GMT", "CET", "EDT". */
const TIME_ZONE = /^\s*(?:\(?local time\)?|\(?(?:GMT|UTC|BST|CET|CEST|EET|EEST|[ECMP][SD]T)\)?)(?![\p{L}])/u;

/** After "N": "of", up to three determiner or possessive words, a number, and the counted noun. */
const PART_OF = /^\s+of\s+(?:(?:the|its|their|his|her|our|this|these|those|[\p{L}'’-]+['’]s?)\s+){0,3}(\p{N}[\p{N},.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\s+([\p{L}][\p{L}-]*)/iu;

/** Units of measure written several ways ("km", "kilometres", "kilometers"): one key each. */
const MEASURE_UNITS: Record<string, string> = {
  km: "km", kms: "km", kilometre: "km", kilometres: "km", kilometer: "km", kilometers: "km",
  mi: "mile", mile: "mile", miles: "mile",
  metre: "metre", metres: "metre", meter: "metre", meters: "metre",
  kg: "kg", kilo: "kg", kilos: "kg", kilogram: "kg", kilograms: "kg", kilogramme: "kg", kilogrammes: "kg",
  tonne: "tonne", tonnes: "tonne", ton: "ton", tons: "ton",
  litre: "litre", litres: "litre", liter: "litre", liters: "litre",
  hectare: "hectare", hectares: "hectare", ha: "hectare",
  acre: "acre", acres: "acre",
  foot: "foot", feet: "foot", ft: "foot",
  inch: "inch", inches: "inch",
  cm: "cm", centimetre: "cm", centimetres: "cm", centimeter: "cm", centimeters: "cm",
  mm: "mm", millimetre: "mm", millimetres: "mm", millimeter: "mm", millimeters: "mm",
  yard: "yard", yards: "yard",
  gallon: "gallon", gallons: "gallon",
  sq: "square",
};

/**
 * Each unit key of MEASURE_UNITS that converts to another of its dimension: the dimension and the
 * size of one unit in that dimension's base (metre, square metre, kilogram, litre).
 */
const UNIT_SIZE: Record<string, [string, number]> = {
  km: ["length", 1000], mile: ["length", 1609.344], metre: ["length", 1], foot: ["length", 0.3048], yard: ["length", 0.9144],
  inch: ["length", 0.0254], cm: ["length", 0.01], mm: ["length", 0.001],
  hectare: ["area", 10_000], acre: ["area", 4046.856],
  kg: ["mass", 1], tonne: ["mass", 1000], ton: ["mass", 1000],
  litre: ["volume", 1], gallon: ["volume", 3.785],
};

/**
 * Measures written as one hyphenated word ("the 19-mile route", "a 640-metre bridge"), which the value
 * reading leaves out (they describe a thing rather than count one): as counts in their unit, for
 * comparing a converted measure ("31 kilometres long") with them.
 */
export function extractHyphenMeasures(text: string): ValueMention[] {
  const out: ValueMention[] = [];
  for (const m of text.matchAll(/\b(\p{N}[\p{N},]*(?:\.\p{N}+)?)-(\p{L}+)\b/gu)) {
    const unit = MEASURE_UNITS[m[2].toLowerCase()];
    const n = Number(m[1].replace(/,/g, ""));
    if (!unit || !UNIT_SIZE[unit] || !Number.isFinite(n)) continue;
    out.push({ kind: "count", key: String(n), unit, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * Units that mean different sizes to different writers: a "ton" is a metric tonne to some, a short
 * ton (907 kg) to an American and a long ton (1,016 kg) to a Briton. Any of its sizes converts.
 */
const OTHER_SIZES: Record<string, number[]> = { ton: [907.18474, 1016.0469] };

/** How far apart two conversions of one measure may be: a converted figure is rounded ("3 miles" = "4.8 km", "1.5 inches" = "4 cm"). */
const CONVERSION_TOLERANCE = 0.06;

/** True for a count in a unit of measure that converts (UNIT_SIZE): kilometres, acres, tonnes, litres. */
export function hasMeasureUnit(v: ValueMention): boolean {
  return v.kind === "count" && v.unit in UNIT_SIZE;
}

/**
 * True when two counts are one measure in two units of a dimension ("three miles" and "4.8
 * kilometres", "22 hectares" and "54 acres", "30 tons" and "about 27 tonnes"): a translation
 * converts, it does not add a figure.
 */
export function sameMeasure(a: ValueMention, b: ValueMention): boolean {
  if (a.kind !== "count" || b.kind !== "count" || a.unit === b.unit) return false;
  const x = UNIT_SIZE[a.unit];
  const y = UNIT_SIZE[b.unit];
  if (!x || !y || x[0] !== y[0]) return false;
  const sizes = (unit: string, size: number) => [size, ...(OTHER_SIZES[unit] ?? [])];
  return sizes(a.unit, x[1]).some((sa) =>
    sizes(b.unit, y[1]).some((sb) => {
      const p = Number(a.key) * sa;
      const q = Number(b.key) * sb;
      return Number.isFinite(p) && Number.isFinite(q) && Math.abs(p - q) <= CONVERSION_TOLERANCE * Math.max(Math.abs(p), Math.abs(q));
    }),
  );
}

/** The unit key of a counted word: a unit of measure in one spelling, else the word's term. */
function unitKey(word: string): string {
  return MEASURE_UNITS[word] ?? termKey(word);
}

/**
 * A preposition marking a boundary in time, with nothing but the rest of its time phrase after it.
 * ("Shortly after 6.40 a.m." and "just before midnight" are approximations, not boundaries.)
 */
const BOUNDARY = /\b(until|till|through|by|since|from)\s+(?:(?:the|this|next|last|early|late|midnight|noon|\d{1,2}(?:[:.]\d{2})?|a\.?m\.?|p\.?m\.?|am|pm|on|of|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*)*$/i;
const BOUNDARY_WINDOW = 30;
const BOUNDARY_OF: Record<string, "start" | "end" | "deadline"> = {
  until: "end", till: "end", through: "end", by: "deadline", since: "start", from: "start",
};

/** Words before a value that make it a lower bound. */
export const MIN_BOUND = /\b(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than)\s*[$£€¥]?\s*$/i;
/**
 * Words before a value that make it an upper bound. "Up to" is left out: "fines of up to $2,500"
 * states the limit itself, and two different limits disagree.
 */
export const MAX_BOUND = /\b(?:less than|fewer than|under|below|at most|no more than)\s*[$£€¥]?\s*$/i;

/** True when the words just before a figure make it a bound ("more than", "at least", "under"), not the figure itself. */
export function isBoundLead(before: string): boolean {
  return MIN_BOUND.test(before) || MAX_BOUND.test(before);
}

/** Characters after a value searched for the period it covers. */
const PERIOD_WINDOW = 60;
const PERIOD_UNIT: Record<string, [number, string]> = {
  day: [1, "day"], days: [1, "day"], week: [1, "week"], weeks: [1, "week"], month: [1, "month"], months: [1, "month"],
  year: [1, "year"], years: [1, "year"], decade: [10, "year"], decades: [10, "year"],
};
const PER_ADVERB: Record<string, string> = { daily: "day", weekly: "week", monthly: "month", annually: "year", yearly: "year" };

/**
 * The period a figure covers, from the words after it: a rate ("a year", "per month", "annually":
 * "per-year") or a span ("over the next decade", "over five years": "span-10-year", "span-5-year").
 */
export function periodOf(after: string): string | null {
  const rate = /^[^]*?\b(?:a|an|per|each|every)\s+(day|week|month|year)\b(?!\s+(?:after|before|earlier|later|ago|or)\b)|^[^]*?\b(daily|weekly|monthly|annually|yearly)\b/i.exec(after);
  const span = /\b(?:over|in|during|across|within)\s+(?:the\s+)?(?:(?:next|past|last|coming|first|following)\s+)?(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+)?(days?|weeks?|months?|years?|decades?)\b/i.exec(after);
  if (span && (!rate || span.index <= rate.index)) {
    const [n, unit] = PERIOD_UNIT[span[2].toLowerCase()];
    const count = span[1] ? (numberWordValue(span[1].toLowerCase()) ?? Number(span[1])) : 1;
    return `span-${count * n}-${unit}`;
  }
  if (rate) return `per-${(rate[1] ?? PER_ADVERB[rate[2].toLowerCase()]).toLowerCase()}`;
  return null;
}

const FRAME_RELATIVE: Record<string, string> = { last: "last", past: "last", previous: "last", this: "this", next: "next", coming: "next" };

/**
 * The stretch of time a clause is told of, when it names one relative to the telling: "last year"
 * ("last-year"), "this month", "next week", "overnight" or "last night" ("night"), "yesterday",
 * "today". A figure for last year and a figure for overnight are figures of two periods.
 */
export function frameOf(clause: string): string | null {
  const m = /\b(?:(last|past|previous|this|next|coming)\s+(year|month|week|weekend|quarter|season|decade|night)|(overnight|tonight|yesterday|today|tomorrow))\b/i.exec(clause);
  if (!m) return null;
  if (m[3]) {
    const w = m[3].toLowerCase();
    return w === "overnight" || w === "tonight" ? "night" : w;
  }
  const unit = m[2].toLowerCase();
  const rel = FRAME_RELATIVE[m[1].toLowerCase()];
  // "Last night" is the night just gone: the one an overnight report tells of.
  return unit === "night" && rel !== "next" ? "night" : `${rel}-${unit}`;
}

/** Words just before a value that make it approximate. */
/** Words before a value that make it approximate ("about", "an estimated", "shortly before"). */
export const APPROXIMATE = /\b(?:about|around|roughly|approximately|nearly|almost|some|as many as|as much as|close to|an estimated|estimated|shortly before|shortly after|just before|just after|soon after)\s*[$£€¥]?\s*$/i;
/** Words before a value that hedge it: an approximation, a bound, or a limit ("up to"). */
const HEDGE = new RegExp(`(?:${APPROXIMATE.source})|(?:${MIN_BOUND.source})|(?:${MAX_BOUND.source})|\\bup to\\s*[$£€¥]?\\s*$`, "i");

/** Kinds that are figures (a quantity of something), as opposed to calendar and clock values, scores and years. */
export const FIGURE_KINDS: ReadonlySet<ValueKind> = new Set<ValueKind>(["count", "money", "percent"]);

/** Two mentions measure the same kind of thing (and could disagree). */
export function sameSlotKind(a: ValueMention, b: ValueMention): boolean {
  return a.kind === b.kind && a.unit === b.unit;
}
