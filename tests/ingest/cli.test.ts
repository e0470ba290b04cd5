import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;

// The tests name their database explicitly; an inherited PARALLAX_DB must not leak in.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "PARALLAX_DB" && k !== "PARALLAX_MAX_BYTES")) as NodeJS.ProcessEnv;

function runCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("npx", ["tsx", "scripts/ingest.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...baseEnv, ...env } as NodeJS.ProcessEnv,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-cli-"));
  const inputs = path.join(dir, "inputs");
  fs.mkdirSync(inputs);
  fs.writeFileSync(path.join(inputs, "a_good.txt"), "Harbour council approves the new ferry budget\n\nThe council voted on Monday.\n");
  fs.writeFileSync(path.join(inputs, "b_empty.txt"), "");
  fs.writeFileSync(path.join(inputs, "c_binary.txt"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)));
  fs.writeFileSync(path.join(inputs, "d_huge.txt"), Buffer.alloc(6 * 1024 * 1024, 0x62));
  fs.writeFileSync(
    path.join(inputs, "e_records.jsonl"),
    [
      JSON.stringify({ title: "Record one", outlet: "Wire", body: "Text of record one." }),
      '{"title": "broken", ',
      JSON.stringify({ title: "Record three", outlet: "Wire", body: "Text of record three." }),
    ].join("\n") + "\n",
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("scripts/ingest.ts", () => {
  it("stores every good article, prints one line per bad input, exits 1", () => {
    const dbFile = path.join(dir, "p.db");
    const inputs = path.join(dir, "inputs");
    const r = runCli(["--db", dbFile, inputs]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^added +${inputs}/a_good\\.txt  \\(#1, a_good, Harbour council approves the new ferry budget\\)$`)),
      `FAILED  ${inputs}/b_empty.txt: empty file`,
      `FAILED  ${inputs}/c_binary.txt: binary file, not text`,
      `FAILED  ${inputs}/d_huge.txt: file is 6.0 MB, over the 5.0 MB limit (--max-bytes)`,
      expect.stringMatching(new RegExp(`^added +${inputs}/e_records\\.jsonl#1  \\(#2, Wire, Record one\\)$`)),
      expect.stringMatching(new RegExp(`^FAILED  ${inputs}/e_records\\.jsonl:2: malformed JSON \\(.+\\)$`)),
      expect.stringMatching(new RegExp(`^added +${inputs}/e_records\\.jsonl#3  \\(#3, Wire, Record three\\)$`)),
      "3 added, 0 revised, 0 unchanged, 4 failed",
    ]);
    const sqlite = new Database(dbFile, { readonly: true });
    const rows = sqlite.prepare("select source, title from articles order by id").all();
    sqlite.close();
    expect(rows).toEqual([
      { source: `${inputs}/a_good.txt`, title: "Harbour council approves the new ferry budget" },
      { source: `${inputs}/e_records.jsonl#1`, title: "Record one" },
      { source: `${inputs}/e_records.jsonl#3`, title: "Record three" },
    ]);
  });

  it("prints a JSON summary with --json, takes the database from PARALLAX_DB, exits 0 when nothing failed", () => {
    const dbFile = path.join(dir, "env.db");
    const good = path.join(dir, "inputs", "a_good.txt");
    const first = runCli(["--json", "--story", "ferries", good], { PARALLAX_DB: dbFile });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      added: 1,
      revised: 0,
      unchanged: 0,
      failed: 0,
      results: [{ input: good, source: good, status: "added", articleId: 1, error: null }],
    });
    const second = runCli(["--json", good], { PARALLAX_DB: dbFile });
    expect(JSON.parse(second.stdout)).toMatchObject({ added: 0, unchanged: 1 });
    const sqlite = new Database(dbFile, { readonly: true });
    expect(sqlite.prepare("select story_label from articles").all()).toEqual([{ story_label: "ferries" }]);
    sqlite.close();
  });

  it("honours --max-bytes and reports usage errors with exit code 2", () => {
    const dbFile = path.join(dir, "small.db");
    const good = path.join(dir, "inputs", "a_good.txt");
    const r = runCli(["--db", dbFile, "--max-bytes", "10", good]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAILED  ${good}: file is ${fs.statSync(good).size} bytes, over the 10 bytes limit (--max-bytes)`);
    const bad = runCli(["--db", dbFile, "--timeout", "soon", good]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--timeout needs a positive whole number, got "soon"');
    expect(runCli(["--help"]).stdout).toContain("Usage: npm run ingest");
  });
});
