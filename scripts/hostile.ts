/**
 * `npm run hostile -- [--fuzz N] [--kills N] [--kill-articles N] [--writers N] [--changes N] [--json] [--keep]`
 *
 * The security review's checks, rerun as figures (never as timed tests):
 *   1. fuzz: N malformed inputs (random bytes, mutated sample files, size and
 *      depth bombs) ingested one by one: how many were accepted, refused,
 *      or escaped as an exception; the slowest input; peak memory; whether
 *      every refusal was one plain line naming its input.
 *   2. kill: `npm run ingest` and `npm run analyze` on a synthetic corpus (300 articles),
 *      each killed with SIGKILL at a random moment N times; after each kill
 *      the database passes SQLite's integrity and foreign-key checks and a
 *      rerun ends with the same articles and the same flags as a clean run.
 *   3. writers: N processes each making `--changes` triage changes to the
 *      same database at once, while ingest and analysis write too: refusals
 *      by kind ("database is locked" must be 0) and lost updates (must be 0).
 * Everything is seeded: two runs print the same counts (times vary).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { openDb } from "../db/client";
import { ingestInputs } from "../db/ingest";
import { setFlagStatus, TriageError } from "../db/triage";
import { generateCorpus } from "../lib/bench/corpus";
import { createRandom, randomInt, type Random } from "../lib/bench/random";
import { FLAG_STATUSES, type FlagStatus } from "../lib/types";
import { loadSamples, writeCorpus } from "./corpus-files";

const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const SAMPLE_DIR = path.join(ROOT, "db", "sample", "articles");
const EXTENSIONS = [".txt", ".html", ".md", ".json", ".jsonl", ".htm", ".xml", ""];

// ---------------------------------------------------------------- fuzz inputs

function randomBytes(r: Random, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = randomInt(r, 256);
  return b;
}

function sampleFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(SAMPLE_DIR);
  return out;
}

/** One mutation of a real file: the kinds of damage files meet on the way. */
function mutate(r: Random, src: Buffer): Buffer {
  const at = () => randomInt(r, Math.max(1, src.length));
  switch (randomInt(r, 9)) {
    case 0: // truncated
      return src.subarray(0, at());
    case 1: // a NUL somewhere
      return Buffer.concat([src.subarray(0, at()), Buffer.from([0]), src.subarray(at())]);
    case 2: {
      // flipped bytes
      const b = Buffer.from(src);
      for (let i = 0, n = 1 + randomInt(r, 40); i < n; i++) b[at()] = randomInt(r, 256);
      return b;
    }
    case 3: // control characters and escape sequences spliced in
      return Buffer.concat([src.subarray(0, at()), Buffer.from("\u001b[2J\u001b]0;owned\u0007\u0001\u0008\u007f\u0085\u202e"), src.subarray(at())]);
    case 4: {
      // a slice repeated many times
      const a = at();
      const slice = src.subarray(a, Math.min(src.length, a + 1 + randomInt(r, 200)));
      return Buffer.concat([src, ...Array.from({ length: 2000 }, () => slice)]);
    }
    case 5: // a byte-order mark that does not match the bytes
      return Buffer.concat([[Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([0, 0, 0xfe, 0xff])][randomInt(r, 4)], src]);
    case 6: // random bytes appended
      return Buffer.concat([src, randomBytes(r, 1 + randomInt(r, 4096))]);
    case 7: // closing markup removed
      return Buffer.from(src.toString("latin1").replace(/<\/[a-z0-9]+>/gi, ""), "latin1");
    default: // lines shuffled
      return Buffer.from(
        src
          .toString("utf8")
          .split("\n")
          .sort(() => (r() < 0.5 ? -1 : 1))
          .join("\n"),
      );
  }
}

