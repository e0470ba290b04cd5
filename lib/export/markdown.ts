/**
 * The Markdown export: fact-check notes an editor can paste into a CMS or a
 * ticket, grouped by story then flag. Every piece of article text and every
 * editor note is untrusted, so it is escaped to render as the literal text:
 * no emphasis, links (autolinks included), images, headings, tables or raw
 * HTML can come out of it; addresses are shown in code spans.
 */
import { describeActor, describeChange } from "../triage/history";
import type { ExportArticle, ExportData, ExportEvent, ExportFlag, ExportStory } from "./types";

/** Markdown punctuation that changes meaning anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]{}()!|~]/g;

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

/**
 * Escapes text for use inside a Markdown paragraph, heading or blockquote.
 * Addresses are defanged (no autolink); HTML metacharacters become entities
 * (so `<script>` and `<https://...>` show as text, and an entity in the
 * article stays literal); inline markup characters are backslash-escaped; a
 * marker that would start a block at the beginning of a line (heading, list,
 * rule, setext underline, "1." list) is escaped too (">" is already an entity).
 */
export function escapeMarkdown(text: string): string {
  return defangLinks(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(INLINE_SPECIAL, (c) => "\\" + c)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^(\s*)([#+\-=])/, "$1\\$2").replace(/^(\s*\d+)\./, "$1\\."))
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
  return `${h.at} · ${who} · ${escapeInline(describeChange(h.action, h.fromStatus, h.toStatus))}${note}`;
}

function renderFlag(f: ExportFlag, n: number, article: ExportArticle | undefined): string {
  const out: string[] = [];
  out.push(`### ${n}. ${KIND_LABEL[f.kind]} · ${f.severity} · ${escapeInline(f.outlet)}`);
  out.push("");
  const meta = [`Flag #${f.id}`, `kind \`${f.kind}\``, `confidence ${f.confidence.toFixed(2)}`, `status **${f.status}**`];
  out.push(meta.join(" · ") + "  ");
  out.push(`Article: ${escapeInline(article?.title ?? f.source)} · ${codeSpan(article?.url ?? f.source)}`);
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
      out.push(`- ${escapeInline(e.outlet)} (article ${e.articleId}):`);
      out.push("");
      out.push(blockquote(e.text, "  "));
      out.push("");
    }
  }
  out.push(`**Status:** ${f.status}`);
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
      out.push(renderFlag(f, i + 1, articles.get(f.articleId)));
    });
  }
  return out.join("\n") + "\n";
}
