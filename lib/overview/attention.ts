/**
 * The order of stories on the home page: those that need an editor first.
 */
import type { FlagStatus, Severity } from "@/lib/types";

/** A story with its flag counts (every status) by severity and status. */
export interface StoryCounts {
  id: number;
  /** ISO time its articles last changed. */
  updatedAt: string;
  /** counts[severity][status] */
  counts: Record<Severity, Record<FlagStatus, number>>;
}

/** Open flags of one severity. */
export function openOf(s: StoryCounts, severity: Severity): number {
  return s.counts[severity].open;
}

/**
 * Most open high-severity flags first, then most open medium ones, then the
 * newest (last changed), then the highest id. Returns a new array.
 */
export function orderByAttention<S extends StoryCounts>(stories: readonly S[]): S[] {
  return [...stories].sort(
    (a, b) =>
      openOf(b, "high") - openOf(a, "high") ||
      openOf(b, "medium") - openOf(a, "medium") ||
      (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0) ||
      b.id - a.id,
  );
}
