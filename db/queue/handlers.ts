/**
 * The real analysis behind the worker's two handlers.
 *
 * PLACEHOLDER: the async Postgres analysis (grouping new articles, analysing one story)
 * is being written in db/analyze; until it is wired here, both handlers throw, so a
 * worker started now fails its jobs (and pg-boss keeps them for retry) instead of
 * pretending to analyse.
 */
import type { PgDb } from "../pg/client";
import type { WorkerHandlers } from "./worker";

/** The handlers `npm run worker` runs: not wired yet, each throws. */
export function defaultHandlers(db: PgDb): WorkerHandlers {
  void db;
  return {
    group: async () => {
      throw new Error("not wired yet: this is a bug");
    },
    analyse: async () => {
      throw new Error("not wired yet: this is a bug");
    },
  };
}
