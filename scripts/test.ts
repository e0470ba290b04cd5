/**
 * `npm test`: every test, browser ones included.
 *
 * 1. Makes sure Chromium is there for the browser tests: installs Debian's
 *    package when running as root with apt-get, otherwise fails saying how.
 * 2. Starts a throw-away PostgreSQL cluster (scripts/pg-cluster.ts; installs Debian's
 *    postgresql package when running as root with apt-get) and gives its URL to the
 *    tests as PARALLAX_TEST_PG_URL, so the Postgres tests run; where PostgreSQL cannot
 *    be had, says so and why, and those tests are skipped. The cluster is removed at
 *    the end, whatever happened.
 * 3. Runs the unit and database tests, then the browser tests, with vitest.
 * 4. Ends with one plain line "tests: N passed, N failed, N skipped" that
 *    CI reads, and exits non-zero when anything failed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensurePostgres, startCluster, type PgCluster } from "./pg-cluster";
import { aptInstall, canAptInstall } from "./system";

const CHROMIUM = process.env.PARALLAX_CHROMIUM ?? "/usr/bin/chromium";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function ensureChromium(): string | null {
  if (fs.existsSync(CHROMIUM)) return null;
  if (canAptInstall()) {
    console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium package (apt-get) ...`);
    if (aptInstall(["chromium"]) === null && fs.existsSync(CHROMIUM)) return null;
    return `Installing Chromium with apt-get failed. Install it by hand (apt-get update && apt-get install -y chromium) or point PARALLAX_CHROMIUM at a Chromium binary.`;
  }
  return `Chromium is needed for the browser tests and is not at ${CHROMIUM}. Install it (as root: apt-get update && apt-get install -y chromium), or set PARALLAX_CHROMIUM to a Chromium binary.`;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitest(config: string | null, label: string, env: NodeJS.ProcessEnv = process.env): { code: number; counts: Counts } {
  const report = path.join(os.tmpdir(), `parallax-vitest-${label}-${process.pid}.json`);
  const args = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  if (config) args.push("--config", config);
  console.log(`\n== ${label} tests ==`);
  const code = run("npx", args, env);
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    const j = JSON.parse(fs.readFileSync(report, "utf8"));
    counts.passed = j.numPassedTests ?? 0;
    counts.failed = j.numFailedTests ?? 0;
    counts.skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    // A suite that failed to load has no failed tests but must still count as a failure.
    if (code !== 0 && counts.failed === 0) counts.failed = Math.max(1, j.numFailedTestSuites ?? 1);
    fs.rmSync(report, { force: true });
  } catch {
    if (code !== 0) counts.failed = 1;
  }
  return { code, counts };
}

/** Starts the throw-away cluster, or says why the Postgres tests will be skipped. */
async function startPostgres(): Promise<PgCluster | null> {
  if (process.env.PARALLAX_TEST_PG_URL) {
    console.log("\nPostgreSQL tests run against PARALLAX_TEST_PG_URL as given (each test file creates and drops its own database there).");
    return null;
  }
  const found = ensurePostgres();
  if ("problem" in found) {
    console.log(`\nPostgreSQL tests SKIPPED: ${found.problem}.`);
    return null;
  }
  try {
    const cluster = await startCluster(found.bin);
    console.log(`\nPostgreSQL tests run against a throw-away cluster (${found.bin}) at ${cluster.url}`);
    return cluster;
  } catch (e) {
    console.log(`\nPostgreSQL tests SKIPPED: ${(e as Error).message}`);
    return null;
  }
}

async function main(): Promise<void> {
  const only = process.argv[2]; // "unit" | "browser" | undefined
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  let code = 0;
  const add = (r: { code: number; counts: Counts }) => {
    total.passed += r.counts.passed;
    total.failed += r.counts.failed;
    total.skipped += r.counts.skipped;
    if (r.code !== 0) code = 1;
  };
  if (only !== "browser") {
    const cluster = await startPostgres();
    // Stopped on the way out whatever happens, Ctrl-C included.
    const stop = () => cluster?.stop();
    const onSignal = (signal: NodeJS.Signals) => {
      stop();
      process.exit(signal === "SIGINT" ? 130 : 143);
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    // CI must test both stores: there, PostgreSQL missing is a failure, not a skip.
    if (!cluster && !process.env.PARALLAX_TEST_PG_URL && process.env.CI === "true") {
      console.error("CI=true: the PostgreSQL tests cannot be skipped in CI (see the line above); .ci/run installs PostgreSQL when it is missing");
      total.failed += 1;
      code = 1;
    }
    try {
      const env = cluster ? { ...process.env, PARALLAX_TEST_PG_URL: cluster.url } : process.env;
      add(vitest(null, "unit and database", env));
    } finally {
      stop();
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  }
  if (only !== "unit") {
    const problem = ensureChromium();
    if (problem) {
      console.error(`\n${problem}`);
      total.failed += 1;
      code = 1;
    } else {
      add(vitest("vitest.browser.config.ts", "browser"));
    }
  }
  console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(code);
}

void main();
