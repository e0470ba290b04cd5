/**
 * Name conflicts by slot: two closely aligned statements that put a different
 * proper name in the same place ("a shelter at Kelsford High School" / "a
 * shelter at the Greyfriars Community Center", "the Tenants Union said" / "the
 * Housing Action group said"). The slot is the word that anchors the name (the
 * preposition before it, or the verb after it) and the words around it; each
 * name must be absent from the other article altogether, so an article that
 * mentions both places holds two facts, not a dispute. The one exception is a
 * route: a name both statements give may have moved to the other end ("from
 * Castle Parade into Market Street" / "from Halloran Street into Castle Parade"),
 * and then who gives each name is counted in that slot only.
 */
import type { StoryAlignment } from "@/lib/align";
import { claimTermSets, escapeRe, foldedBody, memoPerArticle, termDice } from "./common";
import { contentTerms, extractNames, foldText, isContentWord, MONTHS, termKey, tokenize, WEEKDAYS, withinEdits } from "@/lib/text";

/** Statement-level overlap (Dice of content terms) two statements need before their names are compared. */
const MIN_OVERLAP = 0.3;
/** Context terms either side, and how many the two names' contexts must share. */
const CONTEXT_TERMS = 4;
const MIN_SHARED_CONTEXT = 2;
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS]);
const SKIP_BEFORE = new Set(["the", "a", "an"]);
/** Most names a statement may hold and still be read slot by slot. */
export const MAX_STATEMENT_NAMES = 32;
/** Characters before a name read for the words that anchor it (the preposition and the word before it). */
const BEFORE_WINDOW = 120;
/** Prepositions that put a name in a place slot ("into" and "onto" end a route that "from" starts). */
const PLACE_PREPOSITIONS = new Set(["at", "in", "near", "outside", "inside", "from", "to", "into", "onto"]);
/**
 * Prepositions of place one outlet may swap for another around the same noun ("a junction in X" / "a
 * junction on Y"): interchangeable only when the word before them is the same.
 */
const LOCATIVE = new Set(["in", "on", "at"]);
/**
 * A story place named in both articles can still be in dispute: "a shop in Rooksby" / "a shop in
 * Hethermouth" where each article names both towns for other things. Then the statements must align
 * this closely and share a name besides the two (the same person or body), and neither name may sit
 * in any statement of the other article that aligns with the one in question.
 */
const STORY_PLACE_OVERLAP = 0.5;
/** A statement reporting speech: its "at <place>" is where the words were said. */
const SPEECH = /\b(?:said|says|speaking|spoke|told|telling|announced)\b/i;

interface NameSlot {
  text: string;
  folded: string;
  before: string;
  /** The word before `before` ("junction" in "a junction in X"). */
  prev: string;
  after: string;
  context: Set<string>;
}

/** Name slots of a statement; names inside `skip` (its quotations, offsets in `text`) are the speaker's words, not the report's. */
function slots(text: string, skip: readonly { start: number; end: number }[] = []): NameSlot[] {
  const out: NameSlot[] = [];
  // The statement's content words with their places, read once for all its names.
  const terms = tokenize(text)
    .filter((t) => isContentWord(t.norm))
    .map((t) => ({ term: termKey(t.norm), start: t.start, end: t.end }));
  const names = extractNames(text);
  // A statement naming this many is a list (or hostile text): no slot of it is read.
  if (names.length > MAX_STATEMENT_NAMES) return [];
  for (const n of names) {
    if (skip.some((q) => n.start < q.end && n.end > q.start)) continue;
    const folded = foldText(n.text);
    if (folded.split(/\s+/).every((w) => CALENDAR.has(w))) continue;
    const beforeWords = text.slice(Math.max(0, n.start - BEFORE_WINDOW), n.start).toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
    while (beforeWords.length && SKIP_BEFORE.has(beforeWords[beforeWords.length - 1])) beforeWords.pop();
    const afterWords = text.slice(n.end).toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
    const nameTerms = new Set(contentTerms(n.text));
    const ctx = [
      ...terms.filter((t) => t.end <= n.start && !nameTerms.has(t.term)).slice(-CONTEXT_TERMS).map((t) => t.term),
      ...terms.filter((t) => t.start >= n.end && !nameTerms.has(t.term)).slice(0, CONTEXT_TERMS).map((t) => t.term),
    ];
    // "Out of" a place is "from" it ("swung out of Halloran Street" / "turned from Halloran Street").
    const outOf = beforeWords.at(-1) === "of" && beforeWords.at(-2) === "out";
    out.push({ text: n.text, folded, before: outOf ? "from" : (beforeWords.at(-1) ?? ""), prev: beforeWords.at(outOf ? -3 : -2) ?? "", after: afterWords[0] ?? "", context: new Set(ctx) });
  }
  return out;
}

