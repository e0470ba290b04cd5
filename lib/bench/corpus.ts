/**
 * The benchmark's synthetic corpus: N articles in about N/10 stories, built
 * from the sample corpus's renditions (passed in) and a seeded Random.
 *
 * Each synthetic story is a variant family of one sample story with its names,
 * acronyms, numbers and some topic words substituted consistently, so stories
 * differ from each other the way unrelated news does (grouping has to separate
 * them) while the articles of one story still share their quotes and claims
 * (alignment has work to do). Per article the generator applies controlled
 * rewording outside quotes, occasional quote paraphrases and cuts, dropped
 * paragraphs, added claims and generated padding (FAQ / bullet list blocks).
 * About a fifth of the stories are unrelated filler built from templates
 * (their words shifted the same way).
 *
 * Pure: the same samples, options and Random seed yield the same corpus.
 */
import { chance, pickOne, randomInt, shuffled, type Random } from "./random";
import {
  ADDED_CLAIMS,
  FAQ_LABELS,
  FAQ_QUESTIONS,
  FILLER_QUOTES,
  FILLER_SENTENCES,
  FILLER_TOPICS,
  INTENSIFIERS,
  LIST_ITEMS,
  LIST_LABELS,
  NOT_NAMES,
  OUTLET_KINDS,
  OUTLET_PLACES,
  SYLLABLES,
  STRUCTURE_WORDS,
  SYNONYMS,
} from "./vocabulary";

/** One rendition of a sample story. */
export interface SampleArticle {
  title: string;
  body: string;
}

/** The renditions of one sample story (several outlets' versions of one event). */
export interface SampleStory {
  articles: SampleArticle[];
}

export interface SyntheticArticle {
  /** Stable key, unique in the corpus: `s<story>-a<index>`. */
  key: string;
  /** Index of the synthetic story (the grouping truth). */
  story: number;
  /** "sample" for a variant of a sample story, "filler" for an unrelated story. */
  family: "sample" | "filler";
  outlet: string;
  title: string;
  body: string;
  /** ISO 8601, spread deterministically over time. */
  publishedAt: string;
}

/** Per-article edit rates (probabilities). */
export interface EditRates {
  /** A sentence-level chance that words outside quotes are swapped for synonyms. */
  reword: number;
  /** A quote's words are paraphrased (one word changed or inserted). */
  quoteParaphrase: number;
  /** A quote is cut short. */
  quoteCut: number;
  /** A paragraph (not the first) is left out. */
  dropParagraph: number;
  /** The article gets one or two added claims. */
  addedClaims: number;
  /** A FAQ block is appended. */
  faq: number;
  /** A bullet-list block is appended. */
  list: number;
}

export const DEFAULT_RATES: EditRates = {
  reword: 0.3,
  quoteParaphrase: 0.1,
  quoteCut: 0.08,
  dropParagraph: 0.06,
  addedClaims: 0.35,
  faq: 0.15,
  list: 0.15,
};

export interface CorpusOptions {
  /** How many articles (N >= 1). */
  articles: number;
  random: Random;
  /** Mean articles per story (default 10). */
  storySize?: number;
  /** Share of stories that are unrelated filler (default 0.2; 1 when no samples are given). */
  fillerShare?: number;
  rates?: Partial<EditRates>;
}

export interface SyntheticCorpus {
  articles: SyntheticArticle[];
  /** Number of synthetic stories. */
  stories: number;
}

