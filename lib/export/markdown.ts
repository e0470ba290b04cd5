/**
 * The Markdown export: fact-check notes an editor can paste into a CMS or a
 * ticket, grouped by story then flag. Every piece of article text and every
 * editor note is untrusted, so it is escaped to render as the literal text:
 * no emphasis, links (autolinks included), images, headings, tables or raw
 * HTML can come out of it; addresses are shown in code spans.
 */
import { describeActor, describeChange } from "../triage/history";
import { articleWebUrl, findLastTriage, formatUtcMinute } from "./triaged";
import type { ExportArticle, ExportData, ExportEvent, ExportFlag, ExportStory } from "./types";

/**
 * A run of text that a GitHub-flavoured renderer would turn into a link by
 * itself (extended autolinks): anything with a scheme separator (`https://`,
 * `ftp://`, `javascript://`), anything with `www.`, an e-mail address
 * (`name@host`, with or without `mailto:`). Matched on whole
 * whitespace-delimited runs: every autolink a renderer finds lies inside one.
 */
const LINKISH = /:\/\/|www\.|[\p{L}\p{N}._%+-]@[\p{L}\p{N}]/iu;

/**
 * Breaks the autolinks of untrusted text the way threat reports "defang"
 * addresses: `https://a.example/x` becomes `https[:]//a[.]example/x`,
 * `ed@a.example` becomes `ed[@]a[.]example`. An editor still reads (and can
 * restore) the address; no renderer makes it a link.
 */
