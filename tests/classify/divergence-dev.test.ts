import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCorpus } from "../../scripts/eval";
import { evalDivergence } from "../../scripts/eval-divergence";
import { FLAG_KINDS } from "@/lib/types";

const DIR = path.resolve(__dirname, "..", "..", "..", "shared", "datasets", "divergence-dev");
const present = fs.existsSync(path.join(DIR, "corpus"));

describe.skipIf(!present)(`divergence-dev through ingest, analysis and its own scorer${present ? "" : ` (skipped: ${DIR} absent)`}`, () => {
  it("meets the issue's bars: must ≥ 0.95, should ≥ 0.8, every kind ≥ 0.85, no must-not violation, medium+ precision ≥ 0.9", async () => {
    const d = await evalDivergence(DIR, new Date("2026-12-01T00:00:00Z"), runCorpus);
    const frac = (x: string) => {
      const [a, b] = x.split("/").map(Number);
      return a / b;
    };
    expect(frac(d.must)).toBeGreaterThanOrEqual(0.95);
    expect(frac(d.should)).toBeGreaterThanOrEqual(0.8);
    for (const k of FLAG_KINDS) expect(d.perKind[k].caught / d.perKind[k].total, k).toBeGreaterThanOrEqual(0.85);
    expect(d.violations).toEqual([]);
    expect(d.seriousPrecision ?? 0).toBeGreaterThanOrEqual(0.9);
    expect(d.grouping.f1).toBe(1);
  }, 60_000);
});
