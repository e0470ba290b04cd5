/**
 * A throw-away PostgreSQL cluster for the tests (scripts/test.ts) and, later, benchmarks:
 * finds the server's programs (installing Debian's postgresql package when running as
 * root with apt-get), runs initdb into a temporary folder, starts the server on a free
 * 127.0.0.1 port with its unix socket in that folder, and on stop shuts it down and
 * removes the folder. The server refuses to run as root, so as root everything runs as
 * the `postgres` system user the Debian package creates.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { aptInstall, canAptInstall, freePort, isRoot } from "./system";

/** Where Debian puts each major version's programs (they are not on PATH). */
const DEBIAN_PG_ROOT = "/usr/lib/postgresql";
/** Oldest major version Parallax's Postgres schema is written for (generated columns, identity). */
const MIN_MAJOR = 13;
/** The database user the cluster is created with (trust authentication: local, throw-away). */
const CLUSTER_USER = "parallax";
/** Longest wait for the server to accept connections. */
const START_TIMEOUT_S = 60;

export interface PgCluster {
  /** postgres:// URL of the cluster's `postgres` database as CLUSTER_USER. */
  url: string;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): void;
}

function quiet(cmd: string, args: string[], opts: SpawnSyncOptions = {}): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
  if (r.error) return { code: 127, out: String(r.error.message) };
  return { code: r.status ?? 1, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

function hasPrograms(dir: string): boolean {
  return ["initdb", "pg_ctl", "postgres"].every((p) => fs.existsSync(path.join(dir, p)));
}

/** Major version of the server in `bin`, or 0 when it cannot be told. */
function majorOf(bin: string): number {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(quiet(path.join(bin, "postgres"), ["--version"]).out);
  return m ? Number(m[1]) : 0;
}

/**
 * The folder of the PostgreSQL server programs: PARALLAX_PG_BIN, else the newest under
 * /usr/lib/postgresql, else the folder of `initdb` on PATH. Null when there is none.
 */
export function findPgBin(): string | null {
  const fromEnv = process.env.PARALLAX_PG_BIN;
  if (fromEnv) return hasPrograms(fromEnv) ? fromEnv : null;
  if (fs.existsSync(DEBIAN_PG_ROOT)) {
    const versions = fs
      .readdirSync(DEBIAN_PG_ROOT)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const bin = path.join(DEBIAN_PG_ROOT, v, "bin");
      if (hasPrograms(bin)) return bin;
    }
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && hasPrograms(dir)) return fs.realpathSync(path.join(dir, "initdb")).replace(/\/initdb$/, "");
  }
  return null;
}

/**
 * The server programs, installing Debian's postgresql package when they are missing and
 * this process is root with apt-get. Returns the folder, or why PostgreSQL cannot be had.
 */
export function ensurePostgres(log: (line: string) => void = console.log): { bin: string } | { problem: string } {
  let bin = findPgBin();
  if (!bin) {
    if (process.env.PARALLAX_PG_BIN) return { problem: `PARALLAX_PG_BIN=${process.env.PARALLAX_PG_BIN} has no initdb, pg_ctl and postgres` };
    if (!canAptInstall()) {
      return { problem: "PostgreSQL is not installed (no initdb under /usr/lib/postgresql or on PATH) and this is not root with apt-get to install it; install it (apt-get install postgresql) or set PARALLAX_PG_BIN" };
    }
    log("PostgreSQL not found: installing Debian's postgresql package (apt-get) ...");
    const failed = aptInstall(["postgresql"], ["--no-install-recommends"]);
    if (failed) return { problem: `${failed} failed; install PostgreSQL by hand (apt-get install postgresql) or set PARALLAX_PG_BIN` };
    bin = findPgBin();
    if (!bin) return { problem: "apt-get installed postgresql but its programs are not under /usr/lib/postgresql: this is a bug in scripts/pg-cluster.ts" };
  }
  const major = majorOf(bin);
  if (major < MIN_MAJOR) return { problem: `PostgreSQL in ${bin} is version ${major || "unknown"}; Parallax needs ${MIN_MAJOR} or newer` };
  if (isRoot() && quiet("id", ["-u", "postgres"]).code !== 0) return { problem: "running as root but there is no `postgres` system user to run the server as (the server refuses root)" };
  return { bin };
}


/**
 * Creates and starts a throw-away cluster with the programs in `bin`. Throws with the
 * server's log when it does not start (after removing what it made).
 */
export async function startCluster(bin: string): Promise<PgCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-pg-"));
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  // As root, the server and its files belong to the postgres user.
  const asServer = (cmd: string, args: string[]) => (isRoot() ? quiet("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]) : quiet(path.join(bin, cmd), args));
  if (isRoot()) fs.chownSync(dir, Number(quiet("id", ["-u", "postgres"]).out.trim()), Number(quiet("id", ["-g", "postgres"]).out.trim()));
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      asServer("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const init = asServer("initdb", ["-D", data, "-U", CLUSTER_USER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    if (init.code !== 0) throw new Error(`initdb failed:\n${init.out}`);
    const port = await freePort();
    // Durability is worthless for a throw-away cluster: skip the flushes that would slow the tests.
    const options = [`-c listen_addresses=127.0.0.1`, `-p ${port}`, `-k ${dir}`, "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"].join(" ");
    const start = asServer("pg_ctl", ["-D", data, "-l", logFile, "-o", options, "-w", "-t", String(START_TIMEOUT_S), "start"]);
    if (start.code !== 0) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : "";
      throw new Error(`the PostgreSQL server did not start:\n${start.out}\n${log}`);
    }
    started = true;
    return { url: `postgres://${CLUSTER_USER}@127.0.0.1:${port}/postgres`, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
