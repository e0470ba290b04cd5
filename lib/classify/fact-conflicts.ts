/**
 * fact_conflict: aligned statements that disagree on a number, date, time, name,
 * title or place. Typed values are compared by slot (./values), proper names by
 * slot (./names), other names and calendar words in the substitutions of the
 * word alignment; only the minority version is flagged, and a tie goes to the
 * derived side. (Meaning reversals are in ./reversals.)
 */
import { matchRuns, claimTokens, CLAIM_SUPPORT_MIN, type StoryAlignment, type ClaimMatch } from "@/lib/align";
import type { PreparedArticle } from "@/lib/align";
import { extractDates, extractNumbers, FIGURE_KINDS, foldText, numberWordValue, type ValueKind, type ValueMention } from "@/lib/text";
import type { FlagDraft } from "@/lib/types";
import { clip, counterpartsOf, memoPerArticle, evidenceFor, flagThisSide, isFlaggableSentence, joinNames, MAX_EVIDENCE } from "./common";
import type { Derivation } from "./derivation";
import { findNameConflicts, nameCarriers, spelledAlike, venueCarriers } from "./names";
import { claimValueLists, figureKey, findSlotConflicts, findSlotHolders, HARD_VALUE_KINDS } from "./values";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

interface Conflict {
  type: "number" | "date" | "name";
  /** For a conflict of typed values: each side's value as "kind|unit|key", and the value kind. */
  value?: { mine: string; theirs: string; kind: ValueKind };
  /** For a conflict found by slot: the two values and the counterpart's claim. */
  slot?: { mine: ValueMention; theirs: ValueMention; claim: number };
  /** Either value was written as approximate. */
  hedged?: boolean;
  /** For a conflict of proper names in one slot: each side's folded name. */
  name?: { mine: string; theirs: string; venue: boolean; storyPlace: boolean; agreeing: number; disputing: number };
  mine: string;
  theirs: string;
  /** Key sequences (with one word of context either side) of each version. */
  mineKeys: string[];
  theirsKeys: string[];
}

const HONORIFIC = /^(mr|mrs|ms|dr|sir|president|prime|minister|secretary|senator|sen|rep|gov|governor|general|gen|the)$/;

function numbersOf(text: string): number[] {
  return extractNumbers(text).filter((n) => !n.year).map((n) => n.value);
}

/** Token flags for the conflict pre-check: a figure (digits or a number word), or a capitalised content word. */
const FIGURE = 1;
const NAME = 2;
const FACTUAL = new WeakMap<PreparedArticle, Uint8Array>();

/** Per-token FIGURE/NAME flags of an article, computed once (every claim is checked against many windows). */
function factualTokens(p: PreparedArticle): Uint8Array {
  let f = FACTUAL.get(p);
  if (!f) {
    f = new Uint8Array(p.tokens.length);
    for (let i = 0; i < p.tokens.length; i++) {
      if (/^\d/.test(p.keys[i]) || numberWordValue(p.tokens[i].norm) !== null) f[i] |= FIGURE;
      if (p.terms[i] !== "" && /^\p{Lu}/u.test(p.tokens[i].raw)) f[i] |= NAME;
    }
    FACTUAL.set(p, f);
  }
  return f;
}

