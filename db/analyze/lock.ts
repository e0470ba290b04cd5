/**
 * One analysis at a time per database. Two runs at once would analyse the same
 * dirty stories twice and fight over the write lock; the second run waits for
 * the first instead. The lock is a file beside the database holding the owner's
 * pid, host and start time; its modification time is the owner's heartbeat
 * (touched after every saved story). Every look at the file happens inside a
 * BEGIN IMMEDIATE transaction on the database, so SQLite's own write lock
 * serialises the processes that take, break or release it: no two can both
 * find it free or both break a stale one. A lock whose owner is gone (killed,
 * crashed: its pid no longer runs on this host) or silent for LOCK_STALE_MS is
 * broken. An in-memory database has no other connection and needs no lock. On
 * PostgreSQL the lock is the server's own (an advisory lock, acquirePgRunLock).
 */
import fs from "node:fs";
import os from "node:os";
import type { Db } from "../client";
import { isBusy } from "./transaction";
import type { AnalysisHolder } from "./types";

/** A heartbeat older than this means the holder hung or lives on a host whose pids we cannot check. */
export const LOCK_STALE_MS = 15 * 60_000;
/** How often a waiting run looks at the lock again. */
const LOCK_POLL_MS = 250;

export interface RunLock {
  /** Marks the holder alive. */
  beat(): void;
  release(): void | Promise<void>;
}

const NO_LOCK: RunLock = { beat() {}, release() {} };

/** Key of the Postgres advisory lock one analysis run holds (a fixed number of Parallax's own). */
const PG_RUN_LOCK_KEY = "7061726172756e31"; // "pararun1"

/**
 * PostgreSQL: a session advisory lock on a connection held for the run. The server
 * releases it when that connection ends, so a killed run never leaves it behind and no
 * heartbeat is needed; a second run waits (telling `onWait` once) until it is free.
 */
async function acquirePgRunLock(db: Db, now: () => Date, onWait?: (holder: AnalysisHolder) => void): Promise<RunLock> {
  const pool = db.$client as unknown as { connect(): Promise<{ query(q: string, v?: unknown[]): Promise<{ rows: { ok: boolean }[] }>; release(): void }> };
  const client = await pool.connect();
  let told = false;
  try {
    for (;;) {
      const { rows } = await client.query("SELECT pg_try_advisory_lock(('x' || $1)::bit(64)::bigint) AS ok", [PG_RUN_LOCK_KEY]);
      if (rows[0]?.ok) break;
      if (!told) {
        onWait?.({ pid: 0, host: "another process on this database", since: now().toISOString() });
        told = true;
      }
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  } catch (e) {
    client.release();
    throw e;
  }
  return {
    beat() {},
    async release() {
      try {
        await client.query("SELECT pg_advisory_unlock(('x' || $1)::bit(64)::bigint)", [PG_RUN_LOCK_KEY]);
      } finally {
        client.release();
      }
    },
  };
}

/** Path of the lock file of a database, or null for an in-memory one. */
export function analysisLockPath(db: Db): string | null {
  if (db.engine !== "sqlite") return null;
  const name = db.$client.name;
  return !name || name === ":memory:" || db.$client.memory ? null : `${name}.analyze-lock`;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readHolder(file: string): { holder: AnalysisHolder | null; beatAt: number } | null {
  let text: string;
  let beatAt: number;
  try {
    text = fs.readFileSync(file, "utf8");
    beatAt = fs.statSync(file).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<AnalysisHolder>;
    if (Number.isInteger(h.pid) && typeof h.host === "string" && typeof h.since === "string") return { holder: h as AnalysisHolder, beatAt };
  } catch {
    // Not ours or damaged: judged by its heartbeat alone.
  }
  return { holder: null, beatAt };
}

/** True when the process `pid` runs on this host (a pid we may not signal still runs). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isStale(found: { holder: AnalysisHolder | null; beatAt: number }, nowMs: number): boolean {
  if (nowMs - found.beatAt > LOCK_STALE_MS) return true;
  const h = found.holder;
  return !!h && h.host === os.hostname() && !pidAlive(h.pid);
}

/**
 * Takes the analysis lock of the database, waiting (and telling `onWait` once) while
 * another live run holds it. The wall clock, not the run's clock, judges heartbeats:
 * they are file times.
 */
export async function acquireRunLock(db: Db, now: () => Date, onWait?: (holder: AnalysisHolder) => void): Promise<RunLock> {
  if (db.engine === "pg") return acquirePgRunLock(db, now, onWait);
  const file = analysisLockPath(db);
  if (!file) return NO_LOCK;
  const me: AnalysisHolder = { pid: process.pid, host: os.hostname(), since: now().toISOString() };
  let told = false;
  for (;;) {
    let holder: AnalysisHolder | null | undefined;
    try {
      holder = db.$client
        .transaction((): AnalysisHolder | null => {
          const found = readHolder(file);
          if (found && !isStale(found, Date.now())) return found.holder ?? { pid: 0, host: "?", since: new Date(found.beatAt).toISOString() };
          fs.writeFileSync(file, JSON.stringify(me));
          return null;
        })
        .immediate();
    } catch (e) {
      if (!isBusy(e)) throw e;
      holder = undefined; // another writer is busy: look again
    }
    if (holder === null) break;
    if (holder && !told) {
      onWait?.(holder);
      told = true;
    }
    sleep(LOCK_POLL_MS);
  }
  const mine = (): boolean => {
    const found = readHolder(file);
    return !!found?.holder && found.holder.pid === me.pid && found.holder.host === me.host && found.holder.since === me.since;
  };
  return {
    beat() {
      try {
        const t = new Date();
        fs.utimesSync(file, t, t);
      } catch {
        // The heartbeat only keeps others from breaking the lock; losing it costs nothing now.
      }
    },
    release() {
      for (let tries = 0; ; tries++) {
        try {
          db.$client
            .transaction(() => {
              if (mine()) fs.rmSync(file, { force: true });
            })
            .immediate();
          return;
        } catch (e) {
          // Still held after a few tries: the next run finds our pid gone and breaks the lock.
          if (!isBusy(e) || tries >= 3) return;
        }
      }
    },
  };
}
