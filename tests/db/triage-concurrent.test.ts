/**
 * Two processes triaging the same database file at once (while a third holds
 * short write transactions): every change waits its turn instead of failing
 * with "database is locked", and none is lost.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../../db/client";
import { seedFlags } from "../../scripts/seed-flags";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const SCRIPT = path.join(__dirname, "triage-writer.ts");
const CHANGES = 300;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-triage-concurrent-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; out: Record<string, unknown>; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [SCRIPT, ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      let out: Record<string, unknown> = {};
      try {
        out = JSON.parse(stdout.trim().split("\n").pop() ?? "{}");
      } catch {
        out = { unparsed: stdout };
      }
      resolve({ code, out, stderr });
    });
  });
}

describe("concurrent triage writers", () => {
  it(`two processes making ${CHANGES} status changes each, with a third holding write transactions: all succeed, none lost`, async () => {
    const file = path.join(dir, "t.db");
    const setup = openDb(file);
    seedFlags(setup, { flags: 20, seed: 11, flagsPerStory: 10 });
    setup.$client.close();
    const stop = path.join(dir, "stop");

    const holder = run(["holder", file, stop]);
    // Each writer owns ten flags, so every change is made from the version it read: a refusal could only be a lock.
    const ids = (from: number) => Array.from({ length: 10 }, (_, i) => from + 2 * i).join(",");
    const [a, b] = await Promise.all([run(["writer", file, ids(1), String(CHANGES), "Ada"]), run(["writer", file, ids(2), String(CHANGES), "Ben"])]);
    fs.writeFileSync(stop, "");
    const h = await holder;

    for (const w of [a, b]) {
      expect(w.stderr).toBe("");
      expect(w.code).toBe(0);
      expect(w.out.errors).toEqual([]);
      expect(w.out.ok).toBe(CHANGES);
    }
    expect(h.code).toBe(0);
    expect(h.out.errors).toEqual([]);
    expect(h.out.held as number).toBeGreaterThan(0);

    const db = openDb(file);
    const { bumps, events } = db.$client
      .prepare("select (select sum(version - 1) from flags) as bumps, (select count(*) from flag_events where actor_kind = 'editor') as events")
      .get() as { bumps: number; events: number };
    db.$client.close();
    expect(bumps).toBe(2 * CHANGES);
    expect(events).toBe(2 * CHANGES);
    console.log(`concurrent triage: ${a.out.ok}+${b.out.ok} changes in ${a.out.ms} / ${b.out.ms} ms, holder held ${h.out.held} transactions, versions bumped ${bumps}, events ${events}`);
  }, 120_000);
});
