/**
 * The known limit of the analysis, in words an editor reads: only the first
 * MAX_ANALYSED_CHARS characters of a body are analysed (the constant lives with
 * the alignment that enforces it and is imported here, never restated).
 */
import { MAX_ANALYSED_CHARS } from "@/lib/align/prepare";

export { MAX_ANALYSED_CHARS };

/** Fixed grouping, so the notice reads the same whatever the server's locale. */
const COUNT = new Intl.NumberFormat("en-US");

/**
 * The notice for an article whose body is longer than the analysed prefix
 * ("Only the first 120,000 characters of this article were analysed (it has N)"),
 * or null when the whole body was analysed.
 */
export function describeAnalysisLimit(bodyLength: number): string | null {
  if (!Number.isFinite(bodyLength) || bodyLength <= MAX_ANALYSED_CHARS) return null;
  return `Only the first ${COUNT.format(MAX_ANALYSED_CHARS)} characters of this article were analysed (it has ${COUNT.format(bodyLength)})`;
}
