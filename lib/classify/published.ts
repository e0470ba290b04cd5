/**
 * Publication order of two articles, as far as their stated publication times tell it.
 */

/** Publication time, and whether it is known to the minute or only to the day. */
function time(p: string | null | undefined): { t: number; dayOnly: boolean } | null {
  const t = p ? Date.parse(p) : NaN;
  return Number.isFinite(t) ? { t, dayOnly: !/T\d/.test(p!) } : null;
}

const DAY = 86_400_000;

/** True when the article published at `pb` was certainly published before the one at `pa` (a date without a time only counts a day earlier). */
export function publishedBefore(pb: string | null | undefined, pa: string | null | undefined): boolean {
  const ta = time(pa);
  const tb = time(pb);
  if (!ta || !tb) return false;
  if (ta.dayOnly || tb.dayOnly) return Math.floor(tb.t / DAY) < Math.floor(ta.t / DAY);
  return tb.t < ta.t;
}
