/**
 * Name conflicts by slot: two closely aligned statements that put a different
 * proper name in the same place ("a shelter at Kelsford High School" / "a
 * shelter at the Greyfriars Community Center", "the Tenants Union said" / "the
 * Housing Action group said"). The slot is the word that anchors the name (the
 * preposition before it, or the verb after it) and the words around it; each
 * name must be absent from the other article altogether, so an article that
 * mentions both places holds two facts, not a dispute.
 */
import type { StoryAlignment } from "@/lib/align";
import { claimTermSets, escapeRe, foldedBody, memoPerArticle } from "./common";
import { contentTerms, extractNames, foldText, isContentWord, MONTHS, termKey, tokenize, WEEKDAYS } from "@/lib/text";

/** Statement-level overlap (Dice of content terms) two statements need before their names are compared. */
const MIN_OVERLAP = 0.3;
/** Context terms either side, and how many the two names' contexts must share. */
const CONTEXT_TERMS = 4;
const MIN_SHARED_CONTEXT = 2;
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS]);
const SKIP_BEFORE = new Set(["the", "a", "an"]);
/** Prepositions that put a name in a place slot. */
const PLACE_PREPOSITIONS = new Set(["at", "in", "near", "outside", "inside", "from", "to"]);
/** A statement reporting speech: its "at <place>" is where the words were said. */
const SPEECH = /\b(?:said|says|speaking|spoke|told|telling|announced)\b/i;

interface NameSlot {
  text: string;
  folded: string;
  before: string;
  after: string;
  context: Set<string>;
}

function slots(text: string): NameSlot[] {
  const out: NameSlot[] = [];
  // The statement's content words with their places, read once for all its names.
  const terms = tokenize(text)
    .filter((t) => isContentWord(t.norm))
    .map((t) => ({ term: termKey(t.norm), start: t.start, end: t.end }));
  for (const n of extractNames(text)) {
    const folded = foldText(n.text);
    if (folded.split(/\s+/).every((w) => CALENDAR.has(w))) continue;
    const beforeWords = text.slice(0, n.start).toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
    while (beforeWords.length && SKIP_BEFORE.has(beforeWords[beforeWords.length - 1])) beforeWords.pop();
    const afterWords = text.slice(n.end).toLowerCase().split(/[^\p{L}']+/u).filter(Boolean);
    const nameTerms = new Set(contentTerms(n.text));
    const ctx = [
      ...terms.filter((t) => t.end <= n.start && !nameTerms.has(t.term)).slice(-CONTEXT_TERMS).map((t) => t.term),
      ...terms.filter((t) => t.start >= n.end && !nameTerms.has(t.term)).slice(0, CONTEXT_TERMS).map((t) => t.term),
    ];
    out.push({ text: n.text, folded, before: beforeWords.at(-1) ?? "", after: afterWords[0] ?? "", context: new Set(ctx) });
  }
  return out;
}

export interface NameConflict {
  /** True when the names are where a statement was made ("said at ..."). */
  venue: boolean;
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
}

/** Name slots, content terms and folded text of every claim of article `i`, once per story. */
const claimNames = memoPerArticle((al, i): ClaimNames[] => {
  const terms = claimTermSets(al, i);
  return al.index.articles[i].analysis.claims.map((c, ci) => ({ slots: c.quoted ? [] : slots(c.text), terms: terms[ci], folded: foldText(c.text) }));
});

/** Name conflicts of claim `ci` of article `ai` against the claims of `targets`. */
export function findNameConflicts(al: StoryAlignment, ai: number, ci: number, targets: readonly number[]): NameConflict[] {
  const a = al.index.articles[ai].analysis;
  const c = a.claims[ci];
  // A sentence holding a quotation names its speaker: who said it is the attribution check's business.
  const holdsQuote = (art: typeof a, x: { start: number; end: number }) => art.quotes.some((q) => q.start < x.end && q.end > x.start);
  if (c.quoted || holdsQuote(a, c)) return [];
  const me = claimNames(al, ai)[ci];
  const mine = me.slots.filter((s) => s.before || s.after);
  if (!mine.length) return [];
  const mineTerms = me.terms;
  const aFolded = me.folded;
  const aBody = foldedBody(al, ai);
  const mineSpeech = SPEECH.test(c.text);
  const out: NameConflict[] = [];
  for (const bi of targets) {
    const bBody = foldedBody(al, bi);
    // Cheap exit: every name of the statement appears in the other article.
    if (mine.every((x) => bBody.includes(x.folded)) && !mineSpeech) continue;
    const theirs = claimNames(al, bi);
    al.index.articles[bi].analysis.claims.forEach((t, cj) => {
      const tn = theirs[cj];
      if (t.quoted || !tn.slots.length || holdsQuote(al.index.articles[bi].analysis, t)) return;
      let shared = 0;
      for (const x of mineTerms) if (tn.terms.has(x)) shared++;
      const overlap = (2 * shared) / (mineTerms.size + tn.terms.size || 1);
      if (overlap < MIN_OVERLAP) return;
      // Where a statement was made is one slot per statement: for the venue of a speech ("said at
      // City Hall" / "speaking at the shelter") the other statement must lack the name, not the other article.
      const venue = mineSpeech && SPEECH.test(t.text);
      const own = mine.filter((x) => (venue && x.before === "at" ? !tn.folded.includes(x.folded) : !bBody.includes(x.folded)));
      if (!own.length) return;
      for (const w of tn.slots) {
        if (venue && w.before === "at" ? aFolded.includes(w.folded) : aBody.includes(w.folded)) continue;
        for (const v of own) {
          // Determiners and possessive modifiers ("the", "Marrowby's") do not make another name;
          // two spellings of one name ("Mayor Rennick" / "Mayor Patricia Rennick") have one's words inside the other's.
          const core = (x: string) => x.split(/\s+/).filter((t) => !/^(?:the|a|an)$/.test(t) && !/['’]s$/.test(t));
          const vWords = core(v.folded);
          const wWords = core(w.folded);
          if (vWords.every((x) => wWords.includes(x)) || wWords.every((x) => vWords.includes(x))) continue;
          // The slot is a place: the same preposition of place before both names ("a shelter at X" / "at Y").
          // Other shared neighbours ("X said" / "Y said") leave too much to chance: who or what acts is
          // the attribution checks' business.
          const anchored = v.before === w.before && PLACE_PREPOSITIONS.has(v.before);
          if (!anchored) continue;
          // An acronym may stand for the other name ("US" / "United States").
          if (/^[\p{Lu}.]{2,6}$/u.test(v.text) || /^[\p{Lu}.]{2,6}$/u.test(w.text)) continue;
          let ctx = 0;
          for (const x of v.context) if (w.context.has(x)) ctx++;
          if (ctx < MIN_SHARED_CONTEXT) continue;
          out.push({ venue: venue && v.before === "at" && w.before === "at", article: bi, claim: cj, mine: v.text, theirs: w.text, overlap });
        }
      }
    });
  }
  return out;
}

/** How many articles report a statement made at a (folded) place: "said at City Hall", "speaking at the shelter". */
export function venueCarriers(al: StoryAlignment, folded: string): number {
  let n = 0;
  for (const p of al.index.articles) {
    if (p.analysis.claims.some((c) => SPEECH.test(c.text) && new RegExp(`\\bat (?:the |a |an )?${escapeRe(folded)}\\b`).test(foldText(c.text)))) n++;
  }
  return n;
}
