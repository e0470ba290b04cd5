/**
 * claim_added: statements no other outlet supports, adjacent ones of a paragraph
 * grouped into one flag. (Specifics added inside supported statements are in
 * ./specifics; statements inside an added block are that block's flag.)
 */
import { claimTokens, CLAIM_PARTIAL_MIN, CLAIM_SUPPORT_MIN } from "@/lib/align";
import type { StoryAlignment } from "@/lib/align";
import { extractDates, extractNames, extractNumbers, foldText } from "@/lib/text";
import type { FlagDraft, Severity } from "@/lib/types";
import { clip, counterpartsOf, foldedBody, isFlaggableSentence, joinNames, readAsRewording } from "./common";
import { opensWithCallVerb } from "@/lib/segment/shapes";
import { SPEECH_VERB, SPEECH_VERB_G } from "@/lib/quotes/lexicon";
import { isPersonName } from "./speakers";

type Draft = Omit<FlagDraft, "fingerprint"> & { fingerprint?: string };

/** Claims shorter than this (words) are too thin to call unsupported. */
const MIN_CLAIM_WORDS = 5;
/** Structures whose items are navigation or glossary entries, not statements. */
const NON_STATEMENT_STRUCTURES = new Set(["toc", "key_terms"]);

export interface ClaimFlagContext {
  al: StoryAlignment;
  corr: number[];
  /** Sentences already covered by an unattested-quote flag, per article (no double flag). */
  quotedSentences: Set<number>[];
  /** Articles carrying generated furniture (from the structure pass). */
  padded: Set<number>;
  /** Per article, the counterpart it copies sentence for sentence, or null (./derivation findCopies). */
  copies?: (number | null)[];
}

