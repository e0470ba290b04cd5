/**
 * The analysis worker thread (started by db/analyze/pool.ts): analyses the stories the
 * main thread hands it and answers with what the save reads, bumping the shared counter
 * after each answer so the sleeping main thread wakes. It never touches the database.
 */
import { workerData } from "node:worker_threads";
import type * as Analyse from "./analyse";
import type { WorkerData, WorkerJob, WorkerReply } from "./types";

const { port, signal } = workerData as WorkerData;

function post(message: WorkerReply): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function messageOf(e: unknown): string {
  return String((e as Error | undefined)?.message ?? e);
}

function main(): void {
  let analyse: typeof Analyse;
  try {
    // Required here, not imported at the top: a failure to load the analysis then reaches the
    // main thread as a fatal answer (it analyses in-process) instead of a silent exit it would wait out.
    analyse = require("./analyse") as typeof Analyse;
    if (typeof analyse.analyzeLoaded !== "function") throw new Error("analyzeLoaded not found in db/analyze/analyse");
  } catch (e) {
    post({ fatal: messageOf(e) });
    return;
  }
  port.on("message", ({ job, story }: WorkerJob) => {
    try {
      const { result, ms } = analyse.analyzeLoaded(story);
      post({ job, result: analyse.slimAnalysis(result), ms });
    } catch (e) {
      post({ job, error: messageOf(e) });
    }
  });
}

main();