export interface NameConflict {
  /** True when the names are where a statement was made ("said at ..."). */
  venue: boolean;
  /**
   * True when both names are places the two articles each name elsewhere: then how many outlets give
   * each is counted over aligned statements only (`agreeing`), not over whole articles.
   */
  storyPlace: boolean;
  /** For a story place: how many other articles have a statement aligned with this one that holds `mine`. */
  agreeing: number;
  /** For a story place: how many other articles have a statement aligned with this one that holds `theirs`. */
  disputing: number;
  article: number;
  claim: number;
  mine: string;
  theirs: string;
  overlap: number;
}


/** How many articles of the story mention a (folded) name. */
export function nameCarriers(al: StoryAlignment, folded: string): number {
  let n = 0;
  for (let i = 0; i < al.index.articles.length; i++) if (foldedBody(al, i).includes(folded)) n++;
  return n;
}

interface ClaimNames {
  slots: NameSlot[];
  terms: Set<string>;
  folded: string;
  /** The statement holds a quotation (its slots are read outside the marks). */
  quoting: boolean;
}

/** Name slots, content terms and folded text of every claim of article `i`, once per story. */
const claimNames = memoPerArticle((al, i): ClaimNames[] => {
  const terms = claimTermSets(al, i);
  const a = al.index.articles[i].analysis;
  return a.claims.map((c, ci) => {
    const inside = a.quotes.filter((q) => q.start < c.end && q.end > c.start).map((q) => ({ start: q.start - c.start, end: q.end - c.start }));
    return { slots: c.quoted ? [] : slots(c.text, inside), terms: terms[ci], folded: foldText(c.text), quoting: inside.length > 0 };
  });
});