/** claim_added flags for one article. */
export function classifyAddedClaims(ctx: ClaimFlagContext, ai: number): Draft[] {
  const { al, corr } = ctx;
  const arts = al.index.articles;
  if (!counterpartsOf(al, ai).length) return [];
  const A = arts[ai];
  const a = A.analysis;
  const seg = a.segmentation;
  const unsupported: { ci: number; block: number; maxScore: number; borrowed: boolean }[] = [];
  a.claims.forEach((c, ci) => {
    if (!isFlaggableSentence(seg, c.sentence) || c.quoted || ctx.quotedSentences[ai].has(c.sentence)) return;
    const block = seg.blocks[c.block];
    if (block?.structure !== null && block?.structure !== undefined) {
      const st = seg.structures[block.structure];
      if (st && NON_STATEMENT_STRUCTURES.has(st.kind)) return;
      // The structure's own label line ("Frequently Asked Questions:") is a heading, not a statement.
      if (st && st.label !== null && c.start >= st.start && c.end <= st.start + st.label.length + 2) return;
    }
    const words = claimTokens(al.index, ai, ci).length;
    if (words < MIN_CLAIM_WORDS) return;
    const matches = al.claims[ai][ci];
    const maxScore = Math.max(0, ...matches.map((m) => m.support?.score ?? 0));
    const borrowed = maxScore >= CLAIM_PARTIAL_MIN && maxScore < CLAIM_SUPPORT_MIN && leansOnTakenSentences(al, ai, ci);
    if (maxScore >= CLAIM_PARTIAL_MIN && !borrowed) return;
    // Few shared terms, but the fitted support model (lib/align/similarity, trained on MRPC) may still
    // read a counterpart window as the same statement reworded: then it is carried, not added.
    if (!borrowed && readAsRewording(c.text, matches)) return;
    unsupported.push({ ci, block: c.block, maxScore, borrowed });
  });

  // Group runs of unsupported claims within one block.
  const groups: (typeof unsupported)[] = [];
  for (const u of unsupported) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (prev && prev.block === u.block && a.claims[u.ci].sentence <= a.claims[prev.ci].sentence + 1) g.push(u);
    else groups.push([u]);
  }
  const others = counterpartsOf(al, ai).map((i) => arts[i].analysis.article.outlet);
  const copied = ctx.copies?.[ai] ?? null;
  return groups.map((g) => {
    const first = a.claims[g[0].ci];
    const last = a.claims[g[g.length - 1].ci];
    const text = a.article.body.slice(first.start, last.end);
    const block = seg.blocks[first.block];
    const inStructure = !!block && (block.structure !== null || block.kind === "callout");
    // A specific no other outlet gives (a figure, a date, a name): the story's own places and people,
    // which every outlet names, do not make a vague line ("Big changes are coming to Corvain's buses") specific.
    const novel = (x: string) => !counterpartsOf(al, ai).some((bi) => foldedBody(al, bi).includes(foldText(x)));
    const specific = () => [...extractNumbers(text), ...extractDates(text), ...extractNames(text)].some((x) => novel(x.text));
    // Single-source detail is normal reporting (low); inside added blocks, or stacked in a padded
    // and mostly unsupported article, it is what fabrication looks like (medium).
    // In an article that copies another's sentences word for word, a statement the copied article
    // lacks was inserted into the copy: the most suspicious kind of addition (medium).
    // What the writer says of the text itself or in the first person (an update note, the newsletter's
    // own name, "I spent years on those wards") is the outlet's voice, not a fact about the story.
    const aside = isWritersAside(text, a.article.outlet);
    // Background a local paper adds to wire copy ("the bell tower of the old church collapsed", "the
    // river hosts a championship every July") is honest detail; what makes an insertion suspicious is a
    // voice nobody else heard (a reaction, an expert, "people familiar said") or a judgement (a motive,
    // advice, a verdict).
    const inserted = copied !== null && !aside && isVoicedOrJudged(text);
    // A statement whose nearest counterpart sentence is another statement's is unsupported on a closer
    // reading than the rest: a note (low), whatever the article.
    const leaning = g.every((x) => x.borrowed);
    // In a padded article a statement is suspicious when it adds a specific or a voice or judgement of its
    // own; a vague line that only sets the scene ("Big changes are coming to Corvain's buses") is a note.
    const padding = ctx.padded.has(ai) && (specific() || isVoicedOrJudged(text));
    // A ruling on what is true ("That claim is false", "it is simply not true") in the writer's own
    // voice, which no other outlet makes, is the outlet contradicting or discrediting what it reports: a
    // reporter quotes whoever ruled so ("FactCheck.org rated the ad false"), a manipulated rewrite does not.
    const verdict = !inStructure && g.some((x) => rulesOnTruth(a.claims[x.ci].text));
    const severity: Severity = !aside && ((!leaning && (inStructure || inserted || padding)) || verdict) ? "medium" : "low";
    return {
      articleId: a.article.id,
      kind: "claim_added" as const,
      severity,
      confidence: round(1 - Math.max(...g.map((x) => x.maxScore))),
      start: first.start,
      end: last.end,
      text,
      speaker: null,
      explanation: `${a.article.outlet} states "${clip(text)}"; ${joinNames(others)} ${others.length > 1 ? "carry" : "carries"} nothing that supports it${leaning ? " (the nearest sentence they have is carried by another sentence of this article)" : ""}${inStructure ? " (it sits in an added block)" : ""}${inserted && !inStructure ? ` (${a.article.outlet} otherwise reproduces sentences of ${arts[copied].analysis.article.outlet} word for word: this one was added to the copy)` : ""}${verdict && !aside ? " (it rules on what is true in the writer's own voice, crediting nobody)" : ""}.`,
      evidence: [],
    };
  });
}

/**
 * Share of the words a statement shares with a counterpart sentence that another statement of the same
 * article, carried better by that sentence, must also have for the sentence to be taken (a sentence split
 * in two gives each half words the other lacks).
 */
const TAKEN_COVER = 0.5;

/**
 * True when every counterpart window that partly supports claim `ci` is carried better by another
 * statement of the same article, which also has most of the words the claim shares with it: the
 * counterpart sentence is that statement's, and what the claim adds around those words ("Patient
 * organisations criticised the strike and called both sides to an agreement", beside the article's own
 * "the minister appealed to both sides ...") is supported by nothing. One counterpart sentence, one statement.
 */
function leansOnTakenSentences(al: StoryAlignment, ai: number, ci: number): boolean {
  const A = al.index.articles[ai];
  const termsOf = (cj: number) => new Set(claimTokens(al.index, ai, cj).map((i) => A.terms[i]).filter(Boolean));
  const mine = termsOf(ci);
  const partial = al.claims[ai][ci].filter((m) => m.support && m.support.score >= CLAIM_PARTIAL_MIN);
  if (!partial.length) return false;
  return partial.every((m) => {
    const s = m.support!;
    const [s0, s1] = s.sentences;
    const B = al.index.articles[m.article];
    const window = new Set<string>();
    for (let x = s0; x <= s1; x++) for (const t of B.sentenceTerms[x]) window.add(t);
    const shared = [...mine].filter((t) => window.has(t));
    return al.claims[ai].some((other, cj) => {
      if (cj === ci) return false;
      const o = other.find((x) => x.article === m.article && x.support && x.support.score > s.score && x.support.sentences[0] <= s1 && x.support.sentences[1] >= s0);
      if (!o) return false;
      const theirs = termsOf(cj);
      return shared.filter((t) => theirs.has(t)).length >= TAKEN_COVER * shared.length;
    });
  });
}

