/**
 * The store part of the benchmark (scripts/bench.ts --store postgres --workers 1,2,4,
 * --corpus real): ingest and analysis on SQLite (in-process, as `npm run analyze`) and on
 * PostgreSQL with N `npm run worker` processes, each on a fresh database.
 *
 * PostgreSQL: ingest (which enqueues the grouping job) runs in this process; then N workers
 * are spawned (`node --import tsx scripts/worker.ts --db URL`) and the clock runs until no
 * story is dirty, every article has a story and no grouping or analysis job is created,
 * retrying or active. The workers' log lines give the per-job times; /proc gives the
 * workers' peak memory and CPU and the server's CPU (the postmaster and its children).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb, openDb, openStore } from "../db/client";
import { ingestInputs } from "../db/ingest";
import { analyzePending } from "../db/analyze";
import { writeCorpus } from "./corpus-files";
import { ensurePostgres, startCluster } from "./pg-cluster";
import type { SyntheticArticle } from "../lib/bench/corpus";
import type { StoreOptions } from "../lib/bench/options";
import { replicateRecords, type RealRecord } from "../lib/bench/replicate";

const ROOT = path.resolve(__dirname, "..");
const DATASETS = path.resolve(ROOT, "..", "shared", "datasets");
/** The datasets whose articles make the real corpus (same JSONL layout: outlet, title, body, published, event). */
const REAL_SETS = ["allsides-dev/articles.jsonl", "basil-dev/articles.jsonl"];
/** How often the bench looks whether the workers are done. */
const WATCH_MS = 250;
/** A run that makes no progress for this long is reported stuck. */
const STALL_S = Number(process.env.PARALLAX_BENCH_STALL_SECONDS ?? 300);
const CLK_TCK = 100;

/** The real corpus, or a message saying why it cannot be had. */
export function loadRealCorpus(count: number): { articles: SyntheticArticle[]; stories: number; sources: string } | { problem: string } {
  const records: RealRecord[] = [];
  const used: string[] = [];
  for (const rel of REAL_SETS) {
    const file = path.join(DATASETS, rel);
    if (!fs.existsSync(file)) continue;
    used.push(rel);
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as Partial<RealRecord>;
      if (typeof r.title !== "string" || typeof r.body !== "string" || typeof r.outlet !== "string" || typeof r.published !== "string") continue;
      // Events are only unique within a dataset.
      records.push({ outlet: r.outlet, title: r.title, body: r.body, published: r.published, event: `${rel}:${String(r.event)}` });
    }
  }
  if (records.length === 0) return { problem: `--corpus real: none of ${REAL_SETS.join(", ")} found under ${DATASETS} (../shared is absent); skipped` };
  const articles = replicateRecords(records, count);
  return { articles, stories: new Set(articles.map((a) => a.story)).size, sources: `${used.join(" + ")} (${records.length} records, ${Math.ceil(count / records.length)} replica(s))` };
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

/** utime + stime (+ children's when `children`) of a process in seconds, or 0 when it is gone. */
function procCpu(pid: number, children = false): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields after the command: state is f[0]; utime f[11], stime f[12], cutime f[13], cstime f[14].
    return (Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0)) / CLK_TCK;
  } catch {
    return 0;
  }
}

