/**
 * Server time of the /flags page at scale: loads N synthetic flags (default
 * 100,000) into a temporary database and times the db/queries.ts calls the
 * page makes (listFlags + flagFacets) for several views, reporting median and
 * p95 over repeated runs.
 *
 *   npx tsx scripts/bench-flags.ts [--flags N] [--runs R]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../db/client";
import { flagFacets, getFlag, listFlags } from "../db/queries";
import type { FlagQuery } from "../lib/types";
import { seedFlags } from "./seed-flags";

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive whole number, got ${process.argv[i + 1]}`);
  return v;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

async function main(): Promise<void> {
  const n = arg("--flags", 100_000);
  const runs = arg("--runs", 21);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-bench-"));
  try {
    const db = openDb(path.join(dir, "bench.db"));
    let t = performance.now();
    const seeded = seedFlags(db, { flags: n, seed: 42, triaged: 0.3 });
    db.$client.pragma("optimize");
    console.log(`loaded ${seeded.flags} flags, ${seeded.stories} stories, ${seeded.articles} articles in ${Math.round(performance.now() - t)} ms`);

    const views: { name: string; query: FlagQuery; page: number }[] = [
      { name: "default view (all flags, severity order), page 1", query: {}, page: 0 },
      { name: "open + high/medium, kind filter, sorted by confidence asc, page 3", query: { status: ["open"], severity: ["high", "medium"], kind: ["quote_paraphrased", "claim_added"], sort: [{ id: "confidence", desc: false }] }, page: 2 },
      { name: "two outlets, sorted by last change, page 10", query: { outlet: ["Harbor Ledger", "Civic Wire"], sort: [{ id: "updatedAt", desc: true }] }, page: 9 },
      { name: "full-text search 'bridge', sorted by severity", query: { q: "bridge", sort: [{ id: "severity", desc: true }] }, page: 0 },
      { name: "story filter", query: { story: [7, 8, 9] }, page: 0 },
    ];
    console.log(`\n/flags server time (listFlags 50 rows + flagFacets), ${runs} runs each:`);
    for (const v of views) {
      const times: number[] = [];
      let total = 0;
      for (let r = 0; r < runs; r++) {
        t = performance.now();
        const page = await listFlags(db, v.query, { index: v.page, size: 50 });
        await flagFacets(db, v.query);
        times.push(performance.now() - t);
        total = page.total;
      }
      times.sort((a, b) => a - b);
      console.log(`  ${v.name}: ${total} matches, median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`);
    }
    const detail: number[] = [];
    for (let r = 0; r < runs; r++) {
      t = performance.now();
      await getFlag(db, 1 + ((r * 7919) % n), { status: ["open"] });
      detail.push(performance.now() - t);
    }
    detail.sort((a, b) => a - b);
    console.log(`  /flags/[id] getFlag with prev/next under status=open: median ${quantile(detail, 0.5).toFixed(1)} ms, p95 ${quantile(detail, 0.95).toFixed(1)} ms`);
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
