import { describe, expect, it } from "vitest";
import { flagSearchString, parseFlagSearch } from "../../app/lib/flag-search";

describe("parseFlagSearch", () => {
  it("reads repeated and comma-separated filters, search, sort and page", () => {
    const r = parseFlagSearch(new URLSearchParams("kind=quote_paraphrased,claim_added&kind=claim_added&severity=high&status=open&outlet=A, B&outlet=C&story=3,4&q=%20bridge%20&sort=severity.desc&sort=confidence.asc&page=2&size=25&stale=0&format=csv"));
    expect(r).toEqual({
      ok: true,
      view: {
        query: {
          kind: ["quote_paraphrased", "claim_added"],
          severity: ["high"],
          status: ["open"],
          outlet: ["A, B", "C"],
          story: [3, 4],
          q: "bridge",
          stale: false,
          sort: [
            { id: "severity", desc: true },
            { id: "confidence", desc: false },
          ],
        },
        pageIndex: 1,
        pageSize: 25,
      },
    });
  });

  it("gives the default view for an empty URL", () => {
    expect(parseFlagSearch({})).toEqual({ ok: true, view: { query: {}, pageIndex: 0, pageSize: 50 } });
  });

  it("names every bad parameter and the problem", () => {
    const r = parseFlagSearch({ kind: "nope", story: "x", sort: "color.up", page: "0", size: "7", status: ["open", "gone"] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('unknown kind "nope"');
    expect(r.error).toContain('unknown status "gone"');
    expect(r.error).toContain('story must be a whole number, got "x"');
    expect(r.error).toContain('bad sort "color.up"');
    expect(r.error).toContain("page must be 1 or more");
    expect(r.error).toContain("size must be one of 25, 50, 100, 200");
  });

  it("refuses oversized input", () => {
    expect(parseFlagSearch({ q: "x".repeat(201) }).ok).toBe(false);
    expect(parseFlagSearch({ story: Array.from({ length: 201 }, (_, i) => String(i + 1)) }).ok).toBe(false);
  });
});

describe("parseFlagSearch messages", () => {
  it("names each bad parameter once, without list indexes", () => {
    expect(parseFlagSearch({ page: "abc" })).toEqual({ ok: false, error: 'Invalid view in the URL: page must be a whole number, got "abc"' });
    const r = parseFlagSearch({ sort: ["severity.desc", "bogus"], kind: "rumour" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain('kind: unknown kind "rumour"');
      expect(r.error).toContain('sort: bad sort "bogus"');
      expect(r.error).not.toMatch(/\.\d+:/);
    }
  });
});

describe("flagSearchString", () => {
  it("round-trips a view through the URL, leaving defaults out", () => {
    const view = {
      query: { kind: ["claim_added" as const], outlet: ["Side, Inc."], story: [9], q: "levee breach", sort: [{ id: "outlet" as const, desc: false }] },
      pageIndex: 2,
      pageSize: 100,
    };
    const s = flagSearchString(view);
    expect(parseFlagSearch(new URLSearchParams(s))).toEqual({ ok: true, view });
    expect(flagSearchString({ query: {}, pageIndex: 0, pageSize: 50 })).toBe("");
  });
});
