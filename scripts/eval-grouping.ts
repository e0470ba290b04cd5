/**
 * Measures story grouping alone: pairwise precision / recall / F1 of the
 * stories Parallax forms against the `event` field of a JSONL corpus
 * (allsides-dev, basil-dev), and whether the divergence-dev corpus is grouped
 * exactly as its stories.json says.
 *
 * The grouping runs through the real path: records are parsed by the ingest
 * parser, stored with storeArticle in an in-memory database and grouped by
 * assignPending (the function `npm run analyze` calls). `event` and `id` are
 * removed before parsing (the id embeds the event), so the truth never reaches
 * the grouping; it is kept aside, by source, for scoring only.
 *
 *   npx tsx scripts/eval-grouping.ts [--file F.jsonl ...] [--half 0|1] [--batches N] [--by-date] [--json]
 *
 * `--half` keeps only the events of one half (by event id parity, for a
 * fit-on-one-half / check-on-the-other split); `--batches` ingests and groups
 * in N successive runs, as a newsroom would, to check the incremental path;
 * `--by-date` ingests in publication order instead of file order.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { asc, eq } from "drizzle-orm";
import { openDb } from "../db/client";
import { assignPending } from "../db/analyze";
import { ingestInputs, storeArticle } from "../db/ingest";
import { articles } from "../db/schema";
import { parseJsonLines } from "../lib/ingest";
import { scorePairwise } from "../lib/stories";

const SHARED = path.resolve(__dirname, "../../shared/datasets");
export const ALLSIDES_DEV = path.join(SHARED, "allsides-dev/articles.jsonl");
export const BASIL_DEV = path.join(SHARED, "basil-dev/articles.jsonl");
export const DIVERGENCE_DEV = path.join(SHARED, "divergence-dev");

export interface GroupingFigures {
  precision: number;
  recall: number;
  f1: number;
  /** Stories formed. */
  stories: number;
  /** True events among the articles scored. */
  events: number;
  articles: number;
}

export interface EvalGroupingOptions {
  /** Keep only the events whose numeric id has this parity (0 or 1); all events when absent. */
  half?: 0 | 1;
  /** Ingest and group in this many successive runs (default 1). */
  batches?: number;
  /** Ingest in publication order (as a newsroom receives articles) rather than file order. */
  byDate?: boolean;
}

// One fixed clock: grouping must not depend on when it runs.
const CLOCK = new Date("2026-01-01T00:00:00Z");

/** The parity half an event id falls in: its digits as a number, else a character sum. */
function halfOf(event: string): 0 | 1 {
  const digits = event.replace(/\D/g, "");
  const n = digits ? Number(digits.slice(-6)) : [...event].reduce((s, c) => s + c.charCodeAt(0), 0);
  return (n % 2) as 0 | 1;
}

/**
 * Groups the articles of a JSONL file (fields title, outlet, url, published,
 * body, event) with the product's grouping and scores it pairwise against
 * `event`. Synchronous; uses a private in-memory database.
 */
export async function evalGrouping(file: string, opts: EvalGroupingOptions = {}): Promise<GroupingFigures> {
  const records = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => opts.half === undefined || halfOf(String(r.event)) === opts.half);
  if (opts.byDate) records.sort((a, b) => Date.parse(String(a.published)) - Date.parse(String(b.published)));
  // The stripped lines are what the grouping sees; the truth stays here, keyed by source.
  const name = "corpus.jsonl";
  const stripped = records.map((r) => JSON.stringify({ title: r.title, outlet: r.outlet, url: r.url, published: r.published, body: r.body }));
  const truth = new Map<string, string>(records.map((r, i) => [`${name}#${i + 1}`, String(r.event)]));
  const parsed = parseJsonLines(stripped.join("\n"), name);
  if (parsed.problems.length) throw new Error(`evalGrouping: ${file}: ${parsed.problems[0].message}`);

  const db = openDb(":memory:");
  try {
    const batches = Math.max(1, Math.floor(opts.batches ?? 1));
    const per = Math.ceil(parsed.articles.length / batches);
    for (let b = 0; b < batches; b++) {
      for (const a of parsed.articles.slice(b * per, (b + 1) * per)) await storeArticle(db, a, { now: () => CLOCK });
      await assignPending(db, () => CLOCK);
    }
    const rows = db.select({ source: articles.source, storyId: articles.storyId }).from(articles).where(eq(articles.current, true)).orderBy(asc(articles.id)).all();
    const predicted = new Map(rows.map((r) => [r.source, r.storyId === null ? `none:${r.source}` : `story:${r.storyId}`]));
    const s = scorePairwise(predicted, truth);
    return {
      precision: s.precision,
      recall: s.recall,
      f1: s.f1,
      stories: new Set(predicted.values()).size,
      events: new Set(truth.values()).size,
      articles: rows.length,
    };
  } finally {
    db.$client.close();
  }
}

