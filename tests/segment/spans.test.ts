/**
 * Property test: every span returned by segmentation, quotes and claims lies
 * inside the body and every text field equals body.slice(start, end).
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { segmentArticle } from "@/lib/segment";
import { extractQuotes } from "@/lib/quotes";
import { extractClaims } from "@/lib/claims";
import type { Span } from "@/lib/types";

function checkSpan(body: string, sp: Span, what: string): void {
  expect(Number.isInteger(sp.start) && Number.isInteger(sp.end), `${what} integer offsets`).toBe(true);
  expect(sp.start >= 0 && sp.start <= sp.end && sp.end <= body.length, `${what} [${sp.start},${sp.end}) within ${body.length}`).toBe(true);
}

export function checkAll(body: string): void {
  const seg = segmentArticle(body);
  seg.blocks.forEach((b, i) => {
    checkSpan(body, b, `block ${i}`);
    expect(b.index).toBe(i);
    expect(body.slice(b.start, b.end)).toBe(body.slice(b.start, b.end).trim());
    if (b.structure !== null) expect(seg.structures[b.structure].blocks).toContain(i);
  });
  for (let i = 1; i < seg.blocks.length; i++) expect(seg.blocks[i].start).toBeGreaterThanOrEqual(seg.blocks[i - 1].end);
  seg.sentences.forEach((s, i) => {
    checkSpan(body, s, `sentence ${i}`);
    expect(s.index).toBe(i);
    const b = seg.blocks[s.block];
    expect(s.start >= b.start && s.end <= b.end, `sentence ${i} inside its block`).toBe(true);
    const t = body.slice(s.start, s.end);
    expect(t.length > 0 && t === t.trim(), `sentence ${i} trimmed`).toBe(true);
  });
  seg.structures.forEach((s, i) => {
    checkSpan(body, s, `structure ${i}`);
    expect(s.index).toBe(i);
    expect(s.blocks.length).toBeGreaterThan(0);
  });
  const quotes = extractQuotes(body, seg);
  quotes.forEach((q, i) => {
    checkSpan(body, q, `quote ${i}`);
    expect(q.text).toBe(body.slice(q.start, q.end));
    expect(q.parts.length).toBeGreaterThan(0);
    expect(q.parts[0].start).toBe(q.start);
    expect(q.parts[q.parts.length - 1].end).toBe(q.end);
    q.parts.forEach((p, k) => checkSpan(body, p, `quote ${i} part ${k}`));
    if (q.speakerSpan) {
      checkSpan(body, q.speakerSpan, `quote ${i} speaker`);
      expect(q.speaker).toBe(body.slice(q.speakerSpan.start, q.speakerSpan.end));
    }
    if (q.mention) checkSpan(body, q.mention, `quote ${i} mention`);
    expect(q.sentence >= 0 && q.sentence < Math.max(1, seg.sentences.length)).toBe(true);
  });
  const claims = extractClaims(body, seg, quotes);
  claims.forEach((c, i) => {
    checkSpan(body, c, `claim ${i}`);
    expect(c.text).toBe(body.slice(c.start, c.end));
  });
}

const HAND_MADE = [
  "",
  "\n\n\n",
  "One line",
  "Title\n\nBody sentence one. Body two?\n- a\n- b\n| x | y |\n|---|---|\n| 1 | 2 |",
  "“Unclosed quote in a paragraph\n\n“And its continuation,” she said.",
  "He said: \"x\" 'y' ‘z’ «w» „v“ ‹u› – dash\r\n– Dash quote, says Someone.\r\n",
  "Mr. A. B. Smith Jr. said “ok.” Then “” and \"\" and '' end",
  "😀 emoji “quoted 😀 text,” said Ann Lee. Ünïcödé — “ü”",
  "Q: What? A: This. - Q: Why? A: Because.\nFrequently Asked Questions\n- Is it? Yes it is.",
  "\"\"\"\"“““”””''''‘’‘’",
  "Featured\nSource link\n1 of 2\nRelated Posts",
];

describe("span invariants", () => {
  it.each(HAND_MADE.map((b, i) => [i, b]))("hand-made body %i", (_i, body) => {
    checkAll(body as string);
  });

  it("random bodies built from tricky pieces", () => {
    // deterministic pseudo-random generator (no Math.random in tests that must be reproducible)
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", "– ", "- ", "\n", "\n\n", "Mr. ", "said ", "U.S. ", "He ", "told CNN", ". ", "? ", ": ", "| ", "Q: ", "A: ", "word ", "3.5 ", "x", "Smith "];
    for (let n = 0; n < 300; n++) {
      let body = "";
      const len = Math.floor(rnd() * 60);
      for (let k = 0; k < len; k++) body += pieces[Math.floor(rnd() * pieces.length)];
      checkAll(body);
    }
  });

  const seeds = path.resolve(__dirname, "../../../shared/seeds");
  it.skipIf(!existsSync(seeds))("seed articles (skipped when ../shared/seeds is absent)", () => {
    for (const f of readdirSync(seeds).filter((f) => f.endsWith(".txt"))) checkAll(readFileSync(path.join(seeds, f), "utf8"));
  });
});
