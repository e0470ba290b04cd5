/**
 * Provenance of the quotes of one story: for each quote that two or more
 * outlets carry, the versions of it (one per article), where it first
 * appeared, its fullest version, and the chain of changes: every later
 * version is diffed against the earlier version it most likely came from, so
 * each change is shown where it first appears, under the outlet that made it.
 *
 * Versions are found from the story's quote alignments (candidate pairs) and
 * confirmed on the words: two quotes are versions of one statement when their
 * speakers can be one person and most of the shorter one stands, in order, in
 * the longer one. An outlet that splits a quote over several quotation marks
 * has one version, its parts joined by an ellipsis.
 */
import { diffText, speakersCompatible } from "@/lib/align";
import { speakerKeyOf } from "@/lib/text";
import type { DiffOp, Span } from "@/lib/types";
import { describeChanges, sharedWords, wordKeys, type QuoteChange } from "./changes";

/** An article of the story, as far as provenance needs it. */
export interface ProvenanceArticle {
  id: number;
  outlet: string;
  /** ISO publication time (a date alone is read as that day), or null when unknown. */
  publishedAt: string | null;
  /** Position in ingest order (smaller = ingested earlier): the order when publication times are missing. */
  ingestOrder: number;
}

/** A direct quote of one of those articles. */
export interface ProvenanceQuote extends Span {
  articleId: number;
  text: string;
  speaker: string | null;
}

/** A candidate pair from the alignments: the quote at `from` and the quote at `to` may be versions of one another. */
export interface QuoteLink {
  from: Span & { articleId: number };
  to: Span & { articleId: number };
}

/** One outlet's version of a quote. */
export interface QuoteVersion {
  articleId: number;
  outlet: string;
  publishedAt: string | null;
  /** The quotation spans of this version in its article, in body order. */
  spans: Span[];
  /** The quoted words (parts joined by JOIN when the outlet split the quote). */
  text: string;
  speaker: string | null;
  words: number;
  /** Index (in `versions`) of the version this one most likely came from; null for the first appearance. */
  parent: number | null;
  /** Share of this version's words that stand, in order, in its parent (1 = nothing new). */
  fromParent: number;
  /** Word diff from the parent's text to this text (empty for the first appearance). */
  diff: DiffOp[];
  /** What this outlet changed relative to its parent. */
  changes: QuoteChange[];
  /** Set when the version carries less than EXCERPT_SHARE of its parent's words: a short excerpt, whose missing opening and ending are not listed as cuts. */
  excerpt: { words: number; of: number } | null;
}

/** The provenance of one quote. */
export interface QuoteProvenance {
  /** The speaker as the first version names them (else the first version that names one). */
  speaker: string | null;
  /** Versions in order of appearance: versions[0] is the earliest. */
  versions: QuoteVersion[];
  /** Index of the fullest version (most words; the earliest among equals). */
  fullest: number;
  /** How the order was decided: every version has a publication time, or ingest order. */
  basis: "published" | "ingest";
  /** Number of versions that change, cut or add words relative to their parent. */
  changed: number;
}

/** Share of the shorter quote's words that must stand in the longer one for two quotes to be versions of one statement. */
export const LINK_SHARE = 0.5;
/** Shared words needed besides (fewer only when a quote is shorter than this). */
const LINK_MIN_WORDS = 3;
/** A version carrying less than this share of its parent's words is an excerpt. */
export const EXCERPT_SHARE = 0.5;
/** Joins the parts of a quote an outlet split over several quotation marks. */
export const JOIN = " … ";

/**
 * The provenance of every quote of a story that articles from two or more
 * outlets carry, most changed first (then most versions, then earliest).
 */
export function traceQuotes(articles: readonly ProvenanceArticle[], quotes: readonly ProvenanceQuote[], links: readonly QuoteLink[]): QuoteProvenance[] {
  const articleById = new Map<number, ProvenanceArticle>();
  for (const a of articles) {
    if (articleById.has(a.id)) throw new Error(`traceQuotes: article ${a.id} given twice`);
    articleById.set(a.id, a);
  }
  const qs = quotes.filter((q) => articleById.has(q.articleId));
  const at = new Map<string, number>();
  qs.forEach((q, i) => at.set(spanKey(q.articleId, q), i));
  const keys = qs.map((q) => wordKeys(q.text));
  const speakerKeys = qs.map((q) => (q.speaker ? speakerKeyOf(q.speaker) : undefined));

  // Union-find over quotes confirmed as versions of one another.
  const parent = qs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const l of links) {
    const a = at.get(spanKey(l.from.articleId, l.from));
    const b = at.get(spanKey(l.to.articleId, l.to));
    if (a === undefined || b === undefined || a === b || qs[a].articleId === qs[b].articleId) continue;
    if (!sameStatement(qs[a], keys[a], speakerKeys[a], qs[b], keys[b], speakerKeys[b])) continue;
    parent[find(a)] = find(b);
  }
  const groups = new Map<number, number[]>();
  qs.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });

  const out: QuoteProvenance[] = [];
  for (const members of groups.values()) {
    const outlets = new Set(members.map((i) => articleById.get(qs[i].articleId)!.outlet));
    if (outlets.size < 2) continue;
    out.push(traceGroup(members.map((i) => qs[i]), articleById));
  }
  const firstOrder = (p: QuoteProvenance) => articleById.get(p.versions[0].articleId)!.ingestOrder;
  return out.sort(
    (x, y) =>
      y.changed - x.changed ||
      y.versions.length - x.versions.length ||
      firstOrder(x) - firstOrder(y) ||
      x.versions[0].spans[0].start - y.versions[0].spans[0].start,
  );
}

