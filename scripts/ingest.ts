/**
 * `npm run ingest -- <path|url>...` — stores articles from files, folders,
 * pages and feeds. Thin: argument parsing and output; the work is db/ingest.ts.
 */
import { closeDb, openStore } from "../db/client";
import { ingestInputs, type IngestResult, type IngestRun } from "../db/ingest";
import { ALLOW_PRIVATE_ADDRESSES_ENV, DEFAULT_CONCURRENCY, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, isUrl, privateAddressSetting } from "../db/sources";
import { checkOutletName } from "../lib/ingest/outlet-name";
import { foldRepeats, problemReason, repeatLine, type RepeatGroup } from "../lib/ingest/repeats";
import { escapeJsonForTerminal, sanitizeForTerminal } from "../lib/text/terminal";

const HELP = `Usage: npm run ingest -- [options] <path|url>...

Stores news articles in the Parallax database. Inputs are files (.txt .md .html
.htm .json .jsonl), folders (read recursively, dotfiles skipped) and http(s)
URLs of article pages or RSS/Atom feeds. Re-ingesting unchanged content does
nothing; changed content becomes a new revision.

Options:
  --db FILE         database file (default: $PARALLAX_DB, else data/parallax.db)
  --story LABEL     story label stored on every article of this run
  --outlet NAME     outlet name for every article of this run, over the
                    name the inputs give (metadata, else the site's host,
                    else the file name)
  --max-bytes N     largest file or response read (default ${DEFAULT_MAX_BYTES}; env PARALLAX_MAX_BYTES)
  --timeout MS      time limit per request in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  --feed-timeout MS time limit for a feed and all its item pages together
                    (default: the --timeout value)
  --allow-private-addresses
                    fetch from loopback, private and link-local addresses
                    (refused by default; env ${ALLOW_PRIVATE_ADDRESSES_ENV}=1, or =loopback for this machine only)
  --concurrency N   inputs loaded / URLs fetched at once (default ${DEFAULT_CONCURRENCY})
  --json            print the summary as JSON
  --help            show this help

Exit code: 0 when every input was stored or unchanged, 1 when anything failed, 2 on bad usage.`;

interface Args {
  db?: string;
  story?: string;
  outlet?: string;
  maxBytes: number;
  timeoutMs: number;
  feedTimeoutMs?: number;
  /** undefined: as PARALLAX_ALLOW_PRIVATE_ADDRESSES says. */
  allowPrivateAddresses: boolean | undefined;
  concurrency: number;
  json: boolean;
  help: boolean;
  inputs: string[];
}

function usage(message: string): never {
  process.stderr.write(`ingest: ${sanitizeForTerminal(message)}\nRun with --help for usage.\n`);
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
    allowPrivateAddresses: undefined,
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
      case "--outlet": {
        const checked = checkOutletName(value());
        if (!checked.ok) usage(`--outlet: ${checked.problem}`);
        args.outlet = checked.name;
        break;
      }
      case "--max-bytes": args.maxBytes = positiveInt(flag, value()); break;
      case "--timeout": args.timeoutMs = positiveInt(flag, value()); break;
      case "--feed-timeout": args.feedTimeoutMs = positiveInt(flag, value()); break;
      case "--allow-private-addresses": args.allowPrivateAddresses = true; break;
      case "--concurrency": args.concurrency = positiveInt(flag, value()); break;
      case "--json": args.json = true; break;
      case "--help": case "-h": args.help = true; break;
      case "--": args.inputs.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (a.startsWith("--")) usage(`unknown option ${a}`);
        args.inputs.push(a);
    }
  }
  try {
    privateAddressSetting(); // a mistyped setting is a usage error, not a silent "off"
  } catch (err) {
    usage((err as Error).message);
  }
  return args;
}

