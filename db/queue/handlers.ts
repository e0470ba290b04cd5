/**
 * The real analysis behind the worker's two handlers: grouping runs assignPending (one
 * grouping at a time across every process: db/analyze/assign.ts serialises it) and
 * returns the stories left dirty; an analysis job loads, analyses and saves one story in
 * one transaction (db/analyze analyzeStoredStory), so running it twice (a retry after a
 * worker died mid-save) leaves exactly what one run leaves.
 */
import { analyzeStoredStory, assignPending, listDirtyStories } from "../analyze";
import type { Db } from "../client";
import type { WorkerHandlers } from "./worker";

/** The handlers `npm run worker` runs on the store `db` (a Postgres store). */
export function defaultHandlers(db: Db, now: () => Date = () => new Date()): WorkerHandlers {
  return {
    group: async () => {
      await assignPending(db, now);
      return listDirtyStories(db);
    },
    analyse: async (storyId) => {
      await analyzeStoredStory(db, storyId, now);
    },
  };
}
