/**
 * Counts of what happened to people: how many were killed, injured, displaced,
 * evacuated, rescued, arrested or are missing. Outlets tell these in sentences of
 * every shape ("killing at least 27 people, injuring 163", "Three people were
 * injured", "11 injuries"), so the count is tied to its event by the nearest event
 * word in its clause, not by the sentence around it.
 */
import { extractNumbers } from "./facts";
import { APPROXIMATE, MAX_BOUND, MIN_BOUND } from "./values";

/** The events a count of people can belong to. */
export type PeopleEvent = "killed" | "injured" | "displaced" | "evacuated" | "rescued" | "arrested" | "missing";

export interface EventCount {
  event: PeopleEvent;
  value: number;
  /** Written as approximate ("about", "an estimated"). */
  hedged: boolean;
  /** A floor ("at least", "more than") or a ceiling ("fewer than", "up to"), not the count itself. */
  bound?: "min" | "max";
  start: number;
  end: number;
  text: string;
}

/** Event words of general news English, by the event they name (word prefixes, lower case). */
const EVENT_WORDS: [RegExp, PeopleEvent][] = [
  [/^(?:kill(?!er)|dead|death|died|dies|fatalit)/, "killed"],
  [/^(?:injur|hurt|wound)/, "injured"],
  [/^(?:displac|homeless)/, "displaced"],
  [/^evacu/, "evacuated"],
  // (the rescuers are the ones who rescue, not the rescued)
  [/^rescu(?!er)/, "rescued"],
  [/^arrest/, "arrested"],
  [/^missing$/, "missing"],
];

/** Words after a number that make it a measure, not a count of people ("24-hour hotline", "5 km", "two days"). */
const MEASURE_AFTER = /^(?:-|\s*(?:%|per ?cent|percent|hours?|days?|weeks?|months?|years?|minutes?|seconds?|km|kilomet\w*|miles?|metres?|meters?|feet|foot|tonnes?|tons?|kg|litres?|liters?|degrees?|times)\b)/i;

/** Words between a count and its event word, at most. */
const EVENT_REACH = 6;


/** Where the count's phrase ends: its event words do not reach across ("killing 27 people, injuring 163"). */
const CLAUSE_END = /[;:(),]|\.\s/;

/**
 * Counts of people tied to an event word in the same clause, within EVENT_REACH words and
 * with no other number between them: "killing at least 27 people, injuring 163" gives
 * killed 27 and injured 163. Years and percentages are never counts of people.
 */
export function extractEventCounts(text: string): EventCount[] {
  // (A word ends on a letter or digit: its trailing comma or stop is punctuation between words, so that
  // "hurt, and all four" breaks the clause.)
  const words = [...text.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N},.'’-]*[\p{L}\p{N}])?/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const numbers = extractNumbers(text).filter((n) => !n.year && n.unit !== "%" && Number.isInteger(n.value) && n.value > 0);
  const out: EventCount[] = [];
  for (const n of numbers) {
    if (MEASURE_AFTER.test(text.slice(n.end, n.end + 12))) continue;
    const at = words.findIndex((w) => w.end > n.start);
    if (at < 0) continue;
    let best: { event: PeopleEvent; distance: number } | null = null;
    for (const dir of [-1, 1]) {
      for (let k = 1; k <= EVENT_REACH; k++) {
        const i = at + dir * k;
        const w = words[i];
        if (!w) break;
        const between = dir < 0 ? text.slice(w.end, n.start) : text.slice(n.end, w.start);
        if (CLAUSE_END.test(between)) break;
        // Another number between them has its own event.
        if (numbers.some((m) => m !== n && (dir < 0 ? m.start >= w.end && m.end <= n.start : m.start >= n.end && m.end <= w.start))) break;
        const lower = w.text.toLowerCase();
        const hit = EVENT_WORDS.find(([re]) => re.test(lower));
        if (hit) {
          if (!best || k < best.distance) best = { event: hit[1], distance: k };
          break;
        }
      }
    }
    // "from their homes" after the count ("driven 8,400 people from their homes") is displacement.
    if (!best && /^[^.;:]{0,40}?\bfrom (?:their |its )?homes?\b/i.test(text.slice(n.end, n.end + 60))) best = { event: "displaced", distance: EVENT_REACH };
    if (!best) continue;
    const lead = text.slice(Math.max(0, n.start - 24), n.start);
    out.push({
      event: best.event,
      value: n.value,
      hedged: APPROXIMATE.test(lead),
      ...(MIN_BOUND.test(lead) ? { bound: "min" as const } : MAX_BOUND.test(lead) ? { bound: "max" as const } : {}),
      start: n.start,
      end: n.end,
      text: n.text,
    });
  }
  return out;
}