/** Builds the corpus. Throws on a bad article count or a sample story without renditions. */
export function generateCorpus(samples: readonly SampleStory[], options: CorpusOptions): SyntheticCorpus {
  const n = options.articles;
  if (!Number.isInteger(n) || n < 1) throw new Error(`generateCorpus: articles must be a positive integer, got ${String(n)}`);
  samples.forEach((s, i) => {
    if (s.articles.length === 0) throw new Error(`generateCorpus: sample story ${i} has no articles`);
  });
  const random = options.random;
  const storySize = options.storySize ?? 10;
  const fillerShare = samples.length === 0 ? 1 : (options.fillerShare ?? 0.2);
  const rates: EditRates = { ...DEFAULT_RATES, ...options.rates };
  const sizes = storySizes(n, storySize, random);
  const outlets = outletNames();
  const samplesText = samples.map((s) => s.articles.map((a) => a.title + "\n" + a.body).join("\n\n"));

  const articles: SyntheticArticle[] = [];
  sizes.forEach((size, story) => {
    const filler = chance(random, fillerShare);
    let renditions: SampleArticle[];
    let family: Substitution;
    if (filler) {
      renditions = [fillerArticle(random)];
      // Filler stories of one topic share templates: shift their words too so they stay apart.
      family = buildSubstitution(renditions[0].title + "\n" + renditions[0].body, random);
    } else {
      const k = randomInt(random, samples.length);
      renditions = samples[k].articles;
      family = buildSubstitution(samplesText[k], random);
    }
    const storyOutlets = shuffled(random, outlets).slice(0, size);
    const offset = randomInt(random, renditions.length);
    const names = [...new Set([...family.values()].filter((v) => /^\p{Lu}\p{Ll}/u.test(v)))];
    for (let i = 0; i < size; i++) {
      const base = renditions[(offset + i) % renditions.length];
      const outlet = storyOutlets[i % storyOutlets.length];
      const variant = renderVariant(base, family, names, outlet, random, rates);
      articles.push({
        key: `s${story}-a${i}`,
        story,
        family: filler ? "filler" : "sample",
        outlet,
        title: variant.title,
        body: variant.body,
        publishedAt: timestamp(story, i),
      });
    }
  });
  return { articles, stories: sizes.length };
}

/** About n/mean stories of about `mean` articles each, at least 2 per story when n allows, summing to n. */
function storySizes(n: number, mean: number, random: Random): number[] {
  const count = Math.max(1, Math.round(n / mean));
  const sizes = new Array<number>(count).fill(Math.floor(n / count));
  for (let i = 0; i < n % count; i++) sizes[i]++;
  // Jitter in pairs so the total is unchanged: stories of 7..13 rather than all 10.
  for (let i = 0; i + 1 < count; i += 2) {
    const d = randomInt(random, 4);
    if (sizes[i] - d >= 2) {
      sizes[i] -= d;
      sizes[i + 1] += d;
    }
  }
  return sizes;
}

function outletNames(): string[] {
  const out: string[] = [];
  for (const p of OUTLET_PLACES) for (const k of OUTLET_KINDS) out.push(`The ${p} ${k}`);
  return out;
}

function timestamp(story: number, i: number): string {
  const base = Date.UTC(2026, 0, 1, 6, 0, 0);
  return new Date(base + story * 37 * 60_000 + i * 11 * 60_000).toISOString();
}

/** Share of topic words a story family replaces. */
const TOPIC_SHIFT = 0.5;

/** Word → replacement, applied to every article of one synthetic story. */
type Substitution = Map<string, string>;

const TOKEN = /\p{L}[\p{L}\p{M}]*|\d+/gu;