/**
 * Ingests the divergence-dev corpus folder through the real ingest and groups
 * it; exact when every true story is one predicted story and nothing else.
 */
export async function evalDivergenceGrouping(dir = DIVERGENCE_DEV): Promise<GroupingFigures & { exact: boolean }> {
  const truthByFile = JSON.parse(fs.readFileSync(path.join(dir, "stories.json"), "utf8")) as Record<string, string[]>;
  const db = openDb(":memory:");
  try {
    await ingestInputs(db, [path.join(dir, "corpus")], { now: () => CLOCK });
    await assignPending(db, () => CLOCK);
    const rows = db.select({ source: articles.source, storyId: articles.storyId }).from(articles).where(eq(articles.current, true)).all();
    const predicted = new Map<string, string>();
    const truth = new Map<string, string>();
    for (const r of rows) {
      // A JSONL record's source is `file#N`: match by file name.
      const file = path.basename(r.source.replace(/#\d+$/, ""));
      const story = Object.entries(truthByFile).find(([, files]) => files.includes(file))?.[0];
      if (!story) continue;
      predicted.set(r.source, `story:${r.storyId}`);
      truth.set(r.source, story);
    }
    const s = scorePairwise(predicted, truth);
    const stories = new Set(predicted.values()).size;
    const events = Object.keys(truthByFile).length;
    return { precision: s.precision, recall: s.recall, f1: s.f1, stories, events, articles: truth.size, exact: s.f1 === 1 && stories === events };
  } finally {
    db.$client.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: "string", multiple: true },
      half: { type: "string" },
      batches: { type: "string" },
      "by-date": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const half = values.half === undefined ? undefined : Number(values.half);
  if (half !== undefined && half !== 0 && half !== 1) throw new Error(`--half must be 0 or 1, got ${values.half}`);
  const batches = values.batches === undefined ? 1 : Number(values.batches);
  if (!Number.isInteger(batches) || batches < 1) throw new Error(`--batches must be a positive integer, got ${values.batches}`);
  const files = values.file ?? [ALLSIDES_DEV, BASIL_DEV];
  const out: Record<string, unknown> = {};
  for (const f of files) {
    if (!fs.existsSync(f)) {
      out[f] = { skipped: `${f} absent` };
      if (!values.json) console.log(`${path.relative(process.cwd(), f)}: skipped (file absent)`);
      continue;
    }
    const t0 = performance.now();
    const r = await evalGrouping(f, { half: half as 0 | 1 | undefined, batches, byDate: values["by-date"] });
    const ms = performance.now() - t0;
    out[f] = r;
    if (!values.json)
      console.log(
        `${path.relative(process.cwd(), f)}${half === undefined ? "" : ` (half ${half})`}: precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  (${r.articles} articles, ${r.events} events, ${r.stories} stories, ${ms.toFixed(0)} ms)`,
      );
  }
  if (!values.file) {
    if (fs.existsSync(path.join(DIVERGENCE_DEV, "stories.json"))) {
      const d = await evalDivergenceGrouping();
      out[DIVERGENCE_DEV] = d;
      if (!values.json) console.log(`divergence-dev: ${d.exact ? "exact" : "NOT exact"}  F1 ${d.f1.toFixed(3)}  (${d.articles} articles, ${d.events} stories, ${d.stories} formed)`);
    } else if (!values.json) console.log("divergence-dev: skipped (../shared/datasets/divergence-dev absent)");
  }
  if (values.json) console.log(JSON.stringify(out, null, 2));
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
