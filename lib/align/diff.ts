/**
 * Bounded diffs. Every diff in Parallax goes through here so that no input,
 * however long or unlike, can make the analysis hang: inputs are capped and
 * jsdiff is given an edit budget and a timeout; over budget we fall back to a
 * plain "all deleted, all inserted" answer rather than waiting.
 */
import { diffArrays, diffWords } from "diff";
import type { DiffOp } from "@/lib/types";

/** Longest text (characters) a display diff is computed on. */
export const MAX_DIFF_CHARS = 1500;
/** Longest token sequence compared. */
export const MAX_DIFF_TOKENS = 300;
/**
 * The edit budgets below (maxEditLength over at most MAX_DIFF_TOKENS tokens) are what bound the work, and
 * they are deterministic. The wall-clock timeout is only a last-resort net: set well above what a diff
 * within budget ever needs, so results do not depend on how busy the machine is.
 */
const TIMEOUT_MS = 1000;

/** Word-level display diff from `from` to `to` (what changes to turn the flagged text into the counterpart). */
export function diffText(from: string, to: string): DiffOp[] {
  const a = from.slice(0, MAX_DIFF_CHARS);
  const b = to.slice(0, MAX_DIFF_CHARS);
  const changes = diffWords(a, b, { timeout: TIMEOUT_MS, maxEditLength: 400 } as never) as
    | { value: string; added: boolean; removed: boolean }[]
    | undefined;
  if (!changes) {
    const out: DiffOp[] = [];
    if (a) out.push({ op: "delete", text: a });
    if (b) out.push({ op: "insert", text: b });
    return out;
  }
  const out: DiffOp[] = [];
  for (const c of changes) {
    const op: DiffOp["op"] = c.added ? "insert" : c.removed ? "delete" : "equal";
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += c.value;
    else out.push({ op, text: c.value });
  }
  return out;
}

/** A run of equal tokens between two sequences. */
export interface MatchRun {
  a: number;
  b: number;
  length: number;
}

/**
 * Equal runs between two token-key sequences (longest common subsequence via
 * jsdiff), or null when the budget is exceeded. Sequences are capped at MAX_DIFF_TOKENS.
 */
export function matchRuns(a: string[], b: string[]): MatchRun[] | null {
  const x = a.length > MAX_DIFF_TOKENS ? a.slice(0, MAX_DIFF_TOKENS) : a;
  const y = b.length > MAX_DIFF_TOKENS ? b.slice(0, MAX_DIFF_TOKENS) : b;
  // The same pair recurs a lot (one quote or claim compared from several sides and by
  // several classifiers; outlets copying each other): remember recent answers, by content.
  const key = JSON.stringify([x, y]);
  const known = RUNS_MEMO.get(key);
  if (known !== undefined) return known && known.map((r) => ({ ...r }));
  const runs = computeRuns(x, y);
  if (RUNS_MEMO.size >= RUNS_MEMO_MAX) RUNS_MEMO.clear();
  RUNS_MEMO.set(key, runs && runs.map((r) => ({ ...r })));
  return runs;
}

const RUNS_MEMO = new Map<string, MatchRun[] | null>();
const RUNS_MEMO_MAX = 4096;

function computeRuns(x: string[], y: string[]): MatchRun[] | null {
  const changes = diffArrays(x, y, { timeout: TIMEOUT_MS, maxEditLength: 250 } as never) as
    | { count?: number; added: boolean; removed: boolean; value: string[] }[]
    | undefined;
  if (!changes) return null;
  const runs: MatchRun[] = [];
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.added) j += n;
    else if (c.removed) i += n;
    else {
      runs.push({ a: i, b: j, length: n });
      i += n;
      j += n;
    }
  }
  return runs;
}
