/**
 * `npm run analyze [-- --story ID] [--all] [--db FILE] [--json]`
 * Groups new articles into stories and re-analyses the stories that changed
 * (or the one given, or all), printing a line per story and a summary.
 * With 8 or more stories to analyse, one worker thread shares the analysis
 * (results identical); PARALLAX_WORKERS=0 keeps it on one thread.
 * A second run on the same database waits for the first ("an analysis is
 * already running (pid N since T); waiting"), then analyses what is still dirty.
 */
import { closeDb, openStore } from "@/db/client";
import { analyzePending, AnalyzeError, type AnalyzeSummary } from "@/db/analyze";

interface Args {
  story?: number;
  all: boolean;
  db?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const out: Args = { all: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new AnalyzeError(`${a} needs a value`);
      return v;
    };
    if (a === "--story") {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) <= 0) throw new AnalyzeError(`--story must be a positive story id, got "${v}"`);
      out.story = Number(v);
    } else if (a.startsWith("--story=")) {
      const v = a.slice(8);
      if (!/^\d+$/.test(v) || Number(v) <= 0) throw new AnalyzeError(`--story must be a positive story id, got "${v}"`);
      out.story = Number(v);
    } else if (a === "--all") out.all = true;
    else if (a === "--db") out.db = value();
    else if (a.startsWith("--db=")) out.db = a.slice(5);
    else if (a === "--json") out.json = true;
    else if (a === "--help" || a === "-h") {
      console.log("usage: npm run analyze [-- --story ID] [--all] [--db FILE] [--json]");
      process.exit(0);
    } else throw new AnalyzeError(`Unknown argument "${a}" (usage: npm run analyze [-- --story ID] [--all] [--db FILE] [--json])`);
  }
  if (out.story !== undefined && out.all) throw new AnalyzeError("--story and --all cannot be combined");
  return out;
}

function printSummary(s: AnalyzeSummary, ms: number): void {
  const kinds = Object.entries(s.byKind).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
  const sev = Object.entries(s.bySeverity).map(([k, n]) => `${k} ${n}`).join(", ");
  console.log(
    `\n${s.stories} stor${s.stories === 1 ? "y" : "ies"} analysed, ${s.articles} articles (${s.assigned} newly grouped, ${s.createdStories} new stories)`,
  );
  console.log(`flags: ${s.flags} (${sev}); new ${s.added}, removed ${s.removed}, stale ${s.staled}, revived ${s.revived}`);
  console.log(`by kind: ${kinds}`);
  console.log(`elapsed: ${(ms / 1000).toFixed(2)} s`);
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`analyze: ${(e as Error).message}`);
    process.exit(1);
  }
  const started = Date.now();
  try {
    const db = await openStore(args.db);
    const summary = await analyzePending(db, {
      storyId: args.story,
      all: args.all,
      // One run at a time per database: this one waits for the other, then analyses what is still dirty.
      onWait: (h) => console.error(`analyze: an analysis is already running (pid ${h.pid} since ${h.since}); waiting`),
      onStory: args.json
        ? undefined
        : (r) =>
            console.log(
              `story ${String(r.storyId).padStart(4)}  ${String(r.articles).padStart(3)} articles  ${String(r.outlets).padStart(2)} outlets  ${String(r.flags).padStart(4)} flags  (+${r.added} -${r.removed} stale ${r.staled})  ${r.title.slice(0, 70)}`,
            ),
    });
    const ms = Date.now() - started;
    if (args.json) console.log(JSON.stringify({ ...summary, elapsedMs: ms }, null, 2));
    else printSummary(summary, ms);
    await closeDb(db);
  } catch (e) {
    console.error(`analyze: ${e instanceof AnalyzeError ? e.message : (e as Error).stack ?? String(e)}`);
    process.exit(1);
  }
}

void main();