function inventWord(random: Random, syllables: number): string {
  let w = "";
  for (let i = 0; i < syllables; i++) w += pickOne(random, SYLLABLES);
  return w;
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * A consistent rewrite for one story family: every proper name (a capitalised
 * word never seen in lower case), every acronym and every number gets a new
 * invented value, and about half the topic words (5+ letters, not attribution
 * or connective words) are replaced by invented words. Two families of one
 * sample then share the shape of their text but not its vocabulary, as two
 * unrelated events of one kind do; with names alone swapped, any sensible
 * grouping would (rightly) see one story.
 */
function buildSubstitution(text: string, random: Random): Substitution {
  const tokens = text.match(TOKEN) ?? [];
  const lower = new Set(tokens.filter((t) => /^\p{Ll}/u.test(t)));
  const map: Substitution = new Map();
  const used = new Set<string>();
  const fresh = (make: () => string): string => {
    for (let tries = 0; tries < 20; tries++) {
      const v = make();
      if (!used.has(v)) {
        used.add(v);
        return v;
      }
    }
    const v = make() + used.size;
    used.add(v);
    return v;
  };
  for (const t of tokens) {
    if (map.has(t)) continue;
    if (/^\d+$/.test(t)) {
      map.set(t, fresh(() => inventNumber(random, t.length)));
    } else if (/^\p{Lu}{2,6}$/u.test(t)) {
      map.set(t, fresh(() => inventWord(random, 2).toUpperCase().slice(0, t.length)));
    } else if (/^\p{Lu}\p{Ll}+$/u.test(t) && !NOT_NAMES.has(t) && !lower.has(t.toLowerCase())) {
      map.set(t, fresh(() => capitalise(inventWord(random, 2 + randomInt(random, 2)))));
    } else if (/^\p{Ll}{5,}$/u.test(t) && !(t in SYNONYMS) && !STRUCTURE_WORDS.has(t) && chance(random, TOPIC_SHIFT)) {
      map.set(t, fresh(() => inventWord(random, 2 + randomInt(random, 2))));
    }
  }
  return map;
}

function inventNumber(random: Random, digits: number): string {
  if (digits <= 1) return String(1 + randomInt(random, 9));
  let s = String(1 + randomInt(random, 9));
  for (let i = 1; i < digits; i++) s += String(randomInt(random, 10));
  return s;
}

function substitute(text: string, map: Substitution): string {
  if (map.size === 0) return text;
  return text.replace(TOKEN, (t) => map.get(t) ?? t);
}

/** Quotation spans: curly or straight double quotes within one paragraph. */
const QUOTE = /“[^“”]*”|"[^"\n]*"/g;

interface Piece {
  text: string;
  quoted: boolean;
}

function splitQuotes(paragraph: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of paragraph.matchAll(QUOTE)) {
    if (m.index > last) pieces.push({ text: paragraph.slice(last, m.index), quoted: false });
    pieces.push({ text: m[0], quoted: true });
    last = m.index + m[0].length;
  }
  if (last < paragraph.length) pieces.push({ text: paragraph.slice(last), quoted: false });
  return pieces;
}

/** Swaps synonyms in prose, sentence by sentence, at the reword rate. */
function rewordProse(text: string, random: Random, rate: number): string {
  return text
    .split(/(?<=[.!?])(?=\s)/)
    .map((sentence) =>
      chance(random, rate)
        ? sentence.replace(/\p{L}+/gu, (w) => {
            const syn = SYNONYMS[w];
            return syn && chance(random, 0.6) ? syn : w;
          })
        : sentence,
    )
    .join("");
}

/** Changes one word inside a quote: a synonym when one applies, else an inserted intensifier. */
function paraphraseQuote(quote: string, random: Random): string {
  const open = quote.charAt(0);
  const close = quote.charAt(quote.length - 1);
  const words = quote.slice(1, -1).split(" ");
  const swappable = words.map((w, i) => (SYNONYMS[w] ? i : -1)).filter((i) => i >= 0);
  if (swappable.length > 0) {
    const i = pickOne(random, swappable);
    words[i] = SYNONYMS[words[i]];
  } else if (words.length >= 3) {
    words.splice(1 + randomInt(random, words.length - 1), 0, pickOne(random, INTENSIFIERS));
  }
  return open + words.join(" ") + close;
}

/** Cuts a quote of 8+ words to its first half to three quarters. */
function cutQuote(quote: string, random: Random): string {
  const open = quote.charAt(0);
  const close = quote.charAt(quote.length - 1);
  const words = quote.slice(1, -1).split(" ");
  if (words.length < 8) return quote;
  const keep = Math.floor(words.length * (0.5 + random() * 0.25));
  return open + words.slice(0, keep).join(" ").replace(/[,;:]$/, "") + close;
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w)\}/g, (_, k: string) => slots[k] ?? k);
}

