/**
 * A bounded memo for readers of a text: the same sentence is read for numbers,
 * dates and names by several classifiers and from every counterpart's side, so
 * the answer is remembered by content. Pure (the answer depends on the text
 * alone); each caller gets its own copy, so no caller can change another's.
 */

/** Texts remembered per reader before the memo starts over. */
export const TEXT_MEMO_MAX = 4096;

/** `read` remembered by its text argument; results are arrays of plain records, copied out. */
export function memoByText<T extends object>(read: (text: string) => T[]): (text: string) => T[] {
  const memo = new Map<string, T[]>();
  return (text: string) => {
    let known = memo.get(text);
    if (known === undefined) {
      known = read(text);
      if (memo.size >= TEXT_MEMO_MAX) memo.clear();
      memo.set(text, known);
    }
    return known.map((x) => ({ ...x }));
  };
}