/** Inputs built to exhaust time, memory or the stack. */
function bombs(): { name: string; bytes: Buffer }[] {
  const text = "The council voted on Tuesday to close the bridge for repairs, the mayor said. ";
  const deep = (n: number, tag: string) => "<html><body>" + `<${tag}>`.repeat(n) + "Deep text here. ".repeat(20) + `</${tag}>`.repeat(n) + "</body></html>";
  return [
    { name: "deep-div.html", bytes: Buffer.from(deep(50_000, "div")) },
    { name: "deep-unclosed.html", bytes: Buffer.from("<html><body>" + "<div><span>".repeat(40_000) + text) },
    { name: "deep-table.html", bytes: Buffer.from(deep(20_000, "table")) },
    { name: "numbers.json", bytes: Buffer.from(JSON.stringify(Array.from({ length: 1_000_000 }, (_, i) => i % 97))) },
    { name: "deep-array.json", bytes: Buffer.from("[".repeat(100_000) + "]".repeat(100_000)) },
    { name: "bad-lines.jsonl", bytes: Buffer.from(Array.from({ length: 20_000 }, (_, i) => `{"title": "t${i}", "body": `).join("\n")) },
    { name: "many-records.jsonl", bytes: Buffer.from(Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ title: `Record ${i}`, body: text })).join("\n")) },
    { name: "one-line.txt", bytes: Buffer.from(text.repeat(60_000).slice(0, 4_900_000)) },
    { name: "no-spaces.txt", bytes: Buffer.from("x".repeat(4_900_000)) },
    { name: "attributes.html", bytes: Buffer.from("<html><body><p " + Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(" ") + ">" + text + "</p></body></html>") },
    { name: "plain.html", bytes: Buffer.from(("Plain text in an HTML file. " + text + "\n\n").repeat(30)) },
    { name: "utf32.txt", bytes: Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...Array.from((text + "\n\n").repeat(20), (c) => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return b; })]) },
    { name: "nul-late.txt", bytes: Buffer.concat([Buffer.from((text + "\n").repeat(200)), Buffer.from([0]), Buffer.from(text)]) },
    { name: "control.json", bytes: Buffer.from(JSON.stringify({ title: "Con\u0000trol\u001b[31m", body: (text + "\u0000\u0007\n\n").repeat(20), url: "javascript:alert(1)" })) },
    { name: "entities.html", bytes: Buffer.from("<html><body><p>" + "&amp;&lt;&#x1F600;&#0;&#xD800;".repeat(200_000) + "</p></body></html>") },
    { name: "comments.html", bytes: Buffer.from("<html><body>" + "<!--".repeat(200_000) + text + "</body></html>") },
    { name: "feed-items.xml", bytes: Buffer.from(`<?xml version="1.0"?><rss><channel><title>x</title>${Array.from({ length: 20_000 }, (_, i) => `<item><title>${i}</title><link>http://127.0.0.1:9/${i}</link></item>`).join("")}</channel></rss>`) },
    { name: "billion-laughs.xml", bytes: Buffer.from(`<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]><rss><channel><title>&f;</title><item><title>&f;</title><description>&f;</description></item></channel></rss>`) },
  ];
}

interface FuzzFigures {
  inputs: number;
  randomFiles: number;
  randomAccepted: number;
  accepted: number;
  refused: number;
  escaped: number;
  unclearMessages: number;
  slowestMs: number;
  slowestInput: string;
  overTenSeconds: number;
  peakRssMb: number | null;
  seconds: number;
}

function peakRssMb(): number | null {
  try {
    const m = fs.readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+)\s+kB/m);
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function runFuzz(dir: string, n: number, seed: number): Promise<FuzzFigures> {
  const r = createRandom(seed);
  const files = path.join(dir, "fuzz");
  fs.mkdirSync(files, { recursive: true });
  const inputs: { file: string; random: boolean }[] = [];
  const put = (name: string, bytes: Buffer, random = false) => {
    const file = path.join(files, name);
    fs.writeFileSync(file, bytes);
    inputs.push({ file, random });
  };
  for (const b of bombs()) put(b.name, b.bytes);
  const randomCount = Math.min(160, Math.round(n / 4));
  for (let i = 0; i < randomCount; i++) put(`random-${i}${EXTENSIONS[i % EXTENSIONS.length]}`, randomBytes(r, [16, 300, 2000, 20_000, 200_000][randomInt(r, 5)]), true);
  const samples = sampleFiles().map((f) => ({ ext: path.extname(f), bytes: fs.readFileSync(f) }));
  for (let i = 0; inputs.length < n; i++) {
    const s = samples[i % samples.length];
    put(`mutant-${i}${s.ext}`, mutate(r, s.bytes));
  }

  const db = openDb(path.join(dir, "fuzz.db"));
  const figures: FuzzFigures = { inputs: inputs.length, randomFiles: randomCount, randomAccepted: 0, accepted: 0, refused: 0, escaped: 0, unclearMessages: 0, slowestMs: 0, slowestInput: "", overTenSeconds: 0, peakRssMb: null, seconds: 0 };
  const started = performance.now();
  for (const input of inputs) {
    const t = performance.now();
    try {
      const run = await ingestInputs(db, [input.file], { now: () => new Date("2026-06-01T12:00:00Z") });
      const ok = run.added + run.revised + run.unchanged > 0;
      if (ok) figures.accepted++;
      else figures.refused++;
      if (ok && input.random) figures.randomAccepted++;
      for (const res of run.results) {
        if (res.status !== "failed") continue;
        const msg = res.error ?? "";
        // One line, naming the input, without an internal stack or exception name.
        if (msg.includes("\n") || !msg.includes(path.basename(input.file)) || /\bat .+:\d+:\d+\)?$|TypeError|RangeError|ReferenceError|undefined/.test(msg)) figures.unclearMessages++;
      }
    } catch {
      figures.escaped++;
    }
    const ms = performance.now() - t;
    if (ms > figures.slowestMs) {
      figures.slowestMs = Math.round(ms);
      figures.slowestInput = path.basename(input.file);
    }
    if (ms > 10_000) figures.overTenSeconds++;
  }
  figures.seconds = Math.round((performance.now() - started) / 100) / 10;
  figures.peakRssMb = peakRssMb();
  db.$client.close();
  return figures;
}

