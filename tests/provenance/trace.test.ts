import { describe, expect, it } from "vitest";
import { JOIN, traceQuotes, type ProvenanceArticle, type ProvenanceQuote, type QuoteLink } from "@/lib/provenance";

const FULL = "We will rebuild the north bridge by spring and we thank the volunteers who worked through the night, but the cost is still unknown";
const CHANGED = "We will definitely rebuild the north bridge by spring";
const TAIL = "but the cost is still unknown";
const EXCERPT = "rebuild the north bridge";
const OTHER = "The river has never been this high in forty years of records";

/** A body holding the given quotes in quotation marks; returns the body and each quote's span. */
function body(quotes: string[]): { text: string; spans: { start: number; end: number }[] } {
  let text = "Intro sentence. ";
  const spans = quotes.map((q) => {
    text += "“";
    const start = text.length;
    text += q;
    const end = text.length;
    text += "”, she said. ";
    return { start, end };
  });
  return { text, spans };
}

function world(opts: { published?: (string | null)[] } = {}) {
  const outlets = ["Wire", "Daily", "Digest", "Blog"];
  const articles: ProvenanceArticle[] = outlets.map((outlet, i) => ({ id: i + 1, outlet, publishedAt: opts.published?.[i] ?? null, ingestOrder: i }));
  const texts = [[FULL, OTHER], [CHANGED, TAIL], [EXCERPT], [OTHER]];
  const quotes: ProvenanceQuote[] = [];
  texts.forEach((qs, i) => {
    const b = body(qs);
    qs.forEach((q, k) => quotes.push({ articleId: i + 1, ...b.spans[k], text: q, speaker: "Mayor Ana Ruiz" }));
  });
  const q = (articleId: number, text: string) => {
    const x = quotes.find((y) => y.articleId === articleId && y.text === text)!;
    return { articleId, start: x.start, end: x.end };
  };
  const links: QuoteLink[] = [
    { from: q(2, CHANGED), to: q(1, FULL) },
    { from: q(2, TAIL), to: q(1, FULL) },
    { from: q(3, EXCERPT), to: q(1, FULL) },
    { from: q(4, OTHER), to: q(1, OTHER) },
    // A weak candidate: the other quote shares no words with the full one.
    { from: q(4, OTHER), to: q(1, FULL) },
  ];
  return { articles, quotes, links };
}

describe("traceQuotes", () => {
  it("groups versions, orders them by ingest when times are missing, and diffs each against its likeliest parent", () => {
    const { articles, quotes, links } = world();
    const out = traceQuotes(articles, quotes, links);
    expect(out).toHaveLength(2);
    const [changed, same] = out;
    expect(changed.basis).toBe("ingest");
    expect(changed.versions.map((v) => v.outlet)).toEqual(["Wire", "Daily", "Digest"]);
    expect(changed.versions[changed.fullest].outlet).toBe("Wire");
    expect(changed.changed).toBe(1);
    const daily = changed.versions[1];
    // The outlet split the quote: one version, parts joined.
    expect(daily.text).toBe(`${CHANGED}${JOIN}${TAIL}`);
    expect(daily.spans).toHaveLength(2);
    expect(daily.parent).toBe(0);
    expect(daily.changes).toContainEqual({ kind: "added", from: "", to: "definitely", where: "middle" });
    const cut = daily.changes.find((c) => c.kind === "cut");
    expect(cut?.from).toContain("we thank the volunteers");
    expect(cut?.where).toBe("middle");
    const digest = changed.versions[2];
    expect(digest.excerpt).toEqual({ words: 4, of: FULL.split(" ").length });
    // An excerpt's missing opening and ending are not listed as cuts; its words are unchanged.
    expect(digest.changes).toEqual([]);
    expect(same.versions.map((v) => v.outlet)).toEqual(["Wire", "Blog"]);
    expect(same.changed).toBe(0);
  });

  it("orders by publication time when every version has one", () => {
    const { articles, quotes, links } = world({ published: ["2026-03-02T10:00:00Z", "2026-03-01T09:00:00Z", "2026-03-03T08:00:00Z", null] });
    const changed = traceQuotes(articles, quotes, links)[0];
    expect(changed.basis).toBe("published");
    expect(changed.versions.map((v) => v.outlet)).toEqual(["Daily", "Wire", "Digest"]);
    // The full version came later: it added to the shorter one.
    expect(changed.versions[1].changes.some((c) => c.kind === "added" && c.to.includes("we thank the volunteers"))).toBe(true);
    // The unknown time of Blog puts its quote back on ingest order.
    expect(traceQuotes(articles, quotes, links)[1].basis).toBe("ingest");
  });

  it("does not join quotes of different named speakers, nor quotes of one outlet", () => {
    const { articles, quotes, links } = world();
    const other = quotes.map((q) => (q.articleId === 2 ? { ...q, speaker: "Governor Lee Park" } : q));
    const out = traceQuotes(articles, other, links);
    expect(out[0].versions.map((v) => v.outlet)).not.toContain("Daily");
    const oneOutlet = articles.map((a) => ({ ...a, outlet: "Same" }));
    expect(traceQuotes(oneOutlet, quotes, links)).toEqual([]);
  });

  it("refuses an article given twice", () => {
    const { articles, quotes, links } = world();
    expect(() => traceQuotes([...articles, articles[0]], quotes, links)).toThrow(/article 1 given twice/);
  });
});
