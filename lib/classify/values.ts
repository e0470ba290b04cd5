/**
 * Value conflicts by slot: two aligned statements that give different values
 * of the same kind (a time, a score or vote, a percentage, an amount of money,
 * a weekday, a date, a year, a count of the same thing) for the same subject.
 * The subject is read from the words around each value, so a part is not
 * compared with a whole ("150 killed in 400 shootings") and two different
 * people's figures are not compared; a statement that carries both values
 * ("from 4.25 to 4.75 percent") disagrees with neither.
 */
import type { StoryAlignment } from "@/lib/align";
import { claimTermSets, escapeRe, isFaqAnswer, memoPerArticle, termDice } from "./common";
import { contentTerms, extractNumbers, extractValues, FIGURE_KINDS, foldText, frameOf, isBoundLead, isContentWord, termKey, tokenize, isStopword, sameSlotKind, type ValueKind, type ValueMention } from "@/lib/text";

/** Content words either side of a value that describe what it is the value of. */
const CONTEXT_WORDS = 4;
/** Context terms two mentions must share to fill the same slot. */
const MIN_SHARED_CONTEXT = 2;
/** Content words before a value that say which of several values of a clause it is. */
const LEAD_WORDS = 3;

/** Kinds whose disagreement is a hard fact (high); the rest (calendar) are medium. */
export const HARD_VALUE_KINDS: ReadonlySet<ValueKind> = new Set(["time", "score", "percent", "money", "count"]);

export interface ValueConflict {
  kind: ValueKind;
  mine: ValueMention;
  theirs: ValueMention;
}

interface Located extends ValueMention {
  context: Set<string>;
  /** Every number the statement mentions, whatever it counts ("compared with 16,500 at the old ground"). */
  numbers: Set<string>;
  /** Proper names (folded words) among the words around the value: whose or which figure it is. */
  names: string[];
  /** The whole statement, folded: where the other side's names are looked for. */
  statement: string;
  /**
   * A figure given for comparison, not as the statement's own: "fell to 37.8 percent from 44.1
   * percent", "down from 34", "37.8% (44.1% in 2022)", "more than the 1,200 of last year".
   */
  reference: boolean;
  /** Which clause of the statement the value sits in (see CLAUSE_BREAK). */
  clause: number;
  /** A part of another figure ("of which 15 million", "including 12 children"). */
  part: boolean;
  /** The name that opens the value's clause, folded ("ipp" in "The IPP's share of the vote ..."), or "". */
  subject: string;
  /** The content words just before the value, after any earlier value of its kind in its clause. */
  lead: Set<string>;
  /** The stretch of time the value's clause is told of ("last-year", "night"; lib/text frameOf), or null. */
  frame: string | null;
  /**
   * The key of the figure this one is a change from, written next to it ("from 58 to 68 florins", "66
   * florins, up from 58"), or null: two statements that change the same figure tell one slot.
   */
  baseline: string | null;
}

/** Words either side of a value searched for proper names. */
const NAME_WINDOW = 6;
/** Statement-level term overlap (Dice) two statements need before their values are compared. */
const MIN_STATEMENT_OVERLAP = 0.22;
/** The same when either statement is an FAQ answer, whose predicate sits in its question. */
const MIN_ANSWER_OVERLAP = 0.5;
/** The same for figures (counts, money, percentages, scores): lists of figures share many words. */
const MIN_FIGURE_OVERLAP = 0.3;
/**
 * Statement overlap at which two parts of one whole ("48 of its 58 stalls" / "42 of the 58 stalls") count
 * the whole as a shared context word: mostly the same statement. Less alike, a part of the same whole is
 * often another thing counted out of it ("won 27 of the 61 seats" / "a majority is 31 of the 61 seats").
 */
const WHOLE_OVERLAP = 0.5;
/** Relative difference within which a round figure and a precise one are the same figure ("$700 billion" / "$716 billion"). */
const ROUNDING = 0.1;

/** Significant digits of a number ("700" → 1, "716" → 3, "4.25" → 3). */
function significantDigits(x: number): number {
  const digits = String(Math.abs(x)).replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return Math.max(1, digits.length);
}

/** A rounded figure and a more precise one close to it are one figure written two ways. */
function approximately(v: ValueMention, w: ValueMention): boolean {
  if (!FIGURE_KINDS.has(v.kind)) return false;
  const x = Number(v.key);
  const y = Number(w.key);
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === y) return x === y;
  const rel = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
  return rel <= ROUNDING && Math.min(significantDigits(x), significantDigits(y)) <= 2 && significantDigits(x) !== significantDigits(y);
}