// ---------------------------------------------------------------- kill -9

function cli(script: string, args: string[], dbPath: string): string[] {
  return [path.join(ROOT, "scripts", script), "--db", dbPath, ...args];
}

function runToEnd(script: string, args: string[], dbPath: string): { code: number; seconds: number; stderr: string } {
  const t = performance.now();
  const res = spawnSync(TSX, cli(script, args, dbPath), { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: res.status ?? 1, seconds: (performance.now() - t) / 1000, stderr: res.stderr };
}

/** Starts a CLI and kills it with SIGKILL after `ms`; resolves once it is gone. */
function killAfter(script: string, args: string[], dbPath: string, ms: number): Promise<"killed" | "finished"> {
  return new Promise((resolve) => {
    const child = spawn(TSX, cli(script, args, dbPath), { cwd: ROOT, stdio: "ignore", detached: true });
    const timer = setTimeout(() => {
      // The whole group: tsx runs the script in a child of its own.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, ms);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === "SIGKILL" ? "killed" : "finished");
    });
  });
}

function checkDatabase(dbPath: string): { ok: boolean; problem: string } {
  const db = new Database(dbPath);
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return { ok: false, problem: `integrity_check: ${String(integrity)}` };
    const fk = db.pragma("foreign_key_check") as unknown[];
    if (fk.length) return { ok: false, problem: `${fk.length} foreign-key violations` };
    return { ok: true, problem: "" };
  } finally {
    db.close();
  }
}

function snapshot(dbPath: string): { articles: number; flags: string } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const articles = (db.prepare("select count(*) as n from articles").get() as { n: number }).n;
    const flags = (db.prepare("select fingerprint from flags order by fingerprint").all() as { fingerprint: string }[]).map((f) => f.fingerprint).join("\n");
    return { articles, flags };
  } finally {
    db.close();
  }
}

interface KillFigures {
  trials: number;
  killed: number;
  damaged: number;
  recoveredDifferently: number;
  problems: string[];
  ingestSeconds: number;
  analyzeSeconds: number;
}

