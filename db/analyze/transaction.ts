/**
 * Write transactions of the analysis: they take SQLite's write lock when they begin and
 * start again while another connection holds it, up to a limit.
 */
import { AnalyzeError } from "./types";

/**
 * Write transactions take the write lock when they begin (BEGIN IMMEDIATE): a deferred one
 * that reads first and then writes fails at once with "database is locked" when another
 * connection wrote in between, whatever the busy timeout; an immediate one waits for it.
 */
export const IMMEDIATE = { behavior: "immediate" } as const;
/** Busy timeouts (db/client.ts: 5 s each) a write transaction sits through before the run gives up. */
const WRITE_ATTEMPTS = 6;

/**
 * Runs a write transaction, starting it again while another connection (an ingest, an
 * editor's triage) holds the write lock past the busy timeout; past WRITE_ATTEMPTS the
 * run stops with one clear line. A failed attempt wrote nothing (it rolled back).
 */
export function writeTransaction(run: () => void): void {
  for (let attempt = 1; ; attempt++) {
    try {
      run();
      return;
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (attempt >= WRITE_ATTEMPTS) throw new AnalyzeError(`the database stayed locked by another writer through ${attempt} attempts; nothing of this story was saved, run the analysis again`);
    }
  }
}

/** True when `e` is SQLite saying another connection holds the lock past the busy timeout. */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}
