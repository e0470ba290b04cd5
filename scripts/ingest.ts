/**
 * `npm run ingest -- <path|url>...` — stores articles from files, folders,
 * pages and feeds. Thin: argument parsing and output; the work is db/ingest.ts.
 */
import { openDb, resolveDbPath } from "../db/client";
import { ingestInputs, type IngestResult, type IngestRun } from "../db/ingest";
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from "../db/sources";

const HELP = `Usage: npm run ingest -- [options] <path|url>...

Stores news articles in the Parallax database. Inputs are files (.txt .md .html
.htm .json .jsonl), folders (read recursively, dotfiles skipped) and http(s)
URLs of article pages or RSS/Atom feeds. Re-ingesting unchanged content does
nothing; changed content becomes a new revision.

Options:
  --db FILE         database file (default: $PARALLAX_DB, else data/parallax.db)
  --story LABEL     story label stored on every article of this run
  --max-bytes N     largest file or response read (default ${DEFAULT_MAX_BYTES}; env PARALLAX_MAX_BYTES)
  --timeout MS      time limit per URL in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  --concurrency N   inputs loaded / URLs fetched at once (default ${DEFAULT_CONCURRENCY})
  --json            print the summary as JSON
  --help            show this help

Exit code: 0 when every input was stored or unchanged, 1 when anything failed, 2 on bad usage.`;

interface Args {
  db?: string;
  story?: string;
  maxBytes: number;
  timeoutMs: number;
  concurrency: number;
  json: boolean;
  help: boolean;
  inputs: string[];
}

function usage(message: string): never {
  process.stderr.write(`ingest: ${message}\nRun with --help for usage.\n`);
  process.exit(2);
}

function positiveInt(flag: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw.trim()) || Number(raw) <= 0) usage(`${flag} needs a positive whole number, got ${raw === undefined ? "nothing" : JSON.stringify(raw)}`);
  return Number(raw);
}

function parseArgs(argv: string[]): Args {
  const envMax = process.env.PARALLAX_MAX_BYTES;
  const args: Args = {
    maxBytes: envMax ? positiveInt("PARALLAX_MAX_BYTES", envMax) : DEFAULT_MAX_BYTES,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    concurrency: DEFAULT_CONCURRENCY,
    json: false,
    help: false,
    inputs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--db": args.db = value(); break;
      case "--story": args.story = value(); break;
      case "--max-bytes": args.maxBytes = positiveInt(flag, value()); break;
      case "--timeout": args.timeoutMs = positiveInt(flag, value()); break;
      case "--concurrency": args.concurrency = positiveInt(flag, value()); break;
      case "--json": args.json = true; break;
      case "--help": case "-h": args.help = true; break;
      case "--": args.inputs.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (a.startsWith("--")) usage(`unknown option ${a}`);
        args.inputs.push(a);
    }
  }
  return args;
}

function line(r: IngestResult): string {
  if (r.status === "failed") return `FAILED  ${r.error}`;
  const what = r.sameAs != null ? `same as article ${r.sameAs}` : `#${r.articleId}, ${r.outlet}, ${r.title}`;
  return `${r.status.padEnd(7)} ${r.source}  (${what})`;
}

/** A one-line progress bar on stderr, redrawn in place. */
function drawBar(done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
}

function summary(run: IngestRun): string {
  return `${run.added} added, ${run.revised} revised, ${run.unchanged} unchanged, ${run.failed} failed`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(HELP + "\n");
    return;
  }
  if (args.inputs.length === 0) usage("no inputs given (files, folders or URLs)");
  const db = openDb(resolveDbPath(args.db));
  let bar: boolean | null = null;
  const run = await ingestInputs(db, args.inputs, {
    maxBytes: args.maxBytes,
    timeoutMs: args.timeoutMs,
    concurrency: args.concurrency,
    story: args.story,
    onResult: (r, done, total) => {
      if (bar === null) bar = !args.json && Boolean(process.stderr.isTTY) && total > 20;
      if (bar) {
        // Failures still get their own line above the bar.
        if (r.status === "failed") process.stderr.write(`\r\x1b[K${line(r)}\n`);
        drawBar(done, total);
      } else if (!args.json) process.stdout.write(line(r) + "\n");
    },
  });
  if (bar) process.stderr.write("\n");
  db.$client.close();
  if (args.json) {
    const { added, revised, unchanged, failed } = run;
    const results = run.results.map(({ input, source, status, articleId, error }) => ({ input, source, status, articleId, error }));
    process.stdout.write(JSON.stringify({ added, revised, unchanged, failed, results }, null, 2) + "\n");
  } else process.stdout.write(summary(run) + "\n");
  process.exitCode = run.failed > 0 ? 1 : 0;
}

main().catch((err: Error) => {
  process.stderr.write(`ingest: ${err.message}\n`);
  process.exit(1);
});