/** Name conflicts of claim `ci` of article `ai` against the claims of `targets`. */
export function findNameConflicts(al: StoryAlignment, ai: number, ci: number, targets: readonly number[]): NameConflict[] {
  const a = al.index.articles[ai].analysis;
  const c = a.claims[ci];
  if (c.quoted) return [];
  const me = claimNames(al, ai)[ci];
  const mine = me.slots.filter((s) => s.before || s.after);
  if (!mine.length) return [];
  const mineTerms = me.terms;
  const aFolded = me.folded;
  const aBody = foldedBody(al, ai);
  // A statement holding a quotation names its speaker: who said it, and where, is the attribution
  // checks' business; only its places of fact (outside the marks) are compared here.
  const mineSpeech = !me.quoting && SPEECH.test(c.text);
  const mineNames = new Set(me.slots.map((s) => s.folded));
  const out: NameConflict[] = [];
  // Whether this article names a place, once per name (the same names recur across counterparts).
  const namedInA = new Map<string, boolean>();
  const inA = (x: string) => {
    let v = namedInA.get(x);
    if (v === undefined) namedInA.set(x, (v = aBody.includes(x)));
    return v;
  };
  for (const bi of targets) {
    const bBody = foldedBody(al, bi);
    const theirs = claimNames(al, bi);
    const bClaims = al.index.articles[bi].analysis.claims;
    // Every name of the statement is in the other article: only a story place can be in dispute, and only
    // with a statement the support alignment pairs with this one (looked up there, not over every claim).
    // (A statement holding a quotation is compared only with statements paired with it: see `close` below.)
    const strictPossible = !me.quoting && (!mine.every((x) => bBody.includes(x.folded)) || mineSpeech);
    const window = strictPossible ? null : pairedWindow(al, ai, ci, bi);
    if (!strictPossible && !window) continue;
    // The other article's statements that align with this one: where a story place must be absent (read once, when needed).
    let nearMemo: ClaimNames[] | null = null;
    const near = () => (nearMemo ??= alignedWith(al, bi, mineTerms));
    // Which of this statement's names the other article lacks, read once per article (not per statement).
    const absentFromB = mine.map((v) => !bBody.includes(v.folded));
    bClaims.forEach((t, cj) => {
      const tn = theirs[cj];
      if (t.quoted || !tn.slots.length) return;
      if (window && (t.sentence < window[0] || t.sentence > window[1])) return;
      const overlap = termDice(mineTerms, tn.terms);
      if (overlap < (strictPossible ? MIN_OVERLAP : STORY_PLACE_OVERLAP)) return;
      // Where a statement was made is one slot per statement: for the venue of a speech ("said at
      // City Hall" / "speaking at the shelter") the other statement must lack the name, not the other article.
      const venue = mineSpeech && !tn.quoting && SPEECH.test(t.text);
      // Story places: statements this close, about the same named person or body.
      const close = overlap >= STORY_PLACE_OVERLAP && tn.slots.some((w) => mineNames.has(w.folded) && !/^\p{Lu}{2,6}$/u.test(w.text));
      // The other article's statements that align with this one (for a story place, mine must be absent from them).
      let aNearMemo: ClaimNames[] | null = null;
      const aNear = () => (aNearMemo ??= alignedWith(al, ai, tn.terms));
      mine.forEach((v, vi) => {
        const strict = venue && v.before === "at" ? !tn.folded.includes(v.folded) : absentFromB[vi];
        const loose = !strict && close && !near().some((x) => x.folded.includes(v.folded));
        const vMoved = !strict && !loose && close && movedIn(near(), v);
        if (!strict && !loose && !vMoved) return;
        for (const w of tn.slots) {
          const wStrict = venue && w.before === "at" ? !aFolded.includes(w.folded) : !inA(w.folded);
          const wLoose = !wStrict && close && !aNear().some((x) => x.folded.includes(w.folded));
          const wMoved = !wStrict && !wLoose && close && movedIn(aNear(), w);
          if (!wStrict && !wLoose && !wMoved) continue;
          // A name both statements give, in another slot of place in each (see movedIn).
          const moved = vMoved || wMoved;
          // Only a route can be told the other way round: each statement must give both of its ends.
          if (moved && !(isRoute(me) && isRoute(tn))) continue;
          // Where a quoted speaker is from identifies the speaker ("a teacher from Canada" / "from Halifax"):
          // one outlet names the town, another the country.
          if ((me.quoting || tn.quoting) && (v.before === "from" || w.before === "from")) continue;
          // A quotation's words count in the statements' overlap: beside one, only a statement about the
          // same named person or body, aligned this closely, is in the same slot.
          if ((me.quoting || tn.quoting) && !close) continue;
          const storyPlace = !(strict && wStrict);
          if (storyPlace && ((venue && !moved) || (mineNames.has(w.folded) && !wMoved))) continue;
          // Determiners and possessive modifiers ("the", "Marrowby's") do not make another name;
          // two spellings of one name ("Mayor Rennick" / "Mayor Patricia Rennick") have one's words inside the other's.
          const core = (x: string) => x.split(/\s+/).filter((t) => !/^(?:the|a|an)$/.test(t) && !/['’]s$/.test(t));
          const vWords = core(v.folded);
          const wWords = core(w.folded);
          if (vWords.every((x) => wWords.includes(x)) || wWords.every((x) => vWords.includes(x))) continue;
          if (spelledAlike(v.folded, w.folded)) continue;
          // The slot is a place: the same preposition of place before both names ("a shelter at X" / "at Y"),
          // or two of in/on/at after the same noun ("a junction in X" / "a junction on Y").
          // Other shared neighbours ("X said" / "Y said") leave too much to chance: who or what acts is
          // the attribution checks' business.
          const anchored =
            (v.before === w.before && PLACE_PREPOSITIONS.has(v.before)) ||
            (LOCATIVE.has(v.before) && LOCATIVE.has(w.before) && v.prev !== "" && v.prev === w.prev && isContentWord(v.prev));
          if (!anchored) continue;
          // An acronym may stand for the other name ("US" / "United States").
          if (/^[\p{Lu}.]{2,6}$/u.test(v.text) || /^[\p{Lu}.]{2,6}$/u.test(w.text)) continue;
          let ctx = 0;
          for (const x of v.context) if (w.context.has(x)) ctx++;
          if (ctx < MIN_SHARED_CONTEXT) continue;
          // A statement like this one that names both places ("Courtroom 4 of the Superior Court") shows them
          // to be parts of one description, not rivals.
          if ((!venue || moved) && namedTogether(al, mineTerms, v.folded, w.folded, moved)) continue;
          out.push({
            venue: venue && v.before === "at" && w.before === "at",
            storyPlace,
            agreeing: storyPlace ? agreeingArticles(al, ai, mineTerms, v.folded, targets, moved ? v.before : null) : 0,
            disputing: storyPlace ? agreeingArticles(al, ai, mineTerms, w.folded, targets, moved ? w.before : null) : 0,
            article: bi,
            claim: cj,
            mine: v.text,
            theirs: w.text,
            overlap,
          });
        }
      });
    });
  }
  return out;
}

/** Shortest folded name that may be written two ways, and letters per allowed edit past it. */
const SPELLING_MIN = 6;
const LETTERS_PER_EDIT = 8;

/**
 * Two spellings of one name ("Parris Island" / "Paris Island", "Kessling" / "Kesling"): folded names
 * of six letters or more, an edit apart for every eight letters (at least one). Shorter names
 * ("Hull" / "Hall") differ by one letter and are different places.
 */
export function spelledAlike(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  if (n < SPELLING_MIN) return a === b;
  return withinEdits(a, b, Math.max(1, Math.floor(n / LETTERS_PER_EDIT)));
}

/** Support the alignment needs between two statements before a story place is compared in them. */
const PAIRED_SUPPORT = 0.4;

/** The sentences of article `bi` the support alignment pairs with claim `ci` of article `ai`, when it supports it enough. */
function pairedWindow(al: StoryAlignment, ai: number, ci: number, bi: number): [number, number] | null {
  const m = al.claims[ai][ci].find((x) => x.article === bi && x.support && x.support.score >= PAIRED_SUPPORT);
  return m ? m.support!.sentences : null;
}

/** Claims of article `i` whose content terms align with `terms`. */
function alignedWith(al: StoryAlignment, i: number, terms: Set<string>): ClaimNames[] {
  const claims = al.index.articles[i].analysis.claims;
  return claimNames(al, i).filter((x, k) => !claims[k].quoted && termDice(terms, x.terms) >= MIN_OVERLAP);
}

/**
 * True when some article of the story has a statement aligned with `terms` that names both `x` and `y`.
 * With `route`, a statement that puts the two in slots of different prepositions of place ("from X
 * into Y") names two ends of a route, not one description, and does not count.
 */
function namedTogether(al: StoryAlignment, terms: Set<string>, x: string, y: string, route = false): boolean {
  return al.index.articles.some((_, i) =>
    alignedWith(al, i, terms).some((s) => s.folded.includes(x) && s.folded.includes(y) && !(route && endsOfRoute(s, x, y))),
  );
}

/** Prepositions that end a route a "from" slot starts. */
const ROUTE_ENDS = new Set(["to", "into", "onto"]);

/** True when a statement names a route: a name after "from" and another after "to", "into" or "onto". */
function isRoute(s: ClaimNames): boolean {
  const from = s.slots.filter((x) => x.before === "from");
  return from.length > 0 && s.slots.some((x) => ROUTE_ENDS.has(x.before) && !from.some((f) => f.folded === x.folded));
}

/** Prepositions of place before a (folded) name's slots in a statement. */
function placeSlotsOf(s: ClaimNames, folded: string): string[] {
  return s.slots.filter((x) => x.folded === folded).map((x) => x.before);
}

/** True when a statement holds both names only in slots of place, with different prepositions. */
function endsOfRoute(s: ClaimNames, x: string, y: string): boolean {
  const px = placeSlotsOf(s, x);
  const py = placeSlotsOf(s, y);
  return px.length > 0 && py.length > 0 && [...px, ...py].every((b) => PLACE_PREPOSITIONS.has(b)) && !px.some((b) => py.includes(b));
}

/**
 * True when the statements of `list` that name `slot` hold it only in other slots of place: "into
 * Castle Parade" where this statement has "from Castle Parade". A name inside a longer one ("the
 * Castle Parade tram stop"), or in a slot of no place, is not moved.
 */
function movedIn(list: readonly ClaimNames[], slot: NameSlot): boolean {
  if (!PLACE_PREPOSITIONS.has(slot.before)) return false;
  const holding = list.filter((x) => x.folded.includes(slot.folded));
  return (
    holding.length > 0 &&
    holding.every((x) => {
      const at = placeSlotsOf(x, slot.folded);
      return at.length > 0 && at.every((b) => b !== slot.before && PLACE_PREPOSITIONS.has(b)) && x.slots.every((s) => s.folded === slot.folded || !s.folded.includes(slot.folded));
    })
  );
}

/**
 * How many of `targets` have a statement aligned with `terms` that names `folded` (with `before`, in
 * a slot after that preposition).
 */
function agreeingArticles(al: StoryAlignment, ai: number, terms: Set<string>, folded: string, targets: readonly number[], before: string | null = null): number {
  let n = 0;
  for (const bi of targets) {
    if (bi === ai) continue;
    const near = alignedWith(al, bi, terms);
    if (before === null ? near.some((x) => x.folded.includes(folded)) : near.some((x) => placeSlotsOf(x, folded).includes(before))) n++;
  }
  return n;
}

/** How many articles report a statement made at a (folded) place: "said at City Hall", "speaking at the shelter". */
export function venueCarriers(al: StoryAlignment, folded: string): number {
  let n = 0;
  for (const p of al.index.articles) {
    if (p.analysis.claims.some((c) => SPEECH.test(c.text) && new RegExp(`\\bat (?:the |a |an )?${escapeRe(folded)}\\b`).test(foldText(c.text)))) n++;
  }
  return n;
}
