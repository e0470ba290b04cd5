/**
 * Regression guards on PolNeAR (../shared/datasets, read-only). polnear-train is the development
 * split; polnear-dev is the check split (its figures are reported, never tuned on). The floors sit a
 * little under what the extractor reaches on 2026-12-01 (train: recall 0.994, speaker accuracy 0.885,
 * descriptive speakers 0.72; dev: recall 0.996, boundary recall 0.989).
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { evalPolnear, formatPolnear } from "@/scripts/eval-polnear";

const SHARED = path.resolve(__dirname, "../../../shared");
const present = (split: string) => existsSync(path.join(SHARED, "datasets", `polnear-${split}`, "text"));

describe.skipIf(!present("dev"))("polnear-dev quote evaluation (skipped: ../shared/datasets/polnear-dev is absent)", () => {
  it("finds the gold direct quotes and their speakers", () => {
    const r = evalPolnear(SHARED);
    expect(r.split).toBe("dev");
    expect(r.articles).toBe(84);
    expect(r.goldDirectQuotes).toBeGreaterThan(700);
    expect(r.recall).toBeGreaterThanOrEqual(0.99);
    expect(r.boundaryRecall).toBeGreaterThanOrEqual(0.98);
    expect(r.speakerAccuracy).toBeGreaterThanOrEqual(0.87);
    expect(r.precisionVsContent).toBeGreaterThanOrEqual(0.95);
  });

  it("throws a precise error for a folder without the dataset", () => {
    expect(() => evalPolnear(path.join(SHARED, "no-such-folder"))).toThrow(/evalPolnear: .* has no text\/ and attributions\/ folders/);
    expect(() => evalPolnear(path.join(SHARED, "no-such-folder"), "train")).toThrow(/polnear-train has no text\/ and attributions\/ folders/);
  });
});

describe.skipIf(!present("train"))("polnear-train quote evaluation (skipped: ../shared/datasets/polnear-train is absent)", () => {
  it("scores the training split, with speakers broken down by kind", () => {
    const r = evalPolnear(SHARED, "train");
    expect(r.split).toBe("train");
    expect(r.articles).toBe(840);
    expect(r.recall).toBeGreaterThanOrEqual(0.99);
    expect(r.speakerAccuracy).toBeGreaterThanOrEqual(0.875);
    expect(r.headAccuracy).toBeLessThanOrEqual(r.speakerAccuracy);
    expect(r.byKind.descriptive.gold).toBeGreaterThan(500);
    expect(r.byKind.descriptive.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(r.byKind.named.gold + r.byKind.descriptive.gold + r.byKind.pronoun.gold + r.byKind.other.gold).toBe(r.goldWithSource);
    const lines = formatPolnear([r]);
    expect(lines[0]).toContain("polnear-train");
    expect(lines.some((l) => l.startsWith("  descriptive speakers"))).toBe(true);
  });
});