interface ClaimValues {
  values: Located[];
  terms: Set<string>;
}

/** Located values and content terms of every claim of article `i`, once per story. */
const claimValues = memoPerArticle((al, i): ClaimValues[] => {
  const terms = claimTermSets(al, i);
  return al.index.articles[i].analysis.claims.map((c, ci) => ({ values: locate(c.text), terms: terms[ci] }));
});

/** Counts below this recur in an article for different things ("four masked men", "four display cabinets"). */
const SMALL_COUNT = 10;

/**
 * What an article giving figure `v` somewhere means: the same kind and number, whatever it counts there
 * ("1,626,042 valid signatures" is that figure too); a small count only as a count of the same thing
 * ("two weeks" does not give the "two parked cars").
 */
export function figureKey(v: ValueMention): string {
  return isSmallCount(v) ? `${v.kind}|${v.key}|${v.unit}` : `${v.kind}|${v.key}`;
}

/** True for a count below SMALL_COUNT. */
function isSmallCount(v: ValueMention): boolean {
  return v.kind === "count" && Number(v.key) < SMALL_COUNT;
}

/** Every figure (as figureKey) that article `i`'s statements give, once per story. */
const articleFigures = memoPerArticle((al, i): Set<string> => {
  const out = new Set<string>();
  for (const c of claimValues(al, i)) for (const v of c.values) if (FIGURE_KINDS.has(v.kind)) out.add(figureKey(v));
  return out;
});

/** Dice overlap of two statements' content terms. */
function statementOverlap(x: ClaimValues, y: ClaimValues): number {
  return termDice(x.terms, y.terms);
}

/**
 * Value conflicts between claim `ci` of article `ai` and claim `cj` of article `bi`, which the support
 * alignment already pairs as one statement told two ways (see conflictsBetween, `aligned`).
 */
export function findAlignedValueConflicts(al: StoryAlignment, ai: number, ci: number, bi: number, cj: number): ValueConflict[] {
  return conflictsBetween(claimValues(al, ai)[ci].values, claimValues(al, bi)[cj].values, true);
}

export interface SlotConflict extends ValueConflict {
  /** Counterpart article and claim that carries the other value. */
  article: number;
  claim: number;
  /** Dice overlap of the two statements' content terms. */
  overlap: number;
}

/**
 * Value conflicts of claim `ci` of article `ai` against every claim of the articles in
 * `targets`, found by slot rather than through the claim's best-supported window: a
 * translated or reworded statement of the same fact may share few words overall but
 * still puts its value in the same slot (same kind, same unit, same words around it).
 */
export function findSlotConflicts(al: StoryAlignment, ai: number, ci: number, targets: readonly number[]): SlotConflict[] {
  const mine = claimValues(al, ai)[ci];
  if (!mine.values.length) return [];
  // Figures inside a quotation are the speaker's claim: the quote classifier compares those.
  if (al.index.articles[ai].analysis.claims[ci].quoted) return [];
  // An FAQ answer ("Three of the board's nine members.") takes its predicate from the question: its
  // own words say little of what the figure counts, so it must be close to the other statement.
  const answer = (i: number, c: number) => isFaqAnswer(al.index.articles[i].analysis, c);
  const mineAnswer = answer(ai, ci);
  // A figure of theirs that this article gives in another statement is common ground, not one of the figures
  // this statement's could answer ("the dikes get 48 million, the first part of a 390-million programme" against
  // "84 million flow into the dikes" in an article that tells the 390-million programme too).
  const known = articleFigures(al, ai);
  const here = new Set(mine.values.map(figureKey));
  const out: SlotConflict[] = [];
  for (const bi of targets) {
    const theirs = claimValues(al, bi);
    for (let cj = 0; cj < theirs.length; cj++) {
      const t = theirs[cj];
      if (!t.values.length || al.index.articles[bi].analysis.claims[cj].quoted) continue;
      const overlap = statementOverlap(mine, t);
      if (overlap < MIN_STATEMENT_OVERLAP) continue;
      if ((mineAnswer || answer(bi, cj)) && overlap < MIN_ANSWER_OVERLAP) continue;
      const open = t.values.filter((w) => !FIGURE_KINDS.has(w.kind) || here.has(figureKey(w)) || !known.has(figureKey(w)));
      for (const c of conflictsBetween(mine.values, open, false, overlap >= WHOLE_OVERLAP)) {
        // A figure is only comparable between statements that are mostly the same statement.
        if (HARD_VALUE_KINDS.has(c.kind) && c.kind !== "time" && overlap < MIN_FIGURE_OVERLAP) continue;
        out.push({ ...c, article: bi, claim: cj, overlap });
      }
    }
  }
  return out;
}

