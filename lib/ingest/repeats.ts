/**
 * Folding repeated problem lines: a JSONL file with 5,000 bad records, or a
 * feed whose 16 items all timed out, prints its first few problems of each
 * kind and then one line for the rest, instead of burying the output. Pure:
 * the CLI feeds it the failures of one input and prints what it returns.
 */

/** How many problems of one kind from one input are printed before the rest are summarised. */
export const SHOWN_PER_KIND = 3;

/**
 * The problem without the name of what it happened to: the message minus its
 * leading source (`a.jsonl#3`, an item URL) or input with its position
 * (`a.jsonl:3: `, `a.json[3]: `).
 */
export function problemReason(message: string, names: readonly (string | null)[]): string {
  for (const name of names) {
    if (!name || !message.startsWith(name)) continue;
    const rest = message.slice(name.length);
    const m = /^(?::\d+|\[\d+\]|#\d+)?: /.exec(rest);
    if (m) return rest.slice(m[0].length);
  }
  return message;
}

/**
 * What makes two reasons "the same": the words, without the details in
 * parentheses (a parser's message, a size) and with numbers blanked.
 */
export function problemKind(reason: string): string {
  return reason
    .replace(/\([^()]*\)/g, "()")
    .replace(/\d[\d.,]*/g, "N")
    .replace(/\s+/g, " ")
    .trim();
}

/** Thousands with commas ("4,995"), without depending on the run's locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export interface RepeatGroup {
  /** The kind's key (see problemKind). */
  kind: string;
  /** The reason of the first problem of the kind, as an example. */
  reason: string;
  /** Problems of this kind in the input. */
  count: number;
  /** Problems of this kind not printed one by one. */
  hidden: number;
}

/**
 * Decides which of one input's problem reasons are printed: the first
 * `shown` of each kind. Returns a flag per reason, in order, and every kind
 * with problems left unprinted.
 */
export function foldRepeats(reasons: readonly string[], shown: number = SHOWN_PER_KIND): { show: boolean[]; groups: RepeatGroup[] } {
  const groups = new Map<string, RepeatGroup>();
  const show = reasons.map((reason) => {
    const kind = problemKind(reason);
    let g = groups.get(kind);
    if (!g) groups.set(kind, (g = { kind, reason, count: 0, hidden: 0 }));
    g.count++;
    if (g.count <= shown) return true;
    g.hidden++;
    return false;
  });
  return { show, groups: [...groups.values()].filter((g) => g.hidden > 0) };
}

/** The one line standing for the unprinted problems of a kind: "… and 4,995 more records failed for the same reason: malformed JSON (…)". */
export function repeatLine(group: RepeatGroup, noun: string): string {
  const example = group.reason.replace(/\([^()]*\)/g, "(…)");
  return `… and ${formatCount(group.hidden)} more ${noun} failed for the same reason: ${example}`;
}
