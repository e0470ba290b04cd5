/**
 * The benchmark script works end to end at a small N and its JSON carries every
 * figure and target. No timing assertions: the benchmark is a script, not a timed test.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

function bench(args: string[]) {
  return spawnSync(TSX, ["scripts/bench.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
}

describe("npm run bench", () => {
  it("runs at a small N and reports every figure as JSON", () => {
    const run = bench(["--articles", "40", "--naive-articles", "20", "--flags", "300", "--runs", "1", "--scaling", "--stages", "--json"]);
    expect(run.stderr).not.toMatch(/Error|failed/);
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.params).toMatchObject({ articles: 40, naiveArticles: 20, flags: 300 });
    expect(r.machine.cores).toBeGreaterThan(0);
    const p = r.pipeline;
    expect(p.articles).toBe(40);
    expect(p.ingest.added).toBe(40);
    expect(p.ingest.failed).toBe(0);
    for (const v of [p.ingest.articlesPerSecond, p.analysis.articlesPerSecond, p.totalSeconds, p.export.seconds]) {
      expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    expect(p.peakRssMb).toBeGreaterThan(10);
    expect(p.peakRssMb).toBeGreaterThanOrEqual(p.peakRssAnalysisMb);
    expect(p.analysis.groupingSeconds).toBeLessThan(p.analysis.seconds);
    expect(p.analysis.summary.assigned).toBe(40);
    for (const k of ["extractSeconds", "alignSeconds", "classifySeconds", "databaseSeconds"]) expect(p.stages[k]).toBeGreaterThanOrEqual(0);
    expect(p.flags).toBeGreaterThan(0); // the corpus plants divergences: some must be flagged
    expect(p.export.bytes).toBeGreaterThan(2);
    expect(p.flagsPage).toHaveLength(3);
    expect(p.grouping.truth).toBe(4);
    expect(r.floor.tokens).toBeGreaterThan(40 * 50);
    expect(r.floor.ratio).toBeGreaterThan(0);
    expect(r.naive).toMatchObject({ articles: 20 });
    expect(r.naive.comparisons).toBeGreaterThan(0);
    expect(r.naive.ratio).toBeGreaterThan(0);
    expect(r.flagsAtScale.flags).toBe(300);
    expect(r.flagsAtScale.pages.every((v: { medianMs: number }) => v.medianMs >= 0)).toBe(true);
    expect(r.scaling.small.articles).toBe(4);
    expect(r.scaling.ratio).toBeGreaterThan(0);
    expect(r.targets.map((t: { name: string }) => t.name)).toHaveLength(4);
    // Targets that do not apply at this size say so rather than pass or fail.
    const at10k = r.targets.find((t: { name: string }) => t.name.includes("10,000"));
    expect(at10k.pass).toBeNull();
    const page = r.targets.find((t: { name: string }) => t.name.includes("/flags"));
    expect(page.pass).toBeNull();
  }, 300_000);

  it("prints a table by default and rejects a bad option with one clear message", () => {
    const bad = bench(["--articles", "zero"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('bench: --articles must be a whole number >= 1, got "zero"');
    const unknown = bench(["--frobnicate"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown option "--frobnicate"/);
    const table = bench(["--articles", "12", "--naive-articles", "0", "--flags", "0", "--runs", "1"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/ingest\s+\d+ articles\/s/);
    expect(table.stdout).toMatch(/Targets:/);
  }, 300_000);
});
