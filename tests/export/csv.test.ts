import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvField, formatCsv, neutraliseFormula } from "../../lib/export";
import { makeData, parseCsv } from "./fixture";

describe("neutraliseFormula", () => {
  it.each(["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx"])("prefixes an apostrophe to %j", (cell) => {
    expect(neutraliseFormula(cell)).toBe("'" + cell);
  });
  it.each(["plain", "a=b", "'already", "", "x - y", "multi\nline", "a\n\tb", "e-mail", "3 + 4 = 7"])("leaves %j alone", (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  // A trigger that a spreadsheet still finds once it skips leading whitespace, NULs, line breaks or invisible characters.
  it.each([
    [" =1+1", "space", "' =1+1"],
    ["   +cmd", "spaces", "'   +cmd"],
    ["\u00a0-2", "no-break space", "'\u00a0-2"],
    ["\u3000@SUM(A1)", "ideographic space", "'\u3000@SUM(A1)"],
    ["\u000b@x", "vertical tab", "'\u000b@x"],
    ["\u200b=1", "zero-width space", "'\u200b=1"],
    ["\ufeff-1", "byte order mark", "'\ufeff-1"],
    ["\u202e=1", "bidi override", "'\u202e=1"],
    // A NUL or a line break is also where a careless importer starts a new cell: that line is marked too.
    ["\u0000=1+1", "NUL", "'\u0000'=1+1"],
    ["\n=1+1", "line feed", "'\n'=1+1"],
    ["\r\n+1", "CRLF", "'\r\n'+1"],
    [" \t \n @x", "mixed", "' \t \n' @x"],
  ])("neutralises a trigger after leading %j (%s)", (cell, _what, want) => {
    expect(neutraliseFormula(cell)).toBe(want);
  });

  it.each([
    ["\uff1d1+1", "fullwidth ="],
    ["\uff0bcmd", "fullwidth +"],
    ["\uff0d2", "fullwidth -"],
    ["\uff20SUM(A1)", "fullwidth @"],
    [" \uff1dHYPERLINK(1)", "fullwidth = after a space"],
    ["\u22121", "minus sign"],
  ])("neutralises %j (%s)", (cell) => {
    expect(neutraliseFormula(cell)).toBe("'" + cell);
  });

  // An importer that ignores quoting would start a new cell at each line break or NUL.
  it.each([
    ["note\n=cmd", "note\n'=cmd"],
    ["note\r\n+cmd", "note\r\n'+cmd"],
    ["note\r-cmd", "note\r'-cmd"],
    ["note\n  @cmd", "note\n'  @cmd"],
    ["note\n\n=cmd", "note\n\n'=cmd"],
    ["note\u0000=cmd", "note\u0000'=cmd"],
    ["note\u2028\uff1dcmd", "note\u2028'\uff1dcmd"],
    ["=a\n=b", "'=a\n'=b"],
  ])("neutralises a trigger at the start of a later line: %j", (cell, want) => {
    expect(neutraliseFormula(cell)).toBe(want);
  });
});

describe("csvField", () => {
  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(null)).toBe("");
    expect(csvField(0.5)).toBe("0.5");
  });
  it("writes a number the exporter computed as a number, and neutralises the same characters as text", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(-0.25)).toBe("-0.25");
    expect(csvField("-3")).toBe("'-3");
    expect(csvField(" -3")).toBe("' -3");
    expect(csvField(Number.NaN)).toBe("NaN");
  });
  it("neutralises before quoting", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("\tTab,comma")).toBe(`"'\tTab,comma"`);
  });
});

