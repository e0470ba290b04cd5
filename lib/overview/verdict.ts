/**
 * A story at a glance: how much of each article another outlet carries, and a
 * one-line verdict per article (original reporting, close copy, rewrite,
 * padded rewrite), from the same shares and rules the analysis uses to decide
 * derivation (lib/classify/derivation.ts), so the page and the flags agree.
 */
import { CLAIM_SUPPORT_MIN } from "@/lib/align";
import { COPIED_SUPPORT, pickCopies, pickDerivations, sharesOf, type StatementSupport } from "@/lib/classify/derivation";

export type Verdict = "original reporting" | "close copy" | "rewrite" | "padded rewrite";
export const VERDICTS: readonly Verdict[] = ["original reporting", "close copy", "rewrite", "padded rewrite"];

/** One article of the story, with its statements and what the flags say it adds. */
export interface ArticleCarriage {
  articleId: number;
  publishedAt: string | null;
  /** Its claim sentences; `support[].article` is an index into the list given to judgeArticles. */
  statements: StatementSupport[];
  /** Indexes of the articles it was compared with (other outlets). */
  counterparts: number[];
  /** Added blocks (FAQ, "what this means for you", ...) the analysis flagged in it. */
  addedBlocks: number;
}

/** The verdict on one article. */
export interface ArticleVerdict {
  articleId: number;
  verdict: Verdict;
  /** Index of the article it was most likely derived from, null for original reporting. */
  source: number | null;
  /** Flaggable statements (content sentences, not chrome or headings). */
  statements: number;
  /** Share of those statements no other outlet carries (null when it has none). */
  uncarried: number | null;
  /** Share of its statements its source carries word for word (0 without a source). */
  copied: number;
}

/** Share of an article's statements, copied word for word from its source, that makes it a close copy rather than a rewrite. */
export const CLOSE_COPY_SHARE = 0.6;
/** Share of statements carried by no other outlet at which a derived article is padded, even without an added block. */
export const PADDED_SHARE = 0.5;
/**
 * Added blocks that make an article that is not derived by share a padded rewrite: one factbox or
 * list nobody else has is ordinary in original reporting; several (FAQ, "what this means for you",
 * key terms, a table of contents) are what rewriting sites add around someone else's story.
 */
export const PADDED_MIN_BLOCKS = 2;

/**
 * The verdict on every article. Derived from another (pickDerivations, or a copy
 * by pickCopies): padded when it has an added block or at least PADDED_SHARE of
 * its statements are its own, a close copy when at least CLOSE_COPY_SHARE of them
 * are its source's sentences word for word, a rewrite otherwise. Not derived:
 * a padded rewrite when it has PADDED_MIN_BLOCKS added blocks and most of its
 * statements (PADDED_SHARE) are carried by no other outlet, original reporting
 * otherwise.
 */
export function judgeArticles(articles: readonly ArticleCarriage[]): ArticleVerdict[] {
  const statements = articles.map((a) => a.statements);
  const counterparts = articles.map((a) => a.counterparts);
  const carried = sharesOf(statements, CLAIM_SUPPORT_MIN);
  const copied = sharesOf(statements, COPIED_SUPPORT);
  const publishedAt = articles.map((a) => a.publishedAt);
  const derivations = pickDerivations(carried, counterparts, publishedAt);
  const copies = pickCopies(carried, copied, counterparts, publishedAt);
  return articles.map((a, i) => {
    const flaggable = a.statements.filter((s) => s.flaggable);
    const own = flaggable.filter((s) => !s.support.some((m) => m.article !== i && m.score >= CLAIM_SUPPORT_MIN)).length;
    const uncarried = flaggable.length ? own / flaggable.length : null;
    const source = derivations[i].source ?? copies[i];
    const copiedShare = source === null ? 0 : copied[i][source];
    const padded = (uncarried ?? 0) >= PADDED_SHARE;
    let verdict: Verdict = "original reporting";
    if (source === null) {
      if (a.addedBlocks >= PADDED_MIN_BLOCKS && padded) verdict = "padded rewrite";
    } else {
      if (a.addedBlocks > 0 || padded) verdict = "padded rewrite";
      else if (copiedShare >= CLOSE_COPY_SHARE) verdict = "close copy";
      else verdict = "rewrite";
    }
    return { articleId: a.articleId, verdict, source, statements: flaggable.length, uncarried, copied: copiedShare };
  });
}