export function defangLinks(text: string): string {
  return text.replace(/\S+/gu, (run) => (LINKISH.test(run) ? run.replace(/:\/\//g, "[:]//").replace(/\./g, "[.]").replace(/@/g, "[@]") : run));
}

/** An entity or character reference (`&amp;`, `&#106;`, `&#x3C;`): only then does `&` mean something to a renderer. */
const ENTITY_AT = /^&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Bracket forms that make a link, image or link definition (`](`, `][`, `]:`); a lone `[sic]` is text. */
const LINK_BRACKETS = /\]\(|\]\[|\]:/;

/** A GFM table delimiter row (`--|--`, `| :-: | --- |`): only with one can pipes make a table. */
const TABLE_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** ASCII punctuation: what a backslash escapes in CommonMark. */
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Where a line of untrusted text would start a block (heading, list item,
 * thematic break, setext underline, ordered list): the index of the
 * character to escape, or -1. Fences need no rule here: every backtick is
 * escaped and a run of tildes is escaped as emphasis-capable.
 */
function blockMarkerAt(line: string): number {
  const lead = /^\s*/.exec(line)![0].length;
  const rest = line.slice(lead);
  if (/^#{1,6}(?:\s|$)/.test(rest) || /^[-+*](?:\s|$)/.test(rest) || /^[-*_=][-*_=\s]*$/.test(rest)) return lead;
  const ordered = /^\d{1,9}[.)](?:\s|$)/.exec(rest);
  if (ordered) return lead + ordered[0].trimEnd().length - 1;
  return -1;
}

/**
 * Escapes text for use inside a Markdown paragraph, heading or blockquote,
 * so it renders as itself and still reads cleanly when the Markdown is
 * pasted as plain text: a character is escaped only where it could start
 * Markdown syntax at that position.
 *
 * - Addresses are defanged (no autolink); `<` and `>` become entities (no
 *   HTML, autolinks or block quotes); `&` only where it would start an entity.
 * - Every backtick is escaped (a code span could pair with one in a
 *   neighbouring text on the same line); `*`, `_` and `~` unless they cannot
 *   open or close emphasis (between spaces: "3 * 4"; `_` inside a word:
 *   "snake_case"); a backslash only before punctuation or a line end.
 * - Brackets only in a text that holds a link form (`](`, `][`, `]:`) or a
 *   defanged address, so "[sic]" stays as written; pipes only in a text with
 *   a table delimiter row.
 * - A marker that would start a block at the beginning of a line (heading,
 *   list, rule, setext underline, "1." or "2)" list).
 */
export function escapeMarkdown(text: string): string {
  const defanged = defangLinks(text);
  const escapeBrackets = defanged !== text || LINK_BRACKETS.test(defanged);
  const lines = defanged.split(/\r\n|\r|\n/);
  const escapePipes = lines.some((l) => l.includes("|") && l.includes("-") && TABLE_DELIMITER_ROW.test(l));
  return lines
    .map((line) => {
      const chars = Array.from(line);
      const marker = blockMarkerAt(line);
      // blockMarkerAt counts UTF-16 units; map it onto the code point index.
      const markerIndex = marker < 0 ? -1 : Array.from(line.slice(0, marker)).length;
      let out = "";
      let offset = 0;
      chars.forEach((c, i) => {
        const prev = chars[i - 1];
        const next = chars[i + 1];
        let piece = c;
        if (c === "&") piece = ENTITY_AT.test(line.slice(offset)) ? "&amp;" : "&";
        else if (c === "<") piece = "&lt;";
        else if (c === ">") piece = "&gt;";
        else if (c === "\\") piece = next === undefined || ASCII_PUNCT.test(next) ? "\\\\" : "\\";
        else if (c === "`") piece = "\\`";
        else if (c === "*" || c === "~") piece = isSpace(prev) && isSpace(next) ? c : "\\" + c;
        else if (c === "_") piece = (isSpace(prev) && isSpace(next)) || (isWordChar(prev) && isWordChar(next)) ? c : "\\_";
        else if ((c === "[" || c === "]") && escapeBrackets) piece = "\\" + c;
        else if (c === "|" && escapePipes) piece = "\\|";
        if (i === markerIndex && piece === c) piece = "\\" + c;
        out += piece;
        offset += c.length;
      });
      return out;
    })
    .join("\n");
}

/** Longest address shown in full; a longer one is cut (and says so) so one hostile row cannot swell the notes. */
export const MAX_MARKDOWN_URL = 2000;

/**
 * An untrusted address (URL or path) as an inline code span: renderers never
 * make links, HTML or markup out of a code span, and the editor copies it as
 * written. The fence is one backtick longer than any run inside it; spaces,
 * line breaks and control or invisible characters are percent-encoded so the
 * span stays on one line and shows what is there.
 */
export function codeSpan(text: string): string {
  const chars = Array.from(text.replace(/[\s\p{Cc}\p{Cf}]/gu, (c) => encodeURIComponent(c)));
  const cut = chars.length > MAX_MARKDOWN_URL;
  const body = (cut ? chars.slice(0, MAX_MARKDOWN_URL) : chars).join("");
  if (!body) return "(none)";
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}${cut ? ` … (${chars.length - MAX_MARKDOWN_URL} more characters)` : ""}`;
}

/** Escapes and folds text onto one line (for headings and list items). */
export function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, " ").trim());
}

/** Renders text as a blockquote, `indent` spaces deep, one `>` per line (blank lines kept inside the quote). */
export function blockquote(text: string, indent = ""): string {
  return escapeMarkdown(text.trim())
    .split("\n")
    .map((l) => (l.trim() ? `${indent}> ${l}` : `${indent}>`))
    .join("\n");
}

const KIND_LABEL: Record<ExportFlag["kind"], string> = {
  quote_paraphrased: "Quote paraphrased",
  quote_truncated: "Quote truncated",
  quote_unattested: "Quote unattested",
  claim_added: "Claim added",
  structure_added: "Structure added",
  fact_conflict: "Fact conflict",
  attribution_conflict: "Attribution conflict",
};

/** One history event: when, who (system events in italics, never an editor's name), what changed, its note. */
function historyLine(h: ExportEvent): string {
  const who = h.actor === "system" ? `*${escapeInline(describeActor(h.actor, null))}*` : escapeInline(describeActor(h.actor, h.editor));
  const note = h.note?.trim() ? ` · note: ${escapeInline(h.note)}` : "";
  return `${formatUtcMinute(h.at)} · ${who} · ${escapeInline(describeChange(h.action, h.fromStatus, h.toStatus))}${note}`;
}

/** Where an article can be read: its address as a code span (copyable, never a link), or a plain statement that it has none. */
function addressOf(article: ExportArticle | undefined): string {
  const url = articleWebUrl(article);
  return url ? codeSpan(url) : "no web address (ingested from a file)";
}

/** "verified · triaged by Ada, 2026-03-02 10:00 UTC", or "open · not triaged yet". */
function statusLine(f: ExportFlag): string {
  const t = findLastTriage(f);
  if (!t) return `${f.status} · not triaged yet`;
  return `${f.status} · triaged by ${escapeInline(t.editor)}, ${formatUtcMinute(t.at)}`;
}

function renderFlag(f: ExportFlag, n: number, articles: ReadonlyMap<number, ExportArticle>): string {
  const article = articles.get(f.articleId);
  const out: string[] = [];
  out.push(`### ${n}. ${KIND_LABEL[f.kind]} · ${f.severity} · ${escapeInline(f.outlet)}`);
  out.push("");
  out.push(`Flag #${f.id} · confidence ${f.confidence.toFixed(2)} · status **${f.status}**  `);
  out.push(`Article: ${escapeInline(article?.title || "(untitled)")} · ${addressOf(article)}`);
  out.push("");
  out.push(blockquote(f.text));
  if (f.speaker) {
    out.push("");
    out.push(`Speaker: ${escapeInline(f.speaker)}`);
  }
  out.push("");
  out.push(`**Why flagged:** ${escapeMarkdown(f.explanation.trim())}`);
  out.push("");
  if (f.evidence.length === 0) {
    out.push("**Evidence:** no counterpart carries this text.");
    out.push("");
  } else {
    out.push("**Evidence:**");
    out.push("");
    for (const e of f.evidence) {
      out.push(`- ${escapeInline(e.outlet)} · ${addressOf(articles.get(e.articleId))}`);
      out.push("");
      out.push(blockquote(e.text, "  "));
      out.push("");
    }
  }
  out.push(`**Status:** ${statusLine(f)}`);
  if (f.note.trim()) {
    out.push("");
    out.push("**Note:**");
    out.push("");
    out.push(blockquote(f.note));
  }
  const history = f.history ?? [];
  if (history.length) {
    out.push("");
    out.push("**History:**");
    out.push("");
    for (const h of history) out.push(`- ${historyLine(h)}`);
  }
  return out.join("\n");
}

export interface MarkdownOptions {
  generatedAt: Date;
}

/** Renders fact-check notes: a heading per story, then each of its flags with text, explanation, evidence, status and note. */
export function formatMarkdown(data: ExportData, options: MarkdownOptions): string {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const storyById = new Map<number, ExportStory>(data.stories.map((s) => [s.id, s]));
  // Stories in the order their first flag appears, so the table's sort decides.
  const byStory = new Map<number, ExportFlag[]>();
  for (const f of data.flags) {
    const list = byStory.get(f.storyId);
    if (list) list.push(f);
    else byStory.set(f.storyId, [f]);
  }
  const out: string[] = [];
  out.push("# Parallax fact-check notes");
  out.push("");
  out.push(
    `Generated ${options.generatedAt.toISOString()} · ${data.flags.length} flag${data.flags.length === 1 ? "" : "s"} in ${byStory.size} stor${byStory.size === 1 ? "y" : "ies"}`,
  );
  if (data.flags.length === 0) {
    out.push("");
    out.push("No flags match this view.");
  }
  for (const [storyId, flags] of byStory) {
    const story = storyById.get(storyId);
    const outlets = [...new Set((story?.articleIds ?? []).map((id) => articles.get(id)?.outlet).filter((o): o is string => !!o))];
    out.push("");
    out.push(`## Story ${storyId}: ${escapeInline(story?.title ?? "(untitled)")}`);
    out.push("");
    if (outlets.length) out.push(`Outlets in these notes: ${outlets.map(escapeInline).join(" · ")}`);
    flags.forEach((f, i) => {
      out.push("");
      out.push(renderFlag(f, i + 1, articles));
    });
  }
  return out.join("\n") + "\n";
}
