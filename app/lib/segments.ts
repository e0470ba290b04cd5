/**
 * Cuts a range of an (untrusted) article body into plain-text pieces, each
 * tagged with the marked spans that cover it, so pages render highlights as
 * React text nodes: never HTML.
 */
export interface MarkSpan {
  start: number;
  end: number;
  /** Anything the renderer needs (flag id, severity, ...). */
  key: string;
}

export interface Piece {
  text: string;
  start: number;
  /** Keys of the spans covering this piece, in the order given. */
  marks: string[];
}

/** Pieces of body[from, to) split at every span boundary; spans are clipped to the range, empty or inverted ones ignored. */
export function cutPieces(body: string, from: number, to: number, spans: MarkSpan[]): Piece[] {
  const lo = Math.max(0, Math.min(from, body.length));
  const hi = Math.max(lo, Math.min(to, body.length));
  const clipped = spans
    .map((s) => ({ ...s, start: Math.max(lo, s.start), end: Math.min(hi, s.end) }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start);
  const cuts = new Set<number>([lo, hi]);
  for (const s of clipped) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (b <= a) continue;
    pieces.push({ text: body.slice(a, b), start: a, marks: clipped.filter((s) => s.start <= a && s.end >= b).map((s) => s.key) });
  }
  return pieces;
}
