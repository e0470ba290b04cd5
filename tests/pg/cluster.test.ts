import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { ensurePostgres, findPgBin, startCluster } from "@/scripts/pg-cluster";

/** Programs a cluster can be started with here (found, recent enough, a postgres user when root); never installs. */
const usableBin = findPgBin() ? ((r) => ("bin" in r ? r.bin : null))(ensurePostgres(() => {})) : null;
const clusterFolders = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("parallax-pg-")));
const saved = process.env.PARALLAX_PG_BIN;
let empty: string | null = null;
afterEach(() => {
  if (saved === undefined) delete process.env.PARALLAX_PG_BIN;
  else process.env.PARALLAX_PG_BIN = saved;
  if (empty) fs.rmSync(empty, { recursive: true, force: true });
  empty = null;
});

describe("throw-away PostgreSQL cluster (scripts/pg-cluster.ts)", () => {
  it("says why PostgreSQL cannot be had when PARALLAX_PG_BIN has no server programs", () => {
    empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-pg-"));
    process.env.PARALLAX_PG_BIN = empty;
    const found = ensurePostgres(() => {});
    expect(found).toEqual({ problem: expect.stringContaining(`PARALLAX_PG_BIN=${empty}`) });
  });

  it("removes its folder when the server cannot be created", async () => {
    empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-pg-"));
    const before = clusterFolders();
    await expect(startCluster(empty)).rejects.toThrow(/initdb failed/);
    expect([...clusterFolders()].filter((n) => !before.has(n))).toEqual([]);
  });

  it.skipIf(!usableBin)("starts a server on 127.0.0.1 that accepts connections, and stop removes everything", async () => {
    const before = clusterFolders();
    const cluster = await startCluster(usableBin!);
    try {
      expect(cluster.url).toMatch(/^postgres:\/\/parallax@127\.0\.0\.1:\d+\/postgres$/);
      const c = new pg.Client({ connectionString: cluster.url });
      await c.connect();
      const { rows } = await c.query("SHOW server_version_num");
      await c.end();
      expect(Number(rows[0].server_version_num)).toBeGreaterThanOrEqual(130000);
    } finally {
      cluster.stop();
    }
    expect([...clusterFolders()].filter((n) => !before.has(n))).toEqual([]);
    const c = new pg.Client({ connectionString: cluster.url, connectionTimeoutMillis: 2000 });
    await expect(c.connect()).rejects.toThrow();
  });
});