/**
 * Words of judgement (general English, not any outlet's): obligation, motive, verdict and certainty;
 * contrast and correction ("however", "in fact"); hedges; and unnamed plural sources ("studies have
 * shown", "experts say"). A bare "not" or "no" is no judgement: "Not everyone on the council agreed"
 * only sets a scene.
 */
const JUDGEMENT = /\b(?:should|must|ought to|needs? to|ha(?:ve|s) to|would rather|because|so that|shows?|showed|proves?|proved|reminder|clearly|obviously|surely|certainly|undoubtedly|inevitably|rarely|always|never|however|actually|in fact|in reality|rather than|despite|may|might|studies|research|experts|analysts|critics|observers|important)\b/i;

/**
 * True when an inserted statement is suspicious rather than background: words or a reaction credited
 * to nobody in particular ("travel agents said", "people familiar with the talks said", "according to
 * officials"), or, when nobody is credited, a judgement in the writer's own voice. Reported speech of
 * a named person (or "he"/"she") is reporting: the judgement in it is that person's.
 */
function isVoicedOrJudged(text: string): boolean {
  const unquoted = withoutQuotes(text);
  if (reportsSomeone(unquoted)) return false;
  const voiced = SPEECH_VERB.test(unquoted) || /\baccording to\b/i.test(unquoted) || /["“]/.test(text);
  return voiced || JUDGEMENT.test(unquoted);
}

/**
 * A ruling on the truth of a statement (general English of fact-checking, not any outlet's): a verdict
 * word said of something ("the claim is false", "is simply not true", "his remarks have been plainly
 * untrue", "has been debunked"). Used as a description ("a past incorrect statement", "the misleading
 * way he ...", "no evidence has emerged") it is reporting, not a verdict.
 */
const VERDICT_WORD = String.raw`(?:false|untrue|incorrect|inaccurate|misleading|baseless|unfounded|unsubstantiated|debunked|disproven|misinformation|disinformation)`;
const VERDICT = new RegExp(
  String.raw`\b(?:is|are|was|were|be|been|being|remains?|remained)\s+(?:(?:\w+ly|simply|just|also|often|still|now|both|all|so|quite|very|not)\s+){0,2}(?:an?\s+)?${VERDICT_WORD}\b|\b(?:has|have|had)\s+(?:been\s+)?(?:debunked|disproven)\b|\bnot\s+true\b`,
  "i",
);

/**
 * True for a verdict on what is true in the writer's own voice: a VERDICT word outside quotation marks,
 * in a statement that credits nobody (no speech verb, no "according to", no named person reporting).
 * "Speculation that X is monitoring texts is false." is one; "McCain said the comments were 'wildly
 * inaccurate'" and "FactCheck.org rated the ad as 'false'" are not.
 */
export function rulesOnTruth(text: string): boolean {
  return verdictOf(text) !== null;
}

/** True when a text holds a verdict word said of something, credited or not, quoted or not ("others are totally false"). */
export function mentionsVerdict(text: string): boolean {
  return VERDICT.test(text);
}

/** The words of a ruling on what is true in the writer's own voice ("is completely false"), or null (see rulesOnTruth). */
export function verdictOf(text: string): string | null {
  const unquoted = withoutQuotes(text);
  const m = VERDICT.exec(unquoted);
  if (!m) return null;
  return !creditsSpeech(unquoted) && !/\baccording to\b/i.test(unquoted) && !reportsSomeone(unquoted) ? m[0].trim() : null;
}

/**
 * What before a speech-verb form makes it a noun: a determiner or possessive ("this claim", "Trump's
 * claim", "the statements"), or nothing, at the head of the sentence ("Reports that ... are false").
 */
const NOUN_BEFORE = /(?:\b(?:the|this|that|these|those|a|an|his|her|their|its|our|such|whose)|['’]s)\s+$|^\s*$/i;

/** True when a speech verb is used as a verb somewhere in the text (not "this claim is false"). */
function creditsSpeech(text: string): boolean {
  for (const m of text.matchAll(SPEECH_VERB_G)) if (!NOUN_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) return true;
  return false;
}

/** Who may speak in reported speech: "he", "she", or a capitalised name (not a possessive). */
const SOMEONE = String.raw`(?:he|she|\p{Lu}[\p{L}'’-]*(?<!['’]s)(?:\s+\p{Lu}[\p{L}'’-]*(?<!['’]s))*)`;

/** The speech verbs, without the word boundaries of SPEECH_VERB. */
const SPEECH_VERBS = SPEECH_VERB.source.replace(/^\\b|\\b$/g, "");
/**
 * Someone beside a speech verb, before it ("Nell Garrow, 71, ..., said") or after it ("said Garrow").
 * (A name after a preposition is a place or an object: "travel agents in Lissavo said".)
 */
const REPORTED_SPEECH = [
  new RegExp(String.raw`(?:^|[^\p{L}])(?<!\b(?:in|at|from|of|for|to|on|by|with|near)\s)${SOMEONE}(?:,[^,]{1,80},)?\s+(?:\p{Ll}+ly\s+)?${SPEECH_VERBS}\b`, "u"),
  new RegExp(String.raw`\b${SPEECH_VERBS}\s+${SOMEONE}(?:[^\p{L}]|$)`, "u"),
];

/**
 * Reported speech of a particular person: "Nell Garrow, 71, a retired clerk, said ...", "he admitted
 * ...", "..., said Garrow". The subject must stand beside the speech verb, not anywhere in the sentence.
 */
function reportsSomeone(text: string): boolean {
  for (const re of REPORTED_SPEECH) {
    const m = re.exec(text);
    if (!m) continue;
    const who = /\b(?:he|she)\b/i.test(m[0]) || extractNames(m[0]).some((n) => isPersonName(n.text));
    if (who) return true;
  }
  return false;
}

/** Words a text uses for itself ("this story will be updated", "welcome to this newsletter"). */
const SELF_REFERENCE = /\b(?:this|our) (?:story|article|report|post|piece|newsletter|letter|page|briefing|column|blog|edition|issue|site|podcast)\b/i;
/**
 * The writer telling the reader what the text will give them ("Here is everything you need to know",
 * "What you should know", "Read on to find out"): a signpost about the text, in a short line.
 */
const READER_SIGNPOST = /\b(?:you|you'll|you’ll)\s+(?:(?:need|want|should|must|might|may|will|can|ought)\s+)?(?:to\s+)?(?:know|learn|find out|read|see)\b|\bread on\b/i;
/** Most words a signpost line has. */
const SIGNPOST_WORDS = 15;
/** The first person singular, outside quotation marks. */
const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|I'll|I’m|I’ve|I’d|I’ll|my|me|myself)\b/;

/**
 * True for a statement in the writer's own voice rather than about the story: the first person
 * singular, a reference to the text itself, a signpost telling the reader what the text holds, or the
 * outlet's own name.
 */
export function isWritersAside(text: string, outlet: string): boolean {
  const unquoted = withoutQuotes(text);
  if (FIRST_PERSON.test(unquoted) || SELF_REFERENCE.test(unquoted)) return true;
  if (READER_SIGNPOST.test(unquoted) && unquoted.split(/\s+/).filter(Boolean).length <= SIGNPOST_WORDS && !/\d/.test(unquoted)) return true;
  const name = foldText(outlet).replace(/^the /, "").trim();
  if (name.length >= 6 && name.includes(" ") && foldText(unquoted).includes(name)) return true;
  // A distinctive word of the name written as a name ("Briefloop compiles reporting from ..." by the outlet
  // "Briefloop" or "dam-5-briefloop"): capitalised and whole in the text, six letters or more in the name.
  const distinctive = new Set(name.split(/[^\p{L}]+/u).filter((w) => w.length >= 6));
  if ((unquoted.match(/\b\p{Lu}[\p{L}]+\b/gu) ?? []).some((w) => distinctive.has(foldText(w)))) return true;
  // The outlet selling itself: a call to action naming one of the words of its name ("Get the Ledger Briefing").
  const own = new Set(name.split(/[^\p{L}]+/u).filter((w) => w.length >= 4));
  return opensWithCallVerb(unquoted) && (unquoted.match(/\b\p{Lu}\p{L}+/gu) ?? []).some((w) => own.has(foldText(w)));
}

/** The text with what stands inside quotation marks blanked: the writer's words only. */
function withoutQuotes(text: string): string {
  return text.replace(/["“][^"”]*["”]/g, " ");
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}