/** One result as a line; everything that came from a file or the network is stripped of terminal controls. */
function line(r: IngestResult): string {
  if (r.status === "failed") return sanitizeForTerminal(`FAILED  ${r.error}`);
  const outlet = r.outletOrigin === "file" ? `${r.outlet} (outlet from file name)` : r.outlet;
  const what = r.sameAs != null ? `same as article ${r.sameAs}` : `#${r.articleId}, ${outlet}, ${r.title}`;
  return sanitizeForTerminal(`${r.status.padEnd(7)} ${r.source}  (${what})`);
}

/** What the folded problems of an input are called: records of a JSON file, items of a feed. */
function nounFor(input: string, results: IngestResult[]): string {
  if (results.some((r) => /#\d+$/.test(r.source ?? ""))) return "records";
  return isUrl(input) ? "feed items" : "problems";
}

interface Folded {
  /** The lines to print for the input, in order, the summary lines of repeated failures last. */
  lines: { text: string; failed: boolean }[];
  groups: { input: string; group: RepeatGroup }[];
}

/** The lines of one input's results: the first few failures of each kind, then one line for the rest. */
function foldInput(results: IngestResult[]): Folded {
  const failed = results.filter((r) => r.status === "failed");
  const { show, groups } = foldRepeats(failed.map((r) => problemReason(r.error ?? "", [r.source, r.input])));
  const shown = new Set(failed.filter((_, i) => show[i]));
  const input = results[0].input;
  const lines = results.filter((r) => r.status !== "failed" || shown.has(r)).map((r) => ({ text: line(r), failed: r.status === "failed" }));
  for (const r of results) for (const n of r.notes ?? []) lines.push({ text: sanitizeForTerminal(`note    ${n}`), failed: false });
  const noun = nounFor(input, failed);
  for (const g of groups) lines.push({ text: sanitizeForTerminal(`FAILED  ${input}: ${repeatLine(g, noun)}`), failed: true });
  return { lines, groups: groups.map((group) => ({ input, group })) };
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
  const db = await openStore(args.db);
  let bar: boolean | null = null;
  let pending: IngestResult[] = [];
  let printedDone = 0;
  const repeated: Folded["groups"] = [];
  const run = await ingestInputs(db, args.inputs, {
    maxBytes: args.maxBytes,
    timeoutMs: args.timeoutMs,
    feedTimeoutMs: args.feedTimeoutMs,
    allowPrivateAddresses: args.allowPrivateAddresses,
    concurrency: args.concurrency,
    story: args.story,
    outlet: args.outlet,
    onResult: (r, done, total) => {
      if (bar === null) bar = !args.json && Boolean(process.stderr.isTTY) && total > 20;
      pending.push(r);
      // An input's results arrive together; `done` moves on with its last one, when the input can be folded.
      if (done === printedDone) return;
      printedDone = done;
      const folded = foldInput(pending);
      pending = [];
      repeated.push(...folded.groups);
      if (bar) {
        // Failures still get their own line above the bar.
        for (const l of folded.lines) if (l.failed) process.stderr.write(`\r\x1b[K${l.text}\n`);
        drawBar(done, total);
      } else if (!args.json) for (const l of folded.lines) process.stdout.write(l.text + "\n");
    },
  });
  if (bar) process.stderr.write("\n");
  await closeDb(db);
  if (args.json) {
    const { added, revised, unchanged, failed } = run;
    const results = run.results.map(({ input, source, status, articleId, error, notes }) => ({ input, source, status, articleId, error, ...(notes ? { notes } : {}) }));
    const repeatedFailures = repeated.map(({ input, group }) => ({ input, reason: group.reason, count: group.count }));
    process.stdout.write(escapeJsonForTerminal(JSON.stringify({ added, revised, unchanged, failed, results, repeatedFailures }, null, 2)) + "\n");
  } else process.stdout.write(summary(run) + "\n");
  process.exitCode = run.failed > 0 ? 1 : 0;
}

main().catch((err: Error) => {
  process.stderr.write(`ingest: ${sanitizeForTerminal(err.message)}\n`);
  process.exit(1);
});