/** Conflicting facts between a claim and its aligned window, found in the substitutions of their word alignment. */
function findConflicts(al: StoryAlignment, ai: number, ci: number, m: ClaimMatch): Conflict[] {
  const A = al.index.articles[ai];
  const B = al.index.articles[m.article];
  const sIdx = claimTokens(al.index, ai, ci);
  const [s0, s1] = m.support!.sentences;
  const tIdx: number[] = [];
  const tStarts = new Set<number>();
  for (let s = s0; s <= s1; s++) {
    const [x, y] = B.sentenceTokens[s];
    tStarts.add(x);
    for (let i = x; i < y; i++) tIdx.push(i);
  }
  const sKeys = sIdx.map((i) => A.keys[i]);
  const tKeys = tIdx.map((i) => B.keys[i]);
  // A conflict needs a figure, date or name on each side that the other side lacks: check cheaply before diffing.
  // (Sentence-initial capitals and function words are not names.)
  const fa = factualTokens(A);
  const fb = factualTokens(B);
  const factual = (f: Uint8Array, i: number, first: boolean) => (f[i] & FIGURE) !== 0 || (!first && (f[i] & NAME) !== 0);
  const sSet = new Set(sKeys);
  const tSet = new Set(tKeys);
  if (!sIdx.some((i, k) => !tSet.has(A.keys[i]) && factual(fa, i, k === 0))) return [];
  if (!tIdx.some((i) => !sSet.has(B.keys[i]) && factual(fb, i, tStarts.has(i)))) return [];
  const runs = matchRuns(sKeys, tKeys);
  if (!runs) return [];
  // Every equal run anchors here (even a lone "about"): a substitution must sit between agreeing words.
  const accepted = runs;
  const out: Conflict[] = [];
  for (let k = 0; k + 1 < accepted.length; k++) {
    const r = accepted[k];
    const nx = accepted[k + 1];
    const sa = r.a + r.length;
    const sb = nx.a;
    const ta = r.b + r.length;
    const tb = nx.b;
    // A true substitution: short, non-empty gaps on both sides between agreeing words.
    if (sb <= sa || tb <= ta || sb - sa > 4 || tb - ta > 4) continue;
    // Words inside A's quotation marks are the quote classifier's business.
    const gapStart = A.tokens[sIdx[sa]].start;
    if (A.analysis.quotes.some((q) => gapStart >= q.start && gapStart < q.end)) continue;
    const bodyA = A.analysis.article.body;
    const bodyB = B.analysis.article.body;
    const mine = bodyA.slice(A.tokens[sIdx[sa]].start, A.tokens[sIdx[sb - 1]].end);
    const theirs = bodyB.slice(B.tokens[tIdx[ta]].start, B.tokens[tIdx[tb - 1]].end);
    // Scale words just after the gap belong to the figure ("6 million").
    const nextA = bodyA.slice(A.tokens[sIdx[sb - 1]].end, A.tokens[sIdx[Math.min(sb, sIdx.length - 1)]].end);
    const nextB = bodyB.slice(B.tokens[tIdx[tb - 1]].end, B.tokens[tIdx[Math.min(tb, tIdx.length - 1)]].end);
    // A version is the differing words plus the word after them ("3400 drivers", "union president").
    const ctxKeys = (keys: string[], from: number, to: number) => keys.slice(from, to + 1);
    const base = { mineKeys: ctxKeys(sKeys, sa, sb), theirsKeys: ctxKeys(tKeys, ta, tb) };
    // Figures are compared by slot (./values), where the words around each value say what it measures.
    if (numbersOf(mine + nextA).length || numbersOf(theirs + nextB).length) continue;
    const dA = extractDates(mine);
    const dB = extractDates(theirs);
    if (dA.length && dB.length) {
      const same = dA.some((x) => dB.some((y) => x.kind === y.kind && x.value === y.value));
      const comparable = dA.some((x) => dB.some((y) => x.kind === y.kind));
      // A day swapped together with the words around it ("on Monday after the gale" / "on Sunday, and the"),
      // by an article that gives the other day itself in another statement, is two days of two events
      // ("the gale hit on Sunday" ... "owners counted the cost on Monday"), not two versions of one.
      const bare = (x: string, d: readonly { text: string }[]) => x.trim().replace(/[\s,.;:]+$/, "") === d[0].text;
      const holdsTheirs = dB.some((y) => claimValueLists(al, ai).some((list, k) => k !== ci && list.some((v) => v.kind === y.kind && v.key === y.value)));
      const reworded = !(dA.length === 1 && bare(mine, dA)) || !(dB.length === 1 && bare(theirs, dB));
      if (comparable && !same && !(holdsTheirs && reworded)) out.push({ type: "date", mine, theirs, ...base });
      continue;
    }
    const capA = sIdx.slice(sa, sb).every((i) => /^\p{Lu}/u.test(A.tokens[i].raw) && !HONORIFIC.test(A.tokens[i].norm));
    const capB = tIdx.slice(ta, tb).every((i) => /^\p{Lu}/u.test(B.tokens[i].raw) && !HONORIFIC.test(B.tokens[i].norm));
    const startA = sa === 0;
    const startB = ta === 0 || /[.!?]["”’']?\s*$/.test(bodyB.slice(Math.max(0, B.tokens[tIdx[ta]].start - 3), B.tokens[tIdx[ta]].start));
    // An acronym is usually another name for the same thing ("GOP" / "Republican Party").
    const acronym = (t: string) => /^[A-Z.]{2,6}$/.test(t.trim());
    // A speaker's name next to a quotation is who said it: the attribution check compares that.
    const speakerOf = (p: PreparedArticle, at: number) =>
      p.analysis.quotes.some((q) => q.speakerSpan && at >= q.speakerSpan.start - 1 && at < q.speakerSpan.end + 1);
    const speakers = speakerOf(A, A.tokens[sIdx[sa]].start) || speakerOf(B, B.tokens[tIdx[ta]].start);
    // Where a quoted speaker is from identifies the speaker ("a teacher from Canada" / "from Halifax"):
    // one outlet names the town, another the country.
    const quoting = (p: PreparedArticle, from: number, to: number) => p.analysis.quotes.some((q) => q.start < to && q.end > from);
    const claimA = A.analysis.claims[ci];
    const origin =
      /\bfrom\s+(?:the\s+)?$/i.test(bodyA.slice(Math.max(0, A.tokens[sIdx[sa]].start - 10), A.tokens[sIdx[sa]].start)) &&
      (quoting(A, claimA.start, claimA.end) || quoting(B, m.support!.span.start, m.support!.span.end));
    if (capA && capB && !startA && !startB && !speakers && !origin && !acronym(mine) && !acronym(theirs) && !spelledAlike(foldText(mine), foldText(theirs))) {
      // Reordered names are not conflicts: the other version must not appear in the other text at all.
      const fa = foldText(m.support!.text);
      const fb = foldText(bodyA.slice(A.analysis.claims[ci].start, A.analysis.claims[ci].end));
      if (!fa.includes(foldText(mine)) && !fb.includes(foldText(theirs))) out.push({ type: "name", mine, theirs, ...base });
    }
  }
  return out;
}

function containsSeq(keys: string[], seq: string[]): boolean {
  if (!seq.length) return false;
  outer: for (let i = 0; i + seq.length <= keys.length; i++) {
    for (let j = 0; j < seq.length; j++) if (keys[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

export interface FactContext {
  al: StoryAlignment;
  corr: number[];
  /** Likely source of each article: in a tie, the conflict goes on the derived side. */
  derivations?: Derivation[];
}

/** Statement overlap (Dice) at which a different day is disputed even when the article names the other day elsewhere. */
const CALENDAR_OVERLAP = 0.45;

/** Hours by which an article must follow its counterparts for a different figure to read as an update. */
const UPDATE_HOURS = 12;

/** Value kinds that name a day or an hour: one report uses several of them for several events. */
const CALENDAR_KINDS: ReadonlySet<ValueKind> = new Set<ValueKind>(["weekday", "month_day", "time"]);

/** fact_conflict flags for one article: the minority version of a disputed fact is flagged. */
export function classifyFactConflicts(ctx: FactContext, ai: number): Draft[] {
  const { al, corr } = ctx;
  const arts = al.index.articles;
  if (!counterpartsOf(al, ai).length) return [];
  const A = arts[ai];
  const a = A.analysis;
  const out: Draft[] = [];
  a.claims.forEach((c, ci) => {
    if (!isFlaggableSentence(a.segmentation, c.sentence)) return;
    const found: { m: ClaimMatch; conflict: Conflict }[] = [];
    for (const m of al.claims[ai][ci]) {
      if (!m.support || m.support.score < CLAIM_SUPPORT_MIN) continue;
      for (const conflict of findConflicts(al, ai, ci, m)) found.push({ m, conflict });
    }
    // Proper names in the same slot of a closely aligned statement (a place, an organisation).
    for (const v of findNameConflicts(al, ai, ci, counterpartsOf(al, ai))) {
      // The word-level pass may have seen the same two names: the slot's count of who gives each is
      // the better one for a story place ("Rooksby and" is in every article that names the town).
      const same = found.findIndex((f) => f.m.article === v.article && f.conflict.type === "name" && !f.conflict.name && foldText(f.conflict.mine) === foldText(v.mine) && foldText(f.conflict.theirs) === foldText(v.theirs));
      if (same >= 0 && v.storyPlace) found.splice(same, 1);
      else if (found.some((f) => f.m.article === v.article && f.conflict.type === "name")) continue;
      const bc = arts[v.article].analysis.claims[v.claim];
      const m: ClaimMatch = {
        article: v.article,
        coverage: "cut",
        support: { article: v.article, score: v.overlap, sentences: [bc.sentence, bc.sentence], span: { start: bc.start, end: bc.end }, text: bc.text },
      };
      found.push({ m, conflict: { type: "name", mine: v.mine, theirs: v.theirs, mineKeys: [], theirsKeys: [], name: { mine: foldText(v.mine), theirs: foldText(v.theirs), venue: v.venue, storyPlace: v.storyPlace, agreeing: v.agreeing, disputing: v.disputing } } });
    }
    // Typed values (figures, times, scores, dates) by slot, in any counterpart statement.
    const slots = findSlotConflicts(al, ai, ci, counterpartsOf(al, ai));
    for (const v of slots) {
      // An article that states the other value itself elsewhere holds two facts, not a dispute about one.
      // (Whatever word follows the figure there: "1,626,042 valid signatures" is that figure too.)
      // Not so for a day in a statement closely aligned with the other (the same event told the same way):
      // a report names several days for several events, and the one it gives this event is in dispute.
      const sameEventDay = v.kind === "weekday" && v.overlap >= CALENDAR_OVERLAP && figuresAgree(claimValueLists(al, ai)[ci], claimValueLists(al, v.article)[v.claim]);
      if (!sameEventDay && (valuesOf(al, ai).has(slotKey(v.theirs)) || holdsFigure(al, ai, v.theirs))) continue;
      // So does the other article when it gives this figure elsewhere: "costs 390 million in total" matched with
      // its "total spending of 1.46 billion" by a few shared words, while it tells the 390 million programme too.
      if (FIGURE_KINDS.has(v.kind) && holdsFigure(al, v.article, v.mine)) continue;
      // A day or an hour told beside figures the other statement does not share belongs to another clause's
      // event ("shares rose 26.4 percent on Wednesday" / "a 31 percent premium to Tuesday's close").
      if (CALENDAR_KINDS.has(v.kind) && !figuresNested(claimValueLists(al, ai)[ci], claimValueLists(al, v.article)[v.claim])) continue;
      // A weekday pinned to a date ("Monday, September 28") that the other article also gives is a day it
      // knows, named for another event: "approved on Tuesday" does not dispute when a rollout begins.
      if (v.kind === "weekday" && (knowsPinnedDate(al, v.article, v.claim, v.theirs, ai) || knowsPinnedDate(al, ai, ci, v.mine, v.article))) continue;
      const B = arts[v.article].analysis;
      const bc = B.claims[v.claim];
      const m: ClaimMatch = {
        article: v.article,
        coverage: "cut",
        support: { article: v.article, score: v.overlap, sentences: [bc.sentence, bc.sentence], span: { start: bc.start, end: bc.end }, text: bc.text },
      };
      const conflict: Conflict = {
        type: v.kind === "weekday" || v.kind === "month_day" || v.kind === "year" || v.kind === "time" ? "date" : "number",
        mine: v.mine.text,
        theirs: v.theirs.text,
        mineKeys: [],
        theirsKeys: [],
        value: { mine: slotKey(v.mine), theirs: slotKey(v.theirs), kind: v.kind },
        slot: { mine: v.mine, theirs: v.theirs, claim: v.claim },
        // An approximate figure may round a nearby one; far apart, even hedged figures disagree.
        hedged: !!(v.mine.hedged || v.theirs.hedged) && relativeGap(v.mine.key, v.theirs.key) <= HEDGED_GAP,
      };
      // The word-level pass may have seen the same date: one conflict per value.
      const dup = found.findIndex((f) => f.m.article === v.article && !f.conflict.value && f.conflict.type === "date" && conflict.type === "date");
      if (dup >= 0) found.splice(dup, 1);
      found.push({ m, conflict });
    }
    if (!found.length) return;
    // A conflict needs a consensus to conflict with: counterparts that each say something different
    // about the same value (a templated claim with varying figures) contest nothing in particular.
    // Each value of the statement is its own dispute: "35.8 percent" against "37.8" is not weakened by
    // a stray pairing of its seat count with another figure.
    const disputes = new Map<string, Map<string, Set<number>>>();
    for (const f of found) {
      const mine = versionOf(f.conflict, "mine");
      const k = versionOf(f.conflict, "theirs");
      let versions = disputes.get(mine);
      if (!versions) disputes.set(mine, (versions = new Map()));
      let set = versions.get(k);
      if (!set) versions.set(k, (set = new Set()));
      set.add(f.m.article);
    }
    const contested = (f: (typeof found)[number]) => {
      const versions = disputes.get(versionOf(f.conflict, "mine"))!;
      return !(versions.size > 1 && Math.max(...[...versions.values()].map((v) => v.size)) < 2);
    };
    found.splice(0, found.length, ...found.filter(contested));
    if (!found.length) return;
    // Count how many articles carry each version (with its context words, or as the same typed
    // value) to find the minority: only the side fewer outlets carry is flagged, per conflict.
    const carriers = (seq: string[]) => arts.filter((p) => containsSeq(p.keys, seq)).length;
    const valueCarriers = (key: string) => arts.filter((_, i) => valuesOf(al, i).has(key)).length;
    // A day or a time names many events in one report ("talks broke down on Friday", "back at work on
    // Thursday"): who carries it is counted in statements like this one, in the same slot, not anywhere.
    const everyone = arts.map((_, i) => i);
    const calendarCarriers = (key: string) => {
      const holders = new Set<number>();
      // In the statement each counterpart's aligned window covers most (a window may run into the next) ...
      if (claimValueLists(al, ai)[ci].some((x) => slotKey(x) === key)) holders.add(ai);
      for (const m of al.claims[ai][ci]) {
        const span = m.support?.span;
        if (!span || m.support!.score < CLAIM_SUPPORT_MIN) continue;
        let best = -1;
        let most = 0;
        arts[m.article].analysis.claims.forEach((bc, bi) => {
          const shared = Math.min(bc.end, span.end) - Math.max(bc.start, span.start);
          if (shared > most) [best, most] = [bi, shared];
        });
        if (best >= 0 && claimValueLists(al, m.article)[best].some((x) => slotKey(x) === key)) holders.add(m.article);
      }
      // ... or in the same slot of any statement like it.
      for (const f of found) {
        const s = f.conflict.slot;
        if (!s) continue;
        if (f.conflict.value!.mine === key) {
          holders.add(ai);
          for (const x of findSlotHolders(al, ai, ci, s.mine, everyone)) holders.add(x);
        }
        if (f.conflict.value!.theirs === key) {
          holders.add(f.m.article);
          for (const x of findSlotHolders(al, f.m.article, s.claim, s.theirs, everyone)) if (x !== ai) holders.add(x);
        }
      }
      return holders.size;
    };
    const minority = found.filter((f) => {
      const c = f.conflict;
      // A weekday written beside its date can be checked against the calendar: the version that fits it
      // is right, however many outlets carry each ("Tuesday, Nov. 12" when Nov. 12 is a Thursday).
      if (c.type === "date") {
        const mineFits = weekdayFits(al, ai, [ci], c.slot?.mine.text ?? c.mine);
        const theirClaims = c.slot ? [c.slot.claim] : claimsIn(al, f.m.article, f.m.support!.span);
        const theirsFit = weekdayFits(al, f.m.article, theirClaims, c.slot?.theirs.text ?? c.theirs);
        if (mineFits === false && theirsFit === true) return true;
        if (mineFits === true && theirsFit === false) return false;
      }
      const names = (x: string) => (c.name!.venue ? venueCarriers(al, x) : nameCarriers(al, x));
      // Places every article names somewhere are counted where they fill this slot: the articles whose
      // statements like this one hold the other place, against this one and those holding its place.
      if (c.name?.storyPlace) {
        if (1 + c.name.agreeing !== c.name.disputing) return 1 + c.name.agreeing < c.name.disputing;
      } else {
        const held = c.value && CALENDAR_KINDS.has(c.value.kind) ? calendarCarriers : valueCarriers;
        const mine = c.value ? held(c.value.mine) : c.name ? names(c.name.mine) : carriers(c.mineKeys);
        const theirs = c.value ? held(c.value.theirs) : c.name ? names(c.name.theirs) : carriers(c.theirsKeys);
        if (mine !== theirs) return mine < theirs;
        // Tied in statements like this one (told in other shapes elsewhere: "At 5:30 p.m., the office ..."):
        // a clock time carried by more articles anywhere in the story is the majority's.
        if (c.value?.kind === "time") {
          const m = valueCarriers(c.value.mine);
          const t = valueCarriers(c.value.theirs);
          if (m !== t) return m < t;
        }
      }
      // A tie: the derived side carries the conflict, never its source; otherwise the less corroborated.
      const d = ctx.derivations;
      if (d?.[ai]?.source === f.m.article) return true;
      if (d?.[f.m.article]?.source === ai) return false;
      return flagThisSide(al, corr, ai, [f.m.article]);
    });
    if (!minority.length) return;
    found.splice(0, found.length, ...minority);
    const first = found[0];
    // Exact figures that disagree are high; approximate ones ("at least eight") and calendar values medium.
    const published = (i: number) => {
      const p = arts[i].analysis.article.publishedAt;
      const t = p ? Date.parse(p) : NaN;
      return Number.isFinite(t) ? t : null;
    };
    const mineAt = published(ai);
    const update =
      mineAt !== null &&
      found.every((f) => {
        const t = published(f.m.article);
        return t !== null && mineAt - t >= UPDATE_HOURS * 3_600_000;
      });
    const high = found.some((f) => (f.conflict.value ? HARD_VALUE_KINDS.has(f.conflict.value.kind) && !f.conflict.hedged : f.conflict.type !== "name"));
    const byArticle = new Map<number, (typeof found)[number]>();
    for (const f of found) if (!byArticle.has(f.m.article)) byArticle.set(f.m.article, f);
    // One clause per version: "B and C have "3,400"".
    const byVersion = new Map<string, { text: string; outlets: string[] }>();
    for (const f of byArticle.values()) {
      const k = versionOf(f.conflict, "theirs");
      const v = byVersion.get(k) ?? { text: f.conflict.theirs, outlets: [] };
      v.outlets.push(arts[f.m.article].analysis.article.outlet);
      byVersion.set(k, v);
    }
    const parts = [...byVersion.values()].map((v) => `${joinNames(v.outlets)} ${v.outlets.length > 1 ? "have" : "has"} "${v.text}"`);
    out.push({
      articleId: a.article.id,
      kind: "fact_conflict",
      // A figure given well after every counterpart's may be an update, not an error: medium, and said so.
      severity: high && !update ? "high" : "medium",
      confidence: round(Math.max(...found.map((f) => f.m.support!.score))),
      start: c.start,
      end: c.end,
      text: c.text,
      speaker: null,
      explanation: `${a.article.outlet} has "${first.conflict.mine}" in "${clip(c.text, 80)}" where ${joinNames(parts)}${update ? ` (published ${UPDATE_HOURS} hours or more after them: possibly an update)` : ""}.`,
      evidence: [...byArticle.values()]
        .sort((x, y) => y.m.support!.score - x.m.support!.score || x.m.article - y.m.article)
        .slice(0, MAX_EVIDENCE)
        .map((f) => evidenceFor(c.text, arts[f.m.article].analysis, f.m.support!.span)),
    });
  });
  return out;
}

/** Relative gap within which two hedged figures may be one figure rounded two ways (medium, not high). */
const HEDGED_GAP = 0.15;

/** Characters that may separate a weekday from the date it names ("Monday, September 28", "Tuesday 12 May"). */
const PINNED_GAP = 3;

/** The date written beside weekday `day` in claim `ci` of article `i` ("Thursday, Nov. 12"), if any. */
function pinnedDate(al: StoryAlignment, i: number, ci: number, day: ValueMention): ValueMention | undefined {
  return claimValueLists(al, i)[ci].find((x) => x.kind === "month_day" && (x.start - day.end <= PINNED_GAP && x.start >= day.end || day.start - x.end <= PINNED_GAP && day.start >= x.end));
}

/** True when weekday `day` in claim `ci` of article `i` has a date beside it, and article `other` gives that date too. */
function knowsPinnedDate(al: StoryAlignment, i: number, ci: number, day: ValueMention, other: number): boolean {
  const date = pinnedDate(al, i, ci, day);
  return !!date && valuesOf(al, other).has(slotKey(date));
}

/** Indexes of the claims of article `i` that overlap `span`. */
function claimsIn(al: StoryAlignment, i: number, span: { start: number; end: number }): number[] {
  const out: number[] = [];
  al.index.articles[i].analysis.claims.forEach((c, k) => {
    if (c.start < span.end && c.end > span.start) out.push(k);
  });
  return out;
}

/** dayFitsCalendar for the weekday written `text` in one of claims `cis` of article `i`; null when there is none or no date beside it. */
function weekdayFits(al: StoryAlignment, i: number, cis: readonly number[], text: string): boolean | null {
  const want = text.trim().toLowerCase();
  for (const ci of cis) {
    const day = claimValueLists(al, i)[ci].find((v) => v.kind === "weekday" && v.text.toLowerCase() === want);
    if (day) return dayFitsCalendar(al, i, ci, day);
  }
  return null;
}

/**
 * Whether weekday `day` agrees with the calendar for the date written beside it, or null when no date is
 * (or no year is known). The year is the one that puts the date nearest the article's publication (or,
 * undated, the story's first known one): "Thursday, Nov. 12" in a story published in October 2026.
 */
function dayFitsCalendar(al: StoryAlignment, i: number, ci: number, day: ValueMention): boolean | null {
  const date = pinnedDate(al, i, ci, day);
  if (!date) return null;
  const known = al.index.articles.map((p) => Date.parse(p.analysis.article.publishedAt ?? "")).filter(Number.isFinite);
  const own = Date.parse(al.index.articles[i].analysis.article.publishedAt ?? "");
  const at = Number.isFinite(own) ? own : known.length ? Math.min(...known) : NaN;
  if (!Number.isFinite(at)) return null;
  const [month, dayOfMonth] = date.key.split("-").map(Number);
  const year = new Date(at).getUTCFullYear();
  const when = [year - 1, year, year + 1].map((y) => Date.UTC(y, month - 1, dayOfMonth)).sort((x, y) => Math.abs(x - at) - Math.abs(y - at))[0];
  // Weekday keys count from Monday (lib/text/facts); getUTCDay from Sunday.
  return (new Date(when).getUTCDay() + 6) % 7 === Number(day.key);
}

function relativeGap(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 1;
  return Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-9);
}

/** The figures (counts, amounts, percentages) of two statements are the same ones: the statements differ in nothing else that is measured. */
function figuresAgree(a: readonly ValueMention[], b: readonly ValueMention[]): boolean {
  const x = figureKeys(a);
  const y = figureKeys(b);
  return x.size === y.size && [...x].every((k) => y.has(k));
}

/** One side's version of a disputed fact, as a key: its typed value, its name, or its words. */
function versionOf(c: Conflict, side: "mine" | "theirs"): string {
  return c.value?.[side] ?? c.name?.[side] ?? (side === "mine" ? c.mineKeys : c.theirsKeys).join(" ");
}

/** The keys of a statement's figures (counts, money, percentages). */
function figureKeys(list: readonly ValueMention[]): Set<string> {
  return new Set(list.filter((v) => FIGURE_KINDS.has(v.kind)).map((v) => v.key));
}

/** The figures of one statement are all among the other's (either way round): neither tells a figure the other contradicts. */
function figuresNested(a: readonly ValueMention[], b: readonly ValueMention[]): boolean {
  const x = figureKeys(a);
  const y = figureKeys(b);
  return [...x].every((k) => y.has(k)) || [...y].every((k) => x.has(k));
}

function slotKey(v: ValueMention): string {
  return `${v.kind}|${v.unit}|${v.key}`;
}

/** Every typed value an article's statements carry, as figureKey, once per story. */
const figuresOf = memoPerArticle((al, i) => {
  const set = new Set<string>();
  for (const list of claimValueLists(al, i)) for (const v of list) set.add(figureKey(v));
  return set;
});

/**
 * True when article `i` gives figure `v` somewhere, whatever it counts there ("1,626,042 valid signatures"
 * is that figure too); a small count only as a count of the same thing (see figureKey).
 */
function holdsFigure(al: StoryAlignment, i: number, v: ValueMention): boolean {
  return figuresOf(al, i).has(figureKey(v));
}

/** Every typed value an article's statements carry, as slot keys, once per story. */
const valuesOf = memoPerArticle((al, i) => {
  const set = new Set<string>();
  for (const list of claimValueLists(al, i)) for (const v of list) set.add(slotKey(v));
  return set;
});

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
