import { describe, expect, it } from "vitest";
import { crossStoryLines, indexStoryLines, MAX_CHROME_LINE, normalizeLine, storyLineKeys, updateStoryLines } from "@/lib/segment";

const FLOOD_BODY = [
  "Share this article",
  "Heavy rain flooded the lower town of Mirefield on Thursday night after the river burst its banks.",
  "- Cycle path opens along old railway",
].join("\n\n");
const PATH_BODY = [
  "Share this article",
  "A new cycle path linking Mirefield with the coast was opened on Saturday by the transport minister.",
  "Mirefield flooded after river bursts banks",
].join("\n\n");

const index = () =>
  indexStoryLines([
    { story: 1, title: "Mirefield flooded after river bursts banks", body: FLOOD_BODY },
    { story: 2, title: "Cycle path opens along old railway", body: PATH_BODY },
  ]);

describe("indexStoryLines", () => {
  it("indexes short lines and headlines by story", () => {
    const idx = index();
    expect([...idx.get(normalizeLine("Share this article"))!.keys()].sort()).toEqual([1, 2]);
    expect([...idx.get(normalizeLine("Cycle path opens along old railway"))!.keys()].sort()).toEqual([1, 2]);
    expect([...idx.get(normalizeLine("Mirefield flooded after river bursts banks"))!.keys()].sort()).toEqual([1, 2]);
  });

  it("does not index prose longer than MAX_CHROME_LINE or lines without letters", () => {
    const long = `Residents ${"said the water rose quickly and reached the shops on the high street ".repeat(6)}.`;
    expect(long.length).toBeGreaterThan(MAX_CHROME_LINE);
    const idx = indexStoryLines([{ story: 1, title: "Flood", body: `${long}\n\n2024 — 12:30` }]);
    expect(idx.has(normalizeLine(long))).toBe(false);
    expect(idx.has(normalizeLine("2024 — 12:30"))).toBe(false);
    expect(idx.has(normalizeLine("Flood"))).toBe(true);
  });
});

describe("crossStoryLines", () => {
  it("returns a line that an article of another story carries too", () => {
    const out = crossStoryLines(index(), 1, FLOOD_BODY, "Mirefield flooded after river bursts banks");
    expect(out.has(normalizeLine("Share this article"))).toBe(true);
  });

  it("returns a linked headline of another story, with and without its list marker", () => {
    const out = crossStoryLines(index(), 1, FLOOD_BODY, "Mirefield flooded after river bursts banks");
    expect(out.has(normalizeLine("Cycle path opens along old railway"))).toBe(true);
    expect(out.has(normalizeLine("- Cycle path opens along old railway"))).toBe(true);
  });

  it("does not return the story's own prose", () => {
    const out = crossStoryLines(index(), 1, FLOOD_BODY, "Mirefield flooded after river bursts banks");
    expect(out.has(normalizeLine("Heavy rain flooded the lower town of Mirefield on Thursday night after the river burst its banks."))).toBe(false);
    expect(out.size).toBeLessThanOrEqual(3);
  });

  it("never returns the article's own headline, even when another story carries it", () => {
    const body = ["Mirefield flooded after river bursts banks", "Heavy rain flooded the lower town of Mirefield on Thursday night."].join("\n\n");
    const out = crossStoryLines(index(), 1, body, "Mirefield flooded after river bursts banks");
    expect(out.has(normalizeLine("Mirefield flooded after river bursts banks"))).toBe(false);
  });

  it("never returns long prose lines, even when another story carries them word for word", () => {
    const long = `The regional weather service ${"warned that more rain was expected over the northern valleys and urged residents to stay away from the river ".repeat(3)}.`;
    expect(long.length).toBeGreaterThan(MAX_CHROME_LINE);
    const idx = indexStoryLines([
      { story: 1, title: "Flood", body: long },
      { story: 2, title: "Rain", body: long },
    ]);
    expect(crossStoryLines(idx, 1, long, "Flood").size).toBe(0);
  });

  it("a line only articles of the same story carry is not returned", () => {
    const idx = indexStoryLines([
      { story: 1, title: "Flood", body: "Live updates below" },
      { story: 1, title: "Flood latest", body: "Live updates below" },
      { story: 2, title: "Cycle path", body: "A new path opened." },
    ]);
    expect(crossStoryLines(idx, 1, "Live updates below", "Flood").size).toBe(0);
    expect(crossStoryLines(idx, 2, "Live updates below", "Cycle path").has(normalizeLine("Live updates below"))).toBe(true);
  });
});

describe("updateStoryLines", () => {
  it("keeps an index equal to one built anew as articles come, move to another story and go", () => {
    const a = { story: 1, title: "Flood", body: "Share this article\n\nThe river rose." };
    const b = { story: 2, title: "Cycle path", body: "Share this article\n\nLive updates below" };
    const c = { story: 2, title: "Cycle path opens", body: "Live updates below" };
    const idx = indexStoryLines([a, b]);
    updateStoryLines(idx, storyLineKeys(c.title, c.body), 2, 1);
    expect(idx).toEqual(indexStoryLines([a, b, c]));
    // b moves to story 3, then a goes
    updateStoryLines(idx, storyLineKeys(b.title, b.body), 2, -1);
    updateStoryLines(idx, storyLineKeys(b.title, b.body), 3, 1);
    updateStoryLines(idx, storyLineKeys(a.title, a.body), 1, -1);
    expect(idx).toEqual(indexStoryLines([{ ...b, story: 3 }, c]));
    expect(crossStoryLines(idx, 1, a.body, a.title).has(normalizeLine("Share this article"))).toBe(true);
    updateStoryLines(idx, storyLineKeys(b.title, b.body), 3, -1);
    expect(crossStoryLines(idx, 1, a.body, a.title).size).toBe(0);
  });
});
