import { describe, expect, it } from "vitest";
import { rankEvidence, type EvidenceStanding } from "@/lib/provenance";
import type { Evidence } from "@/lib/types";

const ev = (articleId: number, outlet: string, text: string): Evidence => ({ articleId, outlet, text, start: 0, end: text.length, diff: [] });
const FULL = "We will rebuild the bridge by spring, whatever it costs";
const CUT = "We will rebuild the bridge";

describe("rankEvidence", () => {
  const standing = (over: Record<string, Partial<EvidenceStanding>>) => (e: Evidence): EvidenceStanding => ({ flagged: false, corroboration: 0, publishedAt: null, ...over[e.outlet] });

  it("puts a clean version before a flagged one, whatever else", () => {
    const list = [ev(2, "Aggregator", FULL), ev(3, "Wire", CUT)];
    expect(rankEvidence(list, standing({ Aggregator: { flagged: true, corroboration: 3 } })).map((e) => e.outlet)).toEqual(["Wire", "Aggregator"]);
  });

  it("then the best corroborated, then the fullest, then the earliest published, then the given order", () => {
    const list = [ev(2, "Padded", CUT), ev(3, "Wire", FULL), ev(4, "Late", CUT)];
    expect(rankEvidence(list, standing({ Wire: { corroboration: 1 }, Padded: { corroboration: 2 } })).map((e) => e.outlet)).toEqual(["Padded", "Wire", "Late"]);
    expect(rankEvidence(list, standing({})).map((e) => e.outlet)).toEqual(["Wire", "Padded", "Late"]);
    expect(rankEvidence(list, standing({ Late: { publishedAt: "2026-03-01T08:00:00Z" }, Padded: { publishedAt: "2026-03-01T09:00:00Z" } })).map((e) => e.outlet)).toEqual([
      "Wire",
      "Late",
      "Padded",
    ]);
  });

  it("does not call a longer rewrite that drops a word the fuller version", () => {
    const list = [ev(2, "Original", "The bridge opened in 1958 and carries 41,000 vehicles"), ev(3, "Rewrite", "The bridge, which opened in 1958, carries about 41,000 vehicles a day")];
    expect(rankEvidence(list, standing({ Original: { publishedAt: "2026-03-01T08:00:00Z" }, Rewrite: { publishedAt: "2026-03-01T09:00:00Z" } }))[0].outlet).toBe("Original");
  });
});