function spanKey(articleId: number, s: Span): string {
  return `${articleId}:${s.start}:${s.end}`;
}

/** Two quotes are one statement: speakers that can be one person, and most of the shorter quote's words in the longer one. */
function sameStatement(a: ProvenanceQuote, ka: string[], sa: string | undefined, b: ProvenanceQuote, kb: string[], sb: string | undefined): boolean {
  if (!speakersCompatible({ speaker: a.speaker, speakerKey: sa }, { speaker: b.speaker, speakerKey: sb })) return false;
  const shorter = Math.min(ka.length, kb.length);
  if (shorter === 0) return false;
  const shared = sharedWords(ka, kb);
  return shared >= Math.min(LINK_MIN_WORDS, shorter) && shared / shorter >= LINK_SHARE;
}

/** Ordering of articles: by publication time when every version has one, else by ingest order. */
function appearanceOrder(arts: ProvenanceArticle[]): { order: ProvenanceArticle[]; basis: QuoteProvenance["basis"] } {
  const times = new Map(arts.map((a) => [a.id, a.publishedAt ? Date.parse(a.publishedAt) : NaN]));
  const dated = arts.every((a) => Number.isFinite(times.get(a.id)));
  const order = [...arts].sort((x, y) => (dated ? times.get(x.id)! - times.get(y.id)! : 0) || x.ingestOrder - y.ingestOrder || x.id - y.id);
  return { order, basis: dated ? "published" : "ingest" };
}

function traceGroup(members: ProvenanceQuote[], articleById: Map<number, ProvenanceArticle>): QuoteProvenance {
  const byArticle = new Map<number, ProvenanceQuote[]>();
  for (const q of members) {
    const list = byArticle.get(q.articleId);
    if (list) list.push(q);
    else byArticle.set(q.articleId, [q]);
  }
  const { order, basis } = appearanceOrder([...byArticle.keys()].map((id) => articleById.get(id)!));
  const versions: QuoteVersion[] = order.map((a) => {
    const parts = partsOf(byArticle.get(a.id)!);
    const text = parts.map((q) => q.text.trim()).join(JOIN);
    return {
      articleId: a.id,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      spans: parts.map((q) => ({ start: q.start, end: q.end })),
      text,
      speaker: parts.find((q) => q.speaker)?.speaker ?? null,
      words: wordKeys(text).length,
      parent: null,
      fromParent: 1,
      diff: [],
      changes: [],
      excerpt: null,
    };
  });
  const keys = versions.map((v) => wordKeys(v.text));
  for (let i = 1; i < versions.length; i++) {
    // The earlier version that carries most of this one; among equals the fuller, then the earlier.
    let best = 0;
    let bestShared = -1;
    for (let j = 0; j < i; j++) {
      const shared = sharedWords(keys[i], keys[j]);
      if (shared > bestShared || (shared === bestShared && versions[j].words > versions[best].words)) {
        best = j;
        bestShared = shared;
      }
    }
    const v = versions[i];
    const p = versions[best];
    v.parent = best;
    v.fromParent = v.words ? Math.max(0, bestShared) / v.words : 1;
    v.diff = diffText(p.text, v.text);
    const carried = sharedWords(keys[best], keys[i]);
    v.excerpt = p.words > 0 && carried / p.words < EXCERPT_SHARE ? { words: v.words, of: p.words } : null;
    const changes = describeChanges(v.diff);
    // An excerpt leaves out most of the quote by nature: its opening and ending are not cuts to list.
    v.changes = v.excerpt ? changes.filter((c) => !(c.kind === "cut" && c.where !== "middle")) : changes;
  }
  let fullest = 0;
  versions.forEach((v, i) => {
    if (v.words > versions[fullest].words) fullest = i;
  });
  return {
    speaker: versions.find((v) => v.speaker)?.speaker ?? null,
    versions,
    fullest,
    basis,
    changed: versions.filter((v) => v.changes.length > 0).length,
  };
}

/** An article's quotes of one statement, in body order, without a part another part already contains (a heading repeating a line). */
function partsOf(quotes: ProvenanceQuote[]): ProvenanceQuote[] {
  const sorted = [...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  const keys = sorted.map((q) => wordKeys(q.text).join(" "));
  return sorted.filter((q, i) => !sorted.some((o, j) => j !== i && keys[j].length > keys[i].length && (" " + keys[j] + " ").includes(" " + keys[i] + " ")) && keys.indexOf(keys[i]) === i);
}
