/** Hand-made export data shared by the formatter tests (not a test file itself). */
import { z } from "zod";
import type { ExportData } from "../../lib/export";
import { FLAG_KINDS, FLAG_STATUSES, SEVERITIES } from "../../lib/types";

export const NOW = new Date("2026-03-04T12:30:00.000Z");

export function makeData(): ExportData {
  return {
    stories: [
      { id: 7, title: "Harbour <b>bridge</b> vote", articleIds: [1, 2] },
      { id: 9, title: "School budget", articleIds: [3, 4] },
    ],
    articles: [
      { id: 1, storyId: 7, outlet: "Alpha News", source: "corpus/alpha.txt", url: null, title: "Bridge vote", quotes: [{ text: "We will build it", start: 10, end: 26, speaker: "Mayor Ruiz" }] },
      { id: 2, storyId: 7, outlet: "Beta Post", source: "https://beta.example/bridge", url: "https://beta.example/bridge", title: "Bridge vote, again", quotes: [] },
      { id: 3, storyId: 9, outlet: "Gamma, Wire", source: "feed.jsonl#0", url: "https://gamma.example/a?x=1&y=2", title: "Budget", quotes: [] },
      { id: 4, storyId: 9, outlet: "Delta", source: "delta.md", url: null, title: "Budget cuts", quotes: [] },
    ],
    flags: [
      {
        id: 11,
        storyId: 7,
        articleId: 2,
        outlet: "Beta Post",
        source: "https://beta.example/bridge",
        kind: "quote_paraphrased",
        severity: "high",
        confidence: 0.875,
        text: 'We "will" build it, next year',
        start: 5,
        end: 34,
        speaker: "Mayor Ruiz",
        explanation: "Words inside the quotation marks differ from Alpha News.",
        evidence: [
          {
            articleId: 1,
            outlet: "Alpha News",
            text: "We will build it",
            start: 10,
            end: 26,
            diff: [
              { op: "equal", text: "We will build it" },
              { op: "delete", text: ", next year" },
            ],
          },
        ],
        status: "verified",
        note: "Checked the council video.",
        history: [
          { at: "2026-03-02T10:00:00.000Z", actor: "editor", editor: "Ada", action: "status", fromStatus: "open", toStatus: "verified", note: "Checked the council video." },
        ],
      },
      {
        id: 12,
        storyId: 9,
        articleId: 3,
        outlet: "Gamma, Wire",
        source: "feed.jsonl#0",
        kind: "claim_added",
        severity: "medium",
        confidence: 0.5,
        text: "=HYPERLINK(\"http://evil.example\",\"click\")",
        start: 0,
        end: 40,
        speaker: null,
        explanation: "-2 outlets: no counterpart carries this claim",
        evidence: [
          { articleId: 4, outlet: "@Delta", text: "+cmd|' /C calc'!A0", start: 0, end: 5, diff: [] },
          { articleId: 1, outlet: "Alpha News", text: "multi\nline", start: 1, end: 2, diff: [] },
        ],
        status: "unsupported",
        note: "\tTab-led note\r\nsecond line",
        // An editor who once called themselves "parallax", then the analysis' own event.
        history: [
          { at: "2026-03-02T10:00:00.000Z", actor: "editor", editor: "parallax", action: "status", fromStatus: "open", toStatus: "unsupported", note: null },
          { at: "2026-03-03T08:00:00.000Z", actor: "system", editor: null, action: "stale", fromStatus: "unsupported", toStatus: "unsupported", note: null },
        ],
      },
      {
        id: 13,
        storyId: 7,
        articleId: 1,
        outlet: "Alpha News",
        source: "corpus/alpha.txt",
        kind: "structure_added",
        severity: "low",
        confidence: 0.3,
        text: "# Heading\n- [link](javascript:alert(1)) <script>alert('x')</script> **bold** _em_ | pipe",
        start: 40,
        end: 90,
        speaker: null,
        explanation: "An FAQ block <img src=x onerror=alert(1)> no other outlet has.",
        evidence: [],
        status: "open",
        note: "",
        history: [],
      },
      {
        id: 14,
        storyId: 9,
        articleId: 4,
        outlet: "Delta",
        source: "delta.md",
        kind: "fact_conflict",
        severity: "medium",
        confidence: 0.6,
        text: "The budget is 40 million.",
        start: 0,
        end: 25,
        speaker: null,
        explanation: "Gamma, Wire gives 14 million.",
        evidence: [{ articleId: 3, outlet: "Gamma, Wire", text: "The budget is 14 million.", start: 0, end: 25, diff: [] }],
        status: "dismissed",
        note: "",
        history: [],
      },
    ],
  };
}

const diffOp = z.object({ op: z.enum(["equal", "insert", "delete"]), text: z.string() }).strict();

/** The JSON export contract, exactly (strict: no extra keys anywhere). */
export const exportJsonSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    stories: z.array(z.object({ id: z.number().int(), title: z.string(), articleIds: z.array(z.number().int()) }).strict()),
    articles: z.array(
      z
        .object({
          id: z.number().int(),
          storyId: z.number().int().nullable(),
          outlet: z.string(),
          source: z.string(),
          url: z.string().nullable(),
          title: z.string(),
          quotes: z.array(z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), speaker: z.string().nullable() }).strict()),
        })
        .strict(),
    ),
    flags: z.array(
      z
        .object({
          id: z.number().int(),
          storyId: z.number().int(),
          articleId: z.number().int(),
          outlet: z.string(),
          source: z.string(),
          kind: z.enum(FLAG_KINDS as [string, ...string[]]),
          severity: z.enum(SEVERITIES as [string, ...string[]]),
          confidence: z.number().min(0).max(1),
          text: z.string(),
          start: z.number().int(),
          end: z.number().int(),
          speaker: z.string().nullable(),
          explanation: z.string(),
          evidence: z.array(
            z
              .object({ articleId: z.number().int(), outlet: z.string(), text: z.string(), start: z.number().int(), end: z.number().int(), diff: z.array(diffOp) })
              .strict(),
          ),
          status: z.enum(FLAG_STATUSES as [string, ...string[]]),
          note: z.string(),
          history: z.array(
            z
              .object({
                at: z.iso.datetime(),
                actor: z.enum(["system", "editor"]),
                editor: z.string().nullable(),
                action: z.string(),
                fromStatus: z.enum(FLAG_STATUSES as [string, ...string[]]).nullable(),
                toStatus: z.enum(FLAG_STATUSES as [string, ...string[]]).nullable(),
                note: z.string().nullable(),
              })
              .strict()
              // A system event never carries an editor's name.
              .refine((e) => (e.actor === "system") === (e.editor === null), "a system event has no editor; an editor event has one"),
          ),
        })
        .strict(),
    ),
  })
  .strict();

/** Minimal RFC 4180 reader for the tests: fields, quotes doubled, CRLF records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      i++;
    } else if (c === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else {
      if (c === '"' || c === "\n" || c === "\r") throw new Error(`bare ${JSON.stringify(c)} outside quotes at ${i}`);
      field += c;
      i++;
    }
  }
  if (field !== "" || row.length) throw new Error("last record does not end with CRLF");
  return rows;
}