function renderVariant(
  base: SampleArticle,
  family: Substitution,
  names: string[],
  outlet: string,
  random: Random,
  rates: EditRates,
): SampleArticle {
  let title = substitute(base.title, family);
  if (chance(random, rates.reword)) title = rewordProse(title, random, 1);
  const paragraphs = substitute(base.body, family)
    .split(/\n{2,}/)
    .filter((p, i) => i === 0 || !chance(random, rates.dropParagraph))
    .map((p) =>
      splitQuotes(p)
        .map((piece) => {
          if (!piece.quoted) return rewordProse(piece.text, random, rates.reword);
          if (chance(random, rates.quoteParaphrase)) return paraphraseQuote(piece.text, random);
          if (chance(random, rates.quoteCut)) return cutQuote(piece.text, random);
          return piece.text;
        })
        .join(""),
    );

  if (chance(random, rates.addedClaims)) {
    const count = 1 + randomInt(random, 2);
    for (let c = 0; c < count; c++) {
      const actor = names.length > 0 ? pickOne(random, names) : capitalise(inventWord(random, 3));
      const claim = fill(pickOne(random, ADDED_CLAIMS), { A: actor, N: String(2 + randomInt(random, 97)) });
      paragraphs.splice(1 + randomInt(random, paragraphs.length), 0, claim);
    }
  }
  if (chance(random, rates.faq)) {
    paragraphs.push(pickOne(random, FAQ_LABELS));
    for (const q of shuffled(random, FAQ_QUESTIONS).slice(0, 2 + randomInt(random, 2))) {
      paragraphs.push(q, pickOne(random, LIST_ITEMS));
    }
  }
  if (chance(random, rates.list)) {
    paragraphs.push(pickOne(random, LIST_LABELS));
    paragraphs.push(
      shuffled(random, LIST_ITEMS)
        .slice(0, 3 + randomInt(random, 2))
        .map((item) => `- ${item}`)
        .join("\n"),
    );
  }
  // A byline of the outlet's own keeps every article's text distinct, even two
  // variants of the same rendition that drew no edits.
  const byline = `By ${capitalise(inventWord(random, 2))} ${capitalise(inventWord(random, 3))}, ${outlet}`;
  return { title, body: [byline, ...paragraphs].join("\n\n") };
}

/** One base article for an unrelated story, from templates with invented names. */
function fillerArticle(random: Random): SampleArticle {
  const topic = pickOne(random, FILLER_TOPICS);
  const surname = capitalise(inventWord(random, 3));
  const slots = {
    P: `${capitalise(inventWord(random, 2))} ${surname}`,
    L: surname,
    O: `${capitalise(inventWord(random, 3))} ${pickOne(random, ["Council", "Authority", "Board", "Agency"])}`,
    C: capitalise(inventWord(random, 3)),
    N: String(3 + randomInt(random, 400)),
    S: topic.subject,
    U: topic.unit,
    T: topic.thing,
    V: topic.verb,
  };
  const title = fill(`{C} {S}: {O} moves to {V} {N} {U}`, slots);
  const paragraphs: string[] = [];
  const sentences = shuffled(random, FILLER_SENTENCES);
  const quotes = shuffled(random, FILLER_QUOTES);
  let s = 0;
  let q = 0;
  const count = 7 + randomInt(random, 5);
  for (let i = 0; i < count; i++) {
    if (i % 3 === 1 && q < quotes.length) {
      const words = fill(quotes[q++], slots);
      paragraphs.push(
        chance(random, 0.5) ? `“${words},” ${slots.L} said.` : `${slots.P} told reporters: “${words}.”`,
      );
    } else {
      const k = 1 + randomInt(random, 2);
      const para: string[] = [];
      for (let j = 0; j < k; j++) para.push(fill(sentences[s++ % sentences.length], slots));
      paragraphs.push(para.join(" "));
    }
  }
  return { title, body: paragraphs.join("\n\n") };
}
