/** Parallax's Postgres job queue for analysis (pg-boss): see each file. */
export { ANALYSE_JOB, GROUP_JOB, QUEUE_SCHEMA, readQueueConfig, type QueueConfig } from "./config";
export { enqueueGroupingIn, enqueueStoryAnalysesIn, QueueNotInstalledError, type PgTx } from "./enqueue";
export { defaultHandlers } from "./handlers";
export { installQueue, openQueue, type OpenQueue, type OpenQueueOptions } from "./open";
export { runWorker, type RunWorkerOptions, type WorkerHandlers } from "./worker";
