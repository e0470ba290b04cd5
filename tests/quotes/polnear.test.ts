/**
 * Regression guard on the PolNeAR dev split (../shared/datasets/polnear-dev,
 * read-only): quote recall and speaker accuracy must not fall below what the
 * extractor reaches today (recall 0.996, boundary recall 0.989, speaker accuracy 0.846 on 2026-11-22).
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { evalPolnear } from "@/scripts/eval-polnear";

const SHARED = path.resolve(__dirname, "../../../shared");
const present = existsSync(path.join(SHARED, "datasets", "polnear-dev", "text"));

describe.skipIf(!present)("polnear-dev quote evaluation (skipped: ../shared/datasets/polnear-dev is absent)", () => {
  it("finds the gold direct quotes and their speakers", () => {
    const r = evalPolnear(SHARED);
    expect(r.articles).toBe(84);
    expect(r.goldDirectQuotes).toBeGreaterThan(700);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.boundaryRecall).toBeGreaterThanOrEqual(0.9);
    expect(r.speakerAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(r.precisionVsContent).toBeGreaterThanOrEqual(0.95);
  });

  it("throws a precise error for a folder without the dataset", () => {
    expect(() => evalPolnear(path.join(SHARED, "no-such-folder"))).toThrow(/evalPolnear: .* has no text\/ and attributions\/ folders/);
  });
});
