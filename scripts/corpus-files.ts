/**
 * The synthetic corpus on disk, shared by the benchmark (scripts/bench.ts) and
 * the hostile-input checks (scripts/hostile.ts): the bundled sample corpus read
 * into stories, and a generated corpus written as one JSONL file per story.
 */
import fs from "node:fs";
import path from "node:path";
import type { SampleStory, SyntheticArticle } from "../lib/bench/corpus";
import { groupSamples, type SampleInput } from "../lib/bench/samples";
import { decodeBytes, EXTENSION_KINDS, extensionOf, parseText } from "../lib/ingest";

const SAMPLE_DIR = path.resolve(__dirname, "..", "db", "sample", "articles");

/** The sample corpus's articles, grouped into stories (a folder per story; loose files by shared words). */
export function loadSamples(): SampleStory[] {
  if (!fs.existsSync(SAMPLE_DIR)) throw new Error(`bench: sample corpus not found at ${SAMPLE_DIR}`);
  const inputs: SampleInput[] = [];
  const walk = (dir: string, group: string | null) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) {
        walk(file, path.relative(SAMPLE_DIR, file));
        continue;
      }
      const kind = EXTENSION_KINDS[extensionOf(name)];
      if (!kind || kind === "feed") continue;
      const decoded = decodeBytes(fs.readFileSync(file));
      if (!decoded.ok) throw new Error(`bench: sample file ${file}: ${decoded.problem}`);
      const parsed = parseText(decoded.text, file, kind);
      if (parsed.problems.length) throw new Error(`bench: sample file ${parsed.problems[0].message}`);
      for (const a of parsed.articles) inputs.push({ title: a.title, body: a.body, group });
    }
  };
  walk(SAMPLE_DIR, null);
  const stories = groupSamples(inputs);
  if (stories.length === 0) throw new Error(`bench: no sample articles under ${SAMPLE_DIR}`);
  return stories;
}

export function hostOf(outlet: string): string {
  return outlet.toLowerCase().replace(/^the /, "").replace(/[^a-z0-9]+/g, "") + ".example";
}

/** One JSONL file per story, records in the ingest JSON format. Returns the folder. */
export function writeCorpus(dir: string, corpus: SyntheticArticle[]): string {
  fs.mkdirSync(dir, { recursive: true });
  const byStory = new Map<number, string[]>();
  for (const a of corpus) {
    const line = JSON.stringify({
      title: a.title,
      outlet: a.outlet,
      url: `https://${hostOf(a.outlet)}/news/${a.key}`,
      published: a.publishedAt,
      body: a.body,
    });
    const lines = byStory.get(a.story) ?? [];
    lines.push(line);
    byStory.set(a.story, lines);
  }
  for (const [story, lines] of byStory) {
    fs.writeFileSync(path.join(dir, `story-${String(story).padStart(5, "0")}.jsonl`), lines.join("\n") + "\n");
  }
  return dir;
}
