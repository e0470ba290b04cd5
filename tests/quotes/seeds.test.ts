/**
 * The five seed articles (../shared/seeds, read-only, never copied): chrome
 * stays out of quotes and claims, the known quotes and structures are found.
 * Assertions are about shapes and speakers, never about positions in the files.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { segmentArticle } from "@/lib/segment";
import { extractQuotes } from "@/lib/quotes";
import { extractClaims } from "@/lib/claims";

const SEEDS = path.resolve(__dirname, "../../../shared/seeds");
const present = existsSync(SEEDS);

function load(prefix: string) {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!file) throw new Error(`seed ${prefix} missing in ${SEEDS}`);
  const body = readFileSync(path.join(SEEDS, file), "utf8");
  const seg = segmentArticle(body);
  const quotes = extractQuotes(body, seg);
  const claims = extractClaims(body, seg, quotes);
  const blockText = (i: number) => body.slice(seg.blocks[i].start, seg.blocks[i].end);
  return { body, seg, quotes, claims, blockText };
}

/** The chrome lines the seed README names; each must come out boilerplate. */
const CHROME = ["Featured", "Source link", "Related Posts", "1 of 82", "Related topics", "Bu haberi paylaşın", "The case is being updated", "ORIGINAL SOURCE:"];

describe.skipIf(!present)("seed articles (skipped: ../shared/seeds is absent)", () => {
  it("marks the chrome lines boilerplate and keeps quotes and claims out of them", () => {
    let seen = 0;
    for (const prefix of ["000", "001", "002", "003", "004"]) {
      const { body, seg, quotes, claims, blockText } = load(prefix);
      const bp = seg.blocks.filter((b) => b.boilerplate);
      for (const b of seg.blocks) {
        const t = blockText(b.index);
        if (CHROME.includes(t) || t.startsWith("Anadolu Agency website contains")) {
          seen++;
          expect(b.boilerplate, `${prefix}: ${t}`).toBe(true);
        }
      }
      for (const q of quotes) for (const b of bp) expect(q.end <= b.start || q.start >= b.end, `${prefix}: quote in chrome ${body.slice(b.start, b.end)}`).toBe(true);
      for (const c of claims) for (const b of bp) expect(c.end <= b.start || c.start >= b.end, `${prefix}: claim in chrome ${body.slice(b.start, b.end)}`).toBe(true);
    }
    expect(seen).toBe(CHROME.length + 1 + 1); // "Source link" appears in two seeds
  });

  it("002: dash-led quotes are attributed to Støre", () => {
    const { quotes } = load("002");
    const dash = quotes.filter((q) => q.style === "dash" && q.speaker === "Støre");
    expect(dash.length).toBeGreaterThanOrEqual(2);
    expect(dash.some((q) => q.text.startsWith("We want to strengthen cooperation"))).toBe(true);
    expect(dash.every((q) => !/says Støre/.test(q.text))).toBe(true);
  });

  it("000 and 003: the Zelensky quotes carry a Zelensky speaker", () => {
    for (const prefix of ["000", "003"]) {
      const { quotes } = load(prefix);
      const z = quotes.filter((q) => /that America agrees to work with/i.test(q.spokenText ?? q.text));
      expect(z, prefix).toHaveLength(1);
      expect(z[0].speaker ?? "", prefix).toMatch(/Zelensky/);
      expect(z[0].speakerKey ?? "").toMatch(/^zelensky/);
    }
  });

  it("000: the venue title is not a quote and the Witkoff quote carries it", () => {
    const { quotes } = load("000");
    expect(quotes.some((q) => /^Fox News Sunday/.test(q.text))).toBe(false);
    const q = quotes.find((x) => x.text.startsWith("It means the United States"));
    expect(q?.speaker).toBe("Mr. Witkoff");
    expect(q?.venue).toBe("Fox News Sunday");
  });

  it("004: FAQ, list and key-terms structures and the expert call-out quote", () => {
    const { seg, quotes } = load("004");
    const kinds = seg.structures.map((s) => s.kind);
    expect(kinds).toContain("faq");
    expect(kinds).toContain("list");
    expect(kinds).toContain("key_terms");
    expect(kinds).toContain("callout");
    const expert = quotes.find((q) => q.text.startsWith("This arrangement represents"));
    expect(expert?.speaker).toBe("Dr. Natalia Arno");
    const cs = seg.structures.find((s) => s.kind === "callout" && s.label === "Expert Opinion");
    expect(cs && expert && expert.start >= cs.start && expert.end <= cs.end).toBe(true);
  });

  it("003: table of contents, table, FAQ and call-outs; no claims or quotes from the contents", () => {
    const { seg, claims, quotes } = load("003");
    const kinds = seg.structures.map((s) => s.kind);
    for (const k of ["toc", "table", "faq", "callout"] as const) expect(kinds).toContain(k);
    const toc = seg.structures.find((s) => s.kind === "toc")!;
    expect(claims.every((c) => c.end <= toc.start || c.start >= toc.end)).toBe(true);
    expect(quotes.every((q) => q.end <= toc.start || q.start >= toc.end)).toBe(true);
  });
});
