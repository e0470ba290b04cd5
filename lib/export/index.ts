/**
 * Export stage: renders loaded flags (ExportData) as JSON, CSV, Markdown
 * fact-check notes or schema.org ClaimReview. Pure: the clock is passed in.
 */
import { formatClaimReview } from "./claimreview";
import { formatCsv } from "./csv";
import { formatJson } from "./json";
import { formatMarkdown } from "./markdown";
import { EXPORT_FORMATS, type ExportData, type ExportFormat, type RenderedExport } from "./types";

export * from "./types";
export { formatJson } from "./json";
export { formatCsv, csvField, neutraliseFormula, summariseEvidence, summariseHistory, countCounterparts, CSV_COLUMNS, type CsvOptions } from "./csv";
export { formatMarkdown, escapeMarkdown, escapeInline, blockquote, defangLinks, codeSpan, MAX_MARKDOWN_URL, type MarkdownOptions } from "./markdown";
export { formatClaimReview, buildClaimReviews, flagPageUrl, REVIEWED_STATUSES, type ClaimReview, type ClaimReviewOptions } from "./claimreview";
export { parsePublicBaseUrl } from "./public-url";
export { readExportSettings, parseOrganisation, PUBLIC_URL_ENV, ORGANISATION_ENV, type ExportSettings } from "./settings";
export { articleAddress, findLastTriage, formatUtcMinute, isWebAddress, listCounterparts, articleWebUrl, type Triage } from "./triaged";

export interface RenderOptions {
  now: Date;
  /** For ClaimReview: public base of the flag page URLs (without it, reviews carry no url). */
  baseUrl?: string;
  /** For ClaimReview: the reviewing organisation (default "Parallax"). */
  organisation?: string;
  /** For CSV: start with a UTF-8 BOM (default true: spreadsheets then read UTF-8 correctly). */
  bom?: boolean;
}

/** True when `s` names an export format. */
export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** Renders `data` in `format`; throws on an unknown format. */
export function renderExport(data: ExportData, format: ExportFormat, options: RenderOptions): RenderedExport {
  switch (format) {
    case "json":
      return { body: formatJson(data, options.now), contentType: "application/json; charset=utf-8", extension: "json" };
    case "csv":
      return { body: formatCsv(data, { bom: options.bom ?? true }), contentType: "text/csv; charset=utf-8", extension: "csv" };
    case "md":
      return { body: formatMarkdown(data, { generatedAt: options.now }), contentType: "text/markdown; charset=utf-8", extension: "md" };
    case "claimreview":
      return {
        body: formatClaimReview(data, { now: options.now, baseUrl: options.baseUrl, publisher: options.organisation }),
        contentType: "application/ld+json; charset=utf-8",
        extension: "jsonld",
      };
    default:
      throw new Error(`Unknown export format "${String(format)}" (expected one of ${EXPORT_FORMATS.join(", ")})`);
  }
}
