/**
 * Hostile inputs under the 5 MB size limit: each must be answered (an article
 * or one clear problem line) in well under 10 s, without the process dying.
 * Generous bounds: the test machine is shared and loaded.
 */
import { describe, expect, it } from "vitest";
import {
  MAX_HTML_DEPTH,
  MIN_HTML_DEPTH,
  MAX_HTML_ATTRIBUTES,
  MAX_HTML_ATTRIBUTES_PER_PAGE,
  MAX_HTML_ELEMENTS,
  MAX_RECORDS_PER_FILE,
  PARSE_BUDGET_MS,
  limitHtmlDepth,
  parseFileBytes,
  parseText,
  type ParseOutcome,
} from "@/lib/ingest";

const enc = (s: string) => Buffer.from(s, "utf8");
const clock = { now: () => performance.now(), budgetMs: PARSE_BUDGET_MS };

/** Parses with the real clock and budget; returns the outcome, elapsed ms and RSS afterwards. */
function timed(bytes: Uint8Array, name: string): { out: ParseOutcome; ms: number; rssMb: number } {
  const t0 = performance.now();
  const out = parseFileBytes(bytes, name, clock);
  return { out, ms: performance.now() - t0, rssMb: process.memoryUsage().rss / 2 ** 20 };
}

describe("hostile inputs are bounded in time and memory", () => {
  it("50,000 nested divs: unwrapped past the depth limit, read in seconds, with a note", () => {
    const html = `<html><body>${"<div>".repeat(50_000)}<p>Deep inside the page the council said the bridge would reopen on Monday after repairs.</p>${"</div>".repeat(50_000)}</body></html>`;
    const { out, ms, rssMb } = timed(enc(html), "nested.html");
    expect(ms).toBeLessThan(10_000);
    expect(rssMb).toBeLessThan(1024);
    expect(out.problems).toEqual([]);
    expect(out.articles[0].body).toContain("the bridge would reopen on Monday");
    // html and body take two levels; 254 divs stay, the other divs and the paragraph are unwrapped.
    expect(out.notes?.[0].message).toBe(`nested.html: unwrapped ${(50_000 + 1 - (MAX_HTML_DEPTH - 2)).toLocaleString("en-US")} elements nested deeper than ${MAX_HTML_DEPTH} levels (their text is kept)`);
  }, 60_000);

  it("2,000 unclosed containers full of text and links: unwrapped to a shallower depth until extraction is cheap", () => {
    const block = `<footer>\n<p><a href="/about">About the paper</a> &middot; <a href="/contact">Contact</a></p>\n<p>The council said the bridge would reopen on Monday after repairs to the deck.</p>\n`;
    const html = `<html><head><title>Bridge to reopen</title></head><body><article><p>The bridge will reopen on Monday, the council said.</p></article>${block.repeat(2000)}</body></html>`;
    const { out, ms } = timed(enc(html), "footers.html");
    expect(ms).toBeLessThan(10_000);
    expect(out.problems).toEqual([]);
    expect(out.articles).toHaveLength(1);
    const note = /unwrapped [\d,]+ elements nested deeper than (\d+) levels/.exec(out.notes?.[0].message ?? "");
    expect(Number(note?.[1])).toBeLessThan(MAX_HTML_DEPTH);
    expect(Number(note?.[1])).toBeGreaterThanOrEqual(MIN_HTML_DEPTH);
  }, 60_000);

  it("attributes by the hundred thousand: one element's or the page's excess dropped, tags and text kept", () => {
    const text = "The council voted on Tuesday to close the bridge for repairs, the mayor said.";
    const one = `<html><body><p ${Array.from({ length: 400_000 }, (_, i) => `a${i}="1"`).join(" ")}>${text}</p></body></html>`;
    const a = timed(enc(one), "one.html");
    expect(a.ms).toBeLessThan(10_000);
    expect(a.out.articles[0].body).toContain("close the bridge");
    expect(a.out.notes?.map((n) => n.message)).toEqual([`one.html: dropped 400,000 attributes (over ${MAX_HTML_ATTRIBUTES} on one element or ${MAX_HTML_ATTRIBUTES_PER_PAGE.toLocaleString("en-US")} on the page)`]);
    const many = `<html><body>${`<p ${Array.from({ length: 200 }, (_, i) => `b${i}="1"`).join(" ")}>${text}</p>`.repeat(2000)}</body></html>`;
    const b = timed(enc(many), "many.html");
    expect(b.ms).toBeLessThan(10_000);
    expect(b.out.articles).toHaveLength(1);
    expect(b.out.notes?.[0].message).toMatch(/^many\.html: dropped 300,000 attributes/);
    // An ordinary page keeps every attribute.
    expect(limitHtmlDepth(`<p class="a" id=b data-x='c>d' hidden>x</p>`, MAX_HTML_DEPTH).strippedAttributes).toBe(0);
  }, 60_000);

  it("the depth scan keeps pages within the limit untouched and counts depth as the HTML parser does", () => {
    const page = "<html><body><ul><li>a<li>b</ul><p>one<p>two<div><table><tr><td>x<td>y</table></div><script>if (a<b) {}</script></body></html>";
    const scan = limitHtmlDepth(page, MAX_HTML_DEPTH);
    expect(scan.html).toBe(page);
    expect(scan.unwrapped).toBe(0);
    expect(scan.depth).toBe(6); // html body div table tr td (p closes p, li closes li, td closes td; tbody is implied by the DOM, not the tags)
    const deep = limitHtmlDepth("<b>".repeat(10) + "x" + "</b>".repeat(10), 4);
    expect(deep.html).toBe("<b><b><b><b>x</b></b></b></b>");
  });

  it("a 4.8 MB JSON array of numbers: one problem line, no million lines", () => {
    const parts: string[] = [];
    let size = 2;
    for (let i = 0; size < 4.8e6; i++) {
      const s = String(i % 100_000);
      parts.push(s);
      size += s.length + 1;
    }
    const json = `[${parts.join(",")}]`;
    const { out, ms, rssMb } = timed(enc(json), "numbers.json");
    expect(ms).toBeLessThan(10_000);
    expect(rssMb).toBeLessThan(1024);
    expect(out.articles).toEqual([]);
    expect(out.problems).toEqual([
      { source: "numbers.json", message: `numbers.json: holds ${parts.length.toLocaleString("en-US")} records that are not articles (expected objects, found a number)` },
    ]);
  }, 60_000);

  it("5 MB of one long line: one article, a bounded title, in seconds", () => {
    const text = "word ".repeat(1024 * 1024 - 1) + "end.";
    const { out, ms } = timed(enc(text), "long.txt");
    expect(ms).toBeLessThan(10_000);
    expect(out.problems).toEqual([]);
    expect(out.articles[0].body).toHaveLength(text.length);
    expect(out.articles[0].title.length).toBeLessThanOrEqual(251);
    // The same line as a JSON body and as a one-paragraph page.
    expect(timed(enc(JSON.stringify({ body: text })), "long.json").ms).toBeLessThan(10_000);
    const page = timed(enc(`<html><body><p>${text}</p></body></html>`), "long.html");
    expect(page.ms).toBeLessThan(10_000);
    expect(page.out.articles.length + page.out.problems.length).toBe(1);
  }, 60_000);

  it("many small records: up to the limit all are read; past it the file is refused in one line", () => {
    const rec = (i: number) => JSON.stringify({ title: `Record ${i}`, body: `Body of record ${i}.` });
    const atLimit = Array.from({ length: MAX_RECORDS_PER_FILE }, (_, i) => rec(i)).join("\n");
    const ok = timed(enc(atLimit), "ok.jsonl");
    expect(ok.ms).toBeLessThan(10_000);
    expect(ok.out.articles).toHaveLength(MAX_RECORDS_PER_FILE);
    const many = Array.from({ length: 100_000 }, (_, i) => rec(i));
    for (const [name, text] of [
      ["many.jsonl", many.join("\n")],
      ["many.json", `[${many.join(",")}]`],
    ]) {
      const r = timed(enc(text), name);
      expect(r.ms).toBeLessThan(10_000);
      expect(r.out.articles).toEqual([]);
      expect(r.out.problems.map((p) => p.message)).toEqual([`${name}: holds 100,000 records, over the limit of 10,000 a file; split it into smaller files`]);
    }
  }, 60_000);

  it("deep JSON nesting and many bad records are answered in a bounded number of lines", () => {
    const deep = timed(enc("[".repeat(1_000_000) + "]".repeat(1_000_000)), "deep.json");
    expect(deep.ms).toBeLessThan(10_000);
    expect(deep.out.problems.map((p) => p.message)).toEqual(["deep.json: nested more than 64 levels deep, not an article export"]);
    const bad = Array.from({ length: 500 }, (_, i) => (i % 2 ? "{oops" : JSON.stringify({ title: "no body" }))).join("\n");
    const r = timed(enc(bad), "bad.jsonl");
    expect(r.out.problems).toHaveLength(21);
    expect(r.out.problems[20].message).toBe("bad.jsonl: 480 more records refused (the first 20 are listed)");
  }, 60_000);

  it("a page with more elements than the limit is refused before any DOM is built", () => {
    const html = `<html><body><article>${"<p>word <b>bold</b></p>".repeat(MAX_HTML_ELEMENTS / 2 + 10)}</article></body></html>`;
    const { out, ms } = timed(enc(html), "huge.html");
    expect(ms).toBeLessThan(10_000);
    expect(out.problems[0].message).toMatch(/^huge\.html: the page holds [\d,]+ elements, over the limit of 30,000 for one article page$/);
  }, 60_000);

  it("a spent time budget ends the input with one plain line (clock passed in)", () => {
    let t = 0;
    const slowClock = { now: () => (t += 4_000), budgetMs: PARSE_BUDGET_MS };
    const html = `<html><body><article><p>${"Words of the article. ".repeat(40)}</p></article></body></html>`;
    const out = parseFileBytes(enc(html), "slow.html", slowClock);
    expect(out.articles).toEqual([]);
    expect(out.problems).toEqual([{ source: "slow.html", message: "slow.html: took longer than the 10 s time budget (stopped while building the page)" }]);
    // Without a clock there is no budget.
    expect(parseFileBytes(enc(html), "slow.html").articles).toHaveLength(1);
    expect(parseText("[1]", "x.json", "json", null, slowClock).problems[0].message).toMatch(/^x\.json: took longer than the 10 s time budget/);
  });
});
