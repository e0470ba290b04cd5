import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvField, formatCsv, neutraliseFormula } from "../../lib/export";
import { makeData, parseCsv } from "./fixture";

describe("neutraliseFormula", () => {
  it.each(["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx"])("prefixes an apostrophe to %j", (cell) => {
    expect(neutraliseFormula(cell)).toBe("'" + cell);
  });
  it.each(["plain", "a=b", " =not at start", "'already", ""])("leaves %j alone", (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
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

  it("writes a BOM on request", () => {
    const withBom = formatCsv(data, { bom: true });
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.slice(1)).toBe(text);
  });
});