function peakRss(pid: number): number | null {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds of a PostgreSQL server so far: the postmaster with its reaped children, plus its live children. */
function serverCpu(postmaster: number | null): number | null {
  if (postmaster === null) return null;
  let total = procCpu(postmaster, true);
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === postmaster) total += procCpu(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

export interface SqliteFigures {
  articles: number;
  ingestSeconds: number;
  analysisSeconds: number;
  analysisCpuSeconds: number;
  stories: number;
  bytes: number;
}

/** Ingest and `npm run analyze` (analyzePending) in this process on a fresh SQLite file. */
export async function runSqliteStore(dir: string, corpus: SyntheticArticle[], now: () => Date): Promise<SqliteFigures> {
  const folder = writeCorpus(path.join(dir, "sqlite-corpus"), corpus);
  const file = path.join(dir, "store.db");
  const db = openDb(file);
  let t = performance.now();
  const run = await ingestInputs(db, [folder], { now });
  const ingestSeconds = seconds(t);
  if (run.failed > 0) throw new Error(`bench: ${run.failed} articles failed to ingest into SQLite`);
  t = performance.now();
  const u0 = process.cpuUsage();
  const summary = await analyzePending(db, { now });
  const analysisSeconds = seconds(t);
  const u = process.cpuUsage(u0);
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  const stories = (db.$client.prepare("select count(*) as n from stories").get() as { n: number }).n;
  db.$client.close();
  void summary;
  return { articles: corpus.length, ingestSeconds, analysisSeconds, analysisCpuSeconds: (u.user + u.system) / 1e6, stories, bytes: fs.statSync(file).size };
}

export interface PgFigures {
  workers: number;
  articles: number;
  ingestSeconds: number;
  analysisSeconds: number;
  stories: number;
  analyseJobs: number;
  /** Sum of the workers' logged per-job times (grouping, per-story analysis), ms. */
  groupingMs: number;
  analyseMs: number;
  busyRequeues: number;
  failedJobs: number;
  workerCpuSeconds: number;
  workerPeakRssMb: (number | null)[];
  serverCpuSeconds: number | null;
  bytes: number;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One PostgreSQL run: fresh database, ingest, N workers until everything is analysed. */
export async function runPgStore(baseUrl: string, folder: string, corpus: SyntheticArticle[], workers: number, now: () => Date, log: (s: string) => void): Promise<PgFigures> {
  const name = `parallax_bench_${workers}w_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const dataDir = (await admin.query<{ setting: string }>("select setting from pg_settings where name = 'data_directory'")).rows[0].setting;
  let postmaster: number | null = null;
  try {
    postmaster = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]) || null;
  } catch {
    postmaster = null; // a server on another machine or user: no server CPU figure
  }
  const url = withDatabase(baseUrl, name);
  const children: ChildProcess[] = [];
  const watch = new pg.Client({ connectionString: url });
  try {
    const db = await openStore(url);
    let t = performance.now();
    const run = await ingestInputs(db, [folder], { now });
    const ingestSeconds = seconds(t);
    await closeDb(db);
    if (run.failed > 0) throw new Error(`bench: ${run.failed} articles failed to ingest into PostgreSQL`);
    await watch.connect();

    const totals = { groupingMs: 0, analyseMs: 0, analyseJobs: 0, busy: 0, failed: 0 };
    const env = { ...process.env, PARALLAX_JOB_POLL_SECONDS: process.env.PARALLAX_JOB_POLL_SECONDS ?? "0.5" };
    let stopping = false;
    const cpu0 = serverCpu(postmaster);
    t = performance.now();
    for (let i = 0; i < workers; i++) {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "worker.ts"), "--db", url], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
      children.push(child);
      let rest = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        const lines = (rest + chunk.toString("utf8")).split("\n");
        rest = lines.pop()!;
        for (const line of lines) {
          let m = /^analysed story \d+ .*, (\d+) ms$/.exec(line);
          if (m) {
            totals.analyseMs += Number(m[1]);
            totals.analyseJobs++;
            continue;
          }
          m = /^grouped .*, (\d+) ms$/.exec(line);
          if (m) totals.groupingMs += Number(m[1]);
          else if (/being analysed in another worker|grouping is running in another worker/.test(line)) totals.busy++;
          else if (/ failed \(attempt/.test(line)) {
            totals.failed++;
            log(`  worker ${i + 1}: ${line.slice(0, 200)}`);
          }
        }
      });
      let err = "";
      child.stderr!.on("data", (c: Buffer) => (err = (err + c.toString("utf8")).slice(-2000)));
      child.on("exit", (code) => {
        if (process.env.PARALLAX_BENCH_TRACE) log(`  worker ${i + 1} exited (${code ?? "signal"}): ${err.trim().slice(-300)}`);
        if (code !== 0 && code !== null && !stopping) log(`  worker ${i + 1} exited with ${code}: ${err.trim().split("\n").slice(-3).join(" ")}`);
      });
    }
    let last = "";
    let lastChange = performance.now();
    let cpuAtEnd: number[] = [];
    let rssAtEnd: (number | null)[] = [];
    for (;;) {
      await new Promise((r) => setTimeout(r, WATCH_MS));
      const { rows } = await watch.query<{ dirty: string | number; loose: string | number; jobs: string | number }>(
        `select (select count(*) from stories where dirty) as dirty,
                (select count(*) from articles where current and story_id is null) as loose,
                (select count(*) from pgboss.job where state in ('created', 'retry', 'active')) as jobs`,
      );
      const r = rows[0];
      const state = `${r.dirty}/${r.loose}/${r.jobs}`;
      if (Number(r.dirty) === 0 && Number(r.loose) === 0 && Number(r.jobs) === 0) {
        cpuAtEnd = children.map((c) => procCpu(c.pid!));
        rssAtEnd = children.map((c) => peakRss(c.pid!));
        break;
      }
      if (children.every((c) => c.exitCode !== null)) throw new Error("bench: every worker exited before the analysis was done");
      if (state !== last) {
        if (process.env.PARALLAX_BENCH_TRACE) log(`  ${seconds(t).toFixed(1)} s: dirty stories / unassigned articles / open jobs ${state}`);
        last = state;
        lastChange = performance.now();
      } else if (seconds(lastChange) > STALL_S) throw new Error(`bench: no progress for ${STALL_S} s (dirty stories / unassigned articles / open jobs: ${state})`);
    }
    const analysisSeconds = seconds(t);
    const cpu1 = serverCpu(postmaster);
    stopping = true;
    const stories = Number((await watch.query<{ n: string }>("select count(*) as n from stories")).rows[0].n);
    const bytes = Number((await watch.query<{ n: string }>("select pg_database_size(current_database()) as n")).rows[0].n);
    return {
      workers,
      articles: corpus.length,
      ingestSeconds,
      analysisSeconds,
      stories,
      analyseJobs: totals.analyseJobs,
      groupingMs: totals.groupingMs,
      analyseMs: totals.analyseMs,
      busyRequeues: totals.busy,
      failedJobs: totals.failed,
      workerCpuSeconds: cpuAtEnd.reduce((a, b) => a + b, 0),
      workerPeakRssMb: rssAtEnd,
      serverCpuSeconds: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0,
      bytes,
    };
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const timer = setTimeout(() => c.kill("SIGKILL"), 20_000);
            c.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            c.kill("SIGTERM");
          }),
      ),
    );
    await watch.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

function fmt(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? "n/a" : n.toFixed(digits);
}

/** Runs the store benchmark and prints its table (or JSON). */
export async function runStoreBench(opts: StoreOptions & { articles: number; json: boolean; keep: boolean }, syntheticCorpus: () => { articles: SyntheticArticle[]; stories: number }, now: () => Date): Promise<void> {
  const log = (msg: string) => {
    if (!opts.json) process.stderr.write(msg + "\n");
  };
  let corpus: { articles: SyntheticArticle[]; stories: number };
  let corpusName = "synthetic (lib/bench generator)";
  if (opts.corpus === "real") {
    const real = loadRealCorpus(opts.articles);
    if ("problem" in real) {
      console.log(real.problem);
      return;
    }
    corpus = real;
    corpusName = `real: ${real.sources}`;
  } else corpus = syntheticCorpus();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-bench-store-"));
  let cluster: { url: string; stop(): void } | null = null;
  try {
    log(`${corpus.articles.length} articles in ${corpus.stories} true stories (${corpusName}); SQLite in-process ...`);
    const sqlite = await runSqliteStore(dir, corpus.articles, now);
    const pgRuns: PgFigures[] = [];
    if (opts.store === "postgres") {
      let url = opts.db ?? (/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL! : null);
      if (!url) {
        const found = ensurePostgres(log);
        if ("problem" in found) throw new Error(`bench: ${found.problem}`);
        cluster = await startCluster(found.bin);
        url = cluster.url;
        // Interrupted, the bench still removes its cluster (and its workers die with their database).
        const started = cluster;
        for (const signal of ["SIGINT", "SIGTERM"] as const)
          process.once(signal, () => {
            started.stop();
            process.exit(signal === "SIGINT" ? 130 : 143);
          });
      }
      const folder = writeCorpus(path.join(dir, "pg-corpus"), corpus.articles);
      for (const n of opts.workers) {
        log(`PostgreSQL, ${n} worker(s): ingest, then analysis ...`);
        const r = await runPgStore(url, folder, corpus.articles, n, now, log);
        log(`  ingest ${fmt(r.ingestSeconds)} s, analysis ${fmt(r.analysisSeconds)} s`);
        pgRuns.push(r);
      }
    }
    const report = { machine: { cores: os.cpus().length, loadAverage: os.loadavg() }, corpus: corpusName, articles: corpus.articles.length, trueStories: corpus.stories, sqlite, postgres: pgRuns };
    if (opts.json) {
      process.stdout.write(JSON.stringify(report, null, 2) + "\n");
      return;
    }
    printStoreTable(report);
  } finally {
    cluster?.stop();
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printStoreTable(r: { machine: { cores: number; loadAverage: number[] }; corpus: string; articles: number; trueStories: number; sqlite: SqliteFigures; postgres: PgFigures[] }): void {
  console.log(`Parallax store benchmark: ${r.articles} articles, ${r.trueStories} true stories, ${r.corpus}; ${r.machine.cores} cores, load ${r.machine.loadAverage.map((x) => x.toFixed(2)).join(" ")}\n`);
  const head = ["store", "ingest s", "analysis s", "articles/s", "stories/s", "stories", "MB/1k art."];
  const rows: string[][] = [];
  const s = r.sqlite;
  rows.push(["SQLite (in-process)", fmt(s.ingestSeconds), fmt(s.analysisSeconds), fmt(s.articles / s.analysisSeconds, 0), fmt(s.stories / s.analysisSeconds, 0), String(s.stories), fmt(s.bytes / 1024 ** 2 / (s.articles / 1000), 2)]);
  for (const p of r.postgres)
    rows.push([`PostgreSQL, ${p.workers} worker${p.workers === 1 ? "" : "s"}`, fmt(p.ingestSeconds), fmt(p.analysisSeconds), fmt(p.articles / p.analysisSeconds, 0), fmt(p.stories / p.analysisSeconds, 0), String(p.stories), fmt(p.bytes / 1024 ** 2 / (p.articles / 1000), 2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(head));
  for (const row of rows) console.log(line(row));
  console.log(`\n(analysis = grouping + every story's analysis; SQLite analysis CPU ${fmt(s.analysisCpuSeconds)} s in this process${s.analysisCpuSeconds > s.analysisSeconds * 1.05 ? " (with its analysis thread)" : ""})`);
  if (r.postgres.length) console.log("\nWhere the PostgreSQL time goes (job times from the workers' log lines; CPU from /proc):");
  for (const p of r.postgres) {
    const wallWorkerS = p.analysisSeconds * p.workers;
    const jobS = (p.groupingMs + p.analyseMs) / 1000;
    console.log(
      `  ${p.workers} worker(s): grouping ${fmt(p.groupingMs / 1000)} s; ${p.analyseJobs} story jobs ${fmt(p.analyseMs / 1000)} s (${fmt(p.analyseMs / Math.max(1, p.analyseJobs), 0)} ms each); ` +
        `jobs fill ${fmt((100 * jobS) / wallWorkerS, 0)}% of ${p.workers} x wall; worker CPU ${fmt(p.workerCpuSeconds)} s, server CPU ${fmt(p.serverCpuSeconds)} s ` +
        `(${p.serverCpuSeconds === null ? "n/a" : fmt((100 * p.serverCpuSeconds) / (p.serverCpuSeconds + p.workerCpuSeconds), 0)}% of the two); ` +
        `peak worker RSS ${p.workerPeakRssMb.map((m) => fmt(m, 0)).join("/")} MB; busy re-queues ${p.busyRequeues}, failed attempts ${p.failedJobs}`,
    );
  }
}
