import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromePage, rssFeed } from "./fixtures";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;

// The tests name their database explicitly; an inherited PARALLAX_DB must not leak in.
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== "PARALLAX_DB" && k !== "PARALLAX_MAX_BYTES" && k !== "PARALLAX_ALLOW_PRIVATE_ADDRESSES"),
) as NodeJS.ProcessEnv;

function runCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("npx", ["tsx", "scripts/ingest.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...baseEnv, ...env } as NodeJS.ProcessEnv,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI without blocking this process, so the test's own HTTP server can answer it. */
function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/ingest.ts", ...args], { cwd: ROOT, env: { ...baseEnv, ...env } as NodeJS.ProcessEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

const articleCount = (dbFile: string) => {
  const sqlite = new Database(dbFile, { readonly: true });
  const n = (sqlite.prepare("select count(*) as n from articles").get() as { n: number }).n;
  sqlite.close();
  return n;
};

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", base);
    if (url.pathname === "/hanging.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      return void res.end(rssFeed(Array.from({ length: 16 }, (_, i) => ({ link: `${base}/hang/${i}`, title: `Hanging ${i}` }))));
    }
    if (url.pathname.startsWith("/hang/")) return; // never answers
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(chromePage({ title: `Harbour story \u001b]0;owned\u0007\u001b[2J at ${url.pathname}` }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

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

// Each test starts the CLI (tsx) several times: seconds each on a busy 2-core machine.
describe("scripts/ingest.ts", { timeout: 120_000 }, () => {
  it("stores every good article, prints one line per bad input, exits 1", () => {
    const dbFile = path.join(dir, "p.db");
    const inputs = path.join(dir, "inputs");
    const r = runCli(["--db", dbFile, inputs]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^added +${inputs}/a_good\\.txt  \\(#1, a_good \\(outlet from file name\\), Harbour council approves the new ferry budget\\)$`)),
      `FAILED  ${inputs}/b_empty.txt: empty file`,
      // The binary message may name what gave it away (another change to lib/ingest/decode.ts).
      expect.stringMatching(new RegExp(`^FAILED  ${inputs}/c_binary\\.txt: binary file( \\(.+\\))?, not text$`)),
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
      repeatedFailures: [],
    });
    const second = runCli(["--json", good], { PARALLAX_DB: dbFile });
    expect(JSON.parse(second.stdout)).toMatchObject({ added: 0, unchanged: 1 });
    const sqlite = new Database(dbFile, { readonly: true });
    expect(sqlite.prepare("select story_label from articles").all()).toEqual([{ story_label: "ferries" }]);
    sqlite.close();
  });

  it("prints the repairs made to a stored input as note lines, and keeps them in --json", () => {
    const file = path.join(dir, "controls.json");
    fs.writeFileSync(file, JSON.stringify({ title: "Ferry vote\u0007 today", outlet: "Wire", body: "The council\u0000 voted on the ferry budget on Monday.\n\nIt passed." }));
    const human = runCli(["--db", path.join(dir, "notes.db"), file]);
    expect(human.code).toBe(0);
    const notes = human.stdout.split("\n").filter((l) => l.startsWith("note "));
    expect(notes).toEqual([
      expect.stringMatching(/^note +\S*controls\.json: removed 1 control character in the body \(first U\+0000\); the record is kept$/),
      expect.stringMatching(/^note +\S*controls\.json: removed 1 control character in the title \(first U\+0007\); the record is kept$/),
    ]);
    const json = JSON.parse(runCli(["--json", "--db", path.join(dir, "notes2.db"), file]).stdout);
    expect(json.results[0].status).toBe("added");
    expect(json.results[0].notes).toHaveLength(2);
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

  it("refuses a URL on 127.0.0.1 with one clear line and stores nothing, unless private addresses are allowed", async () => {
    const dbFile = path.join(dir, "net.db");
    const url = `${base}/news/one`;
    const refused = await runCliAsync(["--db", dbFile, url]);
    expect(refused.code).toBe(1);
    expect(refused.stdout.trim().split("\n")).toEqual([
      `FAILED  ${url}: refused: 127.0.0.1 is a loopback address (set PARALLAX_ALLOW_PRIVATE_ADDRESSES=1 to allow private addresses)`,
      "0 added, 0 revised, 0 unchanged, 1 failed",
    ]);
    expect(articleCount(dbFile)).toBe(0);
    const byFlag = await runCliAsync(["--db", dbFile, "--allow-private-addresses", url]);
    expect(byFlag.code).toBe(0);
    expect(byFlag.stdout).toContain("1 added, 0 revised, 0 unchanged, 0 failed");
    const byEnv = await runCliAsync(["--db", dbFile, `${base}/news/two`], { PARALLAX_ALLOW_PRIVATE_ADDRESSES: "1" });
    expect(byEnv.stdout).toContain("1 added, 0 revised, 0 unchanged, 0 failed");
    expect(articleCount(dbFile)).toBe(2);
    // loopback: this machine only.
    const byLoopback = await runCliAsync(["--db", dbFile, `${base}/news/three`], { PARALLAX_ALLOW_PRIVATE_ADDRESSES: "loopback" });
    expect(byLoopback.stdout).toContain("1 added, 0 revised, 0 unchanged, 0 failed");
    expect(articleCount(dbFile)).toBe(3);
    const bad = await runCliAsync(["--db", dbFile, url], { PARALLAX_ALLOW_PRIVATE_ADDRESSES: "maybe" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PARALLAX_ALLOW_PRIVATE_ADDRESSES must be 1 (allow private addresses), loopback (this machine only) or 0, got "maybe"');
  });

  it("strips terminal controls from remote titles and file names in human output, and keeps --json valid and escaped", async () => {
    const dbFile = path.join(dir, "term.db");
    const url = `${base}/news/escapes`;
    const r = await runCliAsync(["--db", dbFile, "--allow-private-addresses", url]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // Whatever the parser already cleaned, nothing that reaches the terminal can act on it.
    expect(r.stdout).toMatch(/Harbour story .* at \/news\/escapes/);
    const odd = path.join(dir, "odd-names");
    fs.mkdirSync(odd, { recursive: true });
    const name = path.join(odd, "evil\u001b[2J\u202Etxt.md");
    fs.writeFileSync(name, "");
    const json = await runCliAsync(["--db", dbFile, "--json", odd]);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json.stdout).results[0].input).toBe(name);
    const human = await runCliAsync(["--db", dbFile, odd]);
    expect(human.stdout.split("\n")[0]).toBe(`FAILED  ${odd}/eviltxt.md: empty file`);
  });

  it("caps a feed of hanging item pages at the feed deadline and folds the repeated failures into one line", async () => {
    const dbFile = path.join(dir, "hang.db");
    const feed = `${base}/hanging.xml`;
    const r = await runCliAsync(["--db", dbFile, "--allow-private-addresses", "--timeout", "1000", feed]);
    expect(r.code).toBe(1);
    console.log(`CLI on a feed of 16 hanging items, --timeout 1000: ${Math.round(r.ms)} ms, process start included`);
    const lines = r.stdout.trim().split("\n");
    const reason = "not fetched within the feed's time limit of 1000 ms (--feed-timeout), and the feed item has too little text of its own";
    expect(lines).toEqual([
      `FAILED  ${base}/hang/0: ${reason}`,
      `FAILED  ${base}/hang/1: ${reason}`,
      `FAILED  ${base}/hang/2: ${reason}`,
      `FAILED  ${feed}: … and 13 more feed items failed for the same reason: not fetched within the feed's time limit of 1000 ms (…), and the feed item has too little text of its own`,
      "0 added, 0 revised, 0 unchanged, 16 failed",
    ]);
    const json = await runCliAsync(["--db", dbFile, "--allow-private-addresses", "--timeout", "1000", "--json", feed]);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.failed).toBe(16);
    expect(parsed.results).toHaveLength(16);
    expect(parsed.repeatedFailures).toEqual([{ input: feed, reason: `${reason}`, count: 16 }]);
  });

  it("prints the first few of 5,000 bad records and one line for the rest; --json keeps every count", async () => {
    const file = path.join(dir, "many.jsonl");
    const lines = [JSON.stringify({ title: "The one good record", outlet: "Wire", body: "Text of the good record." })];
    for (let i = 0; i < 5000; i++) lines.push(`{"title": "broken ${i}", `);
    fs.writeFileSync(file, lines.join("\n") + "\n");
    const dbFile = path.join(dir, "many.db");
    const r = runCli(["--db", dbFile, file]);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split("\n");
    expect(out[0]).toMatch(/^added +.*many\.jsonl#1 /);
    expect(out.slice(1, 4).every((l) => /^FAILED  .*many\.jsonl:\d+: malformed JSON \(.+\)$/.test(l))).toBe(true);
    // However many of the 5,000 the parser itself lists, the CLI prints three of them and one line for the rest.
    expect(out.filter((l) => /:\d+: malformed JSON \(.+\)$/.test(l))).toHaveLength(3);
    expect(out).toContainEqual(expect.stringMatching(new RegExp(`^FAILED  ${file}: … and [\\d,]+ more records failed for the same reason: malformed JSON \\(…\\)$`)));
    expect(out.length).toBeLessThanOrEqual(8);
    expect(out.at(-1)).toMatch(/^1 added, 0 revised, 0 unchanged, [\d]+ failed$/);
    const json = JSON.parse(runCli(["--db", dbFile, "--json", file]).stdout);
    expect(json.unchanged).toBe(1);
    expect(json.results.filter((x: { status: string }) => x.status === "failed")).toHaveLength(json.failed);
    expect(json.repeatedFailures).toEqual([{ input: file, reason: expect.stringMatching(/^malformed JSON \(.+\)$/), count: expect.any(Number) }]);
    expect(json.repeatedFailures[0].count).toBeGreaterThan(3);
  });
});
