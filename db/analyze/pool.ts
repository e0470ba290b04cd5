/**
 * One worker thread for the pure analysis (db/analyze/worker.ts). The main thread talks
 * to the worker through a MessageChannel it reads with receiveMessageOnPort, sleeping on
 * a shared counter (Atomics.wait) the worker bumps after each message: the main thread
 * has the analysis of the next story to do whenever it is not waiting, so blocking
 * costs nothing (the CLI runs nothing else meanwhile). The main thread analyses stories
 * too while the worker is busy, and saves every story in story-id order, so the
 * database ends up exactly as with no worker. Whatever goes wrong in the worker
 * (cannot load, throws, dies), the story is analysed in-process instead: the worker
 * only ever saves time.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Db } from "../client";
import { analyzeLoaded } from "./analyse";
import { loadStory } from "./load";
import type { AnalysedStory, ChromeKey, LoadedStory, SavedStory, WorkerData, WorkerJob, WorkerReply } from "./types";

/** Below this many stories a worker's start-up (loading the analysis code) costs more than it saves. */
export const MIN_STORIES_FOR_WORKERS = 8;
/** Stories queued on the worker at once, and results the main thread may hold ahead of saving. */
const WORKER_QUEUE = 3;
const MAX_AHEAD = 8;
/** Longest wait for one worker answer before giving up on the worker. */
const WORKER_TIMEOUT_MS = 120_000;

/** The worker's module, beside this one, and the project it belongs to (whose tsx compiles it). */
const WORKER_FILE = path.join(__dirname, "worker.ts");
const PROJECT_ROOT = path.resolve(__dirname, "..", "..");

/** Saves one loaded story (analysing it first when `done` is null). */
export type SaveFn = (story: LoadedStory, done: AnalysedStory | null) => Promise<SavedStory>;

export interface WorkerPool {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  seen: number;
  dead: boolean;
}

/** PARALLAX_WORKERS=0 turns the worker off (e.g. to measure the analysis on one thread); unset or invalid = automatic. */
export function workersFromEnv(): number | undefined {
  const v = process.env.PARALLAX_WORKERS;
  if (v === undefined || v === "" || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/**
 * tsx's require hook, which compiles the worker's TypeScript as it loads. Given to the
 * worker explicitly: a worker inherits its parent's flags, and under `tsx` those include
 * an --import loader that makes Node 20 load a worker's entry as an ES module, which
 * rejects the .ts extension; under vitest the parent has no tsx at all.
 */
function tsxRequireHook(): string | null {
  try {
    return createRequire(path.join(PROJECT_ROOT, "package.json")).resolve("tsx/cjs");
  } catch {
    return null;
  }
}

/** Starts the analysis worker, or returns null when this runtime cannot (the caller analyses in-process). */
export function startWorker(): WorkerPool | null {
  try {
    const hook = tsxRequireHook();
    // Bundled (e.g. into the Next server) neither is beside us: analyse in-process.
    if (!hook || !fs.existsSync(WORKER_FILE)) return null;
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const workerData: WorkerData = { port: port2, signal };
    const worker = new Worker(WORKER_FILE, {
      execArgv: ["--require", hook],
      // The analysis imports through the project's path aliases ("@/lib/..."), whatever the working directory.
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(PROJECT_ROOT, "tsconfig.json") },
      workerData,
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    return { worker, port: port1, signal, seen: 0, dead: false };
  } catch {
    return null;
  }
}

/** Stops the worker; later receives return null. */
export function stopWorker(pool: WorkerPool): void {
  pool.dead = true;
  pool.port.close();
  void pool.worker.terminate();
}

/** Hands one story to the worker. */
export function postJob(pool: WorkerPool, job: WorkerJob): void {
  pool.port.postMessage(job);
}

/** Next message from the worker; blocks up to WORKER_TIMEOUT_MS when `wait`. Null when none (or the worker is gone). */
export function receive(pool: WorkerPool, wait: boolean): WorkerReply | null {
  if (pool.dead) return null;
  for (;;) {
    const got = receiveMessageOnPort(pool.port);
    if (got) return got.message as WorkerReply;
    if (!wait || pool.dead) return null;
    if (Atomics.wait(pool.signal, 0, pool.seen, WORKER_TIMEOUT_MS) === "timed-out" && Atomics.load(pool.signal, 0) === pool.seen) return null;
    pool.seen = Atomics.load(pool.signal, 0);
  }
}

/**
 * Analyses and saves `targets` in order, sharing the analysis with the worker:
 * stories go to the worker from the front of the queue; the main thread saves
 * results in order and analyses the next unqueued story while it would wait.
 */
export async function analyzeWithWorker(
  db: Db,
  targets: number[],
  chromeOf: (a: ChromeKey) => Promise<ReadonlySet<string>>,
  pool: WorkerPool,
  save: SaveFn,
): Promise<SavedStory[]> {
  const reports: SavedStory[] = [];
  const loaded = new Map<number, LoadedStory>();
  const results = new Map<number, AnalysedStory | null>();
  const onWorker = new Set<number>();
  let next = 0; // next story (index into targets) to hand out
  let saved = 0; // next story to save
  const load = async (i: number) => {
    let s = loaded.get(i);
    if (!s) loaded.set(i, (s = await loadStory(db, targets[i], chromeOf)));
    return s;
  };
  const take = (reply: WorkerReply | null): boolean => {
    if (!reply) return false;
    if ("fatal" in reply) {
      giveUp();
      return true;
    }
    onWorker.delete(reply.job);
    // A story the worker could not analyse is analysed in-process (where any error surfaces as usual).
    results.set(reply.job, reply.result ? { result: reply.result, ms: reply.ms ?? 0 } : null);
    return true;
  };
  const giveUp = () => {
    stopWorker(pool);
    for (const i of onWorker) results.set(i, null);
    onWorker.clear();
  };
  try {
    while (saved < targets.length) {
      while (take(receive(pool, false)));
      while (!pool.dead && onWorker.size < WORKER_QUEUE && next < targets.length) {
        const s = await load(next);
        postJob(pool, { job: next, story: s });
        onWorker.add(next++);
      }
      if (results.has(saved)) {
        reports.push(await save(await load(saved), results.get(saved)!));
        results.delete(saved);
        loaded.delete(saved);
        saved++;
      } else if (!onWorker.has(saved)) {
        // Not handed out (or the worker gave it back): analyse and save it here.
        if (saved === next) next++;
        reports.push(await save(await load(saved), null));
        loaded.delete(saved);
        saved++;
      } else if (next < targets.length && results.size < MAX_AHEAD) {
        // The worker has the story due next: analyse a later one meanwhile.
        results.set(next, analyzeLoaded(await load(next)));
        next++;
      } else if (!take(receive(pool, true))) {
        giveUp();
      }
    }
  } finally {
    if (!pool.dead) stopWorker(pool);
  }
  return reports;
}
