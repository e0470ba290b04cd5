/**
 * End to end on the bundled sample corpus: ingest db/sample/articles into a
 * fresh database, analyse, and score against planted.json. Every planted
 * divergence must be caught (kind + article + span containing the planted
 * text) and no other flag may be medium or high.
 */
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { readPlanted, runCorpus, SAMPLE_DIR, scoreSample, type CorpusRun, type SampleScore } from "../../scripts/eval";

const planted = readPlanted();
let run: CorpusRun | null = null;
let score: SampleScore | null = null;

beforeAll(async () => {
  run = await runCorpus([path.join(SAMPLE_DIR, "articles")], new Date("2026-03-09T00:00:00Z"));
  score = scoreSample(run, planted);
}, 300_000);

describe("sample corpus, analysed", () => {
  it("groups the eight articles into the two stories", () => {
    expect(run).not.toBeNull();
    expect(run!.ingestFailures).toEqual([]);
    const storyOf = (frag: string) => run!.articles.filter((a) => a.source.includes(frag)).map((a) => a.storyId);
    const bridge = [...storyOf("tessel-bridge/"), ...storyOf("aggregators.jsonl#1")];
    const flood = [...storyOf("hestwick-flood/"), ...storyOf("aggregators.jsonl#2")];
    expect(bridge).toHaveLength(4);
    expect(flood).toHaveLength(4);
    expect(new Set(bridge).size).toBe(1);
    expect(new Set(flood).size).toBe(1);
    expect(bridge[0]).not.toBe(flood[0]);
    expect(bridge[0]).not.toBeNull();
  });

  it.each(planted.map((p, i) => [p.kind, p.file, i] as const))("catches %s in %s", (_kind, _file, i) => {
    expect(score).not.toBeNull();
    const r = score!.results[i];
    const near = r.near.map((f) => `${f.kind}/${f.severity}: "${f.text.slice(0, 60)}"`).join("; ");
    expect(r.articleFound, `article ${r.planted.file} not ingested`).toBe(true);
    expect(r.caught, `not caught: ${r.planted.kind} "${r.planted.text}"${near ? ` (flags on that span: ${near})` : ""}`).not.toBeNull();
  });

  it("raises no other flag at medium or high severity", () => {
    expect(score).not.toBeNull();
    expect(score!.others.map((f) => `${f.kind}/${f.severity} ${f.outlet}: "${f.text.slice(0, 80)}"`)).toEqual([]);
  });
});