async function runKills(dir: string, trials: number, seed: number, articles: number): Promise<KillFigures> {
  const r = createRandom(seed);
  const corpus = writeCorpus(path.join(dir, "corpus"), generateCorpus(loadSamples(), { articles, random: createRandom(seed) }).articles);
  const reference = path.join(dir, "reference.db");
  const ingested = path.join(dir, "ingested.db");
  const ing = runToEnd("ingest.ts", [corpus], reference);
  if (ing.code !== 0) throw new Error(`hostile: reference ingest failed:\n${ing.stderr}`);
  for (const f of ["", "-wal", "-shm"]) if (fs.existsSync(reference + f)) fs.copyFileSync(reference + f, ingested + f);
  const ana = runToEnd("analyze.ts", [], reference);
  if (ana.code !== 0) throw new Error(`hostile: reference analysis failed:\n${ana.stderr}`);
  const want = snapshot(reference);
  const figures: KillFigures = { trials: 0, killed: 0, damaged: 0, recoveredDifferently: 0, problems: [], ingestSeconds: ing.seconds, analyzeSeconds: ana.seconds };

  for (let i = 0; i < trials; i++) {
    const analyse = i % 2 === 1;
    const dbPath = path.join(dir, `kill-${i}.db`);
    if (analyse) for (const f of ["", "-wal", "-shm"]) if (fs.existsSync(ingested + f)) fs.copyFileSync(ingested + f, dbPath + f);
    const window = (analyse ? ana.seconds : ing.seconds) * 1000;
    const outcome = await killAfter(analyse ? "analyze.ts" : "ingest.ts", analyse ? [] : [corpus], dbPath, 300 + randomInt(r, Math.max(1, Math.round(window))));
    figures.trials++;
    if (outcome === "killed") figures.killed++;
    const check = checkDatabase(dbPath);
    if (!check.ok) {
      figures.damaged++;
      figures.problems.push(`trial ${i}: ${check.problem}`);
      continue;
    }
    // Recovery: finish the interrupted work and compare with the clean run.
    if (!analyse && runToEnd("ingest.ts", [corpus], dbPath).code !== 0) figures.problems.push(`trial ${i}: rerun of ingest failed`);
    const again = runToEnd("analyze.ts", [], dbPath);
    if (again.code !== 0) figures.problems.push(`trial ${i}: rerun of analyze failed: ${again.stderr.split("\n")[0]}`);
    const got = snapshot(dbPath);
    if (got.articles !== want.articles || got.flags !== want.flags) {
      figures.recoveredDifferently++;
      figures.problems.push(`trial ${i}: after recovery ${got.articles} articles (want ${want.articles}), flags ${got.flags === want.flags ? "equal" : "differ"}`);
    }
    for (const f of ["", "-wal", "-shm"]) fs.rmSync(dbPath + f, { force: true });
  }
  return figures;
}

// ---------------------------------------------------------------- two writers

interface WriterCounts {
  changes: number;
  ok: number;
  conflicts: number;
  locked: number;
  other: number;
  otherMessages: string[];
}

/** Child process: `changes` status changes on random flags, each from the version it just read. */
async function writerChild(dbPath: string, changes: number, seed: number, name: string): Promise<void> {
  const db = openDb(dbPath);
  const r = createRandom(seed);
  const ids = (db.$client.prepare("select id from flags order by id").all() as { id: number }[]).map((x) => x.id);
  const read = db.$client.prepare("select status, version from flags where id = ?");
  const counts: WriterCounts = { changes, ok: 0, conflicts: 0, locked: 0, other: 0, otherMessages: [] };
  for (let i = 0; i < changes; i++) {
    const id = ids[randomInt(r, ids.length)];
    const cur = read.get(id) as { status: FlagStatus; version: number };
    const options = FLAG_STATUSES.filter((s) => s !== cur.status);
    try {
      await setFlagStatus(db, { flagIds: [id], expectedVersions: [cur.version], status: options[randomInt(r, options.length)], editor: name, now: new Date() });
      counts.ok++;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (e instanceof TriageError && e.code === "conflict") counts.conflicts++;
      else if (/database is locked|SQLITE_BUSY/i.test(msg)) counts.locked++;
      else {
        counts.other++;
        if (counts.otherMessages.length < 3) counts.otherMessages.push(msg);
      }
    }
  }
  db.$client.close();
  process.stdout.write(JSON.stringify(counts));
}

interface WriterFigures {
  writers: number;
  changesEach: number;
  withIngestAndAnalysis: boolean;
  ok: number;
  conflicts: number;
  locked: number;
  other: number;
  lostUpdates: number;
  seconds: number;
  otherMessages: string[];
}

