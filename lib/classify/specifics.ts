/**
 * Unsupported specifics: a figure, amount, date, name or attribution inside a
 * statement that other outlets do carry, where no other outlet gives that
 * specific at all ("processes about 18,000 tons a year" in a sentence every
 * outlet has, without the figure). Flagged as claim_added on the specific
 * itself, with the counterpart that carries the rest of the sentence as evidence.
 */
import { CLAIM_PARTIAL_MIN, CLAIM_SUPPORT_MIN, type StoryAlignment } from "@/lib/align";
import { extractHyphenMeasures, extractNames, extractNumbers, extractValues, FIGURE_KINDS, foldText, hasMeasureUnit, withinEdits, isContentWord, MONTHS, sameMeasure, sameSlotKind, termKey, tokenize, WEEKDAYS, type ValueMention } from "@/lib/text";
import type { FlagDraft, Severity } from "@/lib/types";
import { clip, counterpartsOf, evidenceFor, isFaqAnswer, memoPerArticle, isFlaggableSentence, MAX_EVIDENCE } from "./common";
import type { Derivation } from "./derivation";
import { claimValueLists, findAlignedValueConflicts } from "./values";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

/** Words before a value that belong to its phrase ("about", "an estimated"). */
const LEAD = /(?:\b(?:about|around|roughly|approximately|nearly|almost|some|over|more than|fewer than|less than|at least|up to|as many as|as much as|close to|an estimated|estimated)\s+)$/i;

export interface SpecificsContext {
  al: StoryAlignment;
  derivations: Derivation[];
}

const CALENDAR = new Set([...MONTHS, ...WEEKDAYS]);

/** Every term of article `i`'s analysed tokens, once per story. */
const articleTerms = memoPerArticle((al, i) => new Set(al.index.articles[i].tokens.map((t) => termKey(t.norm))));

/**
 * Every value of article `i`'s analysed body, every number whatever it counts, and the numbers that
 * stand as counts (not inside a time, an amount or a measure such as "a 14-mile section"), once per story.
 */
const articleFacts = memoPerArticle((al, i): { values: ValueMention[]; numbers: number[]; counts: number[] } => {
  const a = al.index.articles[i].analysis;
  const body = a.article.body.slice(0, a.segmentation.sentences.at(-1)?.end ?? a.article.body.length);
  // (With the measures written as one word, "the 19-mile route", which a translation converts: "31 kilometres".)
  const values = [...extractValues(body), ...extractHyphenMeasures(body)];
  const mentions = extractNumbers(body);
  const measured = values.filter((v) => v.kind !== "count");
  const counts = mentions.filter((n) => !n.year && !MEASURE_AFTER.test(body.slice(n.end, n.end + 2)) && !measured.some((v) => v.start < n.end && v.end > n.start));
  return { values, numbers: [...new Set(mentions.map((n) => n.value))], counts: [...new Set(counts.map((n) => n.value))] };
});

/** Characters before a figure read for its hedge or for the amount it converts. */
const PREFIX_WINDOW = 80;

/** Below this a hedged quantity must be matched exactly: small numbers recur by chance. */
const SMALL_QUANTITY = 100;

/** A number joined to a unit word by a hyphen measures that unit ("a 14-mile section", "a 20-minute delay"). */
const MEASURE_AFTER = /^-\p{L}/u;

/** Two numbers are one figure rounded two ways: within 5% of each other. */
function close(x: number, y: number): boolean {
  return Math.abs(x - y) <= 0.05 * Math.max(Math.abs(x), Math.abs(y));
}

/** Units in which the same change is written as x or x × 100 ("0.25 points" = "25 basis points" = "0.25 percent"). */
const POINT_UNITS = new Set(["point", "basi", "basis", "percentag", "percentage", ""]);

