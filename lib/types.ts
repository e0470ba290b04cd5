/**
 * The shapes that flow between the analysis stages. Every offset is a UTF-16
 * code-unit index into the article body exactly as stored (String#slice
 * semantics: `body.slice(start, end)`), so evidence can always be shown in place.
 */

/** A half-open range [start, end) into an article body. */
export interface Span {
  start: number;
  end: number;
}

/** An article as the analysis sees it: the current revision of one source. */
export interface ArticleText {
  /** Database id of the article revision. */
  id: number;
  /** Outlet label (one per site / publisher). */
  outlet: string;
  /** Path or URL exactly as given to ingest. */
  source: string;
  title: string;
  body: string;
  /** ISO 8601, or null when unknown. */
  publishedAt: string | null;
  language: string | null;
}

/** Kinds of block the segmenter recognises. */
export type BlockKind =
  | "headline"
  | "heading"
  | "paragraph"
  | "list_item"
  | "table_row"
  | "faq_question"
  | "faq_answer"
  | "callout"
  | "dateline"
  | "byline"
  | "boilerplate";

/** Structures that `structure_added` reasons about (a run of related blocks). */
export type StructureKind = "list" | "faq" | "table" | "callout" | "key_terms" | "toc";

export interface Block extends Span {
  kind: BlockKind;
  /** Index of this block in `Segmentation.blocks`. */
  index: number;
  /** True for page chrome: kept, shown, never flagged. */
  boilerplate: boolean;
  /** Index into `Segmentation.structures` when the block belongs to one. */
  structure: number | null;
}

export interface Sentence extends Span {
  /** Index of this sentence in `Segmentation.sentences`. */
  index: number;
  /** Index of the enclosing block. */
  block: number;
}

export interface Structure extends Span {
  kind: StructureKind;
  index: number;
  /** Label such as "Frequently Asked Questions" or "Key Terms", when one introduces it. */
  label: string | null;
  /** Block indexes that make up the structure (the label heading included). */
  blocks: number[];
}

export interface Segmentation {
  blocks: Block[];
  sentences: Sentence[];
  structures: Structure[];
}

export type QuoteStyle =
  | "double" // “ ” or " "
  | "single" // ‘ ’ or ' '
  | "guillemet" // « » or ‹ ›
  | "low" // „ “
  | "dash" // – We want ..., says X.
  | "colon"; // X said: ... (a block quote introduced by a colon)

export interface Quote extends Span {
  /** The words inside the quotation marks (body.slice(start, end)), marks excluded. */
  text: string;
  style: QuoteStyle;
  /** Speaker as written ("Mr. Witkoff", "Ursula von der Leyen"), pronouns resolved; null when unknown. */
  speaker: string | null;
  /** Where the speaker mention sits in the body, when found. */
  speakerSpan: Span | null;
  /** Venue when given ("CNN", "Fox News Sunday"), else null. */
  venue: string | null;
  /** The attribution verb or phrase ("said", "told", "according to"), else null. */
  cue: string | null;
  /** Sentence index that holds the start of the quote. */
  sentence: number;
  /** Parts of a quote that spans paragraphs or is interrupted ("...," he said, "..."), in order; one part for a simple quote. */
  parts: Span[];
  /** Normalised speaker key (last name token, lower-case, accents and possessive stripped), for comparing speakers across outlets. */
  speakerKey?: string;
  /** The parts' words joined by one space: what the speaker said, without the interrupting attribution. */
  spokenText?: string;
  /** Where the attribution's subject sits (a pronoun such as "he" when `speakerSpan` points to its antecedent). */
  mention?: Span;
  /** True for 1–3 word quotes (scare quotes, quoted fragments such as “epic”): downstream decides whether to compare them. */
  fragment?: boolean;
}

/** A declarative sentence that asserts something checkable. */
export interface Claim extends Span {
  text: string;
  sentence: number;
  block: number;
  /** True when most of the sentence is direct quotation. */
  quoted: boolean;
}

/** Everything extracted from one article, before cross-outlet comparison. */
export interface ArticleAnalysis {
  article: ArticleText;
  segmentation: Segmentation;
  quotes: Quote[];
  claims: Claim[];
}

export type FlagKind =
  | "quote_paraphrased"
  | "quote_truncated"
  | "quote_unattested"
  | "claim_added"
  | "structure_added"
  | "fact_conflict"
  | "attribution_conflict";

export const FLAG_KINDS: readonly FlagKind[] = [
  "quote_paraphrased",
  "quote_truncated",
  "quote_unattested",
  "claim_added",
  "structure_added",
  "fact_conflict",
  "attribution_conflict",
];

export type Severity = "low" | "medium" | "high";
export const SEVERITIES: readonly Severity[] = ["low", "medium", "high"];

export type FlagStatus = "open" | "verified" | "unsupported" | "dismissed";
export const FLAG_STATUSES: readonly FlagStatus[] = ["open", "verified", "unsupported", "dismissed"];

export interface DiffOp {
  op: "equal" | "insert" | "delete";
  text: string;
}

/** A counterpart span in another article, with the word diff from the flagged text to it. */
export interface Evidence extends Span {
  articleId: number;
  outlet: string;
  text: string;
  diff: DiffOp[];
}

/** How a unit (quote or claim) of one article is carried by another article. */
export type Coverage = "verbatim" | "reworded" | "cut" | "absent";

export interface Alignment {
  unit: "quote" | "claim";
  /** Index into the source article's quotes or claims. */
  unitIndex: number;
  sourceArticleId: number;
  targetArticleId: number;
  coverage: Coverage;
  /** 0..1 similarity of the best match. */
  score: number;
  /** Best counterpart span in the target, null when absent. */
  target: (Span & { text: string }) | null;
  diff: DiffOp[];
}

/** A divergence found by the classifier, before it is stored. */
export interface FlagDraft extends Span {
  articleId: number;
  kind: FlagKind;
  severity: Severity;
  confidence: number;
  text: string;
  speaker: string | null;
  explanation: string;
  evidence: Evidence[];
  /**
   * Stable identity across re-analysis: derived from the article's source, the
   * kind and the normalised flagged text, never from offsets or ids.
   */
  fingerprint: string;
}

/** Columns the flags table sorts by. */
export type FlagSortKey =
  | "severity"
  | "kind"
  | "text"
  | "outlet"
  | "story"
  | "counterparts"
  | "confidence"
  | "status"
  | "updatedAt";

/**
 * A view of the flags: the same object drives the /flags table, its URL, and
 * every export, so an export always honours the filters on screen.
 */
export interface FlagQuery {
  kind?: FlagKind[];
  severity?: Severity[];
  status?: FlagStatus[];
  outlet?: string[];
  story?: number[];
  /** Full-text search over flagged text, explanation, speaker and note. */
  q?: string;
  /** Include flags that no longer hold after re-analysis (default true: they keep triage). */
  stale?: boolean;
  sort?: { id: FlagSortKey; desc: boolean }[];
}