async function runWriters(dir: string, writers: number, changes: number, seed: number): Promise<WriterFigures> {
  const reference = path.join(dir, "reference.db");
  if (!fs.existsSync(reference)) throw new Error("hostile: writers need the kill section's reference database (do not pass --kills 0 with --writers)");
  const dbPath = path.join(dir, "writers.db");
  for (const f of ["", "-wal", "-shm"]) if (fs.existsSync(reference + f)) fs.copyFileSync(reference + f, dbPath + f);
  const versionsBefore = (() => {
    const db = new Database(dbPath, { readonly: true });
    const v = (db.prepare("select sum(version) as v from flags").get() as { v: number }).v;
    db.close();
    return v;
  })();
  // Meanwhile, ingest a second corpus and analyse it: the writes a desk sees while the night's feeds come in.
  const extra = writeCorpus(path.join(dir, "extra"), generateCorpus(loadSamples(), { articles: 300, random: createRandom(seed + 1) }).articles);
  const t = performance.now();
  const background = new Promise<void>((resolve) => {
    const ing = spawn(TSX, cli("ingest.ts", [extra], dbPath), { cwd: ROOT, stdio: "ignore" });
    ing.on("exit", () => {
      const ana = spawn(TSX, cli("analyze.ts", [], dbPath), { cwd: ROOT, stdio: "ignore" });
      ana.on("exit", () => resolve());
    });
  });
  const children = Array.from(
    { length: writers },
    (_, i) =>
      new Promise<WriterCounts>((resolve, reject) => {
        const child = spawn(TSX, [__filename, "--child-writer", "--db", dbPath, "--changes", String(changes), "--seed", String(seed * 100 + i), "--name", `Writer ${i + 1}`], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("exit", (code) => {
          try {
            resolve(JSON.parse(out) as WriterCounts);
          } catch {
            reject(new Error(`writer ${i + 1} exited with ${code}: ${err.split("\n").slice(0, 3).join(" ")}`));
          }
        });
      }),
  );
  const results = await Promise.all(children);
  await background;
  const seconds = Math.round((performance.now() - t) / 100) / 10;
  const db = new Database(dbPath, { readonly: true });
  // Re-analysis may remove flags a writer changed; count only flags that still exist on both sides.
  const events = (db.prepare("select count(*) as n from flag_events e join flags f on f.id = e.flag_id where e.action = 'status' and e.editor like 'Writer %'").get() as { n: number }).n;
  const versionsAfter = (db.prepare("select sum(version) as v from flags").get() as { v: number }).v;
  db.close();
  const ok = results.reduce((s, c) => s + c.ok, 0);
  return {
    writers,
    changesEach: changes,
    withIngestAndAnalysis: true,
    ok,
    conflicts: results.reduce((s, c) => s + c.conflicts, 0),
    locked: results.reduce((s, c) => s + c.locked, 0),
    other: results.reduce((s, c) => s + c.other, 0),
    // Every accepted change left one event and one version bump; a lost update would leave fewer.
    lostUpdates: Math.max(0, ok - events, events - (versionsAfter - versionsBefore)),
    seconds,
    otherMessages: results.flatMap((c) => c.otherMessages).slice(0, 5),
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fuzz: { type: "string", default: "2000" },
      kills: { type: "string", default: "60" },
      "kill-articles": { type: "string", default: "300" },
      writers: { type: "string", default: "2" },
      changes: { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      json: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      "child-writer": { type: "boolean", default: false },
      db: { type: "string" },
      name: { type: "string", default: "Writer" },
    },
  });
  const int = (v: string | undefined, name: string) => {
    if (!v || !/^\d+$/.test(v)) throw new Error(`--${name} must be a whole number, got "${v}"`);
    return Number(v);
  };
  if (values["child-writer"]) return writerChild(values.db!, int(values.changes, "changes"), int(values.seed, "seed"), values.name!);

  const seed = int(values.seed, "seed");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-hostile-"));
  const report: Record<string, unknown> = {};
  try {
    const fuzz = int(values.fuzz, "fuzz");
    if (fuzz > 0) {
      if (!values.json) console.log(`fuzz: ingesting ${fuzz} malformed inputs one by one ...`);
      report.fuzz = await runFuzz(dir, fuzz, seed);
      if (!values.json) console.log(report.fuzz);
    }
    const kills = int(values.kills, "kills");
    if (kills > 0) {
      if (!values.json) console.log(`kill: ${kills} SIGKILLs during ingest and analyze (alternating) ...`);
      report.kill = await runKills(dir, kills, seed, int(values["kill-articles"], "kill-articles"));
      if (!values.json) console.log(report.kill);
    }
    const writers = int(values.writers, "writers");
    if (writers > 0 && kills > 0) {
      if (!values.json) console.log(`writers: ${writers} processes × ${values.changes} changes while ingest and analysis run ...`);
      report.writers = await runWriters(dir, writers, int(values.changes, "changes"), seed);
      if (!values.json) console.log(report.writers);
    }
    if (values.json) console.log(JSON.stringify(report, null, 2));
  } finally {
    if (values.keep) console.log(`kept: ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`hostile: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
