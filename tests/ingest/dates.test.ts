import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { normaliseDate, parseHtmlArticle, parseJsonFile, parseTextArticle } from "@/lib/ingest";
import { ARTICLE_PARAGRAPHS } from "./fixtures";

const run = promisify(execFile);

/** Values without a zone, with one, date-only, and unreadable ones. */
const VALUES = [
  "2024-03-05 14:00",
  "2024-03-05T14:00:00",
  "2024-03-05T14:00:00.250",
  "March 5, 2024 2:00 PM",
  "5 March 2024 14:00",
  "2024/03/05 14:00",
  "March 5, 2024",
  "2024-03-05",
  "Tue, 04 Mar 2025 09:30:00 GMT",
  "Tue, 04 Mar 2025 09:30:00 +0100",
  "2025-08-17T10:00:00+02:00",
  "2024-03-05T14:00:00 +0200",
  "Mar 5 2024 14:00 EST",
  "2024-02-30",
  "12",
  "yesterday",
];

describe("normaliseDate", () => {
  it("reads date-times without a zone as UTC, never in the machine's zone", () => {
    expect(normaliseDate("2024-03-05 14:00")).toBe("2024-03-05T14:00:00.000Z");
    expect(normaliseDate("2024-03-05T14:00:00")).toBe("2024-03-05T14:00:00.000Z");
    expect(normaliseDate("March 5, 2024 2:00 PM")).toBe("2024-03-05T14:00:00.000Z");
    expect(normaliseDate("5 March 2024 14:00")).toBe("2024-03-05T14:00:00.000Z");
  });

  it("reads them in a declared offset when the caller gives one, and keeps a zone the value names", () => {
    expect(normaliseDate("2024-03-05 14:00", 120)).toBe("2024-03-05T12:00:00.000Z");
    expect(normaliseDate("March 5, 2024 2:00 PM", -300)).toBe("2024-03-05T19:00:00.000Z");
    expect(normaliseDate("Tue, 04 Mar 2025 09:30:00 +0100", 600)).toBe("2025-03-04T08:30:00.000Z");
    expect(normaliseDate("2025-08-17T10:00:00+02:00", 600)).toBe("2025-08-17T08:00:00.000Z");
    expect(normaliseDate("Mar 5 2024 14:00 EST")).toBe("2024-03-05T19:00:00.000Z");
  });

  it("keeps a date without a time as a date, and refuses impossible or yearless values", () => {
    expect(normaliseDate("March 5, 2024")).toBe("2024-03-05");
    expect(normaliseDate("2024-03-05")).toBe("2024-03-05");
    expect(normaliseDate("2024-02-30")).toBeNull();
    expect(normaliseDate("12")).toBeNull();
    expect(normaliseDate("yesterday")).toBeNull();
  });

  it("gives the same output under every machine time zone (child processes with TZ set)", async () => {
    const module = path.resolve(__dirname, "../../lib/ingest/dates.ts");
    const script = `const m = await import(${JSON.stringify(module)}); const f = m.normaliseDate ?? m.default.normaliseDate;
      const values = ${JSON.stringify(VALUES)};
      console.log(JSON.stringify({ offset: new Date(2024, 2, 5).getTimezoneOffset(), out: values.map((v) => [f(v), f(v, 120)]) }));`;
    const zones = ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati"];
    const outs = await Promise.all(
      zones.map(async (TZ) => {
        const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { env: { ...process.env, TZ }, cwd: path.resolve(__dirname, "../..") });
        return JSON.parse(stdout) as { offset: number; out: [string | null, string | null][] };
      }),
    );
    // The children really ran in different zones...
    expect(new Set(outs.map((o) => o.offset)).size).toBe(4);
    // ...and normalised every value identically, to what this process computes.
    const here = VALUES.map((v) => [normaliseDate(v), normaliseDate(v, 120)]);
    for (const o of outs) expect(o.out).toEqual(here);
  }, 60_000);
});

describe("publication dates through the parsers", () => {
  const body = ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("");

  it("front matter and JSON dates without a zone are UTC", () => {
    expect(parseTextArticle("---\npublished: 2024-03-05 14:00\n---\nA headline here\n\nText.", "a.md").articles[0].publishedAt).toBe("2024-03-05T14:00:00.000Z");
    expect(parseJsonFile(JSON.stringify({ body: "Text.", date: "March 5, 2024 2:00 PM" }), "a.json").articles[0].publishedAt).toBe("2024-03-05T14:00:00.000Z");
  });

  it("an HTML page's zone-less published time takes the offset the page declares on its other dates", () => {
    const html = `<html><head><title>T</title><meta property="article:published_time" content="2024-03-05T14:00:00">
<meta property="article:modified_time" content="2024-03-05T16:00:00+05:30"></head><body><article>${body}</article></body></html>`;
    const r = parseHtmlArticle(html, "p.html");
    if (!r.ok) throw new Error(r.problem);
    expect(r.article.publishedAt).toBe("2024-03-05T08:30:00.000Z");
    const plain = parseHtmlArticle(html.replace(/<meta property="article:modified_time"[^>]*>/, ""), "p.html");
    if (!plain.ok) throw new Error(plain.problem);
    expect(plain.article.publishedAt).toBe("2024-03-05T14:00:00.000Z");
  });
});
