import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { analysisLockPath, analyzePending } from "@/db/analyze";
import { openDb, type Db } from "@/db/client";
import { storeArticle } from "@/db/ingest";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

const bridge = (outlet: string, n: number) =>
  `The council of Varnholt closed the east ferry terminal on Tuesday after inspectors found ${n} cracked mooring posts.\n\n` +
  `“We will not reopen the terminal until every post has been replaced,” said harbour master Lene Oskarsson.\n\n` +
  `About 2,100 passengers use the terminal every day, ${outlet} was told. Repairs will cost 3 million kroner.`;
const vote = (outlet: string, turnout: number) =>
  `Voters in Meltara chose a new regional assembly on Sunday, with turnout at ${turnout} percent, ${outlet} reported.\n\n` +
  `“This result is a clear mandate for change,” said opposition leader Piet Hamar after the count.\n\n` +
  `The governing alliance lost nine of its 31 seats.`;

/** Stores a few stories through the ingest store, as the CLI would. */
async function seed(db: Db): Promise<void> {
  const outlets = ["North Wire", "Harbour Post", "Daily Meltara", "Coast Radio"];
  for (const [i, o] of outlets.entries()) {
    const base = { host: null, url: null, byline: null, publishedAt: "2026-03-03", language: "en", outlet: o };
    await storeArticle(db, { ...base, source: `ferry-${i}.txt`, title: "Varnholt ferry terminal closed", body: bridge(o, i === 3 ? 14 : 12) }, { story: "ferry" });
    await storeArticle(db, { ...base, source: `vote-${i}.txt`, title: "Meltara votes", body: vote(o, i === 2 ? 61 : 58) }, { story: "vote" });
  }
}

function flagRows(file: string): unknown[] {
  const db = openDb(file);
  try {
    return db.$client.prepare('SELECT fingerprint, article_id, kind, severity, start, "end", text, stale FROM flags ORDER BY fingerprint').all();
  } finally {
    db.$client.close();
  }
}

function runCli(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ["scripts/analyze.ts", "--db", file], { cwd: ROOT, env: { ...process.env, PARALLAX_WORKERS: "0" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-concurrent-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function seededCopies(): Promise<{ a: string; b: string }> {
  const a = path.join(dir, "a.db");
  const db = openDb(a);
  await seed(db);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  const b = path.join(dir, "b.db");
  fs.copyFileSync(a, b);
  return { a, b };
}

describe("two analyze runs at once", () => {
  it("both exit 0 with no stack trace, and the flags are those of a single run", async () => {
    const { a, b } = await seededCopies();
    const single = await runCli(b);
    expect(single.code).toBe(0);
    const expected = flagRows(b);
    expect(expected.length).toBeGreaterThan(0);

    const [r1, r2] = await Promise.all([runCli(a), runCli(a)]);
    for (const r of [r1, r2]) {
      expect(r.stderr).not.toMatch(/\n\s+at |Error:|SQLITE_BUSY|database is locked/);
      expect(r.code).toBe(0);
    }
    // Every line on stderr is the waiting notice (the runs may also not overlap at all).
    for (const line of (r1.stderr + r2.stderr).split("\n").filter(Boolean)) {
      expect(line).toMatch(/^analyze: an analysis is already running \(pid \d+ since \d{4}-\d\d-\d\dT[\d:.]+Z\); waiting$/);
    }
    expect(flagRows(a)).toEqual(expected);
    expect(fs.existsSync(`${a}.analyze-lock`)).toBe(false);
  }, 120_000);

  it("waits for a live holder, and breaks the lock of a holder that was killed", async () => {
    const file = path.join(dir, "c.db");
    const db = openDb(file);
    await seed(db);
    const lock = analysisLockPath(db)!;
    // A live holder: a child that takes the lock, holds it 1.5 s and lets it go (it removes its own
    // file: this test blocks its event loop while it waits, so it could not reap the child).
    const holder = { host: os.hostname(), since: "2026-03-03T12:00:00.000Z" };
    const script = `const fs = require("fs"); fs.writeFileSync(${JSON.stringify(lock)}, JSON.stringify({ pid: process.pid, ...${JSON.stringify(holder)} })); console.log("held"); setTimeout(() => fs.rmSync(${JSON.stringify(lock)}), 2000);`;
    const live = spawnSync(process.execPath, ["-e", `require("child_process").spawn(process.execPath, ["-e", ${JSON.stringify(script)}], { stdio: ["ignore", "pipe", "ignore"], detached: true }).stdout.once("data", () => process.exit(0))`]);
    expect(live.status).toBe(0);
    const found = JSON.parse(fs.readFileSync(lock, "utf8")) as { pid: number };
    const waits: unknown[] = [];
    const t0 = Date.now();
    const summary = await analyzePending(db, { workers: 0, onWait: (h) => waits.push(h) });
    expect(waits).toEqual([{ pid: found.pid, ...holder }]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(500);
    expect(summary.stories).toBe(2);
    expect(fs.existsSync(lock)).toBe(false);

    // A holder killed with -9 leaves its file behind: its pid no longer runs, so the lock is broken at once.
    const dead = spawnSync(process.execPath, ["-e", "process.kill(process.pid, 'SIGKILL')"]);
    expect(dead.signal).toBe("SIGKILL");
    fs.writeFileSync(lock, JSON.stringify({ pid: dead.pid, host: os.hostname(), since: "2026-03-03T12:00:00.000Z" }));
    const waited: unknown[] = [];
    await analyzePending(db, { all: true, workers: 0, onWait: (h) => waited.push(h) });
    expect(waited).toEqual([]);
    expect(fs.existsSync(lock)).toBe(false);
    db.$client.close();
  }, 120_000);
});
