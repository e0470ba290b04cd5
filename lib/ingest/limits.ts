/**
 * The bounds every parsed input is held to, written once. Ingest reads hostile
 * files: each limit below keeps one input's time and memory bounded (nothing
 * under the 5 MB size limit may take over 10 s or 1 GB), and is reported as one
 * plain problem line naming the input when it is reached.
 */

/** Deepest element nesting kept in an HTML page; deeper elements are unwrapped (their text stays). Real pages nest 20 to 60 deep. */
export const MAX_HTML_DEPTH = 256;

/**
 * Most extraction work a page's shape may ask for: characters of text times the depth they sit at
 * (NestingScan.textDepth) times the deepest nesting. Readability reads every element's text once per
 * ancestor and again per pass, so a page of unclosed containers 256 deep with 400 KB of text took
 * 20 s (cost 1.1e10); unwrapped to 64 levels it took 2 s (7e8). The real seed pages cost about 2e5.
 */
export const MAX_HTML_TEXT_DEPTH_COST = 1.5e9;

/**
 * Most attributes one element may carry; an element with more keeps its tag and loses them all.
 * The DOM builder's cost grows with the square of one element's attributes (480,000 on one element:
 * 42 s); real elements carry a handful, SVG and tracking markup a few dozen.
 */
export const MAX_HTML_ATTRIBUTES = 256;

/** Most attributes a page keeps in all (440,000 across 2,200 elements took 7.7 s); later elements keep bare tags. */
export const MAX_HTML_ATTRIBUTES_PER_PAGE = 100_000;

/** The shallowest the depth limit goes when a page is unwrapped to fit MAX_HTML_TEXT_DEPTH_COST. */
export const MIN_HTML_DEPTH = 16;

/**
 * Most elements (start tags) an HTML page may hold. DOM building and Readability grow faster than linearly with
 * many sibling paragraphs: 30,000 took 6 s on a loaded 2-core machine, within the time budget. News pages hold 1,000 to 15,000.
 */
export const MAX_HTML_ELEMENTS = 30_000;

/** Most records one JSON or JSON Lines file may hold; a bigger export must be split into several files. */
export const MAX_RECORDS_PER_FILE = 10_000;

/** Deepest nesting of arrays and objects in a JSON document (article records nest a handful of levels). */
export const MAX_JSON_DEPTH = 64;

/** Most problem lines one file reports one by one; the rest are counted in one closing line. */
export const MAX_PROBLEMS_PER_FILE = 20;

/** The time budget callers are meant to give each input (`ParseOptions.budgetMs`). */
export const PARSE_BUDGET_MS = 10_000;

/** How many leading bytes the statistical charset guess looks at (chardet's cost grows with the input). */
export const CHARSET_SNIFF_BYTES = 16 * 1024;

/**
 * Options every parser takes. lib/ is pure, so the clock comes from the caller;
 * without one no time budget is applied.
 */
export interface ParseOptions {
  /** A monotonic clock in milliseconds (e.g. `performance.now`). */
  now?: () => number;
  /** Milliseconds one input may take, counted from the parser's first reading of `now`. */
  budgetMs?: number;
  /** A budget already started for this input (a caller parsing in stages passes it on, so the time is counted once). */
  budget?: Budget;
}

/** Thrown inside a parser when the budget is spent; parseText / parseFileBytes turn it into the input's problem line. */
export class BudgetExceeded extends Error {
  constructor(
    readonly budgetMs: number,
    readonly stage: string,
  ) {
    super(`took longer than the ${formatSeconds(budgetMs)} time budget (stopped while ${stage})`);
    this.name = "BudgetExceeded";
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A started budget: `check(stage)` throws BudgetExceeded once the time is spent. */
export interface Budget {
  check(stage: string): void;
}

const NO_BUDGET: Budget = { check() {} };

/** The budget of one input: the one already started, else a new one; a no-op without a clock or a budget. */
export function startBudget(options: ParseOptions | undefined): Budget {
  if (options?.budget) return options.budget;
  const now = options?.now;
  const budgetMs = options?.budgetMs;
  if (!now || budgetMs == null) return NO_BUDGET;
  if (!(budgetMs > 0)) throw new RangeError(`budgetMs must be a positive number of milliseconds, got ${budgetMs}`);
  const start = now();
  return {
    check(stage: string) {
      if (now() - start > budgetMs) throw new BudgetExceeded(budgetMs, stage);
    },
  };
}

/** Most files one ingest from the dashboard may upload, and most article or feed URLs it may list. */
export const MAX_UPLOAD_FILES = 50;
export const MAX_JOB_URLS = 50;
/**
 * Most bytes one upload from the dashboard may carry in all (each file is also held to the
 * per-file limit). next.config.js lets a server action's body be a little larger than this,
 * so an upload over it gets this limit's own message rather than the framework's.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
