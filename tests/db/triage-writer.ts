/**
 * A child process of tests/db/triage-concurrent.test.ts (not a test itself).
 *
 *   tsx tests/db/triage-writer.ts writer DB IDS N EDITOR  — makes N status changes, cycling over the flag ids IDS (comma-separated)
 *   tsx tests/db/triage-writer.ts holder DB STOPFILE      — holds short write transactions until STOPFILE exists
 *
 * Prints one JSON line: what it did and every error message it met.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { openDb } from "../../db/client";
import { flags, meta } from "../../db/schema";
import { setFlagStatus } from "../../db/triage";
import { FLAG_STATUSES, type FlagStatus } from "../../lib/types";

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const [mode, file, ...rest] = process.argv.slice(2);
const db = openDb(file);

async function main(): Promise<void> {
  if (mode === "writer") {
    const [idList, count, editor] = rest;
    const ids = idList.split(",").map(Number);
    const n = Number(count);
    const errors: string[] = [];
    let ok = 0;
    const started = Date.now();
    for (let i = 0; i < n; i++) {
      const id = ids[i % ids.length];
      const f = db.select({ status: flags.status, version: flags.version }).from(flags).where(eq(flags.id, id)).get()!;
      const next = FLAG_STATUSES[(FLAG_STATUSES.indexOf(f.status as FlagStatus) + 1) % FLAG_STATUSES.length];
      try {
        await setFlagStatus(db, { flagIds: id, expectedVersions: f.version, status: next, editor, now: new Date() });
        ok++;
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    console.log(JSON.stringify({ ok, errors, ms: Date.now() - started }));
  } else if (mode === "holder") {
    const [stopFile] = rest;
    let held = 0;
    const errors: string[] = [];
    // Short write transactions (about 3 ms each) for as long as the writers run.
    const hold = db.$client.transaction(() => {
      db.insert(meta).values({ key: "holder", value: String(held) }).onConflictDoUpdate({ target: meta.key, set: { value: String(held) } }).run();
      sleep(3);
    });
    while (!fs.existsSync(stopFile)) {
      try {
        hold.immediate();
        held++;
      } catch (e) {
        errors.push((e as Error).message);
      }
      sleep(1);
    }
    console.log(JSON.stringify({ held, errors }));
  } else {
    throw new Error(`triage-writer: unknown mode "${mode}" (expected writer or holder)`);
  }
}

void main().finally(() => db.$client.close());

