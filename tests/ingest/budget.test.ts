import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFile } from "@/db/sources";
import { PARSE_BUDGET_MS } from "@/lib/ingest/limits";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-budget-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("each file's parse runs within a time budget", () => {
  const file = path.join(dir, "long.html");
  const para = "<p>The council voted on Tuesday to close the bridge for repairs, the mayor said at the meeting.</p>\n";
  fs.writeFileSync(file, `<html><head><title>Bridge</title></head><body><article>${para.repeat(4000)}</article></body></html>`);

  it("gives a file the default budget and parses it within it", async () => {
    expect(PARSE_BUDGET_MS).toBe(10_000);
    const out = await loadFile({ source: "long.html", path: file }, 5 * 1024 * 1024);
    expect(out.problems).toEqual([]);
    expect(out.articles).toHaveLength(1);
  });

  it("fails a file whose parse outlasts its budget with one line naming it", async () => {
    const out = await loadFile({ source: "long.html", path: file }, 5 * 1024 * 1024, 1);
    expect(out.articles).toEqual([]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0].message).toMatch(/^long\.html: took longer than the 1 ms time budget \(stopped while .+\)$/);
  });
});
