/**
 * The CSV export: one row per flag, RFC 4180 (comma, CRLF, double quotes
 * doubled), safe to open in a spreadsheet: article text is untrusted, so a
 * cell that a spreadsheet would read as a formula is neutralised.
 */
import type { ExportData, ExportFlag } from "./types";

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe to a cell that a spreadsheet would evaluate as a formula. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? "'" + cell : cell;
}

/** One RFC 4180 field: neutralised, then quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number | null): string {
  const cell = neutraliseFormula(value === null ? "" : String(value));
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
] as const;

/** "outlet: text" per counterpart, joined by " | ". */
export function summariseEvidence(flag: ExportFlag): string {
  return flag.evidence.map((e) => `${e.outlet}: ${e.text}`).join(" | ");
}

/** Number of distinct counterpart articles the flag was compared with. */
export function countCounterparts(flag: ExportFlag): number {
  return new Set(flag.evidence.map((e) => e.articleId)).size;
}

function row(f: ExportFlag): (string | number | null)[] {
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
  ];
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so spreadsheets detect the encoding (default false). */
  bom?: boolean;
}

/** Renders the flags of `data` as CSV with a header row; every line ends with CRLF. */
export function formatCsv(data: ExportData, options: CsvOptions = {}): string {
  const lines = [CSV_COLUMNS.join(","), ...data.flags.map((f) => row(f).map(csvField).join(","))];
  return (options.bom ? "\uFEFF" : "") + lines.map((l) => l + "\r\n").join("");
}
