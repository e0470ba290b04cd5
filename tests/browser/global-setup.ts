/**
 * Global setup of the browser tests:
 * 1. builds a fresh database in a temp dir from the sample corpus (db/sample/articles)
 *    and, when ../shared/seeds exists, the five seed articles (a third story, ingested after
 *    the sample), with ingestInputs + analyzePending;
 * 2. creates an admin, an editor and a viewer account in it (db/users.ts);
 * 3. runs `next build` only when .next/BUILD_ID is missing or older than the sources;
 * 4. starts `next start` on a free 127.0.0.1 port with PARALLAX_DB pointing at the temp db,
 *    a sign-in rate limit of SIGN_IN_LIMIT, ClaimReview's public URL and organisation, and
 *    loopback addresses allowed (ingest tests fetch from 127.0.0.1; the private network stays refused);
 * and tears all of it down afterwards. Tests read `baseUrl`, `dbPath`, `accounts`,
 * `signInLimit` and `seedsDir` (null without the seeds) with inject().
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDb } from "../../db/client";
import { ingestInputs } from "../../db/ingest";
import { analyzePending } from "../../db/analyze";
import { createUser } from "../../db/users";
import { freePort } from "../../scripts/system";

/** An account the tests sign in with. */
export interface TestAccount {
  email: string;
  password: string;
  name: string;
  role: "viewer" | "editor" | "admin";
}

/**
 * Sign-in attempts per window for the test server. The whole suite signs in
 * from one address (127.0.0.1), and better-auth's window runs from the last
 * attempt (the count resets only after `windowSeconds` without one), so the
 * production default (5/60) would stop it; the rate-limit test still reaches
 * this limit and waits the window out.
 */
const SIGN_IN_LIMIT = { max: 30, windowSeconds: 10 };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dbPath: string;
    accounts: Record<"admin" | "editor" | "viewer", TestAccount>;
    signInLimit: { max: number; windowSeconds: number };
    seedsDir: string | null;
  }
}

/** The public address and organisation the test server publishes ClaimReview under. */
export const PUBLIC_URL = "https://desk.example.org/parallax";
export const ORGANISATION = "The Example Desk";

const ROOT = path.resolve(__dirname, "..", "..");
/** The five real seed articles (read in place, never copied into the repository). */
const SEEDS = path.resolve(ROOT, "..", "shared", "seeds");
// Not tsconfig.json: next build rewrites it itself.
const BUILD_INPUTS = ["app", "lib", "db", "proxy.ts", "next.config.js", "package-lock.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(p)) {
    if (name.startsWith(".") || name === "node_modules" || name === "sample") continue;
    newest = Math.max(newest, newestMtime(path.join(p, name)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const id = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(id)) return true;
  const built = fs.statSync(id).mtimeMs;
  return BUILD_INPUTS.some((p) => newestMtime(path.join(ROOT, p)) > built);
}

async function waitForServer(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`next start did not answer at ${url} within ${timeoutMs} ms:\n${log()}`);
}

let server: ChildProcess | null = null;
let tmp: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-browser-"));
  const dbPath = path.join(tmp, "parallax.db");
  const db = openDb(dbPath);
  const run = await ingestInputs(db, [path.join(ROOT, "db", "sample", "articles")], { now: () => new Date("2026-05-01T08:00:00Z") });
  if (run.failed) throw new Error(`sample ingest failed for ${run.failed} input(s): ${run.results.filter((r) => r.status === "failed").map((r) => r.input).join(", ")}`);
  const seedsDir = fs.existsSync(SEEDS) ? SEEDS : null;
  if (seedsDir) {
    const seeds = await ingestInputs(db, [seedsDir], { now: () => new Date("2026-05-01T08:01:00Z") });
    if (seeds.failed) throw new Error(`seed ingest failed for ${seeds.failed} input(s)`);
  } else console.log(`[browser tests] ${SEEDS} is absent: the seed story is not built and its tests are skipped`);
  const summary = await analyzePending(db, { now: () => new Date("2026-05-01T08:05:00Z") });
  const accounts = {} as Record<"admin" | "editor" | "viewer", TestAccount>;
  for (const [role, name] of [
    ["admin", "Ada Admin"],
    ["editor", "Robin Desk"],
    ["viewer", "Vic Viewer"],
  ] as const) {
    const email = `${role}@desk.test`;
    const { password } = await createUser(db, { email, name, role });
    accounts[role] = { email, password, name, role };
  }
  db.$client.close();
  if (summary.flags < 3) throw new Error(`the sample corpus gave ${summary.flags} flags; the browser tests need at least 3`);

  if (buildIsStale()) {
    console.log("[browser tests] building the app (next build) ...");
    const b = spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error(`next build failed (exit ${b.status})`);
  } else console.log("[browser tests] reusing the existing build (.next is newer than the sources)");

  const port = await freePort();
  let out = "";
  server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      PARALLAX_DB: dbPath,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PARALLAX_SIGN_IN_LIMIT: `${SIGN_IN_LIMIT.max}/${SIGN_IN_LIMIT.windowSeconds}`,
      // ClaimReview publishes under this address and name (tests/browser/desk.test.ts checks it).
      PARALLAX_PUBLIC_URL: PUBLIC_URL,
      PARALLAX_ORGANISATION: ORGANISATION,
      // The ingest test serves its article from 127.0.0.1; without this the dashboard refuses loopback
      // (that refusal is tested in tests/db/ingest-jobs.test.ts).
      PARALLAX_ALLOW_PRIVATE_ADDRESSES: "loopback",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => (out += d));
  server.stderr?.on("data", (d) => (out += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${baseUrl}/`, server, () => out);
  console.log(`[browser tests] next start at ${baseUrl}, database ${dbPath} (${summary.flags} flags)`);
  project.provide("baseUrl", baseUrl);
  project.provide("dbPath", dbPath);
  project.provide("accounts", accounts);
  project.provide("signInLimit", SIGN_IN_LIMIT);
  project.provide("seedsDir", seedsDir);
}

export async function teardown(): Promise<void> {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  server = null;
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  tmp = null;
}