/**
 * The articles among `targets` that give value `value` of claim `ci` of article `i` themselves, in
 * the same slot of a statement like it (the statement overlap and the shared context words that a
 * conflict needs): who carries one version of a disputed day or hour, counted where that day is
 * told, not anywhere in the article ("back at work on Thursday" is another event's Thursday).
 */
export function findSlotHolders(al: StoryAlignment, i: number, ci: number, value: ValueMention, targets: readonly number[]): number[] {
  const mine = claimValues(al, i)[ci];
  const v = mine.values.find((x) => x.start === value.start && x.end === value.end);
  if (!v) return [];
  const out: number[] = [];
  for (const bi of targets) {
    if (bi === i) continue;
    const holds = claimValues(al, bi).some((t) => {
      if (!t.values.some((w) => sameSlotKind(v, w) && w.key === v.key && [...v.context].filter((x) => w.context.has(x)).length >= MIN_SHARED_CONTEXT)) return false;
      return statementOverlap(mine, t) >= MIN_STATEMENT_OVERLAP;
    });
    if (holds) out.push(bi);
  }
  return out;
}

/** A dateline opening a report ("TOLLCASTER, June 11 (Halyard Press) -"): its date is the filing date, not a fact of the statement. */
const DATELINE = /^\s*[\p{Lu}][\p{Lu}\p{M} .'’-]+,\s+[^()\n]{3,30}?(?:\([^)\n]{1,40}\))?\s*[-–—]+\s/u;

/** Words that introduce a figure given for comparison ("from", "than", "against", "compared with"). */
const REFERENCE_LEAD = /\b(?:from|than|against|compared (?:with|to)|versus|vs\.?)\s+(?:(?:about|around|some|nearly|almost|roughly|the|a|an|its|their)\s+)*[$£€¥]?\s*$/i;
/** Minutes within which two times, one of them approximate, are one time. */
const APPROXIMATE_MINUTES = 30;

/** True when year `y` completes a day-and-month date in its statement ("August 7, 2026", "7 August 2026"). */
function datesYear(list: readonly Located[], y: Located): boolean {
  return list.some((d) => d.kind === "month_day" && d.end <= y.start && y.start - d.end <= 3);
}

/** Words that introduce a part of another figure. */
const PART_LEAD = /\b(?:of which|of whom|of those|of them|including|among them)\s+(?:(?:about|some|around|nearly|almost|roughly)\s+)?[$£€¥]?\s*$/i;
/** Characters before a figure searched for what introduces it. */
const REFERENCE_WINDOW = 24;

/** "from 58 to " just before a figure: the figure it changes from. */
const CHANGE_FROM_BEFORE = /\bfrom\s+[$£€¥]?\s*(\p{N}[\p{N},]*(?:\.\p{N}+)?)\s*(?:[\p{L}%]+\s+)?to\s+[$£€¥]?\s*$/u;
/** ", up from 58" or " from 58" just after a figure (and its unit words). */
const CHANGE_FROM_AFTER = /^(?:\s*[\p{L}%]+){0,2}\s*,?\s*(?:(?:up|down)\s+)?from\s+[$£€¥]?\s*(\p{N}[\p{N},]*(?:\.\p{N}+)?)(?![\p{N}.,]*\s*(?:to|-)\s*\p{N})/u;

/** Where one clause ends and the next begins: a semicolon, a colon, or a comma before a coordinating conjunction. */
const CLAUSE_BREAK = /[;:]|,\s+(?:and|but|while|whereas)\s+/g;

/**
 * Most values a statement may hold and still be read slot by slot: past it the statement is a table or a
 * list of figures (or hostile text), whose figures no slot reading can pair, and its values are not compared.
 */
export const MAX_STATEMENT_VALUES = 32;

function locate(text: string): Located[] {
  const dateline = DATELINE.exec(text)?.[0].length ?? 0;
  const values = extractValues(text).filter((v) => v.start >= dateline);
  if (values.length > MAX_STATEMENT_VALUES) return [];
  const numbers = new Set(extractNumbers(text).map((n) => String(n.value)));
  // Other values' words are not context: "4.25" and "4.75" must not match through "percent".
  const strip = (x: string) => x.replace(/[\p{N}][\p{N}.,:%-]*/gu, " ");
  const folded = foldText(text);
  // Where each clause break stands, found once for every value of the statement.
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return values.map((v) => {
    // The nearest content words either side, however many function words lie between.
    // Within the value's own clause: "taken to hospital; two remained there on Monday" (or ", and two
    // were still there on Monday") gives Monday to the staying, not to the taking.
    let from = 0;
    let to = text.length;
    let clause = 0;
    for (const b of breaks) {
      if (b.end <= v.start) {
        from = b.end;
        clause++;
      } else if (b.start >= v.end) {
        to = b.start;
        break;
      }
    }
    const before = contentTerms(strip(text.slice(from, v.start))).slice(-CONTEXT_WORDS);
    // The words that lead to this value and no earlier one of its kind ("ordered him to forfeit" before
    // the second of "fined him $350,000 and ordered him to forfeit $612,000").
    let leadFrom = from;
    for (const w of values) if (w !== v && w.kind === v.kind && w.end <= v.start && w.end > leadFrom) leadFrom = w.end;
    // (Lower-case words: what is done with the figure, not who does it.)
    const leading = new Set(
      tokenize(strip(text.slice(leadFrom, v.start)))
        .filter((t) => isContentWord(t.norm) && !/^\p{Lu}/u.test(t.raw))
        .map((t) => termKey(t.norm))
        .slice(-LEAD_WORDS),
    );
    const after = contentTerms(strip(text.slice(v.end, to))).slice(0, CONTEXT_WORDS);
    const context = new Set([...before, ...after]);
    if (v.unit) context.add(v.unit);
    // Capitalised words near the value, not opening the statement ("Biden's American Families Plan").
    const words = (x: string) => [...x.matchAll(/[\p{L}][\p{L}'’-]*/gu)];
    const near = [...words(text.slice(0, v.start)).slice(-NAME_WINDOW), ...words(text.slice(v.end)).slice(0, NAME_WINDOW)];
    const names = near
      .filter((m) => /^\p{Lu}/u.test(m[0]) && !(m.index === 0 && text.slice(0, v.start).trimStart().startsWith(m[0])))
      .map((m) => foldText(m[0]).replace(/['’]s$/, ""))
      .filter((w) => w.length > 2 && !isStopword(w));
    const lead = text.slice(Math.max(0, v.start - REFERENCE_WINDOW), v.start);
    // ("More than 32,000 homes" is a bound on the figure, not a figure given for comparison.)
    const reference =
      FIGURE_KINDS.has(v.kind) &&
      ((REFERENCE_LEAD.test(lead) && !(v.bound && isBoundLead(lead))) || (/\(\s*$/.test(lead) && values.some((w) => w !== v && w.kind === v.kind && w.end <= v.start && v.start - w.end <= REFERENCE_WINDOW / 4)));
    // Whose figure it is: the capitalised name opening the clause, after an article.
    const opening = /^\s*(?:(?:[Tt]he|[Aa]n?)\s+)?(\p{Lu}[\p{L}\p{N}-]*)/u.exec(text.slice(from, v.start));
    const subject = opening && !isStopword(foldText(opening[1])) ? foldText(opening[1]).replace(/['’]s$/, "") : "";
    const part = PART_LEAD.test(lead);
    const frame = frameOf(text.slice(from, to));
    // The figure it changes from, written right before or after it ("from 58 to 68", "to 66 florins from
    // 58 florins", "66 florins, up from 58"): a bare number often, so read from the text.
    const changed = FIGURE_KINDS.has(v.kind)
      ? (CHANGE_FROM_BEFORE.exec(lead) ?? CHANGE_FROM_AFTER.exec(text.slice(v.end, v.end + REFERENCE_WINDOW)))?.[1]
      : undefined;
    const baseline = changed ? changed.replace(/,/g, "") : null;
    return { ...v, context, lead: leading, names, statement: folded, numbers, reference, clause, subject, part, frame, baseline };
  });
}

/**
 * Conflicting values between statement `mine` and counterpart `theirs` (plain texts).
 * Each returned pair fills one slot with two different values, and neither text
 * also carries the other's value of that kind.
 */
export function findValueConflicts(mine: string, theirs: string, opts: { aligned?: boolean } = {}): ValueConflict[] {
  const a = locate(mine);
  if (!a.length) return [];
  return conflictsBetween(a, locate(theirs), opts.aligned ?? false);
}

/**
 * True when two figures can both be true because one (or both) is a bound: "more than 180"
 * and "at least 150" (two lower bounds never disagree), "189" and "at least 150", "under 50"
 * and "40". A figure outside the other's bound still disagrees ("at least 150" / "120").
 */
function boundsAgree(v: ValueMention, w: ValueMention): boolean {
  if (!v.bound && !w.bound) return false;
  if (v.bound && v.bound === w.bound) return true;
  const x = Number(v.key);
  const y = Number(w.key);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  // One lower and one upper bound agree when the range between them is not empty.
  const lowOk = (low: number, other: number) => other >= low;
  if (v.bound === "min") return w.bound === "max" ? x <= y : lowOk(x, y);
  if (v.bound === "max") return w.bound === "min" ? y <= x : lowOk(y, x);
  return w.bound === "min" ? lowOk(y, x) : lowOk(x, y);
}

/**
 * Conflicts between two located value lists. `aligned`: the statements are already known to be one
 * statement told two ways (a translation the support alignment paired), so a value that is the only one
 * of its kind and unit on each side fills the same slot even when few context words survive the wording.
 * `close`: the statements are mostly the same statement (WHOLE_OVERLAP), so two parts of one whole fill one slot.
 */
function conflictsBetween(a: Located[], b: Located[], aligned = false, close = aligned): ValueConflict[] {
  if (!a.length || !b.length) return [];
  const out: ValueConflict[] = [];
  // A statement listing several values of one kind ("8% in Virginia, 6% in North Carolina") pairs them by
  // words this comparison does not parse: it contests none of them.
  // So is a statement dense with figures ("21 points from 24 games, 14 matches left"): which figure
  // answers which is a matter of grammar.
  // A value both statements give is common ground, not one of a list: "31 of the group's 58 wards" and
  // "41 of its 58 wards" dispute one figure, and a statement whose other figures all agree is aligned
  // apart from the one that differs.
  // Figures given for comparison ("from 44.1 percent") are not what either statement says now.
  a = a.filter((x) => !x.reference);
  b = b.filter((x) => !x.reference);
  if (!a.length || !b.length) return [];
  const sharedValue = (x: Located, other: Located[]) => other.some((y) => sameSlotKind(x, y) && x.key === y.key);
  const ownA = a.filter((x) => !sharedValue(x, b));
  const ownB = b.filter((x) => !sharedValue(x, a));
  // (Dense in the figure's own kind and clause: three counts of different things, not one percentage
  // among counts, nor a second clause's figures.)
  const dense = (list: Located[], v: Located) => list.filter((x) => x.kind === v.kind && x.clause === v.clause).length >= 3;
  const several = (list: Located[], v: Located) => {
    const own = list === a ? ownA : ownB;
    // (Several in one clause: "fell to 37.8 percent, while Renewal climbed to 34.2 percent" gives one each.)
    return own.filter((x) => sameSlotKind(x, v) && x.clause === v.clause).length > 1 || (FIGURE_KINDS.has(v.kind) && dense(own, v));
  };
  const sharedContext = (x: Located, y: Located) => {
    let n = 0;
    for (const t of x.context) if (y.context.has(t)) n++;
    return n;
  };
  // One of several values in a clause of the other statement ("fined him $350,000 and ordered him to
  // forfeit the $612,000") still answers a lone value ("fined him $530,000") when its own words are the
  // lone value's and no sibling's: the words around each figure say which is which. Not among dense figures.
  const sharedLead = (x: Located, y: Located) => {
    let n = 0;
    for (const t of x.lead) if (y.lead.has(t)) n++;
    return n;
  };
  const singledOut = (v: Located, w: Located) => {
    if (dense(ownB, w) || sharedContext(v, w) < MIN_SHARED_CONTEXT || sharedLead(v, w) === 0) return false;
    return ownB.every((x) => x === w || !sameSlotKind(x, w) || x.clause !== w.clause || sharedLead(v, x) === 0);
  };
  // A figure the other statement also gives, whatever word follows it there, is not in dispute; a small
  // count only when it counts the same thing there ("three terraced houses" does not give "three parked cars").
  const mentions = (list: Located[], v: Located) =>
    list.length > 0 && (isSmallCount(v) ? list.some((y) => figureKey(y) === figureKey(v)) : list[0].numbers.has(v.key));
  for (const v of a) {
    // (A figure changed from a figure the other statement changes too is that statement's, however many it lists.)
    const baselined = (w: Located) => v.baseline !== null && v.baseline === w.baseline;
    if (several(a, v) && !b.some((w) => sameSlotKind(v, w) && baselined(w))) continue;
    if (sharedValue(v, b)) continue;
    if (FIGURE_KINDS.has(v.kind) && mentions(b, v)) continue;
    let best: { w: Located; shared: number } | null = null;
    for (const w of b) {
      if (!sameSlotKind(v, w) || w.key === v.key || approximately(v, w)) continue;
      if (several(b, w) && !singledOut(v, w) && !baselined(w)) continue;
      // Changes from two different figures ("from 12 to 15" / "from 40 to 45") are changes of two things.
      if (v.baseline !== null && w.baseline !== null && v.baseline !== w.baseline) continue;
      if (sharedValue(w, a)) continue;
      if (FIGURE_KINDS.has(w.kind) && mentions(a, w)) continue;
      if (FIGURE_KINDS.has(v.kind) && (boundsAgree(v, w) || (v.period ?? "") !== (w.period ?? ""))) continue;
      // Figures told of two different stretches of time ("last year" / "overnight") are two figures.
      if (FIGURE_KINDS.has(v.kind) && v.frame && w.frame && v.frame !== w.frame) continue;
      // Two approximate times within half an hour ("shortly before 3 a.m." / "about 2:45 a.m.") are one time.
      if (v.kind === "time" && (v.hedged || w.hedged) && Math.abs(Number(v.key) - Number(w.key)) <= APPROXIMATE_MINUTES) continue;
      // A year that completes a date ("August 7, 2026") and a bare year ("the last one, in 1998") date two things.
      if (v.kind === "year" && datesYear(a, v) !== datesYear(b, w)) continue;
      // A part of a total ("of which 15 million for housing") answers only another part.
      if (v.part !== w.part) continue;
      // A day that ends something and a day that starts it are two days ("on Tuesday" / "until Thursday").
      // ("By" and "until" both mark where something ends: "must meet by 27 August" / "at the latest until 17 August".)
      const bound = (x: Located) => (x.boundary === "deadline" ? "end" : (x.boundary ?? ""));
      if (bound(v) !== bound(w)) continue;
      // Each side names something near its figure that the other statement never mentions
      // ("the Families Plan" / "the Rescue Plan"): two figures of two things.
      const own = (x: Located, other: Located) => x.names.some((n) => !new RegExp(`\\b${escapeRe(n)}`, "u").test(other.statement));
      if (FIGURE_KINDS.has(v.kind) && own(v, w) && own(w, v)) continue;
      let shared = 0;
      for (const t of v.context) if (w.context.has(t)) shared++;
      // So is the whole two parts are counted out of ("48 of its 58 stalls" / "42 of the 58 stalls").
      if (close && v.whole !== undefined && v.whole === w.whole) shared++;
      // The same named subject ("the IPP won ..." / "the IPP's share ...") is shared context too.
      if (v.subject && v.subject === w.subject && !v.context.has(v.subject)) shared++;
      // A count's unit is its subject: with the same counted thing, the unit is the shared context.
      const lone = aligned && !v.part && !w.part && ownA.filter((x) => sameSlotKind(x, v)).length === 1 && ownB.filter((x) => sameSlotKind(x, w)).length === 1;
      // (Even a lone pair shares a word besides its unit: "pay £8,400 towards the costs" does not answer
      // "a fine of 120,000 pounds" in a sentence that tells both orders.)
      const beyondUnit = shared - (v.unit && v.context.has(v.unit) && w.context.has(v.unit) ? 1 : 0);
      if (lone ? beyondUnit < 1 && !baselined(w) : !baselined(w) && shared < MIN_SHARED_CONTEXT + (v.kind === "count" ? 1 : 0)) continue;
      if (!best || shared > best.shared) best = { w, shared };
    }
    if (best) out.push({ kind: v.kind, mine: v, theirs: best.w });
  }
  return out;
}

/** The typed values of every claim of article `i`, once per story (shared by the value and specifics passes). */
export function claimValueLists(al: StoryAlignment, i: number): readonly ValueMention[][] {
  return claimValues(al, i).map((c) => c.values);
}
