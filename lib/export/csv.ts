/**
 * The CSV export: one row per flag, RFC 4180 (comma, CRLF, double quotes
 * doubled), safe to open in a spreadsheet: article text is untrusted, so a
 * cell that a spreadsheet would read as a formula is neutralised.
 */
import { describeActor, describeChange } from "../triage/history";
import { findLastTriage, listCounterparts, articleWebUrl } from "./triaged";
import type { ExportArticle, ExportData, ExportFlag } from "./types";

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP CSV
 * injection), with the fullwidth and small-form variants some spreadsheets
 * fold to them, and the minus sign.
 */
const TRIGGER = "=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE62\\uFE63\\uFE66\\uFE6B\\u2212";

/**
 * What a spreadsheet may skip before it looks for a trigger: whitespace
 * (Unicode included), control characters (NUL among them) and invisible
 * format characters (zero-width spaces, bidi marks, BOM).
 */
const IGNORABLE = "\\s\\p{Cc}\\p{Cf}";

/** Line breaks (and NUL, which C-string readers treat as an end) after which an importer may start a new cell. */
const BREAK_CHAR = "\\r\\n\\u0000\\u0085\\u2028\\u2029";

/** A cell that starts, after anything ignorable, with a trigger; or that starts with a tab or CR. */
const FORMULA_START = new RegExp(`^(?:[\\t\\r]|[${IGNORABLE}]*[${TRIGGER}])`, "u");

/**
 * A trigger at the start of a later line of the cell: an importer that does
 * not honour quoted line breaks would make that line a cell of its own. Only
 * ignorables of the same line may come between, so the mark lands on the
 * trigger's line (CRLF is one break).
 */
const FORMULA_AFTER_BREAK = new RegExp(`(\\r\\n|[${BREAK_CHAR}])(?=(?:(?![${BREAK_CHAR}])[${IGNORABLE}])*[${TRIGGER}])`, "gu");

/**
 * Prefixes an apostrophe to a cell that a spreadsheet would evaluate as a
 * formula, and to every later line of the cell that would.
 */
export function neutraliseFormula(cell: string): string {
  const inner = cell.replace(FORMULA_AFTER_BREAK, "$1'");
  return FORMULA_START.test(cell) ? "'" + inner : inner;
}

/**
 * One RFC 4180 field: neutralised, then quoted when it holds a comma, quote,
 * CR or LF. A number is a cell the exporter computed (an id, an offset, a
 * count, a confidence), written as is so a spreadsheet keeps it numeric;
 * every string (article text, names, notes) is untrusted and neutralised.
 */
export function csvField(value: string | number | null): string {
  const cell = typeof value === "number" && Number.isFinite(value) ? String(value) : neutraliseFormula(value === null ? "" : String(value));
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export const CSV_COLUMNS = [
  "id",
  "storyId",
  "articleId",
  "outlet",
  "source",
  "kind",
  "severity",
  "confidence",
  "text",
  "start",
  "end",
  "speaker",
  "explanation",
  "evidence",
  "counterparts",
  "status",
  "note",
  "history",
  // Added for editors (after the original columns, so scripts that read by position keep working):
  "storyTitle",
  "articleUrl",
  "counterpartOutlets",
  "counterpartUrls",
  "triagedBy",
  "triagedAt",
] as const;

/** "outlet: text" per counterpart, joined by " | ". */
export function summariseEvidence(flag: ExportFlag): string {
  return flag.evidence.map((e) => `${e.outlet}: ${e.text}`).join(" | ");
}

/** "at who: change" per history event, oldest first, joined by " | "; system events read "Parallax (automatic)". */
export function summariseHistory(flag: ExportFlag): string {
  return (flag.history ?? []).map((h) => `${h.at} ${describeActor(h.actor, h.editor)}: ${describeChange(h.action, h.fromStatus, h.toStatus)}`).join(" | ");
}

/** Number of distinct counterpart articles the flag was compared with. */
export function countCounterparts(flag: ExportFlag): number {
  return new Set(flag.evidence.map((e) => e.articleId)).size;
}

/** Context a row needs beyond its flag: story titles and articles by id. */
interface RowContext {
  storyTitles: ReadonlyMap<number, string>;
  articles: ReadonlyMap<number, ExportArticle>;
}

function row(f: ExportFlag, ctx: RowContext): (string | number | null)[] {
  const counterparts = listCounterparts(f, ctx.articles);
  const triage = findLastTriage(f);
  return [
    f.id,
    f.storyId,
    f.articleId,
    f.outlet,
    f.source,
    f.kind,
    f.severity,
    f.confidence,
    f.text,
    f.start,
    f.end,
    f.speaker,
    f.explanation,
    summariseEvidence(f),
    countCounterparts(f),
    f.status,
    f.note,
    summariseHistory(f),
    ctx.storyTitles.get(f.storyId) ?? "",
    articleWebUrl(ctx.articles.get(f.articleId)),
    counterparts.map((c) => c.outlet).join(" | "),
    // One entry per counterpart, in the same order as the names; never a local path.
    counterparts.map((c) => c.url ?? "(no web address)").join(" | "),
    triage?.editor ?? null,
    triage?.at ?? null,
  ];
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so spreadsheets detect the encoding (default false). */
  bom?: boolean;
}

/** Renders the flags of `data` as CSV with a header row; every line ends with CRLF. */
export function formatCsv(data: ExportData, options: CsvOptions = {}): string {
  const ctx: RowContext = { storyTitles: new Map(data.stories.map((s) => [s.id, s.title])), articles: new Map(data.articles.map((a) => [a.id, a])) };
  const lines = [CSV_COLUMNS.join(","), ...data.flags.map((f) => row(f, ctx).map(csvField).join(","))];
  return (options.bom ? "\uFEFF" : "") + lines.map((l) => l + "\r\n").join("");
}
