/**
 * What one version of a quote changed relative to the version it came from,
 * read off a word diff: words swapped, clauses cut, words added. Changes an
 * editor would not call a change (case, spacing, punctuation, "5" for "five",
 * the ellipsis that joins a quote split across several quotation marks) are left out of
 * the list; the diff itself still shows them.
 */
import { matchRuns } from "@/lib/align";
import { numberWordValue, tokenize } from "@/lib/text";
import type { DiffOp } from "@/lib/types";

/** One change of a version against its parent. */
export interface QuoteChange {
  /** changed: words swapped; cut: the parent's words left out; added: words the parent lacks. */
  kind: "changed" | "cut" | "added";
  /** The parent's words (empty for "added"). */
  from: string;
  /** This version's words (empty for "cut"). */
  to: string;
  /** Where in the quote: its opening, its ending, or inside it. */
  where: "start" | "middle" | "end";
}

/** Folded word keys of a text (case, diacritics and punctuation do not count; a number word is its digits). */
export function wordKeys(text: string): string[] {
  return tokenize(text).map((t) => {
    const n = numberWordValue(t.norm);
    return n === null ? t.norm : String(n);
  });
}

/** Words of `a` found, in order, in `b` (longest common subsequence of word keys). */
export function sharedWords(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const runs = matchRuns([...a], [...b]);
  if (!runs) return 0;
  return runs.reduce((n, r) => n + r.length, 0);
}

/**
 * The changes in a diff from a parent version to a version: each run of
 * deleted and inserted text between equal words is one change. A run whose
 * inserted words all stand, in order, among its deleted ones is a cut (the
 * remaining words are kept), the other way round an addition.
 */
export function describeChanges(diff: readonly DiffOp[]): QuoteChange[] {
  const out: QuoteChange[] = [];
  const hasWords = (op: DiffOp) => op.op === "equal" && wordKeys(op.text).length > 0;
  let i = 0;
  while (i < diff.length) {
    if (diff[i].op === "equal") {
      i++;
      continue;
    }
    let from = "";
    let to = "";
    const first = i;
    while (i < diff.length && diff[i].op !== "equal") {
      if (diff[i].op === "delete") from += diff[i].text;
      else to += diff[i].text;
      i++;
    }
    // A run of spaces or punctuation alone between equal words belongs to neither side of a change.
    const before = diff.slice(0, first).some(hasWords);
    const after = diff.slice(i).some(hasWords);
    const where = !before ? "start" : !after ? "end" : "middle";
    const a = wordKeys(from);
    const b = wordKeys(to);
    if (a.join(" ") === b.join(" ")) continue; // case, spacing, punctuation, number words or the joining ellipsis only
    const shared = sharedWords(a, b);
    if (b.length === 0 || shared === b.length) out.push({ kind: "cut", from: from.trim(), to: "", where });
    else if (a.length === 0 || shared === a.length) out.push({ kind: "added", from: "", to: to.trim(), where });
    else out.push({ kind: "changed", from: from.trim(), to: to.trim(), where });
  }
  return out;
}
