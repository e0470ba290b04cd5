/**
 * Write transactions of the analysis (db/store.ts inTransaction: SQLite's write lock is
 * taken when they begin) start again while another connection holds the lock, up to a limit.
 */
import { AnalyzeError } from "./types";

/** Busy timeouts (db/client.ts: 5 s each) a write transaction sits through before the run gives up. */
const WRITE_ATTEMPTS = 6;

/**
 * Runs a write transaction, starting it again while another connection (an ingest, an
 * editor's triage) holds the write lock past the busy timeout; past WRITE_ATTEMPTS the
 * run stops with one clear line. A failed attempt wrote nothing (it rolled back).
 */
export async function writeTransaction(run: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run();
      return;
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (attempt >= WRITE_ATTEMPTS) throw new AnalyzeError(`the database stayed locked by another writer through ${attempt} attempts; nothing of this story was saved, run the analysis again`);
    }
  }
}

/** Postgres' codes for a transaction that lost to another one and may simply run again (serialization failure, deadlock). */
const PG_RETRY_CODES = new Set(["40001", "40P01"]);

/** True when `e` is SQLite saying another connection holds the lock past the busy timeout, or Postgres asking for a retry. */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown; cause?: { code?: unknown } })?.code ?? (e as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || PG_RETRY_CODES.has(code));
}