describe("formatCsv", () => {
  const data = makeData();
  const text = formatCsv(data);
  const rows = parseCsv(text);
  const header = rows[0];
  const col = (row: string[], name: (typeof CSV_COLUMNS)[number]) => row[header.indexOf(name)];

  it("has a header and one CRLF-terminated record per flag, every record the same width", () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + data.flags.length);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.startsWith("\uFEFF")).toBe(false);
  });

  it("round-trips text with quotes and commas", () => {
    expect(col(rows[1], "text")).toBe('We "will" build it, next year');
    expect(col(rows[2], "outlet")).toBe("Gamma, Wire");
    expect(col(rows[1], "source")).toBe("https://beta.example/bridge");
  });

  it("summarises evidence as outlet: text joined by | with a counterpart count", () => {
    expect(col(rows[1], "evidence")).toBe("Alpha News: We will build it");
    expect(col(rows[1], "counterparts")).toBe("1");
    expect(col(rows[2], "counterparts")).toBe("2");
    expect(col(rows[3], "evidence")).toBe("");
    expect(col(rows[3], "counterparts")).toBe("0");
  });

  it("neutralises every cell a spreadsheet would evaluate", () => {
    expect(col(rows[2], "text")).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(col(rows[2], "explanation")).toBe("'-2 outlets: no counterpart carries this claim");
    // The evidence cell starts with the counterpart outlet "@Delta".
    expect(col(rows[2], "evidence")).toBe("'@Delta: +cmd|' /C calc'!A0 | Alpha News: multi\nline");
    expect(col(rows[2], "note")).toBe("'\tTab-led note\r\nsecond line");
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("neutralises hidden and fullwidth triggers in every text column, keeping numeric columns numeric", () => {
    const hostile = makeData();
    const f = hostile.flags[0];
    Object.assign(f, {
      outlet: " =1",
      source: "\u0000+1",
      text: "\uff1dcmd()",
      speaker: "\u200b@x",
      explanation: "fine\n-1",
      note: "\u3000\uff20x",
      start: -4,
    });
    f.evidence[0].outlet = "\uff0bDelta";
    const hostileRows = parseCsv(formatCsv(hostile));
    const r = hostileRows[1];
    const get = (name: (typeof CSV_COLUMNS)[number]) => r[hostileRows[0].indexOf(name)];
    for (const name of ["outlet", "source", "text", "speaker", "note", "evidence"] as const) expect(get(name).startsWith("'")).toBe(true);
    expect(get("explanation")).toBe("fine\n'-1");
    expect(get("start")).toBe("-4");
    expect(get("confidence")).toBe("0.875");
  });

  it("summarises the history, the analysis' events as Parallax (automatic)", () => {
    expect(col(rows[2], "history")).toBe(
      "2026-03-02T10:00:00.000Z parallax (editor): open → unsupported | 2026-03-03T08:00:00.000Z Parallax (automatic): no longer found by re-analysis",
    );
    expect(col(rows[3], "history")).toBe("");
  });

  it("writes a BOM on request", () => {
    const withBom = formatCsv(data, { bom: true });
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.slice(1)).toBe(text);
  });
});

describe("formatCsv for editors", () => {
  const rows = parseCsv(formatCsv(makeData()));
  const header = rows[0];
  const col = (row: string[], name: (typeof CSV_COLUMNS)[number]) => row[header.indexOf(name)];

  it("keeps the original columns first, in their order", () => {
    expect(header.slice(0, 18)).toEqual(["id", "storyId", "articleId", "outlet", "source", "kind", "severity", "confidence", "text", "start", "end", "speaker", "explanation", "evidence", "counterparts", "status", "note", "history"]);
  });

  it("names the story, the article's address, the counterparts, who triaged and when", () => {
    expect(col(rows[1], "storyTitle")).toBe("Harbour <b>bridge</b> vote");
    expect(col(rows[1], "articleUrl")).toBe("https://beta.example/bridge");
    expect(col(rows[1], "counterpartOutlets")).toBe("Alpha News");
    expect(col(rows[1], "counterpartUrls")).toBe("(no web address)");
    expect(col(rows[1], "triagedBy")).toBe("Ada");
    expect(col(rows[1], "triagedAt")).toBe("2026-03-02T10:00:00.000Z");
    // Two counterparts, names and addresses in the same order; the first name is neutralised.
    expect(col(rows[2], "counterpartOutlets")).toBe("'@Delta | Alpha News");
    expect(col(rows[2], "counterpartUrls")).toBe("(no web address) | (no web address)");
    expect(col(rows[4], "counterpartUrls")).toBe("https://gamma.example/a?x=1&y=2");
  });

  it("leaves the address empty for an article ingested from a file, and triage empty when no editor decided", () => {
    expect(col(rows[3], "articleUrl")).toBe("");
    expect(col(rows[3], "triagedBy")).toBe("");
    expect(col(rows[3], "triagedAt")).toBe("");
    // A system event alone is not a decision.
    const data = makeData();
    data.flags[1].history = data.flags[1].history!.filter((h) => h.actor === "system");
    const r = parseCsv(formatCsv(data));
    expect(r[2][header.indexOf("triagedBy")]).toBe("");
  });

  it("neutralises a story title or editor name that would start a formula", () => {
    const data = makeData();
    data.stories[0].title = "=1+1";
    data.flags[0].history![0].editor = "+Ada";
    const r = parseCsv(formatCsv(data))[1];
    expect(r[header.indexOf("storyTitle")]).toBe("'=1+1");
    expect(r[header.indexOf("triagedBy")]).toBe("'+Ada");
  });
});