/** Text ending in a figure (with up to two words: "45 million florins") and an opening bracket: what follows is that figure in other units. */
const CONVERSION = /\p{N}[\p{N}.,]*\s*(?:[\p{L}%$£€¥]{1,12}\.?\s*){0,2}\(\s*(?:about|some|around|roughly|nearly|approximately|~|c\.)?\s*[$£€¥]?$/u;
/**
 * The same after a comma and a hedge ("640 million pounds, about 745 million euros"): a conversion only
 * when the figure after it has a currency or a unit of measure ("85 million, about 30 million of it" is a part).
 */
const COMMA_CONVERSION = /\p{N}[\p{N}.,]*\s*(?:[\p{L}%$£€¥]{1,12}\.?\s*){0,2},\s*(?:or\s+)?(?:about|some|around|roughly|nearly|approximately)\s*[$£€¥]?$/u;

/** Two values are one figure written two ways (same number whatever the unit word, or points and basis points). */
function sameFigure(v: ValueMention, w: ValueMention): boolean {
  const x = Number(v.key);
  const y = Number(w.key);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return v.kind === w.kind && v.key === w.key;
  if (close(x, y)) return true;
  // One measure in two units ("three miles" / "4.8 kilometres").
  if (sameMeasure(v, w)) return true;
  const pointLike = (m: ValueMention) => m.kind === "percent" || (m.kind === "count" && POINT_UNITS.has(m.unit));
  return pointLike(v) && pointLike(w) && (close(x * 100, y) || close(x, y * 100));
}

/**
 * claim_added flags on the specifics of article `ai` that no counterpart carries, inside
 * statements that some counterpart supports at least in part. Low in original reporting
 * (single-source detail is normal); medium when the article is derived from another.
 */
export function classifySpecifics(ctx: SpecificsContext, ai: number): Draft[] {
  const { al } = ctx;
  const arts = al.index.articles;
  const others = counterpartsOf(al, ai);
  if (!others.length) return [];
  const a = arts[ai].analysis;
  const body = a.article.body;
  const derived = ctx.derivations[ai].source;
  const out: Draft[] = [];
  a.claims.forEach((c, ci) => {
    if (c.quoted || !isFlaggableSentence(a.segmentation, c.sentence)) return;
    const matches = al.claims[ai][ci];
    const best = [...matches].filter((m) => m.support && m.support.score >= CLAIM_PARTIAL_MIN).sort((x, y) => y.support!.score - x.support!.score || x.article - y.article);
    // A statement nobody carries is flagged whole elsewhere; here only specifics inside carried ones.
    if (!best.length) return;
    const specifics: { start: number; end: number; what: string }[] = [];
    const placeConflicts: { mine: string; theirs: string; outlets: string[] }[] = [];
    // The statement as a medium fact_conflict: what this article has (`mine`: "X has \"28\""), and what the
    // outlets carrying the statement have in its place.
    const disputed = (mine: string, outlets: string[], theirs: string, tail: string): Draft => ({
      articleId: a.article.id,
      kind: "fact_conflict",
      severity: "medium",
      confidence: round(best[0].support!.score),
      start: c.start,
      end: c.end,
      text: c.text,
      speaker: null,
      explanation: `${mine} in "${clip(c.text, 80)}" where ${outlets.join(", ")} ${outlets.length > 1 ? "have" : "has"} "${theirs}" in the statements that support it${tail}`,
      evidence: best.slice(0, MAX_EVIDENCE).map((m) => evidenceFor(c.text, arts[m.article].analysis, m.support!.span)),
    });
    // The one alternative (by key) that the statements carrying this one (support CLAIM_SUPPORT_MIN or more)
    // give in REPLACEMENT_MIN or more outlets, from `alternatives` read in each carrying window; else null.
    const soleAlternative = (alternatives: (article: number, span: { start: number; end: number }) => Iterable<{ key: string; text: string }>) => {
      const byKey = new Map<string, { text: string; outlets: Set<string> }>();
      for (const m of best) {
        if (m.support!.score < CLAIM_SUPPORT_MIN) continue;
        const outlet = arts[m.article].analysis.article.outlet;
        for (const { key, text } of alternatives(m.article, m.support!.span)) {
          const e = byKey.get(key) ?? { text, outlets: new Set<string>() };
          e.outlets.add(outlet);
          byKey.set(key, e);
        }
      }
      const strong = [...byKey.values()].filter((e) => e.outlets.size >= REPLACEMENT_MIN);
      return strong.length === 1 ? { theirs: strong[0].text, outlets: [...strong[0].outlets] } : null;
    };
    // A weekday, date or clock time no other outlet gives anywhere, where two or more carrying statements give one
    // other of its kind that this article never gives ("from Monday, 27 April" / "on Monday, April 20").
    const calendarReplaced = (): { mine: string; theirs: string; outlets: string[] } | null => {
      const own = articleFacts(al, ai).values;
      for (const v of mineValues) {
        if (v.kind !== "weekday" && v.kind !== "month_day" && v.kind !== "time") continue;
        if (others.some((bi) => articleFacts(al, bi).values.some((w) => w.kind === v.kind && w.key === v.key))) continue;
        const alt = soleAlternative((bi, span) =>
          arts[bi].analysis.claims
            .flatMap((bc, bj) => (bc.start >= span.end || bc.end <= span.start ? [] : claimValueLists(al, bi)[bj]))
            .filter((w) => w.kind === v.kind && w.key !== v.key && !own.some((x) => x.kind === w.kind && x.key === w.key))
            .map((w) => ({ key: w.key, text: w.text })),
        );
        if (alt) return { mine: v.text, ...alt };
        // Or the story's one day: this article names one day of the kind and no other, REPLACEMENT_MIN or more
        // other outlets each name one other day and no other, and one statement that carries this one gives
        // that day ("has on Wednesday evening decided" / "has voted through ... late on Thursday").
        if (v.kind === "time") continue;
        const days = (i: number) => new Set(articleFacts(al, i).values.filter((w) => w.kind === v.kind).map((w) => w.key));
        if (days(ai).size !== 1) continue;
        const holders = new Map<string, string[]>();
        for (const bi of others) {
          const d = days(bi);
          if (d.size !== 1) continue;
          const [k] = d;
          holders.set(k, [...(holders.get(k) ?? []), arts[bi].analysis.article.outlet]);
        }
        if (holders.size !== 1) continue;
        const [[day, outlets]] = [...holders];
        if (outlets.length < REPLACEMENT_MIN) continue;
        const told = best.filter((m) => m.support!.score >= CLAIM_SUPPORT_MIN).flatMap((m) =>
          arts[m.article].analysis.claims.flatMap((bc, bj) =>
            bc.start >= m.support!.span.end || bc.end <= m.support!.span.start ? [] : claimValueLists(al, m.article)[bj].filter((w) => w.kind === v.kind && w.key === day),
          ),
        );
        if (told.length) return { mine: v.text, theirs: told[0].text, outlets: [...new Set(outlets)] };
      }
      return null;
    };
    // The one designator of the same word and another number that REPLACEMENT_MIN or more carrying
    // statements give, when no other outlet gives this statement's and this article never gives theirs.
    const designatorReplaced = (): { mine: string; theirs: string; outlets: string[] } | null => {
      for (const d of c.text.matchAll(DESIGNATOR)) {
        const word = foldText(d[1]);
        if (CALENDAR.has(word)) continue;
        const mine = `${word} ${d[2].toLowerCase()}`;
        if (others.some((bi) => designatorsOf(al, bi).has(mine))) continue;
        const alt = soleAlternative((bi, span) =>
          [...arts[bi].analysis.article.body.slice(span.start, span.end).matchAll(DESIGNATOR)]
            .map((e) => ({ key: `${foldText(e[1])} ${e[2].toLowerCase()}`, text: e[0], word: foldText(e[1]) }))
            .filter((e) => e.word === word && e.key !== mine && !designatorsOf(al, ai).has(e.key)),
        );
        if (alt) return { mine: d[0], ...alt };
      }
      return null;
    };
    // The one name that REPLACEMENT_MIN or more supporting statements give and this article never names
    // (any word of it), nor spells another way: the place they have where this statement has `mine`.
    // (Only their places: "at Stennack", not "a Florida condo".)
    const placeReplacedBy = (mine: string) => {
      const own = articleTerms(al, ai);
      return soleAlternative((bi, span) => {
        const text = arts[bi].analysis.article.body.slice(span.start, span.end);
        return extractNames(text).flatMap((w) => {
          if (!PLACE_LEAD.test(text.slice(Math.max(0, w.start - PREFIX_WINDOW), w.start))) return [];
          const terms = tokenize(w.text).filter((t) => t.norm.length > 2 && isContentWord(t.norm) && !CALENDAR.has(t.norm)).map((t) => termKey(t.norm));
          if (!terms.length || terms.some((t) => own.has(t)) || withinEdits(foldText(w.text), foldText(mine), 2)) return [];
          return [{ key: terms.join(" "), text: w.text }];
        });
      });
    };
    // What stands just before a figure (a hedge, a converted amount): a short window, so that a hostile
    // statement of thousands of figures is read in time linear in its length.
    const before = (at: number) => c.text.slice(Math.max(0, at - PREFIX_WINDOW), at);
    // Values of the same kind and unit that the supporting statements give in place of this one's
    // ("rose to 16.8 percent" against "climbs to 18.6 %"): then the figure is disputed, not added.
    const mineValues = claimValueLists(al, ai)[ci];
    const replacements: { mine: ValueMention; theirs: ValueMention; outlets: string[] }[] = [];
    // (Not for an FAQ answer, whose predicate sits in its question: "A: 31 of the 61 seats.")
    const answer = isFaqAnswer(a, ci);
    // The same slot by the value reading's own rules (kind, unit, context words), in the statements the
    // support alignment pairs with this one however few words they share (a translation): found once per
    // statement, with the outlet that gives each.
    let paired: { x: ValueMention; w: ValueMention; outlet: string }[] | null = null;
    const pairs = () => {
      if (paired) return paired;
      paired = [];
      for (const m of best) {
        const span = m.support!.span;
        const outlet = arts[m.article].analysis.article.outlet;
        arts[m.article].analysis.claims.forEach((bc, bj) => {
          if (bc.start >= span.end || bc.end <= span.start) return;
          for (const { mine: x, theirs: w } of findAlignedValueConflicts(al, ai, ci, m.article, bj)) paired!.push({ x, w, outlet });
        });
      }
      return paired;
    };
    const replacementFor = (v: ValueMention) => {
      if (answer) return null;
      const byKey = new Map<string, { w: ValueMention; outlets: Set<string> }>();
      // A share of a whole ("31 of the 61 seats") says what it counts only through its verb: left as added.
      if (/^\s+of\s+(?:the\s+|its\s+|their\s+)?\p{N}/u.test(c.text.slice(v.end))) return null;
      for (const { x, w, outlet } of pairs()) {
        if (x.start !== v.start || !sameSlotKind(v, w) || mineValues.some((y) => y.key === w.key)) continue;
        const e = byKey.get(w.key) ?? { w, outlets: new Set<string>() };
        e.outlets.add(outlet);
        byKey.set(w.key, e);
      }
      // Only one other figure in that place, and at least two outlets giving it.
      if (byKey.size !== 1) return null;
      const [e] = byKey.values();
      return e.outlets.size >= REPLACEMENT_MIN ? { mine: v, theirs: e.w, outlets: [...e.outlets] } : null;
    };
    for (const v of mineValues) {
      // Figures are specifics an outlet can invent (calendar values are compared as conflicts instead).
      if (!FIGURE_KINDS.has(v.kind)) continue;
      // A figure in brackets right after another is that figure converted ("8 km (5 miles)", "£40 (€46)").
      if (CONVERSION.test(before(v.start))) continue;
      if ((v.kind === "money" || hasMeasureUnit(v)) && COMMA_CONVERSION.test(before(v.start))) continue;
      if (others.some((bi) => articleFacts(al, bi).values.some((w) => sameFigure(v, w)))) continue;
      // A count whose number another outlet gives in other words ("aged 15 to 24" / "15 to 24 years") is carried.
      if (v.kind === "count" && others.some((bi) => articleFacts(al, bi).numbers.some((x) => x === Number(v.key)))) continue;
      const lead = before(v.start).match(LEAD);
      const start = c.start + v.start - (lead ? lead[0].length : 0);
      specifics.push({ start, end: c.start + v.end, what: "figure" });
      const r = replacementFor(v);
      if (r) replacements.push(r);
    }
    // A bare amount no value reading typed ("about 30 million of it") that no other outlet mentions:
    // digits with a scale word only (small numbers, number words and parts of names are left alone).
    for (const n of extractNumbers(c.text)) {
      if (n.year || !/^\p{N}[\p{N}.,]*\s*(?:million|billion|trillion|bn)\b/iu.test(n.text)) continue;
      if (specifics.some((x) => x.start < c.start + n.end && x.end > c.start + n.start)) continue;
      if (claimValueLists(al, ai)[ci].some((v) => v.start < n.end && v.end > n.start)) continue;
      if (CONVERSION.test(before(n.start))) continue;
      if (others.some((bi) => articleFacts(al, bi).numbers.some((x) => close(x, n.value)))) continue;
      specifics.push({ start: c.start + n.start, end: c.start + n.end, what: "figure" });
    }
    // A hedged quantity no value reading typed ("about 1,150 of them", "one of about 14 such trains") that no
    // other outlet gives as a count: the hedge (LEAD) tells a quantity from an identifier ("N7", "Route 9").
    for (const n of extractNumbers(c.text)) {
      if (n.year || !/^\p{N}/u.test(n.text)) continue;
      const lead = before(n.start).match(LEAD);
      if (!lead) continue;
      if (specifics.some((x) => x.start < c.start + n.end && x.end > c.start + n.start)) continue;
      if (claimValueLists(al, ai)[ci].some((v) => v.start < n.end && v.end > n.start)) continue;
      if (MEASURE_AFTER.test(c.text.slice(n.end, n.end + 2)) || CONVERSION.test(before(n.start))) continue;
      // (A small number is carried only as itself: "about 14" is not "14.5 kilometres".)
      const carries = (x: number) => (n.value < SMALL_QUANTITY ? x === n.value : close(x, n.value));
      if (others.some((bi) => articleFacts(al, bi).counts.some(carries))) continue;
      specifics.push({ start: c.start + n.start - lead[0].length, end: c.start + n.end, what: "figure" });
    }
    for (const n of extractNames(c.text)) {
      // Words of the name as terms (possessives, plurals and spelling folded); months, weekdays and
      // function words are not names. A name any other outlet mentions (any of its words) is carried.
      const terms = tokenize(n.text)
        .filter((t) => t.norm.length > 2 && isContentWord(t.norm) && !CALENDAR.has(t.norm))
        .map((t) => termKey(t.norm));
      if (!terms.length) continue;
      if (others.some((bi) => terms.some((t) => articleTerms(al, bi).has(t)))) continue;
      if (specifics.some((s) => s.start < c.start + n.end && s.end > c.start + n.start)) continue;
      // A place of its own where the supporting statements name another that this article never names
      // ("the greenhouses of Port Selby" / "at Stennack"): the place is disputed, not added.
      const place = PLACE_LEAD.test(before(n.start)) ? placeReplacedBy(n.text) : null;
      if (place) {
        placeConflicts.push({ mine: n.text, ...place });
        continue;
      }
      specifics.push({ start: c.start + n.start, end: c.start + n.end, what: "name" });
    }
    // A numbered designator ("Highway 41", "Route 9", "Gate 4") where the statements that carry this one give
    // the same word with another number, which this article never gives: the road or gate is disputed.
    const designator = !specifics.length && !placeConflicts.length ? (designatorReplaced() ?? calendarReplaced()) : null;
    if (designator) {
      out.push(disputed(`${a.article.outlet} has "${designator.mine}"`, designator.outlets, designator.theirs, "."));
      return;
    }
    if (placeConflicts.length && !specifics.length) {
      const r = placeConflicts[0];
      out.push(disputed(`${a.article.outlet} places it at "${r.mine}"`, r.outlets, r.theirs, `, a place ${a.article.outlet} never names.`));
      return;
    }
    for (const r of placeConflicts) {
      const at = c.text.indexOf(r.mine);
      if (at >= 0) specifics.push({ start: c.start + at, end: c.start + at + r.mine.length, what: "name" });
    }
    if (!specifics.length) return;
    // Every added figure of the statement stands where the supporting outlets give another: a value conflict.
    const figureCount = specifics.filter((x) => x.what === "figure").length;
    if (figureCount > 0 && replacements.length === figureCount) {
      const r = replacements[0];
      out.push(disputed(`${a.article.outlet} has "${r.mine.text}"`, r.outlets, r.theirs.text, "."));
      return;
    }
    // Added figures are flagged as one divergence on their statement: the sentence is what tells what the
    // figure is said to measure and on whose word ("a backlog officials privately put at £3.9 million").
    const figures = specifics.filter((s) => s.what === "figure");
    if (figures.length) {
      const named = figures.map((s) => `"${clip(body.slice(s.start, s.end), 40)}"`);
      specifics.splice(0, specifics.length, ...specifics.filter((s) => s.what !== "figure" && (s.end <= c.start || s.start >= c.end)), {
        start: c.start,
        end: c.end,
        what: figures.length > 1 ? `figures ${named.join(" and ")}` : `figure ${named[0]}`,
      });
    }
    // Figures a derived article adds are what fabrication looks like (medium); names and any specific in
    // original reporting are single-source detail (low).
    // (Only in a statement the others carry, support CLAIM_SUPPORT_MIN or more: a figure that is most of what
    // a partly carried statement says, "the branch recorded about 46,000 visits in 2025", is the outlet's own detail.)
    const inserted = best[0].support!.score >= CLAIM_SUPPORT_MIN;
    const severityOf = (what: string): Severity => (derived !== null && inserted && what.startsWith("figure") ? "medium" : "low");
    const evidence = best.slice(0, MAX_EVIDENCE).map((m) => evidenceFor(c.text, arts[m.article].analysis, m.support!.span));
    const carriers = best.map((m) => arts[m.article].analysis.article.outlet);
    for (const s of specifics) {
      const text = body.slice(s.start, s.end);
      out.push({
        articleId: a.article.id,
        kind: "claim_added",
        severity: severityOf(s.what),
        confidence: round(best[0].support!.score),
        start: s.start,
        end: s.end,
        text,
        speaker: null,
        explanation: `${a.article.outlet} gives the ${s.what.startsWith("figure") ? s.what : `${s.what} "${clip(text, 60)}"`} in "${clip(c.text, 80)}"; ${[...new Set(carriers)].join(", ")} ${carriers.length > 1 ? "carry" : "carries"} the statement without it, and no other outlet gives it${derived !== null ? ` (${a.article.outlet} is mostly carried by ${arts[derived].analysis.article.outlet}, its likely source)` : ""}.`,
        evidence,
      });
    }
  });
  return out;
}

/** A capitalised word and a number of up to three digits naming one thing: "Highway 14", "Route 9", "Gate 4B". */
const DESIGNATOR = /\b(\p{Lu}\p{L}{2,})\s+(\d{1,3}[A-Za-z]?)\b(?![.,]\d)/gu;

/** Every designator (DESIGNATOR, folded: "highway 14") in article `i`'s body, once per story. */
const designatorsOf = memoPerArticle((al, i) => {
  const set = new Set<string>();
  for (const d of al.index.articles[i].analysis.article.body.matchAll(DESIGNATOR)) set.add(`${foldText(d[1])} ${d[2].toLowerCase()}`);
  return set;
});

/**
 * Words before a name that make it a place where something is ("in", "at", "the greenhouses of", "near",
 * "outside"). Not "from": where a person is from names them ("a teacher from Eastwick"), a town against
 * a country is no dispute.
 */
const PLACE_LEAD = /\b(?:in|at|of|near|outside)\s+(?:the\s+)?$/i;

/** Outlets that must give the other figure before an added one counts as disputed rather than added. */
const REPLACEMENT_MIN = 2;

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
